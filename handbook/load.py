"""Load ``content/*.yaml``: parse, validate everything, then build the frozen model.

All problems in all files are collected and raised together as ``ContentErrors``, so an
editor fixes a batch of mistakes in one round instead of one per build.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from handbook import __version__
from handbook.cross_check import cross_check
from handbook.errors import ContentError, ContentErrors
from handbook.model import (
    Action,
    Characteristic,
    Handbook,
    Phase,
    Provenance,
    Quality,
    Recommendation,
    RecommendationLevel,
    Role,
    Rubric,
    Source,
    Step,
    Task,
    TaskGroup,
    TeamTemplate,
    TemplateAssignment,
    TemplateMember,
    Term,
    Text,
    Variants,
)
from handbook.review_dates import strip_markers
from handbook.schema_check import SCHEMA_DIR, check_schema, schema_fingerprint
from handbook.team_format import HOURS_RULE, hours_percent, scaled_hours
from handbook.team_templates import place_tasks
from handbook.yamlsource import ParseFailure, SourceFile, read_source

# The content files, in the order editors think of them; each has a schema of the same name.
CONTENT_FILES = ("tasks", "roles", "guidelines", "characteristics", "rubrics", "recommendations",
                 "glossary", "sources", "ui", "team-templates")

_cache: dict[str, Handbook] = {}
# The last content hash and the files' sizes and times it was taken from. The build asks for the
# model on every page; reading and hashing all the content each time made the build grow with
# the square of the content (a tenth of the pages' time at 10x).
_hash_by_stamps: dict[tuple, str] = {}


def content_hash(content_dir: Path) -> str:
    """A hash of every content file's and schema's bytes: the key for reusing a loaded model."""
    digest = hashlib.sha256(schema_fingerprint())
    for name in CONTENT_FILES:
        path = content_dir / f"{name}.yaml"
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()


def load_handbook(content_dir: Path) -> Handbook:
    """Load and validate the content; raise ``ContentErrors`` listing every problem."""
    content_dir = Path(content_dir).resolve()
    stamps = _file_stamps(content_dir)
    if stamps not in _hash_by_stamps:
        _hash_by_stamps.clear()
        _hash_by_stamps[stamps] = content_hash(content_dir)
    key = _hash_by_stamps[stamps]
    if key not in _cache:
        _cache.clear()  # keep only the current content: `make serve` reloads it on every edit
        _cache[key] = _load(content_dir, key)
    return _cache[key]


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _file_stamps(content_dir: Path) -> tuple:
    """Each content file's and schema's path, inode, size and modification time: when none of
    them changed, neither did the hash (a save changes the time, and an editor that saves by
    replacing the file also the inode)."""
    paths = [content_dir / f"{name}.yaml" for name in CONTENT_FILES]
    paths += sorted(SCHEMA_DIR.glob("*.schema.json"))
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            stamps.append((str(path), None, None, None))
        else:
            stamps.append((str(path), info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def read_sources(content_dir: Path) -> tuple[dict[str, SourceFile], list[ContentError]]:
    """Parse and schema-check every content file: the files that parsed, and every error.

    The warnings (``content_warnings``) read the same parsed files, with their positions.
    """
    content_dir = Path(content_dir).resolve()
    sources: dict[str, SourceFile] = {}
    errors: list[ContentError] = []
    base = content_dir.parent
    for name in CONTENT_FILES:
        path = content_dir / f"{name}.yaml"
        display = path.relative_to(base).as_posix()
        if not path.exists():
            errors.append(ContentError(display, 1, 1, "", (
                "the file is missing — restore it from git (git checkout -- " + display + ")"
            )))
            continue
        try:
            source = read_source(path, display)
        except ParseFailure as failure:
            errors.append(failure.error)
            continue
        errors.extend(check_schema(source, f"{name}.schema.json"))
        sources[name] = source
    if len(sources) == len(CONTENT_FILES):
        errors.extend(cross_check(sources))
    return sources, errors


def _load(content_dir: Path, key: str) -> Handbook:
    sources, errors = read_sources(content_dir)
    if errors:
        raise ContentErrors(errors)
    return _build({name: source.data for name, source in sources.items()}, key)


def _text(value: dict) -> Text:
    # Review markers (<!-- review_by … -->) are for editors: no page or download shows them
    return Text(nl=strip_markers(value["nl"]).strip(), en=strip_markers(value["en"]).strip())


def _texts(values: list | None) -> tuple[Text, ...]:
    return tuple(_text(value) for value in values or ())


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


# The file-level review dates of the file being built: the default for its records
_FileDates = dict[str, str]


def _provenance(record: dict, file_dates: _FileDates | None = None) -> Provenance:
    defaults = file_dates or {}
    return Provenance(tuple(record.get("sources", ())), bool(record.get("synthesis", False)),
                      reviewed=_date(record.get("reviewed") or defaults.get("reviewed")),
                      review_by=_date(record.get("review_by") or defaults.get("review_by")))


def _file_dates(data: dict) -> _FileDates:
    return {key: data[key] for key in ("reviewed", "review_by") if key in data}


def _variants(value: dict | None) -> Variants:
    value = value or {}
    return Variants(nl=tuple(value.get("nl", ())), en=tuple(value.get("en", ())))


def _build(data: dict[str, dict], key: str) -> Handbook:
    tasks_data = data["tasks"]
    dates = {name: _file_dates(content) for name, content in data.items()}
    groups = tuple(
        TaskGroup(
            id=group["id"], title=_text(group["title"]), summary=_text(group["summary"]),
            intro=_text(group["intro"]), provenance=_provenance(group, dates["tasks"]),
            tasks=tuple(_task(task, group["id"], dates["tasks"])
                        for task in tasks_data["tasks"][group["id"]]),
        )
        for group in tasks_data["groups"]
    )
    tasks = [task for group in groups for task in group.tasks]
    roles = tuple(
        Role(id=role["id"], title=_text(role["title"]), summary=_text(role["summary"]),
             description=_text(role["description"]), profile=_text(role["profile"]),
             group_ids=_role_groups(role["id"], tasks, [g.id for g in groups]),
             provenance=_provenance(role, dates["roles"]), category=role["category"],
             aliases=_aliases(role), former_ids=tuple(role.get("formerly", ())))
        for role in data["roles"]["roles"]
    )
    team_templates = tuple(_team_template(t, tasks) for t in data["team-templates"]["templates"])
    guidelines = data["guidelines"]
    qualities = tuple(
        Quality(id=q["id"], title=_text(q["title"]), description=_text(q["description"]),
                provenance=_provenance(q, dates["guidelines"]))
        for q in guidelines["qualities"]
    )
    phases, number = [], 0
    for phase_number, phase in enumerate(guidelines["phases"], start=1):
        steps = []
        for step in phase["steps"]:
            number += 1
            steps.append(Step(
                id=step["id"], number=number, phase_id=phase["id"], title=_text(step["title"]),
                summary=_text(step["summary"]), description=_text(step["description"]),
                actions=tuple(Action(a["id"], _text(a["text"])) for a in step["actions"]),
                tips=_texts(step.get("tips")), pitfalls=_texts(step.get("pitfalls")),
                provenance=_provenance(step, dates["guidelines"]),
                aliases=_aliases(step),
            ))
        phases.append(Phase(id=phase["id"], number=phase_number, title=_text(phase["title"]),
                            intro=_text(phase["intro"]), steps=tuple(steps),
                            provenance=_provenance(phase, dates["guidelines"])))
    rubrics = {r["characteristic"]: _rubric(r, dates["rubrics"]) for r in data["rubrics"]["rubrics"]}
    characteristics = tuple(
        Characteristic(id=c["id"], title=_text(c["title"]), summary=_text(c["summary"]),
                       description=_text(c["description"]), advantages=_texts(c["advantages"]),
                       challenges=_texts(c["challenges"]), approach=_text(c["approach"]),
                       provenance=_provenance(c, dates["characteristics"]), rubric=rubrics[c["id"]],
                       aliases=_aliases(c))
        for c in data["characteristics"]["characteristics"]
    )
    levels = tuple(
        RecommendationLevel(
            id=level["id"], title=_text(level["title"]), intro=_text(level["intro"]),
            provenance=_provenance(level, dates["recommendations"]),
            recommendations=tuple(
                Recommendation(id=r["id"], title=_text(r["title"]),
                               description=_text(r["description"]),
                               provenance=_provenance(r, dates["recommendations"]))
                for r in level["recommendations"]
            ),
        )
        for level in data["recommendations"]["levels"]
    )
    terms = tuple(
        Term(id=t["id"], nl=t["nl"].strip(), en=t["en"].strip(),
             note=_text(t["note"]) if "note" in t else None,
             provenance=_provenance(t, dates["glossary"]), aliases=_variants(t.get("aliases")),
             avoid=_variants(t.get("avoid")), tooltip=t.get("tooltip", True))
        for t in data["glossary"]["terms"]
    )
    sources = tuple(
        Source(id=s["id"], title=s["title"].strip(), publisher=s["publisher"].strip(),
               url=s["url"].strip(), language=s["language"], note=_text(s["note"]),
               reviewed=checked.reviewed, review_by=checked.review_by)
        for s in data["sources"]["sources"]
        for checked in (_provenance(s, dates["sources"]),)
    )
    labels = {name: _text(value) for name, value in data["ui"]["labels"].items()}
    return Handbook(
        version=__version__, content_hash=key, groups=groups, roles=roles, qualities=qualities,
        phases=tuple(phases), characteristics=characteristics, recommendation_levels=levels,
        terms=terms, sources=sources, labels=labels, team_templates=team_templates,
    )


def _aliases(record: dict) -> Variants:
    aliases = record.get("aliases") or {}
    return Variants(nl=tuple(a.strip() for a in aliases.get("nl", ())),
                   en=tuple(a.strip() for a in aliases.get("en", ())))


def _role_groups(role_id: str, tasks: list[Task], group_order: list[str]) -> tuple[str, ...]:
    """The task groups of a role, derived from its tasks: most tasks first, then handbook order."""
    counts = {group_id: sum(1 for t in tasks if t.group_id == group_id and role_id in t.role_ids)
              for group_id in group_order}
    ranked = sorted((g for g in group_order if counts[g]), key=lambda g: -counts[g])
    return tuple(ranked)


def _team_template(template: dict, tasks: list[Task]) -> TeamTemplate:
    placements = place_tasks(template, [(task.id, task.role_ids) for task in tasks])
    pupils, sites = template.get("pupils", HOURS_RULE["referencePupils"]), template.get("sites", 1)
    percent = hours_percent(pupils, sites)
    hours = {task.id: scaled_hours(task.hours, percent) for task in tasks}
    return TeamTemplate(
        id=template["id"], title=_text(template["title"]), summary=_text(template["summary"]),
        description=_text(template["description"]), provenance=_provenance(template),
        members=tuple(TemplateMember(key=m["key"], name=_text(m["name"]), role_ids=tuple(m["roles"]),
                                     hours=m["hours"]) for m in template["members"]),
        assignments=tuple(TemplateAssignment(p.task_id, owner=p.owner, outside=p.outside,
                                             backup=p.backup, hours=hours[p.task_id])
                          for p in placements),
        pupils=pupils, sites=sites, hours_percent=percent,
    )


def _rubric(rubric: dict, file_dates: _FileDates) -> Rubric:
    return Rubric(levels=_texts(rubric["levels"]), advice=_text(rubric["advice"]),
                  step_ids=tuple(rubric["steps"]), task_ids=tuple(rubric["tasks"]),
                  provenance=_provenance(rubric, file_dates))


def _task(task: dict, group_id: str, file_dates: _FileDates) -> Task:
    return Task(
        id=task["id"], group_id=group_id, title=_text(task["title"]),
        summary=_text(task["summary"]), description=_text(task["description"]),
        role_ids=tuple(task["roles"]), level=task["level"], frequency=task["frequency"],
        hours=task["hours"], step_ids=tuple(task["steps"]),
        related_ids=tuple(task.get("related", ())), provenance=_provenance(task, file_dates),
        aliases=_aliases(task), former_ids=tuple(task.get("formerly", ())),
    )
