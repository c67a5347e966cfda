"""Promise: a school gets a complete first plan in a few minutes, and nothing is overwritten
without the user seeing it first.

Checked in a real Chromium, in both languages: a plan started from a starter team; owners
suggested from roles in a preview that is accepted, edited or rejected; a selection of tasks
changed at once and that one change undone; the table view by keyboard; the school's size
scaling the indicative hours; partners named once; old task and role ids moved; the planner's
sections in the table of contents. Every document read from storage is checked against the
published schema.
"""

from __future__ import annotations

import json

import pytest

from handbook.team_data import team_labels
from handbook.team_format import hours_percent, plan_format, scaled_hours
from tests.team_browser import (
    LANGUAGES,
    ROOT,
    a_plan,
    add_member,
    choose,
    clean,
    open_team,
    plan_document,
    raw_saved,
    reload,
    saved,
    saved_plan,
    seed,
    started_from_starter,
    task_row,
    wait_for_live,
    wait_until_saved,
)


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


def decided(plan: dict, task_ids: list[str]) -> list[str]:
    """Tasks of the plan that have an owner, or are outsourced or not applicable."""
    members = {m["id"] for m in plan["members"]}
    return [task for task in task_ids
            if plan["assignments"].get(task, {}).get("mode") in ("outsourced", "na")
            or plan["assignments"].get(task, {}).get("owner") in members]


