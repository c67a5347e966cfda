// Printing the plan: the whole team, or one member's tasks ("my tasks"). The browser's own
// print command prints the whole team too.

import { renderPrint } from "./render.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wirePrinting(ctx) {
  const { $, L, data, model } = ctx;
  const print = (memberId) => renderPrint($("team-print"), ctx.plan(), ctx.view.tasks(), data.groups, L, memberId, model);

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
