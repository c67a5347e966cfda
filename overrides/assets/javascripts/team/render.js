// Building the planner's DOM. User data (names, notes, own task titles) is only ever set
// as text (textContent, value, attributes), never parsed as HTML.

import { STATUSES, assignmentOf, format, taskHours } from "./state.js";

/**
 * Create an element: `el("a", {href: "#x", class: "c"}, "text", child)`. Strings become
 * text nodes; attributes with value false/null/undefined are left out.
 * @param {string} tag
 * @param {Object<string, *>} [attrs]
 * @param {...(Node|string|number)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else if (name === "value") node.value = value;
    else if (name === "checked") node.checked = Boolean(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The owner and backup selects of all task rows share these full option lists. A row's select
// holds only its current choice until it is focused or pressed (see ensureOptions): with 300
// tasks and 40 members that is 24,000 fewer elements to build and lay out.
const choices = { who: null, backup: null, labels: new Map() };

/**
 * Prepare the full option lists of the "who takes it on" and "backup" selects.
 * @param {object} plan
 * @param {Object<string,string>} L labels
 */
function prepareChoices(plan, L) {
  const who = el("select", {}, el("option", { value: "" }, L.owner_none));
  const team = el("optgroup", { label: L.members_title });
  const backup = el("select", {}, el("option", { value: "" }, L.backup_none));
  const labels = new Map([["", L.owner_none], ["mode:outsourced", L.mode_outsourced], ["mode:na", L.mode_na]]);
  for (const member of plan.members) {
    team.append(el("option", { value: member.id }, member.name));
    backup.append(el("option", { value: member.id }, member.name));
    labels.set(member.id, member.name);
  }
  who.append(team, el("optgroup", { label: L.mode_other },
    el("option", { value: "mode:outsourced" }, L.mode_outsourced), el("option", { value: "mode:na" }, L.mode_na)));
  Object.assign(choices, { who, backup, labels, backupNone: L.backup_none });
}

/**
 * Give an owner or backup select its full list of choices (before the user opens it).
 * @param {HTMLSelectElement} select
 */
export function ensureOptions(select) {
  if (select.dataset.full || !choices[select.dataset.field]) return;
  const value = select.value;
  select.replaceChildren(...[...choices[select.dataset.field].children].map((node) => node.cloneNode(true)));
  select.value = value;
  select.dataset.full = "1";
}

function setChoice(select, value) {
  if (!select.dataset.full) {
    const none = select.dataset.field === "backup" ? choices.backupNone : choices.labels.get("");
    const options = [el("option", { value: "" }, none)];
    if (value) options.push(el("option", { value }, choices.labels.get(value) || value));
    select.replaceChildren(...options);
  }
  select.value = value;
}

/**
 * Render every task, grouped, into `container`. Returns the rows by task id, so a change to
 * one task only touches its own row.
 * @param {HTMLElement} container
 * @param {object} plan
 * @param {Array<object>} tasks handbook tasks and own tasks
 * @param {Array<{id: string, title: string}>} groups
 * @param {Object<string,string>} L labels
 * @param {Set<string>} newIds tasks new in the handbook since the plan last saw it
 * @returns {Map<string, HTMLElement>}
 */
export function renderTasks(container, plan, tasks, groups, L, newIds) {
  prepareChoices(plan, L);
  const who = el("select", { "data-field": "who" });
  const backup = el("select", { "data-field": "backup" });
  const status = el("select", { "data-field": "status" },
    ...STATUSES.map((s) => el("option", { value: s }, L[`status_${s}`])));
  const proto = el("fieldset", { class: "team-task" },
    el("legend", {}, el("a", {})),
    el("p", { class: "team-task__meta" }),
    el("div", { class: "team-task__fields" },
      el("label", { class: "team-field" }, L.owner, who),
      el("label", { class: "team-field" }, L.backup, backup),
      el("label", { class: "team-field team-partner" }, L.partner, el("input", { type: "text", maxlength: 200, "data-field": "partner", autocomplete: "off" })),
      el("label", { class: "team-field" }, L.status, status),
      el("label", { class: "team-field team-field--short" }, L.hours, el("input", { type: "number", min: 0, max: 10000, step: 1, inputmode: "numeric", "data-field": "hours" }))),
    el("p", { class: "team-task__flags" }),
    el("details", { class: "team-notes" }, el("summary", {}, L.notes)));
  notesLabel = L.notes;

  const rows = new Map();
  const fragment = document.createDocumentFragment();
  for (const group of groups) {
    const section = el("section", { class: "team-group", "data-group": group.id, "aria-labelledby": `team-group-${group.id}` },
      el("h3", { id: `team-group-${group.id}` }, group.title));
    for (const task of tasks) {
      if (task.group !== group.id) continue;
      const row = proto.cloneNode(true);
      row.id = `task-${task.id}`;
      row.dataset.task = task.id;
      const link = row.firstChild.firstChild;
      if (task.own) {
        link.replaceWith(document.createTextNode(task.title));
        row.firstChild.append(" ", el("span", { class: "team-badge team-badge--own" }, L.badge_own));
      } else {
        link.href = task.url;
        link.textContent = task.title;
        if (newIds.has(task.id)) row.firstChild.append(" ", el("span", { class: "team-badge team-badge--new" }, L.badge_new));
      }
      const meta = task.own ? format(L.hours_default, { hours: task.hours })
        : `${task.summary} ${task.frequency} · ${format(L.hours_default, { hours: task.hours })}`;
      row.children[1].textContent = meta;
      row.querySelector('[data-field="hours"]').placeholder = String(task.hours);
      if (task.own) {
        row.append(el("button", { type: "button", class: "md-button team-small", "data-action": "remove-task" }, L.own_task_remove));
      }
      updateRow(row, plan, task, L);
      section.append(row);
      rows.set(task.id, row);
    }
    fragment.append(section);
  }
  container.replaceChildren(fragment);
  return rows;
}

