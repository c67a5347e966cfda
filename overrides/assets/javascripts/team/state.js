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
    const backupHours = { ...hours };
    const memberIds = new Set(plan.members.map((m) => m.id));
    const unowned = [];
    const noBackup = [];
    const notApplicable = [];
    const partners = new Map();
    const coverage = Object.fromEntries(groups.map((g) => [g.id, { total: 0, covered: 0 }]));
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      const cell = coverage[task.group];
      if (cell) cell.total += 1;
      if (a.mode !== TEAM) {
        if (cell) cell.covered += 1;
        if (a.mode === OUTSOURCED) {
          // What goes outside, per partner (written with any capitals): never a member's load
          const name = a.partner.trim();
          const key = name.toLocaleLowerCase();
          const entry = partners.get(key) || { partner: name, taskIds: [], hours: 0 };
          entry.taskIds.push(task.id);
          entry.hours += taskHours(plan, task);
          partners.set(key, entry);
        } else notApplicable.push(task.id);
        continue;
      }
      if (!memberIds.has(a.owner)) {
        unowned.push(task.id);
        continue;
      }
      if (cell) cell.covered += 1;
      hours[a.owner] += taskHours(plan, task);
      if (memberIds.has(a.backup)) backupHours[a.backup] += taskHours(plan, task);
      else noBackup.push(task.id);
    }
    const overloaded = plan.members.filter((m) => hours[m.id] > (m.hours || 0)).map((m) => m.id);
    // Named partners in alphabetical order, a partner left unnamed last
    const outside = [...partners.values()].sort((x, y) => (!x.partner) - (!y.partner) || x.partner.localeCompare(y.partner));
    return { hours, backupHours, unowned, noBackup, overloaded, coverage, outside, notApplicable };
  }

  /**
   * Owners proposed from the members' roles, for the tasks that have none: the members who
   * hold one of a task's typical roles, best first (the task's roles are listed most typical
   * first). One candidate: a clear proposal; several: the first is proposed and the user may
   * choose another. The next candidate is proposed as backup when the task has none.
   * Tasks outsourced, not applicable or with an owner are left out: nothing is overwritten.
   * @param {object} plan
   * @param {Array<object>} tasks all tasks (see allTasks); own tasks have no roles
   * @returns {{items: Array<{taskId: string, candidates: string[], owner: string, backup: string}>, unmatched: string[]}}
   *   unmatched: tasks without an owner that no member's roles fit
   */
  function proposeOwners(plan, tasks) {
    const present = new Set(plan.members.map((m) => m.id));
    const items = [];
    const unmatched = [];
    for (const task of tasks) {
      const a = assignmentOf(plan, task.id);
      if (a.mode !== TEAM || present.has(a.owner)) continue;
      const candidates = [];
      for (const role of task.roles || []) {
        for (const member of plan.members) {
          if (member.roles.includes(role) && !candidates.includes(member.id)) candidates.push(member.id);
        }
      }
      if (!candidates.length) {
        unmatched.push(task.id);
        continue;
      }
      const keptBackup = present.has(a.backup) ? a.backup : "";
      // The task's backup stays its backup; the owner is the best candidate other than them
      const owner = candidates.find((id) => id !== keptBackup) || candidates[0];
      const backup = keptBackup && keptBackup !== owner ? keptBackup : candidates.find((id) => id !== owner) || "";
      items.push({ taskId: task.id, candidates, owner, backup });
    }
    return { items, unmatched };
  }

  /**
   * Several tasks changed at once (a bulk change, an accepted proposal), with what each change
   * took, so that it can be taken back on its own (see revertChanges).
   * @param {object} plan
   * @param {Array<{taskId: string, patch: object}>} patches see setAssignment
   * @returns {{plan: object, changes: Array<{taskId: string, before: (object|undefined), after: (object|undefined)}>}}
   *   only the tasks whose decision really changed
   */
  function applyPatches(plan, patches) {
    let next = plan;
    const changes = [];
    for (const { taskId, patch } of patches) {
      const before = next.assignments[taskId];
      next = setAssignment(next, taskId, patch);
      const after = next.assignments[taskId];
      if (!sameDecision(before, after)) changes.push({ taskId, before, after });
    }
    return { plan: next, changes };
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
    proposeOwners, applyPatches,
  });
}

