"""The data the self-assessment page embeds at build time, for one language.

The page's modules (``overrides/assets/javascripts/assessment/``) read this from a JSON island:
the characteristics with their rubric and advice, the labels (keys starting with
``assessment.`` in ``content/ui.yaml``), and the schemas the page reads and writes with: its
own format, the bundle's, and the team plan's (a bundle carries a team plan, which the page
hands to the team page's saved plans). Every fact of a format comes from its schema.
"""

from __future__ import annotations

from handbook import DEFAULT_LANGUAGE, paths, team_format
from handbook.assessment_format import STORAGE_NAME, assessment_format, bundle_schema, schema
from handbook.downloads.catalogue import file_name
from handbook.model import Handbook

LABEL_PREFIX = "assessment."
# The names of the levels ("nog niet" … "volledig"), shared with the PDF self-check
LEVEL_LABEL = "downloads.scale.{level}"
# The page, relative to a language's folder (its URL is /self-assessment/ and /en/self-assessment/)
PAGE = "self-assessment.md"


def assessment_labels(handbook: Handbook, language: str) -> dict[str, str]:
    """Every ``assessment.*`` label, without the prefix."""
    return {key[len(LABEL_PREFIX):]: text[language] for key, text in handbook.labels.items()
            if key.startswith(LABEL_PREFIX)}


def assessment_data(handbook: Handbook, language: str) -> dict:
    """A JSON-ready dict for the self-assessment page in ``language``.

    Links are relative to the page (``../characteristics/<id>/``): both language trees have
    the same shape, so the same link works on ``/self-assessment/`` and ``/en/self-assessment/``.
    """

    def url(record: object) -> str:
        return link(paths.page_url(paths.page_path(record), DEFAULT_LANGUAGE))

    return {
        "schema": schema(),
        "bundleSchema": bundle_schema(),
        "planSchema": team_format.schema(),
        "storageName": STORAGE_NAME,
        "planStorageName": team_format.STORAGE_NAME,
        "planLegacyKeys": list(team_format.LEGACY_STORAGE_KEYS),
        "language": language,
        "levels": [{"value": level, "label": handbook.label(language, LEVEL_LABEL.format(level=level))}
                   for level in assessment_format().levels],
        "characteristics": [
            {"id": c.id, "title": c.title[language], "summary": c.summary[language], "url": url(c),
             "levels": [text[language] for text in c.rubric.levels],
             "advice": c.rubric.advice[language],
             "steps": [{"id": s.id, "number": s.number, "title": s.title[language], "url": url(s)}
                       for s in map(handbook.step, c.rubric.step_ids)],
             "tasks": [{"id": t.id, "title": t.title[language], "url": url(t)}
                       for t in map(handbook.task, c.rubric.task_ids)]}
            for c in handbook.characteristics
        ],
        "teamUrl": link("team/"),
        "pdfUrl": link(f"downloads/{file_name('self-check', language)}"),
        "labels": assessment_labels(handbook, language),
    }


def link(target: str) -> str:
    """A link from the page (one folder below its language's root) to a path of the same
    language: ``team/`` → ``../team/``."""
    return "../" + target
