// Reading and writing plan documents: validation of saved data and imported files, JSON and
// CSV export. Pure functions except `download`, which hands a file to the browser.

import { LIMITS, MODES, STATUSES, assignmentOf, taskHours } from "./state.js";

/** The largest file an import accepts, in characters. */
export const MAX_FILE_SIZE = 5_000_000;
const ID = /^[a-z][a-z0-9-]{0,80}$/;

/**
 * A plan document: what is saved in localStorage and what an export file holds.
 * @param {string} format format name
 * @param {number} version format version
 * @param {Array<object>} plans
 * @param {string} current id of the plan on screen
 * @param {number} revision increases with every save (two tabs compare it)
 * @returns {object}
 */
export function makeDocument(format, version, plans, current, revision = 0) {
  return { format, version, revision, saved: new Date().toISOString(), current, plans };
}

/**
 * Check a parsed document: format, version, types and sizes. Never throws.
 * @param {unknown} doc
 * @param {string} format the expected format name
 * @param {number} version the highest version this page reads
 * @param {{groups: Set<string>, tasks: Set<string>} | null} [handbook] the page's task groups
 *   and handbook task ids: when given, own tasks must use one of those groups and no such id
 * @returns {{ok: true, doc: object} | {ok: false, problem: string, path?: string}}
 *   problem is one of "format", "version", "invalid"
 */
export function validateDocument(doc, format, version, handbook = null) {
  if (!isObject(doc) || doc.format !== format) return { ok: false, problem: "format" };
  if (!Number.isInteger(doc.version) || doc.version < 1 || doc.version > version) return { ok: false, problem: "version" };
  const fail = (path) => ({ ok: false, problem: "invalid", path });
  if (!Array.isArray(doc.plans) || doc.plans.length < 1 || doc.plans.length > LIMITS.plans) return fail("plans");
  const planIds = new Set();
  for (const [p, plan] of doc.plans.entries()) {
    const at = `plans[${p}]`;
    if (!isObject(plan) || !isId(plan.id) || planIds.has(plan.id)) return fail(`${at}.id`);
    planIds.add(plan.id);
    if (!isText(plan.name, LIMITS.name)) return fail(`${at}.name`);
    if (!Array.isArray(plan.members) || plan.members.length > LIMITS.members) return fail(`${at}.members`);
    const memberIds = new Set();
    for (const [i, m] of plan.members.entries()) {
      const mat = `${at}.members[${i}]`;
      if (!isObject(m) || !isId(m.id) || memberIds.has(m.id)) return fail(`${mat}.id`);
      memberIds.add(m.id);
      if (!isText(m.name, LIMITS.name) || !m.name.trim()) return fail(`${mat}.name`);
      if (!isHours(m.hours)) return fail(`${mat}.hours`);
      if (!Array.isArray(m.roles) || m.roles.length > 100 || !m.roles.every(isId)) return fail(`${mat}.roles`);
    }
    if (!isObject(plan.assignments) || Object.keys(plan.assignments).length > 5000) return fail(`${at}.assignments`);
    for (const [taskId, a] of Object.entries(plan.assignments)) {
      const aat = `${at}.assignments.${taskId}`;
      if (!isId(taskId) || !isObject(a)) return fail(aat);
      if ("mode" in a && !MODES.includes(a.mode)) return fail(`${aat}.mode`);
      if ("status" in a && !STATUSES.includes(a.status)) return fail(`${aat}.status`);
      for (const key of ["owner", "backup"]) if (key in a && !isId(a[key])) return fail(`${aat}.${key}`);
      if ("partner" in a && !isText(a.partner, LIMITS.name)) return fail(`${aat}.partner`);
      if ("notes" in a && !isText(a.notes, LIMITS.notes)) return fail(`${aat}.notes`);
      if ("hours" in a && !isHours(a.hours)) return fail(`${aat}.hours`);
      const unknown = Object.keys(a).find((k) => !["mode", "status", "owner", "backup", "partner", "notes", "hours"].includes(k));
      if (unknown) return fail(`${aat}.${unknown}`);
    }
    if (!Array.isArray(plan.customTasks) || plan.customTasks.length > LIMITS.customTasks) return fail(`${at}.customTasks`);
    const ownIds = new Set();
    for (const [i, t] of plan.customTasks.entries()) {
      const tat = `${at}.customTasks[${i}]`;
      if (!isObject(t) || !isId(t.id) || !isId(t.group) || ownIds.has(t.id)) return fail(tat);
      ownIds.add(t.id);
      // An own task must sit in a group the page shows, and never share a handbook task's id
      if (handbook && (!handbook.groups.has(t.group) || handbook.tasks.has(t.id))) return fail(tat);
      if (!isText(t.title, LIMITS.name) || !t.title.trim()) return fail(`${tat}.title`);
      if (!isHours(t.hours)) return fail(`${tat}.hours`);
    }
    if (!Array.isArray(plan.knownTasks) || plan.knownTasks.length > 5000 || !plan.knownTasks.every(isId)) return fail(`${at}.knownTasks`);
  }
  if (!planIds.has(doc.current)) return fail("current");
  return { ok: true, doc };
}

