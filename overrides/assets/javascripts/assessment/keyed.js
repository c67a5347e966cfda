// Redrawing a list without redrawing what did not change: each row is built from what it shows
// (its key), kept while that stays the same, and the rows are put in order by moving only the
// ones out of place. A change to one rating then rebuilds one row of each part instead of the
// whole result, and open disclosures and focus in the other rows stay as they are.

/**
 * Rows built once per key.
 * @returns {(id: string, key: string, build: () => Element) => Element} the row for `id`: the
 *   one built before when its key is the same, else a new one from `build`
 */
export function createRows() {
  const rows = new Map();
  return (id, key, build) => {
    const kept = rows.get(id);
    if (kept && kept.key === key) return kept.node;
    const node = build();
    rows.set(id, { key, node });
    return node;
  };
}

/**
 * Make `parent`'s children, from position `start` on, exactly `nodes`, moving as few as possible.
 * @param {Element} parent
 * @param {Element[]} nodes
 * @param {number} [start] children before this position are left alone
 */
export function placeRows(parent, nodes, start = 0) {
  nodes.forEach((node, index) => {
    const current = parent.children[start + index];
    if (current !== node) parent.insertBefore(node, current ?? null);
  });
  while (parent.children.length > start + nodes.length) parent.lastElementChild.remove();
}