def role_team(handbook, **changes) -> dict:
    """A plan with three members and their roles, and nothing decided yet."""
    members = [
        {"id": "m-ann", "name": "Ann", "hours": 300,
         "roles": ["ict-coordinator", "pedagogical-ict-coordinator"]},
        {"id": "m-jan", "name": "Jan", "hours": 400,
         "roles": ["technician", "network-administrator", "helpdesk"]},
        {"id": "m-lot", "name": "Lotte", "hours": 100, "roles": ["administrative-staff", "technician"]},
    ]
    return a_plan(handbook, members=members, **changes)


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {task: el.closest('[data-task]')?.dataset.task || null, field: el.dataset.field || null,
                tag: el.tagName, id: el.id, action: el.dataset.action || null};
    }""")


# ---- A starter team ---------------------------------------------------------------------------


@pytest.mark.parametrize("starter", [0, 1, 2], ids=["small-primary", "large-secondary", "school-group"])
def test_a_starter_team_gives_a_complete_first_plan(page, server, handbook, labels, language,
                                                    starter) -> None:
    template = handbook.team_templates[starter]
    open_team(page, server, language)
    assert page.locator("#team-starter-box").evaluate("d => d.open"), "an empty plan offers a starter team"
    page.locator("#team-starter").select_option(template.id)
    page.click('[data-action="starter-start"]')
    started_from_starter(page)
    plan = saved_plan(page)
    task_ids = [task.id for task in handbook.tasks]
    assert decided(plan, task_ids) == task_ids, "every task has an owner or goes outside"
    assert [m["name"] for m in plan["members"]] == [m.name[language] for m in template.members]
    assert plan["name"] == template.title[language]
    assert plan["school"] == {"pupils": template.pupils, "sites": template.sites}
    # The hours are the starter teams page's, for that school's size
    for item in template.assignments[:5]:
        task = handbook.task(item.task_id)
        hours = task_row(page, task.id).locator("[data-field=hours]").input_value()
        assert int(hours) == item.hours == scaled_hours(task.hours, template.hours_percent)
    # What goes outside is outsourced to a partner named as a school would
    outside = [a for a in template.assignments if a.outside]
    for item in outside:
        assert plan["assignments"][item.task_id] == {
            "mode": "outsourced", "partner": labels[language][f"partner_{item.outside}"]}
    assert focused(page)["tag"] == "INPUT", "focus goes to the first member's name, to rename"
    clean(page)


def test_a_starter_team_next_to_a_plan_with_data_comes_as_a_new_plan(page, server, handbook,
                                                                     language) -> None:
    seed(page, server, json.dumps(plan_document([role_team(handbook)])))
    open_team(page, server, language)
    before = saved_plan(page)
    page.locator("#team-starter-box summary").click()
    page.click('[data-action="starter-start"]')
    started_from_starter(page, plans=2)
    document = saved(page)
    assert len(document["plans"]) == 2
    assert document["plans"][0] == before, "the plan with data is left as it was"
    assert document["current"] == document["plans"][1]["id"]
    clean(page)


# ---- Owners from roles ------------------------------------------------------------------------


def test_a_role_proposal_previewed_then_rejected_changes_nothing(page, server, handbook, labels,
                                                                language) -> None:
    task = handbook.tasks[0].id
    plan = role_team(handbook, assignments={task: {"owner": "m-lot"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    before = raw_saved(page)
    page.click('[data-action="propose"]')
    preview = page.locator("#team-proposal")
    assert preview.is_visible()
    assert labels[language]["propose_title"] in preview.inner_text()
    rows = preview.locator("[data-proposal-task]")
    proposed = rows.evaluate_all("rows => rows.map((r) => r.dataset.proposalTask)")
    assert task not in proposed, "a task that has an owner is not part of the proposal"
    assert len(proposed) > 10
    assert page.evaluate("document.activeElement.id") == "team-proposal"
    page.click('[data-action="proposal-reject"]')
    assert preview.is_hidden()
    assert raw_saved(page) == before, "nothing changed, not even the saved text"
    assert all(task_row(page, t).locator("[data-field=who]").input_value() == ""
               for t in proposed[:5])
    assert focused(page)["action"] == "propose"
    wait_for_live(page, labels[language]["propose_rejected"])
    clean(page)


def test_a_role_proposal_is_edited_accepted_and_undone(page, server, handbook, language) -> None:
    task = handbook.tasks[0].id
    plan = role_team(handbook, assignments={task: {"owner": "m-ann", "notes": "n"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    page.click('[data-action="propose"]')
    preview = page.locator("#team-proposal")
    rows = preview.locator("[data-proposal-task]")
    items = rows.evaluate_all("""rows => rows.map((r) => ({task: r.dataset.proposalTask,
        owner: r.querySelector('[data-proposal=owner]').value,
        options: [...r.querySelectorAll('[data-proposal=owner] option')]
          .map((o) => o.value).filter(Boolean)}))""")
    several = next(item for item in items if len(item["options"]) > 1)
    skipped = next(item for item in items if item["task"] != several["task"])
    # Edit: another member for one task, "not now" for another
    other = next(option for option in several["options"] if option != several["owner"])
    preview.locator(f'[data-proposal-task="{several["task"]}"] [data-proposal=owner]').select_option(other)
    preview.locator(f'[data-proposal-task="{skipped["task"]}"] [data-proposal=owner]').select_option("")
    page.click('[data-action="proposal-accept"]')
    plan = saved_plan(page)
    assert plan["assignments"][task] == {"owner": "m-ann", "notes": "n"}, "an owner already there stays"
    assert plan["assignments"][several["task"]]["owner"] == other
    assert skipped["task"] not in plan["assignments"]
    for item in items:
        if item["task"] not in (several["task"], skipped["task"]):
            assert plan["assignments"][item["task"]]["owner"] == item["owner"]
    assert focused(page)["action"] == "undo"
    page.keyboard.press("Enter")
    plan = saved_plan(page)
    assert plan["assignments"] == {task: {"owner": "m-ann", "notes": "n"}}, \
        "the undo takes the whole proposal back"
    clean(page)


def test_without_roles_the_proposal_says_what_to_do(page, server, handbook, labels, language) -> None:
    open_team(page, server, language)
    add_member(page, "Kim", 10)
    before = raw_saved(page)
    page.click('[data-action="propose"]')
    assert labels[language]["propose_no_roles"] in page.locator("#team-proposal").inner_text()
    assert page.locator('[data-action="proposal-accept"]').count() == 0
    assert raw_saved(page) == before
    clean(page)


# ---- Several tasks at once --------------------------------------------------------------------


def test_a_bulk_change_is_undone_on_its_own(page, server, handbook, labels, language) -> None:
    ids = [task.id for task in handbook.tasks[:4]]
    plan = role_team(handbook, assignments={ids[3]: {"owner": "m-lot"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    for task in ids[:3]:
        task_row(page, task).locator("[data-field=pick]").check()
    apply = page.locator('[data-action="bulk-apply"]')
    assert apply.inner_text() == labels[language]["bulk_apply"].format(count=3)
    page.locator("#team-bulk-who").select_option("m-jan")
    page.locator("#team-bulk-backup").select_option("m-ann")
    page.locator("#team-bulk-status").select_option("doing")
    page.click('[data-action="bulk-apply"]')
    plan = saved_plan(page)
    for task in ids[:3]:
        assert plan["assignments"][task] == {"owner": "m-jan", "backup": "m-ann", "status": "doing"}
    assert page.locator("#team-bulk").is_hidden(), "the selection is cleared"
    # Later: one of the three is changed again, and another task too
    choose(page, ids[1], "status", "done")
    choose(page, ids[3], "status", "review")
    # An undo offer ends with a later change; this one is offered again by a new bulk change
    task_row(page, ids[2]).locator("[data-field=pick]").check()
    page.locator("#team-bulk-status").select_option("review")
    page.click('[data-action="bulk-apply"]')
    page.click('[data-action="undo"]')
    plan = saved_plan(page)
    assert plan["assignments"][ids[2]] == {"owner": "m-jan", "backup": "m-ann", "status": "doing"}, \
        "only the last bulk change is taken back"
    assert plan["assignments"][ids[1]] == {"owner": "m-jan", "backup": "m-ann", "status": "done"}
    assert plan["assignments"][ids[3]] == {"owner": "m-lot", "status": "review"}
    clean(page)


def test_undo_of_a_bulk_change_keeps_tasks_changed_since(page, server, handbook, labels, language) -> None:
    ids = [task.id for task in handbook.tasks[:3]]
    seed(page, server, json.dumps(plan_document([role_team(handbook)])))
    open_team(page, server, language)
    for task in ids:
        task_row(page, task).locator("[data-field=pick]").check()
    page.locator("#team-bulk-status").select_option("doing")
    page.click('[data-action="bulk-apply"]')
    # Another tab changes one of them meanwhile: the undo leaves that one alone and says so
    page.evaluate("""([key, task]) => {
        const doc = JSON.parse(localStorage.getItem(key));
        doc.plans[0].assignments[task] = {status: "done"};
        doc.revision += 1;
        localStorage.setItem(key, JSON.stringify(doc));
    }""", ["/.ict-team-handbook.team-plans", ids[0]])
    page.click('[data-action="undo"]')
    plan = saved_plan(page)
    assert plan["assignments"] == {ids[0]: {"status": "done"}}
    wait_for_live(page, labels[language]["undo_changed_since.one"])
    clean(page)


def test_outsourcing_every_task_without_an_owner_to_a_partner_named_once(page, server, handbook, labels,
                                                                       language) -> None:
    seed(page, server, json.dumps(plan_document([role_team(handbook)])))
    open_team(page, server, language)
    choose(page, handbook.tasks[0].id, "who", "m-jan")
    page.locator("#team-filter-unassigned").check()
    shown = page.locator(".team-task:visible").count()
    page.click('[data-action="select-shown"]')
    page.locator("#team-bulk-who").select_option("mode:outsourced")
    partner = page.locator("#team-bulk-partner")
    assert partner.is_visible()
    partner.fill("Scholengroep Noord")
    page.click('[data-action="bulk-apply"]')
    plan = saved_plan(page)
    outsourced = [t for t, a in plan["assignments"].items() if a.get("partner") == "Scholengroep Noord"]
    assert len(outsourced) == shown == len(handbook.tasks) - 1
    # The overview says what goes outside, to whom; nobody is overloaded by it
    overview = page.locator("#team-overview").inner_text()
    assert labels[language]["outside_line"].format(partner="Scholengroep Noord", count=shown,
                                                   hours=sum(t.hours for t in handbook.tasks[1:])) in overview
    assert page.locator(".team-warning--over").count() == 0
    # The partner is offered again when another task is outsourced
    offered = page.locator("#team-partners option").evaluate_all("os => os.map((o) => o.value)")
    assert "Scholengroep Noord" in offered
    partner_field = task_row(page, handbook.tasks[1].id).locator("[data-field=partner]")
    assert partner_field.get_attribute("list") == "team-partners"
    clean(page)


def test_a_bulk_backup_who_owns_the_task_is_refused_with_a_message(page, server, handbook, labels,
                                                                  language) -> None:
    ids = [task.id for task in handbook.tasks[:3]]
    plan = role_team(handbook, assignments={ids[0]: {"owner": "m-ann"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    for task in ids:
        task_row(page, task).locator("[data-field=pick]").check()
    page.locator("#team-bulk-backup").select_option("m-ann")
    page.click('[data-action="bulk-apply"]')
    plan = saved_plan(page)
    assert plan["assignments"][ids[0]] == {"owner": "m-ann"}, "the owner does not become their own backup"
    assert plan["assignments"][ids[1]] == {"backup": "m-ann"}
    message = labels[language]["bulk_backup_skipped.one"].format(name="Ann")
    assert message in page.locator("#team-bulk-message").inner_text()
    clean(page)


# ---- The table, by keyboard -------------------------------------------------------------------


def test_the_table_by_keyboard(page, server, handbook, labels, language) -> None:
    seed(page, server, json.dumps(plan_document([role_team(handbook)])))
    open_team(page, server, language, layout="table")
    first, second = handbook.tasks[0].id, handbook.tasks[1].id
    assert page.locator(".team-table-head").is_visible()
    who = task_row(page, first).locator("[data-field=who]")
    who.focus()
    page.keyboard.press("ArrowDown")
    assert focused(page) == {"task": second, "field": "who", "tag": "SELECT", "id": "", "action": None}
    assert who.input_value() == "", "the arrow moved, it did not choose"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    assert focused(page)["field"] == "backup"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert focused(page)["tag"] == "A", "on to the task's link"
    page.keyboard.press("ArrowRight")
    # Type-ahead picks a member; moving on keeps the choice
    page.keyboard.type("Lot")
    assert who.input_value() == "m-lot"
    assert first not in saved_plan(page)["assignments"], "typing only proposes"
    page.keyboard.press("ArrowDown")
    wait_until_saved(page, first, "owner", "m-lot")
    assert saved_plan(page)["assignments"][first] == {"owner": "m-lot"}
    # Escape takes a typed choice back
    page.keyboard.type("Ja")
    page.keyboard.press("Escape")
    assert task_row(page, second).locator("[data-field=who]").input_value() == ""
    assert labels[language]["view_table_help"] in page.locator("#team-table-help").inner_text()
    clean(page)


@pytest.mark.parametrize("layout", ["cards", "table"])
def test_typical_roles_are_shown_in_both_views(page, server, handbook, language, layout) -> None:
    open_team(page, server, language, layout=layout)
    task = handbook.tasks[0]
    line = task_row(page, task.id).locator(".team-task__roles")
    assert line.is_visible()
    for role_id in task.role_ids:
        assert handbook.role(role_id).title[language] in line.text_content()
    clean(page)


def test_members_whose_roles_fit_come_first_in_the_owner_list(page, server, handbook, labels,
                                                              language) -> None:
    seed(page, server, json.dumps(plan_document([role_team(handbook)])))
    open_team(page, server, language)
    task = next(t for t in handbook.tasks if t.role_ids[0] == "technician")
    who = task_row(page, task.id).locator("[data-field=who]")
    who.focus()
    groups = who.locator("optgroup").evaluate_all(
        "gs => gs.map((g) => [g.label, [...g.children].map((o) => o.value)])")
    assert groups[0] == [labels[language]["owner_fits"], ["m-jan", "m-lot"]]
    assert groups[1] == [labels[language]["owner_others"], ["m-ann"]]
    clean(page)


# ---- Hours for the school's size, members' hours ----------------------------------------------


def test_the_schools_size_scales_the_hours_which_stay_overridable(page, server, handbook, labels,
                                                                 language) -> None:
    open_team(page, server, language)
    task = handbook.tasks[0]
    hours = task_row(page, task.id).locator("[data-field=hours]")
    assert int(hours.input_value()) == task.hours
    page.locator("#team-school-pupils").fill("900")
    page.locator("#team-school-pupils").press("Tab")
    percent = hours_percent(900, 1)
    assert int(hours.input_value()) == scaled_hours(task.hours, percent)
    note = page.locator("#team-scale-note").inner_text()
    assert f"{percent}" in note and "700" in note, "the rule is stated"
    page.locator("#team-school-sites").fill("2")
    page.locator("#team-school-sites").press("Tab")
    assert int(hours.input_value()) == scaled_hours(task.hours, hours_percent(900, 2))
    assert saved_plan(page)["school"] == {"pupils": 900, "sites": 2}
    # A task's own hours win over the scaled ones
    hours.fill("7")
    hours.press("Tab")
    assert saved_plan(page)["assignments"][task.id] == {"hours": 7}
    # A size that is not a number is refused with a message, the saved one kept
    page.locator("#team-school-pupils").fill("veel")
    page.locator("#team-school-pupils").press("Tab")
    assert page.locator("#team-school-pupils").get_attribute("aria-invalid") == "true"
    assert saved_plan(page)["school"] == {"pupils": 900, "sites": 2}
    reload(page)
    assert page.locator("#team-school-pupils").input_value() == "900"
    clean(page)


def test_a_members_hours_field_starts_empty(page, server, language) -> None:
    open_team(page, server, language)
    hours = page.locator("#team-member-form input[name=hours]")
    assert hours.input_value() == ""
    page.locator("#team-member-form input[name=name]").fill("Kim")
    hours.click()
    page.keyboard.type("200")
    assert hours.input_value() == "200", "typing 200 gives 200, not 0200"
    page.keyboard.press("Enter")
    assert saved_plan(page)["members"][0]["hours"] == 200
    assert hours.input_value() == ""
    clean(page)


# ---- Old ids, finding your way ----------------------------------------------------------------


def test_a_plan_saved_with_old_task_and_role_ids_moves_them_and_loses_nothing(page, server, handbook,
                                                                             language) -> None:
    v2 = (ROOT / "tests" / "fixtures" / "team" / "team-plan-v2.json").read_text(encoding="utf-8")
    old = json.loads(v2)
    seed(page, server, v2)
    open_team(page, server, language)
    document = saved(page)  # written back at once, in the current version
    assert document["version"] == plan_format().version
    plan, draft = document["plans"]
    former, roles = handbook.task_id_map, handbook.role_id_map
    source = old["plans"][0]
    # Decisions under old task ids moved to the task that took them over
    for old_id, decision in source["assignments"].items():
        assert plan["assignments"][former.get(old_id, old_id)] == decision
    assert "tech-inventory-mapping" not in plan["assignments"]
    row = task_row(page, former["tech-inventory-mapping"])
    assert row.locator("[data-field=who]").input_value() == "m-li6t2w"
    notes = source["assignments"]["tech-inventory-mapping"]["notes"]
    assert row.locator("[data-field=notes]").input_value() == notes
    # Old role ids renamed, each member's roles otherwise as they were
    for member, before in zip(plan["members"], source["members"], strict=True):
        assert member["roles"] == list(dict.fromkeys(roles.get(r, r) for r in before["roles"]))
        assert [member[k] for k in ("id", "name", "hours")] == [before[k] for k in ("id", "name", "hours")]
    assert "innovator" not in json.dumps(document) and "pedagogical-supporter" not in json.dumps(document)
    page.locator("#team-member-list [data-member] .team-roles summary").first.click()
    renamed = roles["innovator"]
    assert page.locator(f'[data-member="m-sa3k9d"] [data-mfield=role][value="{renamed}"]').is_checked()
    assert plan["customTasks"] == source["customTasks"]
    assert draft["members"][0]["roles"] == ["pedagogical-ict-coordinator"]
    assert page.locator("#team-orphans").is_hidden(), "nothing left behind under old ids"
    clean(page)


def test_the_planners_sections_are_in_the_table_of_contents(pages, labels, language) -> None:
    soup = pages.page(LANGUAGES[language])
    toc = soup.select_one(".md-sidebar--secondary nav")
    links = [(a["href"], a.get_text(strip=True)) for a in toc.select("a.md-nav__link")]
    expected = [("#team-plan-title", labels[language]["plan_title"]),
                ("#team-members-title", labels[language]["members_title"]),
                ("#team-overview-title", labels[language]["overview_title"]),
                ("#team-tasks-title", labels[language]["tasks_title"]),
                ("#team-io-title", labels[language]["io_title"])]
    assert links[-5:] == expected
    # The plan's name and the way to export are at the top
    plan = soup.select_one("#team-plan")
    assert plan.select_one("#team-plan-name") is not None
    assert plan.select_one('a[href="#team-io-title"]') is not None


def test_without_javascript_the_planners_sections_leave_the_table_of_contents(browser, server,
                                                                             language) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + LANGUAGES[language])
    assert page.locator('.md-sidebar--secondary a[href="#team-tasks-title"]').is_hidden()
    context.close()


def test_when_the_starter_teams_cannot_be_fetched_the_page_says_so(page, server, labels, language) -> None:
    # The starter teams are fetched when the first plan starts from one: offline, that fails
    page.route("**/starter-teams.json", lambda route: route.abort())
    open_team(page, server, language)
    page.click('[data-action="starter-start"]')
    alert = page.locator('[data-alert="load"]')
    alert.wait_for()
    assert labels[language]["load_failed"] in alert.inner_text()
    assert raw_saved(page) is None, "nothing changed"
    page.unroute("**/starter-teams.json")
    page.click('[data-action="starter-start"]')
    started_from_starter(page)
    assert page.locator('[data-alert="load"]').count() == 0
    # The browser itself logs the failed request; the page adds no error of its own
    assert all(error.startswith("Failed to load resource") for error in page.console_errors)
    assert page.foreign_requests == []
