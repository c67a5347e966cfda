"""Realistic queries, typed into the real search box in Chromium, in both languages.

The query sets are in tests/search_queries/ (its README says how they were made): every query of
the tuning set must find a page it expects among the first three results; the held-out set, never
used for tuning, must score at least 95 % per language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import yaml

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import ROOT, Site
from tests.search_browser import SearchBox

QUERY_SETS = ROOT / "tests" / "search_queries"
TOP = 3  # a query passes when an expected page is among the first three results
HELD_OUT_SCORE = 0.95
MIN_QUERIES = 40


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]
    language: str
    set_name: str


def load_set(set_name: str, language: str) -> list[Query]:
    path = QUERY_SETS / set_name / f"{language}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["language"] == language, f"{path}: 'language' says {data['language']}"
    return [Query(entry["query"].strip(), tuple(entry["expect"]), language, set_name)
            for entry in data["queries"]]


def home_of(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


TUNING = [query for language in LANGUAGES for query in load_set("tuning", language)]


# ---- The query sets themselves ----------------------------------------------------------------


@pytest.mark.parametrize("set_name", ["tuning", "held-out"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_query_sets_are_large_unique_and_point_at_real_pages(pages: Site, set_name: str,
                                                            language: str) -> None:
    queries = load_set(set_name, language)
    assert len(queries) >= MIN_QUERIES
    texts = [query.text.casefold() for query in queries]
    assert len(set(texts)) == len(texts), "a query is listed twice"
    missing = [(query.text, page) for query in queries for page in query.expect
               if not pages.exists(home_of(language) + page)]
    assert not missing, f"expected pages that do not exist: {missing}"


def test_held_out_queries_are_not_tuning_queries() -> None:
    for language in LANGUAGES:
        tuning = {query.text.casefold() for query in load_set("tuning", language)}
        held_out = {query.text.casefold() for query in load_set("held-out", language)}
        assert not tuning & held_out, language


# ---- In a browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_context(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture(scope="module")
def search_boxes(search_context: object, server: str) -> Iterator[dict[str, SearchBox]]:
    """One page per language and query set, opened once; the queries are typed one after another."""
    boxes: dict[str, SearchBox] = {}

    def box(language: str, set_name: str) -> SearchBox:
        key = f"{set_name}:{language}"
        if key not in boxes:
            page = search_context.new_page()  # type: ignore[attr-defined]
            page.errors = []
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            boxes[key] = SearchBox(page, server, home_of(language))
        return boxes[key]

    yield box  # type: ignore[misc]
    for opened in boxes.values():
        assert opened.page.errors == []
        opened.page.close()


def describe(query: Query, found: list[str]) -> str:
    return f"{query.text!r}: expected one of {list(query.expect)}, the first {TOP} were {found[:TOP]}"


pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query", TUNING, ids=lambda query: f"{query.language}-{query.text}")
def test_tuning_query_finds_its_page(search_boxes: object, query: Query) -> None:
    found = search_boxes(query.language, "tuning").search(query.text)  # type: ignore[operator]
    assert set(found[:TOP]) & set(query.expect), describe(query, found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_queries_score_at_least_95_percent(search_boxes: object, language: str) -> None:
    box = search_boxes(language, "held-out")  # type: ignore[operator]
    queries = load_set("held-out", language)
    misses = []
    for query in queries:
        found = box.search(query.text)
        if not set(found[:TOP]) & set(query.expect):
            misses.append(describe(query, found))
    score = 1 - len(misses) / len(queries)
    print(f"\nheld-out {language}: {len(queries) - len(misses)}/{len(queries)} = {score:.0%}")
    for miss in misses:
        print("  missed", miss)
    assert score >= HELD_OUT_SCORE, "\n".join([f"score {score:.1%}", *misses])
