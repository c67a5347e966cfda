// The result on screen and on paper: who it is the result of, the chart, the same numbers in a
// table, the characteristics from weakest to strongest with their advice (and where the team
// disagrees, who scored what), and each person's ratings. When a saved result is chosen for
// comparison, every part shows what moved.
//
// The parts are built once; a change redraws only the rows whose numbers changed (keyed.js),
// so choosing a level stays fast with a whole team, and what the reader opened stays open.

import { el } from "../team/dom.js";
import { isoDate } from "../team/files.js";
import { linkToTasks } from "../team/task-link.js";
import { createChart } from "./chart.js";
import { createRows, placeRows } from "./keyed.js";
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
  const opened = new Set(); // disclosures the reader opened ("advice:<id>", "notes:<id>")
  let comparing = ""; // id of the saved result to compare with, or ""

  // ---- The parts, built once ----
  const printed = el("p", { class: "assessment-print-only" });
  const who = el("p", { id: "assessment-result-summary" });
  const choice = el("div", { class: "assessment-compare" });
  const empty = el("p", { class: "assessment-status" }, L.result_empty);
  const chart = createChart({ titles, levels: data.levels, L, text });
  const numbersHead = el("thead");
  const numbersBody = el("tbody");
  const numbers = el("div", { class: "assessment-table", role: "region", "aria-labelledby": "assessment-numbers-caption", tabindex: "0" },
    el("table", { class: "assessment-numbers" }, el("caption", { id: "assessment-numbers-caption" }, L.numbers_caption), numbersHead, numbersBody));
  const priorityList = el("ol");
  const rules = el("p", {}, text.format(L.attention_rule, { level: ATTENTION_BELOW }), " ", text.format(L.disagree_rule, { gap: DISAGREEMENT_GAP }));
  const priorities = el("section", { class: "assessment-priorities", "aria-labelledby": "assessment-priorities-title" },
    el("h3", { id: "assessment-priorities-title" }, L.where_title), rules, priorityList);
  const peopleSummary = el("summary");
  const peopleHead = el("thead");
  const peopleBody = el("tbody");
  const people = el("details", { class: "assessment-people" }, peopleSummary,
    el("div", { class: "assessment-table", role: "region", "aria-labelledby": "assessment-people-caption", tabindex: "0" },
      el("table", { class: "assessment-people-table" }, el("caption", { id: "assessment-people-caption" }, L.people_caption), peopleHead, peopleBody)));
  body.replaceChildren(printed, who, choice, empty, chart.node, numbers, priorities, people);

  const rows = { numbers: createRows(), priorities: createRows(), people: createRows(), heads: createRows() };

  body.addEventListener("change", (event) => {
    if (event.target.id !== "assessment-compare") return;
    comparing = event.target.value;
    render();
    ctx.say(comparing ? $("assessment-compare-summary").textContent : L.compare_off);
  });
  // Remember what the reader opened, so a redrawn row opens the same way
  body.addEventListener("toggle", (event) => {
    const name = event.target.dataset?.disclosure;
    if (!name) return;
    if (event.target.open) opened.add(name);
    else opened.delete(name);
  }, true);

  function render() {
    const doc = ctx.current();
    const responses = doc.responses;
    const names = text.names(responses, doc.mine);
    if (comparing && !doc.history.some((s) => s.id === comparing)) comparing = "";
    const snapshot = doc.history.find((s) => s.id === comparing) ?? null;
    const summaries = summarise(responses, ctx.ids);
    const moves = snapshot ? compare(summaries, summarise(snapshot.responses, ctx.ids)) : null;
    const rated = summaries.some((s) => s.count);

    printed.textContent = text.format(L.report_printed, { date: text.date(isoDate()) });
    who.textContent = whoAnswered(responses, names);
    renderChoice(doc.history, moves, snapshot);
    empty.hidden = rated;
    for (const part of [chart.node, numbers, priorities]) part.hidden = !rated;
    people.hidden = !rated || responses.length < 2;
    if (!rated) return;
    chart.update(summaries, moves ? new Map(moves.map((m) => [m.id, m.before])) : null);
    renderNumbers(summaries, moves, snapshot);
    renderPriorities(summaries, moves, names, responses.length);
    if (responses.length > 1) renderPeople(summaries, responses, names);
  }

  function whoAnswered(responses, names) {
    if (!responses.length) return L.result_nobody;
    const list = [...names.values()].join(", ");
    return text.format(responses.length === 1 ? L.result_of_one : L.result_of, { count: responses.length, names: list });
  }

  function renderChoice(history, moves, snapshot) {
    choice.hidden = !history.length;
    const counts = moves ? ["up", "down", "same"].map((d) => moves.filter((m) => m.direction === d).length) : null;
    const key = JSON.stringify([history.map((s) => [s.id, s.date, s.label]), snapshot?.id ?? "", counts]);
    if (choice.dataset.key === key) return;
    choice.dataset.key = key;
    const select = el("select", { id: "assessment-compare" },
      el("option", { value: "" }, L.compare_none),
      ...history.map((s) => el("option", { value: s.id }, snapshotName(s))));
    select.value = snapshot ? snapshot.id : "";
    choice.replaceChildren(el("label", { class: "assessment-field", for: "assessment-compare" }, L.compare_label), select,
      counts ? el("p", { id: "assessment-compare-summary", class: "assessment-status" }, text.format(L.comparing, {
        date: snapshotName(snapshot), up: counts[0], down: counts[1], same: counts[2] })) : "");
  }

  function snapshotName(snapshot) {
    const date = text.date(snapshot.date);
    return snapshot.label ? `${date} (${snapshot.label})` : date;
  }

  /** The same numbers as the chart, and what each means for the team. */
  function renderNumbers(summaries, moves, snapshot) {
    const headings = [L.column_characteristic, L.column_mean, L.column_spread, L.column_count];
    if (moves) headings.push(text.format(L.column_before, { date: text.date(snapshot.date) }), L.column_change);
    headings.push(L.column_remark);
    placeRows(numbersHead, [rows.heads("numbers", JSON.stringify(headings),
      () => el("tr", {}, ...headings.map((h) => el("th", { scope: "col" }, h))))]);
    placeRows(numbersBody, summaries.map((s, index) => {
      const move = moves?.[index] ?? null;
      const key = JSON.stringify([index, s.count, s.mean, s.min, s.max, s.attention, s.disagree, move]);
      return rows.numbers(s.id, key, () => {
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
    }));
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
  function renderPriorities(summaries, moves, names, respondents) {
    const move = new Map((moves ?? []).map((m) => [m.id, m]));
    placeRows(priorityList, weakestFirst(summaries).map((s) => {
      const m = move.get(s.id) ?? null;
      const scored = respondents > 1 && s.count ? s.ratings.map((r) => `${names.get(r.response)}: ${r.level}`).join(" · ") : "";
      const notes = s.notes.map((n) => [names.get(n.response), n.note]);
      const key = JSON.stringify([s.count, s.mean, s.min, s.max, s.attention, s.disagree, m, scored, notes]);
      return rows.priorities(s.id, key, () => priority(s, m, scored, notes));
    }));
  }

  function priority(s, m, scored, notes) {
    const c = byId.get(s.id);
    const badges = [];
    if (s.attention) badges.push(el("span", { class: "assessment-badge assessment-badge--attention" }, L.attention_badge));
    if (s.disagree) badges.push(el("span", { class: "assessment-badge assessment-badge--disagree" }, L.disagree_badge));
    const line = s.count ? text.format(L.priority_line, { mean: text.mean(roundMean(s.mean)), count: s.count }) : L.priority_unrated;
    const earlier = m && m.direction !== "unrated" ? ` ${text.format(L.priority_before, { before: text.mean(m.before), change: text.change(m.change) })}` : "";
    const parts = [el("h4", {}, c.title), el("p", { class: "assessment-priority__line" }, line, earlier, " ", ...badges)];
    if (s.disagree) {
      parts.push(el("p", { class: "assessment-priority__disagree" }, text.format(L.disagree_text, { title: c.title, min: s.min, max: s.max })));
    }
    if (scored) parts.push(el("p", { class: "assessment-priority__who" }, `${L.who_scored} `, scored));
    const advice = adviceBlock(c);
    parts.push(s.attention ? advice : disclosure(`advice:${s.id}`, L.advice_more, advice));
    if (notes.length) {
      parts.push(disclosure(`notes:${s.id}`, text.format(L.notes_title, { count: notes.length }),
        el("ul", {}, ...notes.map(([name, note]) => el("li", {}, el("strong", {}, `${name}: `), note)))));
    }
    return el("li", { class: `assessment-priority${s.attention ? " is-attention" : ""}${s.disagree ? " is-disagree" : ""}`,
      "data-characteristic": s.id }, ...parts);
  }

  function disclosure(name, summary, content) {
    return el("details", { class: name.startsWith("notes") ? "assessment-notes" : "", "data-disclosure": name, open: opened.has(name) },
      el("summary", {}, summary), content);
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
  function renderPeople(summaries, responses, names) {
    peopleSummary.textContent = text.format(L.people_title, { count: responses.length });
    const columns = responses.map((r) => names.get(r.id));
    placeRows(peopleHead, [rows.heads("people", JSON.stringify(columns), () => el("tr", {},
      el("th", { scope: "col" }, L.column_characteristic), ...columns.map((name) => el("th", { scope: "col" }, name))))]);
    placeRows(peopleBody, summaries.map((s, index) => {
      const levels = responses.map((r) => r.ratings[s.id]?.level ?? null);
      return rows.people(s.id, JSON.stringify([index, levels]), () => el("tr", {},
        el("th", { scope: "row" }, `${index + 1}. ${titles.get(s.id)}`),
        ...levels.map((level) => el("td", {}, level === null ? L.no_rating : String(level)))));
    }));
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
