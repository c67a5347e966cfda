// One document in localStorage, for any page that keeps its state in the browser: one key,
// scoped by the site's base path as Material for MkDocs scopes its own entries, a move from
// older keys, and honest reports when storage is blocked, full, unreadable or newer than the
// page. Nothing here knows what the document holds: `read` (see documents.js) decides.

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
 * The key of an entry for a site served under `basePath`: "/handbook/.name" for a site at
 * /handbook/, as Material's __md_set writes its own.
 * @param {string} basePath the site's base path, starting and ending with "/"
 * @param {string} name
 * @returns {string}
 */
export function scopedKey(basePath, name) {
  return `${basePath}.${name}`;
}

/**
 * A store for one document.
 * @param {object} options
 * @param {Storage|null} options.storage see openStorage
 * @param {string} options.key
 * @param {string[]} [options.legacyKeys] keys an earlier version of the page used: their data
 *   is read when `key` is empty, and removed once it is saved under `key`
 * @param {(text: string) => ({ok: true, doc: object} | {ok: false, problem: string, path?: string})} options.parse
 * @returns {object} load, save, savedRevision, onExternalChange
 */
export function createStore({ storage, key, legacyKeys = [], parse }) {
  let legacyKey = null; // the older key the document was read from, until it is saved here

  function get(name) {
    return storage.getItem(name);
  }

  /**
   * Read the saved document.
   * @returns {{status: "blocked"|"empty"} | {status: "ok", doc: object, from: number, raw: string, moved: boolean}
   *   | {status: "unreadable"|"newer", raw: string, problem: string, path?: string}}
   *   moved: read from an older key, not yet saved under the current one
   */
  function load() {
    if (!storage) return { status: "blocked" };
    let raw;
    legacyKey = null;
    try {
      raw = get(key);
      if (raw === null) {
        legacyKey = legacyKeys.find((name) => get(name) !== null) ?? null;
        if (legacyKey !== null) raw = get(legacyKey);
      }
    } catch {
      return { status: "blocked" };
    }
    if (raw === null) return { status: "empty" };
    return interpret(raw, legacyKey !== null);
  }

  function interpret(raw, moved = false) {
    const result = parse(raw);
    if (result.ok) return { status: "ok", doc: result.doc, from: result.from, raw, moved };
    return { status: result.problem === "newer" ? "newer" : "unreadable", raw, problem: result.problem, path: result.path };
  }

  /**
   * Save the document. Never throws.
   * @param {object} doc
   * @returns {{ok: true} | {ok: false, reason: "blocked"|"full"}}
   */
  function save(doc) {
    if (!storage) return { ok: false, reason: "blocked" };
    try {
      storage.setItem(key, JSON.stringify(doc));
    } catch (error) {
      const full = error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
      return { ok: false, reason: full ? "full" : "blocked" };
    }
    if (legacyKey !== null) {
      // Saved under the new key: the old entry is no longer needed
      try {
        storage.removeItem(legacyKey);
      } catch {
        // It stays; the next visit reads the new key first
      }
      legacyKey = null;
    }
    return { ok: true };
  }

  /**
   * The revision of what is saved now (another tab may have saved since), or -1.
   * The page writes "revision" right after "format" and "version", so the start of the text
   * is enough; anything else is parsed in full.
   * @returns {number}
   */
  function savedRevision() {
    if (!storage) return -1;
    try {
      const raw = get(key);
      if (raw === null) return -1;
      const quick = /^\{"format":"[^"]*","version":\d+,"revision":(\d+)[,}]/.exec(raw.slice(0, 200));
      const revision = quick ? Number(quick[1]) : JSON.parse(raw).revision;
      return Number.isInteger(revision) ? revision : -1;
    } catch {
      return -1;
    }
  }

  /**
   * Call `callback` with what is saved now whenever another tab changes it.
   * @param {(loaded: object|null) => void} callback gets load()'s result for the new text, or
   *   null when the entry was removed
   */
  function onExternalChange(callback) {
    window.addEventListener("storage", (event) => {
      if (event.storageArea !== storage || (event.key !== key && event.key !== null)) return;
      const raw = event.key === null ? safeGet() : event.newValue;
      callback(raw === null ? null : interpret(raw));
    });
  }

  function safeGet() {
    try {
      return get(key);
    } catch {
      return null;
    }
  }

  return Object.freeze({ key, load, save, savedRevision, onExternalChange });
}
