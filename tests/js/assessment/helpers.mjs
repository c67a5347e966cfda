// Shared set-up for the self-assessment's unit tests: its format, the bundle's and the team
// plan's, read from the published schemas exactly as the page reads them from its data island.
import { readFileSync } from "node:fs";

import { bundleFormat } from "../../../overrides/assets/javascripts/assessment/bundle.js";
import { assessmentFormat } from "../../../overrides/assets/javascripts/assessment/format.js";
import { compileSchema } from "../../../overrides/assets/javascripts/team/schema.js";
import { planFormat } from "../../../overrides/assets/javascripts/team/plan-format.js";

const root = new URL("../../../", import.meta.url);
const schema = (name) => JSON.parse(readFileSync(new URL(`schema/${name}`, root), "utf8"));

export const SCHEMA = schema("team-assessment.schema.json");
export const fmt = assessmentFormat(SCHEMA);
export const planFmt = planFormat(schema("team-plan.schema.json"));
export const bundle = bundleFormat(schema("team-bundle.schema.json"), { plan: planFmt, assessment: fmt });
/** The schema's own check, to see that what the code writes is valid. */
export const validate = compileSchema(SCHEMA);
export const CHARACTERISTICS = ["one", "two", "three"];

/** A response with levels per characteristic (a number, or {level, note}). */
export function response(id, name, ratings, updated = "2026-11-01T10:00:00.000Z") {
  const expanded = Object.fromEntries(Object.entries(ratings).map(([key, value]) => [key, typeof value === "number" ? { level: value } : value]));
  return { id, name, updated, ratings: expanded };
}

/** A document with these responses (the first is this browser's own unless mine is given). */
export function documentWith(responses, { mine = responses[0]?.id, history = [] } = {}) {
  return fmt.makeDocument({ responses, history, mine, revision: 1 });
}

/** A file in the fixtures folder tests/fixtures/assessment/. */
export function fixture(name) {
  return readFileSync(new URL(`tests/fixtures/assessment/${name}`, root), "utf8");
}