/**
 * Parse text and validate it as a plan document.
 * @param {string} text
 * @param {string} format
 * @param {number} version
 * @param {{groups: Set<string>, tasks: Set<string>} | null} [handbook] see validateDocument
 * @returns {{ok: true, doc: object} | {ok: false, problem: string, path?: string}}
 *   problem adds "json" (not JSON) and "size" (file too large)
 */
export function parseDocument(text, format, version, handbook = null) {
  if (typeof text !== "string" || text.length > MAX_FILE_SIZE) return { ok: false, problem: "size" };
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, problem: "json" };
  }
  return validateDocument(value, format, version, handbook);
}

/**
 * One plan as CSV text that Excel opens directly: UTF-8 BOM, semicolons for Dutch (Excel
 * in Belgium expects them), commas otherwise, every field quoted when needed. Cells that a
 * spreadsheet would read as a formula get a leading apostrophe.
 * @param {object} plan
 * @param {Array<object>} tasks all tasks (handbook and own)
 * @param {Array<{id: string, title: string}>} groups
 * @param {Object<string, string>} labels the page's labels
 * @param {string} language
 * @returns {string}
 */
export function planToCsv(plan, tasks, groups, labels, language) {
  const sep = language === "nl" ? ";" : ",";
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  const groupTitles = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  const header = ["csv_id", "csv_group", "csv_task", "csv_owner", "csv_backup", "csv_mode", "csv_partner",
    "csv_status", "csv_hours", "csv_notes"].map((key) => labels[key]);
  const rows = [header];
  for (const task of tasks) {
    const a = assignmentOf(plan, task.id);
    rows.push([task.id, groupTitles[task.group] || task.group, task.title, names[a.owner] || "",
      names[a.backup] || "", labels[`mode_${a.mode}`], a.partner, labels[`status_${a.status}`],
      String(taskHours(plan, task)), a.notes]);
  }
  return "\uFEFF" + rows.map((row) => row.map((cell) => csvCell(cell, sep)).join(sep)).join("\r\n") + "\r\n";
}

/**
 * A safe file name from a plan's name, e.g. "Sint-Jozef 2025" → "sint-jozef-2025".
 * @param {string} name
 * @returns {string}
 */
export function fileStem(name) {
  const stem = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return stem || "plan";
}

/**
 * Offer text as a file download (a blob URL: nothing leaves the browser).
 * @param {string} filename
 * @param {string} text
 * @param {string} type MIME type
 */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- Helpers ----------------------------------------------------------------------------------

function csvCell(value, sep) {
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isId(value) {
  return typeof value === "string" && ID.test(value);
}

function isText(value, max) {
  return typeof value === "string" && value.length <= max;
}

function isHours(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= LIMITS.hours;
}
