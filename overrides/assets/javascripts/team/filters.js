// Filtering the task list: search, group, member, status, only tasks without an owner. Each
// control filters as it changes and the count is announced; a task row that stops matching
// while it has focus stays until focus leaves it (see view.applyFilters).

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireFilters(ctx) {
  const { $, view } = ctx;
  const controls = { group: $("team-filter-group"), member: $("team-filter-member"), status: $("team-filter-status"),
    unassigned: $("team-filter-unassigned") };
  for (const [key, control] of Object.entries(controls)) {
    control.addEventListener("change", () => view.setFilters({ [key]: control.type === "checkbox" ? control.checked : control.value }));
  }
  // Typing searches after a short pause; Escape in the search field (which empties it) and
  // the search field's own clear button search at once
  const query = $("team-filter-query");
  let timer = 0;
  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => view.setFilters({ query: query.value }), query.value ? 250 : 0);
  });
  $("team-filter-clear").addEventListener("click", () => {
    view.clearFilters();
    ctx.say(ctx.L.filter_cleared);
    query.focus();
  });

  // A row kept for focus goes once focus has left it
  $("team-task-list").addEventListener("focusout", (event) => {
    const row = event.target.closest(".team-task--kept");
    if (row && !row.contains(event.relatedTarget)) setTimeout(() => view.applyFilters(false), 0);
  });

  ctx.action("filter-member", (button) => {
    controls.member.value = button.dataset.member;
    view.setFilters({ member: button.dataset.member });
    $("team-tasks-title").scrollIntoView();
    controls.member.focus();
  });
}
