// Pure functions over a team plan: no DOM, no storage, so node --test can check them.
//
// A plan is language-neutral: it refers to handbook tasks and roles by id only. Every
// function returns a new object and never changes its arguments. The format's defaults
// (a task is covered by the team and still to do) come from the schema through `fmt`.

/**
 * The plan operations for one plan format.
 * @param {{modes: string[], statuses: string[]}} fmt see planFormat; the first mode and the
 *   first status are the defaults a plan leaves out
 * @returns {Readonly<object>} the functions below
 */
export function planModel(fmt) {
  const TEAM = fmt.modes[0];
  const FIRST_STATUS = fmt.statuses[0];
  // The one mode with a partner: the format's description of "partner" says so
  const OUTSOURCED = "outsourced";

  /**
   * The assignment of one task, with defaults filled in.
   * @param {object} plan
   * @param {string} taskId
   * @returns {{mode: string, owner: string, backup: string, partner: string, status: string, hours: (number|null), notes: string}}
   */
  function assignmentOf(plan, taskId) {
    const a = plan.assignments[taskId] || {};
    return {
      mode: a.mode || TEAM, owner: a.owner || "", backup: a.backup || "", partner: a.partner || "",
      status: a.status || FIRST_STATUS, hours: typeof a.hours === "number" ? a.hours : null, notes: a.notes || "",
    };
  }

  /**
   * The plan with one task's assignment changed. Empty values and defaults are left out, so
   * a plan only stores what the team decided. A task no longer outsourced loses its partner;
   * a task not covered by the team has no owner or backup; nobody backs up their own task.
   * @param {object} plan
   * @param {string} taskId
   * @param {object} patch any of mode, owner, backup, partner, status, hours, notes
   * @returns {object}
   */
  function setAssignment(plan, taskId, patch) {
    const merged = tidy({ ...(plan.assignments[taskId] || {}), ...patch });
    if ("mode" in patch && (patch.mode || TEAM) !== OUTSOURCED) delete merged.partner;
    if ("mode" in patch && (patch.mode || TEAM) !== TEAM) {
      delete merged.owner;
      delete merged.backup;
    }
    return withAssignment(plan, taskId, merged);
  }

  function tidy(assignment) {
    const clean = {};
    for (const [key, value] of Object.entries(assignment)) {
      if (value === "" || value === null || value === undefined) continue;
      clean[key] = value;
    }
    if (clean.mode === TEAM) delete clean.mode;
    if (clean.status === FIRST_STATUS) delete clean.status;
    if (clean.owner && clean.owner === clean.backup) delete clean.backup;
    return clean;
  }

  function withAssignment(plan, taskId, assignment) {
    const assignments = { ...plan.assignments };
    if (Object.keys(assignment).length) assignments[taskId] = assignment;
    else delete assignments[taskId];
    return { ...plan, assignments };
  }

  /**
   * The plan without a member, and what their removal took (for undo): tasks they owned or
   * backed up lose that person.
   * @param {object} plan
   * @param {string} memberId
   * @returns {{plan: object, removal: {member: object, index: number, owned: string[], backedUp: string[]}}}
   */
  function removeMember(plan, memberId) {
    const index = plan.members.findIndex((m) => m.id === memberId);
    const removal = { member: plan.members[index], index, owned: [], backedUp: [] };
    let next = { ...plan, members: plan.members.filter((m) => m.id !== memberId) };
    for (const [taskId, a] of Object.entries(plan.assignments)) {
      if (a.owner !== memberId && a.backup !== memberId) continue;
      const rest = { ...a };
      if (a.owner === memberId) {
        removal.owned.push(taskId);
        delete rest.owner;
      }
      if (a.backup === memberId) {
        removal.backedUp.push(taskId);
        delete rest.backup;
      }
      next = withAssignment(next, taskId, rest);
    }
    return { plan: next, removal };
  }

  /**
   * Take back a removal on the plan as it is now: the member returns to their place, and to
   * the tasks they owned or backed up that nobody took over since. Everything else done since
   * stays as it is.
   * @param {object} plan
   * @param {{member: object, index: number, owned: string[], backedUp: string[]}} removal
   * @returns {{plan: object, skipped: string[]} | null} null when the member is back already;
   *   skipped: tasks someone else took over meanwhile
   */
  function restoreMember(plan, removal) {
    const { member } = removal;
    if (plan.members.some((m) => m.id === member.id)) return null;
    const members = [...plan.members];
    members.splice(Math.min(removal.index, members.length), 0, member);
    let next = { ...plan, members };
    const present = new Set(members.map((m) => m.id));
    const skipped = [];
    for (const taskId of removal.owned) {
      const a = assignmentOf(next, taskId);
      if (a.mode === TEAM && !present.has(a.owner)) {
        next = setAssignment(next, taskId, { owner: member.id, backup: a.backup === member.id ? "" : a.backup });
      } else skipped.push(taskId);
    }
    for (const taskId of removal.backedUp) {
      const a = assignmentOf(next, taskId);
      if (a.mode === TEAM && !present.has(a.backup) && a.owner !== member.id) next = setAssignment(next, taskId, { backup: member.id });
      else if (!skipped.includes(taskId)) skipped.push(taskId);
    }
    return { plan: next, skipped };
  }

  /**
   * Tasks of this plan the handbook no longer has (kept), and tasks new since the plan last
   * saw the handbook.
   * @param {object} plan
   * @param {string[]} handbookIds
   * @returns {{newIds: string[], orphanIds: string[]}}
   */
  function reconcile(plan, handbookIds) {
    const known = new Set(plan.knownTasks || []);
    const present = new Set([...handbookIds, ...plan.customTasks.map((t) => t.id)]);
    return {
      newIds: handbookIds.filter((id) => !known.has(id)),
      orphanIds: Object.keys(plan.assignments).filter((id) => !present.has(id)),
    };
  }

  /**
   * The overview: hours per member, tasks without owner or backup, overloaded members and
   * coverage per group. Tasks outsourced or not applicable need no owner.
   * @param {object} plan
   * @param {Array<object>} tasks all tasks (see allTasks)
   * @param {Array<{id: string}>} groups
   * @returns {{hours: Object<string, number>, unowned: string[], noBackup: string[], overloaded: string[], coverage: object}}
   */
  function analyse(plan, tasks, groups) {
    const hours = Object.fromEntries(plan.members.map((m) => [m.id, 0]));
    const memberIds = new Set(plan.members.map((m) => m.id));
    const unowned = [];
    const noBackup = [];
    const coverage = Object.fromEntries(groups.map((g) => [g.id, { total: 0, covered: 0 }]));
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      const cell = coverage[task.group];
      if (cell) cell.total += 1;
      if (a.mode !== TEAM) {
        if (cell) cell.covered += 1;
        continue;
      }
      if (!memberIds.has(a.owner)) {
        unowned.push(task.id);
        continue;
      }
      if (cell) cell.covered += 1;
      hours[a.owner] += taskHours(plan, task);
      if (!memberIds.has(a.backup)) noBackup.push(task.id);
    }
    const overloaded = plan.members.filter((m) => hours[m.id] > (m.hours || 0)).map((m) => m.id);
    return { hours, unowned, noBackup, overloaded, coverage };
  }

  /**
   * Which tasks to show for the current filters.
   * @param {object} plan
   * @param {Array<object>} tasks
   * @param {{group?: string, member?: string, status?: string, unassigned?: boolean, query?: string, tasks?: Set<string>|null}} filters
   *   tasks: only these task ids (a link to the page asked for them, see task-link.js)
   * @returns {Set<string>} ids of the tasks that match
   */
  function filterTasks(plan, tasks, filters) {
    const query = (filters.query || "").trim().toLocaleLowerCase();
    const memberIds = new Set(plan.members.map((m) => m.id));
    const shown = new Set();
    for (const task of tasks) {
      if (filters.tasks && !filters.tasks.has(task.id)) continue;
      const a = assignmentOf(plan, task.id);
      if (filters.group && task.group !== filters.group) continue;
      if (filters.member && a.owner !== filters.member && a.backup !== filters.member) continue;
      if (filters.status && a.status !== filters.status) continue;
      if (filters.unassigned && !(a.mode === TEAM && !memberIds.has(a.owner))) continue;
      if (query && !`${task.title} ${task.summary || ""} ${a.notes} ${a.partner}`.toLocaleLowerCase().includes(query)) continue;
      shown.add(task.id);
    }
    return shown;
  }

  /**
   * Merge an imported plan into the current one. Members are matched by id, then by name;
   * the imported plan's decisions win for every task it has decided something about; the
   * school's own tasks are combined. Nothing else in the current plan is lost.
   * @param {object} current
   * @param {object} incoming
   * @returns {{plan: object, summary: {membersAdded: number, assignmentsChanged: number, tasksAdded: number}}}
   */
  function mergePlans(current, incoming) {
    const idMap = {};
    let members = [...current.members];
    let membersAdded = 0;
    for (const m of incoming.members) {
      // The same member: the same id (the same plan, exported elsewhere) or the same name.
      // Ids are random, so another team's member never takes one of ours by accident.
      const match = members.find((x) => x.id === m.id) || members.find((x) => sameName(x.name, m.name));
      if (match) {
        idMap[m.id] = match.id;
      } else {
        members = [...members, { ...m }]; // no member has this id: the find above would have matched
        idMap[m.id] = m.id;
        membersAdded += 1;
      }
    }
    let plan = { ...current, members };
    let assignmentsChanged = 0;
    for (const [taskId, a] of Object.entries(incoming.assignments)) {
      const mapped = { ...a };
      if (mapped.owner) mapped.owner = idMap[mapped.owner] || mapped.owner;
      if (mapped.backup) mapped.backup = idMap[mapped.backup] || mapped.backup;
      const before = plan.assignments[taskId] || {};
      const merged = tidy({ ...before, ...mapped });
      if (JSON.stringify(merged) !== JSON.stringify(before)) assignmentsChanged += 1;
      plan = withAssignment(plan, taskId, merged);
    }
    const known = new Set(current.customTasks.map((t) => t.id));
    const extra = incoming.customTasks.filter((t) => !known.has(t.id));
    plan = {
      ...plan, customTasks: [...current.customTasks, ...extra],
      knownTasks: [...new Set([...(current.knownTasks || []), ...(incoming.knownTasks || [])])],
    };
    return { plan, summary: { membersAdded, assignmentsChanged, tasksAdded: extra.length } };
  }

  return Object.freeze({
    modes: fmt.modes, statuses: fmt.statuses, partnerMode: OUTSOURCED,
    assignmentOf, setAssignment, removeMember, restoreMember, reconcile, analyse, filterTasks, mergePlans,
  });
}

