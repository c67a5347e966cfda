// Start-up of the team planner. The page shows a printable checklist that works without
// JavaScript; the planner replaces it only once its first render has succeeded. If anything
// goes wrong before that, the checklist stays and the page says what went wrong.
//
// Timings go to the browser's performance timeline (bench/team_page.py reads them):
// "team:first-render" from this module's start to the planner's DOM being built, and the
// mark "team:painted" once the frame that shows it has been painted.

import { startPlanner } from "./planner.js";

performance.mark("team:start");

/**
 * A link that shows only some tasks (?tasks=…, from the self-assessment) brings its own module;
 * a plain visit does not load it. If it cannot be loaded, the planner starts without the
 * filter and says so.
 */
async function linkFilter() {
  if (!window.location.search) return null;
  try {
    return (await import("./task-link.js")).wireTaskLink;
  } catch {
    return (ctx) => {
      ctx.alerts.show("load", "failure", ctx.L.load_failed);
      ctx.say(ctx.L.load_failed);
    };
  }
}

async function start() {
  const app = document.getElementById("team-app");
  try {
    const wireLink = await linkFilter();
    const data = JSON.parse(document.getElementById("team-data").textContent);
    // The site's base path, as Material for MkDocs computes it for its own storage keys
    const basePath = new URL(app.dataset.base || ".", window.location.href).pathname;
    startPlanner(app, data, basePath, wireLink);
  } catch (error) {
    failed(app, error);
    return;
  }
  document.getElementById("team-fallback").hidden = true;
  app.hidden = false;
  document.documentElement.classList.add("team-planner-on"); // print shows the plan, not the page
  performance.measure("team:first-render", "team:start");
  requestAnimationFrame(() => setTimeout(() => performance.mark("team:painted"), 0));
}

/** Keep the checklist, take away what the planner built, and say why it is missing. */
function failed(app, error) {
  app.hidden = true;
  app.querySelector("#team-task-list")?.replaceChildren();
  document.documentElement.classList.remove("team-js");
  const message = document.getElementById("team-start-failed");
  message.querySelector("[data-error]").textContent = String(error && error.message ? error.message : error);
  message.hidden = false;
  console.warn("The team planner could not start:", error);
}

start();
