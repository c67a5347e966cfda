"""The team plan's saved format, read from its one source: ``schema/team-plan.schema.json``.

The schema holds every fact of the format: its name and version, the statuses and the ways
a task can be covered, the limits (hours, lengths, how many members, plans and own tasks)
and the field names. The team page's template, its data island, the downloads and the tests
take those facts from here; the page's JavaScript reads them from the same schema, which the
data island carries (``overrides/assets/javascripts/team/plan-format.js``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "team-plan.schema.json"
# The name of the planner's entry in localStorage. The page puts the site's base path in
# front of it, as Material for MkDocs does for its own entries ("/.ict-team-handbook.team-plans"
# for a site at the root), so two copies of the handbook on one host keep apart.
STORAGE_NAME = "ict-team-handbook.team-plans"
# Before the key was scoped by the base path, plans were saved under the bare name; the page
# moves them to the scoped key the first time it opens.
LEGACY_STORAGE_KEYS = (STORAGE_NAME,)


@dataclass(frozen=True)
class PlanFormat:
    """The facts of the format, as the schema states them."""

    name: str
    version: int
    statuses: tuple[str, ...]
    modes: tuple[str, ...]
    limits: dict[str, int]


@functools.cache
def schema() -> dict:
    """The schema as published at ``/schema/team-plan.schema.json``."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def plan_format() -> PlanFormat:
    definitions = schema()["$defs"]
    document = schema()["properties"]
    plan = definitions["plan"]["properties"]
    assignment = definitions["assignment"]["properties"]
    return PlanFormat(
        name=document["format"]["const"],
        version=document["version"]["const"],
        statuses=tuple(assignment["status"]["enum"]),
        modes=tuple(assignment["mode"]["enum"]),
        limits={
            "hours": definitions["hours"]["maximum"],
            "name": definitions["text"]["maxLength"],
            "notes": assignment["notes"]["maxLength"],
            "members": plan["members"]["maxItems"],
            "customTasks": plan["customTasks"]["maxItems"],
            "plans": document["plans"]["maxItems"],
        },
    )


def storage_key(base_path: str = "/") -> str:
    """The localStorage key for a site served under ``base_path`` (the page derives the same)."""
    return f"{base_path}.{STORAGE_NAME}"
