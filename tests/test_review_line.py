"""Every page says when its content was last reviewed, in its own language: generated pages
from their records' review dates, hand-written pages from their front matter.
"""

from __future__ import annotations

import datetime

import pytest
import yaml

from handbook import paths
from handbook.render import shown_records
from handbook.review_dates import last_reviewed
from tests.conftest import LANGUAGES, ROOT, Site, url_for
from tests.test_site import HAND_WRITTEN, HANDBOOK, RECORDS

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
LEAD = {"nl": "Laatst nagekeken op", "en": "Last reviewed on"}
OVERVIEWS = [paths.TASKS_INDEX, paths.ROLES_INDEX, paths.STEPS_INDEX, paths.CHARACTERISTICS_INDEX,
             paths.RECOMMENDATIONS, paths.GLOSSARY, paths.SOURCES, paths.DOWNLOADS]


def expected_line(date: datetime.date | None, language: str) -> str | None:
    if date is None:
        return None
    return f"{LEAD[language]} {date.day} {MONTHS[language][date.month - 1]} {date.year}"


def shown_line(pages: Site, url: str) -> tuple[str | None, str | None]:
    line = pages.page(url).select_one("article .handbook-reviewed")
    if line is None:
        return None, None
    return line.get_text(" ", strip=True), line.select_one("time")["datetime"]


def record_context(record: object) -> dict:
    name = {"TaskGroup": "group"}.get(type(record).__name__, type(record).__name__.lower())
    return {name: record}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.id)
def test_a_record_page_shows_its_review_date(pages: Site, record: object, language: str) -> None:
    path = paths.page_path(record)
    date = last_reviewed(shown_records(HANDBOOK, path, record_context(record)))
    text, iso = shown_line(pages, url_for(path, language))
    assert text == expected_line(date, language)
    assert iso == (date.isoformat() if date else None)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", OVERVIEWS)
def test_an_overview_page_shows_the_oldest_review_date(pages: Site, path: str, language: str) -> None:
    date = last_reviewed(shown_records(HANDBOOK, path, {}))
    assert shown_line(pages, url_for(path, language))[0] == expected_line(date, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", [*HAND_WRITTEN, "index.md"])
def test_a_hand_written_page_shows_its_front_matter_date(pages: Site, path: str, language: str) -> None:
    text = (ROOT / "docs" / language / path).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
    date = meta.get("reviewed")
    assert shown_line(pages, url_for(path, language))[0] == expected_line(date, language)


def test_my_content_has_review_dates() -> None:
    # The files of this change carry a review date, so their pages show one (tasks.yaml and
    # roles.yaml get theirs with issue #9a)
    assert all(step.provenance.reviewed for step in HANDBOOK.steps)
    assert all(c.provenance.reviewed for c in HANDBOOK.characteristics)
    assert all(term.provenance.reviewed for term in HANDBOOK.terms)
    assert all(source.reviewed for source in HANDBOOK.sources)
    assert all(r.provenance.reviewed for level in HANDBOOK.recommendation_levels
               for r in level.recommendations)
