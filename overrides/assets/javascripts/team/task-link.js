// A link to the team page that shows only some tasks: /team/?tasks=id1,id2. The
// self-assessment links here from its advice ("show these tasks on the team page"). The
// planner shows a filter chip and a message for it; removing the chip (or "Clear the filters")
// shows every task again and takes the parameter out of the address.
//
// The parameter's name and how a link is written live here only: the self-assessment builds
// its links with `linkToTasks`.

import { el } from "./dom.js";
import { format } from "./state.js";

/** The query parameter: comma-separated task ids. */
export const PARAM = "tasks";
/** A link names at most this many tasks; the rest are ignored. */
const MAX_IDS = 200;

/**
 * A link to the team page that shows only these tasks.
 * @param {string} teamUrl the team page's URL, e.g. "../team/"
 * @param {string[]} ids task ids
 * @returns {string}
 */
export function linkToTasks(teamUrl, ids) {
  return `${teamUrl}?${PARAM}=${ids.map(encodeURIComponent).join(",")}`;
}

/**
 * The tasks a page address asks for, or null when it asks for none.
 * @param {string} search the address's query string ("?tasks=a,b")
 * @param {Set<string>} known the ids of the tasks on the page
 * @param {Object<string, string>} [formerly] an old task id → the id of the task that took it over
 * @returns {{ids: string[], unknown: string[]}|null} ids: known tasks, in the order of the
 *   link, each once; unknown: ids that are no task here
 */
export function linkedTasks(search, known, formerly = {}) {
  const raw = new URLSearchParams(search).get(PARAM);
  if (raw === null) return null;
  const ids = [];
  const unknown = [];
  for (const part of raw.split(",").slice(0, MAX_IDS)) {
    const id = part.trim();
    if (!id) continue;
    const current = known.has(id) ? id : formerly[id];
    if (current && known.has(current)) {
      if (!ids.includes(current)) ids.push(current);
    } else if (!unknown.includes(id)) {
      unknown.push(id);
    }
  }
  return { ids, unknown };
}

/**
 * The address without the parameter (the rest of the query and the fragment stay).
 * @param {string} href
 * @returns {string} path, query and fragment
 */
export function withoutLinkedTasks(href) {
  const url = new URL(href);
  url.searchParams.delete(PARAM);
  return url.pathname + url.search + url.hash;
}

/**
 * Apply the link's filter when the page opens, with a chip to remove it and a message.
 * @param {object} ctx the planner (see planner.js)
 */
export function wireTaskLink(ctx) {
  const { L, $, view, alerts } = ctx;
  const requested = linkedTasks(window.location.search, new Set(view.tasks().map((t) => t.id)), ctx.data.formerly);
  if (!requested) return;
  const unknownText = requested.unknown.length ? ` ${format(L.link_filter_unknown, { count: requested.unknown.length })}` : "";
  if (!requested.ids.length) {
    alerts.show("link-filter", "info", `${L.link_filter_none}${unknownText}`);
    forget();
    return;
  }

  // The chip: what the link filters on, and a button that removes it (classes the page has)
  const chip = el("div", { id: "team-link-filter", class: "team-row" },
    el("strong", {}, format(L.link_filter_chip, { count: requested.ids.length })),
    el("button", { type: "button", class: "md-button team-small" }, L.link_filter_remove));
  $("team-filter-count").closest(".team-row").before(chip);
  alerts.show("link-filter", "info", `${format(L.link_filter_text, { count: requested.ids.length })}${unknownText}`);
  view.setFilters({ tasks: new Set(requested.ids) }, false);

  function remove() {
    chip.remove();
    alerts.remove("link-filter");
    forget();
  }
  chip.querySelector("button").addEventListener("click", () => {
    view.setFilters({ tasks: null }, false);
    remove();
    ctx.say(L.link_filter_removed);
    $("team-filter-query").focus();
  });
  // "Clear the filters" clears this one too
  $("team-filter-clear").addEventListener("click", remove);
}

/** Take the parameter out of the address, so a reload shows what is on screen. */
function forget() {
  window.history.replaceState(window.history.state, "", withoutLinkedTasks(window.location.href));
}
