// The team planner: reads the page's data, loads the saved plans, wires the controls.
// Everything stays in this browser: the only storage is localStorage under one key.

import * as S from "./state.js";
import { download, fileStem, makeDocument, parseDocument, planToCsv, validateDocument } from "./io.js";
import { el, ensureNotes, ensureOptions, renderMembers, renderOrphans, renderOverview, renderPrint, renderTasks, updateRow } from "./render.js";
import { load, onExternalChange, openStorage, save, savedRevision } from "./storage.js";

const started = performance.now();
const data = JSON.parse(document.getElementById("team-data").textContent);
const L = data.labels;
const $ = (id) => document.getElementById(id);
const handbookIds = data.tasks.map((t) => t.id);
// What an imported or adopted plan's own tasks are checked against
const handbook = { groups: new Set(data.groups.map((g) => g.id)), tasks: new Set(handbookIds) };

const app = {
  storage: openStorage(),
  doc: null,
  // false while saved data could not be read: nothing is written until the user agrees
  canSave: true,
  rows: new Map(),
  tasks: [],
  filters: { group: "", member: "", status: "", unassigned: false, query: "" },
  undo: null,
  recon: { newIds: [], orphanIds: [] },
};

// ---- Start ------------------------------------------------------------------------------------

function start() {
  const loaded = load(app.storage, data.storageKey, data.format, data.formatVersion);
  if (loaded.status === "ok") {
    app.doc = loaded.doc;
  } else {
    app.doc = freshDocument();
    if (loaded.status === "corrupt") {
      app.canSave = false;
      showCorrupt(loaded.raw);
    } else if (loaded.status === "blocked") {
      alertBox("blocked", "warning", L.storage_blocked);
    }
  }
  $("team-fallback").hidden = true;
  $("team-app").hidden = false;
  document.documentElement.classList.add("team-planner-on");  // print shows the plan, not the page
  renderAll();
  wire();
  // Timings for bench/team_page.py: until the planner's DOM is built, and until the frame
  // that shows it has been painted (a task queued after the next animation frame)
  const timings = { started, firstRender: performance.now() - started, firstPaint: null };
  requestAnimationFrame(() => setTimeout(() => { timings.firstPaint = performance.now() - started; }, 0));
  window.__teamPlanner = timings;
}

function freshDocument() {
  const plan = S.createPlan(S.newId("p"), L.plan_default_name, handbookIds);
  return makeDocument(data.format, data.formatVersion, [plan], plan.id, 0);
}

function plan() {
  return app.doc.plans.find((p) => p.id === app.doc.current) || app.doc.plans[0];
}

// ---- Changing the plan ------------------------------------------------------------------------

/**
 * Replace the current plan, save, and update what changed on screen.
 * scope: "task" (one task row and the overview), "summary" (the overview), "all".
 */
function commit(next, scope, taskId) {
  app.doc = { ...app.doc, plans: app.doc.plans.map((p) => (p.id === next.id ? next : p)) };
  persist();
  if (scope === "task") {
    const row = app.rows.get(taskId);
    const task = app.tasks.find((t) => t.id === taskId);
    if (row && task) updateRow(row, next, task, L);
    renderSummary();
    if (filtersActive()) applyFilters(false);
  } else if (scope === "summary") {
    renderSummary();
  } else {
    renderAll();
  }
}

