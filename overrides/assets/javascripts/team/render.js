// Building the planner's DOM from a plan. Nothing here changes the plan or keeps state of its
// own between calls except inside the objects it returns; user data is only ever set as text.

import { el } from "./dom.js";
import { format, taskHours } from "./state.js";

/** The field names of a task row (data-field), shared with the controllers. */
export const FIELDS = Object.freeze({ who: "who", backup: "backup", status: "status", partner: "partner", hours: "hours", notes: "notes", group: "group" });

/**
 * The task list: one row per task, grouped. The owner and backup selects of all rows share
 * one full list of choices: a row's select holds only its current choice until it is focused
 * or pressed (see ensureOptions), which with 300 tasks and 40 members is 24,000 fewer
 * elements to build and lay out.
 * @param {HTMLElement} container
 * @param {object} options
 * @param {Object<string,string>} options.L labels
 * @param {string[]} options.statuses the format's statuses, in order
 * @param {{hours: number, name: number, notes: number}} options.limits
 * @param {Array<{id: string, title: string}>} options.groups
 * @param {{assignmentOf: Function, modes: string[]}} options.model see planModel
 * @returns {Readonly<object>} render, update, ensureOptions, ensureNotes, rows
 */
export function createTaskList(container, { L, statuses, limits, groups, model }) {
  const { assignmentOf } = model;
  const [team, ...otherModes] = model.modes;
  let choices = { who: null, backup: null, labels: new Map() };
  let rows = new Map();
  const proto = rowPrototype(L, statuses, limits);

  function prepareChoices(plan) {
    const who = el("select", {}, el("option", { value: "" }, L.owner_none));
    const teamGroup = el("optgroup", { label: L.members_title });
    const backup = el("select", {}, el("option", { value: "" }, L.backup_none));
    const labels = new Map([["", L.owner_none], ...otherModes.map((mode) => [`mode:${mode}`, L[`mode_${mode}`]])]);
    for (const member of plan.members) {
      teamGroup.append(el("option", { value: member.id }, member.name));
      backup.append(el("option", { value: member.id }, member.name));
      labels.set(member.id, member.name);
    }
    who.append(teamGroup, el("optgroup", { label: L.mode_other },
      ...otherModes.map((mode) => el("option", { value: `mode:${mode}` }, L[`mode_${mode}`]))));
    choices = { who, backup, labels };
  }

  /**
   * Give an owner or backup select its full list of choices (before the user opens it). In a
   * backup select, the task's owner cannot be chosen.
   * @param {HTMLSelectElement} select
   */
  function ensureOptions(select) {
    const source = choices[select.dataset.field];
    if (!source) return;
    if (!select.dataset.full) {
      const value = select.value;
      select.replaceChildren(...[...source.children].map((node) => node.cloneNode(true)));
      select.value = value;
      select.dataset.full = "1";
    }
    if (select.dataset.field === FIELDS.backup) {
      // The owner cannot back up their own task: their name is shown, marked, and not chosen
      const owner = select.closest(".team-task").querySelector(`[data-field="${FIELDS.who}"]`).value;
      for (const option of select.options) {
        const isOwner = Boolean(option.value) && option.value === owner;
        option.disabled = isOwner;
        if (option.value) option.textContent = isOwner ? format(L.backup_owner_option, { name: choices.labels.get(option.value) }) : choices.labels.get(option.value);
      }
    }
  }

  function setChoice(select, value) {
    if (!select.dataset.full) {
      const none = select.dataset.field === FIELDS.backup ? L.backup_none : L.owner_none;
      const options = [el("option", { value: "" }, none)];
      if (value) options.push(el("option", { value }, choices.labels.get(value) || value));
      select.replaceChildren(...options);
    }
    select.value = value;
  }

  /**
   * Render every task into the container, by group; own tasks in a group the page does not
   * show come last, under a heading of their own, with a choice of group to move them to.
   * @param {object} plan
   * @param {Array<object>} tasks handbook tasks and own tasks
   * @param {{newIds: Set<string>, homeless: Set<string>, openNotes: Set<string>}} marks
   * @returns {Map<string, HTMLElement>} the rows by task id
   */
  function render(plan, tasks, { newIds, homeless, openNotes }) {
    prepareChoices(plan);
    rows = new Map();
    const fragment = document.createDocumentFragment();
    const sections = [...groups.map((g) => [g.id, g.title, tasks.filter((t) => t.group === g.id && !homeless.has(t.id))]),
      ["homeless", L.homeless_title, tasks.filter((t) => homeless.has(t.id))]];
    for (const [id, title, members] of sections) {
      if (!members.length && id === "homeless") continue;
      const section = el("section", { class: "team-group", "data-group": id, "aria-labelledby": `team-group-${id}` },
        el("h3", { id: `team-group-${id}` }, title));
      if (id === "homeless") section.append(el("p", {}, L.homeless_intro));
      for (const task of members) {
        const row = buildRow(task, newIds, homeless.has(task.id));
        if (openNotes.has(task.id)) row.querySelector(".team-notes").open = true;
        update(row, plan, task);
        section.append(row);
        rows.set(task.id, row);
      }
      fragment.append(section);
    }
    container.replaceChildren(fragment);
    return rows;
  }

  function buildRow(task, newIds, isHomeless) {
    const row = proto.cloneNode(true);
    row.id = `task-${task.id}`;
    row.dataset.task = task.id;
    const legend = row.firstChild;
    const link = legend.firstChild;
    if (task.own) {
      link.replaceWith(document.createTextNode(task.title));
      legend.append(" ", el("span", { class: "team-badge team-badge--own" }, L.badge_own));
    } else {
      link.href = task.url;
      link.textContent = task.title;
      if (newIds.has(task.id)) legend.append(" ", el("span", { class: "team-badge team-badge--new" }, L.badge_new));
    }
    row.children[1].textContent = task.own ? format(L.hours_own, { hours: task.hours })
      : `${task.summary} ${task.frequency} · ${format(L.hours_default, { hours: task.hours })}`;
    row.querySelector(`[data-field="${FIELDS.hours}"]`).placeholder = String(task.hours);
    if (isHomeless) {
      row.querySelector(".team-task__fields").prepend(el("label", { class: "team-field" }, L.move_to_group,
        el("select", { "data-field": FIELDS.group },
          el("option", { value: "" }, L.move_choose), ...groups.map((g) => el("option", { value: g.id }, g.title)))));
    }
    if (task.own) {
      row.append(el("button", { type: "button", class: "md-button team-small", "data-action": "remove-task",
        "aria-label": format(L.own_task_remove_named, { title: task.title }) }, L.own_task_remove));
    }
    return row;
  }

  /**
   * Bring one task row in line with the plan (values, partner field, warning flags). A field
   * that has focus keeps what the user is typing.
   * @param {HTMLElement} row
   * @param {object} plan
   * @param {object} task
   */
  function update(row, plan, task) {
    const active = row.contains(document.activeElement) ? document.activeElement : null;
    const a = assignmentOf(plan, task.id);
    const members = new Set(plan.members.map((m) => m.id));
    const who = row.querySelector(`[data-field="${FIELDS.who}"]`);
    const backup = row.querySelector(`[data-field="${FIELDS.backup}"]`);
    if (!who.dataset.pending) setChoice(who, a.mode !== team ? `mode:${a.mode}` : members.has(a.owner) ? a.owner : "");
    if (!backup.dataset.pending) setChoice(backup, members.has(a.backup) ? a.backup : "");
    if (backup.dataset.full) ensureOptions(backup);
    backup.disabled = a.mode !== team;
    const status = row.querySelector(`[data-field="${FIELDS.status}"]`);
    if (!status.dataset.pending) status.value = a.status;
    const hours = row.querySelector(`[data-field="${FIELDS.hours}"]`);
    if (document.activeElement !== hours) hours.value = String(taskHours(plan, task));
    const partner = row.querySelector(`[data-field="${FIELDS.partner}"]`);
    if (document.activeElement !== partner) partner.value = a.partner;
    // A partner shows while the task is outsourced, and also when older data kept one
    partner.closest("label").hidden = a.mode !== model.partnerMode && !a.partner;
    const details = row.querySelector(".team-notes");
    if (a.notes && !details.open) details.open = true;
    const notes = details.open ? ensureNotes(details) : null;
    if (notes && document.activeElement !== notes) notes.value = a.notes;
    let flag = "";
    if (a.mode === team && !members.has(a.owner)) flag = L.flag_no_owner;
    else if (a.mode === team && !members.has(a.backup)) flag = L.flag_no_backup;
    const flags = row.querySelector(".team-task__flags");
    flags.textContent = flag;
    flags.hidden = !flag;
    row.classList.toggle("team-task--open", a.mode === team && !members.has(a.owner));
    row.classList.toggle("team-task--done", a.status === "done");
    // A choice kept as focus moved on may disable or hide the field focus moved to (the backup
    // of a task no longer covered by the team): focus goes on to the next field that is there
    if (active && !usable(active)) {
      const fields = [...row.querySelectorAll("select, input, textarea, summary, button")].filter(usable);
      const next = fields.find((field) => active.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) || fields[0];
      next?.focus();
    }
  }

  function usable(field) {
    if (field.disabled || field.closest("[hidden]")) return false;
    return field.checkVisibility ? field.checkVisibility() : field.getClientRects().length > 0;
  }

  /**
   * The notes field of a task row, created when the notes are first opened.
   * @param {HTMLDetailsElement} details the row's notes disclosure
   * @returns {HTMLTextAreaElement}
   */
  function ensureNotes(details) {
    let notes = details.querySelector("textarea");
    if (!notes) {
      notes = el("textarea", { rows: 3, maxlength: limits.notes, "data-field": FIELDS.notes });
      details.append(el("label", { class: "team-field team-field--wide" }, L.notes, notes));
    }
    return notes;
  }

  return Object.freeze({ render, update, ensureOptions, ensureNotes, rows: () => rows });
}

