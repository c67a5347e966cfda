// Shared set-up for the team planner's unit tests: the format read from the published schema,
// exactly as the page reads it from its data island.
import { readFileSync } from "node:fs";

import { planFormat } from "../../overrides/assets/javascripts/team/plan-format.js";
import { planModel } from "../../overrides/assets/javascripts/team/state.js";

const root = new URL("../../", import.meta.url);

export const SCHEMA = JSON.parse(readFileSync(new URL("schema/team-plan.schema.json", root), "utf8"));
export const fmt = planFormat(SCHEMA);
export const model = planModel(fmt);

/** A file under tests/fixtures/team/, parsed. */
export function fixture(name) {
  return readFileSync(new URL(`tests/fixtures/team/${name}`, root), "utf8");
}

/** A localStorage stand-in: a Map, optionally refusing writes like a full or blocked store. */
export function fakeStorage(entries = {}, { refuse = null } = {}) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    refuse,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem(key, value) {
      if (this.refuse) throw Object.assign(new Error(this.refuse), { name: this.refuse });
      map.set(key, String(value));
    },
    removeItem: (key) => map.delete(key),
  };
}