function persist() {
  if (!app.canSave) {
    setSaveStatus(L.save_paused);
    return;
  }
  if (app.storage && savedRevision(app.storage, data.storageKey) > app.doc.revision) {
    // Another tab saved after we last read: show theirs rather than overwrite it unseen
    if (adoptExternal(app.storage.getItem(data.storageKey))) announce(L.other_tab_conflict);
    return;
  }
  const next = { ...app.doc, revision: app.doc.revision + 1, saved: new Date().toISOString() };
  // Never save what this page would refuse to read back (too many plans, members or own
  // tasks): the next visit would then find the saved plan unreadable
  if (!validateDocument(next, data.format, data.formatVersion).ok) {
    alertBox("limits", "warning", L.too_large);
    setSaveStatus(L.save_memory);
    return;
  }
  removeAlert("limits");
  app.doc = next;
  const result = save(app.storage, data.storageKey, app.doc);
  if (result.ok) {
    removeAlert("full");
    setSaveStatus(L.save_ok);
  } else if (result.reason === "full") {
    alertBox("full", "warning", L.storage_full);
    setSaveStatus(L.save_memory);
  } else {
    setSaveStatus(L.save_memory);
  }
}

/**
 * Take over what another tab saved. Data this page cannot read stops saving here (so it is
 * not overwritten unseen) and is offered for download, as at start-up.
 * @param {string | null} raw - the stored text
 * @returns {boolean} whether a plan was taken over
 */
function adoptExternal(raw) {
  if (raw === null) {
    announce(L.other_tab_cleared);
    return false;
  }
  const result = parseDocument(raw, data.format, data.formatVersion, handbook);
  if (!result.ok) {
    app.canSave = false;
    showCorrupt(raw);
    return false;
  }
  const current = app.doc.current;
  app.doc = result.doc;
  if (app.doc.plans.some((p) => p.id === current)) app.doc.current = current;
  renderAll();
  return true;
}

// ---- Rendering --------------------------------------------------------------------------------

function renderAll() {
  const p = plan();
  app.tasks = S.allTasks(p, data.tasks);
  app.recon = S.reconcile(p, handbookIds);
  renderPlans();
  const open = new Set([...document.querySelectorAll(".team-roles[open]")].map((d) => d.closest("[data-member]").dataset.member));
  renderMembers($("team-member-list"), p, data.roles, L, open);
  $("team-members-empty").hidden = p.members.length > 0;
  const member = $("team-filter-member");
  const keep = member.value;
  member.replaceChildren(el("option", { value: "" }, L.filter_all), ...p.members.map((m) => el("option", { value: m.id }, m.name)));
  member.value = p.members.some((m) => m.id === keep) ? keep : "";
  app.filters.member = member.value;
  app.rows = renderTasks($("team-task-list"), p, app.tasks, data.groups, L, new Set(app.recon.newIds));
  renderOrphans($("team-orphans"), $("team-orphan-list"), p, app.recon.orphanIds, L);
  renderSummary();
  applyFilters(false);
  if (app.canSave) setSaveStatus(app.storage ? L.save_ok : L.save_memory);
}

function renderSummary() {
  const p = plan();
  renderOverview($("team-overview"), p, app.tasks, data.groups, S.analyse(p, app.tasks, data.groups), L, app.recon.newIds,
    app.recon.orphanIds);
}

function renderPlans() {
  const select = $("team-plan-select");
  select.replaceChildren(...app.doc.plans.map((p) => el("option", { value: p.id }, p.name)));
  select.value = plan().id;
  const name = $("team-plan-name");
  if (document.activeElement !== name) name.value = plan().name;
  document.querySelector('[data-action="plan-delete"]').disabled = app.doc.plans.length < 2;
}

function filtersActive() {
  const f = app.filters;
  return Boolean(f.group || f.member || f.status || f.unassigned || f.query.trim());
}

function applyFilters(speak) {
  const shown = S.filterTasks(plan(), app.tasks, app.filters);
  for (const [id, row] of app.rows) row.hidden = !shown.has(id);
  for (const section of $("team-task-list").children) {
    section.hidden = !section.querySelector(".team-task:not([hidden])");
  }
  const text = S.format(L.filter_count, { shown: shown.size, total: app.tasks.length });
  $("team-filter-count").textContent = text;
  if (speak) announce(text);
}

function setSaveStatus(text) {
  $("team-save-status").textContent = text;
}

