// The team's answers in this browser: who answered, how far, and when; removing someone's
// answers (with undo, which puts back only those answers and keeps everything done since).

import { el } from "../team/dom.js";
import { createRows, placeRows } from "./keyed.js";
import { removeResponse, restoreResponse } from "./responses.js";
import { ratedCount } from "./results.js";

/**
 * @param {object} ctx the page (see app.js)
 * @returns {{render: () => void}}
 */
export function wireTeam(ctx) {
  const { L, $, text } = ctx;
  const list = $("assessment-respondents");

  ctx.action("remove-response", (button) => {
    const id = button.dataset.response;
    const doc = ctx.current();
    const name = text.names(doc.responses, doc.mine).get(id);
    const result = removeResponse(doc, id);
    if (!result) return;
    const position = [...list.children].findIndex((li) => li.dataset.response === id);
    ctx.change((current) => removeResponse(current, id)?.doc ?? null, { form: true });
    ctx.undo.push({
      label: text.format(L.respondent_removed, { name }),
      focus: `[data-response="${CSS.escape(id)}"] [data-action="remove-response"]`,
      revert: (current) => {
        const back = restoreResponse(current, result.removal);
        return back ? { doc: back, note: text.format(L.respondent_back, { name }) } : null;
      },
    });
    ctx.say(text.format(L.respondent_removed, { name }));
    // Focus stays in the list: on the next person's button, or on the undo button
    const buttons = list.querySelectorAll('[data-action="remove-response"]');
    (buttons[Math.min(position, buttons.length - 1)] ?? $("assessment-undo").querySelector("button")).focus();
  });

  const rows = createRows();
  return {
    render() {
      const doc = ctx.current();
      const names = text.names(doc.responses, doc.mine);
      $("assessment-respondents-empty").hidden = doc.responses.length > 0;
      placeRows(list, doc.responses.map((response) => {
        const name = names.get(response.id);
        const detail = text.format(L.respondent_line, {
          rated: ratedCount(response, ctx.ids), total: ctx.ids.length, date: text.date(response.updated) });
        return rows(response.id, JSON.stringify([name, detail]), () => el("li", { "data-response": response.id },
          el("span", { class: "assessment-respondent__name" }, name),
          el("span", { class: "assessment-respondent__detail" }, detail),
          el("button", { type: "button", class: "md-button assessment-small", "data-action": "remove-response",
            "data-response": response.id, "aria-label": text.format(L.respondent_remove_named, { name }) }, L.respondent_remove)));
      }));
    },
  };
}
