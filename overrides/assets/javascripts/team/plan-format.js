// The team plan's format: its facts come from schema/team-plan.schema.json (the page's data
// island carries it), its migrations and the checks the schema cannot express live here.
// Pure functions: node --test reads the same schema file.

import { documentFormat, firstRepeat } from "./documents.js";

/**
 * One step per format version: MIGRATIONS[n] turns a version n plan document into version
 * n + 1. Each gets whatever a file or an older page wrote with that version number.
 */
export const MIGRATIONS = {
  // Version 1 did not require a revision, and its pages saved "revision": null when a plan
  // had none. A version 2 document always has one.
  1: (doc) => ({ ...doc, revision: Number.isInteger(doc.revision) && doc.revision >= 0 ? doc.revision : 0 }),
  // Version 3 added the school's size ("school", optional): a version 2 plan reads as it is
  2: (doc) => doc,
};

/**
 * The plan format, read from its schema.
 * @param {object} schema the team plan's JSON Schema
 * @returns {Readonly<object>} name, version, statuses, modes, limits; read, parse, migrate,
 *   makeDocument, parseHours, cleanName
 */
export function planFormat(schema) {
  const definitions = schema.$defs;
  const assignment = definitions.assignment.properties;
  const plan = definitions.plan.properties;
  const limits = Object.freeze({
    hours: definitions.hours.maximum,
    name: definitions.text.maxLength,
    notes: assignment.notes.maxLength,
    members: plan.members.maxItems,
    customTasks: plan.customTasks.maxItems,
    plans: schema.properties.plans.maxItems,
    pupils: definitions.school.properties.pupils.maximum,
    sites: definitions.school.properties.sites.maximum,
  });
  const documents = documentFormat(schema, { migrations: MIGRATIONS, check: checkPlans });

  return Object.freeze({
    name: documents.name,
    version: documents.version,
    statuses: Object.freeze([...assignment.status.enum]),
    modes: Object.freeze([...assignment.mode.enum]),
    limits,
    read: documents.read,
    parse: documents.parse,
    migrate: documents.migrate,

    /**
     * A plan document: what is saved in the browser and what an export file holds.
     * @param {Array<object>} plans
     * @param {string} current id of the plan on screen
     * @param {number} revision increases with every save (tabs compare it); 0 in exports
     * @returns {object}
     */
    makeDocument(plans, current, revision = 0) {
      return documents.make({ revision, saved: new Date().toISOString(), current, plans });
    },

    /**
     * Hours typed into a field: a whole number from 0 up to the limit, or null when the text
     * is empty, not a number or negative.
     * @param {string} text
     * @returns {?number}
     */
    parseHours(text) {
      const value = Number(text);
      if (String(text).trim() === "" || !Number.isFinite(value) || value < 0) return null;
      return Math.min(limits.hours, Math.round(value));
    },

    /**
     * A count typed into a field (pupils, sites): a whole number from 1 up to `max`, or null
     * when the text is empty or not a positive number.
     * @param {string} text
     * @param {number} max
     * @returns {?number}
     */
    parseCount(text, max) {
      const value = Number(String(text).trim());
      if (String(text).trim() === "" || !Number.isFinite(value) || value < 1) return null;
      return Math.min(max, Math.round(value));
    },

    /**
     * A name or title typed into a field: trimmed, at most the length limit.
     * @param {string} text
     * @returns {string}
     */
    cleanName(text) {
      return [...String(text).trim()].slice(0, limits.name).join("");
    },
  });
}

/**
 * A document's own-task, member and plan ids must be unique, and `current` must name a plan.
 * @param {object} doc a document that matches the schema
 * @returns {string|null} the path of the first problem
 */
export function checkPlans(doc) {
  const planIds = new Set();
  for (const [p, plan] of doc.plans.entries()) {
    if (planIds.has(plan.id)) return `plans[${p}].id`;
    planIds.add(plan.id);
    const members = firstRepeat(plan.members.map((m) => m.id));
    if (members >= 0) return `plans[${p}].members[${members}].id`;
    const tasks = firstRepeat(plan.customTasks.map((t) => t.id));
    if (tasks >= 0) return `plans[${p}].customTasks[${tasks}].id`;
  }
  return planIds.has(doc.current) ? null : "current";
}