let announceTimer = 0;
/** Say something to screen-reader users (and show it in the live region). */
function announce(text) {
  const live = $("team-live");
  live.textContent = "";
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => { live.textContent = text; }, 50);
}

function alertBox(id, kind, text, ...extra) {
  removeAlert(id);
  const box = el("div", { class: `admonition ${kind} team-alert`, role: "alert", "data-alert": id },
    el("p", {}, text), ...extra);
  $("team-alerts").append(box);
  return box;
}

function removeAlert(id) {
  document.querySelector(`[data-alert="${id}"]`)?.remove();
}

function showCorrupt(raw) {
  alertBox("corrupt", "failure", L.corrupt_text,
    el("div", { class: "team-buttons" },
      el("button", { type: "button", class: "md-button", "data-action": "corrupt-download" }, L.corrupt_download),
      el("button", { type: "button", class: "md-button", "data-action": "corrupt-fresh" }, L.corrupt_fresh)));
  app.corruptRaw = raw;
  setSaveStatus(L.save_paused);
}

// ---- Events -----------------------------------------------------------------------------------

function wire() {
  const root = $("team-app");
  root.addEventListener("click", onClick);
  root.addEventListener("change", onChange);
  // Owner and backup selects get their full list of members just before they are used
  const fill = (event) => {
    if (event.target instanceof HTMLSelectElement && event.target.closest(".team-task")) ensureOptions(event.target);
  };
  for (const type of ["focusin", "pointerdown", "mousedown", "keydown", "mouseover"]) {
    $("team-task-list").addEventListener(type, fill, true);
  }
  // A task's notes field is made when its notes are opened (toggle does not bubble: capture)
  $("team-task-list").addEventListener("toggle", (event) => {
    const details = event.target;
    if (!details.classList?.contains("team-notes") || !details.open) return;
    const taskId = details.closest("[data-task]").dataset.task;
    const notes = ensureNotes(details);
    if (!notes.value) notes.value = S.assignmentOf(plan(), taskId).notes;
  }, true);
  $("team-member-form").addEventListener("submit", onAddMember);
  $("team-task-form").addEventListener("submit", onAddTask);
  $("team-filter-query").addEventListener("input", debounce(() => {
    app.filters.query = $("team-filter-query").value;
    applyFilters(true);
  }, 250));
  $("team-plan-name").addEventListener("change", () => {
    const name = $("team-plan-name").value.trim();
    if (!name) {
      $("team-plan-name").value = plan().name;
      return;
    }
    commit({ ...plan(), name }, "all");
    announce(S.format(L.plan_renamed, { name }));
  });
  window.addEventListener("beforeprint", () => {
    if (!document.body.classList.contains("team-printing")) renderPrint($("team-print"), plan(), app.tasks, data.groups, L, null);
  });
  window.addEventListener("afterprint", () => document.body.classList.remove("team-printing"));
  onExternalChange(data.storageKey, (raw) => {
    if (!app.canSave) return;
    if (adoptExternal(raw)) announce(L.other_tab);
  });
}

