// The plan on paper (or as a PDF from the print dialog): the team overview a school leader
// reads, and one member's own list ("my tasks"). Built from the plan and the overview's
// figures, so the paper says what the screen says; team.css lays it out for A4.

import { el } from "./dom.js";
import { format, label, taskHours } from "./state.js";

/**
 * The whole team on paper: who carries how many hours (as owner and as backup, apart), what is
 * still to decide, what goes outside, coverage per group, then every member's tasks.
 * @param {HTMLElement} container
 * @param {object} context
 * @param {object} context.plan
 * @param {Array<object>} context.tasks all tasks (see allTasks)
 * @param {Array<{id: string, title: string}>} context.groups
 * @param {object} context.analysis see planModel.analyse
 * @param {object} context.model see planModel
 * @param {Object<string,string>} context.L labels
 * @param {string} context.date today, as the page's language writes it
 * @param {string} [context.scale] what the hours are scaled to, when the plan has a school size
 */
export function renderTeamPaper(container, { plan, tasks, groups, analysis, model, L, date, scale = "" }) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const title = (id) => byId.get(id)?.title || id;
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const parts = [
    el("h1", {}, format(L.print_team_title, { plan: plan.name })),
    el("p", { class: "team-print__date" }, [format(L.print_date, { date }), scale].filter(Boolean).join(" · ")),
  ];

  // Members and hours
  const counts = countTasks(plan, tasks, model);
  parts.push(el("section", { class: "team-print__block" }, el("h2", {}, L.print_members),
    table([L.print_col_member, L.print_col_available, L.print_col_owner, L.print_col_backup, L.print_col_tasks],
      plan.members.map((m) => {
        const used = analysis.hours[m.id];
        const over = used > (m.hours || 0);
        return el("tr", { class: over ? "team-print__over" : "" }, el("th", { scope: "row" }, m.name),
          num(m.hours || 0), num(used, over ? ` (+${used - (m.hours || 0)})` : ""), num(analysis.backupHours[m.id]),
          el("td", {}, `${counts.owned[m.id]} + ${counts.backedUp[m.id]}`));
      }), "team-print__numbers"),
    el("p", { class: "team-print__note" }, L.print_hours_note)));

  // Still to decide
  const open = [];
  if (analysis.unowned.length) open.push(el("h3", {}, format(L.print_unowned, { count: analysis.unowned.length })), titles(analysis.unowned, title));
  if (analysis.noBackup.length) open.push(el("h3", {}, format(L.print_no_backup, { count: analysis.noBackup.length })), titles(analysis.noBackup, title));
  parts.push(el("section", { class: "team-print__block" }, el("h2", {}, L.print_open),
    ...(open.length ? open : [el("p", {}, L.print_nothing_open)])));

  // What goes outside, coverage per group
  const outside = analysis.outside.map((entry) => [
    el("h3", {}, label(L, "outside_line", { partner: entry.partner || L.outside_unnamed, count: entry.taskIds.length, hours: entry.hours })),
    titles(entry.taskIds, title)]).flat();
  if (analysis.notApplicable.length) {
    outside.push(el("h3", {}, label(L, "overview_na", { count: analysis.notApplicable.length })), titles(analysis.notApplicable, title));
  }
  parts.push(el("section", { class: "team-print__block" }, el("h2", {}, L.overview_outside),
    ...(outside.length ? outside : [el("p", {}, L.outside_none)])));
  parts.push(el("section", { class: "team-print__block" }, el("h2", {}, L.overview_coverage),
    table([L.column_group, L.coverage_covered], groups.map((g) => {
      const c = analysis.coverage[g.id];
      const percent = c.total ? Math.round((c.covered / c.total) * 100) : 100;
      return el("tr", {}, el("th", { scope: "row" }, g.title), el("td", {}, format(L.coverage_of, { covered: c.covered, total: c.total, percent })));
    }))));

  // Every member's tasks, compactly
  for (const member of plan.members) {
    const rows = [];
    for (const task of tasks) {
      const a = model.assignmentOf(plan, task.id);
      if (a.mode !== model.modes[0]) continue;
      if (a.owner === member.id) rows.push(taskRow(task, L.print_owner, names.get(a.backup) || "—", a, plan, L));
      else if (a.backup === member.id && names.has(a.owner)) rows.push(taskRow(task, L.backup, names.get(a.owner), a, plan, L));
    }
    parts.push(el("section", { class: "team-print__member" }, el("h2", {}, format(L.print_tasks_of, { name: member.name })),
      rows.length ? table([L.column_task, L.print_role, L.print_with, L.status, L.hours], rows) : el("p", {}, L.print_nothing)));
  }
  container.replaceChildren(...parts);
}

