// Promise: the page checks documents against the published schema itself, so the schema is the
// one source of field names, types and limits; a keyword it cannot check fails loudly.
import assert from "node:assert/strict";
import { test } from "node:test";

import { compileSchema } from "../../overrides/assets/javascripts/team/schema.js";

const schema = {
  type: "object",
  required: ["name", "items"],
  properties: {
    name: { $ref: "#/$defs/name" },
    items: { type: "array", maxItems: 2, items: { $ref: "#/$defs/item" } },
    kind: { enum: ["a", "b"] },
  },
  $defs: {
    name: { type: "string", minLength: 1, maxLength: 3, pattern: "\\S", description: "annotations are ignored" },
    item: { type: "object", additionalProperties: false, properties: { n: { type: "integer", minimum: 0, maximum: 9 } } },
  },
};
const check = compileSchema(schema);

test("a valid value passes", () => {
  assert.deepEqual(check({ name: "An", items: [{ n: 0 }, { n: 9 }], kind: "a" }), { ok: true });
});

test("each failure names the path of the value and the keyword", () => {
  assert.deepEqual(check({ items: [] }), { ok: false, path: "name", keyword: "required" });
  assert.deepEqual(check({ name: "An", items: [{ n: 10 }] }), { ok: false, path: "items[0].n", keyword: "maximum" });
  assert.deepEqual(check({ name: "An", items: [{ n: 1.5 }] }), { ok: false, path: "items[0].n", keyword: "type" });
  assert.deepEqual(check({ name: "An", items: [{ x: 1 }] }), { ok: false, path: "items[0].x", keyword: "additionalProperties" });
  assert.deepEqual(check({ name: "An", items: [{}, {}, {}] }), { ok: false, path: "items", keyword: "maxItems" });
  assert.deepEqual(check({ name: "An", items: [], kind: "c" }), { ok: false, path: "kind", keyword: "enum" });
  assert.deepEqual(check({ name: "   ", items: [] }), { ok: false, path: "name", keyword: "pattern" });
  assert.deepEqual(check([]), { ok: false, path: "", keyword: "type" });
});

test("lengths count characters, as JSON Schema does, not UTF-16 units", () => {
  assert.equal(check({ name: "😀😀😀", items: [] }).ok, true);
  assert.equal(check({ name: "😀😀😀😀", items: [] }).keyword, "maxLength");
});

test("a keyword it does not know stops the compile", () => {
  assert.throws(() => compileSchema({ type: "object", dependentRequired: {} }), /dependentRequired/);
  assert.throws(() => compileSchema({ $ref: "other.json#/x" }), /local/);
});
