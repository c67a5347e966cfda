"""Promise: the team planner never loses a school's edit.

Checked in a real Chromium, in both languages: what is saved and exported validates against
the published schema; undo restores only what it took; two tabs, broken or newer saved data,
old versions of the format and imports with several plans keep every decision visible.
"""

from __future__ import annotations

import json

import pytest

from handbook.team_data import team_labels
from handbook.team_format import LEGACY_STORAGE_KEYS, plan_format, storage_key
from tests.team_browser import (
    LANGUAGES,
    ROOT,
    a_plan,
    add_member,
    choose,
    clean,
    downloaded,
    import_file,
    member_ids,
    open_team,
    owner_of,
    plan_document,
    raw_saved,
    recording_tab,
    reload,
    saved,
    saved_plan,
    seed,
    task_row,
    valid,
    wait_for_live,
    write_notes,
)


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


@pytest.fixture
def two_tabs(browser, server):
    context = browser.new_context()
    tabs = [recording_tab(context, server) for _ in range(2)]
    for tab in tabs:
        open_team(tab, server, "en")
    yield tabs
    for tab in tabs:
        clean(tab)
    context.close()


# ---- Undo -------------------------------------------------------------------------------------


def test_undo_after_later_edits_keeps_them(page, server, handbook, language) -> None:
    first, second = handbook.tasks[0].id, handbook.tasks[1].id
    open_team(page, server, language)
    an = owner_of(page, first, "An", 10)
    bo = owner_of(page, second, "Bo", 10)
    page.click(f'[data-member="{an}"] [data-action="remove-member"]')
    # Later work: an owner, a status, a note, a renamed plan
    choose(page, first, "who", bo)
    choose(page, second, "status", "doing")
    write_notes(page, second, "Na de verwijdering")
    page.locator("#team-plan-name").fill("Na de verwijdering")
    page.locator("#team-plan-name").press("Enter")
    undo = page.locator('[data-action="undo"]')
    if undo.is_visible():
        undo.click()
        assert an in member_ids(page)
    plan = saved_plan(page)
    assert plan["name"] == "Na de verwijdering"
    assert plan["assignments"][first]["owner"] == bo
    assert plan["assignments"][second] == {"owner": bo, "status": "doing", "notes": "Na de verwijdering"}
    clean(page)


def test_undo_in_one_tab_keeps_what_another_tab_did_since(two_tabs, handbook) -> None:
    first, second = two_tabs
    task = handbook.tasks[0].id
    an = owner_of(first, task, "An", 10)
    add_member(first, "Bo", 10)
    first.click(f'[data-member="{an}"] [data-action="remove-member"]')
    second.wait_for_function("document.querySelectorAll('#team-member-list [data-member]').length === 1")
    bo = member_ids(second)[0]
    choose(second, handbook.tasks[1].id, "who", bo)
    first.wait_for_function(
        f"document.querySelector('#task-{handbook.tasks[1].id} [data-field=who]').value === '{bo}'")
    first.click('[data-action="undo"]')
    plan = saved_plan(first)
    assert sorted(m["name"] for m in plan["members"]) == ["An", "Bo"]
    assert plan["assignments"][task] == {"owner": an}
    assert plan["assignments"][handbook.tasks[1].id] == {"owner": bo}


# ---- The saved format -------------------------------------------------------------------------


def test_a_plan_saved_without_revision_is_saved_valid(page, server, handbook, language) -> None:
    # Version 1 did not require a revision; its pages then saved "revision": null
    document = {**plan_document([a_plan(handbook)]), "version": 1}
    del document["revision"]
    seed(page, server, json.dumps(document))
    open_team(page, server, language)
    choose(page, handbook.tasks[0].id, "who", "m-an")
    assert saved(page)["revision"] >= 1
    clean(page)


def test_data_saved_by_a_newer_version_is_left_alone(page, server, handbook, labels, language) -> None:
    document = {**plan_document([a_plan(handbook)]), "version": 99, "revision": 7}
    raw = json.dumps(document)
    seed(page, server, raw)
    open_team(page, server, language)
    alert = page.locator('[data-alert="newer"]')
    assert labels[language]["newer_text"] in alert.inner_text()
    assert page.locator('[data-action="corrupt-fresh"]').count() == 0, "never offer to overwrite it"
    add_member(page, "Cy", 10)
    assert raw_saved(page) == raw
    clean(page)