function onClick(event) {
  const jump = event.target.closest("[data-jump]");
  if (jump) {
    event.preventDefault();
    jumpTo(jump.dataset.jump);
    return;
  }
  const button = event.target.closest("[data-action]");
  if (!button) return;
  const action = button.dataset.action;
  const p = plan();
  const memberId = button.closest("[data-member]")?.dataset.member;
  const taskId = button.closest("[data-task]")?.dataset.task;
  switch (action) {
    case "remove-member": {
      const member = p.members.find((m) => m.id === memberId);
      app.undo = { plan: p, text: S.format(L.member_removed, { name: member.name }) };
      commit(S.removeMember(p, memberId), "all");
      $("team-undo-text").textContent = app.undo.text;
      $("team-undo").hidden = false;
      announce(app.undo.text);
      $("team-undo").querySelector("button").focus();
      break;
    }
    case "undo":
      if (app.undo) {
        commit(app.undo.plan, "all");
        announce(L.undone);
        app.undo = null;
        $("team-undo").hidden = true;
        $("team-member-form").elements.name.focus();
      }
      break;
    case "print-member":
    case "print-team":
      renderPrint($("team-print"), p, app.tasks, data.groups, L, action === "print-member" ? memberId : null);
      document.body.classList.add("team-printing");
      window.print();
      break;
    case "remove-task": {
      const task = p.customTasks.find((t) => t.id === taskId);
      if (task && window.confirm(S.format(L.own_task_confirm, { title: task.title }))) {
        commit(S.removeCustomTask(p, taskId), "all");
        announce(S.format(L.own_task_removed, { title: task.title }));
      }
      break;
    }
    case "drop-orphan":
      if (window.confirm(S.format(L.orphan_confirm, { id: button.dataset.task }))) {
        commit(S.dropOrphan(p, button.dataset.task), "all");
        announce(S.format(L.orphan_removed, { id: button.dataset.task }));
      }
      break;
    case "acknowledge":
      commit(S.acknowledge(p, app.recon.newIds), "all");
      announce(L.warn_new_done);
      break;
    case "filter-member":
      $("team-filter-member").value = button.dataset.member;
      app.filters.member = button.dataset.member;
      applyFilters(true);
      $("team-tasks-title").scrollIntoView();
      $("team-filter-member").focus();
      break;
    case "plan-new": {
      const name = S.format(L.plan_new_name, { number: app.doc.plans.length + 1 });
      const fresh = S.createPlan(S.newId("p", app.doc.plans.map((x) => x.id)), name, handbookIds);
      switchTo(fresh, true);
      announce(S.format(L.plan_created, { name }));
      break;
    }
    case "plan-duplicate": {
      const copy = { ...structuredClone(p), id: S.newId("p", app.doc.plans.map((x) => x.id)), name: S.cleanName(S.format(L.plan_copy_name, { name: p.name })) };
      switchTo(copy, true);
      announce(S.format(L.plan_created, { name: copy.name }));
      break;
    }
    case "plan-delete":
      if (app.doc.plans.length > 1 && window.confirm(S.format(L.plan_delete_confirm, { name: p.name }))) {
        const rest = app.doc.plans.filter((x) => x.id !== p.id);
        app.doc = { ...app.doc, plans: rest, current: rest[0].id };
        persist();
        renderAll();
        announce(S.format(L.plan_deleted, { name: p.name }));
        $("team-plan-select").focus();
      }
      break;
    case "export-json":
      download(`${fileStem(p.name)}.team-plan.json`,
        JSON.stringify(makeDocument(data.format, data.formatVersion, [p], p.id, 0), null, 2), "application/json");
      announce(L.exported);
      break;
    case "export-csv":
      download(`${fileStem(p.name)}.csv`, planToCsv(p, app.tasks, data.groups, L, data.language), "text/csv;charset=utf-8");
      announce(L.exported);
      break;
    case "import-replace":
    case "import-merge":
    case "import-add":
      finishImport(action);
      break;
    case "import-cancel":
      closeImport();
      announce(L.import_cancelled);
      break;
    case "corrupt-download":
      download("team-plans-unreadable.txt", app.corruptRaw || "", "text/plain");
      break;
    case "corrupt-fresh":
      if (window.confirm(L.corrupt_confirm)) {
        app.canSave = true;
        // The unreadable data may carry any revision number: write over it deliberately
        app.doc = { ...app.doc, revision: Math.max(app.doc.revision, savedRevision(app.storage, data.storageKey)) };
        removeAlert("corrupt");
        persist();
        announce(L.corrupt_started);
      }
      break;
    default:
      break;
  }
}

