"""Checks of ``content/rubrics.yaml`` that need the rest of the handbook.

Every characteristic has exactly one rubric, with one description per level of the
self-assessment (the levels come from its saved format, ``schema/team-assessment.schema.json``);
the steps and tasks of its advice exist; and, like every record, it says where it comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from handbook.assessment_format import assessment_format
from handbook.errors import ContentError
from handbook.yamlsource import FieldPath, SourceFile

# (kind, id, known ids, former ids) → the message for an id that does not exist
UnknownId = Callable[[str, str, dict[str, set[str]], dict[str, dict[str, str]]], str]


def check_rubrics(sources: dict[str, SourceFile], known: dict[str, set[str]],
                  former: dict[str, dict[str, str]], unknown_id: UnknownId) -> Iterator[ContentError]:
    source = sources.get("rubrics")
    if source is None or not isinstance(source.data, dict):
        return
    rubrics = source.data.get("rubrics") if isinstance(source.data.get("rubrics"), list) else []
    characteristics = _characteristic_ids(sources.get("characteristics"))
    levels = assessment_format().levels
    seen: dict[str, FieldPath] = {}
    for index, rubric in enumerate(rubrics):
        if not isinstance(rubric, dict):
            continue
        path: FieldPath = ("rubrics", index)
        characteristic = rubric.get("characteristic")
        if isinstance(characteristic, str):
            if characteristic not in characteristics:
                yield source.error((*path, "characteristic"), _unknown_characteristic(
                    characteristic, characteristics))
            elif characteristic in seen:
                line, column = source.position((*seen[characteristic], "characteristic"))
                yield source.error((*path, "characteristic"), (
                    f"'{characteristic}' already has a rubric at {source.display_name}:{line}:"
                    f"{column} — a characteristic has one rubric; merge the two"))
            else:
                seen[characteristic] = path
        described = rubric.get("levels")
        if isinstance(described, list) and len(described) != len(levels):
            yield source.error((*path, "levels"), (
                f"{len(described)} levels are described, but the self-assessment has {len(levels)} "
                "(schema/team-assessment.schema.json, $defs.level) — write one description per "
                f"level, from level {levels[0]} (not yet) to level {levels[-1]} (fully)"))
        for field, kind in (("steps", "step"), ("tasks", "task")):
            values = rubric.get(field)
            for position, value in enumerate(values if isinstance(values, list) else ()):
                if isinstance(value, str) and value not in known[kind]:
                    yield source.error((*path, field, position), unknown_id(kind, value, known, former))
        has_sources = isinstance(rubric.get("sources"), list) and bool(rubric["sources"])
        if not has_sources and rubric.get("synthesis") is not True:
            yield source.error(path, (
                f"the rubric of '{characteristic}' has no provenance — add 'synthesis: true' if "
                "it is the handbook's own synthesis, or 'sources: [source-id, …]' with ids from "
                "content/sources.yaml"))
    for characteristic, where in characteristics.items():
        if characteristic not in seen:
            yield ContentError(source.display_name, *_end_of(source), "rubrics", (
                f"characteristic '{characteristic}' ({where}) has no rubric — add a record with "
                f"'characteristic: {characteristic}', its levels, advice, steps and tasks"))


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _characteristic_ids(source: SourceFile | None) -> dict[str, str]:
    """Each characteristic's id → where it is defined (file:line), in file order."""
    if source is None or not isinstance(source.data, dict):
        return {}
    found: dict[str, str] = {}
    records = source.data.get("characteristics")
    for index, record in enumerate(records if isinstance(records, list) else ()):
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            line, _column = source.position(("characteristics", index, "id"))
            found.setdefault(record["id"], f"{source.display_name}:{line}")
    return found


def _unknown_characteristic(value: str, characteristics: dict[str, str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(characteristics), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (f"characteristic '{value}' does not exist{hint} — use an id from "
            "content/characteristics.yaml")


def _end_of(source: SourceFile) -> tuple[int, int]:
    """Where a missing record belongs: the 'rubrics:' key."""
    return source.key_position(("rubrics",))
