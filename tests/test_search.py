"""Search in a real Chromium: results only in the language of the page, Dutch stemming."""

from __future__ import annotations

import pytest

from tests.conftest import type_search

pytestmark = pytest.mark.browser


def search(page: object, base: str, url: str, query: str) -> list[str]:
    page.goto(base + url)
    type_search(page, query)
    return [link.get_attribute("href") for link in page.query_selector_all(".md-search-result__link")]


def test_dutch_pages_find_only_dutch_results(page: object, server: str) -> None:
    results = search(page, server, "tasks/", "leerplatform")
    assert results
    assert not [href for href in results if href.startswith(server + "en/")]
    assert page.console_errors == []
    assert page.foreign_requests == []


def test_english_pages_find_only_english_results(page: object, server: str) -> None:
    results = search(page, server, "en/tasks/", "learning platform")
    assert results
    assert all(href.startswith(server + "en/") for href in results)
    assert page.console_errors == []


def test_dutch_stemming_finds_other_word_forms(page: object, server: str, pages: object) -> None:
    # "netwerkbeheerders" (plural) occurs nowhere in the handbook; with the Dutch stemmer it
    # still finds the pages about the "netwerkbeheerder"
    results = search(page, server, "", "netwerkbeheerders")
    assert not [href for href in results if href.startswith(server + "en/")]
    found_texts = [pages.page(href[len(server):].split("?")[0]).select_one("article").get_text()
                   for href in results]
    assert any("netwerkbeheerders" not in text.lower() and "netwerkbeheerder" in text.lower()
               for text in found_texts), "no result that only matches through stemming"


def test_result_links_and_missing_terms_use_the_words_as_typed(page: object, server: str) -> None:
    # The worker searches with stems ("scholen" -> "schol"); Material puts the matched terms in
    # each result link to highlight them on the page, and strikes through the terms a page
    # lacks. Both show what the reader typed; a link keeps the stem too, for the other forms.
    from urllib.parse import parse_qs, urlparse

    results = search(page, server, "", "scholen olifanten")
    # (a page listed only for its matching sections has no terms of its own: no "h")
    highlights = [words for words in (parse_qs(urlparse(href).query).get("h", [""])[0].split()
                                      for href in results) if words]
    assert highlights and all(words == ["scholen", "schol"] for words in highlights), highlights
    struck = {element.text_content() for element in page.query_selector_all(".md-search-result del")}
    assert "olifanten" in struck and not struck - {"olifanten", "scholen"}, struck
    assert page.console_errors == []
