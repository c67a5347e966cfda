// Promise: rating, naming, importing and removing work on the document without losing
// anything: the same response imported twice is recognised (by its id, or as a copy with the
// same name and answers), a later version replaces an earlier one and never the other way
// round, and removed responses and saved results come back with undo.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addResponses, addSnapshots, classifyIncoming, myResponse, newSnapshots, removeResponse, removeSnapshot,
  restoreResponse, restoreSnapshot, sameAnswers, saveSnapshot, setName, setRating,
} from "../../../overrides/assets/javascripts/assessment/responses.js";
import { newId } from "../../../overrides/assets/javascripts/team/documents.js";
import { documentWith, fmt, response, validate } from "./helpers.mjs";

const NOW = "2026-11-29T10:00:00.000Z";
const LATER = "2026-12-29T10:00:00.000Z";
const me = { id: "r-me", now: NOW };

test("the first rating starts this browser's own response; every document stays valid", () => {
  let doc = fmt.makeDocument({ revision: 1 });
  assert.equal(myResponse(doc), null);
  doc = setRating(doc, me, "one", { level: 2 });
  assert.equal(doc.mine, "r-me");
  assert.deepEqual(myResponse(doc), { id: "r-me", name: "", updated: NOW, ratings: { one: { level: 2 } } });
  doc = setRating(doc, { id: "r-other", now: LATER }, "one", { note: "Nog werk" });
  assert.deepEqual(myResponse(doc).ratings, { one: { level: 2, note: "Nog werk" } }, "the same response, not a second one");
  assert.equal(myResponse(doc).updated, LATER);
  assert.equal(doc.responses.length, 1);
  assert.deepEqual(validate(doc), { ok: true });
  assert.equal(fmt.read(doc).ok, true);
});

test("'I don't know' takes the level away; an empty note goes; an empty rating goes", () => {
  let doc = setRating(fmt.makeDocument(), me, "one", { level: 3, note: "x" });
  doc = setRating(doc, me, "one", { level: null });
  assert.deepEqual(myResponse(doc).ratings, { one: { note: "x" } });
  doc = setRating(doc, me, "one", { note: "" });
  assert.deepEqual(myResponse(doc).ratings, {});
});

test("a change never alters the document it was given", () => {
  const doc = documentWith([response("r-me", "An", { one: 1 })]);
  const before = structuredClone(doc);
  setRating(doc, me, "one", { level: 4 });
  setName(doc, me, "Bo");
  removeResponse(doc, "r-me");
  saveSnapshot(doc, { id: "s-1", date: "2026-11-29", label: "" });
  assert.deepEqual(doc, before);
});

test("naming: a name is optional; the same name again changes nothing", () => {
  let doc = setName(fmt.makeDocument(), me, "An");
  assert.equal(myResponse(doc).name, "An");
  assert.equal(setName(doc, { id: "r-me", now: LATER }, "An"), doc);
  doc = setName(doc, me, "");
  assert.equal(myResponse(doc).name, "");
});

test("an import is classified per response: new, the same again, newer, older, a copy", () => {
  const an = response("r-an", "An", { one: 2 });
  const doc = documentWith([response("r-me", "Coördinator", { one: 3 }), an], { mine: "r-me" });
  const verdicts = classifyIncoming(doc, [
    response("r-bo", "Bo", { one: 1 }),                       // someone new
    response("r-an", "An", { one: 2 }, LATER),                // An's answers again (exported again later)
    response("r-an", "An", { one: 4 }, LATER),                // An changed her answers since
    response("r-an", "An", { one: 1 }, "2026-01-01T00:00:00Z"), // an older export of An's answers
    response("r-xx", "Bo", { one: 1 }),                       // Bo's answers, exported on another device
    response("r-zz", "", { one: 1 }),                         // no name: the same levels are not enough
  ]);
  assert.deepEqual(verdicts.map((v) => v.verdict), ["new", "same", "newer", "older", "copy", "new"]);
  assert.equal(verdicts[2].replaces, an);
  assert.equal(verdicts[4].replaces.id, "r-bo", "the copy names what it copies");
  assert.deepEqual(verdicts.map((v) => v.mine), [false, false, false, false, false, false]);
});

test("a file picked twice in one import is recognised", () => {
  const doc = documentWith([]);
  const bo = response("r-bo", "Bo", { one: 1 });
  assert.deepEqual(classifyIncoming(doc, [bo, structuredClone(bo)]).map((v) => v.verdict), ["new", "same"]);
});

test("this browser's own answers, imported back: newer ones replace them, and say so", () => {
  const doc = documentWith([response("r-me", "An", { one: 1 })], { mine: "r-me" });
  const [verdict] = classifyIncoming(doc, [response("r-me", "An", { one: 2 }, LATER)]);
  assert.deepEqual([verdict.verdict, verdict.mine], ["newer", true]);
  const next = addResponses(doc, [verdict]);
  assert.deepEqual(myResponse(next).ratings, { one: { level: 2 } });
  assert.equal(next.mine, "r-me");
});

