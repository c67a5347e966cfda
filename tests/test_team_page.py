"""Promise: the team page as built is complete in both languages and starts safely.

The page carries every task, label and the plan's schema; the template and the downloads take
the format's facts from that one schema; without JavaScript, or when the planner fails to
start, the page still gives the whole task list as a checklist and says why; filled in with
a real plan, the planner passes axe (WCAG 2.1 AA) in light and dark, with no console error
and no request to another origin.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from handbook.downloads import spreadsheet
from handbook.es_modules import imported_modules
from handbook.team_data import EXTRA_FILES, extra_files, team_data, team_labels
from handbook.team_format import LEGACY_STORAGE_KEYS, SCHEMA_PATH, STORAGE_NAME, plan_format, schema
from handbook.team_templates import OUTSIDE
from tests.conftest import axe_violations
from tests.team_browser import (
    LANGUAGES,
    ROOT,
    a_plan,
    clean,
    import_file,
    open_team,
    plan_document,
    seed,
    started_from_starter,
    task_row,
)


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


def island(pages, language: str) -> dict:
    return json.loads(pages.page(LANGUAGES[language]).find("script", id="team-data").string)


# ---- The page as built ------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_data_island_holds_every_task_and_the_schema(pages, handbook, language) -> None:
    data = island(pages, language)
    assert [t["id"] for t in data["tasks"]] == [t.id for t in handbook.tasks]
    assert data["tasks"][0]["title"] == handbook.tasks[0].title[language]
    assert data["schema"] == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert data["storageName"] == STORAGE_NAME and data["legacyStorageKeys"] == list(LEGACY_STORAGE_KEYS)
    assert data["formerly"] == handbook.task_id_map
    soup = pages.page(LANGUAGES[language])
    assert soup.find("script", attrs={"type": "module", "src": re.compile(r"team/main\.js$")})
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_fallback_lists_every_task_by_group(pages, handbook, labels, language) -> None:
    fallback = pages.page(LANGUAGES[language]).find(id="team-fallback")
    assert labels[language]["nojs_title"] in fallback.get_text()
    for group in handbook.groups:
        assert fallback.find("h3", string=group.title[language])
    titles = [a.get_text() for a in fallback.select("table a")]
    assert titles == [task.title[language] for group in handbook.groups for task in group.tasks]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_template_takes_limits_and_statuses_from_the_schema(pages, labels, language) -> None:
    soup = pages.page(LANGUAGES[language])
    limits = plan_format().limits
    for field in soup.select("#team-app input[type=text]:not([inputmode=numeric])"):
        assert int(field["maxlength"]) == limits["name"]
    assert int(soup.select_one("#team-school-pupils")["maxlength"]) == len(str(limits["pupils"]))
    assert int(soup.select_one("#team-school-sites")["maxlength"]) == len(str(limits["sites"]))
    for field in soup.select("#team-app input[type=number]"):
        assert int(field["max"]) == limits["hours"]
    options = [o["value"] for o in soup.select("#team-filter-status option") if o["value"]]
    assert options == list(plan_format().statuses)
    assert [o.get_text() for o in soup.select("#team-filter-status option")][1:] == \
        [labels[language][f"status_{status}"] for status in plan_format().statuses]


def test_the_schema_is_the_published_one_and_sound(site) -> None:
    from jsonschema import Draft202012Validator

    published = json.loads((site / "schema" / "team-plan.schema.json").read_text(encoding="utf-8"))
    assert published == schema()
    Draft202012Validator.check_schema(published)
    assert published["properties"]["format"]["const"] == plan_format().name
    assert published["properties"]["version"]["const"] == plan_format().version


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_downloads_use_the_planners_statuses(handbook, language) -> None:
    # One vocabulary: the XLSX drop-downs offer the page's statuses and its ways to handle a task
    # in the page's words; the task checklists' tick column is the status "done"
    words = team_labels(handbook, language)
    statuses = [words[f"status_{s}"] for s in plan_format().statuses]
    assert spreadsheet.status_choices(handbook, language) == statuses
    assert spreadsheet.mode_choices(handbook, language) == [words[f"mode_{m}"] for m in plan_format().modes]
    template = (ROOT / "handbook/templates/pdf/task_checklist.html.j2").read_text(encoding="utf-8")
    assert "t('team.status_done')" in template
    # The page's spreadsheet uses the same words: the layout it fetches has them from the same labels
    layout = extra_files(handbook, language)[EXTRA_FILES["spreadsheet"]]
    assert {s: w[language] for s, w in layout["words"]["statuses"].items()} == \
        {s: words[f"status_{s}"] for s in plan_format().statuses}


def computed_label_keys() -> set[str]:
    """Label keys the planner builds at run time: status_*, mode_* (from the schema) and
    problem_* (every problem the document reader can report, asked from the module itself)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    script = ('import("./overrides/assets/javascripts/team/documents.js")'
              '.then((m) => console.log(JSON.stringify(m.PROBLEMS)))')
    problems = json.loads(subprocess.run([node, "-e", script], cwd=ROOT, capture_output=True, text=True,
                                         check=True, timeout=60).stdout)
    fmt = plan_format()
    return ({f"status_{s}" for s in fmt.statuses} | {f"mode_{m}" for m in fmt.modes}
            | {f"problem_{p}" for p in problems} | {f"partner_{where}" for where in OUTSIDE})


