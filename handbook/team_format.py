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


# Indicative hours for the school's size. The handbook's task hours are for a mid-sized school
# (about 500 to 800 pupils, one site). For another school, a tenth of the hours stays the same
# (work every school has), the rest grows with the number of pupils relative to that school,
# and every extra site adds a tenth; the result is rounded to 5 %. The team page, the starter
# teams and the spreadsheet take the rule from here (the page through its data island).
HOURS_RULE = {
    "referencePupils": 700,  # the mid-sized school the handbook's hours are for
    "fixedPercent": 10,  # part of the hours every school has, whatever its size
    "sitePercent": 10,  # added for each site after the first
    "roundTo": 5,
    "minPercent": 10,
    "maxPercent": 2000,
}


def hours_percent(pupils: int, sites: int = 1) -> int:
    """The share of the handbook's indicative hours a school of this size needs, in per cent."""
    rule = HOURS_RULE
    exact = (rule["fixedPercent"] + (100 - rule["fixedPercent"]) * pupils / rule["referencePupils"]
             + rule["sitePercent"] * (max(sites, 1) - 1))
    rounded = int(exact / rule["roundTo"] + 0.5) * rule["roundTo"]
    return max(rule["minPercent"], min(rule["maxPercent"], rounded))


def scaled_hours(hours: int, percent: int) -> int:
    """A task's indicative hours at ``percent``, rounded half up (the page rounds the same way)."""
    return (hours * percent + 50) // 100


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
            "pupils": definitions["school"]["properties"]["pupils"]["maximum"],
            "sites": definitions["school"]["properties"]["sites"]["maximum"],
        },
    )


def storage_key(base_path: str = "/") -> str:
    """The localStorage key for a site served under ``base_path`` (the page derives the same)."""
    return f"{base_path}.{STORAGE_NAME}"
