// One plan as CSV text that Excel opens directly. Pure: node --test checks it.

import { taskHours } from "./state.js";

/**
 * One plan as CSV: UTF-8 BOM, semicolons for Dutch (Excel in Belgium expects them), commas
 * otherwise, every field quoted when needed. Cells that a spreadsheet would read as a formula
 * get a leading apostrophe. Statuses and modes are written in the page's own words.
 * @param {object} plan
 * @param {Array<object>} tasks all tasks (handbook and own)
 * @param {Array<{id: string, title: string}>} groups
 * @param {Object<string, string>} labels the page's labels
 * @param {string} language
 * @param {(plan: object, taskId: string) => object} assignmentOf see planModel
 * @returns {string}
 */
export function planToCsv(plan, tasks, groups, labels, language, assignmentOf) {
  const sep = language === "nl" ? ";" : ",";
  const names = Object.fromEntries(plan.members.map((m) => [m.id, m.name]));
  const groupTitles = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  const header = ["csv_id", "csv_group", "csv_task", "csv_owner", "csv_backup", "csv_mode", "csv_partner",
    "csv_status", "csv_hours", "csv_notes"].map((key) => labels[key]);
  const rows = [header];
  for (const task of tasks) {
    const a = assignmentOf(plan, task.id);
    rows.push([task.id, groupTitles[task.group] || task.group, task.title, names[a.owner] || "",
      names[a.backup] || "", labels[`mode_${a.mode}`], a.partner, labels[`status_${a.status}`],
      String(taskHours(plan, task)), a.notes]);
  }
  return "\uFEFF" + rows.map((row) => row.map((cell) => csvCell(cell, sep)).join(sep)).join("\r\n") + "\r\n";
}

function csvCell(value, sep) {
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
