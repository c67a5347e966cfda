// The team page's saved plans, seen from the self-assessment: which plans there are (to
// export one with the assessment), and adding the plan from an imported bundle as a new plan.
// It reads and writes through the team page's own storage module and format, under the same
// rules: saved plans this page cannot read, or that a newer version of the team page wrote,
// are never overwritten, and nothing already there is replaced.

import { newId } from "../team/documents.js";
import { createStore, openStorage, scopedKey } from "../team/storage.js";

/**
 * @param {object} options
 * @param {object} options.data the page's data island (planStorageName, planLegacyKeys)
 * @param {object} options.planFmt the team plan's format (team/plan-format.js)
 * @param {string} options.basePath the site's base path
 * @returns {Readonly<{plans: Function, has: Function, add: Function}>}
 */
export function createPlanHandoff({ data, planFmt, basePath }) {
  const store = createStore({ storage: openStorage(), key: scopedKey(basePath, data.planStorageName),
    legacyKeys: data.planLegacyKeys, parse: planFmt.parse });

  return Object.freeze({
    /**
     * The team page's saved plans.
     * @returns {{status: "ok", plans: object[], current: string} | {status: "empty"|"blocked"|"unreadable"|"newer"}}
     */
    plans() {
      const loaded = store.load();
      return loaded.status === "ok" ? { status: "ok", plans: loaded.doc.plans, current: loaded.doc.current } : { status: loaded.status };
    },

    /**
     * Whether the team page has this plan already: the same id and the same content.
     * @param {object} plan
     * @returns {boolean}
     */
    has(plan) {
      const loaded = store.load();
      const same = loaded.status === "ok" ? loaded.doc.plans.find((p) => p.id === plan.id) : null;
      return Boolean(same) && JSON.stringify(same) === JSON.stringify(plan);
    },

    /**
     * Add a plan to the team page's saved plans, as a new plan on screen there. A plan with the
     * same id and the same content is already there; one with the same id but other content
     * is added under a new id, with `copyName` as its name when its name is taken too.
     * @param {object} plan a valid plan (from a team-plan document)
     * @param {(name: string) => string} copyName the name for a copy, e.g. "X (from file)"
     * @returns {{ok: true, name: string} | {ok: false, reason: "there"|"blocked"|"unreadable"|"newer"|"limit"|"full"|"invalid"}}
     *   limit: the team page keeps no more plans; full: the browser's storage is full
     */
    add(plan, copyName) {
      // Another tab may save between reading and writing: then read again (a few times at most)
      for (let attempt = 0; attempt < 3; attempt++) {
        const loaded = store.load();
        if (loaded.status === "blocked" || loaded.status === "unreadable" || loaded.status === "newer") return { ok: false, reason: loaded.status };
        const doc = loaded.status === "ok" ? loaded.doc : null;
        const plans = doc ? doc.plans : [];
        const same = plans.find((p) => p.id === plan.id);
        if (same && JSON.stringify(same) === JSON.stringify(plan)) return { ok: false, reason: "there" };
        if (plans.length >= planFmt.limits.plans) return { ok: false, reason: "limit" };
        const incoming = structuredClone(plan);
        if (same) incoming.id = newId("p", plans.map((p) => p.id));
        if (plans.some((p) => p.name === incoming.name)) incoming.name = copyName(incoming.name);
        const revision = doc ? doc.revision : -1;
        // What is under the key now: this document, or nothing (when read from an older key)
        if (store.savedRevision() !== (loaded.moved ? -1 : revision)) continue;
        const next = planFmt.makeDocument([...plans, incoming], incoming.id, revision + 1);
        if (!planFmt.read(next).ok) return { ok: false, reason: "invalid" };
        const saved = store.save(next);
        if (!saved.ok) return { ok: false, reason: saved.reason === "full" ? "full" : "blocked" };
        return { ok: true, name: incoming.name };
      }
      return { ok: false, reason: "blocked" };
    },
  });
}
