// Promise: the plan format's facts come from schema/team-plan.schema.json; older documents
// keep loading (a stored version 1 document); newer ones are recognised, never called broken;
// every problem is reported with its kind and the path of the field.
import assert from "node:assert/strict";
import { test } from "node:test";

import { PROBLEMS } from "../../overrides/assets/javascripts/team/documents.js";
import { checkPlans } from "../../overrides/assets/javascripts/team/plan-format.js";
import { createPlan } from "../../overrides/assets/javascripts/team/state.js";
import { SCHEMA, fixture, fmt, model } from "./helpers.mjs";

function doc() {
  let plan = createPlan("p-1", "Sint-Jozef", ["tech-wifi"]);
  plan = { ...plan, members: [{ id: "m-an", name: "An", hours: 10, roles: [] }] };
  plan = model.setAssignment(plan, "tech-wifi", { owner: "m-an", notes: "=1+1", status: "done" });
  return fmt.makeDocument([plan], "p-1", 3);
}

test("the facts are the schema's", () => {
  assert.equal(fmt.name, SCHEMA.properties.format.const);
  assert.equal(fmt.version, SCHEMA.properties.version.const);
  assert.deepEqual(fmt.statuses, SCHEMA.$defs.assignment.properties.status.enum);
  assert.deepEqual(fmt.modes, SCHEMA.$defs.assignment.properties.mode.enum);
  assert.equal(fmt.limits.members, SCHEMA.$defs.plan.properties.members.maxItems);
  assert.equal(fmt.limits.hours, SCHEMA.$defs.hours.maximum);
});

test("a saved document round-trips through JSON, format name, version and revision first", () => {
  const text = JSON.stringify(doc());
  assert.match(text, /^\{"format":"ict-team-plan","version":\d+,"revision":3,/);
  const result = fmt.parse(text);
  assert.equal(result.ok, true);
  assert.deepEqual(result.doc.plans, doc().plans);
});

test("bad input is refused with the kind of problem and the field", () => {
  assert.equal(fmt.parse("{not json").problem, "json");
  assert.equal(fmt.parse("x".repeat(5_000_001)).problem, "size");
  assert.equal(fmt.parse(JSON.stringify({ ...doc(), format: "other" })).problem, "format");
  assert.deepEqual(fmt.parse(JSON.stringify({ ...doc(), version: 0 })), { ok: false, problem: "invalid", path: "version" });
  const bad = doc();
  bad.plans[0].members[0].hours = "ten";
  assert.deepEqual(fmt.read(bad), { ok: false, problem: "invalid", path: "plans[0].members[0].hours" });
  const spaces = doc();
  spaces.plans[0].members[0].name = "   ";
  assert.equal(fmt.read(spaces).path, "plans[0].members[0].name");
  const unknown = doc();
  unknown.plans[0].assignments["tech-wifi"].evil = "<script>";
  assert.equal(fmt.read(unknown).path, "plans[0].assignments.tech-wifi.evil");
  const long = doc();
  long.plans[0].assignments["tech-wifi"].notes = "x".repeat(fmt.limits.notes + 1);
  assert.equal(fmt.read(long).path, "plans[0].assignments.tech-wifi.notes");
  for (const result of [fmt.parse("{"), fmt.read(bad)]) assert.ok(PROBLEMS.includes(result.problem));
});

test("a document from a newer version is 'newer', not broken", () => {
  assert.deepEqual(fmt.parse(JSON.stringify({ ...doc(), version: fmt.version + 1, whatever: [] })), { ok: false, problem: "newer" });
});

test("ids must be unique and the current plan must exist", () => {
  const twice = doc();
  twice.plans.push({ ...twice.plans[0] });
  assert.equal(checkPlans(twice), "plans[1].id");
  const members = doc();
  members.plans[0].members.push({ ...members.plans[0].members[0] });
  assert.equal(fmt.read(members).path, "plans[0].members[1].id");
  const own = doc();
  own.plans[0].customTasks = [{ id: "own-a", group: "technical", title: "A", hours: 1 }, { id: "own-a", group: "x", title: "B", hours: 1 }];
  assert.equal(fmt.read(own).path, "plans[0].customTasks[1].id");
  assert.equal(fmt.read({ ...doc(), current: "p-none" }).path, "current");
});

test("an own task in a group the page does not know is read, not refused", () => {
  const value = doc();
  value.plans[0].customTasks = [{ id: "own-a", group: "gone-group", title: "Fax", hours: 1 }];
  assert.equal(fmt.read(value).ok, true);
});

test("a stored version 1 document loads as the current version, with everything in it", () => {
  const text = fixture("team-plan-v1.json");
  const original = JSON.parse(text);
  const result = fmt.parse(text);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.from, 1);
  assert.equal(result.doc.version, fmt.version);
  assert.equal(result.doc.revision, 0, "version 1 pages saved 'revision': null");
  assert.deepEqual(result.doc.plans, original.plans);
  assert.equal(original.version, 1, "migrate leaves what it read as it was");
});

test("migrate brings any older document to the current version and leaves a current one alone", () => {
  const v1 = { format: fmt.name, version: 1, current: "p-1", plans: doc().plans };
  assert.equal(fmt.migrate(v1).revision, 0);
  assert.equal(fmt.migrate(v1).version, fmt.version);
  const current = doc();
  assert.equal(fmt.migrate(current), current);
});

test("hours and names typed into fields", () => {
  assert.equal(fmt.parseHours("12"), 12);
  assert.equal(fmt.parseHours("2.6"), 3);
  assert.equal(fmt.parseHours("999999"), fmt.limits.hours);
  assert.equal(fmt.parseHours("0"), 0);
  for (const bad of ["", "  ", "abc", "-1"]) assert.equal(fmt.parseHours(bad), null, bad);
  assert.equal(fmt.cleanName("  An  "), "An");
  assert.equal(fmt.cleanName("x".repeat(fmt.limits.name + 5)).length, fmt.limits.name);
  assert.equal([...fmt.cleanName("😀".repeat(fmt.limits.name + 1))].length, fmt.limits.name, "never half a character");
});
