"""The team page in a real Chromium, in both languages: the planner keeps a school's data.

Every browser test also checks that no request left the site's origin and that the console
stayed free of errors (the `page` fixture records both).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from handbook.team_data import PLAN_FORMAT, PLAN_FORMAT_VERSION, STORAGE_KEY, team_labels

LANGUAGES = {"nl": "team/", "en": "en/team/"}


# ---- Helpers ----------------------------------------------------------------------------------


def open_team(page, server: str, language: str) -> None:
    page.goto(server + LANGUAGES[language])
    page.wait_for_selector("#team-app:not([hidden])")


def add_member(page, name: str, hours: int) -> None:
    form = page.locator("#team-member-form")
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=hours]").fill(str(hours))
    form.locator("button[type=submit]").click()


def member_ids(page) -> list[str]:
    return page.eval_on_selector_all("#team-member-list [data-member]",
                                     "els => els.map(e => e.dataset.member)")


def task_row(page, task_id: str):
    return page.locator(f"#task-{task_id}")


def choose(page, task_id: str, field: str, value: str) -> None:
    """Pick an owner or backup the way a person does: the select gets focus, then a value."""
    select = task_row(page, task_id).locator(f"[data-field={field}]")
    select.focus()
    select.select_option(value)


def owner_of(page, task_id: str, name: str, hours: int) -> str:
    """Add a member and make them the owner of one task; return their id."""
    add_member(page, name, hours)
    (member,) = member_ids(page)
    choose(page, task_id, "who", member)
    return member


def import_file(page, name: str, content: bytes) -> None:
    page.set_input_files("#team-import-file",
                         files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def downloaded(info) -> str:
    return Path(info.value.path()).read_text(encoding="utf-8")


def saved(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))


def clean(page) -> None:
    """Nothing left the origin and nothing went wrong in the console."""
    assert page.foreign_requests == []
    assert page.console_errors == []


def plan_document(plans: list[dict], current: str | None = None) -> dict:
    return {"format": PLAN_FORMAT, "version": PLAN_FORMAT_VERSION, "revision": 1,
            "saved": "2026-01-01T00:00:00.000Z", "current": current or plans[0]["id"], "plans": plans}


def a_plan(handbook, **changes) -> dict:
    plan = {"id": "p-school", "name": "Sint-Jozef", "members": [
        {"id": "m-an", "name": "An", "hours": 100, "roles": ["ict-coordinator"]},
        {"id": "m-bo", "name": "Bo", "hours": 50, "roles": []}],
        "assignments": {}, "customTasks": [], "knownTasks": [task.id for task in handbook.tasks]}
    plan.update(changes)
    return plan


def seed(page, server: str, text: str) -> None:
    """Put `text` in the planner's storage before the page's scripts run."""
    page.goto(server + "404.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


@pytest.fixture(params=list(LANGUAGES))
def language(request) -> str:
    return request.param


# ---- The page as built ------------------------------------------------------------------------


@pytest.mark.parametrize("language_", list(LANGUAGES))
def test_data_island_holds_every_task(pages, handbook, language_) -> None:
    soup = pages.page(LANGUAGES[language_])
    data = json.loads(soup.find("script", id="team-data").string)
    assert [t["id"] for t in data["tasks"]] == [t.id for t in handbook.tasks]
    assert data["format"] == PLAN_FORMAT and data["storageKey"] == STORAGE_KEY
    assert data["tasks"][0]["title"] == handbook.tasks[0].title[language_]
    assert soup.find("script", attrs={"type": "module", "src": re.compile(r"team/main\.js$")})
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("language_", list(LANGUAGES))
def test_fallback_lists_every_task_by_group(pages, handbook, labels, language_) -> None:
    fallback = pages.page(LANGUAGES[language_]).find(id="team-fallback")
    assert labels[language_]["nojs_title"] in fallback.get_text()
    for group in handbook.groups:
        assert fallback.find("h3", string=group.title[language_])
    titles = [a.get_text() for a in fallback.select("table a")]
    assert titles == [task.title[language_] for group in handbook.groups for task in group.tasks]


def test_every_label_the_planner_uses_exists(handbook) -> None:
    root = Path(__file__).resolve().parent.parent / "overrides"
    sources = [*(root / "assets/javascripts/team").glob("*.js"), root / "team.html"]
    used = {key for path in sources
            for key in re.findall(r"\bL\.([a-z_]+)", path.read_text(encoding="utf-8"))}
    for language in LANGUAGES:
        available = team_labels(handbook, language)
        assert sorted(used - set(available)) == []


def test_schema_published(site) -> None:
    schema = json.loads((site / "schema" / "team-plan.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["const"] == PLAN_FORMAT
    assert schema["properties"]["version"]["const"] == PLAN_FORMAT_VERSION


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
    task_row(page, first).locator("[data-field=status]").select_option("doing")
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    names = page.locator("#team-member-list [data-mfield=name]").evaluate_all("els => els.map(e => e.value)")
    assert names == ["An Peeters", "Bram"]
    assert task_row(page, first).locator("[data-field=who]").input_value() == an
    assert task_row(page, first).locator("[data-field=backup]").input_value() == bram
    assert task_row(page, first).locator("[data-field=status]").input_value() == "doing"
    assert task_row(page, second).locator("[data-field=partner]").input_value() == "Scholengroep"
    assert saved(page)["format"] == PLAN_FORMAT
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
    assert task.title.en in task_row(page, task.id).locator("legend").text_content()
    assert labels["en"]["members_title"] in page.locator("#team-members-title").inner_text()
    clean(page)


def test_export_clear_import_gives_the_same_plan(page, server, handbook, language, tmp_path) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    owner_of(page, handbook.tasks[0].id, "An", 100)
    task_row(page, handbook.tasks[0].id).locator("summary").click()
    task_row(page, handbook.tasks[0].id).locator("[data-field=notes]").fill("Contract loopt tot juni")
    task_row(page, handbook.tasks[0].id).locator("[data-field=notes]").blur()
    before = saved(page)["plans"][0]
    with page.expect_download() as info:
        page.click('[data-action="export-json"]')
    exported = json.loads(downloaded(info))
    assert exported["format"] == PLAN_FORMAT and exported["version"] == PLAN_FORMAT_VERSION
    with page.expect_download() as info:
        page.click('[data-action="export-csv"]')
    csv = downloaded(info)
    assert csv.startswith("\ufeff") and (";" if language == "nl" else ",") in csv.splitlines()[0]

    page.evaluate("key => localStorage.removeItem(key)", STORAGE_KEY)
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    assert member_ids(page) == []
    page.set_input_files("#team-import-file", files=[{"name": "plan.json", "mimeType": "application/json",
                                                      "buffer": json.dumps(exported).encode()}])
    page.click('[data-action="import-replace"]')
    after = saved(page)["plans"][0]
    assert {k: after[k] for k in ("members", "assignments", "customTasks", "name")} == \
        {k: before[k] for k in ("members", "assignments", "customTasks", "name")}
    notes = task_row(page, handbook.tasks[0].id).locator("[data-field=notes]")
    assert notes.input_value() == "Contract loopt tot juni"
    clean(page)


def test_import_merge_shows_a_preview_first(page, server, handbook) -> None:
    open_team(page, server, "en")
    add_member(page, "An", 100)
    incoming = a_plan(handbook, assignments={handbook.tasks[2].id: {"owner": "m-bo"}})
    import_file(page, "other.json", json.dumps(plan_document([incoming])).encode())
    preview = page.locator("#team-import-preview")
    preview.wait_for()  # the file is read asynchronously
    assert "other.json" in preview.inner_text()
    assert len(saved(page)["plans"][0]["members"]) == 1, "nothing changes before the user chooses"
    page.click('[data-action="import-merge"]')
    plan = saved(page)["plans"][0]
    assert [m["name"] for m in plan["members"]] == ["An", "Bo"]
    assert plan["assignments"][handbook.tasks[2].id] == {"owner": "m-bo"}
    clean(page)


@pytest.mark.parametrize("case", ["malformed", "other-format", "newer-version", "bad-types"])
def test_a_bad_import_changes_nothing(page, server, handbook, labels, language, case) -> None:
    open_team(page, server, language)
    add_member(page, "An", 100)
    before = saved(page)
    good = plan_document([a_plan(handbook)])
    files = {
        "malformed": b"{\"format\": \"ict-team-plan\", ",
        "other-format": json.dumps({**good, "format": "something-else"}).encode(),
        "newer-version": json.dumps({**good, "version": PLAN_FORMAT_VERSION + 1}).encode(),
        "bad-types": json.dumps(plan_document([a_plan(
            handbook, members=[{"id": "m-x", "name": 5, "hours": 1, "roles": []}])])).encode(),
    }
    import_file(page, "bad.json", files[case])
    alert = page.locator('[data-alert="import"]')
    alert.wait_for()
    problem = {"malformed": "problem_json", "other-format": "problem_format",
               "newer-version": "problem_version", "bad-types": "problem_invalid"}[case]
    assert labels[language][problem] in alert.inner_text()
    assert page.locator("#team-import-preview").is_hidden()
    assert saved(page) == before
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
    page.set_input_files("#team-import-file", files=[{"name": "evil.json", "mimeType": "application/json",
                                                      "buffer": json.dumps(plan_document([plan])).encode()}])
    page.click('[data-action="import-add"]')
    assert page.locator("#team-app img").count() == 0
    assert page.locator("#team-app b").count() == 0
    assert page.evaluate("window.hacked") is None
    assert evil in page.locator("#task-own-evil legend").text_content()
    assert page.locator("#team-member-list [data-mfield=name]").input_value() == evil
    assert evil in page.locator("#team-overview").inner_text()
    clean(page)


# ---- Data safety ------------------------------------------------------------------------------


UNREADABLE = {"not-json": "{this is not a plan",
              "other-format": json.dumps({"format": "something-else", "version": 1, "revision": 99})}


@pytest.mark.parametrize("kind", list(UNREADABLE))
def test_corrupt_saved_data_is_kept_until_the_user_agrees(page, server, labels, language, kind) -> None:
    raw = UNREADABLE[kind]
    seed(page, server, raw)
    open_team(page, server, language)
    alert = page.locator('[data-alert="corrupt"]')
    assert labels[language]["corrupt_text"] in alert.inner_text()
    add_member(page, "An", 10)  # the planner works in memory meanwhile
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) == raw
    with page.expect_download() as info:
        page.click('[data-action="corrupt-download"]')
    assert downloaded(info) == raw
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="corrupt-fresh"]')
    assert [m["name"] for m in saved(page)["plans"][0]["members"]] == ["An"]
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
    assert labels[language]["badge_new"] in task_row(page, new_task).locator("legend").text_content()
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == "m-bo"
    # An edit elsewhere keeps the orphan in storage
    choose(page, handbook.tasks[1].id, "who", "m-an")
    assert saved(page)["plans"][0]["assignments"]["tech-old-fax"]["notes"] == "Fax bij het secretariaat"
    page.click('[data-action="acknowledge"]')
    assert task_row(page, new_task).locator(".team-badge--new").count() == 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="drop-orphan"]')
    assert "tech-old-fax" not in saved(page)["plans"][0]["assignments"]
    assert orphans.is_hidden()
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
    exported = json.loads(downloaded(info))
    assert exported["plans"][0]["assignments"][handbook.tasks[0].id] == {"owner": an}
    clean(page)


def test_full_storage_says_so_and_keeps_the_change(page, server, handbook, labels) -> None:
    open_team(page, server, "en")
    add_member(page, "An", 10)
    page.evaluate(f"() => {{ {REFUSE_WRITES} }}")
    add_member(page, "Bo", 10)
    assert labels["en"]["storage_full"] in page.locator('[data-alert="full"]').inner_text()
    assert len(member_ids(page)) == 2, "the change stays on screen"
    assert len(saved(page)["plans"][0]["members"]) == 1
    clean(page)


def test_two_tabs_do_not_overwrite_each_other(browser, server, handbook, labels) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.goto(server + LANGUAGES["en"])
        tab.wait_for_selector("#team-app:not([hidden])")
    add_member(first, "An", 10)
    second.wait_for_selector("#team-member-list [data-member]")
    second.wait_for_function("text => document.getElementById('team-live').textContent === text",
                             arg=labels["en"]["other_tab"])
    add_member(second, "Bo", 10)
    first.wait_for_function("document.querySelectorAll('#team-member-list [data-member]').length === 2")
    names = json.loads(first.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))["plans"][0]["members"]
    assert [m["name"] for m in names] == ["An", "Bo"]
    context.close()


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
    clean(page)


def test_remove_member_can_be_undone(page, server, handbook, labels, language) -> None:
    open_team(page, server, language)
    an = owner_of(page, handbook.tasks[0].id, "An", 10)
    page.click('[data-action="remove-member"]')
    assert member_ids(page) == []
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == ""
    page.click('[data-action="undo"]')
    assert member_ids(page) == [an]
    assert task_row(page, handbook.tasks[0].id).locator("[data-field=who]").input_value() == an
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
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    assert role.title[language] in page.locator(".team-roles__chosen").inner_text()
    assert saved(page)["plans"][0]["members"][0]["roles"] == [role.id]
    assert saved(page)["plans"][0]["members"][0]["hours"] == 250
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
    page.locator("#team-filter-member").select_option("")
    page.locator("#team-filter-unassigned").check()
    assert page.locator(".team-task:visible").count() == total - 1
    page.locator("#team-filter-unassigned").uncheck()
    page.locator("#team-filter-query").fill(handbook.tasks[2].title[language])
    page.wait_for_function("document.querySelectorAll('.team-task:not([hidden])').length === 1")
    clean(page)


def test_own_task_is_added_and_assigned(page, server, handbook, language) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    open_team(page, server, language)
    form = page.locator("#team-task-form")
    form.locator("select[name=group]").select_option(handbook.groups[1].id)
    form.locator("input[name=title]").fill("Tablets van de kleuterklas")
    form.locator("input[name=hours]").fill("12")
    form.locator("button[type=submit]").click()
    own = saved(page)["plans"][0]["customTasks"]
    assert own[0]["title"] == "Tablets van de kleuterklas" and own[0]["hours"] == 12
    row = page.locator(f"#task-{own[0]['id']}")
    assert row.is_visible()
    row.locator('[data-action="remove-task"]').click()
    assert saved(page)["plans"][0]["customTasks"] == []
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
    outline = who.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "focus is visible"
    page.wait_for_function("document.getElementById('team-live').textContent.length > 0")
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


# ---- Without JavaScript -----------------------------------------------------------------------


@pytest.mark.parametrize("language_", list(LANGUAGES))
def test_without_javascript(browser, server, handbook, labels, language_) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + LANGUAGES[language_])
    assert page.locator("#team-app").is_hidden()
    fallback = page.locator("#team-fallback")
    assert fallback.is_visible()
    assert labels[language_]["nojs_title"] in fallback.inner_text()
    assert page.locator("#team-fallback table a").count() == len(handbook.tasks)
    context.close()


def test_a_change_past_the_limits_is_not_saved_and_the_saved_plan_stays_readable(
        page, server, handbook, labels, language) -> None:
    # 50 plans is the most a saved document may hold; duplicating one more must not be saved,
    # or the next visit would find the saved data unreadable
    plans = [a_plan(handbook, id=f"p-{number}", name=f"School {number}") for number in range(50)]
    seed(page, server, json.dumps(plan_document(plans)))
    open_team(page, server, language)
    page.locator("[data-action=plan-duplicate]").click()
    alert = page.locator('[data-alert="limits"]')
    assert alert.inner_text().strip() == labels[language]["too_large"]
    assert len(saved(page)["plans"]) == 50
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    assert page.locator('[data-alert="corrupt"]').count() == 0
    clean(page)
