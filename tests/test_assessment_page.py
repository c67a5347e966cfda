"""Promise: the self-assessment page as built is complete in both languages, works without
JavaScript, starts safely, and with data filled in passes WCAG 2.1 AA, by keyboard alone and on
a phone.

The page sits at the same relative path in both languages (/self-assessment/ and
/en/self-assessment/), next to the team page in the navigation. Its data island carries every
characteristic with its rubric and advice, the labels and the schemas; the template takes the
levels and limits from the format's schema. Without JavaScript the rubric is a readable,
printable form with the advice and a link to the PDF.
"""

from __future__ import annotations

import json
import re

import pytest

from handbook.assessment_data import assessment_data, assessment_labels
from handbook.assessment_format import SCHEMA_PATH, assessment_format, schema
from handbook.downloads.catalogue import file_name
from handbook.team_format import schema as plan_schema
from tests.assessment_browser import (
    LANGUAGES,
    ROOT,
    clean,
    document,
    import_files,
    member_file,
    open_page,
    rate,
    rate_all,
    response,
    seed,
    set_name,
)
from tests.conftest import axe_violations


@pytest.fixture
def labels(handbook):
    return {language: assessment_labels(handbook, language) for language in LANGUAGES}


def island(pages, language: str) -> dict:
    return json.loads(pages.page(LANGUAGES[language]).find("script", id="assessment-data").string)


# ---- The page as built ------------------------------------------------------------------------


