// Answers in and out of the browser. Out: this person's answers (to send to the coordinator),
// everything (a backup), or everything with a team plan from the team page (a bundle). In:
// any number of files at once, picked or dropped, shown first in a preview that says what
// each file adds, which answers are already here, newer or older, and which files are refused
// and why. Nothing changes before the user chooses "Import".

import { el } from "../team/dom.js";
import { download, fileStem, isoDate, readText } from "../team/files.js";
import { readIncoming } from "./incoming.js";
import { newId } from "../team/documents.js";
import { addResponses, addSnapshots, classifyIncoming, myResponse, newSnapshots } from "./responses.js";
import { ratedCount } from "./results.js";

/**
 * @param {object} ctx the page (see app.js)
 * @returns {{render: () => void}} render: the choice of team plans for a bundle
 */
export function wireTransfer(ctx) {
  const { L, $, fmt, planFmt, bundle, text } = ctx;
  const box = $("assessment-import-preview");
  const input = $("assessment-import-file");
  const drop = $("assessment-drop");
  const planSelect = $("assessment-bundle-plan");
  const formats = { assessment: fmt, bundle, planName: planFmt.name };
  let pending = null; // what the preview offers: {responses, files, snapshots, plans, spareIds}

  const json = (doc) => JSON.stringify(doc, null, 2);
  const exportDocument = () => {
    const doc = ctx.current();
    return fmt.makeDocument({ responses: doc.responses, history: doc.history });
  };

  // ---- Out --------------------------------------------------------------------------------------

  ctx.action("export-mine", () => {
    const mine = myResponse(ctx.current());
    if (!mine || !ratedCount(mine, ctx.ids)) {
      ctx.alerts.show("export", "info", L.export_mine_empty);
      ctx.say(L.export_mine_empty);
      return;
    }
    ctx.alerts.remove("export");
    download(`self-assessment-${fileStem(mine.name, "answers")}-${isoDate()}.json`, json(fmt.makeDocument({ responses: [mine] })), "application/json");
    ctx.say(L.exported);
  });

  ctx.action("export-all", () => {
    download(`self-assessment-backup-${isoDate()}.json`, json(exportDocument()), "application/json");
    ctx.say(L.exported);
  });

  ctx.action("export-bundle", () => {
    const saved = ctx.plans.plans();
    const plan = saved.status === "ok" ? saved.plans.find((p) => p.id === planSelect.value) : null;
    if (!plan) {
      render();
      ctx.say($("assessment-bundle-note").textContent);
      return;
    }
    const file = bundle.make(planFmt.makeDocument([plan], plan.id, 0), exportDocument());
    download(`${fileStem(plan.name)}-with-self-assessment-${isoDate()}.json`, json(file), "application/json");
    ctx.say(L.exported);
  });

  /** The team page's plans to choose from for a bundle, or why there are none. */
  function render() {
    const saved = ctx.plans.plans();
    const keep = planSelect.value;
    const plans = saved.status === "ok" ? saved.plans : [];
    planSelect.replaceChildren(...plans.map((p) => el("option", { value: p.id }, p.name)));
    planSelect.value = plans.some((p) => p.id === keep) ? keep : saved.current ?? "";
    planSelect.disabled = !plans.length;
    document.querySelector('[data-action="export-bundle"]').disabled = !plans.length;
    const note = { ok: "", empty: L.bundle_no_plan, blocked: L.bundle_plans_blocked }[saved.status] ?? L.bundle_plans_unreadable;
    $("assessment-bundle-note").textContent = note;
  }

  // ---- In ---------------------------------------------------------------------------------------

  input.addEventListener("change", async () => {
    const files = [...(input.files || [])];
    input.value = "";
    if (files.length) await preview(files);
  });
  // Dropping files on the box does what picking them does
  drop.addEventListener("dragover", (event) => {
    if (![...event.dataTransfer.types].includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    drop.classList.add("is-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
  drop.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("is-over");
    const files = [...(event.dataTransfer.files || [])];
    if (files.length) await preview(files);
  });

  /** Read every file, then show what importing them would do. */
  async function preview(files) {
    close();
    ctx.alerts.remove("import");
    const read = [];
    for (const file of files) {
      let result;
      try {
        result = readIncoming(await readText(file), formats);
      } catch {
        result = { kind: "refused", problem: "json" };
      }
      read.push({ file: file.name, ...result });
    }
    const doc = ctx.current();
    const incoming = [];
    const snapshots = [];
    const plans = [];
    const there = []; // plans the team page has already
    const refused = [];
    for (const item of read) {
      if (item.kind === "refused" || item.kind === "plan") {
        refused.push(`${text.format(L.file_refused, { file: item.file })} ${reason(item)}`);
        continue;
      }
      const assessment = item.kind === "bundle" ? item.assessment : { ok: true, doc: item.doc };
      if (assessment.ok) {
        for (const response of assessment.doc.responses) incoming.push({ file: item.file, response });
        snapshots.push(...assessment.doc.history);
      } else {
        refused.push(`${text.format(L.file_part_refused, { file: item.file })} ${reason(assessment)}`);
      }
      if (item.kind === "bundle") {
        if (item.plan.ok) {
          const plan = item.plan.doc.plans.find((p) => p.id === item.plan.doc.current) ?? item.plan.doc.plans[0];
          if (ctx.plans.has(plan)) there.push(text.format(L.bundle_plan_there, { name: plan.name }));
          else plans.push({ file: item.file, plan });
        } else {
          refused.push(`${text.format(L.bundle_plan_refused, { file: item.file })} ${reason(item.plan)}`);
        }
      }
    }
    if (!incoming.length && !snapshots.length && !plans.length && !there.length) {
      ctx.alerts.show("import", "failure", refused.join(" "));
      ctx.say(`${refused.join(" ")} ${L.import_nothing_changed}`);
      return;
    }
    // Ids for saved results whose id is taken, made now: the import may be applied twice
    // (again on top of another tab's save) and must give the same ids both times
    const spareIds = Array.from({ length: snapshots.length }, () => newId("s", doc.history.map((s) => s.id)));
    pending = { incoming, snapshots, plans, there, spareIds, refused, count: files.length };
    show();
  }

  function reason(result) {
    if (result.kind === "plan") return L.problem_plan;
    const detail = result.path ? ` (${result.path})` : "";
    return `${L[`problem_${result.problem}`]}${detail}`;
  }

  /** The preview: a line per answer and per file refused, a choice for team plans, and the buttons. */
  function show() {
    const doc = ctx.current();
    const verdicts = classifyIncoming(doc, pending.incoming.map((i) => i.response));
    const names = text.names(doc.responses, doc.mine);
    const added = newSnapshots(doc, pending.snapshots, spare);
    const lines = verdicts.map((v, index) => {
      const response = v.response;
      const who = response.name.trim() || L.anonymous_file;
      const state = {
        new: L.verdict_new,
        same: L.verdict_same,
        newer: text.format(L.verdict_newer, { date: text.date(v.replaces?.updated ?? response.updated) }),
        older: text.format(L.verdict_older, { date: text.date(v.replaces?.updated ?? response.updated) }),
        copy: text.format(L.verdict_copy, { name: v.replaces ? names.get(v.replaces.id) ?? "" : "" }),
      }[v.verdict];
      return el("li", { class: `is-${v.verdict}` }, text.format(L.import_line, {
        file: pending.incoming[index].file, name: who, rated: ratedCount(response, ctx.ids), total: ctx.ids.length, state,
      }), v.mine ? ` ${L.verdict_mine}` : "");
    });
    const snapshotsNew = pending.snapshots.length
      ? [el("li", {}, text.format(L.import_snapshots, { count: added.length, skipped: pending.snapshots.length - added.length }))] : [];
    const planChoices = pending.plans.map(({ file, plan }, index) => el("label", { class: "assessment-check" },
      el("input", { type: "checkbox", name: "plan", value: String(index), checked: true }),
      ` ${text.format(L.bundle_plan_add, { file, name: plan.name, members: plan.members.length,
        decisions: Object.keys(plan.assignments).length })}`));
    const addCount = verdicts.filter((v) => v.verdict === "new").length;
    const total = doc.responses.length + addCount;
    const tooMany = total > fmt.limits.responses || doc.history.length + added.length > fmt.limits.history;
    const changes = addCount + verdicts.filter((v) => v.verdict === "newer").length + added.length + pending.plans.length;
    const title = pending.count === 1 ? text.format(L.import_preview_one, { file: pending.incoming[0]?.file ?? pending.plans[0]?.file ?? "" })
      : text.format(L.import_preview_many, { count: pending.count });
    box.replaceChildren(
      el("h3", {}, title),
      lines.length || snapshotsNew.length ? el("ul", { class: "assessment-import-lines" }, ...lines, ...snapshotsNew) : "",
      pending.refused.length ? el("ul", { class: "assessment-import-refused" }, ...pending.refused.map((r) => el("li", {}, r))) : "",
      planChoices.length || pending.there.length ? el("fieldset", { class: "assessment-import-plans" }, el("legend", {}, L.bundle_plans_legend),
        ...planChoices, ...pending.there.map((line) => el("p", {}, line))) : "",
      el("p", { id: "assessment-import-effect", class: tooMany ? "team-field-error" : "" }, tooMany
        ? text.format(L.import_full, { max: fmt.limits.responses, history: fmt.limits.history })
        : changes ? text.format(L.import_effect, { total, history: doc.history.length + added.length }) : L.import_nothing_new),
      el("div", { class: "assessment-buttons" },
        el("button", { type: "button", class: "md-button md-button--primary", "data-action": "import-confirm", disabled: tooMany || !changes }, L.import_confirm),
        el("button", { type: "button", class: "md-button", "data-action": "import-cancel" }, L.import_cancel)));
    box.hidden = false;
    box.focus();
    ctx.say(`${title}. ${box.querySelector("#assessment-import-effect").textContent}`);
  }

  function spare(taken) {
    return pending.spareIds.find((id) => !taken.includes(id)) ?? newId("s", taken);
  }

  ctx.action("import-cancel", () => {
    close();
    ctx.say(L.import_cancelled);
    input.focus();
  });

  ctx.action("import-confirm", () => {
    if (!pending) return;
    const { incoming, snapshots } = pending;
    const chosenPlans = [...box.querySelectorAll('input[name="plan"]:checked')].map((c) => pending.plans[Number(c.value)]);
    const verdicts = classifyIncoming(ctx.current(), incoming.map((i) => i.response));
    const count = (kind) => verdicts.filter((v) => v.verdict === kind).length;
    ctx.change((doc) => {
      const next = addResponses(doc, classifyIncoming(doc, incoming.map((i) => i.response)));
      return addSnapshots(next, newSnapshots(doc, snapshots, spare));
    }, { form: true });
    const said = [text.format(L.import_done, { added: count("new"), replaced: count("newer"),
      skipped: count("same") + count("older") + count("copy") })];
    for (const { plan } of chosenPlans) said.push(handOver(plan));
    close();
    ctx.say(said.join(" "));
    $("assessment-result-title").focus();
  });

  /** Give a bundle's plan to the team page; say what happened. */
  function handOver(plan) {
    const result = ctx.plans.add(plan, (name) => text.format(L.bundle_plan_copy_name, { name }));
    render();
    if (result.ok) {
      ctx.alerts.remove("plan-handoff");
      return text.format(L.bundle_plan_added, { name: result.name });
    }
    if (result.reason === "there") return text.format(L.bundle_plan_there, { name: plan.name });
    // The plan could not go to the team page: say why, and offer it as a file to import there
    const message = text.format(L[`bundle_plan_${result.reason}`] ?? L.bundle_plan_blocked, { name: plan.name, max: planFmt.limits.plans });
    ctx.alerts.show("plan-handoff", "warning", message, el("div", { class: "assessment-buttons" },
      el("button", { type: "button", class: "md-button", "data-action": "plan-download" }, L.plan_download)));
    lastPlan = plan;
    return message;
  }
  let lastPlan = null;
  ctx.action("plan-download", () => {
    if (!lastPlan) return;
    download(`${fileStem(lastPlan.name)}.team-plan.json`, json(planFmt.makeDocument([lastPlan], lastPlan.id, 0)), "application/json");
    ctx.say(L.exported);
  });

  function close() {
    pending = null;
    box.hidden = true;
    box.replaceChildren();
  }

  return { render };
}
