// Promise: a team plan and its self-assessment travel together in one file and come back
// apart, each checked by its own format; hostile files are refused with the reason; a part
// that is broken or too new is refused on its own while the other is still offered; a team
// plan alone is recognised as belonging on the team page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readIncoming } from "../../../overrides/assets/javascripts/assessment/incoming.js";
import { MAX_TEXT } from "../../../overrides/assets/javascripts/team/documents.js";
import { bundle, documentWith, fmt, planFmt, response } from "./helpers.mjs";

const formats = { assessment: fmt, bundle, planName: planFmt.name };
const plan = { id: "p-school", name: "Sint-Jozef", members: [{ id: "m-an", name: "An", hours: 100, roles: [] }],
  assignments: { "tech-wifi": { owner: "m-an" } }, customTasks: [], knownTasks: ["tech-wifi"] };
const planDocument = planFmt.makeDocument([plan], plan.id, 0);
const assessment = fmt.makeDocument({ responses: [response("r-an", "An", { one: 2 })] });

test("a bundle holds both documents and reads back into both", () => {
  const text = JSON.stringify(bundle.make(planDocument, assessment));
  const read = readIncoming(text, formats);
  assert.equal(read.kind, "bundle");
  assert.deepEqual(read.plan, { ok: true, doc: planDocument, from: planFmt.version });
  assert.deepEqual(read.assessment, { ok: true, doc: assessment, from: 1 });
  assert.equal(JSON.parse(text).format, "ict-team-bundle");
});

test("an older team plan in a bundle is brought up to date by the plan's own migration", () => {
  const old = { ...structuredClone(planDocument), version: 1, revision: null };
  const read = readIncoming(JSON.stringify({ ...bundle.make(planDocument, assessment), plan: old }), formats);
  assert.equal(read.plan.ok, true);
  assert.equal(read.plan.from, 1);
  assert.equal(read.plan.doc.version, planFmt.version);
});

test("a part of a newer version, or a broken part, is refused on its own", () => {
  const newer = readIncoming(JSON.stringify(bundle.make({ ...planDocument, version: planFmt.version + 1 }, assessment)), formats);
  assert.deepEqual(newer.plan, { ok: false, problem: "newer" });
  assert.equal(newer.assessment.ok, true);
  const broken = { ...assessment, responses: [{ ...response("r-an", "An", { one: 9 }) }] };
  const read = readIncoming(JSON.stringify(bundle.make(planDocument, broken)), formats);
  assert.equal(read.plan.ok, true);
  assert.deepEqual(read.assessment, { ok: false, problem: "invalid", path: "assessment.responses[0].ratings.one.level" });
});

test("hostile files are refused with the reason", () => {
  const good = bundle.make(planDocument, assessment);
  const cases = [
    ["", { kind: "refused", problem: "json" }],
    ["{\"format\": \"ict-team-assessment\"", { kind: "refused", problem: "json" }],
    ["<html><body>not json</body></html>", { kind: "refused", problem: "json" }],
    ["42", { kind: "refused", problem: "format" }],
    [JSON.stringify({ format: "something-else", version: 1 }), { kind: "refused", problem: "format" }],
    [JSON.stringify({ ...good, version: 2 }), { kind: "refused", problem: "newer" }],
    [JSON.stringify({ ...good, plan: { format: "ict-team-assessment", version: 1 } }), { kind: "refused", problem: "invalid", path: "plan.format" }],
    [JSON.stringify({ ...good, assessment: undefined }), { kind: "refused", problem: "invalid", path: "assessment" }],
    [JSON.stringify({ ...assessment, version: 99 }), { kind: "refused", problem: "newer" }],
    ["[".repeat(10) + "]".repeat(10), { kind: "refused", problem: "format" }],
    [" ".repeat(MAX_TEXT + 1), { kind: "refused", problem: "size" }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(readIncoming(text, formats), expected, text.slice(0, 80));
});

test("one person's answers, a backup, or a team plan alone", () => {
  assert.deepEqual(readIncoming(JSON.stringify(assessment), formats), { kind: "assessment", doc: assessment, from: 1 });
  const backup = documentWith([response("r-an", "An", { one: 2 })]);
  assert.equal(readIncoming(JSON.stringify(backup), formats).doc.mine, "r-an");
  assert.deepEqual(readIncoming(JSON.stringify(planDocument), formats), { kind: "plan" });
});
