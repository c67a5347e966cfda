// The self-assessment's format: its facts come from schema/team-assessment.schema.json (the
// page's data island carries it), its migrations and the checks the schema cannot express
// live here. Pure functions: node --test reads the same schema file.

import { documentFormat, firstRepeat } from "../team/documents.js";

/**
 * One step per format version: MIGRATIONS[n] turns a version n document into version n + 1.
 * Version 1 is the first, so there is nothing to migrate yet; a version 2 adds its step here,
 * with a stored version 1 document in tests/fixtures/assessment/ that must keep loading.
 */
export const MIGRATIONS = {};

/**
 * The format, read from its schema.
 * @param {object} schema the self-assessment's JSON Schema
 * @returns {Readonly<object>} name, version, levels, limits; read, parse, migrate,
 *   makeDocument, cleanText
 */
export function assessmentFormat(schema) {
  const definitions = schema.$defs;
  const { minimum, maximum } = definitions.level;
  const levels = Object.freeze(Array.from({ length: maximum - minimum + 1 }, (_, index) => minimum + index));
  const limits = Object.freeze({
    responses: schema.properties.responses.maxItems,
    history: schema.properties.history.maxItems,
    name: definitions.name.maxLength,
    note: definitions.rating.properties.note.maxLength,
  });
  const documents = documentFormat(schema, { migrations: MIGRATIONS, check: checkAssessment });

  return Object.freeze({
    name: documents.name,
    version: documents.version,
    levels,
    limits,
    read: documents.read,
    parse: documents.parse,
    migrate: documents.migrate,

    /**
     * A document: what is saved in the browser and what an export file holds.
     * @param {{responses?: object[], history?: object[], mine?: string, revision?: number}} parts
     *   mine is left out of export files
     * @returns {object}
     */
    makeDocument({ responses = [], history = [], mine = undefined, revision = 0 } = {}) {
      return documents.make({ revision, saved: new Date().toISOString(), ...(mine ? { mine } : {}), responses, history });
    },

    /**
     * Text typed into a field, trimmed and cut to a limit (counted in characters).
     * @param {string} text
     * @param {"name"|"note"} kind
     * @returns {string}
     */
    cleanText(text, kind) {
      return [...String(text).trim()].slice(0, limits[kind]).join("");
    },
  });
}

/**
 * What the schema cannot say: response ids are unique (in the document and in every saved
 * result), saved results have unique ids, and `mine` names one of the responses.
 * @param {object} doc a document that matches the schema
 * @returns {string|null} the path of the first problem
 */
export function checkAssessment(doc) {
  const repeat = firstRepeat(doc.responses.map((r) => r.id));
  if (repeat >= 0) return `responses[${repeat}].id`;
  if (doc.mine !== undefined && !doc.responses.some((r) => r.id === doc.mine)) return "mine";
  const snapshots = firstRepeat(doc.history.map((s) => s.id));
  if (snapshots >= 0) return `history[${snapshots}].id`;
  for (const [index, snapshot] of doc.history.entries()) {
    const inner = firstRepeat(snapshot.responses.map((r) => r.id));
    if (inner >= 0) return `history[${index}].responses[${inner}].id`;
  }
  return null;
}
