"""One search index per language, cut from the index the search plugin writes for the whole site.

Material's search plugin writes ``search/search_index.json``; under mkdocs-static-i18n it holds
the documents of every language (the i18n plugin merges them after the last language build).
A reader only ever searches in the language of the page, so each language gets its own file,
next to its own pages:

- the default language keeps ``search/search_index.json`` at the site root;
- every other language gets ``<language>/search/search_index.json``, with its documents'
  locations made relative to ``<language>/``, where that language's pages point the theme's
  search (``main.html`` sets the theme's base address to the language's home page, and the
  theme fetches ``search/search_index.json`` relative to it).

Each file's ``config.lang`` names its one language, so the search worker indexes it with that
language's stemmer and stop words. The index format is the one the search plugin writes:
``{"config": {...}, "docs": [{"location": ..., "title": ..., "text": ...}, ...]}``.

A task, role, step or characteristic page's own document (its first section) also gets an ``aliases`` field:
the other names people search for, from the YAML. The field is declared with its boost in
``mkdocs.yml`` (the search plugin's ``fields``), so a page is found by its aliases as strongly
as by its title. The aliases stay in the page text too ("Ook bekend als: …"), which is what a
result shows, with the matched word highlighted.

What the index leaves out is decided where the pages are written: the templates and the
hand-written pages mark with ``data-search-exclude`` whatever another page says already (task
tables, facts, related tasks, overview tables, source notes) or would crowd out the answers (the
glossary table, the site's own statements). Every reader downloads the index on a first visit
(bench/page_weight.py weighs it). A section left with only its heading is dropped here.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from handbook.files import write_atomic
from handbook.model import Handbook
from handbook.paths import page_path, page_url

INDEX = PurePosixPath("search") / "search_index.json"
# How a page's aliases are written in its ``aliases`` field, as the page lists them (an alias
# holds no comma); the search worker splits them again (workers/search-language.js)
ALIAS_SEPARATOR = ", "


def index_path(language: str, default_language: str) -> PurePosixPath:
    """Where a language's index lives, relative to the site root."""
    return INDEX if language == default_language else PurePosixPath(language) / INDEX


def language_of(location: str, languages: tuple[str, ...], default_language: str) -> str:
    """The language of a document, from the first folder of its location (``en/tasks/…``)."""
    prefix = location.split("/", 1)[0]
    return prefix if prefix in languages and prefix != default_language else default_language


def page_aliases(handbook: Handbook, language: str) -> dict[str, str]:
    """Each task, role, step and characteristic page's aliases in `language`, by the page's location relative
    to the language's home (``tasks/tech-wifi/``), written as the page shows them."""
    records = (*handbook.tasks, *handbook.roles, *handbook.steps, *handbook.characteristics)
    # a page's URL in its own language, taken as the default, has no language folder in front
    return {page_url(page_path(record), language, default_language=language):
            ALIAS_SEPARATOR.join(record.aliases[language])
            for record in records if record.aliases[language]}


def with_aliases(index: dict, aliases: dict[str, str]) -> dict:
    """`index` (one language's) with each page's aliases in its page document's ``aliases``
    field; writing them again replaces them, so this can run on an index more than once."""
    docs = []
    for document in index["docs"]:
        document = {key: value for key, value in document.items() if key != "aliases"}
        if document["location"] in aliases:
            document["aliases"] = aliases[document["location"]]
        docs.append(document)
    return {**index, "docs": docs}


def without_empty_sections(index: dict) -> dict:
    """`index` without the sections that hold nothing but their heading: a section whose
    content is left out of search (a task table, a list of related tasks) would otherwise be
    a result that says nothing. A page's own document stays, text or not."""
    return {**index, "docs": [document for document in index["docs"]
                              if document["text"] or "#" not in document["location"]]}


def split_by_language(index: dict, languages: tuple[str, ...], default_language: str) -> dict[str, dict]:
    """The site-wide index cut into one index per language found in it.

    A language without documents in ``index`` gets no entry, so splitting an index that was
    already split leaves the other languages' files alone.
    """
    docs: dict[str, list[dict]] = {}
    for document in index["docs"]:
        language = language_of(document["location"], languages, default_language)
        location = document["location"]
        if language != default_language:
            location = location[len(language) + 1:]
        docs.setdefault(language, []).append({**document, "location": location})
    return {language: {"config": {**index["config"], "lang": [language]}, "docs": documents}
            for language, documents in docs.items()}


def split_site_index(site_dir: Path, languages: tuple[str, ...], default_language: str,
                     aliases: dict[str, dict[str, str]] | None = None) -> list[Path]:
    """Split ``site_dir``'s search index into its languages' files, with each language's page
    aliases (`aliases[language]`, see page_aliases) added; returns the files written."""
    source = site_dir / INDEX
    if not source.is_file():
        return []
    index = json.loads(source.read_text(encoding="utf-8"))
    written = []
    for language, part in split_by_language(index, languages, default_language).items():
        part = with_aliases(without_empty_sections(part), (aliases or {}).get(language, {}))
        target = site_dir / index_path(language, default_language)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact, as the search plugin writes it: the index is downloaded by every reader
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written
