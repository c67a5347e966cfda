"""Review dates: when content was last checked, and by when it must be checked again.

Every kind of record may carry ``reviewed`` (the last check against its sources) and
``review_by`` (the date by which it must be checked again), both written YYYY-MM-DD; on a
file's first level they are the defaults for its records. Hand-written pages carry the same
two keys in their front matter. A sentence that depends on a date or a rule carries a marker
right after it, in YAML text and in Markdown alike::

    Vanaf 1 september 2026 moet elke school een ICT-beleidsplan hebben. <!-- review_by 2027-09-01 -->

(A colon after review_by is accepted too, but YAML refuses ": " in an unquoted value.)

The loader strips markers from the text, so no page, download or export shows one; a
Markdown page keeps it as an HTML comment, which the browser does not show either.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from handbook.errors import ContentError
from handbook.model import Handbook
from handbook.yamlsource import FieldPath, SourceFile

DATE_KEYS = ("reviewed", "review_by")
# A review marker as an editor writes it; a comment that starts like one but is malformed is
# reported (with its fix) instead of being taken for other raw HTML.
MARKER = re.compile(r"<!--\s*review_by\s*:?\s*(?P<date>.*?)\s*-->", re.DOTALL)
MARKER_START = re.compile(r"<!--\s*review", re.IGNORECASE)
MARKER_HINT = "write the marker as <!-- review_by YYYY-MM-DD -->, for example <!-- review_by 2027-09-01 -->"


def without_markers(text: str) -> str:
    """The text without anything that looks like a review marker, well-formed or not (the raw
    HTML check ignores them; check_dates reports the malformed ones)."""
    return re.sub(r"<!--\s*review.*?-->", "", text, flags=re.IGNORECASE | re.DOTALL)


def parse_date(text: str) -> datetime.date:
    """A YYYY-MM-DD date; ValueError for anything else (including 2026-02-30)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return datetime.date.fromisoformat(text)


def strip_markers(text: str) -> str:
    """The text without its review markers (and without the space before each one)."""
    return re.sub(r"[ \t]*" + MARKER.pattern, "", text) if "<!--" in text else text


def markers(text: str) -> Iterator[tuple[datetime.date, int, int]]:
    """Each well-formed marker in ``text``: its date, start and end offset."""
    for match in MARKER.finditer(text):
        try:
            yield parse_date(match["date"]), match.start(), match.end()
        except ValueError:
            continue


def sentence_before(text: str, offset: int) -> str:
    """The sentence that ends where a marker starts: what the marker dates."""
    before = strip_markers(text[:offset]).rstrip()
    start = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n"))
    sentence = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", before[start + 1:])  # link text only
    return " ".join(sentence.replace("**", "").split())


def check_dates(sources: dict[str, SourceFile]) -> list[ContentError]:
    """Dates that are not real dates, a next check before the last one, broken markers."""
    errors: list[ContentError] = []
    for source in sources.values():
        for path, node in _mappings(source.data, ()):
            errors.extend(_check_record_dates(source, path, node))
        for path, value in _strings(source.data, ()):
            errors.extend(_check_markers(source, path, value))
    return errors


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _check_record_dates(source: SourceFile, path: FieldPath, node: dict) -> Iterator[ContentError]:
    dates: dict[str, datetime.date] = {}
    for key in DATE_KEYS:
        value = node.get(key)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue  # absent, or the schema already explained the wrong form
        try:
            dates[key] = parse_date(value)
        except ValueError:
            yield source.error((*path, key), (
                f"'{value}' is not a date in the calendar — check the day and the month "
                "(YYYY-MM-DD)"))
    if len(dates) == 2 and dates["review_by"] <= dates["reviewed"]:
        yield source.error((*path, "review_by"), (
            f"the next review ({dates['review_by']}) must come after the last one "
            f"({dates['reviewed']}) — set 'review_by' to a later date"))


def _check_markers(source: SourceFile, path: FieldPath, value: str) -> Iterator[ContentError]:
    for start in MARKER_START.finditer(value):
        match = MARKER.match(value, start.start())
        if match is None:
            yield source.error(path, f"a review marker is not written correctly — {MARKER_HINT}")
            continue
        try:
            parse_date(match["date"])
        except ValueError:
            yield source.error(path, (
                f"'{match['date']}' in a review marker is not a date — {MARKER_HINT}"))


def records(data: object) -> Iterator[tuple[FieldPath, dict]]:
    """Every record of a content file (a mapping with an id, below the top level), with its path."""
    return ((path, node) for path, node in _mappings(data, ()) if path and "id" in node)


def _mappings(node: object, path: FieldPath) -> Iterator[tuple[FieldPath, dict]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _mappings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _mappings(value, (*path, index))


def _strings(node: object, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))


def last_reviewed(records: object) -> datetime.date | None:
    """When a page showing ``records`` was last reviewed as a whole: the oldest of their
    review dates, or None if any of them has none (a page is only as fresh as its stalest part)."""
    dates = [getattr(record, "provenance", record).reviewed for record in records]
    return None if not dates or None in dates else min(dates)


def page_review_line(handbook: Handbook, language: str, reviewed: object) -> dict | None:
    """What a page shows about its last review: the ISO date and the sentence, in the page's
    language ('Laatst nagekeken op 29 november 2026'); None when the page has no date."""
    if isinstance(reviewed, str):
        try:
            reviewed = parse_date(reviewed)
        except ValueError:
            return None
    if not isinstance(reviewed, datetime.date):
        return None
    months = handbook.label(language, "date.months").split()
    spoken = f"{reviewed.day} {months[reviewed.month - 1]} {reviewed.year}"
    return {"date": reviewed.isoformat(), "label": handbook.label(language, "page.reviewed"),
            "text": spoken}
