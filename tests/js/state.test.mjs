// Promise: the operations on a plan keep every decision a team made: removing a member can be
// taken back without touching later work, merged handbook tasks carry their decisions over
// (both kept when they differ), and nothing counts that is not shown.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as S from "../../overrides/assets/javascripts/team/state.js";
import { model as M } from "./helpers.mjs";

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

test("members are added trimmed; names match without case or spaces", () => {
  const plan = twoMembers();
  assert.equal(plan.members[0].name, "An");
  assert.equal(S.memberNamed(plan, " an ").id, "m-an");
  assert.equal(S.memberNamed(plan, "an", "m-an"), undefined, "a member may keep their own name");
});

test("removing a member takes them off their tasks and says what it took", () => {
  let plan = twoMembers();
  plan = M.setAssignment(plan, "tech-wifi", { owner: "m-an", backup: "m-bo" });
  plan = M.setAssignment(plan, "ped-coach", { owner: "m-bo" });
  const { plan: after, removal } = M.removeMember(plan, "m-bo");
  assert.deepEqual(after.assignments, { "tech-wifi": { owner: "m-an" } }, "an empty decision is not kept");
  assert.deepEqual(removal, { member: plan.members[1], index: 1, owned: ["ped-coach"], backedUp: ["tech-wifi"] });
});

test("taking a removal back keeps everything done since", () => {
  let plan = twoMembers();
  plan = M.setAssignment(plan, "tech-wifi", { owner: "m-an", backup: "m-bo" });
  plan = M.setAssignment(plan, "ped-coach", { owner: "m-bo" });
  const { plan: removed, removal } = M.removeMember(plan, "m-bo");
  // Later work: the coach task goes to a new member, a status, a renamed plan
  let later = S.addMember(removed, { id: "m-cy", name: "Cy", hours: 5 });
  later = M.setAssignment(later, "ped-coach", { owner: "m-cy", status: "doing" });
  later = { ...later, name: "Renamed" };
  const { plan: restored, skipped } = M.restoreMember(later, removal);
  assert.deepEqual(restored.members.map((m) => m.id), ["m-an", "m-bo", "m-cy"], "back in their place");
  assert.equal(restored.name, "Renamed");
  assert.deepEqual(restored.assignments["ped-coach"], { owner: "m-cy", status: "doing" }, "Cy keeps the task");
  assert.deepEqual(restored.assignments["tech-wifi"], { owner: "m-an", backup: "m-bo" });
  assert.deepEqual(skipped, ["ped-coach"]);
  assert.equal(M.restoreMember(restored, removal), null, "a second undo does nothing");
});

test("setAssignment stores only decisions, never defaults", () => {
  let plan = twoMembers();
  plan = M.setAssignment(plan, "tech-wifi", { mode: "team", status: "todo", notes: "" });
  assert.deepEqual(plan.assignments, {});
  plan = M.setAssignment(plan, "tech-wifi", { owner: "m-an", backup: "m-an" });
  assert.deepEqual(plan.assignments["tech-wifi"], { owner: "m-an" }, "owner cannot be their own backup");
});

test("a task given back to the team loses its partner; an outsourced one its owner and backup", () => {
  let plan = M.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", backup: "m-bo", notes: "n" });
  plan = M.setAssignment(plan, "tech-wifi", { mode: "outsourced" });
  assert.deepEqual(plan.assignments["tech-wifi"], { mode: "outsourced", notes: "n" });
  plan = M.setAssignment(plan, "tech-wifi", { partner: "Scholengroep" });
  plan = M.setAssignment(plan, "tech-wifi", { mode: "team", owner: "m-bo" });
  assert.deepEqual(plan.assignments["tech-wifi"], { owner: "m-bo", notes: "n" });
  // A partner older data kept on a team task stays until the user clears it
  const old = { ...plan, assignments: { "tech-wifi": { owner: "m-bo", partner: "Oud" } } };
  assert.equal(M.setAssignment(old, "tech-wifi", { status: "done" }).assignments["tech-wifi"].partner, "Oud");
});

test("analyse finds unowned tasks, missing backups, overload and coverage", () => {
  let plan = twoMembers();
  plan = M.setAssignment(plan, "tech-wifi", { owner: "m-an" });
  const result = M.analyse(plan, tasks, groups);
  assert.deepEqual(result.unowned, ["ped-coach"]);
  assert.deepEqual(result.noBackup, ["tech-wifi"]);
  assert.deepEqual(result.overloaded, ["m-an"]);
  assert.equal(result.hours["m-an"], 40);
  assert.deepEqual(result.coverage.pedagogical, { total: 1, covered: 0 });
  const outsourced = M.setAssignment(plan, "ped-coach", { mode: "outsourced", partner: "Partner" });
  assert.deepEqual(M.analyse(outsourced, tasks, groups).unowned, []);
});

test("own hours override the handbook's", () => {
  const plan = M.setAssignment(twoMembers(), "tech-wifi", { owner: "m-bo", hours: 5 });
  assert.equal(M.analyse(plan, tasks, groups).hours["m-bo"], 5);
});

test("an own task in a group that left still counts, and is listed to be shown apart", () => {
  let plan = S.addCustomTask(twoMembers(), { id: "own-fax", group: "gone", title: "Fax", hours: 7 });
  plan = M.setAssignment(plan, "own-fax", { owner: "m-an" });
  assert.equal(M.analyse(plan, S.allTasks(plan, tasks), groups).hours["m-an"], 7);
  assert.deepEqual(S.homelessTasks(plan, groups.map((g) => g.id)), ["own-fax"]);
  plan = S.moveCustomTask(plan, "own-fax", "technical");
  assert.deepEqual(S.homelessTasks(plan, groups.map((g) => g.id)), []);
});

