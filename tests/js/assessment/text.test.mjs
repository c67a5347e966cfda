// Promise: numbers, dates and names read naturally in each language: "2,4" and "29 november
// 2026" in Dutch, "2.4" and "29 November 2026" in English; people without a name are numbered.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createText, format } from "../../../overrides/assets/javascripts/assessment/text.js";
import { response } from "./helpers.mjs";

const L = { no_rating: "—", anonymous: "Zonder naam {number}", you_named: "{name} (jij)" };

test("placeholders are filled in; one without a value stays", () => {
  assert.equal(format("{a} en {b}", { a: 1 }), "1 en {b}");
});

test("averages and changes with one decimal, in the language's own way", () => {
  const nl = createText("nl", L);
  const en = createText("en", L);
  assert.equal(nl.mean(2.4), "2,4");
  assert.equal(en.mean(2.4), "2.4");
  assert.equal(nl.mean(3), "3,0");
  assert.equal(nl.mean(null), "—");
  assert.equal(en.change(1), "+1.0");
  assert.equal(en.change(-0.5), "-0.5");
  assert.equal(en.change(0), "0.0");
});

test("a calendar date is the same day in every time zone", () => {
  assert.equal(createText("nl", L).date("2026-11-29"), "29 november 2026");
  assert.equal(createText("en", L).date("2026-11-29"), "29 November 2026");
});

test("names: the name given, else numbered; this browser's own is marked", () => {
  const names = createText("nl", L).names([response("r-a", "", {}), response("r-b", "Bo", {}), response("r-c", "  ", {})], "r-a");
  assert.deepEqual([...names.values()], ["Zonder naam 1 (jij)", "Bo", "Zonder naam 2"]);
});
