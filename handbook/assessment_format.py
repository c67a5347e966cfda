"""The self-assessment's saved format, read from its one source: ``schema/team-assessment.schema.json``.

The schema holds every fact of the format: its name and version, the levels a characteristic
can be rated on (``$defs.level``: minimum and maximum), the limits (how many responses and
saved results, how long a name or a note) and the field names. The content check (one rubric
description per level), the page's template and data island, and the tests take those facts
from here; the page's JavaScript reads them from the same schema, which its data island carries
(``overrides/assets/javascripts/assessment/format.js``).

The file that holds a team plan and its self-assessment together has a small schema of its
own, ``schema/team-bundle.schema.json``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
SCHEMA_PATH = SCHEMA_DIR / "team-assessment.schema.json"
BUNDLE_SCHEMA_PATH = SCHEMA_DIR / "team-bundle.schema.json"
# The page's entry in localStorage, behind the site's base path as the team planner's is
# ("/.ict-team-handbook.self-assessment" for a site at the root)
STORAGE_NAME = "ict-team-handbook.self-assessment"


@dataclass(frozen=True)
class AssessmentFormat:
    """The facts of the format, as the schema states them."""

    name: str
    version: int
    levels: tuple[int, ...]
    limits: dict[str, int]


@functools.cache
def schema() -> dict:
    """The schema as published at ``/schema/team-assessment.schema.json``."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def bundle_schema() -> dict:
    """The schema as published at ``/schema/team-bundle.schema.json``."""
    return json.loads(BUNDLE_SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def assessment_format() -> AssessmentFormat:
    definitions = schema()["$defs"]
    document = schema()["properties"]
    level = definitions["level"]
    return AssessmentFormat(
        name=document["format"]["const"],
        version=document["version"]["const"],
        levels=tuple(range(level["minimum"], level["maximum"] + 1)),
        limits={
            "responses": document["responses"]["maxItems"],
            "history": document["history"]["maxItems"],
            "name": definitions["name"]["maxLength"],
            "note": definitions["rating"]["properties"]["note"]["maxLength"],
        },
    )


def storage_key(base_path: str = "/") -> str:
    """The localStorage key for a site served under ``base_path`` (the page derives the same)."""
    return f"{base_path}.{STORAGE_NAME}"
