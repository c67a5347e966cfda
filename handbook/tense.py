"""Dates in running text, and sentences that speak of a past date in the future tense.

"Vanaf 1 september 2026 wordt het plan verplicht" was true when it was written and is wrong
the day after. The warnings module asks :func:`dated_sentences` for every sentence with a full
date, and :func:`future_wording` whether such a sentence speaks of it as still to come.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
# Words that put a date in the future, per language: a deadline still to meet, something
# that "becomes" or "will be", or is "not yet" so. Plain past or present tense is fine.
FUTURE = {
    "nl": re.compile(
        r"\b(zal|zullen|zult|binnenkort|nog\s+niet|nog\s+geen|word(?:t|en)\s+(?:\w+\s+){0,6}?"
        r"(?:verplicht|ingevoerd|van\s+kracht)|treed(?:t|en)\s+in\s+werking|klaar\s+(?:is\s+|zijn\s+)?(?:vóór|voor|"
        r"tegen)|tegen(?=\s+\d)|uiterlijk|ten\s+laatste)\b", re.IGNORECASE),
    "en": re.compile(
        r"\b(will|shall|is\s+to\s+be|are\s+to\s+be|is\s+going\s+to|are\s+going\s+to|becomes?|"
        r"not\s+yet|soon|upcoming|comes?\s+into\s+force|ready\s+(?:before|by)|no\s+later\s+than|"
        r"at\s+the\s+latest)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class DatedSentence:
    """A sentence of a text that names a full date."""

    date: datetime.date
    date_text: str
    start: int  # offsets of the date in the text
    sentence: str


def dated_sentences(text: str, language: str) -> Iterator[DatedSentence]:
    """Every full date in ``text`` (1 september 2026, 1 September 2026, September 1, 2026,
    2026-09-01), with the sentence around it."""
    for match in _date_pattern(language).finditer(text):
        date = _to_date(match, language)
        if date is None:
            continue
        yield DatedSentence(date, match[0], match.start(), _sentence(text, match.start(), match.end()))


def future_wording(sentence: str, language: str) -> str | None:
    """The words that speak of something still to come, if the sentence has any."""
    match = FUTURE[language].search(sentence)
    return " ".join(match[0].split()) if match else None


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _date_pattern(language: str) -> re.Pattern[str]:
    months = "|".join(MONTHS[language])
    day_first = rf"(?P<day>\d{{1,2}})\s+(?P<month>{months})\s+(?P<year>\d{{4}})"
    iso = r"(?P<iso>\d{4}-\d{2}-\d{2})"
    if language == "en":
        month_first = rf"(?P<month2>{months})\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"
        return re.compile(rf"\b(?:{day_first}|{month_first}|{iso})\b", re.IGNORECASE)
    return re.compile(rf"\b(?:{day_first}|{iso})\b", re.IGNORECASE)


def _to_date(match: re.Match[str], language: str) -> datetime.date | None:
    names = [name.casefold() for name in MONTHS[language]]
    try:
        if match["iso"]:
            return datetime.date.fromisoformat(match["iso"])
        if match["day"]:
            return datetime.date(int(match["year"]), names.index(match["month"].casefold()) + 1,
                                 int(match["day"]))
        return datetime.date(int(match["year2"]), names.index(match["month2"].casefold()) + 1,
                             int(match["day2"]))
    except ValueError:
        return None


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n|\n\s*[-*]\s|\n\s*\d+\.\s")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or list item) around the offsets ``start`` to ``end``."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    found = _SENTENCE_END.search(text, end)
    finish = found.end() if found else len(text)
    return " ".join(text[begin:finish].split())
