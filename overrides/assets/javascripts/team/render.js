// Building the planner's DOM from a plan. Nothing here changes the plan or keeps state of its
// own between calls except inside the objects it returns; user data is only ever set as text.

import { el } from "./dom.js";
import { format, label, taskHours } from "./state.js";

/** The field names of a task row (data-field), shared with the controllers. */
export const FIELDS = Object.freeze({ pick: "pick", who: "who", backup: "backup", status: "status", partner: "partner", hours: "hours", notes: "notes", group: "group" });

/**
 * The task list: one row per task, grouped, shown as cards or as a table (the same rows, laid
 * out by team.css). A row's owner and backup selects hold only their current choice until
 * they are focused or pressed (see ensureOptions): with 300 tasks and 40 members that is
 * 24,000 fewer elements to build and lay out. Members whose roles fit the task come first.
 * @param {HTMLElement} container
 * @param {object} options
 * @param {Object<string,string>} options.L labels
 * @param {string[]} options.statuses the format's statuses, in order
 * @param {{hours: number, name: number, notes: number}} options.limits
 * @param {Array<{id: string, title: string}>} options.groups
 * @param {Array<{id: string, title: string}>} options.roles the handbook's roles
 * @param {{assignmentOf: Function, modes: string[]}} options.model see planModel
 * @param {(taskId: string) => boolean} options.isSelected whether a task is in the selection
 * @returns {Readonly<object>} render, update, ensureOptions, ensureNotes, rows
 */
