// The result on screen and on paper: who it is the result of, the chart, the same numbers in a
// table, the characteristics from weakest to strongest with their advice (and where the team
// disagrees, who scored what), and each person's ratings. When a saved result is chosen for
// comparison, every part shows what moved.

import { el } from "../team/dom.js";
import { linkToTasks } from "../team/task-link.js";
import { renderChart } from "./chart.js";
import { ATTENTION_BELOW, DISAGREEMENT_GAP, compare, roundMean, summarise, weakestFirst } from "./results.js";

/**
 * @param {object} ctx the page (see app.js)
 * @returns {{render: () => void, compareWith: (snapshotId: string) => void}}
 */
export function createResult(ctx) {
  const { L, $, text, data } = ctx;
  const body = $("assessment-result-body");
  const titles = new Map(data.characteristics.map((c) => [c.id, c.title]));
  const byId = new Map(data.characteristics.map((c) => [c.id, c]));
  let comparing = ""; // id of the saved result to compare with, or ""

  body.addEventListener("change", (event) => {
    if (event.target.id !== "assessment-compare") return;
    comparing = event.target.value;
    render();
    ctx.say(comparing ? $("assessment-compare-summary").textContent : L.compare_off);
  });

  function render() {
    const doc = ctx.current();
    const responses = doc.responses;
    const names = text.names(responses, doc.mine);
    if (comparing && !doc.history.some((s) => s.id === comparing)) comparing = "";
    const snapshot = doc.history.find((s) => s.id === comparing) ?? null;
    const summaries = summarise(responses, ctx.ids);
    const moves = snapshot ? compare(summaries, summarise(snapshot.responses, ctx.ids)) : null;
    const before = moves ? new Map(moves.map((m) => [m.id, m.before])) : null;
    const rated = summaries.some((s) => s.count);

    const parts = [
      el("p", { class: "assessment-print-only" }, text.format(L.report_printed, { date: text.date(new Date().toISOString()) })),
      el("p", { id: "assessment-result-summary" }, who(responses, names)),
    ];
    if (doc.history.length) parts.push(compareChoice(doc.history, moves, snapshot));
    if (!rated) {
      parts.push(el("p", { class: "assessment-status" }, L.result_empty));
    } else {
      parts.push(renderChart(summaries, { titles, levels: data.levels, before, L, text }));
      parts.push(numbers(summaries, moves, snapshot));
      parts.push(priorities(summaries, moves, names, responses.length));
      if (responses.length > 1) parts.push(perPerson(summaries, responses, names));
    }
    body.replaceChildren(...parts);
  }

  function who(responses, names) {
    if (!responses.length) return L.result_nobody;
    const list = [...names.values()].join(", ");
    return text.format(responses.length === 1 ? L.result_of_one : L.result_of, { count: responses.length, names: list });
  }

  function compareChoice(history, moves, snapshot) {
    const select = el("select", { id: "assessment-compare" },
      el("option", { value: "" }, L.compare_none),
      ...history.map((s) => el("option", { value: s.id }, snapshotName(s))));
    select.value = snapshot ? snapshot.id : "";
    const parts = [el("label", { class: "assessment-field", for: "assessment-compare" }, L.compare_label), select];
    if (moves) {
      const count = (direction) => moves.filter((m) => m.direction === direction).length;
      parts.push(el("p", { id: "assessment-compare-summary", class: "assessment-status" }, text.format(L.comparing, {
        date: snapshotName(snapshot), up: count("up"), down: count("down"), same: count("same") })));
    }
    return el("div", { class: "assessment-compare" }, ...parts);
  }

  function snapshotName(snapshot) {
    const date = text.date(snapshot.date);
    return snapshot.label ? `${date} (${snapshot.label})` : date;
  }

  /** The same numbers as the chart, and what each means for the team. */
  function numbers(summaries, moves, snapshot) {
    const head = [L.column_characteristic, L.column_mean, L.column_spread, L.column_count];
    if (moves) head.push(text.format(L.column_before, { date: text.date(snapshot.date) }), L.column_change);
    head.push(L.column_remark);
    const rows = summaries.map((s, index) => {
      const move = moves?.[index];
      const cells = [
        el("th", { scope: "row" }, `${index + 1}. ${titles.get(s.id)}`),
        el("td", {}, text.mean(roundMean(s.mean))),
        el("td", {}, s.count ? (s.min === s.max ? String(s.min) : `${s.min}–${s.max}`) : L.no_rating),
        el("td", {}, String(s.count)),
      ];
      if (move) cells.push(el("td", {}, text.mean(move.before)), el("td", { class: `is-${move.direction}` }, moveText(move)));
      cells.push(el("td", {}, remark(s)));
      return el("tr", { class: s.disagree ? "is-disagree" : "" }, ...cells);
    });
    return el("div", { class: "assessment-table", role: "region", "aria-labelledby": "assessment-numbers-caption", tabindex: "0" },
      el("table", { class: "assessment-numbers" },
        el("caption", { id: "assessment-numbers-caption" }, L.numbers_caption),
        el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows)));
  }

  function moveText(move) {
    if (move.direction === "unrated") return L.no_rating;
    return `${text.change(move.change)} (${L[`direction_${move.direction}`]})`;
  }

  function remark(s) {
    const parts = [];
    if (s.attention) parts.push(L.attention_badge);
    if (s.disagree) parts.push(L.disagree_badge);
    return parts.join(", ");
  }

  /** Weakest first, each with its advice; disagreements say who scored what. */
  function priorities(summaries, moves, names, respondents) {
    const move = new Map((moves ?? []).map((m) => [m.id, m]));
    const items = weakestFirst(summaries).map((s) => {
      const c = byId.get(s.id);
      const badges = [];
      if (s.attention) badges.push(el("span", { class: "assessment-badge assessment-badge--attention" }, L.attention_badge));
      if (s.disagree) badges.push(el("span", { class: "assessment-badge assessment-badge--disagree" }, L.disagree_badge));
      const m = move.get(s.id);
      const line = s.count
        ? text.format(L.priority_line, { mean: text.mean(roundMean(s.mean)), count: s.count })
        : L.priority_unrated;
      const parts = [
        el("h4", {}, c.title),
        el("p", { class: "assessment-priority__line" }, line, m && m.direction !== "unrated"
          ? ` ${text.format(L.priority_before, { before: text.mean(m.before), change: text.change(m.change) })}` : "", " ", ...badges),
      ];
      if (s.disagree) {
        parts.push(el("p", { class: "assessment-priority__disagree" }, text.format(L.disagree_text, { title: c.title, min: s.min, max: s.max })));
      }
      if (respondents > 1 && s.count) {
        parts.push(el("p", { class: "assessment-priority__who" }, `${L.who_scored} `,
          s.ratings.map((r) => `${names.get(r.response)}: ${r.level}`).join(" · ")));
      }
      const advice = adviceBlock(c);
      parts.push(s.attention ? advice : el("details", {}, el("summary", {}, L.advice_more), advice));
      if (s.notes.length) {
        parts.push(el("details", { class: "assessment-notes" }, el("summary", {}, text.format(L.notes_title, { count: s.notes.length })),
          el("ul", {}, ...s.notes.map((n) => el("li", {}, el("strong", {}, `${names.get(n.response)}: `), n.note)))));
      }
      return el("li", { class: `assessment-priority${s.attention ? " is-attention" : ""}${s.disagree ? " is-disagree" : ""}`, "data-characteristic": s.id }, ...parts);
    });
    return el("section", { class: "assessment-priorities", "aria-labelledby": "assessment-priorities-title" },
      el("h3", { id: "assessment-priorities-title" }, L.where_title),
      el("p", {}, text.format(L.attention_rule, { level: ATTENTION_BELOW }), " ", text.format(L.disagree_rule, { gap: DISAGREEMENT_GAP })),
      el("ol", {}, ...items));
  }

  function adviceBlock(c) {
    return el("div", { class: "assessment-advice" },
      el("p", {}, c.advice),
      el("p", {}, `${L.advice_steps} `, ...joined(c.steps.map((s) => el("a", { href: s.url }, `${s.number}. ${s.title}`)))),
      el("p", {}, `${L.advice_tasks} `, ...joined(c.tasks.map((t) => el("a", { href: t.url }, t.title)))),
      el("p", { class: "assessment-advice__team" }, el("a", { href: linkToTasks(data.teamUrl, c.tasks.map((t) => t.id)) },
        text.format(L.advice_show_tasks, { count: c.tasks.length }))));
  }

  /** Every person's rating of every characteristic, names as the page shows them. */
  function perPerson(summaries, responses, names) {
    const head = el("tr", {}, el("th", { scope: "col" }, L.column_characteristic),
      ...responses.map((r) => el("th", { scope: "col" }, names.get(r.id))));
    const rows = summaries.map((s, index) => el("tr", {},
      el("th", { scope: "row" }, `${index + 1}. ${titles.get(s.id)}`),
      ...responses.map((r) => el("td", {}, String(r.ratings[s.id]?.level ?? L.no_rating)))));
    return el("details", { class: "assessment-people" },
      el("summary", {}, text.format(L.people_title, { count: responses.length })),
      el("div", { class: "assessment-table", role: "region", "aria-labelledby": "assessment-people-caption", tabindex: "0" },
        el("table", { class: "assessment-people-table" }, el("caption", { id: "assessment-people-caption" }, L.people_caption), el("thead", {}, head), el("tbody", {}, ...rows))));
  }

  return Object.freeze({
    render,
    /** Compare the result with a saved one (or with none: ""), and show it. */
    compareWith(snapshotId) {
      comparing = snapshotId;
      render();
    },
  });
}

/** Nodes with "; " between them. */
function joined(nodes) {
  return nodes.flatMap((node, index) => (index ? ["; ", node] : [node]));
}