def test_every_label_the_planner_uses_exists(handbook) -> None:
    root = ROOT / "overrides"
    sources = [*(root / "assets/javascripts/team").rglob("*.js"), root / "team.html"]
    texts = [path.read_text(encoding="utf-8") for path in sources]
    used = {key for text in texts for key in re.findall(r"\bL\.([a-z_]+)", text)}
    # label(L, "key", …) picks the singular "key.one" for a count of one, where there is one
    used |= {key for text in texts for key in re.findall(r'\blabel\(L, "([a-z_]+)"', text)}
    used |= computed_label_keys()
    for language in LANGUAGES:
        available = team_labels(handbook, language)
        assert sorted(used - set(available)) == []
        assert all(available[key].strip() for key in used)


# ---- Start-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_without_javascript(browser, server, handbook, labels, language) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + LANGUAGES[language])
    assert page.locator("#team-app").is_hidden()
    fallback = page.locator("#team-fallback")
    assert fallback.is_visible()
    assert labels[language]["nojs_title"] in fallback.inner_text()
    assert page.locator("#team-start-failed").is_hidden()
    assert page.locator("#team-fallback table a").count() == len(handbook.tasks)
    context.close()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_failed_start_keeps_the_checklist_and_says_why(page, server, handbook, labels, language) -> None:
    # A page whose data island is cut short: the planner cannot start
    def broken(route):
        response = route.fetch()
        html = response.text().replace('<script type="application/json" id="team-data">{',
                                       '<script type="application/json" id="team-data">{"cut":')
        route.fulfill(response=response, body=html)

    page.route(re.compile(r".*/team/$"), broken)
    page.goto(server + LANGUAGES[language])
    failed = page.locator("#team-start-failed")
    failed.wait_for()
    assert labels[language]["start_failed"] in failed.inner_text()
    assert failed.locator("[data-error]").inner_text().strip(), "it says what went wrong"
    assert page.locator("#team-app").is_hidden()
    assert page.locator("#team-fallback table a").count() == len(handbook.tasks)
    assert page.locator("#team-fallback table a").first.is_visible()
    assert page.console_errors == []


def test_the_first_render_is_on_the_performance_timeline(page, server) -> None:
    open_team(page, server, "nl")
    page.wait_for_function("performance.getEntriesByName('team:painted').length === 1")
    (measure,) = page.evaluate("performance.getEntriesByName('team:first-render').map(e => e.duration)")
    assert measure > 0
    assert page.evaluate("'__teamPlanner' in window") is False
    clean(page)


# ---- Accessibility with a plan filled in ------------------------------------------------------


def filled_plan(handbook) -> dict:
    """A plan with every kind of thing the planner shows: owners, backups, an outsourced task,
    one not applicable, statuses, notes, an own task, one in a group that left, an overloaded
    member, decisions about a task the handbook no longer has, and a task new to the plan."""
    first, second, third, fourth, fifth = (task.id for task in handbook.tasks[:5])
    return a_plan(
        handbook,
        members=[{"id": "m-an", "name": "An Peeters", "hours": 10, "roles": ["ict-coordinator"]},
                 {"id": "m-bo", "name": "Bo", "hours": 200, "roles": []}],
        assignments={first: {"owner": "m-an", "backup": "m-bo", "status": "doing", "notes": "Zomer"},
                     second: {"mode": "outsourced", "partner": "Scholengroep"},
                     third: {"mode": "na"},
                     fourth: {"owner": "m-bo", "status": "done"},
                     "own-tablets": {"owner": "m-bo"}, "own-fax": {"owner": "m-an"},
                     "tech-old-fax": {"owner": "m-an", "notes": "Oud"}},
        customTasks=[{"id": "own-tablets", "group": handbook.groups[1].id, "title": "Tablets", "hours": 12},
                     {"id": "own-fax", "group": "gone-group", "title": "Fax", "hours": 3}],
        knownTasks=[task.id for task in handbook.tasks if task.id != fifth])



