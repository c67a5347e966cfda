"""Warnings about valid content that needs an editor's eye: it does not stop the build.

- review dates that have passed: on a record, a file, a page, or a marked sentence;
- records and pages without any review date;
- a date that has passed, spoken of in the future tense ("wordt verplicht vanaf 1 september
  2026", "will be compulsory from …"), and a date still to come with nothing that asks for a
  review once it passes;
- a variant or phrase the glossary asks to avoid, with the preferred term.

Each warning names file, line, column, what is wrong and how to fix it. ``make check`` prints
them; ``make test`` requires the real content to have none; ``python -m handbook review``
lists them with everything else that is due for a check.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook import review_dates, tense, terms
from handbook.content_texts import TextField, page_texts, yaml_texts
from handbook.yamlsource import FieldPath, SourceFile, format_path

# Files whose records carry review dates (ui.yaml holds labels, not statements)
DATED_FILES = ("tasks", "roles", "team-templates", "guidelines", "characteristics", "rubrics",
               "recommendations", "glossary", "sources")


# How to say that something holds now, per language (in the future-tense warning)
_NOW = {"nl": "'is sinds … verplicht'", "en": "'has been compulsory since …'"}


@dataclass(frozen=True, order=True)
class ContentWarning:
    """One warning, ordered by file and line."""

    file: str
    line: int
    column: int
    field: str
    message: str
    kind: str  # review-date, no-review-date, future-tense, undated-future, term, phrase

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def content_warnings(sources: dict[str, SourceFile], docs_dir: Path, root: Path,
                     today: datetime.date) -> list[ContentWarning]:
    """Every warning for the content files and the hand-written pages, sorted."""
    found: list[ContentWarning] = []
    found.extend(_record_dates(sources, today))
    texts = list(yaml_texts(sources))
    pages = list(page_texts(docs_dir, root))
    found.extend(_page_dates(pages, today))
    avoid = terms.vocabulary(sources["glossary"]) if "glossary" in sources else ()
    for text in [*texts, *(page for page, _meta in pages)]:
        found.extend(_markers(text, today))
        found.extend(_tense(text, today))
        found.extend(_vocabulary(text, avoid, sources.get("glossary")))
    return sorted(set(found))


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _record_dates(sources: dict[str, SourceFile], today: datetime.date) -> Iterator[ContentWarning]:
    for name in DATED_FILES:
        source = sources.get(name)
        if source is None or not isinstance(source.data, dict):
            continue
        top = source.data
        file_reviewed = top.get("reviewed")
        if _passed(top.get("review_by"), today):
            yield _at(source, ("review_by",), "review-date", _overdue("this file", top["review_by"]))
        undated = 0
        for path, record in review_dates.records(source.data):
            if _passed(record.get("review_by"), today):
                yield _at(source, (*path, "review_by"), "review-date",
                          _overdue(f"'{record['id']}'", record["review_by"]))
            if not record.get("reviewed") and not file_reviewed and "actions" not in path:
                undated += 1
        if undated:
            noun = "record has" if undated == 1 else "records have"
            yield ContentWarning(source.display_name, 1, 1, "", (
                f"{undated} {noun} no review date — add 'reviewed: YYYY-MM-DD' (the day the "
                "content was last checked against its sources) on the file's first level or on "
                "each record; the pages show it as 'last reviewed'"), "no-review-date")


def _page_dates(pages: list[tuple[TextField, dict]], today: datetime.date) -> Iterator[ContentWarning]:
    for page, meta in pages:
        if not meta.get("reviewed"):
            yield ContentWarning(page.file, 1, 1, "", (
                "the page has no review date — start it with front matter: a line '---', "
                "'reviewed: YYYY-MM-DD' (the day it was last checked) and another '---'"),
                "no-review-date")
        if _passed(meta.get("review_by"), today):
            yield ContentWarning(page.file, 1, 1, "", _overdue("this page", meta["review_by"]),
                                 "review-date")


def _markers(text: TextField, today: datetime.date) -> Iterator[ContentWarning]:
    for date, start, end in review_dates.markers(text.without_code):
        if date > today:
            continue
        sentence = review_dates.sentence_before(text.text, start)
        yield _in(text, start, text.text[start:end], "review-date", (
            f"the sentence '{_short(sentence)}' was to be checked by {date} — check it against "
            "its source, rewrite it if needed, and move the marker's date forward"))


def _tense(text: TextField, today: datetime.date) -> Iterator[ContentWarning]:
    prose = text.prose
    reviews = [date for date, _start, _end in review_dates.markers(text.without_code)]
    if text.review_by:
        reviews.append(text.review_by)
    for dated in tense.dated_sentences(prose, text.language):
        wording = tense.future_wording(dated.sentence, text.language)
        if dated.date <= today and wording:
            yield _in(text, dated.start, dated.date_text, "future-tense", (
                f"speaks of {dated.date_text} as still to come ('{wording}'), but that date has "
                f"passed — say what holds now (for example {_NOW[text.language]}), and check the "
                "statement against its source"))
        elif dated.date > today and not any(review <= dated.date for review in reviews):
            yield _in(text, dated.start, dated.date_text, "undated-future", (
                f"names {dated.date_text}, which is still to come, but nothing asks for a review "
                f"by then — add <!-- review_by {dated.date} --> after the sentence (or "
                "'review_by' on the record), so it is checked once the date has passed"))


def _vocabulary(text: TextField, avoid: tuple[terms.Avoid, ...],
                glossary: SourceFile | None) -> Iterator[ContentWarning]:
    own_entry = _glossary_entry(text, glossary)
    for use in terms.find(text.prose, text.language, avoid):
        if own_entry is not None and use.avoid.term_index == own_entry:
            continue  # a glossary entry may name its own variants in its note
        if text.is_alias and use.avoid.term_index is not None:
            continue  # an alias is the variant people type into the search box
        kind = "phrase" if use.avoid.term_index is None else "term"
        yield _in(text, use.start, use.found, kind,
                  f"uses '{use.found}' — {use.avoid.advice} (see content/glossary.yaml)")


def _glossary_entry(text: TextField, glossary: SourceFile | None) -> int | None:
    """The index of the glossary term a text belongs to, if it is one."""
    if glossary is None or text.file != glossary.display_name or not text.record:
        return None
    record = text.record
    return record[1] if len(record) == 2 and record[0] == "terms" else None


def _passed(value: object, today: datetime.date) -> bool:
    try:
        return isinstance(value, str) and datetime.date.fromisoformat(value) <= today
    except ValueError:
        return False


def _overdue(what: str, date: str) -> str:
    return (f"the review date {date} of {what} has passed — check it against its sources, "
            "update what changed, then set 'reviewed' to today and 'review_by' to the next check")


def _at(source: SourceFile, path: FieldPath, kind: str, message: str) -> ContentWarning:
    line, column = source.position(path)
    return ContentWarning(source.display_name, line, column, format_path(path), message, kind)


def _in(text: TextField, offset: int, snippet: str, kind: str, message: str) -> ContentWarning:
    line, column = text.position(offset, snippet)
    return ContentWarning(text.file, line, column, text.field, message, kind)


def _short(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def describe(warnings: Iterable[ContentWarning]) -> str:
    """The warnings as an editor reads them, with a count at the end."""
    lines = [str(warning) for warning in warnings]
    count = len(lines)
    if count:
        noun = "warning" if count == 1 else "warnings"
        lines.append(f"{count} {noun} (they do not stop the build; `make review` lists what "
                     "is due for a check)")
    return "\n".join(lines)
