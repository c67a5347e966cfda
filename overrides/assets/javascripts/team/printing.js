// Printing the plan: the whole team (the overview a school leader reads), or one member's tasks
// ("my tasks"). The browser's own print command prints the whole team too; its print dialog
// also saves the paper as a PDF.

import { renderMemberPaper, renderTeamPaper } from "./paper.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wirePrinting(ctx) {
  const { $, L, data, model } = ctx;

  function print(memberId) {
    const plan = ctx.plan();
    const tasks = ctx.view.tasks();
    const context = {
      plan, tasks, groups: data.groups, model, L, memberId,
      analysis: model.analyse(plan, tasks, data.groups),
      date: new Date().toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" }),
      scale: plan.school?.pupils ? ctx.view.scaleText() : "",
    };
    if (memberId) renderMemberPaper($("team-print"), context);
    else renderTeamPaper($("team-print"), context);
  }

  ctx.action("print-team", () => printNow(null));
  ctx.action("print-member", (button) => printNow(button.closest("[data-member]").dataset.member));

  function printNow(memberId) {
    print(memberId);
    document.body.classList.add("team-printing");
    window.print();
  }

  window.addEventListener("beforeprint", () => {
    if (!document.body.classList.contains("team-printing")) print(null);
  });
  window.addEventListener("afterprint", () => document.body.classList.remove("team-printing"));
}
