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
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from handbook.files import write_atomic

INDEX = PurePosixPath("search") / "search_index.json"


def index_path(language: str, default_language: str) -> PurePosixPath:
    """Where a language's index lives, relative to the site root."""
    return INDEX if language == default_language else PurePosixPath(language) / INDEX


def language_of(location: str, languages: tuple[str, ...], default_language: str) -> str:
    """The language of a document, from the first folder of its location (``en/tasks/…``)."""
    prefix = location.split("/", 1)[0]
    return prefix if prefix in languages and prefix != default_language else default_language


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


def split_site_index(site_dir: Path, languages: tuple[str, ...], default_language: str) -> list[Path]:
    """Split ``site_dir``'s search index into its languages' files; returns the files written."""
    source = site_dir / INDEX
    if not source.is_file():
        return []
    index = json.loads(source.read_text(encoding="utf-8"))
    written = []
    for language, part in split_by_language(index, languages, default_language).items():
        target = site_dir / index_path(language, default_language)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact, as the search plugin writes it: the index is downloaded by every reader
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written
