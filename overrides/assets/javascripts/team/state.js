// Pure functions over the team plan: no DOM, no storage, so node --test can check them.
//
// A plan is language-neutral: it refers to handbook tasks and roles by id only. Every
// function returns a new object and never changes its arguments.

/** Statuses a task can have, in the order the interface lists them. */
export const STATUSES = ["todo", "doing", "done", "review"];
/** How a task is covered: by the team, by an outside partner, or not at all. */
export const MODES = ["team", "outsourced", "na"];
/** Limits that imports are checked against (also in schema/team-plan.schema.json). */
export const LIMITS = { name: 200, notes: 5000, members: 200, plans: 50, customTasks: 500, hours: 10000 };

/**
 * Hours typed into a field: a whole number from 0 up to the limit, or null when the text is
 * empty, not a number or negative.
 * @param {string} text
 * @returns {?number}
 */
export function parseHours(text) {
  const value = Number(text);
  if (String(text).trim() === "" || !Number.isFinite(value) || value < 0) return null;
  return Math.min(LIMITS.hours, Math.round(value));
}

/**
 * A name or title typed into a field: trimmed, at most the length limit.
 * @param {string} text
 * @returns {string}
 */
export function cleanName(text) {
  return String(text).trim().slice(0, LIMITS.name);
}

/**
 * A new, empty plan.
 * @param {string} id unique plan id
 * @param {string} name the plan's name as the user typed it
 * @param {string[]} taskIds ids of the handbook's tasks now, so later additions show as new
 * @returns {object} the plan
 */
export function createPlan(id, name, taskIds) {
  return { id, name, members: [], assignments: {}, customTasks: [], knownTasks: [...taskIds] };
}

/**
 * A new unique id with a prefix, e.g. "m-k3x9a1".
 * @param {string} prefix
 * @param {Iterable<string>} taken ids already in use
 * @returns {string}
 */
export function newId(prefix, taken = []) {
  const used = new Set(taken);
  let id;
  do {
    id = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  } while (used.has(id));
  return id;
}

/**
 * The plan with one more member.
 * @param {object} plan
 * @param {{id: string, name: string, hours?: number, roles?: string[]}} member
 * @returns {object}
 */
export function addMember(plan, member) {
  const clean = { id: member.id, name: member.name.trim(), hours: member.hours ?? 0, roles: member.roles ?? [] };
  return { ...plan, members: [...plan.members, clean] };
}

/**
 * The plan with one member's fields changed (name, hours, roles).
 * @param {object} plan
 * @param {string} memberId
 * @param {object} patch
 * @returns {object}
 */
export function updateMember(plan, memberId, patch) {
  return { ...plan, members: plan.members.map((m) => (m.id === memberId ? { ...m, ...patch } : m)) };
}

/**
 * The plan without a member; tasks they owned or backed up lose that person.
 * Keep the old plan to offer an undo.
 * @param {object} plan
 * @param {string} memberId
 * @returns {object}
 */
export function removeMember(plan, memberId) {
  const assignments = {};
  for (const [taskId, a] of Object.entries(plan.assignments)) {
    const next = { ...a };
    if (next.owner === memberId) delete next.owner;
    if (next.backup === memberId) delete next.backup;
    assignments[taskId] = next;
  }
  return { ...plan, members: plan.members.filter((m) => m.id !== memberId), assignments };
}

/**
 * The assignment of one task, with defaults filled in.
 * @param {object} plan
 * @param {string} taskId
 * @returns {{mode: string, owner: string, backup: string, partner: string, status: string, hours: (number|null), notes: string}}
 */
export function assignmentOf(plan, taskId) {
  const a = plan.assignments[taskId] || {};
  return {
    mode: a.mode || "team", owner: a.owner || "", backup: a.backup || "", partner: a.partner || "",
    status: a.status || "todo", hours: typeof a.hours === "number" ? a.hours : null, notes: a.notes || "",
  };
}

/**
 * The plan with one task's assignment changed. Empty values are removed, so a plan only
 * stores what the team decided.
 * @param {object} plan
 * @param {string} taskId
 * @param {object} patch any of mode, owner, backup, partner, status, hours, notes
 * @returns {object}
 */