function rowPrototype(L, statuses, limits) {
  const number = { type: "number", min: 0, max: limits.hours, step: 1, inputmode: "numeric" };
  return el("fieldset", { class: "team-task" },
    el("legend", {}, el("a", {})),
    el("p", { class: "team-task__meta" }),
    el("div", { class: "team-task__fields" },
      el("label", { class: "team-field" }, L.owner, el("select", { "data-field": FIELDS.who })),
      el("label", { class: "team-field" }, L.backup, el("select", { "data-field": FIELDS.backup })),
      el("label", { class: "team-field team-partner" }, L.partner,
        el("input", { type: "text", maxlength: limits.name, "data-field": FIELDS.partner, autocomplete: "off" })),
      el("label", { class: "team-field" }, L.status, el("select", { "data-field": FIELDS.status },
        ...statuses.map((s) => el("option", { value: s }, L[`status_${s}`])))),
      el("label", { class: "team-field team-field--short" }, L.hours, el("input", { ...number, "data-field": FIELDS.hours }))),
    el("p", { class: "team-task__flags" }),
    el("details", { class: "team-notes" }, el("summary", {}, L.notes)));
}

/**
 * The list of members, each with name, available hours, roles and actions. The role
 * checkboxes are built when a member's roles are opened (40 members × 23 roles would
 * otherwise be thousands of hidden elements).
 * @param {HTMLElement} list
 * @param {object} plan
 * @param {Array<{id: string, title: string}>} roles the handbook's roles
 * @param {Object<string,string>} L labels
 * @param {{name: number, hours: number}} limits
 * @param {Set<string>} [openIds] members whose roles are shown open
 */
