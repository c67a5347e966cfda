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

from handbook import review_dates, rubric_check, terms
from handbook.errors import ContentError
from handbook.team_templates import OUTSIDE, place_tasks
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
PROVENANCE_FILES = {"tasks", "roles", "guidelines", "characteristics", "recommendations", "glossary",
                    "team-templates"}  # rubrics.yaml: see rubric_check
# An alias is a word or short phrase people type into a search box, not a sentence
ALIAS_MAX_LENGTH = 40


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
    former = _former_ids(sources)
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
        errors.extend(_check_references(source, path, record, known, former))
        if name in PROVENANCE_FILES and _needs_provenance(path):
            errors.extend(_check_provenance(source, path, record))
    for name, source in sources.items():
        errors.extend(_check_html(source, name))
    errors.extend(_check_task_groups(sources.get("tasks")))
    for name in ("tasks", "roles"):
        if name in sources:
            errors.extend(_check_aliases(sources[name], _own_records(sources[name])))
    if "guidelines" in sources:
        errors.extend(_check_aliases(sources["guidelines"], _steps(sources["guidelines"])))
    if "characteristics" in sources:
        errors.extend(_check_aliases(sources["characteristics"],
                                     _listed(sources["characteristics"], "characteristics")))
    errors.extend(_check_former_ids(sources, seen))
    if "tasks" in sources:
        errors.extend(_check_related(sources["tasks"]))
    if "roles" in sources:
        errors.extend(_check_declared_role_groups(sources["roles"]))
    if "team-templates" in sources and "tasks" in sources:
        errors.extend(_check_team_templates(sources["team-templates"], sources["tasks"], known,
                                            former))
    errors.extend(rubric_check.check_rubrics(sources, known, former, _unknown_id))
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
                      known: dict[str, set[str]], former: dict[str, dict[str, str]]
                      ) -> Iterator[ContentError]:
    for reference in REFERENCES:
        values = record.get(reference.field)
        if not isinstance(values, list) or (reference.field == "roles" and source.path.stem == "roles"):
            continue
        for index, value in enumerate(values):
            if not isinstance(value, str) or value in known[reference.kind]:
                continue
            yield source.error((*path, reference.field, index),
                               _unknown_id(reference.kind, value, known, former))


def _unknown_id(kind: str, value: str, known: dict[str, set[str]],
                former: dict[str, dict[str, str]]) -> str:
    """The message for a reference to an id that does not exist (or no longer does)."""
    file = {"role": "roles", "step": "guidelines", "source": "sources", "task": "tasks"}[kind]
    if value in former.get(kind, {}):
        current = former[kind][value]
        return (f"{kind} '{value}' was merged or renamed into '{current}' — use '{current}' "
                f"(see 'formerly:' in content/{file}.yaml)")
    close = difflib.get_close_matches(value, sorted(known[kind]), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{kind} '{value}' does not exist{hint} — use an id from content/{file}.yaml"


def _own_records(source: SourceFile) -> Iterator[tuple[FieldPath, dict]]:
    """The tasks of tasks.yaml or the roles of roles.yaml, with their paths."""
    data = source.data if isinstance(source.data, dict) else {}
    if source.path.stem == "tasks":
        tasks = data.get("tasks")
        for group_id, items in (tasks.items() if isinstance(tasks, dict) else ()):
            for index, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, dict):
                    yield ("tasks", group_id, index), item
    else:
        for index, item in enumerate(data.get("roles") or () if isinstance(data.get("roles"), list) else ()):
            if isinstance(item, dict):
                yield ("roles", index), item


def _listed(source: SourceFile, key: str) -> Iterator[tuple[FieldPath, dict]]:
    """The records listed under `key` at the top of a file, with their paths."""
    data = source.data if isinstance(source.data, dict) else {}
    items = data.get(key)
    for index, item in enumerate(items if isinstance(items, list) else ()):
        if isinstance(item, dict):
            yield (key, index), item


def _steps(source: SourceFile) -> Iterator[tuple[FieldPath, dict]]:
    """The steps of guidelines.yaml, with their paths."""
    data = source.data if isinstance(source.data, dict) else {}
    phases = data.get("phases")
    for phase_index, phase in enumerate(phases if isinstance(phases, list) else ()):
        steps = phase.get("steps") if isinstance(phase, dict) else None
        for index, step in enumerate(steps if isinstance(steps, list) else ()):
            if isinstance(step, dict):
                yield ("phases", phase_index, "steps", index), step