# ---- Two tabs ---------------------------------------------------------------------------------


def test_typing_a_note_while_another_tab_saves(two_tabs, handbook) -> None:
    first, second = two_tabs
    task = handbook.tasks[0].id
    notes = task_row(first, task).locator("[data-field=notes]")
    task_row(first, task).locator(".team-notes summary").click()
    notes.click()
    first.keyboard.type("Leverancier bellen ")
    add_member(second, "Bo", 10)
    first.wait_for_function("document.querySelectorAll('#team-member-list [data-member]').length === 1")
    first.keyboard.type("voor juni")
    assert notes.is_visible()
    assert notes.input_value() == "Leverancier bellen voor juni"
    notes.blur()
    plan = saved_plan(first)
    assert plan["assignments"][task]["notes"] == "Leverancier bellen voor juni"
    assert [m["name"] for m in plan["members"]] == ["Bo"]


def test_an_own_task_in_a_group_that_left_is_read_the_same_in_every_tab(two_tabs, server, handbook) -> None:
    first, second = two_tabs
    fax = {"id": "own-fax", "group": "gone-group", "title": "Fax", "hours": 7}
    plan = a_plan(handbook, customTasks=[fax],
                  assignments={"own-fax": {"owner": "m-an", "notes": "Oude fax"}})
    first.evaluate("([key, text]) => localStorage.setItem(key, text)",
                   [storage_key(), json.dumps(plan_document([plan]))])
    for tab in two_tabs:
        tab.reload()
        tab.wait_for_selector("#team-app:not([hidden])")
    row = task_row(first, "own-fax")
    assert row.is_visible(), "an own task that counts in someone's hours is shown"
    add_member(second, "Cy", 10)
    first.wait_for_function("document.querySelectorAll('#team-member-list [data-member]').length === 3")
    assert first.locator('[data-alert="corrupt"]').count() == 0
    add_member(first, "Dee", 10)
    assert [m["name"] for m in saved_plan(second)["members"]] == ["An", "Bo", "Cy", "Dee"]
    assert saved_plan(first)["assignments"]["own-fax"]["notes"] == "Oude fax"


# ---- Import and export ------------------------------------------------------------------------


def test_a_file_with_several_plans_shows_them_all_and_the_user_chooses(page, server, handbook,
                                                                       language) -> None:
    open_team(page, server, language)
    one = a_plan(handbook, id="p-one", name="School Een")
    two = a_plan(handbook, id="p-two", name="School Twee",
                 assignments={handbook.tasks[0].id: {"owner": "m-bo", "status": "done"}})
    import_file(page, "backup.json", json.dumps(plan_document([one, two])).encode())
    preview = page.locator("#team-import-preview")
    preview.wait_for()
    assert "School Een" in preview.inner_text() and "School Twee" in preview.inner_text()
    preview.get_by_label("School Een").uncheck()
    page.click('[data-action="import-replace"]')
    plan = saved_plan(page)
    assert plan["name"] == "School Twee"
    assert plan["assignments"][handbook.tasks[0].id] == {"owner": "m-bo", "status": "done"}
    clean(page)


def test_export_all_plans_and_restore_them(page, server, handbook, language) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 10)
    page.click('[data-action="plan-new"]')
    add_member(page, "Bo", 10)
    with page.expect_download() as info:
        page.click('[data-action="export-all"]')
    backup = valid(json.loads(downloaded(info)))
    assert len(backup["plans"]) == 2
    assert backup["plans"] == saved(page)["plans"]
    clean(page)


# ---- Where and how plans are saved ------------------------------------------------------------


def test_plans_are_saved_under_a_key_scoped_by_the_sites_base_path(page, server, language) -> None:
    open_team(page, server, language)
    add_member(page, "An", 10)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('team-plans'))") == [storage_key()]
    assert storage_key() == "/.ict-team-handbook.team-plans"
    assert saved(page)["version"] == plan_format().version
    clean(page)


