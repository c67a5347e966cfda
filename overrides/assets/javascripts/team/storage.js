// The plan in localStorage: one documented key, a format name and version, and honest
// reports when the browser blocks storage, the storage is full or the saved data is broken.

import { parseDocument } from "./io.js";

/**
 * Open the browser's storage, or null when it is blocked (private mode, settings).
 * @returns {Storage|null}
 */
export function openStorage() {
  try {
    const storage = window.localStorage;
    const probe = "__ict-team-handbook-probe__";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * Read the saved document.
 * @param {Storage|null} storage
 * @param {string} key
 * @param {string} format
 * @param {number} version
 * @returns {{status: "blocked"|"empty"|"ok"|"corrupt", doc?: object, raw?: string, problem?: string}}
 */
export function load(storage, key, format, version) {
  if (!storage) return { status: "blocked" };
  let raw;
  try {
    raw = storage.getItem(key);
  } catch {
    return { status: "blocked" };
  }
  if (raw === null) return { status: "empty" };
  const result = parseDocument(raw, format, version);
  if (!result.ok) return { status: "corrupt", raw, problem: result.problem };
  return { status: "ok", doc: result.doc, raw };
}

/**
 * Save the document. Never throws.
 * @param {Storage|null} storage
 * @param {string} key
 * @param {object} doc
 * @returns {{ok: true} | {ok: false, reason: "blocked"|"full"}}
 */
export function save(storage, key, doc) {
  if (!storage) return { ok: false, reason: "blocked" };
  try {
    storage.setItem(key, JSON.stringify(doc));
    return { ok: true };
  } catch (error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
    return { ok: false, reason: full ? "full" : "blocked" };
  }
}

/**
 * The revision number of what is saved now (another tab may have saved since).
 * @param {Storage|null} storage
 * @param {string} key
 * @returns {number}
 */
export function savedRevision(storage, key) {
  if (!storage) return -1;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return -1;
    const revision = JSON.parse(raw).revision;
    return Number.isInteger(revision) ? revision : -1;
  } catch {
    return -1;
  }
}

/**
 * Call `callback` when another tab changes the saved document.
 * @param {string} key
 * @param {(newValue: string|null) => void} callback
 */
export function onExternalChange(key, callback) {
  window.addEventListener("storage", (event) => {
    if (event.key === key || event.key === null) callback(event.newValue);
  });
}