/**
 * One member's tasks on paper: what they take on (with who backs them up) and what they back
 * up (with whose task it is), each with a one-line description; the hours of what they take
 * on add up to the total shown, with a warning when it is more than they have.
 * @param {HTMLElement} container
 * @param {object} context see renderTeamPaper, plus memberId
 */
export function renderMemberPaper(container, { plan, tasks, model, L, date, memberId }) {
  const member = plan.members.find((m) => m.id === memberId);
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const owned = [];
  const backedUp = [];
  let ownedHours = 0;
  let backupHours = 0;
  for (const task of tasks) {
    const a = model.assignmentOf(plan, task.id);
    if (a.mode !== model.modes[0]) continue;
    const hours = taskHours(plan, task);
    if (a.owner === memberId) {
      ownedHours += hours;
      owned.push(checkRow(task, names.get(a.backup) || "—", a, hours, L));
    } else if (a.backup === memberId && names.has(a.owner)) {
      backupHours += hours;
      backedUp.push(checkRow(task, names.get(a.owner), a, hours, L));
    }
  }
  const available = member.hours || 0;
  const parts = [
    el("h1", {}, format(L.print_my_tasks, { name: member.name })),
    el("p", { class: "team-print__date" }, `${plan.name} · ${format(L.print_date, { date })}`),
    el("section", { class: "team-print__block" }, el("h2", {}, L.print_owns),
      owned.length ? table(["✓", L.column_task, L.print_backed_by, L.status, L.hours], owned, "team-print__check") : el("p", {}, L.print_nothing),
      el("p", { class: "team-print__total" }, format(L.print_total, { hours: ownedHours, available })),
      ownedHours > available ? el("p", { class: "team-print__warning" }, format(L.print_over, { hours: ownedHours - available })) : null),
  ];
  if (backedUp.length) {
    parts.push(el("section", { class: "team-print__block" }, el("h2", {}, L.print_backs_up),
      table(["✓", L.column_task, L.print_for_owner, L.status, L.hours], backedUp, "team-print__check"),
      el("p", { class: "team-print__total" }, format(L.print_total_backup, { hours: backupHours }))));
  }
  container.replaceChildren(...parts);
}

// ---- Helpers ----------------------------------------------------------------------------------

function countTasks(plan, tasks, model) {
  const owned = Object.fromEntries(plan.members.map((m) => [m.id, 0]));
  const backedUp = { ...owned };
  for (const task of tasks) {
    const a = model.assignmentOf(plan, task.id);
    if (a.mode !== model.modes[0] || !(a.owner in owned)) continue;
    owned[a.owner] += 1;
    if (a.backup in backedUp) backedUp[a.backup] += 1;
  }
  return { owned, backedUp };
}

function table(headings, rows, className = "") {
  return el("table", { class: `team-print__table ${className}`.trim() },
    el("thead", {}, el("tr", {}, ...headings.map((text) => el("th", { scope: "col" }, text)))),
    el("tbody", {}, ...rows));
}

function num(value, extra = "") {
  return el("td", { class: "team-print__num" }, `${value}${extra}`);
}

function titles(ids, title) {
  return el("ul", { class: "team-print__list" }, ...ids.map((id) => el("li", {}, title(id))));
}

function taskRow(task, as, other, a, plan, L) {
  return el("tr", {}, el("td", {}, task.title), el("td", {}, as), el("td", {}, other),
    el("td", {}, L[`status_${a.status}`]), num(taskHours(plan, task)));
}

/** A row to tick off: the task with its one-line description (and notes, if any). */
function checkRow(task, other, a, hours, L) {
  return el("tr", {}, el("td", { class: "team-print__box" }, "☐"),
    el("td", {}, el("strong", {}, task.title), task.summary ? el("span", { class: "team-print__summary" }, task.summary) : null,
      a.notes ? el("span", { class: "team-print__summary" }, `${L.notes}: ${a.notes}`) : null),
    el("td", {}, other), el("td", {}, L[`status_${a.status}`]), num(hours));
}