export function setAssignment(plan, taskId, patch) {
  const merged = { ...(plan.assignments[taskId] || {}), ...patch };
  for (const key of Object.keys(merged)) {
    const value = merged[key];
    if (value === "" || value === null || value === undefined) delete merged[key];
  }
  if (merged.mode === "team") delete merged.mode;
  if (merged.status === "todo") delete merged.status;
  if (merged.owner && merged.owner === merged.backup) delete merged.backup;
  const assignments = { ...plan.assignments };
  if (Object.keys(merged).length) assignments[taskId] = merged;
  else delete assignments[taskId];
  return { ...plan, assignments };
}

/**
 * The plan with one of the school's own tasks added to a group.
 * @param {object} plan
 * @param {{id: string, group: string, title: string, hours?: number}} task
 * @returns {object}
 */
export function addCustomTask(plan, task) {
  const clean = { id: task.id, group: task.group, title: task.title.trim(), hours: task.hours ?? 0 };
  return { ...plan, customTasks: [...plan.customTasks, clean] };
}

/**
 * The plan without one of its own tasks (and that task's assignment).
 * @param {object} plan
 * @param {string} taskId
 * @returns {object}
 */
export function removeCustomTask(plan, taskId) {
  const assignments = { ...plan.assignments };
  delete assignments[taskId];
  return { ...plan, customTasks: plan.customTasks.filter((t) => t.id !== taskId), assignments };
}

/**
 * The plan without the saved assignment of a task that is no longer in the handbook.
 * @param {object} plan
 * @param {string} taskId
 * @returns {object}
 */
export function dropOrphan(plan, taskId) {
  const assignments = { ...plan.assignments };
  delete assignments[taskId];
  return { ...plan, assignments };
}

/**
 * Every task the plan works with: the handbook's, then the school's own, as one list.
 * @param {object} plan
 * @param {Array<object>} handbookTasks tasks from the page's data
 * @returns {Array<object>} tasks with `own: true` on the school's own
 */
export function allTasks(plan, handbookTasks) {
  return [...handbookTasks, ...plan.customTasks.map((t) => ({ ...t, own: true, summary: "", roles: [] }))];
}

/**
 * How the plan relates to the handbook it is opened with: tasks that are new since the plan
 * last saw the handbook, and saved assignments of tasks the handbook no longer has.
 * @param {object} plan
 * @param {string[]} handbookIds
 * @returns {{newIds: string[], orphanIds: string[]}}
 */
export function reconcile(plan, handbookIds) {
  const known = new Set(plan.knownTasks || []);
  const present = new Set([...handbookIds, ...plan.customTasks.map((t) => t.id)]);
  return {
    newIds: handbookIds.filter((id) => !known.has(id)),
    orphanIds: Object.keys(plan.assignments).filter((id) => !present.has(id)),
  };
}

/**
 * The plan with the given task ids marked as seen (no longer flagged as new).
 * @param {object} plan
 * @param {string[]} taskIds
 * @returns {object}
 */
export function acknowledge(plan, taskIds) {
  return { ...plan, knownTasks: [...new Set([...(plan.knownTasks || []), ...taskIds])] };
}

/**
 * The hours a task takes in this plan: the plan's own figure or the handbook's.
 * @param {object} plan
 * @param {object} task
 * @returns {number}
 */
export function taskHours(plan, task) {
  const a = plan.assignments[task.id];
  return a && typeof a.hours === "number" ? a.hours : task.hours || 0;
}

/**
 * The overview: hours per member, tasks without owner or backup, overloaded members and
 * coverage per group. Tasks outsourced or not applicable need no owner.
 * @param {object} plan
 * @param {Array<object>} tasks all tasks (see allTasks)
 * @param {Array<{id: string}>} groups
 * @returns {object}
 */
export function analyse(plan, tasks, groups) {
  const hours = Object.fromEntries(plan.members.map((m) => [m.id, 0]));
  const memberIds = new Set(plan.members.map((m) => m.id));
  const unowned = [];
  const noBackup = [];
  const coverage = Object.fromEntries(groups.map((g) => [g.id, { total: 0, covered: 0 }]));
  for (const task of tasks) {
    const a = assignmentOf(plan, task.id);
    const cell = coverage[task.group];
    if (cell) cell.total += 1;
    if (a.mode !== "team") {
      if (cell) cell.covered += 1;
      continue;
    }
    const owner = memberIds.has(a.owner) ? a.owner : "";
    if (!owner) {
      unowned.push(task.id);
      continue;
    }
    if (cell) cell.covered += 1;
    hours[owner] += taskHours(plan, task);
    if (!memberIds.has(a.backup)) noBackup.push(task.id);
  }
  const overloaded = plan.members.filter((m) => hours[m.id] > (m.hours || 0)).map((m) => m.id);
  return { hours, unowned, noBackup, overloaded, coverage };
}

