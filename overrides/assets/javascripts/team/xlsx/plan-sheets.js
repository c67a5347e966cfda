// A team plan as the task overview spreadsheet, and back. The layout (sheets, columns, headers in
// both languages, drop-down lists) is the downloadable XLSX's, from handbook/downloads/
// spreadsheet.py, published beside the page (data.spreadsheet, see handbook/team_data.py): an
// exported plan opens like the download, and a download filled in by hand imports like an
// export. Import finds columns by their header in either language and names every problem by
// sheet, row and column.

import { newId } from "../documents.js";
import { allTasks, format, hoursPercent, scaledHours, taskHours } from "../state.js";
import { columnName, columnRange, readXlsx, sheetRef, writeXlsx, XlsxError } from "./xlsx.js";

const TEAM_MODE = 0; // index of "team" in the format's modes

// ---- Export ------------------------------------------------------------------------------------

/**
 * A plan as an XLSX file in the page's language.
 * @param {object} context
 * @param {object} context.plan
 * @param {object} context.data the page's data island
 * @param {object} context.model see planModel
 * @param {string} context.pageUrl the page's address (task links are made absolute from it)
 * @param {string} context.date today, as the page's language writes it
 * @returns {Promise<Uint8Array>}
 */
export async function planToXlsx({ plan, data, model, pageUrl, date }) {
  const lang = data.language;
  const layout = data.spreadsheet;
  const { sheets, words } = layout;
  const team = model.modes[TEAM_MODE];
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const groupTitle = new Map(data.groups.map((g) => [g.id, g.title]));
  const tasks = ordered(allTasks(plan, data.tasks, data.hoursRule), data.groups);
  const columns = sheets.tasks.columns;
  const col = Object.fromEntries(columns.map((c, i) => [c.key, i]));

  const taskRows = tasks.map((task) => {
    const a = model.assignmentOf(plan, task.id);
    const inTeam = a.mode === team;
    const values = {
      group: groupTitle.get(task.group) || task.group, id: task.id, task: task.title, summary: task.summary || "",
      roles: (task.roles || []).map((id) => words.roles[id]?.[lang] || id).join(", "),
      level: task.level || "", frequency: task.own ? "" : task.frequency || "", hours: taskHours(plan, task),
      owner: inTeam ? names.get(a.owner) || "" : "", backup: inTeam ? names.get(a.backup) || "" : "",
      mode: words.modes[a.mode][lang], partner: a.partner, status: words.statuses[a.status][lang], notes: a.notes,
      url: task.own ? "" : { text: new URL(task.url, pageUrl).href, link: new URL(task.url, pageUrl).href },
    };
    return columns.map((c) => values[c.key] ?? "");
  });

  // The Team sheet's totals: a formula (rows added later count) and the value it gives now
  const tasksName = sheets.tasks.name[lang];
  const letter = (key) => columnName(col[key]);
  const excluded = model.modes.slice(1).map((mode) => words.modes[mode][lang]);
  const formula = (row, role) => {
    const range = (key) => `${sheetRef(tasksName)}!$${letter(key)}:$${letter(key)}`;
    return `IF(A${row}="","",SUMIFS(${range("hours")},${range(role)},A${row},${excluded.map((word) => `${range("mode")},"<>${word}"`).join(",")}))`;
  };
  const total = (name, role) => taskRows.reduce((sum, row) => sum
    + (row[col[role]] === name && !excluded.includes(row[col.mode]) ? row[col.hours] : 0), 0);
  const teamColumns = sheets.team.columns;
  const teamRows = [];
  for (let n = 0; n < layout.teamRows; n++) {
    const member = plan.members[n];
    const row = n + 2;
    const values = member ? {
      name: member.name, roles: member.roles.map((id) => words.roles[id]?.[lang] || id).join(", "), hours: member.hours,
    } : {};
    teamRows.push(teamColumns.map((c) => (c.sum
      ? { formula: formula(row, c.sum), value: member ? total(member.name, c.sum) : "" }
      : values[c.key] ?? "")));
  }
  const teamHeader = teamColumns.map((c) => c.header[lang]);
  teamHeader.push("", sheets.team.help[lang]);

  // The read-me: the plan's details where the download has empty boxes for them
  const readme = [[layout.texts["downloads.title.xlsx"][lang]], []];
  const details = { name: plan.name, pupils: plan.school?.pupils ?? "", sites: plan.school?.sites ?? "" };
  for (const field of sheets.readme.fields) readme.push([field.label[lang], details[field.key]]);
  readme.push([sheets.readme.help[lang]], [], [format(layout.texts["downloads.xlsx.exported"][lang], { date })]);

  const membersSource = `${sheetRef(sheets.team.name[lang])}!$A$2:$A$${layout.teamRows + 1}`;
  const listOf = (kind) => columns.map((c, i) => (c.list === kind ? columnRange(i) : null)).filter(Boolean).join(" ");
  return writeXlsx({
    title: plan.name,
    creator: layout.texts["downloads.publisher"][lang],
    language: lang === "nl" ? "nl-BE" : "en",
    sheets: [
      { name: tasksName, header: true, filter: true, landscape: true, columns,
        rows: [columns.map((c) => c.header[lang]), ...taskRows],
        lists: [
          { range: listOf("members"), source: membersSource,
            prompt: { title: sheets.team.name[lang], text: layout.texts["downloads.xlsx.pick_help"][lang] } },
          { range: listOf("modes"), list: model.modes.map((mode) => words.modes[mode][lang]) },
          { range: listOf("statuses"), list: model.statuses.map((status) => words.statuses[status][lang]) },
        ] },
      { name: sheets.team.name[lang], header: true, landscape: true,
        columns: [...teamColumns, { width: 4 }, { width: 50, wrap: true }], rows: [teamHeader, ...teamRows] },
      { name: sheets.readme.name[lang], columns: [{ width: 28 }, { width: 90, wrap: true }], rows: readme },
    ],
  });
}

