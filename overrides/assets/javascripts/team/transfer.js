// Plans in and out of the browser: export one plan (a spreadsheet for a school leader, or JSON)
// or every plan (a backup), and import a file (JSON, or a spreadsheet in the layout of the
// download) after a preview that lists every plan in it, so the user chooses what to take and
// how (replace, merge, add). Nothing changes before they choose. The spreadsheet modules load
// only when a spreadsheet is exported or imported.

import { el } from "./dom.js";
import { download, fileStem, isoDate, isZip, readBytes } from "./files.js";
import { diffPlans, format, label, planSummary } from "./state.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireTransfer(ctx) {
  const { L, fmt, model, data, $ } = ctx;
  const box = $("team-import-preview");
  const fileInput = $("team-import-file");
  let pending = null; // {fileName, plans}

  const json = (doc) => JSON.stringify(doc, null, 2);

  ctx.action("export-json", () => {
    const plan = ctx.plan();
    download(`${fileStem(plan.name)}.team-plan.json`, json(fmt.makeDocument([plan], plan.id, 0)), "application/json");
    ctx.say(L.exported);
  });
  ctx.action("export-all", () => {
    const doc = ctx.session.current();
    download(`team-plans-${isoDate()}.json`, json(fmt.makeDocument(doc.plans, doc.current, 0)), "application/json");
    ctx.say(label(L, "exported_all", { count: doc.plans.length }));
  });
  ctx.action("export-xlsx", async () => {
    const plan = ctx.plan();
    const [{ planToXlsx }, spreadsheet] = await Promise.all([import("./xlsx/plan-sheets.js"), ctx.extra("spreadsheet")]);
    const bytes = await planToXlsx({ plan, data: { ...data, spreadsheet }, model, pageUrl: window.location.href, date: today() });
    download(`${fileStem(plan.name)}.xlsx`, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    ctx.say(L.exported);
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    fileInput.value = "";
    let bytes;
    try {
      bytes = await readBytes(file);
    } catch {
      return failed(file.name, `${format(L.import_failed, { file: file.name })} ${L.problem_json}`);
    }
    if (isZip(bytes)) return importSpreadsheet(file.name, bytes);
    let result;
    try {
      result = ctx.read(new TextDecoder().decode(bytes));
    } catch {
      result = { ok: false, problem: "json" };
    }
    if (!result.ok) {
      const detail = result.path ? ` (${result.path})` : "";
      return failed(file.name, `${format(L.import_failed, { file: file.name })} ${L[`problem_${result.problem}`]}${detail}`);
    }
    offer(file.name, result.doc.plans);
  });

  /** A spreadsheet: read into a plan, or refused with every problem by sheet, row and column. */
  async function importSpreadsheet(fileName, bytes) {
    const fallbackName = fmt.cleanName(fileName.replace(/\.xlsx$/i, "")) || L.plan_default_name;
    let result;
    try {
      const [{ xlsxToPlan }, spreadsheet] = await Promise.all([import("./xlsx/plan-sheets.js"), ctx.extra("spreadsheet")]);
      result = await xlsxToPlan(bytes, { data: { ...data, spreadsheet }, fmt, model, L, fallbackName });
    } catch (error) {
      if (error?.said) return; // the page said already what could not be loaded
      console.warn("The spreadsheet could not be read:", error);
      result = { ok: false, problems: [{ sheet: "", message: L.xlsx_not_xlsx }] };
    }
    if (result.ok) {
      offer(fileName, [ctx.fit(result.plan)]);
      return;
    }
    const shown = result.problems.slice(0, 20);
    const list = el("ul", {}, ...shown.map((p) => el("li", {}, where(p) ? `${where(p)}: ${p.message}` : p.message)));
    if (result.problems.length > shown.length) list.append(el("li", {}, label(L, "xlsx_more", { count: result.problems.length - shown.length })));
    failed(fileName, label(L, "xlsx_failed", { file: fileName, count: result.problems.length }), list);
  }

  function where(problem) {
    if (!problem.sheet) return "";
    if (problem.column) return format(L.xlsx_where, problem);
    return problem.row ? format(L.xlsx_where_row, problem) : format(L.xlsx_where_sheet, problem);
  }

  function failed(fileName, text, ...extra) {
    close();
    ctx.alerts.show("import", "failure", text, ...extra);
    ctx.say(`${text} ${extra.map((node) => node.textContent).join(" ")}`.slice(0, 500));
    ctx.say(L.import_nothing_changed);
  }

  function offer(fileName, plans) {
    ctx.alerts.remove("import");
    pending = { fileName, plans };
    preview();
  }

  function today() {
    return new Date().toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
  }

  /** The preview: what the file holds, a choice of its plans, and what each action would do. */
  function preview() {
    const { fileName, plans } = pending;
    const current = ctx.plan();
    const describe = (plan) => {
      const summary = planSummary(plan);
      return format(L.import_plan_line, { name: plan.name, members: summary.members, decisions: summary.decisions });
    };
    const choices = plans.length > 1
      ? el("fieldset", { class: "team-import-plans" }, el("legend", {}, format(L.import_preview_plans, { count: plans.length })),
        ...plans.map((plan, index) => el("label", { class: "team-check" },
          el("input", { type: "checkbox", value: String(index), checked: true, "aria-describedby": "team-import-effect" }), ` ${describe(plan)}`)))
      : el("p", {}, format(L.import_preview_plan, { name: describe(plans[0]), current: current.name }));
    const button = (action, label, primary) => el("button", {
      type: "button", class: primary ? "md-button md-button--primary" : "md-button", "data-action": action,
    }, label);
    box.replaceChildren(
      el("h3", {}, format(L.import_preview_title, { file: fileName })),
      choices,
      el("div", { id: "team-import-effect", class: "team-import-effect", "aria-live": "polite" }),
      el("div", { class: "team-buttons" },
        button("import-replace", format(L.import_replace, { current: current.name }), true),
        button("import-merge", format(L.import_merge, { current: current.name })),
        button("import-add", L.import_add),
        button("import-cancel", L.import_cancel)));
    box.addEventListener("change", update);
    update();
    box.hidden = false;
    box.focus();
    ctx.say(format(L.import_preview_title, { file: fileName }));
  }

  function chosen() {
    if (pending.plans.length === 1) return pending.plans;
    return [...box.querySelectorAll(".team-import-plans input:checked")].map((input) => pending.plans[Number(input.value)]);
  }

  /** Say what each action would do with the plans chosen now, and allow only what makes sense. */
  function update() {
    const picked = chosen();
    const one = picked.length === 1;
    box.querySelector('[data-action="import-replace"]').disabled = !one;
    box.querySelector('[data-action="import-merge"]').disabled = !one;
    const add = box.querySelector('[data-action="import-add"]');
    add.disabled = picked.length === 0;
    add.textContent = picked.length > 1 ? format(L.import_add_many, { count: picked.length }) : L.import_add;
    const effect = box.querySelector("#team-import-effect");
    if (one) {
      const diff = diffPlans(ctx.plan(), picked[0]);
      effect.replaceChildren(el("ul", {},
        el("li", {}, format(L.import_preview_members, { before: diff.membersBefore, after: diff.membersAfter })),
        el("li", {}, format(L.import_preview_assignments, { changed: diff.assignmentsChanged }))));
    } else {
      effect.replaceChildren(el("p", {}, picked.length ? format(L.import_choose_one, { count: picked.length }) : L.import_choose_none));
    }
  }

  ctx.action("import-replace", () => finish((plans) => {
    const [incoming] = plans;
    ctx.changePlan((p) => ({ ...structuredClone(incoming), id: p.id }));
    return format(L.import_done_replace, { name: incoming.name });
  }));
  ctx.action("import-merge", () => finish((plans) => {
    const [incoming] = plans;
    const { summary } = model.mergePlans(ctx.plan(), incoming);
    ctx.changePlan((p) => model.mergePlans(p, incoming).plan);
    return format(L.import_done_merge, { members: summary.membersAdded, changed: summary.assignmentsChanged, tasks: summary.tasksAdded });
  }));
  ctx.action("import-add", () => finish((plans) => {
    if (!ctx.addPlans(plans)) return null;
    return plans.length === 1 ? format(L.plan_created, { name: plans[0].name }) : format(L.import_done_add, { count: plans.length });
  }));
  ctx.action("import-cancel", () => {
    close();
    ctx.say(L.import_cancelled);
    fileInput.focus();
  });

  /** Apply the chosen action; the preview closes once it is done (or says why it cannot be). */
  function finish(apply) {
    if (!pending) return;
    const plans = chosen();
    if (!plans.length) return;
    const said = apply(plans);
    if (said === null) {
      const text = format(L.plans_full, { max: fmt.limits.plans });
      box.querySelector("#team-import-effect").replaceChildren(el("p", { class: "team-field-error" }, text));
      ctx.say(text);
      return;
    }
    close();
    ctx.say(said);
    fileInput.focus();
  }

  function close() {
    pending = null;
    box.removeEventListener("change", update);
    box.hidden = true;
    box.replaceChildren();
  }
}