@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_planner_filled_in_passes_axe(page, server, handbook, language, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    seed(page, server, json.dumps(plan_document([filled_plan(handbook)])))
    open_team(page, server, language)
    assert page.locator("#task-own-fax").is_visible()
    # Messages and open parts: a refused name, a filter keeping a focused row, the roles
    page.locator("#team-member-form input[name=name]").fill("an peeters")
    page.locator("#team-member-form button[type=submit]").click()
    page.locator("#team-member-list .team-roles summary").first.click()
    page.locator("#team-filter-status").select_option("doing")
    select = task_row(page, handbook.tasks[0].id).locator("[data-field=status]")
    select.focus()
    select.select_option("done")
    assert page.locator(".team-task--kept").count() == 1
    assert axe_violations(page) == []
    # The import preview of a file with two plans
    two = [filled_plan(handbook), a_plan(handbook, id="p-other", name="Andere school")]
    import_file(page, "backup.json", json.dumps(plan_document(two)).encode())
    page.locator("#team-import-preview").wait_for()
    assert axe_violations(page) == []
    clean(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_table_the_proposal_and_a_selection_pass_axe(page, server, handbook, language, scheme) -> None:
    # The parts issue 14 added, filled in: the table view, the proposal from roles, a selection
    # with its bulk panel, the overview's partners, a spreadsheet refused with its problems
    page.emulate_media(color_scheme=scheme)
    plan = filled_plan(handbook)
    plan["members"][1]["roles"] = ["technician", "network-administrator"]
    plan["school"] = {"pupils": 450}
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language, layout="table")
    page.click('[data-action="propose"]')
    page.locator("#team-proposal").wait_for()
    for task in handbook.tasks[5:8]:
        task_row(page, task.id).locator("[data-field=pick]").check()
    page.locator("#team-bulk-who").select_option("mode:outsourced")
    assert page.locator("#team-bulk").is_visible()
    assert axe_violations(page) == []
    page.set_input_files("#team-import-file", files=[{"name": "kapot.xlsx", "buffer": b"PK\x03\x04 kapot",
                                                      "mimeType": "application/octet-stream"}])
    page.locator('[data-alert="import"]').wait_for()
    assert axe_violations(page) == []
    clean(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_on_a_phone_everything_fits_and_works(browser, server, handbook, language, tmp_path) -> None:
    # 390 px wide: cards, nothing wider than the screen, a first plan from a starter team, the
    # proposal and the bulk panel usable; the screenshots are kept for a person to look at
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.console_errors, page.foreign_requests = [], []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.goto(server + LANGUAGES[language])
    page.wait_for_selector("#team-app:not([hidden])")
    assert page.locator('input[name="team-view"][value="cards"]').is_checked(), "cards on a phone"
    wide = ("() => [...document.querySelectorAll('#team-app *')]"
            ".filter((el) => el.getBoundingClientRect().right > 391 && el.offsetParent)"
            ".map((el) => el.id || el.className || el.tagName).slice(0, 5)")
    page.locator("#team-starter").select_option(handbook.team_templates[0].id)
    page.locator('[data-action="starter-start"]').tap()
    started_from_starter(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert page.evaluate(wide) == []
    page.screenshot(path=str(tmp_path / f"phone-{language}-plan.png"))
    page.click('[data-action="propose"]')
    page.locator("#team-proposal").wait_for()
    task_row(page, handbook.tasks[0].id).locator("[data-field=pick]").check()
    assert page.locator("#team-bulk").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert page.evaluate(wide) == []
    page.screenshot(path=str(tmp_path / f"phone-{language}-tasks.png"), full_page=False)
    assert axe_violations(page) == []
    assert page.console_errors == []
    context.close()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_alerts_pass_axe(page, server, handbook, language) -> None:
    newer = {**plan_document([a_plan(handbook)]), "version": plan_format().version + 1}
    seed(page, server, json.dumps(newer))
    open_team(page, server, language)
    page.locator('[data-alert="newer"]').wait_for()
    assert axe_violations(page) == []
    clean(page)


def test_the_island_is_what_team_data_gives(pages, handbook) -> None:
    for language in LANGUAGES:
        assert island(pages, language) == json.loads(json.dumps(team_data(handbook, language)))



def test_the_page_preloads_the_modules_it_imports_and_no_others(pages) -> None:
    """Every planner module the entry reaches is fetched at once (none left to a later import
    level, none left unused in the folder); the spreadsheet modules wait until they are used, and
    the link filter's module until an address carries one."""
    overrides = ROOT / "overrides"
    planner = {path.relative_to(overrides).as_posix()
               for path in (overrides / "assets" / "javascripts" / "team").glob("*.js")}
    for language in LANGUAGES:
        soup = pages.page(LANGUAGES[language])
        preloaded = {"assets/" + link["href"].split("assets/")[-1]
                     for link in soup.select("link[rel=modulepreload]")}
        assert planner - preloaded == {"assets/javascripts/team/task-link.js"}
        assert not any("/xlsx/" in module for module in preloaded)
        assert preloaded == set(imported_modules(overrides, "assets/javascripts/team/main.js"))


def test_a_plain_visit_does_not_load_the_link_filter(page, server) -> None:
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    open_team(page, server, "en")
    assert not [url for url in loaded if url.endswith("/task-link.js")]
    clean(page)


def test_a_link_filter_that_cannot_be_loaded_is_said_and_the_planner_works(page, server, handbook) -> None:
    page.route(re.compile(r".*/task-link\.js$"), lambda route: route.abort())
    page.goto(f"{server}{LANGUAGES['en']}?tasks={handbook.tasks[0].id}")
    page.wait_for_selector("#team-app:not([hidden])")
    page.locator('[data-alert="load"]').wait_for()
    assert page.locator(".team-task:visible").count() == len(handbook.tasks)
    # The browser's own report of the blocked file is the only error
    assert page.foreign_requests == []
    assert all("Failed to load" in error for error in page.console_errors), page.console_errors
