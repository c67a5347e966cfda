// The team's members: add, rename, hours, roles, remove, and undo a removal. A name that is
// blank or already on the team, or a member past the format's limit, gets a message at the
// field instead of being ignored.

import { clearFieldError, showFieldError } from "./dom.js";
import { newId } from "./documents.js";
import { addMember, format, label, memberNamed, updateMember } from "./state.js";

/**
 * @param {object} ctx the planner (see planner.js)
 */
export function wireMembers(ctx) {
  const { L, fmt, model, $ } = ctx;
  const form = $("team-member-form");

  /** Why `name` cannot be a member's name (null when it can). */
  function nameProblem(plan, name, exceptId = "") {
    if (!name) return L.member_name_required;
    const other = memberNamed(plan, name, exceptId);
    return other ? format(L.member_name_taken, { name: other.name }) : null;
  }

  function refuse(input, text) {
    showFieldError(input, text);
    ctx.say(text);
    input.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = form.elements.name;
    const plan = ctx.plan();
    const name = fmt.cleanName(input.value);
    const problem = nameProblem(plan, name)
      ?? (plan.members.length >= fmt.limits.members ? format(L.members_full, { max: fmt.limits.members }) : null);
    if (problem) {
      refuse(input, problem);
      return;
    }
    clearFieldError(input);
    const hours = fmt.parseHours(form.elements.hours.value) ?? 0;
    const id = newId("m", plan.members.map((m) => m.id));
    ctx.changePlan((p) => addMember(p, { id, name, hours }));
    form.reset();
    input.focus();
    ctx.say(format(L.member_added, { name }));
  });

  $("team-member-list").addEventListener("change", (event) => {
    const input = event.target;
    const memberId = input.closest("[data-member]")?.dataset.member;
    const field = input.dataset.mfield;
    const member = ctx.plan().members.find((m) => m.id === memberId);
    if (!member || !field) return;
    if (field === "name") {
      const name = fmt.cleanName(input.value);
      const problem = nameProblem(ctx.plan(), name, memberId);
      if (problem) {
        input.value = member.name;
        refuse(input, problem);
        return;
      }
      clearFieldError(input);
      ctx.changePlan((p) => updateMember(p, memberId, { name }));
      ctx.say(format(L.member_renamed, { name }));
    } else if (field === "hours") {
      const hours = fmt.parseHours(input.value) ?? 0;
      input.value = String(hours);
      ctx.changePlan((p) => updateMember(p, memberId, { hours }), { scope: "summary" });
      ctx.say(format(L.member_hours_set, { name: member.name, hours }));
    } else if (field === "role") {
      const role = input.value;
      const want = input.checked;
      ctx.changePlan((p) => updateMember(p, memberId, {
        roles: want ? [...new Set([...p.members.find((m) => m.id === memberId).roles, role])]
          : p.members.find((m) => m.id === memberId).roles.filter((r) => r !== role),
      }), { scope: "all" });
    }
  });

  ctx.action("remove-member", (button) => {
    const memberId = button.closest("[data-member]").dataset.member;
    const plan = ctx.plan();
    const member = plan.members.find((m) => m.id === memberId);
    const { removal } = model.removeMember(plan, memberId);
    ctx.changePlan((p) => (p.members.some((m) => m.id === memberId) ? model.removeMember(p, memberId).plan : null));
    const label = format(L.member_removed, { name: member.name });
    ctx.undo.push({
      label,
      focus: `[data-member="${memberId}"] [data-mfield="name"]`,
      // Takes back only what the removal took, on the plan as it is then
      revert(doc) {
        const target = doc.plans.find((p) => p.id === plan.id);
        const restored = target && model.restoreMember(target, removal);
        if (!restored) return null;
        const note = restored.skipped.length ? ` ${label(L, "undo_skipped", { count: restored.skipped.length })}` : "";
        return { doc: { ...doc, plans: doc.plans.map((p) => (p.id === plan.id ? restored.plan : p)) }, note };
      },
    });
    ctx.say(label);
    $("team-undo").querySelector("button").focus();
  });

  ctx.action("undo", () => {
    const entry = ctx.undo.take();
    if (!entry) return;
    let note = "";
    const changed = ctx.changeDocument((doc) => {
      const result = entry.revert(doc);
      note = result ? result.note : "";
      return result ? result.doc : null;
    }, { keepUndo: true });
    ctx.say(changed ? `${L.undone}${note}` : L.undo_gone);
    (document.querySelector(entry.focus) || form.elements.name).focus();
  });
}
