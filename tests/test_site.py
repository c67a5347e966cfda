"""The built site: every record has a page in both languages, with the right title, language,
language switch and working links; the navigation, sitemap and data files are right.
"""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from handbook import paths
from handbook.load import load_handbook
from tests.conftest import LANGUAGES, ROOT, Site, url_for

HANDBOOK = load_handbook(ROOT / "content")
RECORDS = [*HANDBOOK.groups, *HANDBOOK.tasks, *HANDBOOK.roles, *HANDBOOK.steps,
           *HANDBOOK.characteristics]
OVERVIEWS = [paths.TASKS_INDEX, paths.ROLES_INDEX, paths.STEPS_INDEX, paths.CHARACTERISTICS_INDEX,
             paths.RECOMMENDATIONS, paths.GLOSSARY, paths.SOURCES, paths.DOWNLOADS]
HAND_WRITTEN = sorted(path.name for path in (ROOT / "docs" / "nl").glob("*.md")
                      if path.name not in {*paths.GENERATED_FILES, paths.DOWNLOADS})
OTHER = {"nl": "en", "en": "nl"}


def expected_title(record: object, language: str) -> str:
    if record in HANDBOOK.steps:
        label = HANDBOOK.labels["step.label"][language].format(number=record.number)
        return f"{label}: {record.title[language]}"
    return record.title[language]


def internal_links(site: Site, url: str) -> list[str]:
    """Every link on a page that stays on the site, as a site-relative URL path."""
    soup = site.page(url)
    found = []
    for anchor in soup.select("a[href]"):
        href = anchor["href"]
        if href.startswith(("http://", "https://", "mailto:", "javascript:")):
            continue
        absolute = urljoin("http://site/" + url, href)
        found.append(urlsplit(absolute).path.lstrip("/") + ("#" + urlsplit(absolute).fragment
                                                             if urlsplit(absolute).fragment else ""))
    return found


# ---- One test per record and language ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.id)
def test_record_page(pages: Site, record: object, language: str) -> None:
    url = url_for(paths.page_path(record), language)
    assert url.endswith(f"/{record.id}/"), url
    assert pages.exists(url), f"no page at /{url}"
    soup = pages.page(url)
    assert soup.html["lang"] == language
    headings = soup.select("article h1")
    assert [h.get_text(strip=True).rstrip("¶") for h in headings] == [expected_title(record, language)]
    assert soup.title.get_text().startswith(expected_title(record, language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", [*OVERVIEWS, *HAND_WRITTEN, "index.md"])
def test_other_pages_exist_in_both_languages(pages: Site, path: str, language: str) -> None:
    soup = pages.page(url_for(path, language))
    assert soup.html["lang"] == language
    assert len(soup.select("article h1")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", [*(paths.page_path(r) for r in RECORDS), *OVERVIEWS,
                                  *HAND_WRITTEN, "index.md"])
def test_language_switch_leads_to_the_same_page(pages: Site, path: str, language: str) -> None:
    url = url_for(path, language)
    switch = pages.page(url).select(f'.md-select a[hreflang="{OTHER[language]}"]')
    assert len(switch) == 1, "the language switcher should offer the other language once"
    target = urlsplit(urljoin("http://site/" + url, switch[0]["href"])).path.lstrip("/")
    assert target == url_for(path, OTHER[language])
    assert pages.exists(target)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", [*(paths.page_path(r) for r in RECORDS), *OVERVIEWS,
                                  *HAND_WRITTEN, "index.md"])
def test_links_resolve(pages: Site, path: str, language: str) -> None:
    url = url_for(path, language)
    broken = []
    for link in internal_links(pages, url):
        target, _, fragment = link.partition("#")
        if not pages.exists(target):
            broken.append(link)
        elif fragment and pages.file_for(target).suffix != ".html":
            continue
        elif fragment and not pages.page(target).find(id=fragment):
            broken.append(link)
    assert not broken, f"/{url} links to missing pages or anchors: {broken}"


# ---- Relations between pages ------------------------------------------------------------------


@pytest.mark.parametrize("task", HANDBOOK.tasks, ids=lambda task: task.id)
def test_task_pages_link_to_roles_and_steps_and_back(pages: Site, task: object) -> None:
    for language in LANGUAGES:
        task_url = url_for(paths.page_path(task), language)
        links = set(internal_links(pages, task_url))
        for role_id in task.role_ids:
            role_url = url_for(paths.page_path(HANDBOOK.role(role_id)), language)
            assert role_url in links
            assert task_url in set(internal_links(pages, role_url))
        for step_id in task.step_ids:
            step_url = url_for(paths.page_path(HANDBOOK.step(step_id)), language)
            assert step_url in links
            assert task_url in set(internal_links(pages, step_url))


