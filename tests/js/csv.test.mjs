// Promise: the CSV export opens in Excel as it is (BOM, the separator Belgian Excel expects),
// uses the page's words for modes and statuses, and never turns a cell into a formula.
import assert from "node:assert/strict";
import { test } from "node:test";

import { planToCsv } from "../../overrides/assets/javascripts/team/csv.js";
import { fileStem } from "../../overrides/assets/javascripts/team/files.js";
import * as S from "../../overrides/assets/javascripts/team/state.js";
import { model } from "./helpers.mjs";

function plan() {
  let value = S.createPlan("p-1", "Sint-Jozef", ["tech-wifi"]);
  value = S.addMember(value, { id: "m-an", name: "An; \"de\" baas", hours: 10 });
  return model.setAssignment(value, "tech-wifi", { owner: "m-an", notes: "=1+1", status: "done" });
}

test("CSV has a BOM, semicolons for Dutch, quoting, and no formulas", () => {
  const tasks = [{ id: "tech-wifi", group: "technical", title: "Wifi", hours: 40 }];
  const labels = new Proxy({}, { get: (_, key) => String(key) });
  const csv = planToCsv(plan(), tasks, [{ id: "technical", title: "Technisch" }], labels, "nl", model.assignmentOf);
  assert.ok(csv.startsWith("\uFEFFcsv_id;csv_group;"));
  const row = csv.split("\r\n")[1];
  assert.equal(row, 'tech-wifi;Technisch;Wifi;"An; ""de"" baas";;mode_team;;status_done;40;\'=1+1');
  assert.ok(planToCsv(plan(), tasks, [], labels, "en", model.assignmentOf).split("\r\n")[0].includes(","));
});

test("file names are safe", () => {
  assert.equal(fileStem("Sint-Jozef Één 2025!"), "sint-jozef-een-2025");
  assert.equal(fileStem("<>"), "plan");
});
