// Moving through the task table with the keyboard, as in a spreadsheet: up and down go to the
// same box in the row above or below (skipping rows the filters hide), left and right to the
// box before or after. In a list, typing letters still picks a name (type-ahead) and Alt+Down
// opens it; a text box keeps left and right for its own caret until the caret is at its edge.
// Only in the table layout: the cards keep the browser's own keys. The choice between the
// two layouts is made here too.

import { usable } from "./render.js";

const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireTableNavigation(ctx) {
  const list = ctx.$("team-task-list");

  // The choice between cards and table
  for (const radio of document.querySelectorAll('input[name="team-view"]')) {
    radio.addEventListener("change", () => {
      if (radio.checked) ctx.view.setLayout(radio.value);
    });
  }

  // Registered before the task rows' own keys (assignments.js), which skip a handled key
  list.addEventListener("keydown", (event) => {
    if (ctx.view.layout() !== "table" || !(event.key in MOVES) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const cell = event.target;
    const row = cell.closest?.(".team-task");
    if (!row || !isCell(cell)) return;
    const [down, across] = MOVES[event.key];
    if (across && !atEdge(cell, across)) return;
    const target = across ? neighbour(row, cell, across) : below(row, cell, down);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: "nearest" });
  }, true);

  function isCell(node) {
    return node.matches("select, input, a, button");
  }

  /** Whether the caret of a text box is at its start (-1) or end (1); other boxes always are. */
  function atEdge(cell, direction) {
    if (cell.tagName !== "INPUT" || cell.type !== "text") return true;
    const end = direction < 0 ? 0 : cell.value.length;
    return cell.selectionStart === cell.selectionEnd && cell.selectionStart === end;
  }

  function cells(row) {
    return [...row.querySelectorAll(".team-task__head input, .team-task__head a, .team-task__fields select, .team-task__fields input")].filter(usable);
  }

  function neighbour(row, cell, direction) {
    const all = cells(row);
    return all[all.indexOf(cell) + direction] || null;
  }

  /** The same box in the next shown row (or the nearest box there, if that one is not used). */
  function below(row, cell, direction) {
    const rows = [...list.querySelectorAll(".team-task")].filter((r) => !r.hidden && !r.closest("[hidden]"));
    const next = rows[rows.indexOf(row) + direction];
    if (!next) return null;
    const key = cellKey(cell);
    const target = cells(next).find((c) => cellKey(c) === key);
    if (target) return target;
    const column = cells(row).indexOf(cell);
    const there = cells(next);
    return there[Math.min(column, there.length - 1)] || null;
  }

  function cellKey(cell) {
    return cell.dataset.field || cell.tagName;
  }
}