def test_the_same_relative_path_in_both_languages_next_to_the_team_page(pages) -> None:
    for language, path in LANGUAGES.items():
        soup = pages.page(path)
        assert soup.html["lang"] == language
        # The language switch leads to the same page in the other language
        switch = {a["hreflang"]: a["href"] for a in soup.select(".md-select a[hreflang]")}
        expected = {"nl": {"nl": "./", "en": "../en/self-assessment/"},
                    "en": {"nl": "../../self-assessment/", "en": "./"}}[language]
        assert switch == expected
        # In the navigation, right after the team page, on the page itself and on the team page
        home = "" if language == "nl" else "en/"
        for page_path, team, own in ((path, "../team/", "./"), (f"{home}team/", "./", "../self-assessment/")):
            top = [a["href"] for a in pages.page(page_path).select(
                ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")]
            assert top[top.index(team) + 1] == own, top


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_data_island_holds_every_characteristic_with_its_rubric_and_the_schemas(pages, handbook,
                                                                               language) -> None:
    data = island(pages, language)
    assert data == json.loads(json.dumps(assessment_data(handbook, language)))
    assert data["schema"] == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert data["planSchema"] == plan_schema()
    assert [c["id"] for c in data["characteristics"]] == [c.id for c in handbook.characteristics]
    first = data["characteristics"][0]
    rubric = handbook.characteristics[0].rubric
    assert first["levels"] == [text[language] for text in rubric.levels]
    assert [t["id"] for t in first["tasks"]] == list(rubric.task_ids)
    assert [s["id"] for s in first["steps"]] == list(rubric.step_ids)
    assert [level["value"] for level in data["levels"]] == list(assessment_format().levels)
    soup = pages.page(LANGUAGES[language])
    assert soup.find("script", attrs={"type": "module", "src": re.compile(r"assessment/main\.js$")})
    preloaded = {link["href"].split("assets/")[-1] for link in soup.select("link[rel=modulepreload]")}
    assert {"javascripts/assessment/main.js", "javascripts/assessment/app.js", "javascripts/team/storage.js",
            "javascripts/team/task-link.js"} <= preloaded
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_form_has_a_radio_group_with_a_legend_per_characteristic(pages, handbook, language) -> None:
    soup = pages.page(LANGUAGES[language])
    fieldsets = soup.select("#assessment-form fieldset")
    assert [f["data-characteristic"] for f in fieldsets] == [c.id for c in handbook.characteristics]
    levels = assessment_format().levels
    for fieldset, characteristic in zip(fieldsets, handbook.characteristics, strict=True):
        assert characteristic.title[language] in fieldset.legend.get_text()
        radios = fieldset.select("input[type=radio]")
        assert [r["value"] for r in radios] == [*map(str, levels), ""]
        assert all(r.find_parent("label") for r in radios), "every radio is inside its label"
        texts = [label.select_one(".assessment-level__text").get_text()
                 for label in fieldset.select("label.assessment-level")[:-1]]
        assert texts == [text[language] for text in characteristic.rubric.levels]
        assert int(fieldset.select_one("textarea")["maxlength"]) == assessment_format().limits["note"]
    assert int(soup.select_one("#assessment-name")["maxlength"]) == assessment_format().limits["name"]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_without_javascript_the_rubric_reads_and_prints_with_the_advice(browser, server, handbook, labels,
                                                                         language) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + LANGUAGES[language])
    notice = page.locator(".assessment-nojs")
    assert notice.is_visible()
    assert labels[language]["nojs_title"] in notice.inner_text()
    pdf = notice.locator("a")
    assert pdf.inner_text() == labels[language]["pdf_link"]
    assert pdf.get_attribute("href") == f"../downloads/{file_name('self-check', language)}"
    # Every characteristic with its levels, its advice and the links to its steps and tasks
    for characteristic in handbook.characteristics:
        fieldset = page.locator(f"#rate-{characteristic.id}")
        assert fieldset.locator("legend").is_visible()
        assert characteristic.rubric.levels[0][language] in fieldset.inner_text()
        advice = fieldset.locator(".assessment-advice")
        assert advice.is_visible()
        assert characteristic.rubric.advice[language] in advice.inner_text()
        rubric = characteristic.rubric
        assert advice.locator("a").count() == len(rubric.step_ids) + len(rubric.task_ids)
    # What needs JavaScript is not shown
    for part in ("#assessment-result", "#assessment-team", "#assessment-history", "#assessment-io",
                 "#assessment-start-failed", ".assessment-note", ".assessment-name"):
        assert page.locator(part).first.is_hidden(), part
    # On paper: the rubric, without the "I don't know" choice
    page.emulate_media(media="print")
    assert page.locator("#rate-mix-of-profiles .assessment-level").nth(0).is_visible()
    assert page.locator("#rate-mix-of-profiles .assessment-level--none").is_hidden()
    assert all(url.startswith(server) for url in requests)
    context.close()


def test_the_pdf_the_page_links_to_exists(site, pages) -> None:
    for language, path in LANGUAGES.items():
        href = pages.page(path).select_one(".assessment-nojs a")["href"]
        assert href == f"../downloads/{file_name('self-check', language)}"
        folder = site if language == "nl" else site / "en"
        assert (folder / "downloads" / file_name("self-check", language)).is_file()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_failed_start_keeps_the_rubric_and_says_why(page, server, handbook, labels, language) -> None:
    def broken(route):
        response_ = route.fetch()
        html = response_.text().replace('<script type="application/json" id="assessment-data">{',
                                        '<script type="application/json" id="assessment-data">{"cut":')
        route.fulfill(response=response_, body=html)

    page.route(re.compile(r".*/self-assessment/$"), broken)
    page.goto(server + LANGUAGES[language])
    failed = page.locator("#assessment-start-failed")
    failed.wait_for()
    assert labels[language]["start_failed"] in failed.inner_text()
    assert failed.locator("[data-error]").inner_text().strip()
    assert page.locator(".assessment-nojs").is_visible()
    assert page.locator(f"#rate-{handbook.characteristics[0].id} .assessment-advice").is_visible()
    assert page.locator("#assessment-result").is_hidden()
    assert page.console_errors == []


def test_the_first_render_is_on_the_performance_timeline(page, server) -> None:
    open_page(page, server, "nl")
    page.wait_for_function("performance.getEntriesByName('assessment:painted').length === 1")
    (measure,) = page.evaluate("performance.getEntriesByName('assessment:first-render').map(e => e.duration)")
    assert measure > 0
    clean(page)


def test_every_label_the_page_uses_exists(handbook) -> None:
    root = ROOT / "overrides"
    # The page's own modules, and the planner's module that speaks with this page's labels
    sources = [*(root / "assets/javascripts/assessment").glob("*.js"),
               root / "assets/javascripts/team/saving.js", root / "assessment.html"]
    used = {key for path in sources
            for key in re.findall(r"\bL\.([a-z_]+)", path.read_text(encoding="utf-8"))}
    # Built at run time: problem_<what documents.js reports>, direction_<up|down|same>,
    # bundle_plan_<why a plan could not go to the team page>
    used |= {f"problem_{p}" for p in ("json", "size", "format", "newer", "invalid")}
    used |= {f"direction_{d}" for d in ("up", "down", "same")}
    used |= {f"bundle_plan_{r}" for r in ("blocked", "unreadable", "newer", "limit", "full", "invalid")}
    for language in LANGUAGES:
        available = assessment_labels(handbook, language)
        assert sorted(used - set(available)) == []
        assert all(available[key].strip() for key in used)
        assert sorted(set(available) - used) == [], "labels nothing uses"


def test_the_schemas_are_published_and_sound(site) -> None:
    from jsonschema import Draft202012Validator

    for name in ("team-assessment.schema.json", "team-bundle.schema.json"):
        published = json.loads((site / "schema" / name).read_text(encoding="utf-8"))
        assert published == json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(published)
    assert schema()["properties"]["format"]["const"] == assessment_format().name


# ---- Accessibility with data filled in --------------------------------------------------------


def a_team(handbook) -> dict:
    """Five people, one without a name, a note with HTML in it, a disagreement, and a saved result."""
    ids = [c.id for c in handbook.characteristics]
    levels = [[1, 2, 3, 2, 1, 4, 3, 2, 2], [3, 2, 3, 2, 2, 4, 3, 1, 2], [1, 3, 3, 3, 1, 3, 2, 2, 3],
              [2, 2, 4, 2, 1, 4, 3, 2, 1], [1, 2, 3, 1, 2, 3, 3, 2, 2]]
    names = ["An", "Bo <b>vet</b>", "", "Dirk", "Els"]
    responses = [response(f"r-{n}", name, dict(zip(ids, row, strict=True)))
                 for n, (name, row) in enumerate(zip(names, levels, strict=True))]
    responses[0]["ratings"][ids[1]]["note"] = "Alles rust op mij <script>alert(1)</script>"
    earlier = [response(f"r-{n}", name, dict.fromkeys(ids, 1)) for n, name in enumerate(names[:3])]
    start = {"id": "s-start", "date": "2026-09-01", "label": "Start", "responses": earlier}
    return document(responses, history=[start], mine="r-0", revision=3)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_page_filled_in_passes_axe(page, server, handbook, language, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    seed(page, server, json.dumps(a_team(handbook)))
    open_page(page, server, language)
    page.select_option("#assessment-compare", "s-start")
    page.locator(".assessment-people summary").click()
    page.locator(".assessment-notes summary").first.click()
    assert page.locator(".assessment-priority.is-disagree").count() >= 1
    assert axe_violations(page) == []
    # The import preview, with a refused file and a duplicate
    import_files(page, [("bo.json", member_file("r-1", "Bo", handbook, [3] * 9)), ("broken.json", "{nope"),
                        ("an.json", json.dumps(document([a_team(handbook)["responses"][0]])))])
    assert axe_violations(page) == []
    clean(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_alerts_pass_axe(page, server, language) -> None:
    seed(page, server, json.dumps({**document([]), "version": assessment_format().version + 1}))
    open_page(page, server, language)
    page.locator('[data-alert="newer"]').wait_for()
    assert axe_violations(page) == []
    clean(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_keyboard_only(page, server, handbook, labels, language) -> None:
    """Rate with the arrow keys, name yourself, export, and reach the result's links: no mouse."""
    open_page(page, server, language)
    page.locator("#assessment-name").focus()
    page.keyboard.type("An")
    page.keyboard.press("Tab")                     # the first characteristic's "more about" link
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.keyboard.press("Tab")                     # into its radio group
    focused = page.evaluate("document.activeElement.name")
    assert focused == f"level-{handbook.characteristics[0].id}"
    page.keyboard.press("ArrowDown")               # from "I don't know" (checked) round to level 1
    assert page.evaluate("document.activeElement.value") == "1"
    assert page.locator(f"#rate-{handbook.characteristics[0].id} input[value='1']").is_checked()
    page.keyboard.press("ArrowDown")
    assert page.locator(f"#rate-{handbook.characteristics[0].id} input[value='2']").is_checked()
    page.keyboard.press("Tab")                     # the note
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.type("Kort")
    page.keyboard.press("Tab")                     # a link in the summary of the next one, then its radios
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == f"level-{handbook.characteristics[1].id}"
    page.keyboard.press("ArrowUp")                 # wraps to level 4
    assert page.locator(f"#rate-{handbook.characteristics[1].id} input[value='4']").is_checked()
    # Focus is visible on every control reached
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    expected = labels[language]["progress"].format(rated=2, total=len(handbook.characteristics))
    assert page.locator("#assessment-progress").inner_text() == expected
    # The export button is reached by Tab and pressed with Enter
    page.locator('[data-action="export-mine"]').focus()
    with page.expect_download():
        page.keyboard.press("Enter")
    # The advice of the weakest characteristic has a link to the team page, reachable by Tab
    link = page.locator(".assessment-priority.is-attention .assessment-advice__team a").first
    link.focus()
    assert page.evaluate("document.activeElement.href").split("?")[1].startswith("tasks=")
    clean(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_on_a_phone_nothing_is_wider_than_the_screen(browser, server, handbook, language) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "404.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)",
                  ["/.ict-team-handbook.self-assessment", json.dumps(a_team(handbook))])
    open_page(page, server, language)
    set_name(page, "An")
    rate(page, {handbook.characteristics[0].id: 2})
    rate_all(page, handbook, [2] * len(handbook.characteristics))
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    # The wide table of ratings per person scrolls inside its own box, which keyboard users can reach
    box = page.locator(".assessment-people .assessment-table")
    assert box.get_attribute("tabindex") == "0"
    for label in page.locator(".assessment-level").all()[:5]:
        assert label.bounding_box()["height"] >= 24, "a touch target of at least 24 px"
    context.close()