function onChange(event) {
  const target = event.target;
  const p = plan();
  if (target.id === "team-plan-select") {
    app.doc = { ...app.doc, current: target.value };
    persist();
    renderAll();
    announce(S.format(L.plan_switched, { name: plan().name }));
    return;
  }
  if (target.id === "team-import-file") {
    readImport(target);
    return;
  }
  if (target.id?.startsWith("team-filter-")) {
    const key = target.id.slice("team-filter-".length);
    if (key === "query") return;
    app.filters[key] = target.type === "checkbox" ? target.checked : target.value;
    applyFilters(true);
    return;
  }
  const row = target.closest("[data-task]");
  if (row && target.dataset.field) {
    const taskId = row.dataset.task;
    const task = app.tasks.find((t) => t.id === taskId);
    const field = target.dataset.field;
    let patch;
    if (field === "who") {
      patch = target.value.startsWith("mode:")
        ? { mode: target.value.slice(5), owner: "", backup: "" }
        : { mode: "team", owner: target.value };
    } else if (field === "hours") {
      const hours = S.parseHours(target.value);
      patch = { hours: hours === task.hours ? null : hours }; // null: the handbook's own hours
    } else {
      patch = { [field]: target.value };
    }
    commit(S.setAssignment(p, taskId, patch), "task", taskId);
    announce(describeTask(task));
    return;
  }
  const memberRow = target.closest("[data-member]");
  if (memberRow && target.dataset.mfield) {
    const memberId = memberRow.dataset.member;
    const member = p.members.find((m) => m.id === memberId);
    const field = target.dataset.mfield;
    if (field === "name") {
      const name = S.cleanName(target.value);
      if (!name) {
        target.value = member.name;
        announce(L.member_name_required);
        return;
      }
      commit(S.updateMember(p, memberId, { name }), "all");
      announce(S.format(L.member_renamed, { name }));
      document.querySelector(`[data-member="${memberId}"] [data-mfield="name"]`)?.focus();
    } else if (field === "hours") {
      const hours = S.parseHours(target.value) ?? 0;
      target.value = String(hours);
      commit(S.updateMember(p, memberId, { hours }), "summary");
      announce(S.format(L.member_hours_set, { name: member.name, hours }));
    } else if (field === "role") {
      const roles = target.checked ? [...member.roles, target.value] : member.roles.filter((r) => r !== target.value);
      commit(S.updateMember(p, memberId, { roles }), "all");
      document.querySelector(`[data-member="${memberId}"] [data-mfield="role"][value="${target.value}"]`)?.focus();
    }
  }
}

function describeTask(task) {
  const p = plan();
  const a = S.assignmentOf(p, task.id);
  const names = Object.fromEntries(p.members.map((m) => [m.id, m.name]));
  const who = a.mode === "team" ? names[a.owner] || L.owner_none : L[`mode_${a.mode}`];
  return S.format(L.task_updated, { task: task.title, owner: who, status: L[`status_${a.status}`] });
}

function onAddMember(event) {
  event.preventDefault();
  const form = event.target;
  const name = S.cleanName(form.elements.name.value);
  if (!name) return;
  const p = plan();
  const hours = S.parseHours(form.elements.hours.value) ?? 0;
  if (p.members.length >= S.LIMITS.members) return;
  commit(S.addMember(p, { id: S.newId("m", p.members.map((m) => m.id)), name, hours }), "all");
  form.reset();
  form.elements.name.focus();
  $("team-undo").hidden = true;
  announce(S.format(L.member_added, { name }));
}

function onAddTask(event) {
  event.preventDefault();
  const form = event.target;
  const title = S.cleanName(form.elements.title.value);
  if (!title) return;
  const p = plan();
  const id = S.newId("own", [...handbookIds, ...p.customTasks.map((t) => t.id)]);
  const hours = S.parseHours(form.elements.hours.value) ?? 0;
  commit(S.addCustomTask(p, { id, group: form.elements.group.value, title, hours }), "all");
  form.elements.title.value = "";
  form.elements.hours.value = "0";
  announce(S.format(L.own_task_added, { title }));
  app.rows.get(id)?.querySelector("select")?.focus();
}

