"""Glossary terms as tooltips: the first use of each concept on a page, in the page's language,
never in headings, links or code, reachable from the keyboard; the glossary page, search and
the PDFs are left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from handbook import paths
from handbook.markdown_terms import GlossaryTermsExtension, tooltip_definitions
from tests.conftest import LANGUAGES, Site, url_for
from tests.test_site import HAND_WRITTEN, HANDBOOK, RECORDS

DEFINITIONS = """
*[SLA]: service level agreement
*[single sign-on]: signing in once
*[Single sign-on]: signing in once
*[SSO]: signing in once
"""


def render(text: str) -> str:
    md = markdown.Markdown(extensions=[GlossaryTermsExtension(), "admonition", "attr_list"])
    return md.convert(text + "\n" + DEFINITIONS)


# ---- The Markdown extension -----------------------------------------------------------------


def test_only_the_first_use_of_a_concept_is_marked() -> None:
    html = render("An SLA is a contract. Every SLA has terms. SSO, or single sign-on, helps.")
    assert html == (
        '<p>An <abbr tabindex="0" title="service level agreement">SLA</abbr> is a contract. Every '
        'SLA has terms. <abbr tabindex="0" title="signing in once">SSO</abbr>, or single sign-on, '
        "helps.</p>"
    )


def test_headings_links_code_and_admonition_titles_are_left_alone() -> None:
    html = render('# The SLA\n\n[SLA](x) and `SLA`.\n\n!!! note "SLA"\n    Text.\n\nThen SLA.')
    assert html.count("<abbr") == 1
    assert '<p>Then <abbr tabindex="0" title="service level agreement">SLA</abbr>.</p>' in html


def test_a_term_at_the_start_of_a_sentence_and_not_inside_a_longer_word() -> None:
    html = render("An SLA-contract. Single sign-on works.")
    assert html == ('<p>An SLA-contract. <abbr tabindex="0" title="signing in once">Single '
                    'sign-on</abbr> works.</p>')


def test_definitions_are_in_the_page_language_and_only_for_terms_on_the_page() -> None:
    text = "De AVG en de scholengemeenschap; de ICT-coördinator."
    lines = tooltip_definitions(HANDBOOK, "nl", text).splitlines()
    keys = [line.split("]")[0][2:] for line in lines]
    assert "AVG" in keys and "scholengemeenschap" in keys
    assert "ICT-coördinator" not in keys  # an everyday word: tooltip: false
    assert all(line.startswith("*[") and "]: " in line for line in lines)
    english = tooltip_definitions(HANDBOOK, "en", "The GDPR applies.")
    assert english.startswith("*[GDPR]: The European data protection law")


# ---- The built site -------------------------------------------------------------------------

PAGES = [*(paths.page_path(record) for record in RECORDS[:: max(1, len(RECORDS) // 20)]),
         paths.RECOMMENDATIONS, paths.STEPS_INDEX, *HAND_WRITTEN]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_tooltips_on_a_page(pages: Site, path: str, language: str) -> None:
    soup = pages.page(url_for(path, language))
    marks = soup.select("article abbr")
    for mark in marks:
        assert mark.get("title") and mark.get("tabindex") == "0", mark
        assert not mark.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"]), mark
    titles = [mark["title"] for mark in marks]
    assert len(titles) == len(set(titles)), "a concept is marked more than once"
    # The explanation is the glossary's, in the page's language
    notes = {" ".join(term.note[language].split()) for term in HANDBOOK.terms if term.note}
    assert set(titles) <= notes


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_that_use_glossary_terms_explain_them(pages: Site, language: str) -> None:
    soup = pages.page(url_for(paths.page_path(HANDBOOK.step("outsourcing")), language))
    processor = next(term for term in HANDBOOK.terms if term.id == "term-processor")
    marked = {mark.get_text(): mark["title"] for mark in soup.select("article abbr")}
    assert marked[processor[language]] == processor.note[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_has_no_tooltips(pages: Site, language: str) -> None:
    soup = pages.page(url_for(paths.GLOSSARY, language))
    assert soup.select("article abbr") == []
    rows = soup.select("article table tbody tr")
    assert len(rows) == len(HANDBOOK.terms)


def test_definitions_do_not_reach_the_search_index(site: Path) -> None:
    # One index per language: search/ for Dutch, en/search/ for English
    docs = [doc for folder in ("search", "en/search")
            for doc in json.loads((site / folder / "search_index.json").read_text(encoding="utf-8"))["docs"]]
    leaked = [doc["location"] for doc in docs if "*[" in doc["text"]]
    assert leaked == []
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in english["docs"] if "steps/" in doc["location"])
    assert "data processing agreement" in texts  # the marked words are still searchable


def test_no_review_marker_reaches_the_model() -> None:
    # Pages, PDFs, spreadsheets, the JSON export and the team page are all made from the model
    from handbook.export_json import handbook_to_dict

    assert "<!--" not in json.dumps(handbook_to_dict(HANDBOOK), ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_has_no_english_generator_line(pages: Site, language: str) -> None:
    footer = pages.page(url_for("index.md", language)).select_one(".md-copyright").get_text(" ", strip=True)
    assert "Made with" not in footer
    assert footer == {"nl": "Tekst CC BY 4.0 — ICT-teamhandboek",
                      "en": "Text CC BY 4.0 — ICT-team handbook"}[language]


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tooltip_opens_from_the_keyboard(page: object, server: str, language: str) -> None:
    page.goto(server + url_for(paths.page_path(HANDBOOK.step("outsourcing")), language))
    first = page.locator("article abbr").first
    explanation = first.get_attribute("title")
    first.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip() == explanation
    assert first.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    assert page.console_errors == []