// ---- Several changes at once ------------------------------------------------------------------

/**
 * Whether two stored decisions are the same (the order of their fields does not count).
 * @param {object|undefined} a
 * @param {object|undefined} b
 * @returns {boolean}
 */
export function sameDecision(a, b) {
  const keys = (x) => Object.keys(x || {}).sort();
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((key, i) => key === kb[i] && a[key] === b[key]);
}

/**
 * Take back changes made by applyPatches, on the plan as it is now: a task is put back only
 * if its decision is still what the change made it; a task changed again since keeps the later
 * decision. Nothing else in the plan is touched.
 * @param {object} plan
 * @param {Array<{taskId: string, before: (object|undefined), after: (object|undefined)}>} changes
 * @returns {{plan: object, restored: number, skipped: string[]}}
 */
export function revertChanges(plan, changes) {
  const assignments = { ...plan.assignments };
  const skipped = [];
  let restored = 0;
  for (const { taskId, before, after } of changes) {
    if (!sameDecision(assignments[taskId], after)) {
      skipped.push(taskId);
      continue;
    }
    if (before) assignments[taskId] = before;
    else delete assignments[taskId];
    restored += 1;
  }
  return { plan: restored ? { ...plan, assignments } : plan, restored, skipped };
}

// ---- Hours for the school's size --------------------------------------------------------------

/**
 * The share of the handbook's indicative hours a school of this size needs, in per cent: the
 * rule of handbook/team_format.py (HOURS_RULE), whose numbers the page's data carries.
 * @param {{referencePupils: number, fixedPercent: number, sitePercent: number, roundTo: number, minPercent: number, maxPercent: number}} rule
 * @param {{pupils?: number, sites?: number}|undefined} school
 * @returns {number} 100 when the plan has no number of pupils
 */
export function hoursPercent(rule, school) {
  if (!school || !school.pupils) return 100;
  const exact = rule.fixedPercent + (100 - rule.fixedPercent) * school.pupils / rule.referencePupils
    + rule.sitePercent * (Math.max(school.sites || 1, 1) - 1);
  const rounded = Math.floor(exact / rule.roundTo + 0.5) * rule.roundTo;
  return Math.max(rule.minPercent, Math.min(rule.maxPercent, rounded));
}

/**
 * A task's indicative hours at `percent`, rounded half up (as handbook/team_format.py does).
 * @param {number} hours
 * @param {number} percent
 * @returns {number}
 */
export function scaledHours(hours, percent) {
  return Math.floor((hours * percent + 50) / 100);
}

/**
 * The plan with the school's size set (or taken away, when neither number is given).
 * @param {object} plan
 * @param {{pupils?: ?number, sites?: ?number}} school
 * @returns {object}
 */
export function setSchool(plan, school) {
  const clean = {};
  if (school.pupils) clean.pupils = school.pupils;
  if (school.sites) clean.sites = school.sites;
  const next = { ...plan };
  if (Object.keys(clean).length) next.school = clean;
  else delete next.school;
  return next;
}

/**
 * The partners this plan outsources to, each once, in alphabetical order: offered again when
 * another task is outsourced.
 * @param {object} plan
 * @param {string[]} [extra] names offered anyway (the starter teams' partners)
 * @returns {string[]}
 */
