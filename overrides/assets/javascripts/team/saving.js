// What a page says about saving in the browser: the status line, and alerts when storage is
// blocked or full, when a change would make the saved data unreadable, when saved data cannot
// be read or is from a newer page, and when another tab changed it. The planner and the
// self-assessment both use it, each with its own labels (same names) and element ids.

import { el } from "./dom.js";
import { download } from "./files.js";

/**
 * @param {object} ctx the page: L, alerts, $, say, action, session
 * @param {{statusId: string, buttonsClass: string, fileStem: string, redraw: () => void}} page
 *   the status line's id, an alert's button row class, the start of a downloaded copy's name,
 *   and what draws everything again after another tab changed the data
 * @returns {{events: object, started: (loaded: object) => void}} events for the session;
 *   started: called once the page is on screen, with what was found in storage
 */
export function wireSaving(ctx, { statusId, buttonsClass, fileStem, redraw }) {
  const { L, alerts, $ } = ctx;
  const line = (text) => { $(statusId).textContent = text; };
  let held = { kind: "", raw: "" };

  const events = {
    status(kind, detail) {
      if (kind === "saved") {
        alerts.remove("full");
        alerts.remove("limits");
        line(L.save_ok);
      } else if (kind === "memory") {
        if (!alerts.has("blocked")) alerts.show("blocked", "warning", L.storage_blocked);
        line(L.save_memory);
      } else if (kind === "full") {
        alerts.show("full", "warning", L.storage_full);
        line(L.save_memory);
      } else if (kind === "limits") {
        alerts.show("limits", "warning", L.too_large);
        line(L.save_memory);
      } else if (kind === "paused") {
        line(L.save_paused);
      } else if (kind === "held") {
        held = detail;
        showHeld(detail.kind);
      } else if (kind === "released") {
        alerts.remove("corrupt");
        alerts.remove("newer");
        line(L.save_ok);
      }
    },
    outside(kind) {
      if (kind === "cleared") {
        ctx.say(L.other_tab_cleared);
        return;
      }
      redraw();
      ctx.say(kind === "rebased" ? L.other_tab_rebased : L.other_tab);
    },
  };

  function showHeld(kind) {
    if (kind === "newer") {
      // Readable, by a newer page: never offer to start over, only to reload (or keep a copy)
      alerts.show("newer", "warning", L.newer_text, el("div", { class: buttonsClass },
        button("held-reload", L.newer_reload, true), button("held-download", L.corrupt_download)));
    } else {
      alerts.show("corrupt", "failure", L.corrupt_text, el("div", { class: buttonsClass },
        button("held-download", L.corrupt_download), button("corrupt-fresh", L.corrupt_fresh)));
    }
    line(L.save_paused);
  }

  // The saved text exactly as it is, to keep or to open with a newer version of the page
  ctx.action("held-download", () => download(held.kind === "newer" ? `${fileStem}-newer-version.json` : `${fileStem}-unreadable.txt`,
    held.raw, held.kind === "newer" ? "application/json" : "text/plain"));
  ctx.action("held-reload", () => window.location.reload());
  ctx.action("corrupt-fresh", () => {
    if (!window.confirm(L.corrupt_confirm)) return;
    alerts.remove("corrupt");
    ctx.session.overwriteHeld();
    ctx.say(L.corrupt_started);
  });

  return {
    events,
    started(loaded) {
      if ((loaded.status === "ok" || loaded.status === "empty") && !alerts.has("limits")) line(L.save_ok);
    },
  };
}

function button(action, label, primary = false) {
  return el("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", "data-action": action }, label);
}