function jumpTo(taskId) {
  if (filtersActive()) clearFilters();
  const row = app.rows.get(taskId);
  if (!row) return;
  row.scrollIntoView({ block: "center" });
  row.querySelector("select")?.focus();
}

function clearFilters() {
  app.filters = { group: "", member: "", status: "", unassigned: false, query: "" };
  for (const id of ["team-filter-group", "team-filter-member", "team-filter-status", "team-filter-query"]) $(id).value = "";
  $("team-filter-unassigned").checked = false;
  applyFilters(false);
}

function switchTo(newPlan, add) {
  app.doc = { ...app.doc, plans: add ? [...app.doc.plans, newPlan] : app.doc.plans, current: newPlan.id };
  persist();
  renderAll();
  $("team-plan-select").focus();
}

// ---- Import -----------------------------------------------------------------------------------

function readImport(input) {
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    input.value = "";
    const result = parseDocument(String(reader.result), data.format, data.formatVersion, handbook);
    if (!result.ok) {
      closeImport();
      const detail = result.path ? ` (${result.path})` : "";
      alertBox("import", "failure", `${S.format(L.import_failed, { file: file.name })} ${L[`problem_${result.problem}`]}${detail}`);
      announce(L.import_nothing_changed);
      return;
    }
    removeAlert("import");
    showImportPreview(file.name, result.doc);
  };
  reader.onerror = () => alertBox("import", "failure", `${S.format(L.import_failed, { file: file.name })} ${L.problem_json}`);
  reader.readAsText(file);
}

function showImportPreview(fileName, doc) {
  const incoming = doc.plans.find((p) => p.id === doc.current) || doc.plans[0];
  app.pendingImport = { doc, incoming };
  const diff = S.diffPlans(plan(), incoming);
  const box = $("team-import-preview");
  box.replaceChildren(
    el("h3", {}, S.format(L.import_preview_title, { file: fileName })),
    el("ul", {},
      el("li", {}, S.format(L.import_preview_plan, { name: incoming.name, current: plan().name })),
      el("li", {}, S.format(L.import_preview_members, { before: diff.membersBefore, after: diff.membersAfter })),
      el("li", {}, S.format(L.import_preview_assignments, { changed: diff.assignmentsChanged }))),
    el("div", { class: "team-buttons" },
      el("button", { type: "button", class: "md-button md-button--primary", "data-action": "import-replace" }, L.import_replace),
      el("button", { type: "button", class: "md-button", "data-action": "import-merge" }, L.import_merge),
      el("button", { type: "button", class: "md-button", "data-action": "import-add" }, L.import_add),
      el("button", { type: "button", class: "md-button", "data-action": "import-cancel" }, L.import_cancel)));
  box.hidden = false;
  box.focus();
  announce(S.format(L.import_preview_title, { file: fileName }));
}

function finishImport(action) {
  const pending = app.pendingImport;
  if (!pending) return;
  const p = plan();
  const incoming = structuredClone(pending.incoming);
  if (action === "import-replace") {
    commit({ ...incoming, id: p.id }, "all");
    announce(S.format(L.import_done_replace, { name: incoming.name }));
  } else if (action === "import-merge") {
    const { plan: merged, summary } = S.mergePlans(p, incoming);
    commit(merged, "all");
    announce(S.format(L.import_done_merge, { members: summary.membersAdded, changed: summary.assignmentsChanged, tasks: summary.tasksAdded }));
  } else {
    const id = app.doc.plans.some((x) => x.id === incoming.id) ? S.newId("p", app.doc.plans.map((x) => x.id)) : incoming.id;
    switchTo({ ...incoming, id }, true);
    announce(S.format(L.plan_created, { name: incoming.name }));
  }
  closeImport();
}

function closeImport() {
  app.pendingImport = null;
  const box = $("team-import-preview");
  box.hidden = true;
  box.replaceChildren();
}

function debounce(fn, ms) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

start();