/**
 * Which tasks to show for the current filters.
 * @param {object} plan
 * @param {Array<object>} tasks
 * @param {{group?: string, member?: string, status?: string, unassigned?: boolean, query?: string}} filters
 * @returns {Set<string>} ids of the tasks that match
 */
export function filterTasks(plan, tasks, filters) {
  const query = (filters.query || "").trim().toLocaleLowerCase();
  const shown = new Set();
  for (const task of tasks) {
    const a = assignmentOf(plan, task.id);
    if (filters.group && task.group !== filters.group) continue;
    if (filters.member && a.owner !== filters.member && a.backup !== filters.member) continue;
    if (filters.status && a.status !== filters.status) continue;
    if (filters.unassigned && !(a.mode === "team" && !a.owner)) continue;
    if (query && !`${task.title} ${task.summary || ""} ${a.notes} ${a.partner}`.toLocaleLowerCase().includes(query)) continue;
    shown.add(task.id);
  }
  return shown;
}

/**
 * Merge an imported plan into the current one. Members are matched by id, then by name;
 * the imported plan's decisions win for every task it has decided something about; the
 * school's own tasks are combined. Nothing in the current plan is lost.
 * @param {object} current
 * @param {object} incoming
 * @returns {{plan: object, summary: {membersAdded: number, assignmentsChanged: number, tasksAdded: number}}}
 */
export function mergePlans(current, incoming) {
  const idMap = {};
  let members = [...current.members];
  let membersAdded = 0;
  for (const m of incoming.members) {
    // The same member: the same id (the same plan, exported elsewhere) or the same name.
    // Ids are random, so another team's member never takes one of ours by accident.
    const match = members.find((x) => x.id === m.id) || members.find((x) => x.name.toLocaleLowerCase() === m.name.toLocaleLowerCase());
    if (match) {
      idMap[m.id] = match.id;
    } else {
      members = [...members, { ...m }]; // no member has this id: the find above would have matched
      idMap[m.id] = m.id;
      membersAdded += 1;
    }
  }
  const assignments = { ...current.assignments };
  let assignmentsChanged = 0;
  for (const [taskId, a] of Object.entries(incoming.assignments)) {
    const mapped = { ...a };
    if (mapped.owner) mapped.owner = idMap[mapped.owner] || mapped.owner;
    if (mapped.backup) mapped.backup = idMap[mapped.backup] || mapped.backup;
    const merged = { ...(assignments[taskId] || {}), ...mapped };
    if (JSON.stringify(merged) !== JSON.stringify(assignments[taskId] || {})) assignmentsChanged += 1;
    assignments[taskId] = merged;
  }
  const known = new Set(current.customTasks.map((t) => t.id));
  const extra = incoming.customTasks.filter((t) => !known.has(t.id));
  const plan = {
    ...current, members, assignments, customTasks: [...current.customTasks, ...extra],
    knownTasks: [...new Set([...(current.knownTasks || []), ...(incoming.knownTasks || [])])],
  };
  return { plan, summary: { membersAdded, assignmentsChanged, tasksAdded: extra.length } };
}

/**
 * What replacing `current` by `incoming` would change, for the import preview.
 * @param {object} current
 * @param {object} incoming
 * @returns {{membersBefore: number, membersAfter: number, assignmentsBefore: number, assignmentsAfter: number, assignmentsChanged: number}}
 */
export function diffPlans(current, incoming) {
  const ids = new Set([...Object.keys(current.assignments), ...Object.keys(incoming.assignments)]);
  let assignmentsChanged = 0;
  for (const id of ids) {
    if (JSON.stringify(current.assignments[id] || {}) !== JSON.stringify(incoming.assignments[id] || {})) assignmentsChanged += 1;
  }
  return {
    membersBefore: current.members.length, membersAfter: incoming.members.length,
    assignmentsBefore: Object.keys(current.assignments).length,
    assignmentsAfter: Object.keys(incoming.assignments).length, assignmentsChanged,
  };
}

/**
 * Fill `{name}` placeholders in a label.
 * @param {string} label
 * @param {Object<string, (string|number)>} values
 * @returns {string}
 */
export function format(label, values = {}) {
  return String(label).replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}
