"""The editors' list of what to re-check (``python -m handbook review``, ``make review``).

It gathers every review date in the content (on records, files, pages and marked sentences),
sorts them by date and splits them into what is overdue, what falls due soon and what is
scheduled later, followed by the other warnings (no review date, future tense, terms).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook import review_dates
from handbook.content_texts import page_texts, yaml_texts
from handbook.content_warnings import ContentWarning
from handbook.model import Handbook
from handbook.yamlsource import FieldPath, SourceFile


@dataclass(frozen=True, order=True)
class Due:
    """Something to check by a date."""

    date: datetime.date
    file: str
    line: int
    what: str


def review_report(handbook: Handbook, sources: dict[str, SourceFile], docs_dir: Path, root: Path,
                  today: datetime.date, within: int, warnings: list[ContentWarning]) -> str:
    """The report as text: overdue, due soon, other warnings, scheduled later."""
    due = sorted(set(_dues(sources, docs_dir, root)))
    soon = today + datetime.timedelta(days=within)
    overdue = [item for item in due if item.date <= today]
    upcoming = [item for item in due if today < item.date <= soon]
    later = [item for item in due if item.date > soon]
    # Overdue review dates are listed above with what they concern; the rest are warnings
    other = [warning for warning in warnings if warning.kind != "review-date"]
    lines = [f"Review list for {today} ({len(handbook.sources)} sources, "
             f"{len(handbook.tasks)} tasks, {len(handbook.roles)} roles and the other records)."]
    lines += _section(f"Check now: the review date has passed ({len(overdue)})", overdue, today)
    lines += _section(f"Due within {within} days ({len(upcoming)})", upcoming, today)
    lines += [f"\nOther warnings ({len(other)})", *(f"  {warning}" for warning in other)]
    lines += _section(f"Scheduled later ({len(later)})", later, today)
    lines.append(f"\n{len(overdue)} to check now, {len(upcoming)} due within {within} days, "
                 f"{len(other)} other warnings. After a check, set 'reviewed' to the day of the "
                 "check and move 'review_by' (or the marker's date) forward.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _section(title: str, items: list[Due], today: datetime.date) -> list[str]:
    lines = [f"\n{title}"]
    for item in items:
        days = (item.date - today).days
        when = f"{-days} days ago" if days < 0 else ("today" if days == 0 else f"in {days} days")
        lines.append(f"  {item.file}:{item.line}: review by {item.date} ({when}): {item.what}")
    return lines


def _dues(sources: dict[str, SourceFile], docs_dir: Path, root: Path) -> Iterator[Due]:
    for source in sources.values():
        data = source.data
        if isinstance(data, dict) and _date(data.get("review_by")):
            yield Due(_date(data["review_by"]), source.display_name,
                      source.position(("review_by",))[0], "the whole file")
        for path, record in review_dates.records(data):
            date = _date(record.get("review_by"))
            if date:
                yield Due(date, source.display_name, source.position((*path, "review_by"))[0],
                          f"{_kind(path)} '{record['id']}'{_title(record)}")
    for text in yaml_texts(sources):
        yield from _marker_dues(text)
    for page, meta in page_texts(docs_dir, root):
        if _date(meta.get("review_by")):
            yield Due(_date(meta["review_by"]), page.file, 1, "the whole page")
        yield from _marker_dues(page)


def _marker_dues(text) -> Iterator[Due]:
    for date, start, end in review_dates.markers(text.without_code):
        line, _column = text.position(start, text.text[start:end])
        sentence = review_dates.sentence_before(text.text, start)
        yield Due(date, text.file, line, f"({text.language}) {sentence}")


def _kind(path: FieldPath) -> str:
    """'task', 'step', 'source' … from where the record stands in its file."""
    names = {"tasks": "task", "groups": "task group", "roles": "role", "qualities": "quality",
             "phases": "phase", "steps": "step", "actions": "checklist action",
             "characteristics": "characteristic", "levels": "recommendation level",
             "recommendations": "recommendation", "terms": "glossary term", "sources": "source"}
    last = next((part for part in reversed(path) if isinstance(part, str) and part in names), "")
    if path[:1] == ("tasks",) and last == "tasks":
        return "task"
    return names.get(last, "record")


def _title(record: dict) -> str:
    title = record.get("title")
    if isinstance(title, dict) and isinstance(title.get("en"), str):
        return f" ({title['en']})"
    if isinstance(title, str):
        return f" ({title})"
    return ""


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
