// The chart of the result: per characteristic a bar to its average level, a line from the
// lowest to the highest rating (the spread), and, when comparing, a mark at the earlier
// average. Labels are HTML, so long titles wrap on a phone; each bar is a small SVG drawn in
// percentages, so it scales without distorting. The chart as a whole is an image with a text
// alternative that names every average and spread; the table after it gives the same numbers.

import { el } from "../team/dom.js";
import { createRows, placeRows } from "./keyed.js";
import { roundMean } from "./results.js";

const SVG = "http://www.w3.org/2000/svg";

/**
 * @param {object} options
 * @param {Map<string, string>} options.titles characteristic id → title
 * @param {Array<{value: number, label: string}>} options.levels
 * @param {object} options.L labels
 * @param {object} options.text see text.js
 * @returns {{node: HTMLElement, update: Function}} node: the chart (a figure); update(summaries,
 *   before): draw it for summaries in handbook order, with the earlier averages when comparing
 *   (a Map of characteristic id → rounded average, or null)
 */
export function createChart({ titles, levels, L, text }) {
  const top = levels.at(-1).value;
  const at = (level) => `${(level / top) * 100}%`;
  const first = levels[0];
  const last = levels.at(-1);
  const caption = el("figcaption");
  const axis = el("div", { class: "assessment-chart__axis" },
    el("span", { class: "assessment-chart__label" }),
    el("span", { class: "assessment-chart__scale" }, ...levels.map((l) => el("span", { style: `left: ${at(l.value)}` }, String(l.value)))),
    el("span", { class: "assessment-chart__value" }));
  const plot = el("div", { class: "assessment-chart__plot", role: "img" }, axis);
  const rows = createRows();

  function row(s, index, earlier) {
    return el("div", { class: `assessment-chart__row${s.disagree ? " is-disagree" : ""}${s.attention ? " is-attention" : ""}` },
      el("span", { class: "assessment-chart__label" }, `${index + 1}. ${titles.get(s.id)}`),
      bar(s, levels, at, earlier),
      el("span", { class: "assessment-chart__value" }, text.mean(roundMean(s.mean)),
        s.disagree ? el("span", { class: "assessment-chart__flag" }, " !") : null));
  }

  return {
    node: el("figure", { class: "assessment-chart" }, caption, plot),
    update(summaries, before) {
      caption.textContent = text.format(L.chart_caption, { first: `${first.value} (${first.label})`, last: `${last.value} (${last.label})` })
        + (before ? ` ${L.chart_caption_before}` : "");
      const items = summaries.map((s) => (s.count
        ? text.format(L.chart_item, { title: titles.get(s.id), mean: text.mean(roundMean(s.mean)), min: s.min, max: s.max })
        : text.format(L.chart_item_none, { title: titles.get(s.id) })));
      plot.setAttribute("aria-label", text.format(L.chart_alt, { items: items.join("; ") }));
      placeRows(plot, summaries.map((s, index) => {
        const earlier = before?.get(s.id) ?? null;
        const key = JSON.stringify([index, s.count, s.mean, s.min, s.max, s.disagree, s.attention, earlier]);
        return rows(s.id, key, () => row(s, index, earlier));
      }), 1);
    },
  };
}

function bar(summary, levels, at, earlier) {
  const svg = shape("svg", { class: "assessment-chart__bar", width: "100%", height: "24", "aria-hidden": "true", focusable: "false" });
  for (const level of levels) svg.append(shape("line", { class: "grid", x1: at(level.value), x2: at(level.value), y1: "0", y2: "24" }));
  if (summary.count) {
    svg.append(shape("rect", { class: "mean", x: "0", y: "6", width: at(summary.mean), height: "12" }));
    if (summary.max > summary.min) {
      svg.append(shape("line", { class: "spread", x1: at(summary.min), x2: at(summary.max), y1: "12", y2: "12" }));
      for (const end of [summary.min, summary.max]) svg.append(shape("line", { class: "spread", x1: at(end), x2: at(end), y1: "7", y2: "17" }));
    }
  }
  if (earlier !== null) svg.append(shape("line", { class: "before", x1: at(earlier), x2: at(earlier), y1: "1", y2: "23" }));
  return svg;
}

function shape(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}
