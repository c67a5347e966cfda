"""Promise: the self-assessment and the team page work together without either losing data.

- An advice's link opens the team page showing only the suggested tasks, with a filter chip
  and a message; removing the chip (or clearing the filters) shows every task again and takes
  the filter out of the address.
- A team plan and its self-assessment are exported together in one file and imported back:
  the plan goes to the team page's saved plans as a new plan, after a preview and only when
  chosen; saved plans the team page cannot read are never overwritten.

Checked in a real Chromium, in both languages; every file validates against its schemas.
"""

from __future__ import annotations

import json

import pytest

from handbook.assessment_data import assessment_labels
from handbook.team_data import team_labels
from handbook.team_format import plan_format
from handbook.team_format import storage_key as plan_key
from tests.assessment_browser import (
    LANGUAGES,
    TEAM,
    clean,
    confirm_import,
    document,
    downloaded,
    export,
    import_files,
    member_file,
    open_page,
    rate,
    response,
    saved,
    valid_bundle,
    wait_for_live,
)
from tests.conftest import axe_violations
from tests.team_browser import a_plan, plan_document
from tests.team_browser import valid as valid_plan


@pytest.fixture
def labels(handbook):
    return {language: assessment_labels(handbook, language) for language in LANGUAGES}


@pytest.fixture
def team_words(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


def visible_tasks(page) -> list[str]:
    return page.eval_on_selector_all(".team-task:not([hidden])", "rows => rows.map(r => r.dataset.task)")


def seed_plans(page, server: str, text: str) -> None:
    page.goto(server + "404.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [plan_key(), text])


def saved_plans(page) -> dict:
    return valid_plan(json.loads(page.evaluate("key => localStorage.getItem(key)", plan_key())))


# ---- The link that filters the team page ------------------------------------------------------


def test_a_link_shows_only_the_suggested_tasks_with_a_chip_to_remove(page, server, handbook, team_words,
                                                                      language) -> None:
    words = team_words[language]
    wanted = [handbook.tasks[5].id, handbook.tasks[0].id]
    page.goto(f"{server}{TEAM[language]}?tasks={','.join(wanted)},no-such-task#team-tasks-title")
    page.wait_for_selector("#team-app:not([hidden])")
    assert sorted(visible_tasks(page)) == sorted(wanted)
    chip = page.locator("#team-link-filter")
    assert chip.inner_text().startswith(words["link_filter_chip"].format(count=2))
    message = page.locator('[data-alert="link-filter"]').inner_text()
    assert words["link_filter_text"].format(count=2) in message
    assert words["link_filter_unknown"].format(count=1) in message
    assert page.locator("#team-filter-count").inner_text() == words["filter_count"].format(shown=2,
                                                                                           total=len(handbook.tasks))
    assert "tasks=" in page.url, "while the filter is on, a reload shows the same tasks"
    assert axe_violations(page) == []
    remove = chip.get_by_role("button", name=words["link_filter_remove"])
    remove.click()
    assert len(visible_tasks(page)) == len(handbook.tasks)
    assert page.locator("#team-link-filter").count() == 0
    assert page.locator('[data-alert="link-filter"]').count() == 0
    assert page.evaluate("document.getElementById('team-filter-clear').hidden")
    # Once it is removed, the address no longer carries it (the rest of the address stays)
    address = page.evaluate("location.href")
    assert "tasks=" not in address and address.endswith("/#team-tasks-title")
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    assert len(visible_tasks(page)) == len(handbook.tasks)
    clean(page)


def test_clearing_the_filters_clears_the_link_filter_too(page, server, handbook, language) -> None:
    page.goto(f"{server}{TEAM[language]}?tasks={handbook.tasks[0].id}")
    page.wait_for_selector("#team-app:not([hidden])")
    page.locator("#team-filter-clear").click()
    assert len(visible_tasks(page)) == len(handbook.tasks)
    assert page.locator("#team-link-filter").count() == 0
    clean(page)


def test_a_link_to_tasks_that_are_not_there_says_so_and_shows_everything(page, server, handbook, team_words,
                                                                        language) -> None:
    page.goto(f"{server}{TEAM[language]}?tasks=gone-one,gone-two")
    page.wait_for_selector("#team-app:not([hidden])")
    assert len(visible_tasks(page)) == len(handbook.tasks)
    message = page.locator('[data-alert="link-filter"]').inner_text()
    assert team_words[language]["link_filter_none"] in message
    assert page.locator("#team-link-filter").count() == 0
    clean(page)


def test_the_advice_link_opens_the_team_page_on_the_suggested_tasks(page, server, handbook, language) -> None:
    open_page(page, server, language)
    weakest = handbook.characteristics[3]
    rate(page, {weakest.id: 1})
    item = page.locator(f'.assessment-priority[data-characteristic="{weakest.id}"]')
    item.locator(".assessment-advice__team a").click()
    page.wait_for_selector("#team-app:not([hidden])")
    assert page.url.split("?")[0].endswith(TEAM[language])
    assert sorted(visible_tasks(page)) == sorted(weakest.rubric.task_ids)
    clean(page)


# ---- A plan and its assessment in one file ----------------------------------------------------


def test_export_the_plan_and_the_assessment_together_and_import_them_elsewhere(browser, server, handbook,
                                                                               labels, language) -> None:
    L = labels[language]
    plan = a_plan(handbook, assignments={handbook.tasks[0].id: {"owner": "m-an"}})
    other = a_plan(handbook, id="p-other", name="Andere school")
    # The coordinator's browser: a team plan on the team page and the team's answers here
    context = browser.new_context()
    page = context.new_page()
    seed_plans(page, server, json.dumps(plan_document([other, plan], current="p-school")))
    open_page(page, server, language)
    import_files(page, [("an.json", member_file("r-an", "An", handbook, [2] * 9))])
    confirm_import(page)
    page.click("#assessment-snapshot-form button[type=submit]")
    select = page.locator("#assessment-bundle-plan")
    assert select.locator("option").all_inner_texts() == ["Andere school", "Sint-Jozef"]
    assert select.input_value() == "p-school", "the plan on screen on the team page"
    bundle = valid_bundle(export(page, "export-bundle"))
    assert bundle["plan"]["plans"] == [plan]
    assert [r["id"] for r in bundle["assessment"]["responses"]] == ["r-an"]
    assert len(bundle["assessment"]["history"]) == 1
    context.close()
    # Another browser (a new laptop): import the one file
    context = browser.new_context()
    page = context.new_page()
    page.console_errors, page.foreign_requests = [], []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    open_page(page, server, language)
    import_files(page, [("bundle.json", json.dumps(bundle))])
    preview = page.locator("#assessment-import-preview")
    choice = preview.locator('input[name="plan"]')
    assert choice.is_checked()
    assert "Sint-Jozef" in preview.locator(".assessment-import-plans").inner_text()
    assert page.evaluate("key => localStorage.getItem(key)", plan_key()) is None, \
        "nothing changes before the user chooses"
    confirm_import(page)
    wait_for_live(page, L["bundle_plan_added"].format(name="Sint-Jozef"))
    plans = saved_plans(page)
    assert plans["plans"] == [plan] and plans["current"] == plan["id"]
    assert [r["id"] for r in saved(page)["responses"]] == ["r-an"] and len(saved(page)["history"]) == 1
    # The team page shows it
    page.goto(server + TEAM[language])
    page.wait_for_selector("#team-app:not([hidden])")
    assert page.locator("#team-plan-name").input_value() == "Sint-Jozef"
    # Imported again: recognised, nothing doubles
    open_page(page, server, language)
    import_files(page, [("bundle.json", json.dumps(bundle))])
    preview = page.locator("#assessment-import-preview")
    assert L["bundle_plan_there"].format(name="Sint-Jozef") in preview.inner_text()
    assert preview.locator('input[name="plan"]').count() == 0
    assert L["import_nothing_new"] in preview.inner_text()
    assert page.locator('[data-action="import-confirm"]').is_disabled()
    assert len(saved_plans(page)["plans"]) == 1
    assert page.console_errors == []
    context.close()


def test_a_plan_that_clashes_with_one_there_is_added_beside_it(page, server, handbook, labels,
                                                               language) -> None:
    L = labels[language]
    here = a_plan(handbook)
    seed_plans(page, server, json.dumps(plan_document([here])))
    incoming = a_plan(handbook, assignments={handbook.tasks[1].id: {"owner": "m-bo"}})
    bundle = {"format": "ict-team-bundle", "version": 1, "plan": plan_document([incoming]),
              "assessment": document([response("r-an", "An", {handbook.characteristics[0].id: 2})])}
    open_page(page, server, language)
    import_files(page, [("bundle.json", json.dumps(bundle))])
    confirm_import(page)
    copy = L["bundle_plan_copy_name"].format(name="Sint-Jozef")
    wait_for_live(page, L["bundle_plan_added"].format(name=copy))
    plans = saved_plans(page)["plans"]
    assert plans[0] == here, "the plan that was there is untouched"
    assert plans[1]["name"] == copy and plans[1]["id"] != here["id"]
    assert plans[1]["assignments"] == incoming["assignments"]
    clean(page)


def test_the_plan_can_be_left_out_of_the_import(page, server, handbook, language) -> None:
    bundle = {"format": "ict-team-bundle", "version": 1, "plan": plan_document([a_plan(handbook)]),
              "assessment": document([response("r-an", "An", {handbook.characteristics[0].id: 2})])}
    open_page(page, server, language)
    import_files(page, [("bundle.json", json.dumps(bundle))])
    page.locator('#assessment-import-preview input[name="plan"]').uncheck()
    confirm_import(page)
    assert page.evaluate("key => localStorage.getItem(key)", plan_key()) is None
    assert len(saved(page)["responses"]) == 1
    clean(page)


@pytest.mark.parametrize("kind", ["corrupt", "newer"])
def test_saved_plans_the_page_cannot_read_are_never_overwritten(page, server, handbook, labels, language,
                                                                kind) -> None:
    L = labels[language]
    text = "{not json" if kind == "corrupt" else json.dumps({**plan_document([a_plan(handbook)]),
                                                              "version": plan_format().version + 1})
    seed_plans(page, server, text)
    plan = a_plan(handbook, id="p-new", name="Nieuw")
    bundle = {"format": "ict-team-bundle", "version": 1, "plan": plan_document([plan]),
              "assessment": document([response("r-an", "An", {handbook.characteristics[0].id: 2})])}
    open_page(page, server, language)
    assert L["bundle_plans_unreadable"] in page.locator("#assessment-bundle-note").inner_text()
    assert page.locator('[data-action="export-bundle"]').is_disabled()
    import_files(page, [("bundle.json", json.dumps(bundle))])
    confirm_import(page)
    alert = page.locator('[data-alert="plan-handoff"]')
    reason = "bundle_plan_unreadable" if kind == "corrupt" else "bundle_plan_newer"
    assert L[reason].format(name="Nieuw") in alert.inner_text()
    assert page.evaluate("key => localStorage.getItem(key)", plan_key()) == text
    # The plan is still there for the user, as a file for the team page
    with page.expect_download() as info:
        alert.locator('[data-action="plan-download"]').click()
    assert valid_plan(json.loads(downloaded(info)))["plans"] == [plan]
    assert len(saved(page)["responses"]) == 1, "the answers were imported all the same"
    clean(page)


def test_a_part_that_is_too_new_is_refused_on_its_own(page, server, handbook, labels, language) -> None:
    L = labels[language]
    newer_plan = {**plan_document([a_plan(handbook)]), "version": plan_format().version + 1}
    bundle = {"format": "ict-team-bundle", "version": 1, "plan": newer_plan,
              "assessment": document([response("r-an", "An", {handbook.characteristics[0].id: 2})])}
    open_page(page, server, language)
    import_files(page, [("bundle.json", json.dumps(bundle))])
    refused = page.locator(".assessment-import-refused").inner_text()
    assert L["bundle_plan_refused"].format(file="bundle.json") in refused and L["problem_newer"] in refused
    assert page.locator('#assessment-import-preview input[name="plan"]').count() == 0
    confirm_import(page)
    assert len(saved(page)["responses"]) == 1
    assert page.evaluate("key => localStorage.getItem(key)", plan_key()) is None
    clean(page)
