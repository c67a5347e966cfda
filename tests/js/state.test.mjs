// Unit tests for the team planner's pure modules: node --test tests/js
import assert from "node:assert/strict";
import { test } from "node:test";

import * as S from "../../overrides/assets/javascripts/team/state.js";

const tasks = [
  { id: "tech-wifi", group: "technical", title: "Wifi", summary: "", hours: 40 },
  { id: "ped-coach", group: "pedagogical", title: "Coach", summary: "", hours: 20 },
];
const groups = [{ id: "technical" }, { id: "pedagogical" }];

function twoMembers() {
  let plan = S.createPlan("p-1", "School", tasks.map((t) => t.id));
  plan = S.addMember(plan, { id: "m-an", name: " An ", hours: 30 });
  return S.addMember(plan, { id: "m-bo", name: "Bo", hours: 100 });
}

test("members are added trimmed and removed from their tasks", () => {
  let plan = twoMembers();
  assert.equal(plan.members[0].name, "An");
  plan = S.setAssignment(plan, "tech-wifi", { owner: "m-an", backup: "m-bo" });
  const after = S.removeMember(plan, "m-bo");
  assert.deepEqual(after.assignments["tech-wifi"], { owner: "m-an" });
  assert.equal(plan.members.length, 2, "the old plan is untouched, so undo can restore it");
});

test("setAssignment stores only decisions, never defaults", () => {
  let plan = twoMembers();
  plan = S.setAssignment(plan, "tech-wifi", { mode: "team", status: "todo", notes: "" });
  assert.deepEqual(plan.assignments, {});
  plan = S.setAssignment(plan, "tech-wifi", { owner: "m-an", backup: "m-an" });
  assert.deepEqual(plan.assignments["tech-wifi"], { owner: "m-an" }, "owner cannot be their own backup");
});

test("analyse finds unowned tasks, missing backups, overload and coverage", () => {
  let plan = twoMembers();
  plan = S.setAssignment(plan, "tech-wifi", { owner: "m-an" });
  const result = S.analyse(plan, tasks, groups);
  assert.deepEqual(result.unowned, ["ped-coach"]);
  assert.deepEqual(result.noBackup, ["tech-wifi"]);
  assert.deepEqual(result.overloaded, ["m-an"]);
  assert.equal(result.hours["m-an"], 40);
  assert.deepEqual(result.coverage.pedagogical, { total: 1, covered: 0 });
  const outsourced = S.setAssignment(plan, "ped-coach", { mode: "outsourced", partner: "Partner" });
  assert.deepEqual(S.analyse(outsourced, tasks, groups).unowned, []);
});

test("own hours override the handbook's", () => {
  const plan = S.setAssignment(twoMembers(), "tech-wifi", { owner: "m-bo", hours: 5 });
  assert.equal(S.analyse(plan, tasks, groups).hours["m-bo"], 5);
});

test("reconcile flags new tasks and keeps assignments of removed ones", () => {
  let plan = S.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", notes: "keep me" });
  const { newIds, orphanIds } = S.reconcile(plan, ["ped-coach", "tech-new"]);
  assert.deepEqual(newIds, ["tech-new"]);
  assert.deepEqual(orphanIds, ["tech-wifi"]);
  plan = S.acknowledge(plan, newIds);
  assert.deepEqual(S.reconcile(plan, ["ped-coach", "tech-new"]).newIds, []);
});

test("filters combine group, member, status, unassigned and search", () => {
  const plan = S.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", status: "doing" });
  assert.deepEqual([...S.filterTasks(plan, tasks, { member: "m-an" })], ["tech-wifi"]);
  assert.deepEqual([...S.filterTasks(plan, tasks, { unassigned: true })], ["ped-coach"]);
  assert.deepEqual([...S.filterTasks(plan, tasks, { status: "doing", group: "technical" })], ["tech-wifi"]);
  assert.deepEqual([...S.filterTasks(plan, tasks, { query: "COACH" })], ["ped-coach"]);
});

test("merge matches members by name and keeps everything in the current plan", () => {
  const current = S.setAssignment(twoMembers(), "ped-coach", { owner: "m-bo" });
  let incoming = S.createPlan("p-2", "Other", []);
  incoming = S.addMember(incoming, { id: "m-x", name: "an", hours: 1 });
  incoming = S.addMember(incoming, { id: "m-cy", name: "Cy", hours: 1 });
  incoming = S.setAssignment(incoming, "tech-wifi", { owner: "m-x", backup: "m-cy" });
  const { plan, summary } = S.mergePlans(current, incoming);
  assert.equal(summary.membersAdded, 1);
  assert.deepEqual(plan.assignments["tech-wifi"], { owner: "m-an", backup: "m-cy" });
  assert.deepEqual(plan.assignments["ped-coach"], { owner: "m-bo" });
});

test("custom tasks join the list and can be removed", () => {
  let plan = S.addCustomTask(twoMembers(), { id: "own-abc", group: "technical", title: " Beamer ", hours: 3 });
  assert.equal(S.allTasks(plan, tasks).at(-1).title, "Beamer");
  plan = S.removeCustomTask(plan, "own-abc");
  assert.equal(S.allTasks(plan, tasks).length, 2);
});

test("format fills placeholders and leaves unknown ones", () => {
  assert.equal(S.format("{a} of {b} {c}", { a: 1, b: "2" }), "1 of 2 {c}");
});

test("parseHours keeps whole hours within the limit and refuses the rest", () => {
  assert.equal(S.parseHours("12"), 12);
  assert.equal(S.parseHours("2.6"), 3);
  assert.equal(S.parseHours("999999"), S.LIMITS.hours);
  assert.equal(S.parseHours("0"), 0);
  for (const bad of ["", "  ", "abc", "-1"]) assert.equal(S.parseHours(bad), null, bad);
});

test("cleanName trims and cuts at the length limit", () => {
  assert.equal(S.cleanName("  An  "), "An");
  assert.equal(S.cleanName("x".repeat(S.LIMITS.name + 5)).length, S.LIMITS.name);
});
