// The plan at the top of the page: its name and the school's size (which scales the indicative
// hours), a start from a starter team, and several plans in one browser (one per school, or a
// draft next to this year's): switch, rename, create, duplicate and delete, within the
// format's limit on the number of plans.

import { clearFieldError, showFieldError } from "./dom.js";
import { newId } from "./documents.js";
import { format, hoursPercent, isEmptyPlan, planFromStarter, setSchool } from "./state.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wirePlans(ctx) {
  const { L, fmt, $ } = ctx;
  const select = $("team-plan-select");
  const nameField = $("team-plan-name");
  const plans = () => ctx.session.current().plans;

  select.addEventListener("change", () => {
    const id = select.value;
    ctx.changeDocument((doc) => (doc.plans.some((p) => p.id === id) ? { ...doc, current: id } : null));
    ctx.say(format(L.plan_switched, { name: ctx.plan().name }));
  });

  nameField.addEventListener("change", () => {
    const name = fmt.cleanName(nameField.value);
    if (!name) {
      nameField.value = ctx.plan().name;
      showFieldError(nameField, L.plan_name_blank);
      ctx.say(L.plan_name_blank);
      return;
    }
    clearFieldError(nameField);
    ctx.changePlan((p) => ({ ...p, name }));
    ctx.say(format(L.plan_renamed, { name }));
  });

  // The school's size: the indicative hours of every task follow it
  for (const [id, key] of [["team-school-pupils", "pupils"], ["team-school-sites", "sites"]]) {
    const field = $(id);
    field.addEventListener("change", () => {
      const text = field.value.trim();
      const value = fmt.parseCount(text, fmt.limits[key]);
      if (text && value === null) {
        field.value = ctx.plan().school?.[key] ? String(ctx.plan().school[key]) : "";
        showFieldError(field, format(L.school_bad, { max: fmt.limits[key] }));
        ctx.say(format(L.school_bad, { max: fmt.limits[key] }));
        return;
      }
      clearFieldError(field);
      field.value = value === null ? "" : String(value);
      const changed = ctx.changePlan((p) => {
        const next = setSchool(p, { ...(p.school || {}), [key]: value });
        return JSON.stringify(next.school) === JSON.stringify(p.school) ? null : next;
      });
      if (changed) ctx.say(format(L.school_set, { percent: hoursPercent(ctx.data.hoursRule, ctx.plan().school) }));
    });
  }

  // A first plan from a starter team: it fills an empty plan, or comes next to the others
  ctx.action("starter-start", async () => {
    const chosen = $("team-starter").value;
    const starter = (await ctx.extra("starterTeams")).find((s) => s.id === chosen);
    if (!starter) return;
    ctx.alerts.remove("load");
    const current = ctx.plan();
    const fresh = (id, name) => planFromStarter(starter, { id, name, taskIds: ctx.handbook.list });
    let plan;
    if (isEmptyPlan(current)) {
      const name = current.name === L.plan_default_name ? fmt.cleanName(starter.title) : current.name;
      plan = fresh(current.id, name);
      ctx.changePlan((p) => (isEmptyPlan(p) ? { ...fresh(p.id, name), knownTasks: p.knownTasks } : null));
    } else {
      plan = fresh(newId("p", plans().map((p) => p.id)), fmt.cleanName(starter.title));
      if (!addPlan(plan, false)) return;
    }
    $("team-starter-box").open = false;
    ctx.say(format(L.starter_started, { name: plan.name, members: plan.members.length, tasks: Object.keys(plan.assignments).length }));
    document.querySelector("#team-member-list [data-mfield=name]")?.focus();
  });

  /** Add a plan and show it, or say why not (the format's limit). */
  function addPlan(plan, announce = true) {
    if (plans().length >= fmt.limits.plans) {
      ctx.alerts.show("limits", "warning", format(L.plans_full, { max: fmt.limits.plans }));
      ctx.say(format(L.plans_full, { max: fmt.limits.plans }));
      return false;
    }
    ctx.alerts.remove("limits");
    ctx.changeDocument((doc) => ({ ...doc, plans: [...doc.plans, plan], current: plan.id }));
    if (announce) {
      select.focus();
      ctx.say(format(L.plan_created, { name: plan.name }));
    }
    return true;
  }

  ctx.action("plan-new", () => addPlan(ctx.newPlan(fmt.cleanName(format(L.plan_new_name, { number: plans().length + 1 })))));

  ctx.action("plan-duplicate", () => {
    const plan = ctx.plan();
    addPlan({ ...structuredClone(plan), id: newId("p", plans().map((p) => p.id)), name: fmt.cleanName(format(L.plan_copy_name, { name: plan.name })) });
  });

  ctx.action("plan-delete", () => {
    const plan = ctx.plan();
    if (plans().length < 2 || !window.confirm(format(L.plan_delete_confirm, { name: plan.name }))) return;
    ctx.changeDocument((doc) => {
      const rest = doc.plans.filter((p) => p.id !== plan.id);
      return rest.length === doc.plans.length || !rest.length ? null : { ...doc, plans: rest, current: rest[0].id };
    });
    ctx.say(format(L.plan_deleted, { name: plan.name }));
    select.focus();
  });

  /** Offered to the import: add plans from a file, within the limit. */
  ctx.addPlans = (incoming) => {
    const room = fmt.limits.plans - plans().length;
    if (incoming.length > room) return false;
    const taken = new Set(plans().map((p) => p.id));
    const added = incoming.map((plan) => {
      const id = taken.has(plan.id) ? newId("p", taken) : plan.id;
      taken.add(id);
      return { ...structuredClone(plan), id };
    });
    ctx.changeDocument((doc) => ({ ...doc, plans: [...doc.plans, ...added], current: added[0].id }));
    return true;
  };
}
