// Reading and writing a versioned JSON document: what a page saves in the browser and what
// its export files hold. The document's JSON Schema names the format and its version
// (properties.format.const, properties.version.const) and says what is valid; older versions
// are brought up to date by migrations, one step per version; newer ones are refused as
// "newer", never as broken. Also the ids a document's records carry: a new one, and the first
// repeated one (which a check refuses). node --test checks them.

import { compileSchema } from "./schema.js";

/** Why a text is not a readable document; each has a label `problem_<name>`. */
export const PROBLEMS = ["size", "json", "format", "newer", "invalid"];
/** The longest text a reader accepts, in characters (an import file, a saved entry). */
export const MAX_TEXT = 5_000_000;

/**
 * A reader and writer for one document format.
 * @param {object} schema the format's JSON Schema
 * @param {object} [options]
 * @param {Object<number, (doc: object) => object>} [options.migrations] migrations[n] turns a
 *   version n document into version n + 1; it gets any JSON value with that version and must
 *   not change it
 * @param {(doc: object) => (string|null)} [options.check] what the schema cannot say (unique
 *   ids, references): the path of the first problem, or null
 * @returns {Readonly<{name: string, version: number, read: Function, parse: Function, migrate: Function, make: Function}>}
 */
export function documentFormat(schema, { migrations = {}, check = () => null } = {}) {
  const name = schema.properties.format.const;
  const version = schema.properties.version.const;
  for (let step = 1; step < version; step++) {
    if (typeof migrations[step] !== "function") throw new Error(`documents.js: no migration from version ${step} of '${name}'`);
  }
  const validate = compileSchema(schema);

  /**
   * A document of this format at the current version, from any version up to this one.
   * @param {object} doc a document with an integer version from 1 up to the current one
   * @returns {object} a new document; `doc` is left as it was
   */
  function migrate(doc) {
    let current = doc;
    for (let step = doc.version; step < version; step++) current = { ...migrations[step](current), version: step + 1 };
    return current;
  }

  /**
   * Check a parsed value and bring it up to the current version. Never throws.
   * @param {unknown} value
   * @returns {{ok: true, doc: object, from: number} | {ok: false, problem: string, path?: string}}
   *   from: the version the value had
   */
  function read(value) {
    if (!isObject(value) || value.format !== name) return { ok: false, problem: "format" };
    if (!Number.isInteger(value.version) || value.version < 1) return { ok: false, problem: "invalid", path: "version" };
    if (value.version > version) return { ok: false, problem: "newer" };
    const doc = migrate(value);
    const result = validate(doc);
    if (!result.ok) return { ok: false, problem: "invalid", path: result.path };
    const path = check(doc);
    if (path) return { ok: false, problem: "invalid", path };
    return { ok: true, doc, from: value.version };
  }

  /**
   * Parse text (a saved entry, a file) and read it.
   * @param {string} text
   * @returns {{ok: true, doc: object, from: number} | {ok: false, problem: string, path?: string}}
   */
  function parse(text) {
    if (typeof text !== "string" || text.length > MAX_TEXT) return { ok: false, problem: "size" };
    let value;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return { ok: false, problem: "json" };
    }
    return read(value);
  }

  /**
   * A new document of this format: name and version first, then `fields` in their order.
   * @param {object} fields
   * @returns {object}
   */
  function make(fields) {
    return { format: name, version, ...fields };
  }

  return Object.freeze({ name, version, read, parse, migrate, make });
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A new unique id with a prefix, e.g. "m-k3x9a1".
 * @param {string} prefix
 * @param {Iterable<string>} taken ids already in use
 * @returns {string}
 */
export function newId(prefix, taken = []) {
  const used = new Set(taken);
  let id;
  do {
    id = `${prefix}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
  } while (used.has(id));
  return id;
}

/**
 * The index of the first value that came before in the list (a repeated id), or -1.
 * @param {unknown[]} values
 * @returns {number}
 */
export function firstRepeat(values) {
  const seen = new Set();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return index;
    seen.add(value);
  }
  return -1;
}
