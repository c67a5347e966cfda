// One file with a team plan and its self-assessment side by side (schema/team-bundle.schema.json).
// Each part is a document of its own format: on reading, each is checked and brought up to
// date by that format, so a part that is broken or too new is refused on its own and the
// other part is still offered. Pure functions: node --test checks them.

import { documentFormat } from "../team/documents.js";

/**
 * @param {object} schema the bundle's JSON Schema
 * @param {{plan: object, assessment: object}} formats the team plan's format (team/plan-format.js)
 *   and the self-assessment's (format.js): each with name, read and makeDocument
 * @returns {Readonly<{name: string, version: number, make: Function, read: Function, isBundle: Function}>}
 */
export function bundleFormat(schema, formats) {
  const documents = documentFormat(schema);

  return Object.freeze({
    name: documents.name,
    version: documents.version,

    /**
     * A bundle of one plan document and one assessment document.
     * @param {object} planDocument a team-plan document (one plan)
     * @param {object} assessmentDocument an assessment document as exported (no "mine")
     * @returns {object}
     */
    make(planDocument, assessmentDocument) {
      return documents.make({ saved: new Date().toISOString(), plan: planDocument, assessment: assessmentDocument });
    },

    /**
     * Read a parsed bundle. Never throws.
     * @param {unknown} value
     * @returns {{ok: true, plan: object, assessment: object} | {ok: false, problem: string, path?: string}}
     *   plan and assessment are each their format's read() result ({ok, doc} or {ok: false, problem, path})
     */
    read(value) {
      const result = documents.read(value);
      if (!result.ok) return result;
      const prefix = (part, read) => (read.ok || !read.path ? read : { ...read, path: `${part}.${read.path}` });
      return {
        ok: true,
        plan: prefix("plan", formats.plan.read(result.doc.plan)),
        assessment: prefix("assessment", formats.assessment.read(result.doc.assessment)),
      };
    },

    /**
     * Whether a parsed value says it is a bundle (to pick the reader for a file).
     * @param {unknown} value
     * @returns {boolean}
     */
    isBundle(value) {
      return typeof value === "object" && value !== null && value.format === documents.name;
    },
  });
}
