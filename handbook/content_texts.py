"""Every text an editor wrote, with its language and a way back to file, line and column.

The warnings read the YAML content (each Dutch and English value) and the hand-written pages
(``docs/nl/*.md``, ``docs/en/*.md``) the same way: as a :class:`TextField` that can turn an
offset in its text into the line and column of the file, so a warning points at the word.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook import LANGUAGES, paths
from handbook.yamlsource import FieldPath, SourceFile, format_path

# Parts of Markdown that are not prose: code, link targets, bare addresses, HTML comments.
_NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|\]\([^)\s]*\)|<https?://[^>]*>|https?://\S+|<!--.*?-->",
                        re.DOTALL)
# Code: an example of a marker or a term there is not meant as one
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class TextField:
    """One text in one language: a YAML value, or a whole hand-written page."""

    file: str  # as editors see it: content/tasks.yaml, docs/nl/guide.md
    field: str  # tasks.technical[4].description.nl, or '' for a page
    language: str
    text: str
    record: FieldPath | None  # the record it belongs to (for YAML), else None
    review_by: datetime.date | None  # the record's, the file's or the page's next review
    _source: SourceFile | None = field(default=None, compare=False, repr=False)
    _path: FieldPath = ()
    _first_line: int = 1  # for a page: the line of its first character

    @property
    def is_alias(self) -> bool:
        """Whether the text is one of a record's aliases: the other names people search for,
        where a variant to avoid in running text belongs on purpose."""
        return "aliases" in self._path

    @property
    def prose(self) -> str:
        """The text with code, link targets and comments blanked out (same offsets)."""
        return _NOT_PROSE.sub(_blank, self.text)

    @property
    def without_code(self) -> str:
        """The text with code blanked out (same offsets): where review markers count."""
        return _CODE.sub(_blank, self.text)

    def position(self, offset: int, snippet: str) -> tuple[int, int]:
        """Line and column in the file of ``snippet``, found at ``offset`` in the text."""
        if self._source is None:
            before = self.text[:offset]
            return self._first_line + before.count("\n"), offset - before.rfind("\n")
        return _position_in_yaml(self._source, self._path, self.text, offset, snippet)


def yaml_texts(sources: dict[str, SourceFile]) -> Iterator[TextField]:
    """Every Dutch and English value in the content files, with the record it belongs to."""
    for source in sources.values():
        file_review = _date(source.data.get("review_by")) if isinstance(source.data, dict) else None
        yield from _walk(source, source.data, (), None, file_review)


def page_texts(docs_dir: Path, root: Path) -> Iterator[tuple[TextField, dict]]:
    """Each hand-written page of each language, with its front matter (the generated pages
    beside them come from the YAML, which is checked as such)."""
    for language in LANGUAGES:
        for path in sorted((docs_dir / language).glob("*.md")):
            if path.name in paths.GENERATED_FILES:
                continue
            text = path.read_text(encoding="utf-8")
            meta, body_start = _front_matter(text)
            yield TextField(
                path.relative_to(root).as_posix(), "", language, text[body_start:], None,
                _date(meta.get("review_by")), _first_line=text[:body_start].count("\n") + 1,
            ), meta


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _walk(source: SourceFile, node: object, path: FieldPath, record: FieldPath | None,
          review_by: datetime.date | None) -> Iterator[TextField]:
    if isinstance(node, dict):
        if "id" in node:
            record = path
            review_by = _date(node.get("review_by")) or review_by
        for key, value in node.items():
            yield from _walk(source, value, (*path, key), record, review_by)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(source, value, (*path, index), record, review_by)
    elif isinstance(node, str):
        language = next((part for part in reversed(path) if isinstance(part, str)), None)
        if language in LANGUAGES:
            yield TextField(source.display_name, format_path(path), language, node, record,
                            review_by, source, path)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError:
        meta = {}
    meta = {key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in meta.items()} if isinstance(meta, dict) else {}
    return meta, match.end()


def _position_in_yaml(source: SourceFile, path: FieldPath, text: str, offset: int,
                      snippet: str) -> tuple[int, int]:
    """Find the n-th occurrence of ``snippet`` in the file's lines from where the value starts
    (a value may be a block over many lines, folded, or quoted: searching covers them all)."""
    line, column = source.position(path)
    occurrence = text[:offset].count(snippet)
    for number in range(line - 1, len(source.lines)):
        raw = source.lines[number]
        index = raw.find(snippet, column - 1 if number == line - 1 else 0)
        while index >= 0:
            if occurrence == 0:
                return number + 1, index + 1
            occurrence -= 1
            index = raw.find(snippet, index + 1)
    return line, column
