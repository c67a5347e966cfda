"""Search: one index per language, and in a real Chromium, per language: results in the page's
language only, highlighting, the keyboard, stemming and words with or without hyphens.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from handbook.search_index import (
    index_path,
    page_aliases,
    split_by_language,
    with_aliases,
    without_empty_sections,
)
from tests.conftest import Site
from tests.search_browser import wait_until_search_is_ready

# What a reader types, per language: a word from the handbook, and the page it must find first
WIFI_PAGE = {"nl": "tasks/tech-wifi/", "en": "en/tasks/tech-wifi/"}
ROLES_QUERY = {"nl": "rollen", "en": "roles"}
NETWORK_QUERY = {"nl": "netwerk", "en": "network"}  # words that their stemmers leave as they are


# ---- The index files -------------------------------------------------------------------------


def read_index(site: Path, language: str) -> dict:
    return json.loads((site / index_path(language, DEFAULT_LANGUAGE)).read_text(encoding="utf-8"))


def test_splitting_gives_each_language_its_own_documents() -> None:
    index = {"config": {"lang": ["nl", "en"], "separator": "[\\s\\-]+"},
             "docs": [{"location": "", "title": "Start", "text": "a"},
                      {"location": "tasks/x/#wat", "title": "Wat", "text": "b"},
                      {"location": "en/", "title": "Home", "text": "c"},
                      {"location": "en/tasks/x/#what", "title": "What", "text": "d"},
                      {"location": "english-words/", "title": "Not English", "text": "e"}]}
    parts = split_by_language(index, ("nl", "en"), "nl")
    assert [doc["location"] for doc in parts["nl"]["docs"]] == ["", "tasks/x/#wat", "english-words/"]
    assert [doc["location"] for doc in parts["en"]["docs"]] == ["", "tasks/x/#what"]
    assert parts["en"]["config"] == {"lang": ["en"], "separator": "[\\s\\-]+"}
    assert parts["nl"]["config"]["lang"] == ["nl"]
    # An index that holds one language only leaves the other language's file alone
    assert set(split_by_language(parts["nl"], ("nl", "en"), "nl")) == {"nl"}


def test_aliases_go_into_the_page_document_and_replace_what_was_there() -> None:
    index = {"config": {}, "docs": [
        {"location": "tasks/x/", "title": "X", "text": "a", "aliases": "stale"},
        {"location": "tasks/x/#more", "title": "More", "text": "b"},
        {"location": "tasks/y/", "title": "Y", "text": "c", "aliases": "gone"}]}
    once = with_aliases(index, {"tasks/x/": "beamer, projector"})
    assert [doc.get("aliases") for doc in once["docs"]] == ["beamer, projector", None, None]
    assert with_aliases(once, {"tasks/x/": "beamer, projector"}) == once


def test_sections_left_with_only_a_heading_are_dropped() -> None:
    index = {"config": {}, "docs": [{"location": "roles/x/", "title": "X", "text": ""},
                                    {"location": "roles/x/#tasks", "title": "Tasks", "text": ""},
                                    {"location": "roles/x/#what", "title": "What", "text": "a"}]}
    assert [doc["location"] for doc in without_empty_sections(index)["docs"]] == \
        ["roles/x/", "roles/x/#what"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_records_with_pages_carry_their_aliases_in_a_boosted_field(site: Path, handbook: object,
                                                                      language: str) -> None:
    index = read_index(site, language)
    fields = index["config"]["fields"]
    assert fields["aliases"]["boost"] == fields["title"]["boost"]
    expected = page_aliases(handbook, language)
    steps = [step for step in handbook.steps if step.aliases[language]]
    assert steps and f"steps/{steps[0].id}/" in expected
    found = {doc["location"]: doc["aliases"] for doc in index["docs"] if "aliases" in doc}
    assert found == expected
    for record in (*handbook.tasks, *handbook.roles, *handbook.steps, *handbook.characteristics):
        if record.aliases[language]:
            location = next(place for place in expected if place.endswith(f"/{record.id}/"))
            assert found[location].split(", ") == list(record.aliases[language])
    assert not [doc["location"] for doc in index["docs"] if "#" in doc["location"] and not doc["text"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_leaves_out_what_other_pages_say(site: Path, pages: Site, handbook: object,
                                                   language: str) -> None:
    # Each left-out part repeats what a page of its own says, or would crowd out the answers
    # (handbook/templates/pages/ and the hand-written pages mark them data-search-exclude)
    index = read_index(site, language)
    labels = handbook.labels
    page_docs = [doc for doc in index["docs"] if "#" not in doc["location"]]
    facts = [labels[key][language] for key in ("field.group", "field.roles")]
    assert not [doc["location"] for doc in page_docs
                if doc["location"].startswith("tasks/") and any(fact in doc["text"] for fact in facts)]
    assert labels["heading.related"][language] not in {doc["title"] for doc in index["docs"]}
    assert not [doc["location"] for doc in index["docs"]
                if labels["step.next"][language] in html.unescape(doc["text"])]
    sources = [doc for doc in index["docs"] if doc["location"].startswith("sources/")]
    assert len(sources) > len(handbook.sources) // 2
    assert not [doc["location"] for doc in sources if "http" in doc["text"]]
    notes = [source.note[language].split(".")[0] for source in handbook.sources]
    home = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    shown = pages.page(f"{home}sources/").select_one("article").get_text()
    assert sum(note in shown for note in notes) > len(notes) // 2, "the notes are on the page"
    assert not [doc["location"] for doc in sources if any(note in doc["text"] for note in notes)]
    glossary = [doc for doc in index["docs"] if doc["location"].startswith("glossary/")]
    assert handbook.terms[0].note[language].split(".")[0] in \
        pages.page(f"{home}glossary/").select_one("article").get_text()
    assert glossary and not [doc for doc in glossary
                             if any(term.note and term.note[language].split(".")[0] in doc["text"]
                                    for term in handbook.terms)]
    summaries = [role.summary[language] for role in handbook.roles]
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("roles/#")
                and any(summary in html.unescape(doc["text"]) for summary in summaries)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_an_index_of_its_own_pages(site: Path, pages: Site, language: str) -> None:
    index = read_index(site, language)
    assert index["config"]["lang"] == [language]
    home = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    pages_found = {home + doc["location"].split("#")[0] for doc in index["docs"]}
    assert len(pages_found) > 100
    missing = [url for url in pages_found if not pages.exists(url)]
    assert not missing, f"the {language} index points at pages that do not exist: {missing[:5]}"
    languages = {pages.page(url).html["lang"] for url in pages_found}
    assert languages == {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_leaves_out_task_lists_and_provenance(site: Path, handbook: object,
                                                       language: str) -> None:
    # A task is found on its own page, not in the task tables of its group, its roles and its
    # steps; the sources and the synthesis note are not under every record that cites them
    index = read_index(site, language)
    # (a step page also links to the previous and next step, some named like a task)
    steps = {step.title[language] for step in handbook.steps}
    tasks = {task.title[language] for task in handbook.tasks} - steps
    task_lists = [doc for doc in index["docs"] if doc["title"] in
                  {handbook.labels[key][language] for key in ("heading.role_tasks", "heading.step_tasks",
                                                              "heading.group_tasks")}]
    assert task_lists, "the role, step and group pages' task headings are still findable"
    assert not [doc["location"] for doc in task_lists if any(title in doc["text"] for title in tasks)]
    sources_heading = handbook.labels["heading.sources"][language]
    assert not [doc["location"] for doc in index["docs"]
                if "#" in doc["location"] and doc["title"] == sources_heading]
    synthesis = handbook.labels["provenance.synthesis"][language].strip()
    assert not [doc["location"] for doc in index["docs"] if synthesis in html.unescape(doc["text"])]


# ---- Search in a browser ---------------------------------------------------------------------


def search(page: object, base: str, url: str, query: str) -> list[str]:
    """Open `url` and search for `query`; the result links, site-relative.

    Material searches on every key released, so typing "wifi" also searches "w", "wi" and
    "wif", and their results may show for a moment. The query is filled in up to its last
    character, which is then typed: one search, for the whole query.
    """
    page.goto(base + url)
    wait_until_search_is_ready(page)
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query[:-1])
    field.press(query[-1])
    page.wait_for_selector(".md-search-result__item")
    return [link.get_attribute("href")[len(base):]
            for link in page.query_selector_all(".md-search-result__link")]


def page_of(href: str) -> str:
    return urlsplit(href).path.lstrip("/")


browser_test = pytest.mark.browser


@browser_test
@pytest.mark.parametrize("language", LANGUAGES)
def test_results_are_in_the_language_of_the_page(page: object, server: str, pages: Site,
                                                 language: str) -> None:
    requested = []
    page.on("request", lambda request: "search_index" in request.url and requested.append(request.url))
    home = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    results = search(page, server, home + "tasks/", ROLES_QUERY[language])
    assert results
    for href in results:
        assert pages.exists(page_of(href)), href
        assert pages.page(page_of(href)).html["lang"] == language, href
    # The page loaded its own language's index, and nothing else
    assert requested == [server + index_path(language, DEFAULT_LANGUAGE).as_posix()]
    assert page.console_errors == []
    assert page.foreign_requests == []


@browser_test
@pytest.mark.parametrize("language", LANGUAGES)
def test_results_and_the_page_highlight_the_query(page: object, server: str, language: str) -> None:
    query = NETWORK_QUERY[language]
    search(page, server, "" if language == DEFAULT_LANGUAGE else f"{language}/", query)
    marked = [mark.text_content().lower() for mark in page.query_selector_all(".md-search-result mark")]
    assert marked and all(query in word for word in marked[:5]), marked
    # The result link carries the terms, and the page it opens highlights them
    first = page.locator(".md-search-result__link").first
    assert query in parse_qs(urlsplit(first.get_attribute("href")).query)["h"][0].split()
    first.click()
    page.wait_for_selector("mark[data-md-highlight]")
    assert query in page.locator("mark[data-md-highlight]").first.text_content().lower()
    assert page.console_errors == []


@browser_test
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_works_with_the_keyboard_alone(page: object, server: str, language: str) -> None:
    page.goto(server + WIFI_PAGE[language])
    wait_until_search_is_ready(page)
    page.keyboard.press("/")  # Material's shortcut opens search and focuses the query field
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("wifi")
    # (the results of the whole word, not of "w", "wi" or "wif", which show on the way)
    page.wait_for_function("document.querySelector('.md-search-result__link')?.href.includes('h=wifi')")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    first = page.locator(".md-search-result__link").first.get_attribute("href")
    assert focused == first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == first
    # Escape closes search again
    wait_until_search_is_ready(page)
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked", timeout=5000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked", timeout=5000)
    assert page.console_errors == []


@browser_test
@pytest.mark.parametrize("language", LANGUAGES)
def test_words_match_with_or_without_hyphens(page: object, server: str, language: str) -> None:
    home = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    found = {query: [page_of(href) for href in search(page, server, home, query)]
             for query in ("wifi", "wi-fi", "Wi-Fi", "WiFi")}
    assert {results[0] for results in found.values()} == {WIFI_PAGE[language]}, found
    assert len({tuple(results) for results in found.values()}) == 1, found
    # "co-account" (a parent's account on the learning platform) is written so in both languages
    accounts = {query: {page_of(href) for href in search(page, server, home, query)}
                for query in ("coaccount", "co-account")}
    assert accounts["coaccount"] and accounts["coaccount"] == accounts["co-account"], accounts
    assert page.console_errors == []


@browser_test
def test_a_hyphenated_word_found_by_its_joined_form_is_highlighted(page: object, server: str) -> None:
    # "Wi-Fi" is indexed as "wi" and "fi"; "wifi" finds it through the joined form and the
    # result highlights the whole word
    search(page, server, "en/", "wifi")
    first = page.locator(".md-search-result__item").first
    assert "Wi-Fi" in [mark.text_content() for mark in first.locator("mark").all()]
    missing = [element.text_content() for element in page.query_selector_all(".md-search-result del")]
    assert missing == []
    # A hyphenated query word that a page lacks is shown as typed
    search(page, server, "en/", "wi-fi olifanten-park")
    assert "olifanten-park" in {element.text_content()
                                for element in page.query_selector_all(".md-search-result del")}


@browser_test
def test_dutch_stemming_finds_other_word_forms(page: object, server: str, pages: Site) -> None:
    # "netwerkbeheerders" (plural) occurs nowhere in the handbook; with the Dutch stemmer it
    # still finds the pages about the "netwerkbeheerder"
    results = search(page, server, "", "netwerkbeheerders")
    assert results and not [href for href in results if href.startswith("en/")]
    found_texts = [pages.page(page_of(href)).select_one("article").get_text() for href in results]
    assert any("netwerkbeheerders" not in text.lower() and "netwerkbeheerder" in text.lower()
               for text in found_texts), "no result that only matches through stemming"


@browser_test
def test_result_links_and_missing_terms_use_the_words_as_typed(page: object, server: str) -> None:
    # The worker searches with stems ("scholen" -> "schol"); Material puts the matched terms in
    # each result link to highlight them on the page, and strikes through the terms a page
    # lacks. Both show what the reader typed; a link keeps the stem too, for the other forms.
    results = search(page, server, "", "scholen olifanten")
    # (a page listed only for its matching sections has no terms of its own: no "h")
    highlights = [words for words in (parse_qs(urlsplit(href).query).get("h", [""])[0].split()
                                      for href in results) if words]
    assert highlights and all(words == ["scholen", "schol"] for words in highlights), highlights
    struck = {element.text_content() for element in page.query_selector_all(".md-search-result del")}
    assert "olifanten" in struck and not struck - {"olifanten", "scholen"}, struck
    assert page.console_errors == []


# ---- The search worker on an index made for the test ---------------------------------------------


def run_worker(page: object, index: dict, queries: list[str]) -> dict[str, list[dict]]:
    """Start the page's search worker (Material's, wrapped by search-language.js) on `index`
    and send it each query, as Material's search does; the documents of each result, in order.

    Material's messages are its worker's own protocol (setup 0, ready 1, query 2, result 3): if
    it changes, this test and the wrapper fail together."""
    return page.evaluate("""async ([index, queries]) => {
      const settings = JSON.parse(document.getElementById("__config").textContent);
      const worker = new Worker(settings.search);
      const next = () => new Promise((resolve) => worker.addEventListener(
        "message", (event) => resolve(event.data), { once: true }));
      worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } });
      const ready = await next();
      if (ready.type !== 1) throw new Error("no ready message: " + JSON.stringify(ready));
      const results = {};
      for (const query of queries) {
        worker.postMessage({ type: 2, data: query });
        const message = await next();
        results[query] = message.data.items.flat();
      }
      worker.terminate();
      return results;
    }""", [index, queries])


def small_index(site: Path, language: str, docs: list[dict]) -> dict:
    """An index of `docs`, configured as the site's index of `language` (fields, boosts)."""
    return {"config": read_index(site, language)["config"], "docs": docs}