/** The handbook's tasks by group, each group's own tasks after them; own tasks in a group the
 *  handbook no longer has come last. */
function ordered(tasks, groups) {
  const known = new Set(groups.map((g) => g.id));
  return [...groups.flatMap((g) => tasks.filter((t) => t.group === g.id)), ...tasks.filter((t) => !known.has(t.group))];
}

// ---- Import ------------------------------------------------------------------------------------

/**
 * @typedef {object} SheetProblem
 * @property {string} sheet the sheet's name, as in the file
 * @property {number} [row] one-based
 * @property {string} [column] letters
 * @property {string} [header] the column's header
 * @property {string} message what is wrong and how to fix it
 */

/**
 * A plan from a spreadsheet in the layout of the download (filled in by hand) or of an export.
 * @param {Uint8Array} bytes
 * @param {object} context
 * @param {object} context.data the page's data island
 * @param {object} context.fmt see planFormat
 * @param {object} context.model see planModel
 * @param {Object<string,string>} context.L labels
 * @param {string} context.fallbackName the plan's name when the file gives none
 * @returns {Promise<{ok: true, plan: object} | {ok: false, problems: SheetProblem[]}>}
 */
export async function xlsxToPlan(bytes, { data, fmt, model, L, fallbackName }) {
  let book;
  try {
    book = await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) return { ok: false, problems: [{ sheet: "", message: L.xlsx_not_xlsx }] };
    throw error;
  }
  const layout = data.spreadsheet;
  const lang = data.language;
  const { words } = layout;
  const problems = [];
  const find = (key) => book.find((sheet) => matches(sheet.name, layout.sheets[key].name));
  const tasksSheet = find("tasks");
  const teamSheet = find("team");
  for (const [key, sheet] of [["tasks", tasksSheet], ["team", teamSheet]]) {
    if (!sheet) problems.push({ sheet: layout.sheets[key].name[lang], message: format(L.xlsx_missing_sheet, { sheet: layout.sheets[key].name[lang] }) });
  }
  if (problems.length) return { ok: false, problems };

  const team = readColumns(teamSheet, layout.sheets.team.columns, ["name"], problems, L, lang);
  const tasks = readColumns(tasksSheet, layout.sheets.tasks.columns, ["id", "owner"], problems, L, lang);
  if (problems.length) return { ok: false, problems };

  const say = (sheet, columns, row, key, message) => problems.push({
    sheet: sheet.name, row, column: columnName(columns[key]), header: sheet.header(key), message,
  });
  const lookup = (table) => new Map(Object.entries(table).flatMap(([id, names]) =>
    [[normal(id), id], ...Object.values(names).map((name) => [normal(name), id])]));
  const roleIds = lookup(words.roles);
  const groupIds = lookup(words.groups);
  const modeIds = lookup(words.modes);
  const statusIds = lookup(words.statuses);
  // In the order the page shows them (the island's own key order is not kept)
  const order = { statuses: model.statuses, modes: model.modes, groups: data.groups.map((g) => g.id) };
  const choices = (kind) => order[kind].map((id) => words[kind][id]?.[lang] || id).join(", ");

  // -- The read-me's details: name and school size --------------------------------------------
  const details = {};
  const readme = find("readme");
  if (readme) {
    for (const [row, cells] of readme.rows) {
      const field = layout.sheets.readme.fields.find((f) => matches(cells.get(0), f.label));
      if (!field || !cells.has(1)) continue;
      const value = cells.get(1);
      if (field.key === "name") details.name = fmt.cleanName(String(value));
      else {
        const count = fmt.parseCount(String(value), fmt.limits[field.key]);
        if (count === null) problems.push({ sheet: readme.name, row, column: "B", header: String(cells.get(0)), message: format(L.xlsx_bad_count, { value }) });
        else details[field.key] = count;
      }
    }
  }
  const school = {};
  if (details.pupils) school.pupils = details.pupils;
  if (details.sites) school.sites = details.sites;

  // -- Members from the Team sheet ----------------------------------------------------------------
  const members = [];
  const byName = new Map();
  for (const [row, cells] of team.rows) {
    const name = fmt.cleanName(String(cells.get(team.columns.name) ?? ""));
    if (!name) continue;
    const key = normal(name);
    if (byName.has(key)) {
      say(team, team.columns, row, "name", format(L.xlsx_duplicate_member, { value: name, row: byName.get(key).row }));
      continue;
    }
    const hours = readHours(cells.get(team.columns.hours), fmt);
    if (hours === undefined) say(team, team.columns, row, "hours", format(L.xlsx_bad_hours, { value: cells.get(team.columns.hours), max: fmt.limits.hours }));
    const roles = [];
    for (const part of String(cells.get(team.columns.roles) ?? "").split(/[,;\n]/).map((p) => p.trim()).filter(Boolean)) {
      const id = roleIds.get(normal(part)) || (data.formerRoles || {})[part];
      if (id) roles.push(id);
      else say(team, team.columns, row, "roles", format(L.xlsx_unknown_role, { value: part }));
    }
    const member = { id: newId("m", members.map((m) => m.id)), name, hours: hours ?? 0, roles: [...new Set(roles)] };
    members.push(member);
    byName.set(key, { member, row });
  }
  if (members.length > fmt.limits.members) problems.push({ sheet: team.name, message: format(L.members_full, { max: fmt.limits.members }) });

  // -- Decisions from the Tasks sheet -------------------------------------------------------------
  const handbookIds = new Set(data.tasks.map((t) => t.id));
  const percent = hoursPercent(data.hoursRule, school);
  const indicative = new Map(data.tasks.map((t) => [t.id, scaledHours(t.hours, percent)]));
  const seen = new Map();
  const customTasks = [];
  let plan = { id: newId("p"), name: details.name || fallbackName, members, assignments: {}, customTasks, knownTasks: [...handbookIds] };
  const cell = (cells, key) => (key in tasks.columns ? cells.get(tasks.columns[key]) : undefined);
  const text = (cells, key) => String(cell(cells, key) ?? "").trim();
  for (const [row, cells] of tasks.rows) {
    const given = ["id", "task", "owner", "backup", "mode", "partner", "status", "notes", "hours"].some((key) => text(cells, key));
    if (!given) continue;
    const problem = (key, message) => say(tasks, tasks.columns, row, key, message);
    // Which task: a handbook task (or one it was merged into), or one of the school's own
    let id = text(cells, "id");
    let own = null;
    if (id && !handbookIds.has(id) && data.formerly?.[id]) id = data.formerly[id];
    if (!id || (!handbookIds.has(id) && /^own-[a-z0-9-]+$/.test(id))) {
      const title = fmt.cleanName(text(cells, "task"));
      const groupText = text(cells, "group");
      const group = groupIds.get(normal(groupText));
      if (!title) {
        problem(id ? "id" : "task", L.xlsx_no_title);
        continue;
      }
      if (!groupText) {
        problem("group", format(L.xlsx_no_group, { choices: choices("groups") }));
        continue;
      }
      if (!group) {
        problem("group", format(L.xlsx_unknown_group, { value: groupText, choices: choices("groups") }));
        continue;
      }
      id = id || newId("own", [...handbookIds, ...customTasks.map((t) => t.id)]);
      own = { id, group, title };
    } else if (!handbookIds.has(id)) {
      problem("id", format(L.xlsx_unknown_task, { value: id }));
      continue;
    }
    if (seen.has(id)) {
      problem("id", format(L.xlsx_duplicate_task, { value: id, row: seen.get(id) }));
      continue;
    }
    seen.set(id, row);

    const member = (key) => {
      const name = text(cells, key);
      if (!name) return "";
      const found = byName.get(normal(name));
      if (!found) problem(key, format(L.xlsx_unknown_member, { value: name, sheet: team.name }));
      return found ? found.member.id : null;
    };
    const owner = member("owner");
    const backup = member("backup");
    const partner = fmt.cleanName(text(cells, "partner"));
    const modeText = text(cells, "mode");
    let mode = modeText ? modeIds.get(normal(modeText)) : partner ? model.partnerMode : model.modes[TEAM_MODE];
    if (!mode) {
      problem("mode", format(L.xlsx_bad_mode, { value: modeText, choices: choices("modes") }));
      mode = null;
    }
    const statusText = text(cells, "status");
    const status = statusText ? statusIds.get(normal(statusText)) : model.statuses[0];
    if (!status) problem("status", format(L.xlsx_bad_status, { value: statusText, choices: choices("statuses") }));
    const hoursValue = cell(cells, "hours");
    const hours = readHours(hoursValue, fmt);
    if (hours === undefined) problem("hours", format(L.xlsx_bad_hours, { value: hoursValue, max: fmt.limits.hours }));
    if (owner && backup && owner === backup) problem("backup", format(L.xlsx_backup_is_owner, { value: text(cells, "backup") }));
    if (mode && mode !== model.modes[TEAM_MODE] && (owner || backup)) {
      problem(owner ? "owner" : "backup", format(L.xlsx_owner_not_team, { mode: modeText || words.modes[mode][lang] }));
    }
    if (mode && mode !== model.partnerMode && partner) {
      problem("partner", format(L.xlsx_partner_not_outsourced, { outsourced: words.modes[model.partnerMode][lang] }));
    }
    if (owner === null || backup === null || !mode || !status || hours === undefined) continue;

    if (own) customTasks.push({ ...own, hours: hours ?? 0 });
    const assignment = { mode, owner, backup, partner, status, notes: String(cell(cells, "notes") ?? "") };
    // A handbook task's hours are its own only where they differ from the indicative hours: the
    // school's (scaled to its size) or the handbook's (a download filled in before the size was)
    const base = data.tasks.find((t) => t.id === id)?.hours;
    if (!own && hours !== null && hours !== indicative.get(id) && hours !== base) assignment.hours = hours;
    plan = model.setAssignment(plan, id, assignment);
  }
  if (customTasks.length > fmt.limits.customTasks) problems.push({ sheet: tasks.name, message: format(L.own_tasks_full, { max: fmt.limits.customTasks }) });
  if (problems.length) return { ok: false, problems };
  if (Object.keys(school).length) plan = { ...plan, school };
  const checked = fmt.read(fmt.makeDocument([plan], plan.id));
  if (!checked.ok) return { ok: false, problems: [{ sheet: "", message: `${L.problem_invalid} ${checked.path}` }] };
  return { ok: true, plan };
}

