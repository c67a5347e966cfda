// Promise: undo takes back one action on the document as it is now, most recent first, and
// tells the page when there is nothing (left) to undo.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createUndo } from "../../overrides/assets/javascripts/team/undo.js";

test("entries come back most recent first, and the page hears when the top changes", () => {
  const seen = [];
  const undo = createUndo({ onChange: (top) => seen.push(top?.label ?? null) });
  undo.push({ label: "a", revert: () => null });
  undo.push({ label: "b", revert: () => null });
  assert.equal(undo.take().label, "b");
  undo.clear();
  assert.equal(undo.top(), null);
  assert.deepEqual(seen, ["a", "b", "a", null]);
});

test("the history keeps the most recent entries up to its limit", () => {
  const undo = createUndo({ limit: 2 });
  for (const label of ["a", "b", "c"]) undo.push({ label, revert: () => null });
  assert.equal(undo.take().label, "c");
  assert.equal(undo.take().label, "b");
  assert.equal(undo.take(), null);
});