def _former_ids(sources: dict[str, SourceFile]) -> dict[str, dict[str, str]]:
    """Former id → current id, for tasks and for roles."""
    found: dict[str, dict[str, str]] = {"task": {}, "role": {}}
    for name, kind in (("tasks", "task"), ("roles", "role")):
        if name not in sources:
            continue
        for _path, record in _own_records(sources[name]):
            for old in record.get("formerly") or () if isinstance(record.get("formerly"), list) else ():
                if isinstance(old, str) and isinstance(record.get("id"), str):
                    found[kind].setdefault(old, record["id"])
    return found


def _check_aliases(source: SourceFile, records: Iterator[tuple[FieldPath, dict]]
                   ) -> Iterator[ContentError]:
    for path, record in records:
        aliases = record.get("aliases")
        if not isinstance(aliases, dict):
            continue
        if not aliases:
            yield source.error((*path, "aliases"), (
                "no aliases are given — add 'nl: [...]' and/or 'en: [...]' under 'aliases:', "
                "or remove 'aliases:'"
            ))
        title = record.get("title") if isinstance(record.get("title"), dict) else {}
        for language, words in aliases.items():
            for index, word in enumerate(words if isinstance(words, list) else ()):
                if not isinstance(word, str):
                    continue
                where = (*path, "aliases", language, index)
                if len(word.strip()) > ALIAS_MAX_LENGTH:
                    yield source.error(where, (
                        f"the alias '{word.strip()}' is too long ({len(word.strip())} characters) — "
                        f"an alias is a word or short phrase people search for, at most "
                        f"{ALIAS_MAX_LENGTH} characters"
                    ))
                elif "," in word:
                    # the page and the search index list aliases separated by commas
                    yield source.error(where, (
                        f"the alias '{word.strip()}' holds a comma — write each alias as an item "
                        "of its own in the list"
                    ))
                elif isinstance(title.get(language), str) and \
                        word.strip().casefold() == title[language].strip().casefold():
                    yield source.error(where, (
                        f"the alias '{word.strip()}' repeats the title — an alias is another word "
                        "for the same thing; remove it"
                    ))


def _check_former_ids(sources: dict[str, SourceFile], live: dict[str, tuple[SourceFile, FieldPath]]
                      ) -> Iterator[ContentError]:
    """A former id leads to one record only and is never the id of a record that exists."""
    listed: dict[str, tuple[SourceFile, FieldPath]] = {}
    for name in ("tasks", "roles"):
        if name not in sources:
            continue
        source = sources[name]
        for path, record in _own_records(source):
            olds = record.get("formerly")
            for index, old in enumerate(olds if isinstance(olds, list) else ()):
                if not isinstance(old, str):
                    continue
                where = (*path, "formerly", index)
                if old in live:
                    other, other_path = live[old]
                    line, column = other.position((*other_path, "id"))
                    yield source.error(where, (
                        f"'{old}' is still the id of a record at {other.display_name}:{line}:"
                        f"{column} — a former id must no longer be in use; remove it from "
                        "'formerly:' or give that record another id"
                    ))
                elif old in listed:
                    other, other_path = listed[old]
                    line, column = other.position(other_path)
                    yield source.error(where, (
                        f"'{old}' is already a former id at {other.display_name}:{line}:{column} — "
                        "an old id can lead to one record only; remove one of the two"
                    ))
                else:
                    listed[old] = (source, where)


def _check_related(source: SourceFile) -> Iterator[ContentError]:
    """No task relates to itself, and a relation is written once (pages show both directions)."""
    declared: dict[tuple[str, str], FieldPath] = {}
    for path, record in _own_records(source):
        task_id = record.get("id")
        related = record.get("related")
        for index, other in enumerate(related if isinstance(related, list) else ()):
            if not isinstance(other, str) or not isinstance(task_id, str):
                continue
            where = (*path, "related", index)
            if other == task_id:
                yield source.error(where, (
                    f"'{task_id}' lists itself as related — remove it from 'related:'"
                ))
            elif (other, task_id) in declared:
                line, column = source.position(declared[(other, task_id)])
                yield source.error(where, (
                    f"'{other}' already lists '{task_id}' as related ({source.display_name}:{line}:"
                    f"{column}) — write a relation on one of the two tasks only; both pages show it"
                ))
            else:
                declared[(task_id, other)] = where


