"""Checks that need the whole handbook: unique ids, references, provenance, no raw HTML.

The schema checks one file at a time; these checks look across files. They read the raw
data defensively (a value of the wrong type was already reported by the schema check), so
every problem in the content is reported in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from handbook import review_dates, terms
from handbook.errors import ContentError
from handbook.yamlsource import FieldPath, SourceFile, format_path

# Raw HTML: a tag such as <b>, </p> or <!-- -->. "< 5 minutes" and Markdown autolinks such as
# <https://example.org> are fine.
HTML_TAG = re.compile(r"<(?!https?://)(/?[A-Za-z][A-Za-z0-9-]*\b[^>]*|!--.*?--)>", re.DOTALL)
MARKDOWN_FIELDS = {"description", "intro", "profile", "approach"}
# A Markdown link or image whose target runs code or embeds data instead of pointing somewhere.
# Both inline links, [text](javascript:…), and reference definitions, [ref]: javascript:…
UNSAFE_LINK = re.compile(r"(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*<?\s*(javascript|vbscript|data):",
                         re.IGNORECASE | re.MULTILINE)
# A Markdown heading: the page adds its own headings, so one in a field would break their order.
MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)", re.MULTILINE)
# Record lists whose entries need provenance (sources or synthesis: true), per file.
PROVENANCE_FILES = {"tasks", "roles", "guidelines", "characteristics", "recommendations", "glossary"}


@dataclass(frozen=True)
class Reference:
    """A field whose values must be ids of another kind of record."""

    field: str
    kind: str
    file: str


REFERENCES = (
    Reference("roles", "role", "roles"),
    Reference("steps", "step", "guidelines"),
    Reference("sources", "source", "sources"),
    Reference("related", "task", "tasks"),
)


def cross_check(sources: dict[str, SourceFile]) -> list[ContentError]:
    """Check ids, references, provenance and raw HTML across all content files."""
    errors: list[ContentError] = []
    records = list(_records(sources))
    known = _ids_by_kind(sources)
    seen: dict[str, tuple[SourceFile, FieldPath]] = {}
    for name, source, path, record in records:
        record_id = record.get("id")
        if isinstance(record_id, str):
            if record_id in seen:
                first_source, first_path = seen[record_id]
                line, column = first_source.position((*first_path, "id"))
                errors.append(source.error((*path, "id"), (
                    f"the id '{record_id}' is already used at {first_source.display_name}:"
                    f"{line}:{column} — ids must be unique across the handbook; choose another id"
                )))
            else:
                seen[record_id] = (source, path)
        errors.extend(_check_references(source, path, record, known))
        if name in PROVENANCE_FILES and _needs_provenance(path):
            errors.extend(_check_provenance(source, path, record))
    for name, source in sources.items():
        errors.extend(_check_html(source, name))
    errors.extend(_check_task_groups(sources.get("tasks")))
    errors.extend(review_dates.check_dates(sources))
    if "glossary" in sources:
        errors.extend(terms.check_glossary(sources["glossary"]))
    return errors


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _records(sources: dict[str, SourceFile]) -> Iterator[tuple[str, SourceFile, FieldPath, dict]]:
    """Every mapping with an 'id' key, in every file, with its path."""
    for name, source in sources.items():
        yield from ((name, source, path, node) for path, node in _walk(source.data, ())
                    if isinstance(node, dict) and "id" in node)


def _walk(node: object, path: FieldPath) -> Iterator[tuple[FieldPath, object]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def _ids_by_kind(sources: dict[str, SourceFile]) -> dict[str, set[str]]:
    """The ids each reference may point at: roles, steps, sources and tasks."""
    known: dict[str, set[str]] = {"role": set(), "step": set(), "source": set(), "task": set()}
    for name, _source, path, record in _records(sources):
        record_id = record.get("id")
        if not isinstance(record_id, str):
            continue
        if name == "roles" and len(path) == 2:
            known["role"].add(record_id)
        elif name == "guidelines" and len(path) == 4 and path[2] == "steps":
            known["step"].add(record_id)
        elif name == "sources" and len(path) == 2:
            known["source"].add(record_id)
        elif name == "tasks" and path[:1] == ("tasks",):
            known["task"].add(record_id)
    return known


def _check_references(source: SourceFile, path: FieldPath, record: dict,
                      known: dict[str, set[str]]) -> Iterator[ContentError]:
    for reference in REFERENCES:
        values = record.get(reference.field)
        if not isinstance(values, list) or (reference.field == "roles" and source.path.stem == "roles"):
            continue
        for index, value in enumerate(values):
            if not isinstance(value, str) or value in known[reference.kind]:
                continue
            close = difflib.get_close_matches(value, sorted(known[reference.kind]), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            yield source.error((*path, reference.field, index), (
                f"{reference.kind} '{value}' does not exist{hint} — use an id from "
                f"content/{reference.file}.yaml"
            ))


def _needs_provenance(path: FieldPath) -> bool:
    """Records need provenance; the checklist actions inside a step share the step's."""
    return "actions" not in path


def _check_provenance(source: SourceFile, path: FieldPath, record: dict) -> Iterator[ContentError]:
    has_sources = isinstance(record.get("sources"), list) and bool(record["sources"])
    if has_sources or record.get("synthesis") is True:
        return
    yield source.error(path, (
        f"'{record.get('id')}' has no provenance — add 'sources: [source-id, …]' with ids from "
        "content/sources.yaml, or 'synthesis: true' if this is the handbook's own synthesis"
    ))


def _check_html(source: SourceFile, name: str) -> Iterator[ContentError]:
    for path, value in _walk(source.data, ()):
        if not isinstance(value, str):
            continue
        field = next((part for part in reversed(path) if isinstance(part, str)
                      and part not in {"nl", "en"}), "")
        is_markdown = field in MARKDOWN_FIELDS or (name == "sources" and field == "note")
        if is_markdown and (unsafe := UNSAFE_LINK.search(value)):
            yield source.error(path, (
                f"a '{unsafe.group(1).lower()}:' link is not allowed — link to a web address "
                "(https://…) instead"
            ))
        if is_markdown and MARKDOWN_HEADING.search(value):
            yield source.error(path, (
                "headings ('#') are not allowed here — the page adds its own headings; use "
                "**bold text** for emphasis"
            ))
        match = HTML_TAG.search(review_dates.without_markers(value))
        if not match:
            continue
        if is_markdown:
            message = (f"raw HTML ('{match.group(0)}') is not allowed — write Markdown instead, "
                       "for example **bold** or [link text](https://…)")
        else:
            message = (f"HTML ('{match.group(0)}') is not allowed in plain text — remove the tag "
                       "and keep only the words")
        yield source.error(path, message)


def _check_task_groups(source: SourceFile | None) -> Iterator[ContentError]:
    """Every group in 'groups' needs a task list, in the same order, and vice versa."""
    if source is None or not isinstance(source.data, dict):
        return
    groups = source.data.get("groups")
    tasks = source.data.get("tasks")
    if not isinstance(groups, list) or not isinstance(tasks, dict):
        return
    group_ids = [group.get("id") for group in groups if isinstance(group, dict)]
    for group_id in group_ids:
        if isinstance(group_id, str) and group_id not in tasks:
            yield source.error(("tasks",), (
                f"group '{group_id}' has no tasks — add a '{group_id}:' list under 'tasks:'"
            ))
    for group_id in tasks:
        if group_id not in group_ids:
            yield source.error(("tasks", group_id), (
                f"'{group_id}' has tasks but no entry under 'groups:' — add it to "
                f"'groups:' ({format_path(('groups',))}) with a title and an intro"
            ), at_key=True)