test("reconcile flags new tasks and keeps assignments of removed ones", () => {
  let plan = M.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", notes: "keep me" });
  const { newIds, orphanIds } = M.reconcile(plan, ["ped-coach", "tech-new"]);
  assert.deepEqual(newIds, ["tech-new"]);
  assert.deepEqual(orphanIds, ["tech-wifi"]);
  plan = S.acknowledge(plan, newIds);
  assert.deepEqual(M.reconcile(plan, ["ped-coach", "tech-new"]).newIds, []);
});

test("filters combine group, member, status, unassigned and search", () => {
  let plan = M.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", status: "doing" });
  assert.deepEqual([...M.filterTasks(plan, tasks, { member: "m-an" })], ["tech-wifi"]);
  assert.deepEqual([...M.filterTasks(plan, tasks, { unassigned: true })], ["ped-coach"]);
  assert.deepEqual([...M.filterTasks(plan, tasks, { status: "doing", group: "technical" })], ["tech-wifi"]);
  assert.deepEqual([...M.filterTasks(plan, tasks, { query: "COACH" })], ["ped-coach"]);
  plan = M.setAssignment(plan, "ped-coach", { owner: "m-gone" });
  assert.deepEqual([...M.filterTasks(plan, tasks, { unassigned: true })], ["ped-coach"], "an owner who left is no owner");
});

test("merge matches members by name and keeps everything in the current plan", () => {
  const current = M.setAssignment(twoMembers(), "ped-coach", { owner: "m-bo" });
  let incoming = S.createPlan("p-2", "Other", []);
  incoming = S.addMember(incoming, { id: "m-x", name: "an", hours: 1 });
  incoming = S.addMember(incoming, { id: "m-cy", name: "Cy", hours: 1 });
  incoming = M.setAssignment(incoming, "tech-wifi", { owner: "m-x", backup: "m-cy" });
  const { plan, summary } = M.mergePlans(current, incoming);
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

// ---- Tasks the handbook merged into others (content records carry `formerly`) ------------------

const handbookIds = new Set(["tech-network", "ped-coach"]);

test("decisions about a merged task move to the task that took it over", () => {
  let plan = M.setAssignment(twoMembers(), "tech-wifi", { owner: "m-an", notes: "Access points" });
  plan = { ...plan, knownTasks: ["tech-wifi", "ped-coach"] };
  const moved = S.remapTasks(plan, { "tech-wifi": "tech-network" }, handbookIds);
  assert.deepEqual(moved.assignments, { "tech-network": { owner: "m-an", notes: "Access points" } });
  assert.ok(moved.knownTasks.includes("tech-network"), "not flagged as new: the plan knew it by its old id");
  assert.deepEqual(S.remapTasks(moved, { "tech-wifi": "tech-network" }, handbookIds), moved, "a second run changes nothing");
});

test("when both carry decisions that fit together they are combined; when they differ both are kept", () => {
  let plan = M.setAssignment(twoMembers(), "tech-wifi", { notes: "Old notes" });
  plan = M.setAssignment(plan, "tech-network", { owner: "m-bo" });
  const combined = S.remapTasks(plan, { "tech-wifi": "tech-network" }, handbookIds);
  assert.deepEqual(combined.assignments, { "tech-network": { owner: "m-bo", notes: "Old notes" } });
  const clash = M.setAssignment(plan, "tech-wifi", { owner: "m-an" });
  const kept = S.remapTasks(clash, { "tech-wifi": "tech-network" }, handbookIds);
  assert.deepEqual(kept.assignments, clash.assignments, "neither is dropped");
  assert.deepEqual(M.reconcile(kept, [...handbookIds]).orphanIds, ["tech-wifi"], "the old one is shown apart");
});

test("chains of merges are followed; an old id the handbook still has is left alone", () => {
  const plan = M.setAssignment(twoMembers(), "tech-a", { owner: "m-an" });
  const chained = S.remapTasks(plan, { "tech-a": "tech-b", "tech-b": "tech-network" }, handbookIds);
  assert.deepEqual(Object.keys(chained.assignments), ["tech-network"]);
  assert.equal(S.remapTasks(plan, { "tech-a": "tech-network" }, new Set(["tech-a", "tech-network"])), plan);
  assert.equal(S.remapTasks(plan, {}, handbookIds), plan, "an empty map (today's handbook) changes nothing");
});

test("an own task whose id the handbook now uses gets another id, with its decisions", () => {
  let plan = S.addCustomTask(twoMembers(), { id: "own-x", group: "technical", title: "Mine", hours: 1 });
  plan = M.setAssignment(plan, "own-x", { owner: "m-an" });
  const fitted = S.fitToHandbook(plan, { ids: new Set(["own-x"]), formerly: {} });
  assert.deepEqual(fitted.customTasks.map((t) => t.id), ["own-x-2"]);
  assert.deepEqual(fitted.assignments, { "own-x-2": { owner: "m-an" } });
  assert.deepEqual(S.fitToHandbook(plan, { ids: new Set(["own-x"]), formerly: {} }), fitted, "the same in every tab");
});

test("format fills placeholders and leaves unknown ones", () => {
  assert.equal(S.format("{a} of {b} {c}", { a: 1, b: "2" }), "1 of 2 {c}");
});