def _check_declared_role_groups(source: SourceFile) -> Iterator[ContentError]:
    for path, record in _own_records(source):
        if "groups" in record:
            yield source.error((*path, "groups"), (
                "'groups' is no longer written here — a role's task groups are derived from the "
                "tasks that list the role in content/tasks.yaml; remove this line"
            ), at_key=True)


def _check_team_templates(source: SourceFile, tasks_source: SourceFile,
                          known: dict[str, set[str]], former: dict[str, dict[str, str]]
                          ) -> Iterator[ContentError]:
    """Starter teams name existing roles and tasks, and every task ends up somewhere."""
    data = source.data if isinstance(source.data, dict) else {}
    templates = data.get("templates") if isinstance(data.get("templates"), list) else []
    tasks = [(record["id"], [r for r in record.get("roles") or () if isinstance(r, str)])
             for _path, record in _own_records(tasks_source)
             if isinstance(record.get("id"), str) and isinstance(record.get("roles"), list)]
    for index, template in enumerate(templates):
        if not isinstance(template, dict):
            continue
        path: FieldPath = ("templates", index)
        keys: set[str] = set()
        members = template.get("members") if isinstance(template.get("members"), list) else []
        for m_index, member in enumerate(members):
            if not isinstance(member, dict):
                continue
            key = member.get("key")
            if isinstance(key, str) and key in keys:
                yield source.error((*path, "members", m_index, "key"), (
                    f"the member key '{key}' is used twice in this starter team — give each "
                    "member its own key"
                ))
            keys.add(key)
            roles = member.get("roles") if isinstance(member.get("roles"), list) else []
            for r_index, role_id in enumerate(roles):
                if isinstance(role_id, str) and role_id not in known["role"]:
                    yield source.error((*path, "members", m_index, "roles", r_index),
                                       _unknown_id("role", role_id, known, former))
        owners = template.get("owners") if isinstance(template.get("owners"), dict) else {}
        for task_id, key in owners.items():
            if task_id not in known["task"]:
                yield source.error((*path, "owners", task_id),
                                   _unknown_id("task", task_id, known, former), at_key=True)
            if isinstance(key, str) and key not in keys:
                yield source.error((*path, "owners", task_id), (
                    f"member '{key}' is not in this starter team — use a key from its "
                    f"'members:' list ({', '.join(sorted(k for k in keys if isinstance(k, str)))})"
                ))
        outside = template.get("outside") if isinstance(template.get("outside"), dict) else {}
        placed_outside: dict[str, str] = {}
        for destination in OUTSIDE:
            task_ids = outside.get(destination) if isinstance(outside.get(destination), list) else []
            for t_index, task_id in enumerate(task_ids):
                if not isinstance(task_id, str):
                    continue
                where = (*path, "outside", destination, t_index)
                if task_id not in known["task"]:
                    yield source.error(where, _unknown_id("task", task_id, known, former))
                elif task_id in placed_outside:
                    yield source.error(where, (
                        f"task '{task_id}' is already listed under '{placed_outside[task_id]}' — "
                        "a task goes to one place; keep one of the two"
                    ))
                elif task_id in owners:
                    yield source.error(where, (
                        f"task '{task_id}' also has an owner under 'owners:' — a task goes "
                        "outside or to a member, not both; keep one of the two"
                    ))
                placed_outside.setdefault(task_id, destination)
        for placement in place_tasks(template, tasks):
            roles = dict(tasks)[placement.task_id]
            if any(role_id not in known["role"] for role_id in roles):
                continue  # the unknown role is reported on the task; no second error here
            if placement.owner is None and placement.outside is None:
                yield source.error((*path, "members"), (
                    f"task '{placement.task_id}' has no owner in starter team "
                    f"'{template.get('id')}': no member holds one of its roles "
                    f"({', '.join(roles)}) — give a member one of those roles, add "
                    f"'{placement.task_id}: <member key>' under 'owners:', or list the task "
                    "under 'outside:'"
                ), at_key=True)


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
