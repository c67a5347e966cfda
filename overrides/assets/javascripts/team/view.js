// The planner on screen: draws the current plan and keeps it drawn as it changes. What to
// redraw is decided by the controllers (one task row, the overview, everything); focus and
// whatever the user is typing survive every redraw. The view also keeps what is not saved in
// the plan: the filters, the selection of tasks and the layout (cards or table).

import { el, keepFocus } from "./dom.js";
import { createTaskList, renderMembers, renderOrphans, renderOverview } from "./render.js";
import { allTasks, format, homelessTasks, hoursPercent, label, partnersOf } from "./state.js";

const NO_FILTERS = Object.freeze({ group: "", member: "", status: "", unassigned: false, query: "", tasks: null });
// Wide enough for the table's six columns next to Material's navigation
const TABLE_QUERY = "(min-width: 60em)";

/**
 * @param {object} ctx the planner (see planner.js): data, L, fmt, model, handbook, $, say, plan()
 * @returns {Readonly<object>}
 */
export function createView(ctx) {
  const { data, L, model, $ } = ctx;
  const selected = new Set();
  const listeners = [];
  const taskList = createTaskList($("team-task-list"), {
    L, statuses: ctx.fmt.statuses, limits: ctx.fmt.limits, groups: data.groups, roles: data.roles, model,
    isSelected: (id) => selected.has(id),
  });
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  // The partners the starter teams name, offered from the start
  const starterPartners = [L["partner_school-group"], L["partner_external-partner"]];
  let tasks = [];
  let marks = { newIds: [], orphanIds: [], homeless: [] };
  let filters = { ...NO_FILTERS };
  let layout = window.matchMedia?.(TABLE_QUERY).matches ? "table" : "cards";

  /** Draw everything again (another plan, another tab's changes, members changed). */
  function renderAll() {
    keepFocus(() => {
      const plan = ctx.plan();
      tasks = allTasks(plan, data.tasks, data.hoursRule);
      const known = new Set(tasks.map((t) => t.id));
      for (const id of selected) if (!known.has(id)) selected.delete(id);
      const { newIds, orphanIds } = model.reconcile(plan, ctx.handbook.list);
      marks = { newIds, orphanIds, homeless: homelessTasks(plan, ctx.handbook.groups) };
      renderPlans(plan);
      const openRoles = new Set([...document.querySelectorAll(".team-roles[open]")].map((d) => d.closest("[data-member]").dataset.member));
      renderMembers($("team-member-list"), plan, data.roles, L, ctx.fmt.limits, openRoles);
      $("team-members-empty").hidden = plan.members.length > 0;
      renderMemberFilter(plan);
      const openNotes = new Set([...document.querySelectorAll(".team-task .team-notes[open]")].map((d) => d.closest("[data-task]").dataset.task));
      taskList.render(plan, tasks, { newIds: new Set(newIds), homeless: new Set(marks.homeless), openNotes });
      renderOrphans($("team-orphans"), $("team-orphan-list"), plan, orphanIds, L, { model, formerly: data.formerly, titles });
      renderPartners(plan);
      renderSummary();
      applyFilters(false);
      for (const listener of listeners) listener(plan);
    });
  }

  /** Redraw one task's row and the overview. */
  function renderTask(taskId) {
    const row = taskList.rows().get(taskId);
    const task = tasks.find((t) => t.id === taskId);
    if (row && task) taskList.update(row, ctx.plan(), task);
    renderPartners(ctx.plan());
    renderSummary();
    if (filtersActive()) applyFilters(false);
  }

  function renderSummary() {
    const plan = ctx.plan();
    renderOverview($("team-overview"), plan, tasks, data.groups, model.analyse(plan, tasks, data.groups), L, marks);
  }

  function renderPlans(plan) {
    const doc = ctx.session.current();
    const select = $("team-plan-select");
    select.replaceChildren(...doc.plans.map((p) => el("option", { value: p.id }, p.name)));
    select.value = plan.id;
    const name = $("team-plan-name");
    if (document.activeElement !== name) name.value = plan.name;
    document.querySelector('[data-action="plan-delete"]').disabled = doc.plans.length < 2;
    for (const [id, key] of [["team-school-pupils", "pupils"], ["team-school-sites", "sites"]]) {
      if (document.activeElement !== $(id)) $(id).value = plan.school?.[key] ? String(plan.school[key]) : "";
    }
    $("team-scale-note").textContent = scaleText(plan);
    // A plan with nobody in it yet: a starter team is the quickest start
    if (!plan.members.length && !Object.keys(plan.assignments).length) $("team-starter-box").open = true;
  }

  /** What the hours are scaled to, and by which rule, in the page's words. */
  function scaleText(plan = ctx.plan()) {
    const rule = data.hoursRule;
    if (!plan.school?.pupils) return format(L.scale_none, { pupils: rule.referencePupils });
    return format(L.scale_on, { percent: hoursPercent(rule, plan.school), pupils: rule.referencePupils,
      fixed: rule.fixedPercent, site: rule.sitePercent });
  }

  /** The partners offered when a task is outsourced: this plan's, and the starter teams' names. */
  function renderPartners(plan) {
    const names = partnersOf(plan, starterPartners);
    const list = $("team-partners");
    if (list.children.length === names.length && [...list.children].every((o, i) => o.value === names[i])) return;
    list.replaceChildren(...names.map((name) => el("option", { value: name })));
  }

  function renderMemberFilter(plan) {
    const member = $("team-filter-member");
    const keep = member.value;
    member.replaceChildren(el("option", { value: "" }, L.filter_all), ...plan.members.map((m) => el("option", { value: m.id }, m.name)));
    member.value = plan.members.some((m) => m.id === keep) ? keep : "";
    filters.member = member.value;
  }

  function filtersActive() {
    return Boolean(filters.group || filters.member || filters.status || filters.unassigned || filters.query.trim() || filters.tasks);
  }

  /** The tasks shown now (the filters applied), in the list's order. */
  function shownIds() {
    return [...taskList.rows()].filter(([, row]) => !row.hidden).map(([id]) => id);
  }

  /**
   * Show the tasks that match the filters. A row that stops matching while it has focus stays
   * (marked as such) until focus leaves it: a keyboard user never loses their place.
   * @param {boolean} speak whether to announce the count
   */
  function applyFilters(speak) {
    const shown = model.filterTasks(ctx.plan(), tasks, filters);
    const focusRow = document.activeElement?.closest?.(".team-task");
    for (const [id, row] of taskList.rows()) {
      const kept = !shown.has(id) && row === focusRow;
      row.hidden = !shown.has(id) && !kept;
      if (kept === row.classList.contains("team-task--kept")) continue;
      row.classList.toggle("team-task--kept", kept);
      if (kept) row.querySelector(".team-task__flags").after(el("p", { class: "team-task__kept" }, L.filter_row_kept));
      else row.querySelector(".team-task__kept")?.remove();
    }
    for (const section of $("team-task-list").querySelectorAll(".team-group")) {
      section.hidden = !section.querySelector(".team-task:not([hidden])");
    }
    const text = format(L.filter_count, { shown: shown.size, total: tasks.length });
    $("team-filter-count").textContent = text;
    $("team-filter-clear").hidden = !filtersActive();
    renderSelection();
    if (speak) ctx.say(text);
  }

  /** The selection's count, the "select all shown" button, and the bulk panel's presence. */
  function renderSelection() {
    const shown = shownIds().length;
    const all = document.querySelector('[data-action="select-shown"]');
    all.textContent = label(L, "select_shown", { count: shown });
    all.disabled = shown === 0;
    for (const button of document.querySelectorAll('[data-action="select-clear"]')) button.hidden = selected.size === 0;
    $("team-selection-count").textContent = selected.size ? label(L, "selected_count", { count: selected.size }) : "";
    $("team-bulk").hidden = selected.size === 0;
    $("team-bulk-title").textContent = label(L, "bulk_title", { count: selected.size });
    document.querySelector('[data-action="bulk-apply"]').textContent = label(L, "bulk_apply", { count: selected.size });
  }

  /** Cards (phones) or a table (a laptop in a meeting): the same rows, laid out by team.css. */
  function setLayout(next) {
    layout = next === "table" ? "table" : "cards";
    $("team-task-list").classList.toggle("team-task-list--table", layout === "table");
    $("team-table-help").hidden = layout !== "table";
    for (const radio of document.querySelectorAll('input[name="team-view"]')) radio.checked = radio.value === layout;
  }
  setLayout(layout);

  return Object.freeze({
    renderAll, renderTask, renderSummary, applyFilters, filtersActive, renderSelection, scaleText, setLayout,
    taskList,
    tasks: () => tasks,
    marks: () => marks,
    filters: () => filters,
    layout: () => layout,
    shownIds,
    /** Call `listener(plan)` after every full redraw (controllers with parts of their own). */
    onRenderAll(listener) {
      listeners.push(listener);
    },
    /** The selected tasks, in the list's order. */
    selected: () => tasks.map((t) => t.id).filter((id) => selected.has(id)),
    /** Select or unselect tasks, and show it on their rows. */
    select(ids, on) {
      for (const id of ids) {
        if (on) selected.add(id);
        else selected.delete(id);
        const pick = taskList.rows().get(id)?.querySelector('[data-field="pick"]');
        if (pick) pick.checked = on;
      }
      renderSelection();
    },
    /** Change some filters (the rest stay) and show the result. */
    setFilters(patch, speak = true) {
      filters = { ...filters, ...patch };
      applyFilters(speak);
    },
    /** No filters, and their controls back to "all". */
    clearFilters() {
      filters = { ...NO_FILTERS };
      for (const id of ["team-filter-group", "team-filter-member", "team-filter-status", "team-filter-query"]) $(id).value = "";
      $("team-filter-unassigned").checked = false;
      applyFilters(false);
    },
  });
}
