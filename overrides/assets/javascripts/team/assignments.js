// Who does what: each task row's owner, backup, partner, status, hours and notes; the
// school's own tasks; decisions about tasks the handbook no longer has; new tasks.
//
// A choice made with the arrow keys or by typing letters in a closed select (Chromium changes
// the value on every key) is only proposed: it is kept when focus leaves the select or on
// Enter, and Escape takes it back. A mouse or a screen reader's choice is kept at once. So
// moving through the list never assigns every member in turn, and with a filter on, the row
// does not vanish under the keyboard.

import { clearFieldError, el, showFieldError } from "./dom.js";
import { FIELDS } from "./render.js";
import { newId } from "./documents.js";
import { addCustomTask, acknowledge, dropOrphan, format, moveCustomTask, removeCustomTask } from "./state.js";

const PROPOSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireAssignments(ctx) {
  const { L, fmt, model, $ } = ctx;
  const list = $("team-task-list");
  const team = model.modes[0];
  const taskOf = (id) => ctx.view.tasks().find((t) => t.id === id);
  const nameOf = (id) => ctx.plan().members.find((m) => m.id === id)?.name || id;

  // Owner and backup selects get their full list of members just before they are used
  const fill = (event) => {
    if (event.target instanceof HTMLSelectElement && event.target.closest(".team-task")) ctx.view.taskList.ensureOptions(event.target);
  };
  for (const type of ["focusin", "pointerdown", "mousedown", "keydown", "mouseover"]) list.addEventListener(type, fill, true);

  // A task's notes field is made when its notes are opened (toggle does not bubble: capture)
  list.addEventListener("toggle", (event) => {
    const details = event.target;
    if (!details.classList?.contains("team-notes") || !details.open) return;
    const notes = ctx.view.taskList.ensureNotes(details);
    if (!notes.value) notes.value = model.assignmentOf(ctx.plan(), details.closest("[data-task]").dataset.task).notes;
  }, true);

  // ---- Proposed choices (keyboard) -----------------------------------------------------------

  list.addEventListener("keydown", (event) => {
    const select = rowSelect(event.target);
    if (!select || event.defaultPrevented) return; // moved to another box (tablenav.js)
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (PROPOSING_KEYS.has(event.key) || printable) {
      select.dataset.keyed = "1";
    } else if (event.key === "Enter" && select.dataset.pending) {
      event.preventDefault();
      commitSelect(select);
    } else if (event.key === "Escape" && select.dataset.pending) {
      event.preventDefault();
      delete select.dataset.pending;
      const taskId = select.closest("[data-task]").dataset.task;
      ctx.view.renderTask(taskId);
      ctx.say(L.choice_cancelled);
    }
  }, true);
  list.addEventListener("pointerdown", (event) => {
    const select = rowSelect(event.target);
    if (select) delete select.dataset.keyed;
  }, true);
  list.addEventListener("focusout", (event) => {
    const select = rowSelect(event.target);
    if (!select?.dataset.pending) return;
    // After focus has moved: the row stays shown while focus is still in it
    setTimeout(() => {
      if (select.isConnected && select.dataset.pending) commitSelect(select);
    }, 0);
  });

  function rowSelect(target) {
    return target instanceof HTMLSelectElement && target.dataset.field && target.closest(".team-task") ? target : null;
  }

  // ---- Changes ------------------------------------------------------------------------------

  list.addEventListener("change", (event) => {
    const target = event.target;
    const row = target.closest("[data-task]");
    if (!row || !target.dataset.field || target.dataset.field === FIELDS.pick) return;
    if (rowSelect(target)) {
      if (target.dataset.keyed) {
        delete target.dataset.keyed;
        target.dataset.pending = "1";
        return;
      }
      commitSelect(target);
      return;
    }
    const taskId = row.dataset.task;
    const task = taskOf(taskId);
    const field = target.dataset.field;
    let patch;
    if (field === FIELDS.hours) {
      const hours = fmt.parseHours(target.value);
      patch = { hours: hours === task.hours ? null : hours }; // null: the handbook's own hours
    } else {
      patch = { [field]: field === FIELDS.notes ? target.value : fmt.cleanName(target.value) };
    }
    ctx.changePlan((p) => model.setAssignment(p, taskId, patch), { scope: "task", taskId });
    ctx.say(describe(task));
  });

  /** Keep the choice in a task row's select: owner, backup, status, or group (own tasks). */
  function commitSelect(select) {
    delete select.dataset.pending;
    delete select.dataset.keyed;
    const row = select.closest("[data-task]");
    const taskId = row.dataset.task;
    const task = taskOf(taskId);
    const value = select.value;
    const a = model.assignmentOf(ctx.plan(), taskId);
    let patch;
    let note = "";
    switch (select.dataset.field) {
      case FIELDS.who:
        if (value.startsWith("mode:")) {
          if (a.mode === value.slice(5)) return;
          patch = { mode: value.slice(5) };
        } else {
          if (a.mode === team && a.owner === value) return;
          patch = { mode: team, owner: value };
          // The backup takes the task over: say so, and that it needs a new backup
          if (value && value === a.backup) note = format(L.backup_became_owner, { name: nameOf(value) });
        }
        break;
      case FIELDS.backup:
        if (value === a.backup) return;
        if (value && value === a.owner) {
          select.value = a.backup;
          showRowMessage(row, format(L.backup_is_owner, { name: nameOf(value) }));
          ctx.say(format(L.backup_is_owner, { name: nameOf(value) }));
          return;
        }
        patch = { backup: value };
        break;
      case FIELDS.status:
        if (value === a.status) return;
        patch = { status: value };
        break;
      case FIELDS.group:
        if (value) moveTask(task, value);
        return;
      default:
        return;
    }
    ctx.changePlan((p) => model.setAssignment(p, taskId, patch), { scope: "task", taskId });
    showRowMessage(row, note);
    ctx.say(`${describe(task)}${note ? ` ${note}` : ""}`);
  }

  /** A message about the row's last change (made when first needed: most rows never have one). */
  function showRowMessage(row, text) {
    let message = row.querySelector(".team-task__message");
    if (!message && !text) return;
    if (!message) {
      message = el("p", { class: "team-task__message" });
      row.querySelector(".team-task__flags").after(message);
    }
    message.textContent = text;
    message.hidden = !text;
  }

  function describe(task) {
    const a = model.assignmentOf(ctx.plan(), task.id);
    const members = new Set(ctx.plan().members.map((m) => m.id));
    const who = a.mode === team ? (members.has(a.owner) ? nameOf(a.owner) : L.owner_none) : L[`mode_${a.mode}`];
    return format(L.task_updated, { task: task.title, owner: who, status: L[`status_${a.status}`] });
  }

  // ---- The school's own tasks ----------------------------------------------------------------

  const taskForm = $("team-task-form");
  taskForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = taskForm.elements.title;
    const title = fmt.cleanName(input.value);
    const plan = ctx.plan();
    const problem = !title ? L.own_task_title_blank
      : plan.customTasks.length >= fmt.limits.customTasks ? format(L.own_tasks_full, { max: fmt.limits.customTasks }) : null;
    if (problem) {
      showFieldError(input, problem);
      ctx.say(problem);
      input.focus();
      return;
    }
    clearFieldError(input);
    const id = newId("own", [...ctx.handbook.list, ...plan.customTasks.map((t) => t.id)]);
    const hours = fmt.parseHours(taskForm.elements.hours.value) ?? 0;
    ctx.changePlan((p) => addCustomTask(p, { id, group: taskForm.elements.group.value, title, hours }));
    input.value = "";
    taskForm.elements.hours.value = "";
    ctx.say(format(L.own_task_added, { title }));
    focusRow(id);
  });

  function moveTask(task, group) {
    ctx.changePlan((p) => moveCustomTask(p, task.id, group));
    const title = ctx.data.groups.find((g) => g.id === group)?.title || group;
    ctx.say(format(L.own_task_moved, { title: task.title, group: title }));
    if (!document.activeElement || document.activeElement === document.body) focusRow(task.id);
  }

  ctx.action("remove-task", (button) => {
    const taskId = button.closest("[data-task]").dataset.task;
    const task = ctx.plan().customTasks.find((t) => t.id === taskId);
    if (!task || !window.confirm(format(L.own_task_confirm, { title: task.title }))) return;
    ctx.changePlan((p) => removeCustomTask(p, taskId));
    ctx.say(format(L.own_task_removed, { title: task.title }));
    taskForm.elements.title.focus();
  });

  // ---- Decisions about tasks the handbook no longer has, and new tasks -------------------------

  ctx.action("drop-orphan", (button) => {
    const taskId = button.dataset.task;
    if (!window.confirm(format(L.orphan_confirm, { id: taskId }))) return;
    const next = button.closest("li").nextElementSibling?.querySelector("button") ?? null;
    ctx.changePlan((p) => dropOrphan(p, taskId));
    ctx.say(format(L.orphan_removed, { id: taskId }));
    (next?.dataset.task && document.querySelector(`[data-action="drop-orphan"][data-task="${next.dataset.task}"]`) || $("team-overview-title")).focus();
  });

  ctx.action("acknowledge", () => {
    ctx.changePlan((p) => acknowledge(p, ctx.view.marks().newIds));
    ctx.say(L.warn_new_done);
    $("team-overview-title").focus();
  });

  // Links to a task (warnings, "merged into"): show its row even if a filter hid it, and focus it
  ctx.root.addEventListener("click", (event) => {
    const jump = event.target.closest("[data-jump]");
    if (!jump) return;
    event.preventDefault();
    focusRow(jump.dataset.jump);
  });

  function focusRow(taskId) {
    const row = ctx.view.taskList.rows().get(taskId);
    if (!row) return;
    if (row.hidden) ctx.view.clearFilters();
    row.scrollIntoView({ block: "center" });
    row.querySelector("select")?.focus();
  }
}