export function renderMembers(list, plan, roles, L, limits, openIds = new Set()) {
  const titles = Object.fromEntries(roles.map((r) => [r.id, r.title]));
  list.replaceChildren(...plan.members.map((member) => {
    const summary = member.roles.length ? member.roles.map((id) => titles[id] || id).join(", ") : L.member_roles_none;
    const fieldset = el("fieldset", {}, el("legend", { class: "team-visually-hidden" }, format(L.member_roles_of, { name: member.name })));
    const fill = () => {
      if (fieldset.children.length > 1) return;
      const chosen = new Set(member.roles);
      fieldset.append(el("div", { class: "team-roles__list" }, ...roles.map((role) => el("label", { class: "team-check" },
        el("input", { type: "checkbox", "data-mfield": "role", value: role.id, checked: chosen.has(role.id) }), ` ${role.title}`))));
    };
    const details = el("details", { class: "team-roles", open: openIds.has(member.id) },
      el("summary", {}, `${L.member_roles}: `, el("span", { class: "team-roles__chosen" }, summary)), fieldset);
    details.addEventListener("toggle", fill);
    if (openIds.has(member.id)) fill();
    return el("li", { class: "team-member", "data-member": member.id },
      el("div", { class: "team-row" },
        el("label", { class: "team-field" }, L.member_name,
          el("input", { id: `team-member-${member.id}-name`, type: "text", maxlength: limits.name, required: true, autocomplete: "off", "data-mfield": "name", value: member.name })),
        el("label", { class: "team-field team-field--short" }, L.member_hours,
          el("input", { type: "number", min: 0, max: limits.hours, step: 1, inputmode: "numeric", "data-mfield": "hours", value: String(member.hours) }))),
      details,
      el("div", { class: "team-buttons" },
        el("button", { type: "button", class: "md-button team-small", "data-action": "print-member", "aria-label": format(L.print_member_named, { name: member.name }) }, L.print_member),
        el("button", { type: "button", class: "md-button team-small", "data-action": "remove-member", "aria-label": format(L.member_remove_named, { name: member.name }) }, L.member_remove)));
  }));
}

