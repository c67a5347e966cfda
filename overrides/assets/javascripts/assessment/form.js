// The rating form: this browser's own answers. The form itself is the page's HTML (radio
// groups with legends, rendered at build time); this module fills it in from the saved
// document, saves every choice at once, and says how far the person is.

import { myResponse, setName, setRating } from "./responses.js";
import { ratedCount } from "./results.js";

/**
 * @param {object} ctx the page (see app.js)
 * @returns {{render: () => void}} render: put the saved answers into the form
 */
export function wireForm(ctx) {
  const { L, $, fmt, text } = ctx;
  const form = $("assessment-form");
  const name = $("assessment-name");
  const titles = new Map(ctx.data.characteristics.map((c) => [c.id, c.title]));
  const levels = new Map(ctx.data.levels.map((l) => [l.value, l.label]));

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "radio") return;
    const id = input.closest("[data-characteristic]").dataset.characteristic;
    const level = input.value === "" ? null : Number(input.value);
    ctx.change((doc) => setRating(doc, ctx.me(), id, { level }));
    progress();
    ctx.say(level === null ? text.format(L.rated_none, { title: titles.get(id) })
      : text.format(L.rated, { title: titles.get(id), level, label: levels.get(level) }));
  });

  // Notes are saved when the person leaves the field (and while typing, after a pause), so a
  // long note is not saved letter by letter
  let timer = 0;
  const saveNote = (textarea) => {
    clearTimeout(timer);
    const id = textarea.closest("[data-characteristic]").dataset.characteristic;
    const note = fmt.cleanText(textarea.value, "note");
    const current = myResponse(ctx.current())?.ratings[id]?.note ?? "";
    if (note !== current) ctx.change((doc) => setRating(doc, ctx.me(), id, { note }));
  };
  form.addEventListener("input", (event) => {
    if (event.target.tagName !== "TEXTAREA") return;
    clearTimeout(timer);
    timer = setTimeout(() => saveNote(event.target), 600);
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.tagName === "TEXTAREA") saveNote(event.target);
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  name.addEventListener("change", () => {
    const cleaned = fmt.cleanText(name.value, "name");
    ctx.change((doc) => setName(doc, ctx.me(), cleaned));
  });

  function progress() {
    const mine = myResponse(ctx.current());
    const rated = mine ? ratedCount(mine, ctx.ids) : 0;
    $("assessment-progress").textContent = text.format(L.progress, { rated, total: ctx.ids.length });
  }

  return {
    render() {
      const mine = myResponse(ctx.current());
      const ratings = mine?.ratings ?? {};
      for (const fieldset of form.querySelectorAll("[data-characteristic]")) {
        const rating = ratings[fieldset.dataset.characteristic] ?? {};
        const value = Number.isInteger(rating.level) ? String(rating.level) : "";
        for (const radio of fieldset.querySelectorAll('input[type="radio"]')) radio.checked = radio.value === value;
        const note = fieldset.querySelector("textarea");
        // Never overwrite what the person is typing
        if (document.activeElement !== note) note.value = rating.note ?? "";
      }
      if (document.activeElement !== name) name.value = mine?.name ?? "";
      progress();
    },
  };
}