let notesLabel = "";

/**
 * The notes field of a task row, created when the notes are first opened.
 * @param {HTMLDetailsElement} details the row's notes disclosure
 * @returns {HTMLTextAreaElement}
 */
export function ensureNotes(details) {
  let notes = details.querySelector("textarea");
  if (!notes) {
    notes = el("textarea", { rows: 3, maxlength: 5000, "data-field": "notes" });
    details.append(el("label", { class: "team-field team-field--wide" }, notesLabel, notes));
  }
  return notes;
}

/**
 * Bring one task row in line with the plan (values, partner field, warning flags).
 * @param {HTMLElement} row
 * @param {object} plan
 * @param {object} task
 * @param {Object<string,string>} L labels
 */
export function updateRow(row, plan, task, L) {
  const a = assignmentOf(plan, task.id);
  const members = new Set(plan.members.map((m) => m.id));
  const who = row.querySelector('[data-field="who"]');
  const backup = row.querySelector('[data-field="backup"]');
  setChoice(who, a.mode !== "team" ? `mode:${a.mode}` : members.has(a.owner) ? a.owner : "");
  setChoice(backup, members.has(a.backup) ? a.backup : "");
  backup.disabled = a.mode !== "team";
  row.querySelector('[data-field="status"]').value = a.status;
  const hours = row.querySelector('[data-field="hours"]');
  if (document.activeElement !== hours) hours.value = String(taskHours(plan, task));
  const partner = row.querySelector('[data-field="partner"]');
  if (document.activeElement !== partner) partner.value = a.partner;
  partner.closest("label").hidden = a.mode !== "outsourced";
  const details = row.querySelector(".team-notes");
  if (a.notes && !details.open) details.open = true;
  const notes = details.open ? ensureNotes(details) : null;
  if (notes && document.activeElement !== notes) notes.value = a.notes;
  let flag = "";
  if (a.mode === "team" && !members.has(a.owner)) flag = L.flag_no_owner;
  else if (a.mode === "team" && !members.has(a.backup)) flag = L.flag_no_backup;
  const flags = row.querySelector(".team-task__flags");
  flags.textContent = flag;
  flags.hidden = !flag;
  row.classList.toggle("team-task--open", a.mode === "team" && !members.has(a.owner));
  row.classList.toggle("team-task--done", a.status === "done");
}

/**
 * The list of members, each with name, available hours, roles and actions. The role
 * checkboxes are built when a member's roles are opened (40 members × 23 roles would
 * otherwise be thousands of hidden elements).
 * @param {HTMLElement} list
 * @param {object} plan
 * @param {Array<{id: string, title: string}>} roles the handbook's roles
 * @param {Object<string,string>} L labels
 * @param {Set<string>} [openIds] members whose roles are shown open
 */
export function renderMembers(list, plan, roles, L, openIds = new Set()) {
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
          el("input", { type: "text", maxlength: 200, required: true, autocomplete: "off", "data-mfield": "name", value: member.name })),
        el("label", { class: "team-field team-field--short" }, L.member_hours,
          el("input", { type: "number", min: 0, max: 10000, step: 1, inputmode: "numeric", "data-mfield": "hours", value: String(member.hours) }))),
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
 * @param {object} analysis result of state.analyse
 * @param {Object<string,string>} L labels
 * @param {string[]} newIds
 * @param {string[]} [orphanIds] tasks no longer in the handbook that the plan still has
 */
