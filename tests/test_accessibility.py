"""Quality gates in a real Chromium: WCAG 2.1 A/AA (axe-core), no console errors, no request
to another origin, one h1 and ordered headings, and a keyboard walk through the main controls.
"""

from __future__ import annotations

import itertools

import pytest

from handbook import paths
from tests.conftest import LANGUAGES, axe_violations, type_search, url_for
from tests.test_site import HANDBOOK

pytestmark = pytest.mark.browser



def kinds_of_pages() -> list[tuple[str, str]]:
    """One page of every kind, as (name, markdown path)."""
    chosen = [
        ("home", "index.md"),
        ("task-overview", paths.TASKS_INDEX),
        ("task-group", paths.page_path(HANDBOOK.groups[0])),
        ("task", paths.page_path(HANDBOOK.tasks[0])),
        ("roles", paths.ROLES_INDEX),
        ("role", paths.page_path(HANDBOOK.roles[0])),
        ("step-plan", paths.STEPS_INDEX),
        ("step", paths.page_path(HANDBOOK.steps[0])),
        ("characteristics", paths.CHARACTERISTICS_INDEX),
        ("characteristic", paths.page_path(HANDBOOK.characteristics[1])),
        ("recommendations", paths.RECOMMENDATIONS),
        ("glossary", paths.GLOSSARY),
        ("sources", paths.SOURCES),
        ("privacy", "privacy.md"),
        ("downloads", paths.DOWNLOADS),
        ("team", "team.md"),
        ("self-assessment", "self-assessment.md"),
    ]
    return chosen


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "path"), kinds_of_pages(), ids=[k for k, _ in kinds_of_pages()])
def test_page_passes_axe_and_makes_no_foreign_requests(page: object, server: str, kind: str,
                                                       path: str, language: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(server + url_for(path, language))
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert page.console_errors == []
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_dialog_passes_axe(page: object, server: str, language: str) -> None:
    page.goto(server + url_for("index.md", language))
    type_search(page, "ICT")
    assert axe_violations(page) == []
    # The open dialog has a name in the page's language (axe counts this as best practice only)
    name = {"nl": "Zoeken", "en": "Search"}[language]
    assert page.get_by_role("dialog", name=name, exact=True).count() == 1
    assert page.console_errors == []


def test_404_page_passes_axe_in_both_languages(page: object, server: str, pages: object) -> None:
    # The host serves site/404.html for every missing address; it speaks both languages
    soup = pages.page("404.html")
    assert soup.html["lang"] == "nl"  # the default language; the English part says it is English
    assert [part["lang"] for part in soup.select("article [lang]")] == ["nl", "en"]
    assert [a["href"] for a in soup.select("article a")] == ["/", "/en/"]
    page.goto(server + "404.html")
    assert axe_violations(page) == []
    assert page.console_errors == []
    # The English site's own 404 page, as a host shows it for a missing address under /en/
    page.goto(server + "en/404.html")
    assert axe_violations(page) == []
    assert page.console_errors == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "path"), kinds_of_pages(), ids=[k for k, _ in kinds_of_pages()])
def test_heading_structure(pages: object, kind: str, path: str, language: str) -> None:
    soup = pages.page(url_for(path, language))
    article = soup.select_one("article")
    levels = [int(tag.name[1]) for tag in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_are_unique_per_language(site: object, language: str) -> None:
    from bs4 import BeautifulSoup

    root = site if language == "nl" else site / "en"
    titles: dict[str, str] = {}
    for html in root.rglob("index.html"):
        relative = html.relative_to(site).as_posix()
        if language == "nl" and relative.startswith("en/"):
            continue
        title = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").title.get_text()
        assert title not in titles, f"{relative} and {titles.get(title)} share the title {title!r}"
        titles[title] = relative


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_walk(page: object, server: str, language: str) -> None:
    page.goto(server + url_for(paths.page_path(HANDBOOK.tasks[0]), language))
    # The first Tab stop is the skip link, and it moves focus to the content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    # The search field opens from the keyboard shortcut and takes a query
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("rollen" if language == "nl" else "roles")
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=15000)
    page.keyboard.press("Escape")
    # The language switch is reachable by Tab and leads to the same page in the other language
    other = "en" if language == "nl" else "nl"
    switch = page.locator(f'.md-select a[hreflang="{other}"]')
    page.reload()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == other:
            break
    else:
        pytest.fail("the language switch cannot be reached with Tab")
    href = switch.get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    landed = page.url.split("#")[0]
    assert landed == server + url_for(paths.page_path(HANDBOOK.tasks[0]), other), (landed, href)