export function createTaskList(container, { L, statuses, limits, groups, roles, model, isSelected }) {
  const { assignmentOf } = model;
  const [team, ...otherModes] = model.modes;
  const roleTitles = new Map(roles.map((r) => [r.id, r.title]));
  let members = [];
  let names = new Map();
  let tasksById = new Map();
  let rows = new Map();
  const proto = rowPrototype(L, statuses, limits);

  /** The plan's members, those whose roles fit the task first (the task's roles in order). */
  function membersFor(task) {
    const fit = [];
    for (const role of task?.roles || []) {
      for (const member of members) if (member.roles.includes(role) && !fit.includes(member)) fit.push(member);
    }
    return { fit, others: members.filter((m) => !fit.includes(m)) };
  }

  function memberOptions(task) {
    const option = (m) => el("option", { value: m.id }, m.name);
    const { fit, others } = membersFor(task);
    if (!fit.length) return [el("optgroup", { label: L.members_title }, ...others.map(option))];
    return [el("optgroup", { label: L.owner_fits }, ...fit.map(option)),
      ...(others.length ? [el("optgroup", { label: L.owner_others }, ...others.map(option))] : [])];
  }

  /**
   * Give an owner or backup select its full list of choices (before the user opens it). In a
   * backup select, the task's owner cannot be chosen.
   * @param {HTMLSelectElement} select
   */
  function ensureOptions(select) {
    const field = select.dataset.field;
    if (field !== FIELDS.who && field !== FIELDS.backup) return;
    const row = select.closest(".team-task");
    if (!select.dataset.full) {
      const value = select.value;
      const task = tasksById.get(row.dataset.task);
      if (field === FIELDS.who) {
        select.replaceChildren(el("option", { value: "" }, L.owner_none), ...memberOptions(task),
          el("optgroup", { label: L.mode_other }, ...otherModes.map((mode) => el("option", { value: `mode:${mode}` }, L[`mode_${mode}`]))));
      } else {
        select.replaceChildren(el("option", { value: "" }, L.backup_none), ...memberOptions(task));
      }
      select.value = value;
      select.dataset.full = "1";
    }
    if (field === FIELDS.backup) {
      // The owner cannot back up their own task: their name is shown, marked, and not chosen
      const owner = row.querySelector(`[data-field="${FIELDS.who}"]`).value;
      for (const option of select.options) {
        if (!option.value) continue;
        const isOwner = option.value === owner;
        option.disabled = isOwner;
        option.textContent = isOwner ? format(L.backup_owner_option, { name: names.get(option.value) }) : names.get(option.value);
      }
    }
  }

  function setChoice(select, value) {
    if (!select.dataset.full) {
      const none = select.dataset.field === FIELDS.backup ? L.backup_none : L.owner_none;
      const label = value.startsWith("mode:") ? L[`mode_${value.slice(5)}`] : names.get(value) || value;
      const options = [el("option", { value: "" }, none)];
      if (value) options.push(el("option", { value }, label));
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
    members = plan.members;
    names = new Map(members.map((m) => [m.id, m.name]));
    tasksById = new Map(tasks.map((t) => [t.id, t]));
    rows = new Map();
    const fragment = document.createDocumentFragment();
    // The table's column headings (the fields keep their own labels for assistive technology)
    fragment.append(el("div", { class: "team-table-head", "aria-hidden": "true" },
      el("span", {}, ""), el("span", {}, L.column_task), el("span", {}, L.owner), el("span", {}, L.backup),
      el("span", {}, L.status), el("span", {}, L.hours)));
    const sections = [...groups.map((g) => [g.id, g.title, tasks.filter((t) => t.group === g.id && !homeless.has(t.id))]),
      ["homeless", L.homeless_title, tasks.filter((t) => homeless.has(t.id))]];
    for (const [id, title, list] of sections) {
      if (!list.length && id === "homeless") continue;
      const section = el("section", { class: "team-group", "data-group": id, "aria-labelledby": `team-group-${id}` },
        el("h3", { id: `team-group-${id}` }, title));
      if (id === "homeless") section.append(el("p", {}, L.homeless_intro));
      for (const task of list) {
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
    row.setAttribute("aria-labelledby", `task-${task.id}-title`);
    const heading = row.querySelector(".team-task__title");
    heading.id = `task-${task.id}-title`;
    const link = heading.firstChild;
    if (task.own) {
      link.replaceWith(document.createTextNode(task.title));
      heading.append(" ", el("span", { class: "team-badge team-badge--own" }, L.badge_own));
    } else {
      link.href = task.url;
      link.textContent = task.title;
      if (newIds.has(task.id)) heading.append(" ", el("span", { class: "team-badge team-badge--new" }, L.badge_new));
    }
    row.querySelector(`[data-field="${FIELDS.pick}"]`).setAttribute("aria-label", format(L.select_task, { title: task.title }));
    row.querySelector(".team-task__meta").textContent = task.own ? format(L.hours_own, { hours: task.hours })
      : `${task.summary} ${task.frequency} · ${task.baseHours !== undefined && task.baseHours !== task.hours
        ? format(L.hours_scaled, { base: task.baseHours, hours: task.hours }) : format(L.hours_default, { hours: task.hours })}`;
    // Built only where there is something to say: most rows are one of hundreds
    if (task.roles?.length) {
      row.querySelector(".team-task__meta").after(el("p", { class: "team-task__roles" },
        format(L.roles_of_task, { roles: task.roles.map((id) => roleTitles.get(id) || id).join(", ") })));
    }
    row.querySelector(`[data-field="${FIELDS.hours}"]`).placeholder = String(task.hours);
    if (isHomeless) {
      row.querySelector(".team-task__fields").prepend(el("label", { class: "team-field team-field--group" }, L.move_to_group,
        el("select", { "data-field": FIELDS.group },
          el("option", { value: "" }, L.move_choose), ...groups.map((g) => el("option", { value: g.id }, g.title)))));
    }
    if (task.own) {
      row.append(el("button", { type: "button", class: "md-button team-small team-task__remove", "data-action": "remove-task",
        "aria-label": format(L.own_task_remove_named, { title: task.title }) }, L.own_task_remove));
    }
    return row;
  }

  /**
   * Bring one task row in line with the plan (values, partner field, warning flags, whether
   * it is selected). A field that has focus keeps what the user is typing.
   * @param {HTMLElement} row
   * @param {object} plan
   * @param {object} task
   */
  function update(row, plan, task) {
    const active = row.contains(document.activeElement) ? document.activeElement : null;
    const a = assignmentOf(plan, task.id);
    const present = new Set(plan.members.map((m) => m.id));
    row.querySelector(`[data-field="${FIELDS.pick}"]`).checked = isSelected(task.id);
    const who = row.querySelector(`[data-field="${FIELDS.who}"]`);
    const backup = row.querySelector(`[data-field="${FIELDS.backup}"]`);
    if (!who.dataset.pending) setChoice(who, a.mode !== team ? `mode:${a.mode}` : present.has(a.owner) ? a.owner : "");
    if (!backup.dataset.pending) setChoice(backup, present.has(a.backup) ? a.backup : "");
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
    if (a.mode === team && !present.has(a.owner)) flag = L.flag_no_owner;
    else if (a.mode === team && !present.has(a.backup)) flag = L.flag_no_backup;
    const flags = row.querySelector(".team-task__flags");
    flags.textContent = flag;
    flags.hidden = !flag;
    row.classList.toggle("team-task--open", a.mode === team && !present.has(a.owner));
    row.classList.toggle("team-task--outside", a.mode !== team);
    row.classList.toggle("team-task--done", a.status === "done");
    // A choice kept as focus moved on may disable or hide the field focus moved to (the backup
    // of a task no longer covered by the team): focus goes on to the next field that is there
    if (active && !usable(active)) {
      const fields = [...row.querySelectorAll("select, input, textarea, summary, button")].filter(usable);
      const next = fields.find((field) => active.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) || fields[0];
      next?.focus();
    }
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

  return Object.freeze({ render, update, ensureOptions, ensureNotes, rows: () => rows, task: (id) => tasksById.get(id) });
}

/**
 * Whether a field can take focus now: not disabled, not hidden, laid out.
 * @param {HTMLElement} field
 * @returns {boolean}
 */
export function usable(field) {
  if (field.disabled || field.closest("[hidden]")) return false;
  return field.checkVisibility ? field.checkVisibility() : field.getClientRects().length > 0;
}

function rowPrototype(L, statuses, limits) {
  const number = { type: "number", min: 0, max: limits.hours, step: 1, inputmode: "numeric" };
  // The label's text is a plain text node (the table hides it with the label's font size):
  // an element per field would be hundreds more elements to build
  const field = (modifier, label, control) => el("label", { class: `team-field team-field--${modifier}` }, label, control);
  return el("div", { class: "team-task", role: "group" },
    el("div", { class: "team-task__head" },
      el("input", { type: "checkbox", class: "team-task__pick", "data-field": FIELDS.pick }),
      el("h4", { class: "team-task__title" }, el("a", {}))),
    el("p", { class: "team-task__meta" }),
    el("div", { class: "team-task__fields" },
      field("who", L.owner, el("select", { "data-field": FIELDS.who })),
      field("backup", L.backup, el("select", { "data-field": FIELDS.backup })),
      field("partner team-partner", L.partner,
        el("input", { type: "text", maxlength: limits.name, "data-field": FIELDS.partner, autocomplete: "off", list: "team-partners" })),
      field("status", L.status, el("select", { "data-field": FIELDS.status },
        ...statuses.map((s) => el("option", { value: s }, L[`status_${s}`])))),
      field("hours", L.hours, el("input", { ...number, "data-field": FIELDS.hours }))),
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
        const backup = analysis.backupHours[m.id];
        const text = format(L.overview_hours_of, { used, available: m.hours || 0 })
          + (over ? ` ${format(L.overview_over_by, { hours: used - (m.hours || 0) })}` : "")
          + (backup ? ` · ${format(L.overview_backup_hours, { hours: backup })}` : "");
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
      el("a", { href: "#team-orphans-title" }, label(L, "warn_orphans", { count: orphanIds.length }))));
  }
  if (!list.children.length) list.append(el("li", { class: "team-warning team-warning--ok" }, L.warn_none));
  parts.push(list);
  // What goes outside the team, per partner: never a member's load
  parts.push(el("h3", {}, L.overview_outside));
  const outside = el("ul", { class: "team-outside" }, ...analysis.outside.map((entry) => el("li", {},
    el("details", {}, el("summary", {}, label(L, "outside_line", { partner: entry.partner || L.outside_unnamed, count: entry.taskIds.length, hours: entry.hours })),
      jumpList(entry.taskIds)))));
  if (analysis.notApplicable.length) {
    outside.append(el("li", {}, el("details", {}, el("summary", {}, label(L, "overview_na", { count: analysis.notApplicable.length })),
      jumpList(analysis.notApplicable))));
  }
  parts.push(outside.children.length ? outside : el("p", {}, L.outside_none));
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
