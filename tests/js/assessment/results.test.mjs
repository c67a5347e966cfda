// Promise: the team's result is computed the same way every time: the average and the spread
// (lowest and highest level) per characteristic, who scored what, a disagreement when two
// levels are two or more apart, the weakest characteristics first, and what moved since a
// saved result.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  ATTENTION_BELOW, DISAGREEMENT_GAP, compare, ratedCount, roundMean, summarise, weakestFirst,
} from "../../../overrides/assets/javascripts/assessment/results.js";
import { CHARACTERISTICS, response } from "./helpers.mjs";

const team = [
  response("r-an", "An", { one: 1, two: 3, three: { level: 4, note: "Goed geregeld" } }),
  response("r-bo", "Bo", { one: 2, two: 3 }),
  response("r-cy", "", { one: 3, two: { note: "Weet ik niet" } }),
];

test("average, spread and who scored what, per characteristic in handbook order", () => {
  const [one, two, three] = summarise(team, CHARACTERISTICS);
  assert.equal(one.id, "one");
  assert.equal(one.count, 3);
  assert.equal(one.mean, 2);
  assert.deepEqual([one.min, one.max, one.spread], [1, 3, 2]);
  assert.deepEqual(one.ratings, [
    { response: "r-an", name: "An", level: 1 }, { response: "r-bo", name: "Bo", level: 2 }, { response: "r-cy", name: "", level: 3 }]);
  // A note without a level counts as a note, not as a rating
  assert.equal(two.count, 2);
  assert.equal(two.mean, 3);
  assert.deepEqual(two.notes, [{ response: "r-cy", name: "", note: "Weet ik niet" }]);
  assert.deepEqual([three.count, three.mean, three.spread], [1, 4, 0]);
});

test("nobody rated it: no average, no spread, no disagreement, not a point to work on", () => {
  const [, , three] = summarise([response("r-an", "An", { one: 2 })], CHARACTERISTICS);
  assert.deepEqual([three.count, three.mean, three.min, three.max, three.spread, three.disagree, three.attention],
    [0, null, null, null, 0, false, false]);
});

test("the team disagrees when two levels are two or more apart, and only then", () => {
  assert.equal(DISAGREEMENT_GAP, 2);
  const of = (levels) => summarise(levels.map((level, i) => response(`r-${i}`, "", { one: level })), ["one"])[0];
  assert.equal(of([1, 3]).disagree, true, "1 and 3");
  assert.equal(of([2, 2, 4]).disagree, true, "one person far off is enough");
  assert.equal(of([1, 4]).disagree, true);
  assert.equal(of([2, 3, 3, 2]).disagree, false, "one level apart is agreement");
  assert.equal(of([4]).disagree, false, "one rating cannot disagree");
  assert.equal(of([]).disagree, false);
});

test("a characteristic is a point to work on when its average is below 3", () => {
  assert.equal(ATTENTION_BELOW, 3);
  const of = (levels) => summarise(levels.map((level, i) => response(`r-${i}`, "", { one: level })), ["one"])[0];
  assert.equal(of([2, 3]).attention, true, "2.5");
  assert.equal(of([3, 3]).attention, false);
  assert.equal(of([2, 4]).attention, false, "3.0, even though the team disagrees");
});

test("averages are shown with one decimal, rounded half up", () => {
  assert.equal(roundMean(7 / 3), 2.3);
  assert.equal(roundMean(2.25), 2.3);
  assert.equal(roundMean(2.35), 2.4);
  assert.equal(roundMean(8 / 3), 2.7);
  assert.equal(roundMean(4), 4);
  assert.equal(roundMean(null), null);
});

test("weakest first: lowest average, then more disagreement, then handbook order; unrated last", () => {
  const ids = ["a", "b", "c", "d", "e"];
  const responses = [
    response("r-1", "", { a: 3, b: 2, c: 1, d: 2 }),
    response("r-2", "", { a: 3, b: 2, c: 3, d: 2 }),
  ];
  // c: 2.0 spread 2; b: 2.0 spread 0; d: 2.0 spread 0 (after b); a: 3.0; e: unrated
  assert.deepEqual(weakestFirst(summarise(responses, ids)).map((s) => s.id), ["c", "b", "d", "a", "e"]);
});

test("compare: what moved since a saved result, by the averages as shown", () => {
  const then = summarise([response("r-1", "", { one: 2, two: 3 }), response("r-2", "", { one: 2, two: 3 })], CHARACTERISTICS);
  const now = summarise([response("r-1", "", { one: 3, two: 3, three: 2 }), response("r-2", "", { one: 4, two: 2 })], CHARACTERISTICS);
  assert.deepEqual(compare(now, then), [
    { id: "one", before: 2, after: 3.5, change: 1.5, direction: "up" },
    { id: "two", before: 3, after: 2.5, change: -0.5, direction: "down" },
    { id: "three", before: null, after: 2, change: null, direction: "unrated" },
  ]);
  const same = summarise([response("r-1", "", { one: 2 }), response("r-2", "", { one: 2 }), response("r-3", "", { one: 3 }),
    response("r-4", "", { one: 2 }), response("r-5", "", { one: 2 })], ["one"]);
  const close = summarise([response("r-1", "", { one: 2 })], ["one"]);
  assert.deepEqual(compare(same, close)[0], { id: "one", before: 2, after: 2.2, change: 0.2, direction: "same" });
});

test("how many characteristics a response rates (notes alone do not count)", () => {
  assert.equal(ratedCount(team[0], CHARACTERISTICS), 3);
  assert.equal(ratedCount(team[2], CHARACTERISTICS), 1);
  assert.equal(ratedCount(response("r-x", "", { gone: 2 }), CHARACTERISTICS), 0, "a characteristic no longer in the handbook");
});

test("twenty respondents on every characteristic: ratings in, the same numbers out", () => {
  const many = Array.from({ length: 20 }, (_, i) => response(`r-${i}`, `P${i}`, { one: (i % 4) + 1, two: 4, three: i < 10 ? 1 : 2 }));
  const [one, two, three] = summarise(many, CHARACTERISTICS);
  assert.deepEqual([one.count, one.mean, one.spread, one.disagree], [20, 2.5, 3, true]);
  assert.deepEqual([two.mean, two.disagree, two.attention], [4, false, false]);
  assert.deepEqual([three.mean, three.min, three.max, three.disagree], [1.5, 1, 2, false]);
});
