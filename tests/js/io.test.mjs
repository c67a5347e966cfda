// Unit tests for validating, parsing and exporting plan documents: node --test tests/js
import assert from "node:assert/strict";
import { test } from "node:test";

import { fileStem, makeDocument, parseDocument, planToCsv, validateDocument } from "../../overrides/assets/javascripts/team/io.js";
import * as S from "../../overrides/assets/javascripts/team/state.js";

const FORMAT = "ict-team-plan";

function doc() {
  let plan = S.createPlan("p-1", "Sint-Jozef", ["tech-wifi"]);
  plan = S.addMember(plan, { id: "m-an", name: "An; \"de\" baas", hours: 10 });
  plan = S.setAssignment(plan, "tech-wifi", { owner: "m-an", notes: "=1+1", status: "done" });
  return makeDocument(FORMAT, 1, [plan], "p-1", 3);
}

test("a saved document round-trips through JSON", () => {
  const result = parseDocument(JSON.stringify(doc()), FORMAT, 1);
  assert.equal(result.ok, true);
  assert.deepEqual(result.doc.plans, doc().plans);
});

test("bad input is refused with the reason", () => {
  assert.equal(parseDocument("{not json", FORMAT, 1).problem, "json");
  assert.equal(parseDocument(JSON.stringify({ ...doc(), format: "other" }), FORMAT, 1).problem, "format");
  assert.equal(parseDocument(JSON.stringify({ ...doc(), version: 2 }), FORMAT, 1).problem, "version");
  const bad = doc();
  bad.plans[0].members[0].hours = "ten";
  assert.deepEqual(validateDocument(bad, FORMAT, 1), { ok: false, problem: "invalid", path: "plans[0].members[0].hours" });
  const long = doc();
  long.plans[0].assignments["tech-wifi"].notes = "x".repeat(5001);
  assert.equal(validateDocument(long, FORMAT, 1).problem, "invalid");
  const unknownField = doc();
  unknownField.plans[0].assignments["tech-wifi"].evil = "<script>";
  assert.equal(validateDocument(unknownField, FORMAT, 1).path, "plans[0].assignments.tech-wifi.evil");
  assert.equal(parseDocument("x".repeat(5_000_001), FORMAT, 1).problem, "size");
});

test("own tasks need unique ids, a known group and an id no handbook task has", () => {
  const handbook = { groups: new Set(["technical"]), tasks: new Set(["tech-wifi"]) };
  const withOwn = (...tasks) => {
    const value = doc();
    value.plans[0].customTasks = tasks.map(([id, group]) => ({ id, group, title: "Eigen taak", hours: 1 }));
    return value;
  };
  assert.equal(validateDocument(withOwn(["own-a", "technical"]), FORMAT, 1, handbook).ok, true);
  assert.equal(validateDocument(withOwn(["own-a", "technical"], ["own-a", "technical"]), FORMAT, 1).path,
    "plans[0].customTasks[1]");
  assert.equal(validateDocument(withOwn(["own-a", "nosuchgroup"]), FORMAT, 1, handbook).path,
    "plans[0].customTasks[0]");
  assert.equal(validateDocument(withOwn(["tech-wifi", "technical"]), FORMAT, 1, handbook).path,
    "plans[0].customTasks[0]");
});

test("CSV has a BOM, semicolons for Dutch, quoting, and no formulas", () => {
  const plan = doc().plans[0];
  const tasks = [{ id: "tech-wifi", group: "technical", title: "Wifi", hours: 40 }];
  const labels = new Proxy({}, { get: (_, key) => String(key) });
  const csv = planToCsv(plan, tasks, [{ id: "technical", title: "Technisch" }], labels, "nl");
  assert.ok(csv.startsWith("\uFEFFcsv_id;csv_group;"));
  const row = csv.split("\r\n")[1];
  assert.equal(row, 'tech-wifi;Technisch;Wifi;"An; ""de"" baas";;mode_team;;status_done;40;\'=1+1');
  assert.ok(planToCsv(plan, tasks, [], labels, "en").split("\r\n")[0].includes(","));
});

test("file names are safe", () => {
  assert.equal(fileStem("Sint-Jozef Één 2025!"), "sint-jozef-een-2025");
  assert.equal(fileStem("<>"), "plan");
});
