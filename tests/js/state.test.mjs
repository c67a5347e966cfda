// Promise: the operations on a plan keep every decision a team made: removing a member can be
// taken back without touching later work, merged handbook tasks carry their decisions over
// (both kept when they differ), and nothing counts that is not shown.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as S from "../../overrides/assets/javascripts/team/state.js";
import { fixture, fmt, model as M } from "./helpers.mjs";

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

// ---- Issue 14: roles renamed, the school's size, proposals, changes of several tasks ----------

const FORMER_ROLES = { innovator: "pedagogical-ict-coordinator", "pedagogical-supporter": "local-ict-contact" };

test("members' merged or renamed roles are renamed once, and unknown roles are kept", () => {
  let plan = S.createPlan("p-1", "School", []);
  plan = S.addMember(plan, { id: "m-a", name: "A", hours: 1, roles: ["innovator", "pedagogical-ict-coordinator", "gone-role"] });
  plan = S.addMember(plan, { id: "m-b", name: "B", hours: 1, roles: ["technician"] });
  const fitted = S.remapRoles(plan, FORMER_ROLES);
  assert.deepEqual(fitted.members[0].roles, ["pedagogical-ict-coordinator", "gone-role"]);
  assert.equal(fitted.members[1], plan.members[1], "a member without old roles is left as it is");
  assert.equal(S.remapRoles(fitted, FORMER_ROLES), fitted, "a second run changes nothing");
  assert.deepEqual(S.remapRoles(plan, { innovator: "x", x: "y" }).members[0].roles, ["y", "pedagogical-ict-coordinator", "gone-role"], "chains");
});

test("the stored version 2 document with old task and role ids is read, migrated and fitted", () => {
  const result = fmt.parse(fixture("team-plan-v2.json"));
  assert.equal(result.ok, true);
  assert.equal(result.from, 2);
  assert.equal(result.doc.version, fmt.version);
  const handbook = { ids: new Set(["adm-inventory-register", "adm-licences", "tech-wifi", "pol-ict-policy-plan", "ped-in-class-coaching"]),
    formerly: { "tech-inventory-mapping": "adm-inventory-register", "adm-contracts-sla": "adm-licences" }, formerRoles: FORMER_ROLES };
  const old = JSON.parse(fixture("team-plan-v2.json")).plans[0];
  const plan = S.fitToHandbook(result.doc.plans[0], handbook);
  assert.deepEqual(plan.assignments["adm-inventory-register"], old.assignments["tech-inventory-mapping"]);
  assert.deepEqual(plan.assignments["adm-licences"], old.assignments["adm-contracts-sla"]);
  assert.equal(plan.assignments["tech-inventory-mapping"], undefined);
  assert.deepEqual(plan.members.map((m) => m.roles), [["ict-coordinator", "pedagogical-ict-coordinator"],
    ["technician", "local-ict-contact"], ["administrative-staff"]]);
  assert.deepEqual(plan.customTasks, old.customTasks);
  assert.equal(Object.keys(plan.assignments).length, Object.keys(old.assignments).length, "no decision lost");
});

const RULE = { referencePupils: 700, fixedPercent: 10, sitePercent: 10, roundTo: 5, minPercent: 10, maxPercent: 2000 };

test("indicative hours follow the school's size by the stated rule", () => {
  assert.equal(S.hoursPercent(RULE, undefined), 100, "no size: the handbook's hours");
  assert.equal(S.hoursPercent(RULE, { pupils: 700 }), 100);
  assert.equal(S.hoursPercent(RULE, { pupils: 200, sites: 1 }), 35);
  assert.equal(S.hoursPercent(RULE, { pupils: 1100, sites: 2 }), 160);
  assert.equal(S.hoursPercent(RULE, { pupils: 1 }), 10, "never below the minimum");
  assert.equal(S.scaledHours(40, 35), 14);
  assert.equal(S.scaledHours(10, 25), 3, "half up: 2.5 becomes 3");
  const plan = S.setSchool(S.createPlan("p", "S", ["tech-wifi"]), { pupils: 200 });
  const [wifi] = S.allTasks(plan, tasks, RULE);
  assert.equal(wifi.hours, 14);
  assert.equal(wifi.baseHours, 40);
  assert.equal(S.taskHours(M.setAssignment(plan, "tech-wifi", { hours: 50 }), wifi), 50, "a task's own hours win");
  assert.deepEqual(S.setSchool(plan, { pupils: null, sites: null }).school, undefined);
});

const roleTasks = [
  { id: "t-one", group: "technical", title: "One", roles: ["technician"], hours: 10 },
  { id: "t-two", group: "technical", title: "Two", roles: ["network-administrator", "technician"], hours: 10 },
  { id: "t-none", group: "policy", title: "None", roles: ["governing-body"], hours: 10 },
  { id: "t-owned", group: "policy", title: "Owned", roles: ["technician"], hours: 10 },
  { id: "t-out", group: "policy", title: "Out", roles: ["technician"], hours: 10 },
];