export function partnersOf(plan, extra = []) {
  const names = new Map();
  for (const name of [...Object.values(plan.assignments).map((a) => a.partner || ""), ...extra]) {
    const clean = name.trim();
    if (clean && !names.has(clean.toLocaleLowerCase())) names.set(clean.toLocaleLowerCase(), clean);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
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
 * A plan started from a starter team (see handbook/team_data.py, starter_team): its placeholder
 * members (each with the id "m-<key>"), its school size, and for every task of the handbook an
 * owner and a backup, or the partner it is outsourced to.
 * @param {object} starter one of the page's starter teams
 * @param {{id: string, name: string, taskIds: string[]}} plan the new plan's id, name and the
 *   handbook's tasks now
 * @returns {object}
 */
export function planFromStarter(starter, { id, name, taskIds }) {
  const memberId = (key) => `m-${key}`;
  const known = new Set(taskIds);
  const assignments = {};
  for (const [taskId, a] of Object.entries(starter.assignments)) {
    if (!known.has(taskId)) continue;
    if (a.mode === "outsourced") assignments[taskId] = { mode: "outsourced", partner: a.partner };
    else assignments[taskId] = a.backup ? { owner: memberId(a.owner), backup: memberId(a.backup) } : { owner: memberId(a.owner) };
  }
  return {
    ...createPlan(id, name, taskIds),
    members: starter.members.map((m) => ({ id: memberId(m.key), name: m.name, hours: m.hours, roles: [...m.roles] })),
    assignments,
    school: { ...starter.school },
  };
}

/**
 * Whether a plan holds nothing yet: no members, no decisions, no own tasks.
 * @param {object} plan
 * @returns {boolean}
 */
export function isEmptyPlan(plan) {
  return !plan.members.length && !Object.keys(plan.assignments).length && !plan.customTasks.length;
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
 * Every task the plan works with: the handbook's, then the school's own, as one list. A
 * handbook task's `hours` are its indicative hours for the plan's school (see hoursPercent),
 * `baseHours` the handbook's own figure; the school's own tasks keep the hours it gave them.
 * @param {object} plan
 * @param {Array<object>} handbookTasks tasks from the page's data
 * @param {object} [rule] the hours rule (see hoursPercent); without it, the handbook's hours
 * @returns {Array<object>} tasks with `own: true` on the school's own
 */
export function allTasks(plan, handbookTasks, rule = null) {
  const percent = rule ? hoursPercent(rule, plan.school) : 100;
  const handbook = handbookTasks.map((t) => ({ ...t, baseHours: t.hours, hours: scaledHours(t.hours, percent) }));
  return [...handbook, ...plan.customTasks.map((t) => ({ ...t, own: true, summary: "", roles: [], baseHours: t.hours }))];
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
 * The plan with its members' roles renamed where the handbook merged or renamed a role: each
 * old id becomes the id that took it over (chains followed), once per member. A role id the
 * handbook does not know and did not rename is kept as it is.
 * @param {object} plan
 * @param {Object<string, string>} formerRoles {old id: new id}
 * @returns {object} the same plan when nothing was renamed
 */
export function remapRoles(plan, formerRoles) {
  const current = (id) => {
    let next = id;
    for (let step = 0; step <= Object.keys(formerRoles).length && next in formerRoles; step++) next = formerRoles[next];
    return next;
  };
  let changed = false;
  const members = plan.members.map((member) => {
    if (!member.roles.some((id) => id in formerRoles)) return member;
    changed = true;
    return { ...member, roles: [...new Set(member.roles.map(current))] };
  });
  return changed ? { ...plan, members } : plan;
}

/**
 * The plan fitted to the handbook it is opened with: decisions about merged tasks moved (see
 * remapTasks), members' merged or renamed roles renamed (see remapRoles), and any own task whose id the handbook now uses for a task of its own given
 * another id (its decisions go with it). Every tab with the same handbook gets the same plan.
 * @param {object} plan
 * @param {{ids: Set<string>, formerly: Object<string, string>, formerRoles?: Object<string, string>}} handbook
 * @returns {object}
 */
export function fitToHandbook(plan, handbook) {
  let next = remapRoles(remapTasks(plan, handbook.formerly, handbook.ids), handbook.formerRoles || {});
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
 * A label with its placeholders filled, in the singular when `values.count` is 1 and the
 * label has a singular form (`<key>.one`): "1 task", never "1 tasks".
 * @param {Object<string, string>} L the page's labels
 * @param {string} key
 * @param {Object<string, (string|number)>} [values]
 * @returns {string}
 */
export function label(L, key, values = {}) {
  const one = `${key}.one`;
  return format(values.count === 1 && one in L ? L[one] : L[key], values);
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