def test_a_stored_version_1_document_under_the_old_key_keeps_loading(page, server, handbook,
                                                                     language) -> None:
    v1 = (ROOT / "tests" / "fixtures" / "team" / "team-plan-v1.json").read_text(encoding="utf-8")
    seed(page, server, v1, key=LEGACY_STORAGE_KEYS[0])
    open_team(page, server, language)
    old = json.loads(v1)
    document = saved(page)  # written back at once, as version 2, under the new key
    assert document["version"] == plan_format().version and document["revision"] == 1
    assert document["plans"] == old["plans"]
    assert page.evaluate("key => localStorage.getItem(key)", LEGACY_STORAGE_KEYS[0]) is None
    # Everything in it is on screen: each decision on its task row, or under "no longer in the
    # handbook"; every member; both plans
    plan = old["plans"][0]
    names = page.locator("#team-member-list [data-mfield=name]").evaluate_all("els => els.map(e => e.value)")
    assert names == [m["name"] for m in plan["members"]]
    handbook_ids = {task.id for task in handbook.tasks} | {t["id"] for t in plan["customTasks"]}
    for task_id, decision in plan["assignments"].items():
        if task_id in handbook_ids:
            row = task_row(page, task_id)
            if "owner" in decision:
                assert row.locator("[data-field=who]").input_value() == decision["owner"]
            if "partner" in decision:
                assert row.locator("[data-field=partner]").input_value() == decision["partner"]
                assert row.locator("[data-field=partner]").is_visible()
            if "notes" in decision:
                assert row.locator("[data-field=notes]").input_value() == decision["notes"]
        else:
            assert decision["notes"] in page.locator(f'[data-orphan="{task_id}"]').inner_text()
    assert page.locator("#team-plan-select option").count() == 2
    clean(page)


def test_corrupt_saved_data_is_kept_until_the_user_agrees(page, server, labels, language) -> None:
    other_format = json.dumps({"format": "something-else", "version": 1, "revision": 99})
    for raw in ("{this is not a plan", other_format):
        seed(page, server, raw)
        open_team(page, server, language)
        alert = page.locator('[data-alert="corrupt"]')
        assert labels[language]["corrupt_text"] in alert.inner_text()
        add_member(page, "An", 10)  # the planner works in memory meanwhile
        assert raw_saved(page) == raw
        with page.expect_download() as info:
            page.click('[data-action="held-download"]')
        assert downloaded(info) == raw
        page.once("dialog", lambda dialog: dialog.accept())
        page.click('[data-action="corrupt-fresh"]')
        assert [m["name"] for m in saved_plan(page)["members"]] == ["An"]
        assert page.locator('[data-alert="corrupt"]').count() == 0
    clean(page)


def test_data_from_a_newer_version_can_be_kept_as_a_file(page, server, handbook, language) -> None:
    raw = json.dumps({**plan_document([a_plan(handbook)]), "version": 99})
    seed(page, server, raw)
    open_team(page, server, language)
    with page.expect_download() as info:
        page.click('[data-action="held-download"]')
    assert downloaded(info) == raw
    assert page.locator('[data-action="held-reload"]').is_visible()
    clean(page)


REFUSE_WRITES = """
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
"""


def test_blocked_storage_keeps_working_in_memory(page, server, handbook, labels, language) -> None:
    # A browser that refuses every write (private mode in some browsers, strict settings)
    page.add_init_script(REFUSE_WRITES)
    open_team(page, server, language)
    assert labels[language]["storage_blocked"] in page.locator('[data-alert="blocked"]').inner_text()
    an = owner_of(page, handbook.tasks[0].id, "An", 10)
    assert labels[language]["save_memory"] in page.locator("#team-save-status").inner_text()
    with page.expect_download() as info:
        page.click('[data-action="export-json"]')
    exported = valid(json.loads(downloaded(info)))
    assert exported["plans"][0]["assignments"][handbook.tasks[0].id] == {"owner": an}
    clean(page)


def test_full_storage_says_so_and_keeps_the_change(page, server, labels) -> None:
    open_team(page, server, "en")
    add_member(page, "An", 10)
    page.evaluate(f"() => {{ {REFUSE_WRITES} }}")
    add_member(page, "Bo", 10)
    assert labels["en"]["storage_full"] in page.locator('[data-alert="full"]').inner_text()
    assert len(member_ids(page)) == 2, "the change stays on screen"
    assert len(saved_plan(page)["members"]) == 1
    clean(page)