@browser_test
def test_aliases_are_searched_boosted_and_never_shown(page: object, server: str, site: Path) -> None:
    page.goto(server + "en/")
    index = small_index(site, "en", [
        {"location": "talk/", "title": "Mentions", "text": "<p>A beamer, a beamer and a beamer.</p>"},
        {"location": "av/", "title": "Classroom displays", "text": "<p>Screens.</p>",
         "aliases": "beamer, who does what, Wi-Fi"},
        {"location": "plan/", "title": "Plan", "text": "<p>Who does what in the team.</p>"}])
    results = run_worker(page, index, ["beamer", "who does what", "wifi"])
    # A page whose alias is the query outranks a page that only mentions the word, however often
    assert [doc["location"] for doc in results["beamer"]] == ["av/", "talk/"]
    # An alias typed whole finds its page first, though its words are stop words
    assert results["who does what"][0]["location"] == "av/"
    assert results["wifi"][0]["location"] == "av/"
    for documents in results.values():
        for document in documents:
            assert not {"aliases", "aliasesJoined", "titleJoined", "textJoined"} & set(document)
            # the query written as one ("whodoeswhat") is searched, never shown as a term
            assert not [term for term in document["terms"] if "whodoes" in term]
    assert page.console_errors == []


@browser_test
def test_whole_stop_words_do_not_match_words_that_start_like_them(page: object, server: str,
                                                                 site: Path) -> None:
    page.goto(server)
    index = small_index(site, "nl", [
        {"location": "delen/", "title": "Lesmateriaal delen", "text": "<p>Goede praktijken.</p>"},
        {"location": "server/", "title": "Servers beheren", "text": "<p>De server.</p>"}])
    results = run_worker(page, index, ["de server", "de"])
    assert [doc["location"] for doc in results["de server"]] == ["server/"]
    # while "de" is still being typed, it is a prefix like any other word
    assert "delen/" in [doc["location"] for doc in results["de"]]
    assert page.console_errors == []


