// Owners proposed from the members' roles. The whole proposal is shown first, as a preview the
// user edits (another candidate, another backup, "not now") and then accepts or rejects; until
// then nothing changes, and tasks that have an owner are never part of it.

import { el } from "./dom.js";
import { offerUndo } from "./bulk.js";
import { label } from "./state.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireProposal(ctx) {
  const { L, model, data, $ } = ctx;
  const box = $("team-proposal");
  const team = model.modes[0];
  const roleTitles = new Map(data.roles.map((r) => [r.id, r.title]));
  let planId = null;

  ctx.action("propose", () => {
    const plan = ctx.plan();
    const tasks = ctx.view.tasks();
    planId = plan.id;
    if (!plan.members.some((m) => m.roles.length)) return show([el("p", {}, L.propose_no_roles)], false);
    const { items, unmatched } = model.proposeOwners(plan, tasks);
    if (!items.length && !unmatched.length) return show([el("p", {}, L.propose_nothing)], false);
    const titles = new Map(tasks.map((t) => [t.id, t]));
    const clear = items.filter((item) => item.candidates.length === 1);
    const choices = items.filter((item) => item.candidates.length > 1);
    const parts = [el("p", {}, L.propose_intro)];
    if (choices.length) {
      parts.push(el("h4", {}, label(L, "propose_choice", { count: choices.length })), proposalTable(plan, choices, titles));
    }
    if (clear.length) {
      // One member fits: the clearest part of the proposal, folded away but open to check
      parts.push(el("details", { class: "team-proposal__clear", open: !choices.length },
        el("summary", {}, label(L, "propose_clear", { count: clear.length })), proposalTable(plan, clear, titles)));
    }
    if (unmatched.length) {
      parts.push(el("details", { class: "team-proposal__unmatched" },
        el("summary", {}, label(L, "propose_unmatched", { count: unmatched.length })),
        el("ul", {}, ...unmatched.map((id) => el("li", {}, titles.get(id)?.title || id)))));
    }
    show(parts, items.length > 0);
  });

  /** The preview: a table with a choice of owner and backup per task. */
  function proposalTable(plan, items, tasks) {
    const members = plan.members;
    const option = (m, selected) => el("option", { value: m.id, selected: m.id === selected }, m.name);
    return el("table", { class: "team-proposal__table" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, L.column_task), el("th", { scope: "col" }, L.column_roles),
        el("th", { scope: "col" }, L.owner), el("th", { scope: "col" }, L.backup))),
      el("tbody", {}, ...items.map((item) => {
        const task = tasks.get(item.taskId);
        const fit = item.candidates.map((id) => members.find((m) => m.id === id));
        const others = members.filter((m) => !item.candidates.includes(m.id));
        const name = task?.title || item.taskId;
        const owner = el("select", { "data-proposal": "owner", "aria-label": `${L.owner} ${name}` },
          el("optgroup", { label: L.owner_fits }, ...fit.map((m) => option(m, item.owner))),
          ...(others.length ? [el("optgroup", { label: L.owner_others }, ...others.map((m) => option(m, item.owner)))] : []),
          el("option", { value: "" }, L.propose_skip));
        const backup = el("select", { "data-proposal": "backup", "aria-label": `${L.backup} ${name}` },
          el("option", { value: "" }, L.backup_none), ...members.map((m) => option(m, item.backup)));
        return el("tr", { "data-proposal-task": item.taskId },
          el("th", { scope: "row" }, name),
          el("td", {}, (task?.roles || []).map((id) => roleTitles.get(id) || id).join(", ")),
          el("td", {}, owner), el("td", {}, backup));
      })));
  }

  // An owner chosen in the preview cannot also be the backup
  box.addEventListener("change", (event) => {
    const row = event.target.closest("[data-proposal-task]");
    if (!row) return;
    const owner = row.querySelector('[data-proposal="owner"]');
    const backup = row.querySelector('[data-proposal="backup"]');
    for (const o of backup.options) o.disabled = Boolean(o.value) && o.value === owner.value;
    if (backup.value && backup.value === owner.value) backup.value = "";
    updateAccept();
  });

  function chosen() {
    return [...box.querySelectorAll("[data-proposal-task]")]
      .map((row) => ({ taskId: row.dataset.proposalTask, owner: row.querySelector('[data-proposal="owner"]').value,
        backup: row.querySelector('[data-proposal="backup"]').value }))
      .filter((choice) => choice.owner);
  }

  function updateAccept() {
    const accept = box.querySelector('[data-action="proposal-accept"]');
    if (!accept) return;
    const count = chosen().length;
    accept.textContent = label(L, "propose_accept", { count });
    accept.disabled = count === 0;
  }

  function show(parts, offer) {
    box.replaceChildren(el("h3", {}, L.propose_title), ...parts, el("div", { class: "team-buttons" },
      offer ? el("button", { type: "button", class: "md-button md-button--primary", "data-action": "proposal-accept" }, "") : null,
      el("button", { type: "button", class: "md-button", "data-action": "proposal-reject" }, offer ? L.propose_reject : L.import_cancel)));
    for (const row of box.querySelectorAll("[data-proposal-task]")) row.querySelector("select").dispatchEvent(new Event("change", { bubbles: true }));
    updateAccept();
    box.hidden = false;
    box.focus();
    ctx.say(parts.map((p) => p.textContent).join(" ").slice(0, 300));
  }

  function close() {
    box.hidden = true;
    box.replaceChildren();
    planId = null;
  }

  ctx.action("proposal-reject", () => {
    close();
    ctx.say(L.propose_rejected);
    document.querySelector('[data-action="propose"]').focus();
  });

  ctx.action("proposal-accept", () => {
    const picks = chosen();
    if (!picks.length || planId !== ctx.plan().id) return close();
    let changes = [];
    ctx.changePlan((p) => {
      // Only tasks still without an owner: another tab may have decided some meanwhile
      const present = new Set(p.members.map((m) => m.id));
      const patches = picks.filter(({ taskId, owner }) => {
        const a = model.assignmentOf(p, taskId);
        return a.mode === team && !present.has(a.owner) && present.has(owner);
      }).map(({ taskId, owner, backup }) => ({ taskId, patch: backup ? { owner, backup } : { owner } }));
      const result = model.applyPatches(p, patches);
      changes = result.changes;
      return result.plan;
    });
    const id = planId;
    close();
    if (!changes.length) {
      ctx.say(L.propose_rejected);
      return;
    }
    const text = label(L, "propose_accepted", { count: changes.length });
    offerUndo(ctx, id, changes, text);
    ctx.say(text);
    $("team-undo").querySelector("button").focus();
  });

  // A proposal made for another plan, or before the members changed, is not offered any more
  ctx.view.onRenderAll((plan) => {
    if (planId && plan.id !== planId) close();
  });

}