def test_the_plan_limit_is_said_and_the_saved_plans_stay_readable(page, server, handbook, labels,
                                                                  language) -> None:
    plans = [a_plan(handbook, id=f"p-{number}", name=f"School {number}") for number in range(50)]
    seed(page, server, json.dumps(plan_document(plans)))
    open_team(page, server, language)
    page.locator("[data-action=plan-duplicate]").click()
    alert = page.locator('[data-alert="limits"]')
    assert alert.inner_text().strip() == labels[language]["plans_full"].format(max=50)
    assert len(saved(page)["plans"]) == 50
    reload(page)
    assert page.locator('[data-alert="corrupt"]').count() == 0
    clean(page)


def test_content_update_keeps_removed_and_flags_new_tasks(page, server, handbook, labels, language) -> None:
    new_task = handbook.tasks[5].id
    known = [task.id for task in handbook.tasks if task.id != new_task]
    plan = a_plan(handbook, knownTasks=[*known, "tech-old-fax"],
                  assignments={"tech-old-fax": {"owner": "m-an", "notes": "Fax bij het secretariaat"},
                               handbook.tasks[0].id: {"owner": "m-bo"}})
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    orphans = page.locator("#team-orphans")
    assert orphans.is_visible()
    assert "tech-old-fax" in orphans.inner_text() and "Fax bij het secretariaat" in orphans.inner_text()
    assert page.locator(".team-warning--orphans a").get_attribute("href") == "#team-orphans-title"
    title = task_row(page, new_task).locator(".team-task__title").text_content()
    assert labels[language]["badge_new"] in title
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == "m-bo"
    # An edit elsewhere keeps the orphan in storage
    choose(page, handbook.tasks[1].id, "who", "m-an")
    assert saved_plan(page)["assignments"]["tech-old-fax"]["notes"] == "Fax bij het secretariaat"
    page.click('[data-action="acknowledge"]')
    assert task_row(page, new_task).locator(".team-badge--new").count() == 0
    assert page.evaluate("document.activeElement.id") == "team-overview-title"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="drop-orphan"]')
    assert "tech-old-fax" not in saved_plan(page)["assignments"]
    assert orphans.is_hidden()
    clean(page)


# ---- Undo -------------------------------------------------------------------------------------


def test_remove_member_can_be_undone(page, server, handbook, language) -> None:
    open_team(page, server, language)
    an = owner_of(page, handbook.tasks[0].id, "An", 10)
    page.click('[data-action="remove-member"]')
    assert member_ids(page) == []
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == ""
    page.click('[data-action="undo"]')
    assert member_ids(page) == [an]
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == an
    assert saved_plan(page)["assignments"][handbook.tasks[0].id] == {"owner": an}
    assert page.locator("#team-undo").is_hidden()
    clean(page)


# ---- Two tabs ---------------------------------------------------------------------------------


def test_two_tabs_do_not_overwrite_each_other(two_tabs, labels) -> None:
    first, second = two_tabs
    add_member(first, "An", 10)
    second.wait_for_selector("#team-member-list [data-member]")
    second.wait_for_function("text => document.getElementById('team-live').textContent.includes(text)",
                             arg=labels["en"]["other_tab"])
    add_member(second, "Bo", 10)
    first.wait_for_function("document.querySelectorAll('#team-member-list [data-member]').length === 2")
    assert [m["name"] for m in saved_plan(first)["members"]] == ["An", "Bo"]


def test_a_change_made_before_hearing_of_another_tab_is_added_to_it(browser, server, labels) -> None:
    context = browser.new_context()
    first, second = recording_tab(context, server), recording_tab(context, server)
    # The second tab never hears of the first's saves (as when the event comes late)
    second.add_init_script("""
        const listen = window.addEventListener;
        window.addEventListener = function (type, ...rest) {
            if (type !== "storage") return listen.call(this, type, ...rest);
        };
    """)
    for tab in (first, second):
        open_team(tab, server, "en")
    add_member(first, "An", 10)
    add_member(second, "Bo", 10)
    assert [m["name"] for m in saved_plan(second)["members"]] == ["An", "Bo"]
    wait_for_live(second, labels["en"]["other_tab_rebased"])
    names = second.locator("#team-member-list [data-mfield=name]").evaluate_all(
        "els => els.map(e => e.value)")
    assert names == ["An", "Bo"], "the screen shows both"
    for tab in (first, second):
        clean(tab)
    context.close()