# ---- Highlighting on the page a result opens ---------------------------------------------------


@browser_test
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_opened_page_highlights_words_found_through_their_joined_form(
        page: object, server: str, language: str) -> None:
    home = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    page.goto(server + WIFI_PAGE[language] + "?h=wifi+coaccount")
    page.wait_for_selector("mark[data-md-highlight]")
    marked = {mark.text_content() for mark in page.query_selector_all("mark[data-md-highlight]")}
    if language == "en":
        assert "Wi-Fi" in marked  # the English page writes it with a hyphen
    assert {word.lower() for word in marked} <= {"wifi", "wi-fi", "coaccount", "co-account"}, marked
    # A term that a hyphenated word's first part already holds is Material's to highlight, once
    page.goto(server + home + "roles/ict-coordinator/?h=ict")
    page.wait_for_selector("mark[data-md-highlight]")
    assert {mark.text_content().lower()
            for mark in page.query_selector_all("mark[data-md-highlight]")} == {"ict"}
    assert not page.query_selector_all("mark[data-md-highlight] mark")
    assert page.console_errors == []


@browser_test
def test_a_visit_without_a_search_term_does_not_load_the_page_highlighter(page: object,
                                                                          server: str) -> None:
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + WIFI_PAGE["en"])
    wait_until_search_is_ready(page)
    assert not [url for url in requested if "search-highlight" in url]
    page.goto(server + WIFI_PAGE["en"] + "?h=wifi")
    page.wait_for_selector("mark[data-md-highlight]")
    assert [url for url in requested if "search-highlight" in url]
    assert page.console_errors == []