/**
 * The overview: hours per member against their available hours, warnings that link to
 * the tasks concerned, coverage per group, and tasks new in the handbook.
 * @param {HTMLElement} container
 * @param {object} plan
 * @param {Array<object>} tasks
 * @param {Array<{id: string, title: string}>} groups
 * @param {object} analysis result of analyse
 * @param {Object<string,string>} L labels
 * @param {{newIds: string[], orphanIds: string[], homeless: string[]}} marks
 */
export function renderOverview(container, plan, tasks, groups, analysis, L, { newIds, orphanIds, homeless }) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const jumpList = (ids) => el("ul", {}, ...ids.map((id) => el("li", {}, el("a", { href: `#task-${id}`, "data-jump": id }, byId.get(id)?.title || id))));
  const parts = [];
  if (plan.members.length) {
    const max = Math.max(1, ...plan.members.map((m) => Math.max(m.hours || 0, analysis.hours[m.id])));
    parts.push(el("h3", {}, L.overview_hours),
      el("ul", { class: "team-bars" }, ...plan.members.map((m) => {
        const used = analysis.hours[m.id];
        const over = used > (m.hours || 0);
        const text = format(L.overview_hours_of, { used, available: m.hours || 0 })
          + (over ? ` ${format(L.overview_over_by, { hours: used - (m.hours || 0) })}` : "");
        return el("li", { class: over ? "team-bar team-bar--over" : "team-bar" },
          el("span", { class: "team-bar__name" }, m.name),
          el("span", { class: "team-bar__text" }, text),
          el("span", { class: "team-bar__track", "aria-hidden": "true" },
            el("span", { class: "team-bar__available", style: `width:${((m.hours || 0) / max) * 100}%` }),
            el("span", { class: "team-bar__used", style: `width:${(used / max) * 100}%` })));
      })));
  }
  parts.push(el("h3", {}, L.overview_warnings));
  const list = el("ul", { class: "team-warnings" });
  for (const [kind, ids, label] of [["unowned", analysis.unowned, L.warn_unowned], ["no-backup", analysis.noBackup, L.warn_no_backup],
    ["homeless", homeless, L.warn_homeless]]) {
    if (!ids.length) continue;
    list.append(el("li", { class: `team-warning team-warning--${kind}` },
      el("details", {}, el("summary", {}, format(label, { count: ids.length })), jumpList(ids))));
  }
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  for (const id of analysis.overloaded) {
    const member = plan.members.find((m) => m.id === id);
    list.append(el("li", { class: "team-warning team-warning--over" },
      format(L.warn_overloaded, { name: names[id], hours: analysis.hours[id], available: member.hours || 0 }), " ",
      el("button", { type: "button", class: "team-link", "data-action": "filter-member", "data-member": id }, format(L.warn_show_tasks, { name: names[id] }))));
  }
  if (newIds.length) {
    list.append(el("li", { class: "team-warning team-warning--new" },
      el("details", {}, el("summary", {}, format(L.warn_new, { count: newIds.length })), jumpList(newIds)),
      el("button", { type: "button", class: "md-button team-small", "data-action": "acknowledge" }, L.warn_new_ack)));
  }
  if (orphanIds.length) {
    list.append(el("li", { class: "team-warning team-warning--orphans" },
      el("a", { href: "#team-orphans-title" }, format(L.warn_orphans, { count: orphanIds.length }))));
  }
  if (!list.children.length) list.append(el("li", { class: "team-warning team-warning--ok" }, L.warn_none));
  parts.push(list);
  parts.push(el("h3", {}, L.overview_coverage),
    el("table", { class: "team-coverage" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, L.column_group), el("th", { scope: "col" }, L.coverage_covered))),
      el("tbody", {}, ...groups.map((g) => {
        const c = analysis.coverage[g.id];
        const percent = c.total ? Math.round((c.covered / c.total) * 100) : 100;
        return el("tr", {}, el("th", { scope: "row" }, g.title),
          el("td", {}, format(L.coverage_of, { covered: c.covered, total: c.total, percent })));
      }))));
  container.replaceChildren(...parts);
}

