// Undo for a page that keeps a document: each entry knows how to take back one action on the
// document as it is *now*, so work done after the action (in this tab or another) is kept.
// An entry that cannot apply any more (its plan is gone) gives null rather than a guess.

/**
 * @typedef {object} UndoEntry
 * @property {string} label what the action did, as the page shows it ("An was removed.")
 * @property {string} [focus] a selector for where focus goes once the action is taken back
 * @property {(doc: object) => ({doc: object, note: string}|null)} revert the document without
 *   the action's effect (note: anything the page should add, such as what stayed changed),
 *   or null when that is no longer possible
 */

/**
 * An undo history with the most recent action on top.
 * @param {{limit?: number, onChange?: (top: UndoEntry|null) => void}} [options]
 *   onChange: called whenever the top entry changes (to show or hide an undo button)
 * @returns {Readonly<{push: Function, top: Function, take: Function, clear: Function}>}
 */
export function createUndo({ limit = 20, onChange = () => {} } = {}) {
  const entries = [];
  const changed = () => onChange(entries.at(-1) ?? null);
  return Object.freeze({
    /** @param {UndoEntry} entry */
    push(entry) {
      entries.push(entry);
      if (entries.length > limit) entries.shift();
      changed();
    },
    /** @returns {UndoEntry|null} the action an undo would take back */
    top() {
      return entries.at(-1) ?? null;
    },
    /** @returns {UndoEntry|null} the top entry, taken off the history (the caller applies it) */
    take() {
      const entry = entries.pop() ?? null;
      changed();
      return entry;
    },
    clear() {
      if (!entries.length) return;
      entries.length = 0;
      changed();
    },
  });
}
