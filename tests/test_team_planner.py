"""Promise: everything a team does on the team page works, by mouse and by keyboard alone.

Checked in a real Chromium, in both languages: members, assignments, filters, own tasks,
plans and print; bad input gets a clear message instead of being ignored; focus is never
lost, also with a filter on.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from handbook.team_data import team_labels
from tests.team_browser import (
    LANGUAGES,
    a_plan,
    add_member,
    choose,
    clean,
    import_file,
    member_ids,
    open_team,
    owner_of,
    plan_document,
    raw_saved,
    reload,
    saved,
    saved_plan,
    seed,
    task_row,
    wait_until_saved,
)


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


def focused(page) -> dict:
    """What has focus: the task row and field, or the element's id."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {task: el.closest('[data-task]')?.dataset.task || null, field: el.dataset.field || null,
                tag: el.tagName, id: el.id};
    }""")


# ---- Keyboard with a filter on ----------------------------------------------------------------


@pytest.mark.parametrize("keys", [["ArrowDown"], ["ArrowDown", "ArrowDown"], ["End"], ["K"]],
                         ids=["arrow", "two-arrows", "end", "type-ahead"])
def test_keyboard_in_the_owner_select_with_the_unassigned_filter(page, server, handbook, language,
                                                                 keys) -> None:
    open_team(page, server, language)
    add_member(page, "Kim", 10)
    add_member(page, "Lou", 10)
    page.locator("#team-filter-unassigned").check()
    task = handbook.tasks[0].id
    who = task_row(page, task).locator("[data-field=who]")
    who.focus()
    for key in keys:
        page.keyboard.press(key)
        assert task_row(page, task).is_visible(), "the row stays while it has focus"
        assert focused(page) == {"task": task, "field": "who", "tag": "SELECT", "id": ""}
    chosen = who.input_value()
    expected = {"mode": chosen[5:]} if chosen.startswith("mode:") else {"owner": chosen}
    assert chosen != ""
    assert raw_saved(page) is None or task not in saved_plan(page)["assignments"], "not kept on each key"
    page.keyboard.press("Tab")  # on to the next field: the choice is kept
    field, value = next(iter(expected.items()))
    wait_until_saved(page, task, field, value)
    assert focused(page)["task"] == task
    assert task_row(page, task).is_visible()
    assert saved_plan(page)["assignments"][task] == expected
    for _ in range(12):  # on through the row, until focus leaves it
        page.keyboard.press("Tab")
        if focused(page)["task"] != task:
            break
    assert focused(page)["tag"] != "BODY", "focus moves on, never to the page"
    page.wait_for_function(f"document.getElementById('task-{task}').hidden")
    assert focused(page)["task"] == handbook.tasks[1].id
    clean(page)


def test_escape_in_the_owner_select_takes_back_the_arrow_keys(page, server, handbook, language) -> None:
    open_team(page, server, language)
    add_member(page, "Kim", 10)
    page.locator("#team-filter-unassigned").check()
    task = handbook.tasks[0].id
    who = task_row(page, task).locator("[data-field=who]")
    who.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert who.input_value() == ""
    page.keyboard.press("Tab")
    assert task_row(page, task).is_visible()
    assert task not in saved_plan(page)["assignments"]
    clean(page)


@pytest.mark.parametrize("case", ["status", "member", "group"])
def test_arrow_keys_in_a_task_row_under_each_filter(page, server, handbook, language, case) -> None:
    # Each filter and the field whose change makes a task stop matching it: the row stays
    # while focus is in it, a choice is kept only when focus leaves, and Escape takes it back
    task = handbook.tasks[0].id
    open_team(page, server, language)
    an = owner_of(page, task, "An", 10)
    add_member(page, "Bo", 10)
    bo = member_ids(page)[1]
    choose(page, task, "backup", bo)
    control, value, field, key = {
        "status": ("#team-filter-status", "todo", "status", "ArrowDown"),
        # Bo is the last backup; up skips An, the owner, to "no backup"
        "member": ("#team-filter-member", bo, "backup", "ArrowUp"),
        "group": ("#team-filter-group", handbook.groups[0].id, "status", "ArrowDown"),
    }[case]
    page.locator(control).select_option(value)
    select = task_row(page, task).locator(f"[data-field={field}]")
    before = select.input_value()
    select.focus()
    page.keyboard.press(key)
    assert select.input_value() != before
    assert task_row(page, task).is_visible()
    assert focused(page) == {"task": task, "field": field, "tag": "SELECT", "id": ""}
    page.keyboard.press("Escape")
    assert select.input_value() == before
    page.keyboard.press(key)
    page.keyboard.press("Enter")
    assert saved_plan(page)["assignments"][task] != {"owner": an, "backup": bo}
    assert task_row(page, task).is_visible(), "kept while focus is in it"
    page.locator(control).focus()
    visible = task_row(page, task).is_visible()
    assert visible == (case == "group"), "a row that no longer matches goes once focus leaves"
    clean(page)


# ---- Bad input gets a message -----------------------------------------------------------------


def test_the_owner_cannot_be_chosen_as_backup_and_is_told_why(page, server, handbook, labels,
                                                               language) -> None:
    task = handbook.tasks[0].id
    open_team(page, server, language)
    an = owner_of(page, task, "An", 10)
    add_member(page, "Bo", 10)
    bo = member_ids(page)[1]
    choose(page, task, "backup", bo)
    backup = task_row(page, task).locator("[data-field=backup]")
    backup.focus()
    option = backup.locator(f'option[value="{an}"]')
    assert option.is_disabled()
    assert option.text_content() == labels[language]["backup_owner_option"].format(name="An")
    # Whatever sets it anyway (a script, an assistive tool) gets the same answer as a message
    backup.evaluate("(el, an) => { el.value = an; el.dispatchEvent(new Event('change', {bubbles: true})); }",
                    an)
    assert saved_plan(page)["assignments"][task] == {"owner": an, "backup": bo}
    assert backup.input_value() == bo
    assert labels[language]["backup_is_owner"].format(name="An") in task_row(page, task).inner_text()
    clean(page)


def test_the_backup_who_becomes_owner_is_said(page, server, handbook, labels, language) -> None:
    task = handbook.tasks[0].id
    open_team(page, server, language)
    an = owner_of(page, task, "An", 10)
    add_member(page, "Bo", 10)
    bo = member_ids(page)[1]
    choose(page, task, "backup", bo)
    choose(page, task, "who", bo)
    assert saved_plan(page)["assignments"][task] == {"owner": bo}
    assert labels[language]["backup_became_owner"].format(name="Bo") in task_row(page, task).inner_text()
    assert an in member_ids(page)
    clean(page)


def test_an_outsourced_task_given_back_to_the_team_drops_its_partner(page, server, handbook, labels,
                                                                    language) -> None:
    task = handbook.tasks[0].id
    open_team(page, server, language)
    add_member(page, "An", 10)
    (an,) = member_ids(page)
    choose(page, task, "who", "mode:outsourced")
    partner = task_row(page, task).locator("[data-field=partner]")
    partner.fill("Scholengroep")
    partner.press("Tab")
    choose(page, task, "who", an)
    assert saved_plan(page)["assignments"][task] == {"owner": an}
    assert task_row(page, task).locator("[data-field=partner]").is_hidden()
    clean(page)


@pytest.mark.parametrize("name", ["   ", "An", " an "], ids=["spaces", "same", "same-other-case"])
def test_a_blank_or_taken_name_is_refused_with_a_message(page, server, language, name) -> None:
    open_team(page, server, language)
    add_member(page, "An", 10)
    add_member(page, name, 10)
    assert len(member_ids(page)) == 1
    field = page.locator("#team-member-form input[name=name]")
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").inner_text().strip()
    assert page.evaluate("document.activeElement.name") == "name"
    clean(page)


def test_the_member_past_the_limit_gets_a_message(page, server, handbook, language) -> None:
    members = [{"id": f"m-{n}", "name": f"Lid {n}", "hours": 1, "roles": []} for n in range(200)]
    seed(page, server, json.dumps(plan_document([a_plan(handbook, members=members)])))
    open_team(page, server, language)
    add_member(page, "Nummer 201", 1)
    field = page.locator("#team-member-form input[name=name]")
    assert field.get_attribute("aria-invalid") == "true"
    assert "200" in page.locator(f"#{field.get_attribute('aria-describedby')}").inner_text()
    assert len(saved_plan(page)["members"]) == 200
    clean(page)


# ---- Working with a plan ----------------------------------------------------------------------


def test_members_and_assignments_survive_a_reload(page, server, handbook, language) -> None:
    open_team(page, server, language)
    add_member(page, "An Peeters", 120)
    add_member(page, "Bram", 80)
    an, bram = member_ids(page)
    first, second = handbook.tasks[0].id, handbook.tasks[1].id
    choose(page, first, "who", an)
    choose(page, first, "backup", bram)
    choose(page, second, "who", "mode:outsourced")
    task_row(page, second).locator("[data-field=partner]").fill("Scholengroep")
    task_row(page, second).locator("[data-field=partner]").press("Tab")
    choose(page, first, "status", "doing")
    reload(page)
    names = page.locator("#team-member-list [data-mfield=name]").evaluate_all("els => els.map(e => e.value)")
    assert names == ["An Peeters", "Bram"]
    assert task_row(page, first).locator("[data-field=who]").input_value() == an
    assert task_row(page, first).locator("[data-field=backup]").input_value() == bram
    assert task_row(page, first).locator("[data-field=status]").input_value() == "doing"
    assert task_row(page, second).locator("[data-field=partner]").input_value() == "Scholengroep"
    assert saved_plan(page)["assignments"][second] == {"mode": "outsourced", "partner": "Scholengroep"}
    clean(page)


def test_switching_language_keeps_the_plan(page, server, handbook, labels) -> None:
    open_team(page, server, "nl")
    add_member(page, "Chloé", 40)
    (chloe,) = member_ids(page)
    task = handbook.tasks[3]
    choose(page, task.id, "who", chloe)
    # The language switcher leads to the same page in English
    switch = page.locator('a[hreflang="en"]').first.get_attribute("href")
    page.goto(urljoin(page.url, switch))
    assert page.url.endswith("/en/team/")
    page.wait_for_selector("#team-app:not([hidden])")
    assert task_row(page, task.id).locator("[data-field=who]").input_value() == chloe
    assert task.title.en in task_row(page, task.id).locator(".team-task__title").text_content()
    assert labels["en"]["members_title"] in page.locator("#team-members-title").inner_text()
    clean(page)


def test_html_in_names_is_shown_as_text(page, server, handbook, language) -> None:
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    evil = '<img src=x onerror="alert(1)"><b>Bold</b>'
    task = handbook.tasks[0].id
    plan = a_plan(handbook, name=evil,
                  members=[{"id": "m-x", "name": evil, "hours": 10, "roles": []}],
                  assignments={task: {"owner": "m-x", "notes": "<script>window.hacked = 1</script>"}},
                  customTasks=[{"id": "own-evil", "group": handbook.groups[0].id, "title": evil, "hours": 1}])
    open_team(page, server, language)
    import_file(page, "evil.json", json.dumps(plan_document([plan])).encode())
    page.click('[data-action="import-add"]')
    assert page.locator("#team-app img").count() == 0
    assert page.locator("#team-app b").count() == 0
    assert page.evaluate("window.hacked") is None
    assert evil in page.locator("#task-own-evil .team-task__title").text_content()
    assert page.locator("#team-member-list [data-mfield=name]").input_value() == evil
    assert evil in page.locator("#team-overview").inner_text()
    clean(page)


def test_several_plans_switch_duplicate_delete(page, server, language) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    add_member(page, "An", 10)
    page.click('[data-action="plan-duplicate"]')
    assert page.locator("#team-plan-select option").count() == 2
    assert member_ids(page) and len(saved(page)["plans"]) == 2
    page.click('[data-action="plan-new"]')
    assert member_ids(page) == []
    page.locator("#team-plan-name").fill("School B")
    page.locator("#team-plan-name").press("Enter")
    assert "School B" in page.locator("#team-plan-select").inner_text()
    page.click('[data-action="plan-delete"]')
    assert page.locator("#team-plan-select option").count() == 2
    assert page.evaluate("document.activeElement.id") == "team-plan-select"
    clean(page)


def test_a_blank_plan_name_is_refused_with_a_message(page, server, labels, language) -> None:
    open_team(page, server, language)
    name = page.locator("#team-plan-name")
    before = name.input_value()
    name.fill("   ")
    name.press("Enter")
    assert name.input_value() == before
    assert name.get_attribute("aria-invalid") == "true"
    message = page.locator(f"#{name.get_attribute('aria-describedby')}")
    assert labels[language]["plan_name_blank"] in message.inner_text()
    assert raw_saved(page) is None, "nothing was saved"
    clean(page)


def test_member_roles_and_hours(page, server, handbook, language) -> None:
    open_team(page, server, language)
    add_member(page, "An", 10)
    member = page.locator("#team-member-list [data-member]")
    member.locator("summary").click()
    role = handbook.roles[1]
    member.locator(f'[data-mfield=role][value="{role.id}"]').check()
    assert page.evaluate("document.activeElement.value") == role.id, "focus stays on the checkbox"
    member.locator("[data-mfield=hours]").fill("250")
    member.locator("[data-mfield=hours]").press("Tab")
    reload(page)
    assert role.title[language] in page.locator(".team-roles__chosen").inner_text()
    assert saved_plan(page)["members"][0]["roles"] == [role.id]
    assert saved_plan(page)["members"][0]["hours"] == 250
    clean(page)


def test_renaming_a_member_to_a_taken_name_is_refused(page, server, labels, language) -> None:
    open_team(page, server, language)
    add_member(page, "An", 10)
    add_member(page, "Bo", 10)
    field = page.locator("#team-member-list [data-mfield=name]").nth(1)
    field.fill("AN")
    field.press("Tab")
    assert field.input_value() == "Bo"
    assert field.get_attribute("aria-invalid") == "true"
    assert [m["name"] for m in saved_plan(page)["members"]] == ["An", "Bo"]
    clean(page)


def test_overview_flags_and_filters(page, server, handbook, labels, language) -> None:
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 1)
    overview = page.locator("#team-overview").inner_text()
    assert "An" in overview
    total = len(handbook.tasks)
    assert str(total - 1) in overview  # tasks without an owner
    page.click('[data-action="filter-member"]')
    assert page.locator(".team-task:visible").count() == 1
    assert page.evaluate("document.activeElement.id") == "team-filter-member"
    page.locator("#team-filter-member").select_option("")
    page.locator("#team-filter-unassigned").check()
    assert page.locator(".team-task:visible").count() == total - 1
    page.locator("#team-filter-unassigned").uncheck()
    page.locator("#team-filter-query").fill(handbook.tasks[2].title[language])
    page.wait_for_function("document.querySelectorAll('.team-task:not([hidden])').length === 1")
    # Escape empties the search field, and the list comes back at once
    page.locator("#team-filter-query").press("Escape")
    page.wait_for_function(f"document.querySelectorAll('.team-task:not([hidden])').length === {total}")
    page.locator("#team-filter-group").select_option(handbook.groups[1].id)
    page.click("#team-filter-clear")
    assert page.locator(".team-task:visible").count() == total
    assert page.evaluate("document.activeElement.id") == "team-filter-query"
    # With no filter on, the button is gone from the screen too (Material's buttons set their own
    # display, which once kept a hidden one visible)
    assert page.locator("#team-filter-clear").is_hidden()
    clean(page)


def test_a_warning_link_shows_and_focuses_the_task_even_when_filtered_out(page, server, handbook,
                                                                          language) -> None:
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 100)
    page.locator("#team-filter-member").select_option(member_ids(page)[0])
    page.locator(".team-warning--unowned summary").click()
    link = page.locator(".team-warning--unowned a").first
    target = link.get_attribute("data-jump")
    link.click()
    assert task_row(page, target).is_visible()
    assert focused(page) == {"task": target, "field": "who", "tag": "SELECT", "id": ""}
    clean(page)


def test_own_task_is_added_and_assigned(page, server, handbook, labels, language) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    form = page.locator("#team-task-form")
    form.locator("button[type=submit]").click()
    assert form.locator("input[name=title]").get_attribute("aria-invalid") == "true"
    form.locator("select[name=group]").select_option(handbook.groups[1].id)
    form.locator("input[name=title]").fill("Tablets van de kleuterklas")
    form.locator("input[name=hours]").fill("12")
    form.locator("button[type=submit]").click()
    own = saved_plan(page)["customTasks"]
    assert own[0]["title"] == "Tablets van de kleuterklas" and own[0]["hours"] == 12
    row = page.locator(f"#task-{own[0]['id']}")
    assert row.is_visible()
    assert focused(page) == {"task": own[0]["id"], "field": "who", "tag": "SELECT", "id": ""}
    row.locator('[data-action="remove-task"]').click()
    assert saved_plan(page)["customTasks"] == []
    assert page.evaluate("document.activeElement.name") == "title"
    clean(page)


def test_an_own_task_in_a_group_that_left_is_shown_and_can_be_moved(page, server, handbook, labels,
                                                                   language) -> None:
    fax = {"id": "own-fax", "group": "gone-group", "title": "Fax", "hours": 7}
    plan = a_plan(handbook, customTasks=[fax],
                  assignments={"own-fax": {"owner": "m-an", "notes": "Oude fax"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    row = task_row(page, "own-fax")
    assert row.is_visible()
    assert labels[language]["homeless_title"] in page.locator('[data-group="homeless"] h3').inner_text()
    assert "7" in page.locator(".team-bar").first.inner_text(), "its hours count, and it is shown"
    # The overview's link to it leads to it
    page.locator(".team-warning--homeless summary").click()
    page.locator('.team-warning--homeless a[data-jump="own-fax"]').click()
    assert focused(page)["task"] == "own-fax"
    # Moved with the keyboard: the choice is kept when focus leaves the select
    move = row.locator("[data-field=group]")
    move.focus()
    move.select_option(handbook.groups[2].id)
    assert saved_plan(page)["customTasks"][0]["group"] == handbook.groups[2].id
    assert page.locator('[data-group="homeless"]').count() == 0
    assert task_row(page, "own-fax").is_visible()
    assert focused(page)["tag"] != "BODY"
    assert saved_plan(page)["assignments"]["own-fax"] == {"owner": "m-an", "notes": "Oude fax"}
    clean(page)


def test_keyboard_only(page, server, handbook, language) -> None:
    open_team(page, server, language)
    page.locator("#team-member-form input[name=name]").focus()
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    page.keyboard.type("40")
    page.keyboard.press("Enter")
    (kim,) = member_ids(page)
    assert page.evaluate("document.activeElement.name") == "name", "focus returns to the name field"
    who = task_row(page, handbook.tasks[0].id).locator("[data-field=who]")
    who.focus()
    page.keyboard.press("ArrowDown")  # Chromium changes a closed select with the arrow keys
    assert who.input_value() == kim
    page.keyboard.press("Enter")  # keeps the choice
    assert saved_plan(page)["assignments"][handbook.tasks[0].id] == {"owner": kim}
    outline = who.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "focus is visible"
    page.wait_for_function("document.getElementById('team-live').textContent.length > 0")
    # Remove the member and undo it, by keyboard: focus goes to the undo button, then back
    page.locator(f'[data-member="{kim}"] [data-action="remove-member"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "undo"
    page.keyboard.press("Enter")
    assert member_ids(page) == [kim]
    assert page.evaluate("document.activeElement.dataset.mfield") == "name"
    clean(page)


def test_print_my_tasks(page, server, handbook, labels, language) -> None:
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 100)
    page.evaluate("window.print = () => {}")
    page.click('[data-action="print-member"]')
    printed = page.locator("#team-print")
    assert handbook.tasks[0].title[language] in printed.inner_text()
    assert handbook.tasks[1].title[language] not in printed.inner_text()
    page.emulate_media(media="print")
    assert printed.is_visible()
    assert page.locator("#team-app").is_hidden()
    clean(page)
