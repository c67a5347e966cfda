// Promise: two tabs never overwrite each other's edits: a change made while another tab saved
// is applied again on top of what that tab saved; unreadable or newer data is never
// overwritten unless the user says so (and newer data never).
import assert from "node:assert/strict";
import { test } from "node:test";

import { createSession } from "../../overrides/assets/javascripts/team/session.js";
import * as S from "../../overrides/assets/javascripts/team/state.js";
import { createStore } from "../../overrides/assets/javascripts/team/storage.js";
import { fakeStorage, fmt } from "./helpers.mjs";

const KEY = "/.plans";

function plan(name = "School") {
  return S.createPlan("p-a", name, []);
}

/** A session over a fake storage; `outside(raw)` plays another tab's save. */
function open(entries = {}) {
  const storage = fakeStorage(entries);
  const store = createStore({ storage, key: KEY, parse: fmt.parse });
  let listener = null;
  const events = [];
  const session = createSession({
    store: { ...store, onExternalChange: (callback) => { listener = callback; } },
    check: fmt.read,
    fit: (doc) => doc,
    fresh: () => fmt.makeDocument([plan()], "p-a", 0),
    events: { status: (kind) => events.push(kind), outside: (kind) => events.push(`outside:${kind}`) },
  });
  const loaded = session.start();
  return {
    session, storage, events, loaded,
    saved: () => JSON.parse(storage.map.get(KEY)),
    outside(doc) {
      storage.map.set(KEY, JSON.stringify(doc));
      listener(store.load());
    },
  };
}

const addMember = (name) => (p) => S.addMember(p, { id: `m-${name.toLowerCase()}`, name, hours: 1 });

test("a change is saved with the next revision", () => {
  const tab = open();
  tab.session.changePlan("p-a", addMember("An"));
  assert.equal(tab.saved().revision, 1);
  assert.deepEqual(tab.saved().plans[0].members.map((m) => m.name), ["An"]);
  assert.deepEqual(tab.events, ["saved"]);
});

test("a change made while another tab saved is added to that tab's version", () => {
  const tab = open();
  tab.session.changePlan("p-a", addMember("An"));
  // The other tab saved, and this tab has not heard of it yet (no storage event)
  const theirs = { ...tab.saved(), revision: 5, plans: [{ ...tab.saved().plans[0], name: "Renamed elsewhere" }] };
  tab.storage.map.set(KEY, JSON.stringify(theirs));
  tab.session.changePlan("p-a", addMember("Bo"));
  const saved = tab.saved();
  assert.equal(saved.revision, 6);
  assert.equal(saved.plans[0].name, "Renamed elsewhere");
  assert.deepEqual(saved.plans[0].members.map((m) => m.name), ["An", "Bo"]);
  assert.ok(tab.events.includes("outside:rebased"));
});

test("an edit to a plan another tab deleted brings that plan back", () => {
  const start = fmt.makeDocument([plan(), { ...plan("Other"), id: "p-b" }], "p-a", 1);
  const tab = open({ [KEY]: JSON.stringify(start) });
  tab.storage.map.set(KEY, JSON.stringify({ ...start, revision: 2, plans: [start.plans[1]], current: "p-b" }));
  tab.session.changePlan("p-a", addMember("An"));
  assert.deepEqual(tab.saved().plans.map((p) => p.id), ["p-b", "p-a"]);
  assert.equal(tab.saved().current, "p-a", "this tab keeps showing its plan");
});

test("another tab's save is adopted, keeping the plan this tab shows", () => {
  const start = fmt.makeDocument([plan(), { ...plan("Other"), id: "p-b" }], "p-a", 1);
  const tab = open({ [KEY]: JSON.stringify(start) });
  tab.outside({ ...start, revision: 2, current: "p-b", plans: [{ ...start.plans[0], name: "New name" }, start.plans[1]] });
  assert.equal(tab.session.current().current, "p-a");
  assert.equal(tab.session.current().plans[0].name, "New name");
  assert.deepEqual(tab.events, ["outside:adopted"]);
});

test("unreadable data pauses saving until the user chooses to replace it", () => {
  const tab = open({ [KEY]: "{broken" });
  assert.equal(tab.loaded.status, "unreadable");
  tab.session.changePlan("p-a", addMember("An"));
  assert.equal(tab.storage.map.get(KEY), "{broken");
  assert.deepEqual(tab.events, ["held", "paused"]);
  tab.session.overwriteHeld();
  assert.deepEqual(tab.saved().plans[0].members.map((m) => m.name), ["An"]);
});

test("data from a newer version is never overwritten, not even on request", () => {
  const newer = JSON.stringify({ format: fmt.name, version: fmt.version + 1, revision: 3, plans: "?" });
  const tab = open({ [KEY]: newer });
  assert.equal(tab.loaded.status, "newer");
  tab.session.changePlan("p-a", addMember("An"));
  tab.session.overwriteHeld();
  assert.equal(tab.storage.map.get(KEY), newer);
});

test("readable data from another tab ends the pause", () => {
  const tab = open({ [KEY]: "{broken" });
  tab.outside(fmt.makeDocument([plan("Fixed")], "p-a", 4));
  assert.ok(tab.events.includes("released"));
  tab.session.changePlan("p-a", addMember("An"));
  assert.equal(tab.saved().revision, 5);
});

test("a document the page could not read back is not saved", () => {
  const tab = open();
  tab.session.changePlan("p-a", (p) => ({ ...p, members: [{ id: "m-x", name: "   ", hours: 1, roles: [] }] }));
  assert.equal(tab.storage.map.has(KEY), false);
  assert.deepEqual(tab.events, ["limits"]);
});

test("a version 1 document is written back as the current version at start", () => {
  const v1 = { format: fmt.name, version: 1, current: "p-a", plans: [plan()] };
  const tab = open({ [KEY]: JSON.stringify(v1) });
  assert.equal(tab.saved().version, fmt.version);
  assert.equal(tab.saved().revision, 1);
});

test("a fresh plan never saved gives way to the plan another tab saved first", () => {
  const tab = open();
  const theirs = fmt.makeDocument([{ ...plan("Theirs"), id: "p-theirs", members: [{ id: "m-an", name: "An", hours: 1, roles: [] }] }], "p-theirs", 1);
  tab.storage.map.set(KEY, JSON.stringify(theirs));
  tab.session.changePlan("p-a", addMember("Bo"));
  assert.deepEqual(tab.saved().plans.map((p) => p.id), ["p-theirs"]);
  assert.deepEqual(tab.saved().plans[0].members.map((m) => m.name), ["An", "Bo"]);
  assert.equal(tab.session.current().current, "p-theirs");
});