/** A sheet's header row read against the layout's columns (either language); required
 *  columns that are missing are problems. */
function readColumns(sheet, layoutColumns, required, problems, L, lang) {
  const header = sheet.rows.get(1) || new Map();
  const columns = {};
  const headers = {};
  for (const column of layoutColumns) {
    for (const [index, value] of header) {
      if (matches(value, column.header)) {
        columns[column.key] = index;
        headers[column.key] = String(value);
        break;
      }
    }
  }
  for (const key of required) {
    if (!(key in columns)) {
      const column = layoutColumns.find((c) => c.key === key);
      problems.push({ sheet: sheet.name, row: 1, message: format(L.xlsx_missing_column, { header: column.header[lang], sheet: sheet.name }) });
    }
  }
  const rows = new Map([...sheet.rows].filter(([row]) => row > 1));
  return { name: sheet.name, columns, rows, header: (key) => headers[key] || "" };
}

/**
 * Hours from a cell: null when empty, undefined when not a whole number of hours in range.
 * A decimal comma ("12,5") is read as Dutch spreadsheets write it, and rounded.
 */
function readHours(value, fmt) {
  if (value === undefined || value === null || String(value).trim() === "") return null;
  const text = typeof value === "number" ? String(value) : String(value).trim().replace(",", ".");
  const number = Number(text);
  if (!Number.isFinite(number) || number < 0 || number > fmt.limits.hours) return undefined;
  return fmt.parseHours(text);
}

function normal(value) {
  return String(value ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

function matches(value, names) {
  const text = normal(value);
  return Boolean(text) && Object.values(names).some((name) => normal(name) === text);
}