/**
 * Saved decisions about tasks that are no longer in the handbook: shown, never dropped. A task
 * the handbook merged into another links to it (its decisions differed, so both are kept).
 * @param {HTMLElement} section
 * @param {HTMLElement} list
 * @param {object} plan
 * @param {string[]} orphanIds
 * @param {Object<string,string>} L labels
 * @param {{model: object, formerly: Object<string,string>, titles: Map<string,string>}} context
 */
export function renderOrphans(section, list, plan, orphanIds, L, { model, formerly, titles }) {
  section.hidden = orphanIds.length === 0;
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  list.replaceChildren(...orphanIds.map((id) => {
    const a = model.assignmentOf(plan, id);
    const details = [
      a.mode === model.modes[0] ? `${L.owner}: ${names[a.owner] || L.owner_none}` : L[`mode_${a.mode}`],
      a.backup ? `${L.backup}: ${names[a.backup] || a.backup}` : "",
      a.partner ? `${L.partner}: ${a.partner}` : "",
      `${L.status}: ${L[`status_${a.status}`]}`,
      typeof a.hours === "number" ? `${L.hours}: ${a.hours}` : "",
      a.notes ? `${L.notes}: ${a.notes}` : "",
    ].filter(Boolean).join(" · ");
    const merged = formerly[id] && titles.has(formerly[id])
      ? [" ", el("a", { href: `#task-${formerly[id]}`, "data-jump": formerly[id] }, format(L.orphan_merged, { title: titles.get(formerly[id]) }))]
      : [];
    return el("li", { "data-orphan": id }, el("code", {}, id), " — ", details, ...merged, " ",
      el("button", { type: "button", class: "md-button team-small", "data-action": "drop-orphan", "data-task": id,
        "aria-label": format(L.orphan_remove_named, { id }) }, L.orphan_remove));
  }));
}

/**
 * The printable plan: one member's tasks ("my tasks") or the whole team.
 * @param {HTMLElement} container
 * @param {object} plan
 * @param {Array<object>} tasks
 * @param {Array<{id: string, title: string}>} groups
 * @param {Object<string,string>} L labels
 * @param {string|null} memberId null for the whole team
 * @param {{assignmentOf: Function, modes: string[], partnerMode: string}} model see planModel
 */
export function renderPrint(container, plan, tasks, groups, L, memberId, model) {
  const { assignmentOf } = model;
  const team = model.modes[0];
  const groupTitles = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  const members = memberId ? plan.members.filter((m) => m.id === memberId) : plan.members;
  const parts = [el("h1", {}, memberId ? format(L.print_my_tasks, { name: names[memberId] }) : format(L.print_team_title, { plan: plan.name })),
    el("p", { class: "team-print__date" }, `${plan.name} · ${new Date().toLocaleDateString(document.documentElement.lang || undefined)}`)];
  const table = (rows, withOwner) => el("table", { class: "team-print__table" },
    el("thead", {}, el("tr", {}, el("th", {}, "✓"), el("th", {}, L.column_task), el("th", {}, L.column_group),
      el("th", {}, withOwner ? L.print_owner : L.print_role), el("th", {}, L.status), el("th", {}, L.hours), el("th", {}, L.notes))),
    el("tbody", {}, ...rows));
  const row = (task, who, a) => el("tr", {}, el("td", { class: "team-print__box" }, "☐"), el("td", {}, task.title),
    el("td", {}, groupTitles[task.group] || ""), el("td", {}, who), el("td", {}, L[`status_${a.status}`]),
    el("td", {}, String(taskHours(plan, task))), el("td", {}, a.notes));
  for (const member of members) {
    let total = 0;
    const rows = [];
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      if (a.mode !== team) continue;
      const role = a.owner === member.id ? L.print_owner : a.backup === member.id ? L.backup : "";
      if (!role) continue;
      if (a.owner === member.id) total += taskHours(plan, task);
      rows.push(row(task, role, a));
    }
    parts.push(el("section", { class: "team-print__member" },
      el("h2", {}, member.name),
      el("p", {}, format(L.overview_hours_of, { used: total, available: member.hours || 0 })),
      rows.length ? table(rows, false) : el("p", {}, L.print_nothing)));
  }
  if (!memberId) {
    const rest = [];
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      if (a.mode === team && names[a.owner]) continue;
      const who = a.mode === team ? L.owner_none : `${L[`mode_${a.mode}`]}${a.partner ? `: ${a.partner}` : ""}`;
      rest.push(row(task, who, a));
    }
    if (rest.length) parts.push(el("section", { class: "team-print__member" }, el("h2", {}, L.print_rest), table(rest, true)));
  }
  container.replaceChildren(...parts);
}
