// The self-assessment put together: the formats (from the schemas in the page's data), the
// saved document (kept in step with other tabs by the team planner's session module), the
// screen and the controllers, each in a module of its own. `startAssessment` throws when
// something is wrong; main.js then keeps the rubric that works without it.

import { planFormat } from "../team/plan-format.js";
import { createAlerts, createAnnouncer, keepFocus } from "../team/dom.js";
import { wireSaving } from "../team/saving.js";
import { createSession } from "../team/session.js";
import { createStore, openStorage, scopedKey } from "../team/storage.js";
import { createUndo } from "../team/undo.js";
import { bundleFormat } from "./bundle.js";
import { wireForm } from "./form.js";
import { assessmentFormat } from "./format.js";
import { wireHistory } from "./history.js";
import { createPlanHandoff } from "./plan-handoff.js";
import { newId } from "../team/documents.js";
import { createResult } from "./result.js";
import { wireTeam } from "./team.js";
import { createText } from "./text.js";
import { wireTransfer } from "./transfer.js";

/**
 * Start the page in `root` with the page's data.
 * @param {HTMLElement} root the page's element (#assessment-app)
 * @param {object} data the page's data island (handbook/assessment_data.py)
 * @param {string} basePath the site's base path, e.g. "/" (scopes the storage keys)
 * @returns {object} the page's context, for the controllers and the tests
 */
export function startAssessment(root, data, basePath) {
  const $ = (id) => document.getElementById(id);
  const L = data.labels;
  const fmt = assessmentFormat(data.schema);
  const planFmt = planFormat(data.planSchema);
  const actions = new Map();
  // The id this browser's own response gets when the person first rates something
  const myNewId = newId("r");

  const ctx = {
    root, data, L, fmt, planFmt, $,
    bundle: bundleFormat(data.bundleSchema, { plan: planFmt, assessment: fmt }),
    ids: data.characteristics.map((c) => c.id),
    text: createText(data.language, L),
    say: createAnnouncer($("assessment-live")),
    alerts: createAlerts($("assessment-alerts")),
    plans: createPlanHandoff({ data, planFmt, basePath }),
    /** The document on screen now. */
    current: () => ctx.session.current(),
    /** Who "me" is in a change: this browser's response, and the time of the change. */
    me: () => ({ id: ctx.session.current().mine ?? myNewId, now: new Date().toISOString() }),
    /**
     * Change the document, save, and redraw. Any change ends the offer to undo an earlier one,
     * unless `keepUndo`. The form is redrawn only when asked: it holds the user's own input.
     * @param {(doc: object) => (object|null)} op may run twice (on another tab's newer save)
     * @returns {boolean} whether the document changed
     */
    change(op, { keepUndo = false, form = false } = {}) {
      if (!keepUndo) ctx.undo.clear();
      const changed = ctx.session.change(op);
      if (changed) render(form);
      return changed;
    },
    /** Draw everything again (start, another tab's changes, undo). */
    renderAll: () => render(true),
    /** Handle clicks on `[data-action=name]` inside the page. */
    action(name, handler) {
      actions.set(name, handler);
    },
  };

  function render(form) {
    keepFocus(() => {
      if (form) ctx.form.render();
      ctx.result.render();
      ctx.team.render();
      ctx.history.render();
    });
  }

  ctx.undo = createUndo({
    onChange(top) {
      $("assessment-undo").hidden = !top;
      $("assessment-undo-text").textContent = top ? top.label : "";
    },
  });
  const saving = wireSaving(ctx, {
    statusId: "assessment-save-status", buttonsClass: "assessment-buttons", fileStem: "self-assessment", redraw: () => ctx.renderAll(),
  });
  ctx.session = createSession({
    store: createStore({ storage: openStorage(), key: scopedKey(basePath, data.storageName), parse: fmt.parse }),
    check: fmt.read,
    fit: (doc) => doc,
    fresh: () => fmt.makeDocument(),
    events: saving.events,
    // One document per browser, the same in every tab: take another tab's as it is
    keep: (theirs) => theirs,
  });

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    const handler = button && actions.get(button.dataset.action);
    if (handler) handler(button, event);
  });
  ctx.action("undo", () => {
    const entry = ctx.undo.take();
    if (!entry) return;
    let note = "";
    const changed = ctx.change((doc) => {
      const result = entry.revert(doc);
      note = result ? result.note : "";
      return result ? result.doc : null;
    }, { keepUndo: true, form: true });
    ctx.say(changed ? `${L.undone} ${note}`.trim() : L.undo_gone);
    (document.querySelector(entry.focus) || $("assessment-import-file")).focus();
  });
  ctx.action("print", () => window.print());

  ctx.form = wireForm(ctx);
  ctx.result = createResult(ctx);
  ctx.team = wireTeam(ctx);
  ctx.history = wireHistory(ctx);
  ctx.transfer = wireTransfer(ctx);

  const loaded = ctx.session.start();
  ctx.renderAll();
  ctx.transfer.render();
  saving.started(loaded);
  // The team page's plans may change in another tab: the choice for a bundle follows
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === scopedKey(basePath, data.planStorageName)) ctx.transfer.render();
  });
  return ctx;
}
