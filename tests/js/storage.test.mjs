// Promise: the planner's storage entry is scoped by the site's base path (as Material's own);
// plans saved under the old key move to the new one; blocked, full, broken and newer storage
// are told apart, and nothing readable is overwritten by accident.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore, scopedKey } from "../../overrides/assets/javascripts/team/storage.js";
import { fakeStorage, fixture, fmt } from "./helpers.mjs";

const NAME = "ict-team-handbook.team-plans";
const KEY = scopedKey("/", NAME);

function store(storage) {
  return createStore({ storage, key: KEY, legacyKeys: [NAME], parse: fmt.parse });
}

test("the key carries the base path, as Material's __md_set does", () => {
  assert.equal(scopedKey("/", NAME), "/.ict-team-handbook.team-plans");
  assert.equal(scopedKey("/handbook/", NAME), "/handbook/.ict-team-handbook.team-plans");
});

test("plans under the old key are read, and the old key goes once they are saved under the new", () => {
  const storage = fakeStorage({ [NAME]: fixture("team-plan-v1.json") });
  const s = store(storage);
  const loaded = s.load();
  assert.equal(loaded.status, "ok");
  assert.equal(loaded.moved, true);
  assert.equal(loaded.from, 1);
  assert.ok(storage.map.has(NAME), "nothing is removed before the new key is written");
  assert.deepEqual(s.save({ ...loaded.doc, revision: 1 }), { ok: true });
  assert.equal(storage.map.has(NAME), false);
  assert.equal(JSON.parse(storage.map.get(KEY)).revision, 1);
});

test("the new key wins over the old one, which is then left alone", () => {
  const doc = fmt.makeDocument([{ id: "p-a", name: "A", members: [], assignments: {}, customTasks: [], knownTasks: [] }], "p-a", 4);
  const storage = fakeStorage({ [KEY]: JSON.stringify(doc), [NAME]: "old" });
  const s = store(storage);
  assert.equal(s.load().moved, false);
  s.save(doc);
  assert.equal(storage.map.get(NAME), "old");
});

test("blocked, empty, unreadable and newer are told apart", () => {
  assert.equal(store(null).load().status, "blocked");
  assert.equal(store(fakeStorage()).load().status, "empty");
  const broken = store(fakeStorage({ [KEY]: "{nope" })).load();
  assert.deepEqual([broken.status, broken.raw, broken.problem], ["unreadable", "{nope", "json"]);
  const newer = JSON.stringify({ format: fmt.name, version: fmt.version + 1, revision: 9 });
  assert.equal(store(fakeStorage({ [KEY]: newer })).load().status, "newer");
});

test("a full store says so and keeps what it had", () => {
  const storage = fakeStorage({ [KEY]: "before" }, { refuse: "QuotaExceededError" });
  assert.deepEqual(store(storage).save({ revision: 1 }), { ok: false, reason: "full" });
  assert.equal(storage.map.get(KEY), "before");
  assert.deepEqual(store(null).save({}), { ok: false, reason: "blocked" });
});

test("the saved revision is read from the start of the text, or from all of it", () => {
  const doc = fmt.makeDocument([], "p-a", 41);
  assert.equal(store(fakeStorage({ [KEY]: JSON.stringify(doc) })).savedRevision(), 41);
  assert.equal(store(fakeStorage({ [KEY]: JSON.stringify({ plans: [], revision: 7 }) })).savedRevision(), 7);
  assert.equal(store(fakeStorage({ [KEY]: "{nope" })).savedRevision(), -1);
  assert.equal(store(fakeStorage()).savedRevision(), -1);
});