function roleTeam() {
  let plan = S.createPlan("p-1", "School", roleTasks.map((t) => t.id));
  plan = S.addMember(plan, { id: "m-tech", name: "Tech", hours: 10, roles: ["technician"] });
  plan = S.addMember(plan, { id: "m-net", name: "Net", hours: 10, roles: ["network-administrator"] });
  plan = M.setAssignment(plan, "t-owned", { owner: "m-net" });
  return M.setAssignment(plan, "t-out", { mode: "outsourced", partner: "Scholengroep" });
}

test("owners are proposed from roles, best role first, and nothing decided is touched", () => {
  const { items, unmatched } = M.proposeOwners(roleTeam(), roleTasks);
  assert.deepEqual(items, [
    { taskId: "t-one", candidates: ["m-tech"], owner: "m-tech", backup: "" },
    { taskId: "t-two", candidates: ["m-net", "m-tech"], owner: "m-net", backup: "m-tech" },
  ]);
  assert.deepEqual(unmatched, ["t-none"]);
  // A task's backup stays its backup; the owner is someone else who fits
  const withBackup = M.setAssignment(roleTeam(), "t-two", { backup: "m-net" });
  assert.deepEqual(M.proposeOwners(withBackup, roleTasks).items[1], { taskId: "t-two", candidates: ["m-net", "m-tech"], owner: "m-tech", backup: "m-net" });
});

test("a change of several tasks is taken back on its own, keeping later edits", () => {
  const plan = roleTeam();
  const { plan: after, changes } = M.applyPatches(plan, [
    { taskId: "t-one", patch: { owner: "m-tech", status: "doing" } },
    { taskId: "t-two", patch: { mode: "outsourced", partner: "Scholengroep" } },
    { taskId: "t-out", patch: { mode: "outsourced", partner: "Scholengroep" } }, // no change
  ]);
  assert.deepEqual(changes.map((c) => c.taskId), ["t-one", "t-two"]);
  // Later: t-two is changed again, and something else is decided
  let later = M.setAssignment(after, "t-two", { partner: "Firma X" });
  later = M.setAssignment(later, "t-none", { mode: "na" });
  const { plan: back, restored, skipped } = S.revertChanges(later, changes);
  assert.equal(restored, 1);
  assert.deepEqual(skipped, ["t-two"]);
  assert.equal(back.assignments["t-one"], undefined, "back to no decision");
  assert.deepEqual(back.assignments["t-two"], { mode: "outsourced", partner: "Firma X" });
  assert.deepEqual(back.assignments["t-none"], { mode: "na" });
  assert.deepEqual(S.revertChanges(plan, changes).restored, 0, "nothing to take back twice");
});

test("partners are offered once each, and the overview lists what goes outside", () => {
  let plan = roleTeam();
  plan = M.setAssignment(plan, "t-one", { mode: "outsourced", partner: " scholengroep " });
  plan = M.setAssignment(plan, "t-none", { mode: "na" });
  assert.deepEqual(S.partnersOf(plan, ["Externe partner", "Scholengroep"]), ["Externe partner", "Scholengroep"]);
  const result = M.analyse(plan, roleTasks, [{ id: "technical" }, { id: "policy" }]);
  assert.deepEqual(result.outside.map((o) => [o.partner, o.taskIds, o.hours]), [["scholengroep", ["t-one", "t-out"], 20]], "one partner, however written");
  assert.deepEqual(result.notApplicable, ["t-none"]);
  assert.equal(result.hours["m-tech"], 0, "what goes outside is nobody's load");
});

test("a plan started from a starter team has its members, owners, backups and partners", () => {
  const starter = {
    id: "team-x", school: { pupils: 200, sites: 1 },
    members: [{ key: "coordinator", name: "ICT-coördinator", roles: ["ict-coordinator"], hours: 100 }, { key: "office", name: "Secretariaat", roles: [], hours: 20 }],
    assignments: { "tech-wifi": { owner: "coordinator", backup: "office" }, "ped-coach": { mode: "outsourced", partner: "Scholengroep" }, "gone": { owner: "office" } },
  };
  const plan = S.planFromStarter(starter, { id: "p-s", name: "Kleine school", taskIds: ["tech-wifi", "ped-coach"] });
  assert.deepEqual(plan.members.map((m) => m.id), ["m-coordinator", "m-office"]);
  assert.deepEqual(plan.assignments, { "tech-wifi": { owner: "m-coordinator", backup: "m-office" }, "ped-coach": { mode: "outsourced", partner: "Scholengroep" } });
  assert.deepEqual(plan.school, { pupils: 200, sites: 1 });
  assert.equal(fmt.read(fmt.makeDocument([plan], "p-s")).ok, true, "a valid plan");
  assert.equal(S.isEmptyPlan(plan), false);
  assert.equal(S.isEmptyPlan(S.createPlan("p", "x", [])), true);
});

test("a label takes its singular form for a count of one", () => {
  const L = { tasks: "{count} taken", "tasks.one": "1 taak", other: "{count} x" };
  assert.equal(S.label(L, "tasks", { count: 1 }), "1 taak");
  assert.equal(S.label(L, "tasks", { count: 2 }), "2 taken");
  assert.equal(S.label(L, "other", { count: 1 }), "1 x", "no singular form: the label as it is");
});
