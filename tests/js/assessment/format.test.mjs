// Promise: the self-assessment's format takes every fact from its published schema (levels,
// limits, name, version); what the page writes is valid; and anything else is refused with
// the reason: broken JSON, another format, a newer version, an invalid field (with its path),
// repeated ids, a text too large.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_TEXT } from "../../../overrides/assets/javascripts/team/documents.js";
import { assessmentFormat, checkAssessment } from "../../../overrides/assets/javascripts/assessment/format.js";
import { SCHEMA, documentWith, fixture, fmt, response, validate } from "./helpers.mjs";

test("the facts come from the schema", () => {
  assert.equal(fmt.name, SCHEMA.properties.format.const);
  assert.equal(fmt.name, "ict-team-assessment");
  assert.equal(fmt.version, SCHEMA.properties.version.const);
  assert.deepEqual(fmt.levels, [1, 2, 3, 4]);
  assert.deepEqual(fmt.limits, { responses: 100, history: 60, name: 80, note: 1000 });
});

test("a schema with five levels gives five levels (nothing else holds the number)", () => {
  const five = structuredClone(SCHEMA);
  five.$defs.level.maximum = 5;
  assert.deepEqual(assessmentFormat(five).levels, [1, 2, 3, 4, 5]);
  assert.equal(assessmentFormat(five).read(documentWith([response("r-an", "An", { one: 5 })])).ok, true);
});

test("what the page writes is valid and reads back the same", () => {
  const doc = documentWith([response("r-an", "An", { one: { level: 2, note: "<b>vet</b>" } })]);
  assert.deepEqual(validate(doc), { ok: true });
  assert.deepEqual(fmt.parse(JSON.stringify(doc)), { ok: true, doc, from: 1 });
  const exported = fmt.makeDocument({ responses: doc.responses });
  assert.equal("mine" in exported, false, "an export file does not say whose browser it came from");
  assert.equal(exported.revision, 0);
  assert.deepEqual(Object.keys(exported).slice(0, 3), ["format", "version", "revision"], "the order storage.savedRevision reads fast");
});

test("a stored version 1 document keeps loading", () => {
  const result = fmt.parse(fixture("self-assessment-v1.json"));
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.from, 1);
  assert.equal(result.doc.responses.length, 2);
  assert.equal(result.doc.history.length, 1);
});

test("refused, with the reason", () => {
  const good = documentWith([response("r-an", "An", { one: 2 })]);
  const cases = [
    ["{not json", { ok: false, problem: "json" }],
    ["null", { ok: false, problem: "format" }],
    ["[]", { ok: false, problem: "format" }],
    [JSON.stringify({ ...good, format: "ict-team-plan" }), { ok: false, problem: "format" }],
    [JSON.stringify({ ...good, version: 2 }), { ok: false, problem: "newer" }],
    [JSON.stringify({ ...good, version: 0 }), { ok: false, problem: "invalid", path: "version" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "An", { one: 5 })] }), { ok: false, problem: "invalid", path: "responses[0].ratings.one.level" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "An", { one: 2.5 })] }), { ok: false, problem: "invalid", path: "responses[0].ratings.one.level" }],
    [JSON.stringify({ ...good, responses: [response("R AN", "An", {})] }), { ok: false, problem: "invalid", path: "responses[0].id" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "x".repeat(81), {})] }), { ok: false, problem: "invalid", path: "responses[0].name" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "An", { one: { level: 1, note: "x".repeat(1001) } })] }), { ok: false, problem: "invalid", path: "responses[0].ratings.one.note" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "An", { one: { level: 1, extra: 1 } })] }), { ok: false, problem: "invalid", path: "responses[0].ratings.one.extra" }],
    [JSON.stringify({ ...good, responses: [response("r-an", "An", {}), response("r-an", "Bo", {})] }), { ok: false, problem: "invalid", path: "responses[1].id" }],
    [JSON.stringify({ ...good, mine: "r-nobody" }), { ok: false, problem: "invalid", path: "mine" }],
    [JSON.stringify({ ...good, responses: Array.from({ length: 101 }, (_, i) => response(`r-${i}`, "", {})) }), { ok: false, problem: "invalid", path: "responses" }],
    [JSON.stringify({ ...good, history: [{ id: "s-1", date: "29/11/2026", label: "", responses: [] }] }), { ok: false, problem: "invalid", path: "history[0].date" }],
    [JSON.stringify({ ...good, extra: true }), { ok: false, problem: "invalid", path: "extra" }],
    ["x".repeat(MAX_TEXT + 1), { ok: false, problem: "size" }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(fmt.parse(text), expected, text.slice(0, 120));
});

test("a byte-order mark and HTML in names are fine: names are text", () => {
  const doc = documentWith([response("r-an", "<img src=x onerror=alert(1)>", { one: 2 })]);
  const result = fmt.parse(`\uFEFF${JSON.stringify(doc)}`);
  assert.equal(result.ok, true);
  assert.equal(result.doc.responses[0].name, "<img src=x onerror=alert(1)>");
});

test("checks the schema cannot express", () => {
  const doc = documentWith([response("r-an", "An", {})]);
  assert.equal(checkAssessment(doc), null);
  const snapshot = { id: "s-1", date: "2026-11-29", label: "", responses: [response("r-a", "", {}), response("r-a", "", {})] };
  assert.equal(checkAssessment({ ...doc, history: [snapshot] }), "history[0].responses[1].id");
  assert.equal(checkAssessment({ ...doc, history: [{ ...snapshot, responses: [] }, { ...snapshot, responses: [] }] }), "history[1].id");
});

test("text typed into a field is trimmed and cut to the schema's limit", () => {
  assert.equal(fmt.cleanText("  An  ", "name"), "An");
  assert.equal([...fmt.cleanText("é".repeat(200), "name")].length, 80);
  assert.equal(fmt.cleanText("😀".repeat(1200), "note").length, 2000, "characters, not UTF-16 units");
});
