// Several plans in one browser (one per school, or a draft next to this year's): switch,
// rename, create, duplicate and delete, within the format's limit on the number of plans.

import { clearFieldError, showFieldError } from "./dom.js";
import { format, newId } from "./state.js";

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

  /** Add a plan and show it, or say why not (the format's limit). */
  function addPlan(plan) {
    if (plans().length >= fmt.limits.plans) {
      ctx.alerts.show("limits", "warning", format(L.plans_full, { max: fmt.limits.plans }));
      ctx.say(format(L.plans_full, { max: fmt.limits.plans }));
      return false;
    }
    ctx.alerts.remove("limits");
    ctx.changeDocument((doc) => ({ ...doc, plans: [...doc.plans, plan], current: plan.id }));
    select.focus();
    ctx.say(format(L.plan_created, { name: plan.name }));
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
