// Several tasks at once: select rows (one by one, or every task the filters show) and give them
// an owner, a backup, a status, or an outside partner in one go. Undo takes back only that one
// change, and leaves alone any task changed again since.

import { el } from "./dom.js";
import { FIELDS } from "./render.js";
import { label, revertChanges } from "./state.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireBulk(ctx) {
  const { L, fmt, model, $ } = ctx;
  const team = model.modes[0];
  const otherModes = model.modes.slice(1);
  const who = $("team-bulk-who");
  const backup = $("team-bulk-backup");
  const status = $("team-bulk-status");
  const partner = $("team-bulk-partner");
  const message = $("team-bulk-message");

  // ---- Selecting ----------------------------------------------------------------------------

  $("team-task-list").addEventListener("change", (event) => {
    if (event.target.dataset.field !== FIELDS.pick) return;
    ctx.view.select([event.target.closest("[data-task]").dataset.task], event.target.checked);
  });

  ctx.action("select-shown", () => {
    const shown = ctx.view.shownIds();
    ctx.view.select(shown, true);
    ctx.say(label(L, "selected_count", { count: ctx.view.selected().length }));
  });

  ctx.action("select-clear", () => {
    ctx.view.select(ctx.view.selected(), false);
    ctx.say(L.selection_cleared);
    document.querySelector('[data-action="select-shown"]').focus();
  });

  // ---- The panel's choices follow the plan's members -------------------------------------------

  ctx.view.onRenderAll((plan) => {
    const members = plan.members.map((m) => el("option", { value: m.id }, m.name));
    fill(who, [el("option", { value: "" }, L.bulk_keep), el("optgroup", { label: L.members_title }, ...members),
      el("optgroup", { label: L.mode_other },
        el("option", { value: "none" }, L.owner_nobody),
        ...otherModes.map((mode) => el("option", { value: `mode:${mode}` }, L[`mode_${mode}`])))]);
    fill(backup, [el("option", { value: "" }, L.bulk_keep), ...members.map((o) => o.cloneNode(true)),
      el("option", { value: "none" }, L.backup_nobody)]);
  });

  function fill(select, options) {
    const value = select.value;
    select.replaceChildren(...options);
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }

  who.addEventListener("change", () => {
    $("team-bulk-partner-field").hidden = who.value !== `mode:${model.partnerMode}`;
  });

  // ---- Applying and taking back -------------------------------------------------------------

  ctx.action("bulk-apply", () => {
    const ids = ctx.view.selected();
    const choice = { who: who.value, backup: backup.value, status: status.value, partner: fmt.cleanName(partner.value) };
    if (!ids.length) return;
    if (!choice.who && !choice.backup && !choice.status) {
      say(L.bulk_nothing, true);
      who.focus();
      return;
    }
    const plan = ctx.plan();
    const { patches, ownerConflicts, notTeam } = bulkPatches(plan, ids, choice);
    let changes = [];
    ctx.changePlan((p) => {
      const result = model.applyPatches(p, patches);
      changes = result.changes;
      return result.plan;
    });
    const notes = [];
    if (ownerConflicts) notes.push(label(L, "bulk_backup_skipped", { count: ownerConflicts, name: nameOf(choice.backup) }));
    if (notTeam) notes.push(label(L, "bulk_backup_not_team", { count: notTeam }));
    ctx.view.select(ids, false);
    for (const select of [who, backup, status]) select.value = "";
    partner.value = "";
    $("team-bulk-partner-field").hidden = true;
    if (!changes.length) {
      say([L.bulk_unchanged, ...notes].join(" "), true);
      document.querySelector('[data-action="select-shown"]').focus();
      return;
    }
    offerUndo(ctx, plan.id, changes, label(L, "bulk_undo", { count: changes.length }));
    say([label(L, "bulk_done", { count: changes.length }), ...notes].join(" "), Boolean(notes.length));
    $("team-undo").querySelector("button").focus();
  });

  /**
   * What the chosen values mean for each selected task. A backup is never the task's owner,
   * and only a task the team takes on gets one: those tasks keep their backup, and are counted.
   */
  function bulkPatches(plan, ids, choice) {
    const patches = [];
    let ownerConflicts = 0;
    let notTeam = 0;
    for (const taskId of ids) {
      const a = model.assignmentOf(plan, taskId);
      const patch = {};
      if (choice.who === "none") Object.assign(patch, { mode: team, owner: "" });
      else if (choice.who.startsWith("mode:")) {
        patch.mode = choice.who.slice(5);
        if (patch.mode === model.partnerMode && choice.partner) patch.partner = choice.partner;
      } else if (choice.who) Object.assign(patch, { mode: team, owner: choice.who });
      const mode = patch.mode ?? a.mode;
      const owner = "owner" in patch ? patch.owner : a.owner;
      if (choice.backup) {
        const chosen = choice.backup === "none" ? "" : choice.backup;
        if (mode !== team) notTeam += chosen ? 1 : 0;
        else if (chosen && chosen === owner) ownerConflicts += 1;
        else patch.backup = chosen;
      }
      if (choice.status) patch.status = choice.status;
      if (Object.keys(patch).length) patches.push({ taskId, patch });
    }
    return { patches, ownerConflicts, notTeam };
  }

  function nameOf(id) {
    return ctx.plan().members.find((m) => m.id === id)?.name || "";
  }

  function say(text, show) {
    message.textContent = show ? text : "";
    message.hidden = !show;
    ctx.say(text);
  }
}

/**
 * Offer to take back a change of several tasks (a bulk change, an accepted proposal): the undo
 * puts back only the tasks whose decision is still what the change made it.
 * @param {object} ctx the planner
 * @param {string} planId the plan the change was made in
 * @param {Array<object>} changes see planModel.applyPatches
 * @param {string} text what the change did, as the undo bar says it
 */
export function offerUndo(ctx, planId, changes, text) {
  ctx.undo.push({
    label: text,
    focus: '[data-action="select-shown"]',
    revert(doc) {
      const target = doc.plans.find((p) => p.id === planId);
      if (!target) return null;
      const result = revertChanges(target, changes);
      if (!result.restored) return null;
      const note = result.skipped.length ? ` ${label(ctx.L, "undo_changed_since", { count: result.skipped.length })}` : "";
      return { doc: { ...doc, plans: doc.plans.map((p) => (p.id === planId ? result.plan : p)) }, note };
    },
  });
}
