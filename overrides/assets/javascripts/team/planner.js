// The team planner put together: the format (from the schema in the page's data), the saved
// document, the screen and the controllers, each in a module of its own. `startPlanner`
// throws when something is wrong; main.js then keeps the checklist that works without it.

import { wireAssignments } from "./assignments.js";
import { wireBulk } from "./bulk.js";
import { createAlerts, createAnnouncer } from "./dom.js";
import { fetchJson } from "./files.js";
import { wireFilters } from "./filters.js";
import { wireMembers } from "./members.js";
import { planFormat } from "./plan-format.js";
import { wirePlans } from "./plans.js";
import { wirePrinting } from "./printing.js";
import { wireProposal } from "./proposal.js";
import { wireSaving } from "./saving.js";
import { createSession } from "./session.js";
import { newId } from "./documents.js";
import { createPlan, fitToHandbook, planModel } from "./state.js";
import { createStore, openStorage, scopedKey } from "./storage.js";
import { wireTableNavigation } from "./tablenav.js";
import { wireTransfer } from "./transfer.js";
import { createUndo } from "./undo.js";
import { createView } from "./view.js";

/**
 * Start the planner in `root` with the page's data.
 * @param {HTMLElement} root the planner's element (#team-app)
 * @param {object} data the page's data island (handbook/team_data.py)
 * @param {string} basePath the site's base path, e.g. "/" (scopes the storage key)
 * @param {((ctx: object) => void)|null} [wireLink] applies the filter of a link to some tasks
 *   (task-link.js, which main.js loads only for an address that carries one)
 * @returns {object} the planner's context, for the controllers and the tests
 */
export function startPlanner(root, data, basePath, wireLink = null) {
  const $ = (id) => document.getElementById(id);
  const L = data.labels;
  const fmt = planFormat(data.schema);
  const model = planModel(fmt);
  const ids = data.tasks.map((t) => t.id);
  const handbook = {
    list: ids, ids: new Set(ids), groups: data.groups.map((g) => g.id), formerly: data.formerly || {}, formerRoles: data.formerRoles || {},
  };
  const fitDocument = (doc) => ({ ...doc, plans: doc.plans.map((plan) => fitToHandbook(plan, handbook)) });
  const actions = new Map();
  const extras = new Map();

  const ctx = {
    root, data, L, fmt, model, handbook, $,
    say: createAnnouncer($("team-live")),
    alerts: createAlerts($("team-alerts")),
    /** A document as this page reads it: checked, migrated, fitted to the handbook. */
    read(text) {
      const result = fmt.parse(text);
      return result.ok ? { ...result, doc: fitDocument(result.doc) } : result;
    },
    /** A plan fitted to this handbook (old task and role ids moved, see fitToHandbook). */
    fit(plan) {
      return fitToHandbook(plan, handbook);
    },
    plan() {
      const doc = ctx.session.current();
      return doc.plans.find((p) => p.id === doc.current) || doc.plans[0];
    },
    /** A new, empty plan with a fresh id. */
    newPlan(name) {
      return createPlan(newId("p", ctx.session.current().plans.map((p) => p.id)), name, ids);
    },
    /**
     * Change the plan on screen, save, and redraw what `scope` says: "task" (one row and the
     * overview), "summary" (the overview) or "all". Any change ends the offer to undo an
     * earlier one, unless `keepUndo`.
     * @returns {boolean} whether the plan changed
     */
    changePlan(op, { scope = "all", taskId = "", keepUndo = false } = {}) {
      if (!keepUndo) ctx.undo.clear();
      const changed = ctx.session.changePlan(ctx.plan().id, op);
      if (changed) redraw(scope, taskId);
      return changed;
    },
    /** Change the whole document (plans added, removed, switched) and redraw everything. */
    changeDocument(op, { keepUndo = false } = {}) {
      if (!keepUndo) ctx.undo.clear();
      const changed = ctx.session.change(op);
      if (changed) ctx.view.renderAll();
      return changed;
    },
    /**
     * Data the planner fetches when it first needs it (data.files: the starter teams, the
     * spreadsheet's layout); fetched once. When it cannot be fetched, the page says so and the
     * promise is rejected.
     * @param {string} key
     * @returns {Promise<unknown>}
     */
    extra(key) {
      if (!extras.has(key)) {
        extras.set(key, fetchJson(data.files[key]).catch((error) => {
          extras.delete(key);
          ctx.alerts.show("load", "failure", L.load_failed);
          ctx.say(L.load_failed);
          throw Object.assign(error, { said: true });
        }));
      }
      return extras.get(key);
    },
    /** Handle clicks on `[data-action=name]` inside the planner. */
    action(name, handler) {
      actions.set(name, handler);
    },
  };

  function redraw(scope, taskId) {
    if (scope === "task") ctx.view.renderTask(taskId);
    else if (scope === "summary") ctx.view.renderSummary();
    else ctx.view.renderAll();
  }

  ctx.undo = createUndo({
    onChange(top) {
      $("team-undo").hidden = !top;
      $("team-undo-text").textContent = top ? top.label : "";
    },
  });
  const saving = wireSaving(ctx, {
    statusId: "team-save-status", buttonsClass: "team-buttons", fileStem: "team-plans", redraw: () => ctx.view.renderAll(),
  });
  ctx.session = createSession({
    store: createStore({ storage: openStorage(), key: scopedKey(basePath, data.storageName), legacyKeys: data.legacyStorageKeys, parse: ctx.read }),
    check: fmt.read,
    fit: fitDocument,
    fresh() {
      const plan = createPlan(newId("p"), L.plan_default_name, ids);
      return fmt.makeDocument([plan], plan.id, 0);
    },
    events: saving.events,
  });
  ctx.view = createView(ctx);

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    const handler = button && actions.get(button.dataset.action);
    // An action that waits for data (a fetch) may fail after the page has said so already
    if (handler) Promise.resolve(handler(button, event)).catch((error) => {
      if (!error?.said) throw error;
    });
  });
  // Table navigation first: the task rows' own keys skip what it handled
  for (const wire of [wireMembers, wireTableNavigation, wireAssignments, wireBulk, wireProposal, wireFilters, wirePlans, wireTransfer,
    wirePrinting]) wire(ctx);

  const loaded = ctx.session.start();
  ctx.view.renderAll();
  saving.started(loaded);
  if (wireLink) wireLink(ctx);
  return ctx;
}