@pytest.mark.parametrize("language", LANGUAGES)
def test_group_overview_is_a_checklist_table(pages: Site, language: str) -> None:
    for group in HANDBOOK.groups:
        soup = pages.page(url_for(paths.page_path(group), language))
        rows = soup.select(".handbook-tasks table tbody tr")
        assert [row.select_one("td a").get_text() for row in rows] == \
               [task.title[language] for task in group.tasks]
        # The columns a reader sees, with their names in the page's language
        header = [th.get_text() for th in soup.select(".handbook-tasks table thead th")]
        assert header == [HANDBOOK.labels[f"column.{name}"][language]
                          for name in ("task", "roles", "level", "frequency", "hours")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_synthesis_is_labelled(pages: Site, language: str) -> None:
    label = HANDBOOK.labels["provenance.synthesis_title"][language]
    for characteristic in HANDBOOK.characteristics:
        soup = pages.page(url_for(paths.page_path(characteristic), language))
        titles = [t.get_text(strip=True) for t in soup.select(".admonition-title")]
        assert (label in titles) == characteristic.provenance.synthesis


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_is_translated_and_ordered(pages: Site, language: str) -> None:
    soup = pages.page(url_for("index.md", language))
    items = soup.select(".md-nav--primary > .md-nav__list > .md-nav__item")
    labels = [item.select_one(".md-nav__link").get_text(" ", strip=True) for item in items]
    wanted = [HANDBOOK.labels[key][language] for key in
              ("nav.tasks", "nav.roles", "nav.steps", "nav.characteristics", "nav.about")]
    positions = [labels.index(label) for label in wanted]
    assert positions == sorted(positions), labels


# ---- Site-wide files -------------------------------------------------------------------------


def test_sitemap_lists_both_languages_with_alternates(site: Path) -> None:
    tree = ET.parse(site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                 "x": "http://www.w3.org/1999/xhtml"}
    locations = {loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    task = HANDBOOK.tasks[0]
    assert any(loc.endswith(f"/tasks/{task.id}/") and "/en/" not in loc for loc in locations)
    assert any(loc.endswith(f"/en/tasks/{task.id}/") for loc in locations)
    assert tree.getroot().findall("s:url/x:link[@hreflang='en']", namespace)


def test_handbook_json_holds_the_whole_model(site: Path) -> None:
    data = json.loads((site / "data" / "handbook.json").read_text(encoding="utf-8"))
    assert data["version"] == HANDBOOK.version
    assert data["format"] == "ict-team-handbook"
    assert sum(len(group["tasks"]) for group in data["groups"]) == len(HANDBOOK.tasks)
    assert len(data["roles"]) == len(HANDBOOK.roles)
    first = data["groups"][0]["tasks"][0]
    assert first["title"]["nl"] and first["title"]["en"]
    assert first["url"]["en"].endswith(f"/en/tasks/{first['id']}/")


def test_schemas_are_published_and_referenced(site: Path) -> None:
    for yaml_file in sorted((ROOT / "content").glob("*.yaml")):
        first_line = yaml_file.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema=../schema/"
        assert first_line.startswith(prefix), f"{yaml_file.name} does not point at its schema"
        schema_name = first_line[len(prefix):]
        assert (ROOT / "schema" / schema_name).exists()
        assert (site / "schema" / schema_name).exists()


def test_no_request_to_third_parties_in_html(pages: Site) -> None:
    for url in ("", "en/", url_for(paths.page_path(HANDBOOK.tasks[0]), "nl")):
        soup = pages.page(url)
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, **{attribute: True}):
                if "canonical" in element.get("rel", []):
                    continue  # an address for search engines, never fetched by the browser
                assert not element[attribute].startswith(("http://", "https://", "//")), \
                    f"/{url} loads {element[attribute]}"


def test_generated_markdown_is_ignored_by_git() -> None:
    generated = [f"docs/{language}/{path}" for language in LANGUAGES
                 for path in (paths.TASKS_INDEX, paths.page_path(HANDBOOK.tasks[0]), paths.SOURCES)]
    result = subprocess.run(["git", "check-ignore", *generated], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.stdout.split() == generated
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    assert not [path for path in tracked if path.split("/", 2)[-1].startswith(paths.GENERATED_FOLDERS)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("task", HANDBOOK.tasks[:: max(1, len(HANDBOOK.tasks) // 8)], ids=lambda t: t.id)
def test_breadcrumbs_lead_through_the_task_group(pages: Site, task: object, language: str) -> None:
    soup = pages.page(url_for(paths.page_path(task), language))
    crumbs = [link.get_text(strip=True) for link in soup.select("nav.md-path a")]
    group = HANDBOOK.group(task.group_id)
    assert crumbs[-2:] == [HANDBOOK.labels["nav.tasks"][language], group.title[language]]