export function renderOverview(container, plan, tasks, groups, analysis, L, newIds, orphanIds = []) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
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
  const warnings = [
    ["unowned", analysis.unowned, L.warn_unowned],
    ["no-backup", analysis.noBackup, L.warn_no_backup],
  ];
  const list = el("ul", { class: "team-warnings" });
  for (const [kind, ids, label] of warnings) {
    if (!ids.length) continue;
    list.append(el("li", { class: `team-warning team-warning--${kind}` },
      el("details", {}, el("summary", {}, format(label, { count: ids.length })),
        el("ul", {}, ...ids.map((id) => el("li", {}, el("a", { href: `#task-${id}`, "data-jump": id }, byId.get(id)?.title || id)))))));
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
      el("details", {}, el("summary", {}, format(L.warn_new, { count: newIds.length })),
        el("ul", {}, ...newIds.map((id) => el("li", {}, el("a", { href: `#task-${id}`, "data-jump": id }, byId.get(id)?.title || id))))),
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
 * Saved assignments of tasks that are no longer in the handbook: shown, never dropped.
 * @param {HTMLElement} section
 * @param {HTMLElement} list
 * @param {object} plan
 * @param {string[]} orphanIds
 * @param {Object<string,string>} L labels
 */
export function renderOrphans(section, list, plan, orphanIds, L) {
  section.hidden = orphanIds.length === 0;
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  list.replaceChildren(...orphanIds.map((id) => {
    const a = assignmentOf(plan, id);
    const details = [
      a.mode === "team" ? `${L.owner}: ${names[a.owner] || L.owner_none}` : L[`mode_${a.mode}`],
      a.backup ? `${L.backup}: ${names[a.backup] || a.backup}` : "",
      a.partner ? `${L.partner}: ${a.partner}` : "",
      `${L.status}: ${L[`status_${a.status}`]}`,
      a.notes ? `${L.notes}: ${a.notes}` : "",
    ].filter(Boolean).join(" · ");
    return el("li", { "data-orphan": id }, el("code", {}, id), " — ", details, " ",
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
 */
export function renderPrint(container, plan, tasks, groups, L, memberId) {
  const groupTitles = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  const members = memberId ? plan.members.filter((m) => m.id === memberId) : plan.members;
  const parts = [el("h1", {}, memberId ? format(L.print_my_tasks, { name: names[memberId] }) : format(L.print_team_title, { plan: plan.name })),
    el("p", { class: "team-print__date" }, `${plan.name} · ${new Date().toLocaleDateString(document.documentElement.lang || undefined)}`)];
  const table = (rows, withOwner) => el("table", { class: "team-print__table" },
    el("thead", {}, el("tr", {}, el("th", {}, "✓"), el("th", {}, L.column_task), el("th", {}, L.column_group),
      el("th", {}, withOwner ? L.print_owner : L.print_role), el("th", {}, L.status), el("th", {}, L.hours), el("th", {}, L.notes))),
    el("tbody", {}, ...rows));
  for (const member of members) {
    let total = 0;
    const rows = [];
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      if (a.mode !== "team") continue;
      const role = a.owner === member.id ? L.print_owner : a.backup === member.id ? L.backup : "";
      if (!role) continue;
      if (a.owner === member.id) total += taskHours(plan, task);
      rows.push(el("tr", {}, el("td", { class: "team-print__box" }, "☐"), el("td", {}, task.title), el("td", {}, groupTitles[task.group] || ""),
        el("td", {}, role), el("td", {}, L[`status_${a.status}`]), el("td", {}, String(taskHours(plan, task))), el("td", {}, a.notes)));
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
      const owner = names[a.owner];
      if (a.mode === "team" && owner) continue;
      const who = a.mode === "outsourced" ? `${L.mode_outsourced}${a.partner ? `: ${a.partner}` : ""}` : a.mode === "na" ? L.mode_na : L.owner_none;
      rest.push(el("tr", {}, el("td", { class: "team-print__box" }, "☐"), el("td", {}, task.title), el("td", {}, groupTitles[task.group] || ""),
        el("td", {}, who), el("td", {}, L[`status_${a.status}`]), el("td", {}, String(taskHours(plan, task))), el("td", {}, a.notes)));
    }
    if (rest.length) parts.push(el("section", { class: "team-print__member" }, el("h2", {}, L.print_rest), table(rest, true)));
  }
  container.replaceChildren(...parts);
}
