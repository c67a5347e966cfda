// What a file picked for import holds: one person's answers or a backup (an assessment
// document), a team plan and its assessment together (a bundle), a team plan alone (which
// belongs on the team page), or something this page cannot read, and why. Pure: node --test
// checks it with hostile files.

import { MAX_TEXT } from "../team/documents.js";

/**
 * @param {string} text the file's text
 * @param {{assessment: object, bundle: object, planName: string}} formats the assessment format
 *   (format.js), the bundle format (bundle.js) and the team plan's format name
 * @returns {{kind: "assessment", doc: object, from: number} | {kind: "bundle", plan: object, assessment: object}
 *   | {kind: "plan"} | {kind: "refused", problem: string, path?: string}}
 *   problem: one of documents.PROBLEMS (size, json, format, newer, invalid)
 */
export function readIncoming(text, { assessment, bundle, planName }) {
  if (typeof text !== "string" || text.length > MAX_TEXT) return { kind: "refused", problem: "size" };
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { kind: "refused", problem: "json" };
  }
  const format = typeof value === "object" && value !== null ? value.format : undefined;
  if (format === planName) return { kind: "plan" };
  if (bundle.isBundle(value)) {
    const result = bundle.read(value);
    return result.ok ? { kind: "bundle", plan: result.plan, assessment: result.assessment } : refused(result);
  }
  const result = assessment.read(value);
  return result.ok ? { kind: "assessment", doc: result.doc, from: result.from } : refused(result);
}

function refused({ problem, path }) {
  return path ? { kind: "refused", problem, path } : { kind: "refused", problem };
}