# ---- Import and export ------------------------------------------------------------------------


def test_export_clear_import_gives_the_same_plan(page, server, handbook, language) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 100)
    write_notes(page, handbook.tasks[0].id, "Contract loopt tot juni")
    before = saved_plan(page)
    with page.expect_download() as info:
        page.click('[data-action="export-json"]')
    exported = valid(json.loads(downloaded(info)))
    assert exported["format"] == plan_format().name and exported["version"] == plan_format().version

    page.evaluate("key => localStorage.removeItem(key)", storage_key())
    reload(page)
    assert member_ids(page) == []
    import_file(page, "plan.json", json.dumps(exported).encode())
    page.click('[data-action="import-replace"]')
    after = saved_plan(page)
    assert {k: after[k] for k in ("members", "assignments", "customTasks", "name")} == \
        {k: before[k] for k in ("members", "assignments", "customTasks", "name")}
    notes = task_row(page, handbook.tasks[0].id).locator("[data-field=notes]")
    assert notes.input_value() == "Contract loopt tot juni"
    assert page.evaluate("document.activeElement.id") == "team-import-file"
    clean(page)


def test_import_merge_shows_a_preview_first(page, server, handbook) -> None:
    open_team(page, server, "en")
    add_member(page, "An", 100)
    incoming = a_plan(handbook, assignments={handbook.tasks[2].id: {"owner": "m-bo"}})
    import_file(page, "other.json", json.dumps(plan_document([incoming])).encode())
    preview = page.locator("#team-import-preview")
    preview.wait_for()  # the file is read asynchronously
    assert "other.json" in preview.inner_text()
    assert len(saved_plan(page)["members"]) == 1, "nothing changes before the user chooses"
    page.click('[data-action="import-merge"]')
    plan = saved_plan(page)
    assert [m["name"] for m in plan["members"]] == ["An", "Bo"]
    assert plan["assignments"][handbook.tasks[2].id] == {"owner": "m-bo"}
    clean(page)


def test_a_version_1_file_is_imported(page, server) -> None:
    open_team(page, server, "nl")
    import_file(page, "oud.json", (ROOT / "tests" / "fixtures" / "team" / "team-plan-v1.json").read_bytes())
    page.locator("#team-import-preview").wait_for()
    page.click('[data-action="import-add"]')
    assert len(saved(page)["plans"]) == 3
    clean(page)


@pytest.mark.parametrize("case", ["malformed", "other-format", "newer-version", "bad-types", "blank-name"])
def test_a_bad_import_changes_nothing(page, server, handbook, labels, language, case) -> None:
    open_team(page, server, language)
    add_member(page, "An", 100)
    before = saved(page)
    good = plan_document([a_plan(handbook)])
    member = {"id": "m-x", "name": 5, "hours": 1, "roles": []}
    files = {
        "malformed": b"{\"format\": \"ict-team-plan\", ",
        "other-format": json.dumps({**good, "format": "something-else"}).encode(),
        "newer-version": json.dumps({**good, "version": plan_format().version + 1}).encode(),
        "bad-types": json.dumps(plan_document([a_plan(handbook, members=[member])])).encode(),
        "blank-name": json.dumps(plan_document([a_plan(handbook, members=[{**member, "name": " "}])]))
        .encode(),
    }
    import_file(page, "bad.json", files[case])
    alert = page.locator('[data-alert="import"]')
    alert.wait_for()
    problem = {"malformed": "problem_json", "other-format": "problem_format",
               "newer-version": "problem_newer", "bad-types": "problem_invalid",
               "blank-name": "problem_invalid"}[case]
    assert labels[language][problem] in alert.inner_text()
    if problem == "problem_invalid":
        assert "plans[0].members[0].name" in alert.inner_text()
    assert page.locator("#team-import-preview").is_hidden()
    assert saved(page) == before
    clean(page)
