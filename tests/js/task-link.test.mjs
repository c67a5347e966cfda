// Promise: a link to the team page can ask it to show only some tasks (/team/?tasks=a,b), as
// the self-assessment's advice does; unknown ids are reported, not shown; old ids of merged
// tasks lead to the task that took them over; removing the filter takes it out of the address.
import assert from "node:assert/strict";
import { test } from "node:test";

import { PARAM, linkToTasks, linkedTasks, withoutLinkedTasks } from "../../overrides/assets/javascripts/team/task-link.js";

const known = new Set(["tech-wifi", "pol-task-allocation", "adm-documentation"]);

test("a link asks for tasks; the page reads them back in the link's order", () => {
  const link = linkToTasks("../team/", ["pol-task-allocation", "tech-wifi"]);
  assert.equal(link, `../team/?${PARAM}=pol-task-allocation,tech-wifi`);
  assert.deepEqual(linkedTasks(new URL(link, "https://example.org/self-assessment/").search, known),
    { ids: ["pol-task-allocation", "tech-wifi"], unknown: [] });
});

test("no parameter: no filter", () => {
  assert.equal(linkedTasks("", known), null);
  assert.equal(linkedTasks("?other=1", known), null);
});

test("unknown ids are reported, repeats and blanks are dropped, old ids move along", () => {
  assert.deepEqual(linkedTasks("?tasks=tech-wifi,,nope, tech-wifi ,nope,%3Cb%3E", known), { ids: ["tech-wifi"], unknown: ["nope", "<b>"] });
  assert.deepEqual(linkedTasks("?tasks=tech-old-wifi", known, { "tech-old-wifi": "tech-wifi" }), { ids: ["tech-wifi"], unknown: [] });
  assert.deepEqual(linkedTasks("?tasks=", known), { ids: [], unknown: [] });
});

test("a very long link is cut at 200 ids", () => {
  const many = Array.from({ length: 500 }, (_, i) => `x-${i}`).join(",");
  assert.equal(linkedTasks(`?tasks=${many}`, known).unknown.length, 200);
});

test("the address without the filter keeps the rest", () => {
  assert.equal(withoutLinkedTasks("https://example.org/en/team/?tasks=a,b&x=1#tasks"), "/en/team/?x=1#tasks");
  assert.equal(withoutLinkedTasks("https://example.org/team/?tasks=a"), "/team/");
});
