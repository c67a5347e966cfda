// The planner on screen: draws the current plan and keeps it drawn as it changes. What to
// redraw is decided by the controllers (one task row, the overview, everything); focus and
// whatever the user is typing survive every redraw.

import { el, keepFocus } from "./dom.js";
import { createTaskList, renderMembers, renderOrphans, renderOverview } from "./render.js";
import { allTasks, format, homelessTasks } from "./state.js";

const NO_FILTERS = Object.freeze({ group: "", member: "", status: "", unassigned: false, query: "", tasks: null });

/**
 * @param {object} ctx the planner (see planner.js): data, L, fmt, model, handbook, $, say, plan()
 * @returns {Readonly<object>}
 */
export function createView(ctx) {
  const { data, L, model, $ } = ctx;
  const taskList = createTaskList($("team-task-list"), {
    L, statuses: ctx.fmt.statuses, limits: ctx.fmt.limits, groups: data.groups, model,
  });
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  let tasks = [];
  let marks = { newIds: [], orphanIds: [], homeless: [] };
  let filters = { ...NO_FILTERS };

  /** Draw everything again (another plan, another tab's changes, members changed). */
  function renderAll() {
    keepFocus(() => {
      const plan = ctx.plan();
      tasks = allTasks(plan, data.tasks);
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
      renderSummary();
      applyFilters(false);
    });
  }

  /** Redraw one task's row and the overview. */
  function renderTask(taskId) {
    const row = taskList.rows().get(taskId);
    const task = tasks.find((t) => t.id === taskId);
    if (row && task) taskList.update(row, ctx.plan(), task);
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
    for (const section of $("team-task-list").children) {
      section.hidden = !section.querySelector(".team-task:not([hidden])");
    }
    const text = format(L.filter_count, { shown: shown.size, total: tasks.length });
    $("team-filter-count").textContent = text;
    $("team-filter-clear").hidden = !filtersActive();
    if (speak) ctx.say(text);
  }

  return Object.freeze({
    renderAll, renderTask, renderSummary, applyFilters, filtersActive,
    taskList,
    tasks: () => tasks,
    marks: () => marks,
    filters: () => filters,
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