test("adding responses: new ones at the end, newer ones in place, the rest left out", () => {
  const doc = documentWith([response("r-an", "An", { one: 2 }), response("r-bo", "Bo", { one: 3 })]);
  const verdicts = classifyIncoming(doc, [response("r-cy", "Cy", { one: 1 }), response("r-an", "An", { one: 4 }, LATER),
    response("r-bo", "Bo", { one: 3 })]);
  const next = addResponses(doc, verdicts);
  assert.deepEqual(next.responses.map((r) => [r.id, r.ratings.one.level]), [["r-an", 4], ["r-bo", 3], ["r-cy", 1]]);
});

test("a removed response comes back in its place with undo, as this browser's own if it was", () => {
  const doc = documentWith([response("r-me", "An", { one: 1 }), response("r-bo", "Bo", { one: 2 })], { mine: "r-me" });
  const { doc: without, removal } = removeResponse(doc, "r-me");
  assert.equal(without.mine, undefined);
  assert.deepEqual(validate(without), { ok: true });
  const back = restoreResponse(without, removal);
  assert.deepEqual(back.responses.map((r) => r.id), ["r-me", "r-bo"]);
  assert.equal(back.mine, "r-me");
  assert.equal(restoreResponse(back, removal), null, "already back");
  assert.equal(removeResponse(doc, "r-nobody"), null);
});

test("undo after the person started new answers keeps the new ones as their own", () => {
  const doc = documentWith([response("r-me", "An", { one: 1 })], { mine: "r-me" });
  const { doc: without, removal } = removeResponse(doc, "r-me");
  const started = setRating(without, { id: "r-new", now: LATER }, "one", { level: 3 });
  const back = restoreResponse(started, removal);
  assert.equal(back.mine, "r-new");
  assert.deepEqual(back.responses.map((r) => r.id), ["r-me", "r-new"]);
});

test("saved results are copies, kept in date order, and can be removed and restored", () => {
  let doc = documentWith([response("r-an", "An", { one: 2 })]);
  doc = saveSnapshot(doc, { id: "s-dec", date: "2026-12-01", label: "" });
  doc = saveSnapshot(doc, { id: "s-sep", date: "2026-09-01", label: "Start" });
  doc = saveSnapshot(doc, { id: "s-dec2", date: "2026-12-01", label: "Again" });
  assert.deepEqual(doc.history.map((s) => s.id), ["s-sep", "s-dec", "s-dec2"]);
  const rated = setRating(doc, { id: "r-an", now: LATER }, "one", { level: 4 });
  assert.equal(rated.history[0].responses[0].ratings.one.level, 2, "a saved result does not change with the answers");
  const { doc: without, removal } = removeSnapshot(doc, "s-dec");
  assert.deepEqual(without.history.map((s) => s.id), ["s-sep", "s-dec2"]);
  assert.deepEqual(restoreSnapshot(without, removal).history.map((s) => s.id), ["s-sep", "s-dec", "s-dec2"]);
  assert.equal(restoreSnapshot(doc, removal), null);
  assert.deepEqual(validate(doc), { ok: true });
});

test("saved results from a file: the same ones are recognised, a clash of ids gets a fresh id", () => {
  const doc = saveSnapshot(documentWith([response("r-an", "An", { one: 2 })]), { id: "s-1", date: "2026-11-01", label: "" });
  const same = structuredClone(doc.history[0]);
  const other = { ...structuredClone(doc.history[0]), date: "2026-10-01" };
  const fresh = { id: "s-2", date: "2026-12-01", label: "", responses: [] };
  const added = newSnapshots(doc, [same, other, fresh, structuredClone(fresh)], () => "s-new");
  assert.deepEqual(added.map((s) => [s.id, s.date]), [["s-new", "2026-10-01"], ["s-2", "2026-12-01"]]);
  assert.deepEqual(addSnapshots(doc, added).history.map((s) => s.id), ["s-new", "s-1", "s-2"]);
});

test("the same answers: name and every level and note, not the id or the time", () => {
  assert.equal(sameAnswers(response("a", "An ", { one: 1 }), response("b", "An", { one: 1 }, LATER)), true);
  assert.equal(sameAnswers(response("a", "An", { one: 1 }), response("a", "An", { one: { level: 1, note: "x" } })), false);
  assert.equal(sameAnswers(response("a", "An", { one: 1, two: 2 }), response("a", "An", { two: 2, one: 1 })), true);
});

test("random ids have a prefix and avoid the ones taken", () => {
  const id = newId("r");
  assert.match(id, /^r-[a-z0-9]{6}$/);
  assert.equal(fmt.read(documentWith([response(id, "", {})])).ok, true);
});