// ---- Operations that need no format facts -----------------------------------------------------

/**
 * A new, empty plan.
 * @param {string} id unique plan id
 * @param {string} name the plan's name as the user typed it
 * @param {string[]} taskIds ids of the handbook's tasks now, so later additions show as new
 * @returns {object}
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
    id = `${prefix}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
  } while (used.has(id));
  return id;
}

/**
 * Whether two names are the same to a person: spaces around and letter case do not count.
 * @param {string} a
 * @param {string} b
 * @returns {boolean}
 */
export function sameName(a, b) {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * The member (other than `exceptId`) who already has this name, if any.
 * @param {object} plan
 * @param {string} name
 * @param {string} [exceptId] the member being renamed
 * @returns {object|undefined}
 */
export function memberNamed(plan, name, exceptId = "") {
  return plan.members.find((m) => m.id !== exceptId && sameName(m.name, name));
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
 * The plan with one of its own tasks moved to another group.
 * @param {object} plan
 * @param {string} taskId
 * @param {string} group
 * @returns {object}
 */
export function moveCustomTask(plan, taskId, group) {
  return { ...plan, customTasks: plan.customTasks.map((t) => (t.id === taskId ? { ...t, group } : t)) };
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
 * The school's own tasks in a group the page does not show (the handbook dropped the group):
 * they still count, so the page lists them apart, to be moved.
 * @param {object} plan
 * @param {Iterable<string>} groupIds
 * @returns {string[]}
 */
export function homelessTasks(plan, groupIds) {
  const groups = new Set(groupIds);
  return plan.customTasks.filter((t) => !groups.has(t.group)).map((t) => t.id);
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
 * The plan's decisions about tasks the handbook merged into others, moved to the task that
 * took each one over. When both the old and the new task carry decisions that differ, both
 * are kept: the old one stays under "no longer in the handbook", next to a link to the new.
 * The same plan and map always give the same result, and a second run changes nothing.
 * @param {object} plan
 * @param {Object<string, string>} formerly {old id: new id}
 * @param {Set<string>} handbookIds tasks the handbook has now (an old id still among them is
 *   not moved)
 * @returns {object}
 */
export function remapTasks(plan, formerly, handbookIds) {
  let next = plan;
  // Follow chains (a merged into b, b later into c), at most as many steps as there are merges
  for (let round = 0; round <= Object.keys(formerly).length; round++) {
    let moved = false;
    for (const [oldId, newId] of Object.entries(formerly)) {
      const old = next.assignments[oldId];
      if (!old || handbookIds.has(oldId) || oldId === newId) continue;
      const current = next.assignments[newId];
      if (current && Object.keys(old).some((key) => key in current && current[key] !== old[key])) continue;
      const assignments = { ...next.assignments, [newId]: { ...(current || {}), ...old } };
      delete assignments[oldId];
      const known = new Set(next.knownTasks || []);
      const knownTasks = known.has(oldId) && !known.has(newId) ? [...next.knownTasks, newId] : next.knownTasks;
      next = { ...next, assignments, knownTasks };
      moved = true;
    }
    if (!moved) break;
  }
  return next;
}

/**
 * The plan fitted to the handbook it is opened with: decisions about merged tasks moved (see
 * remapTasks), and any own task whose id the handbook now uses for a task of its own given
 * another id (its decisions go with it). Every tab with the same handbook gets the same plan.
 * @param {object} plan
 * @param {{ids: Set<string>, formerly: Object<string, string>}} handbook
 * @returns {object}
 */
export function fitToHandbook(plan, handbook) {
  let next = remapTasks(plan, handbook.formerly, handbook.ids);
  for (const task of next.customTasks) {
    if (!handbook.ids.has(task.id)) continue;
    const taken = new Set([...handbook.ids, ...next.customTasks.map((t) => t.id)]);
    let n = 2;
    while (taken.has(`${task.id}-${n}`)) n += 1;
    const id = `${task.id}-${n}`;
    const assignments = { ...next.assignments };
    // The own task was in the plan before the handbook's task existed: the decisions are its
    if (!(next.knownTasks || []).includes(task.id) && assignments[task.id]) {
      assignments[id] = assignments[task.id];
      delete assignments[task.id];
    }
    next = { ...next, assignments, customTasks: next.customTasks.map((t) => (t.id === task.id ? { ...t, id } : t)) };
  }
  return next;
}

/**
 * What a plan holds, for a preview: how many members and how many tasks with a decision.
 * @param {object} plan
 * @returns {{members: number, decisions: number}}
 */
export function planSummary(plan) {
  return { members: plan.members.length, decisions: Object.keys(plan.assignments).length };
}

/**
 * What replacing `current` by `incoming` would change, for the import preview.
 * @param {object} current
 * @param {object} incoming
 * @returns {{membersBefore: number, membersAfter: number, assignmentsChanged: number}}
 */
export function diffPlans(current, incoming) {
  const ids = new Set([...Object.keys(current.assignments), ...Object.keys(incoming.assignments)]);
  let assignmentsChanged = 0;
  for (const id of ids) {
    if (JSON.stringify(current.assignments[id] || {}) !== JSON.stringify(incoming.assignments[id] || {})) assignmentsChanged += 1;
  }
  return { membersBefore: current.members.length, membersAfter: incoming.members.length, assignmentsChanged };
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
