// Saved results: the team's answers kept with a date, to compare a later result with
// ("what moved since the start of the school year"). Saving copies the answers as they are;
// removing one can be undone.

import { clearFieldError, el, showFieldError } from "../team/dom.js";
import { isoDate } from "../team/files.js";
import { newId } from "../team/documents.js";
import { removeSnapshot, restoreSnapshot, saveSnapshot } from "./responses.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @param {object} ctx the page (see app.js)
 * @returns {{render: () => void}}
 */
export function wireHistory(ctx) {
  const { L, $, fmt, text } = ctx;
  const form = $("assessment-snapshot-form");
  const list = $("assessment-snapshots");
  form.elements.date.value = isoDate();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const date = form.elements.date.value;
    clearFieldError(form.elements.date);
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) {
      showFieldError(form.elements.date, L.date_invalid);
      form.elements.date.focus();
      return;
    }
    const doc = ctx.current();
    if (!doc.responses.some((r) => Object.values(r.ratings).some((rating) => Number.isInteger(rating.level)))) {
      ctx.say(L.snapshot_nothing);
      showFieldError(form.elements.date, L.snapshot_nothing);
      return;
    }
    if (doc.history.length >= fmt.limits.history) {
      const message = text.format(L.history_full, { max: fmt.limits.history });
      showFieldError(form.elements.date, message);
      ctx.say(message);
      return;
    }
    const snapshot = { id: newId("s", doc.history.map((s) => s.id)), date, label: fmt.cleanText(form.elements.label.value, "name") };
    ctx.change((current) => saveSnapshot(current, snapshot));
    form.elements.label.value = "";
    ctx.say(text.format(L.snapshot_saved, { date: text.date(date), count: doc.responses.length }));
  });

  ctx.action("compare-snapshot", (button) => {
    ctx.result.compareWith(button.dataset.snapshot);
    ctx.say($("assessment-compare-summary")?.textContent ?? "");
    $("assessment-result-title").focus();
  });

  ctx.action("remove-snapshot", (button) => {
    const id = button.dataset.snapshot;
    const result = removeSnapshot(ctx.current(), id);
    if (!result) return;
    const date = text.date(result.removal.snapshot.date);
    ctx.change((current) => removeSnapshot(current, id)?.doc ?? null);
    ctx.undo.push({
      label: text.format(L.snapshot_removed, { date }),
      focus: `[data-snapshot="${CSS.escape(id)}"][data-action="remove-snapshot"]`,
      revert: (current) => {
        const back = restoreSnapshot(current, result.removal);
        return back ? { doc: back, note: "" } : null;
      },
    });
    ctx.say(text.format(L.snapshot_removed, { date }));
    $("assessment-undo").querySelector("button").focus();
  });

  return {
    render() {
      const doc = ctx.current();
      $("assessment-history-empty").hidden = doc.history.length > 0;
      list.replaceChildren(...[...doc.history].reverse().map((snapshot) => {
        const date = text.date(snapshot.date);
        const what = text.format(snapshot.responses.length === 1 ? L.snapshot_line_one : L.snapshot_line, { count: snapshot.responses.length });
        return el("li", { "data-snapshot-item": snapshot.id },
          el("span", { class: "assessment-respondent__name" }, snapshot.label ? `${date}: ${snapshot.label}` : date),
          el("span", { class: "assessment-respondent__detail" }, what),
          el("span", { class: "assessment-buttons" },
            el("button", { type: "button", class: "md-button assessment-small", "data-action": "compare-snapshot", "data-snapshot": snapshot.id,
              "aria-label": text.format(L.snapshot_compare_named, { date }) }, L.snapshot_compare),
            el("button", { type: "button", class: "md-button assessment-small", "data-action": "remove-snapshot", "data-snapshot": snapshot.id,
              "aria-label": text.format(L.snapshot_remove_named, { date }) }, L.snapshot_remove)));
      }));
    },
  };
}
