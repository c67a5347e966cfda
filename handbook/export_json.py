"""The whole validated model as one JSON document (``site/data/handbook.json``).

For anyone who wants to reuse the handbook's data: every record in both languages, with
the URL of its page in each language and a format version for consumers to check.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from handbook import LANGUAGES, paths
from handbook.files import write_atomic
from handbook.model import Handbook, Provenance, Text, Variants

FORMAT = "ict-team-handbook"
# 2 (0.2.0): aliases, former ids, role categories, review dates, starter teams and the
# self-assessment's rubrics were added to the shape that 0.1.0 published as 1
FORMAT_VERSION = 2


def handbook_to_dict(handbook: Handbook, site_url: str = "/") -> dict:
    """A plain, JSON-ready dict of the whole handbook."""
    def urls(path: str) -> dict[str, str]:
        return {language: paths.page_address(site_url, path, language) for language in LANGUAGES}

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": handbook.version,
        "content_hash": handbook.content_hash,
        "languages": list(LANGUAGES),
        "groups": [
            {"id": g.id, "title": _t(g.title), "summary": _t(g.summary), "intro": _t(g.intro),
             "url": urls(paths.page_path(g)), **_provenance(g.provenance),
             "tasks": [
                 {"id": task.id, "title": _t(task.title), "summary": _t(task.summary),
                  "description": _t(task.description), "roles": list(task.role_ids),
                  "level": task.level, "frequency": task.frequency, "hours": task.hours,
                  "steps": list(task.step_ids), "related": list(task.related_ids),
                  "aliases": _variants(task.aliases), "formerly": list(task.former_ids),
                  "url": urls(paths.page_path(task)), **_provenance(task.provenance)}
                 for task in g.tasks
             ]}
            for g in handbook.groups
        ],
        "roles": [
            {"id": r.id, "title": _t(r.title), "summary": _t(r.summary),
             "description": _t(r.description), "profile": _t(r.profile),
             "category": r.category, "groups": list(r.group_ids),
             "tasks": [t.id for t in handbook.tasks_for_role(r.id)],
             "aliases": _variants(r.aliases), "formerly": list(r.former_ids),
             "url": urls(paths.page_path(r)), **_provenance(r.provenance)}
            for r in handbook.roles
        ],
        "qualities": [
            {"id": q.id, "title": _t(q.title), "description": _t(q.description),
             **_provenance(q.provenance)}
            for q in handbook.qualities
        ],
        "phases": [
            {"id": p.id, "number": p.number, "title": _t(p.title), "intro": _t(p.intro),
             **_provenance(p.provenance),
             "steps": [
                 {"id": s.id, "number": s.number, "title": _t(s.title), "summary": _t(s.summary),
                  "description": _t(s.description),
                  "actions": [{"id": a.id, "text": _t(a.text)} for a in s.actions],
                  "tips": [_t(x) for x in s.tips], "pitfalls": [_t(x) for x in s.pitfalls],
                  "aliases": _variants(s.aliases),
                  "url": urls(paths.page_path(s)), **_provenance(s.provenance)}
                 for s in p.steps
             ]}
            for p in handbook.phases
        ],
        "characteristics": [
            {"id": c.id, "title": _t(c.title), "summary": _t(c.summary),
             "description": _t(c.description), "advantages": [_t(x) for x in c.advantages],
             "challenges": [_t(x) for x in c.challenges], "approach": _t(c.approach),
             "aliases": _variants(c.aliases),
             "rubric": {"levels": [_t(x) for x in c.rubric.levels], "advice": _t(c.rubric.advice),
                        "steps": list(c.rubric.step_ids), "tasks": list(c.rubric.task_ids),
                        **_provenance(c.rubric.provenance)},
             "url": urls(paths.page_path(c)), **_provenance(c.provenance)}
            for c in handbook.characteristics
        ],
        "recommendation_levels": [
            {"id": level.id, "title": _t(level.title), "intro": _t(level.intro),
             **_provenance(level.provenance),
             "recommendations": [
                 {"id": r.id, "title": _t(r.title), "description": _t(r.description),
                  **_provenance(r.provenance)}
                 for r in level.recommendations
             ]}
            for level in handbook.recommendation_levels
        ],
        "glossary": [
            {"id": term.id, "nl": term.nl, "en": term.en,
             "aliases": _variants(term.aliases), "avoid": _variants(term.avoid),
             "note": _t(term.note) if term.note else None, **_provenance(term.provenance)}
            for term in handbook.terms
        ],
        "team_templates": [
            {"id": t.id, "title": _t(t.title), "summary": _t(t.summary),
             "description": _t(t.description), "pupils": t.pupils, "sites": t.sites,
             "hours_percent": t.hours_percent,
             "members": [{"key": m.key, "name": _t(m.name), "roles": list(m.role_ids),
                          "hours": m.hours} for m in t.members],
             "assignments": [{"task": a.task_id, "owner": a.owner, "backup": a.backup,
                              "outside": a.outside, "hours": a.hours} for a in t.assignments],
             **_provenance(t.provenance)}
            for t in handbook.team_templates
        ],
        "sources": [
            {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url,
             "language": s.language, "note": _t(s.note), **_dates(s.reviewed, s.review_by)}
            for s in handbook.sources
        ],
    }


def write_handbook_json(handbook: Handbook, target: Path, site_url: str = "/") -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(handbook_to_dict(handbook, site_url), ensure_ascii=False, indent=1)
    write_atomic(target, (text + "\n").encode("utf-8"))


def _t(text: Text) -> dict[str, str]:
    return text.as_dict()


def _variants(variants: Variants) -> dict[str, list[str]]:
    return {language: list(variants[language]) for language in LANGUAGES}


def _provenance(provenance: Provenance) -> dict:
    return {"sources": list(provenance.source_ids), "synthesis": provenance.synthesis,
            **_dates(provenance.reviewed, provenance.review_by)}


def _dates(reviewed: datetime.date | None, review_by: datetime.date | None) -> dict:
    """When a record was last checked and must be checked again (YYYY-MM-DD, or null)."""
    return {"reviewed": reviewed.isoformat() if reviewed else None,
            "review_by": review_by.isoformat() if review_by else None}
