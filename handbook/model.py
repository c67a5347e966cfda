"""The handbook as frozen dataclasses: what every renderer works from.

Nothing past the loader sees a raw dict. Records refer to each other by id; the
``Handbook`` object answers the look-ups (a role's tasks, a step's tasks) so that every
relation is written once in the YAML and derived everywhere else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Text:
    """The same text in Dutch and English."""

    nl: str
    en: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)

    def as_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}


@dataclass(frozen=True)
class Provenance:
    """Where a record comes from (source ids, or the handbook's own synthesis, or both) and
    when it was checked: ``reviewed`` is the last check against the sources, ``review_by`` the
    date by which it must be checked again (both from the record, or the file's defaults)."""

    source_ids: tuple[str, ...] = ()
    synthesis: bool = False
    reviewed: datetime.date | None = None
    review_by: datetime.date | None = None


@dataclass(frozen=True)
class Variants:
    """Other forms of a name per language: a record's aliases (brand names, abbreviations,
    everyday words people search with), or a term's variants to avoid. Either language may be
    empty."""

    nl: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def __getitem__(self, language: str) -> tuple[str, ...]:
        return getattr(self, language)

    def __bool__(self) -> bool:
        return bool(self.nl or self.en)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    language: str
    note: Text
    reviewed: datetime.date | None = None  # when the link and what it says were last checked
    review_by: datetime.date | None = None


@dataclass(frozen=True)
class Task:
    id: str
    group_id: str
    title: Text
    summary: Text
    description: Text
    role_ids: tuple[str, ...]
    level: str
    frequency: str
    hours: int
    step_ids: tuple[str, ...]
    related_ids: tuple[str, ...]
    provenance: Provenance
    aliases: Variants = Variants()
    # Ids this task had before it was merged or renamed: their pages redirect here and saved
    # team plans move their assignments here
    former_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskGroup:
    id: str
    title: Text
    summary: Text
    intro: Text
    tasks: tuple[Task, ...]
    provenance: Provenance

    def hours_by_level(self) -> dict[str, int]:
        """Indicative hours per level (school, school group, outside partner), only for the
        levels that have tasks. Hours of different levels are never added up: school work and
        school-group work are done by different people from different budgets."""
        hours: dict[str, int] = {}
        for level in LEVELS:
            tasks = [task for task in self.tasks if task.level == level]
            if tasks:
                hours[level] = sum(task.hours for task in tasks)
        return hours


# The levels a task can sit at, in the order pages show them (the schema lists the same values)
LEVELS = ("school", "school-group", "external-partner")
# How close a role is to the school's own ICT team, in the order the role index shows them
ROLE_CATEGORIES = ("core", "specialist", "governance", "outside")


@dataclass(frozen=True)
class Role:
    id: str
    title: Text
    summary: Text
    description: Text
    profile: Text
    # Derived at load time from the tasks that list the role (most tasks first), never written
    group_ids: tuple[str, ...]
    provenance: Provenance
    category: str = "core"
    aliases: Variants = Variants()
    former_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TemplateMember:
    """A placeholder person in a starter team: the school renames them."""

    key: str
    name: Text
    role_ids: tuple[str, ...]
    hours: int


@dataclass(frozen=True)
class TemplateAssignment:
    """Where one task goes in a starter team: to a member, or outside the school's own team."""

    task_id: str
    owner: str | None = None  # a member key
    outside: str | None = None  # 'school-group' or 'external-partner'
    backup: str | None = None  # a member key
    hours: int = 0  # the task's indicative hours, scaled to this kind of school


@dataclass(frozen=True)
class TeamTemplate:
    """A starter team: a sensible first division of every task for one kind of school."""

    id: str
    title: Text
    summary: Text
    description: Text
    members: tuple[TemplateMember, ...]
    assignments: tuple[TemplateAssignment, ...]
    provenance: Provenance
    # The size of this kind of school, and the share of the handbook's task hours it needs
    # (derived from the size by handbook.team_format.hours_percent)
    pupils: int = 700
    sites: int = 1
    hours_percent: int = 100

    def member(self, key: str) -> TemplateMember:
        return next(member for member in self.members if member.key == key)

    def tasks_of(self, key: str) -> tuple[str, ...]:
        return tuple(a.task_id for a in self.assignments if a.owner == key)

    def outside_tasks(self, destination: str) -> tuple[str, ...]:
        return tuple(a.task_id for a in self.assignments if a.outside == destination)

    def task_hours_of(self, key: str) -> int:
        """The scaled indicative hours of the tasks a member owns."""
        return sum(a.hours for a in self.assignments if a.owner == key)


@dataclass(frozen=True)
class Action:
    id: str
    text: Text


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    phase_id: str
    title: Text
    summary: Text
    description: Text
    actions: tuple[Action, ...]
    tips: tuple[Text, ...]
    pitfalls: tuple[Text, ...]
    provenance: Provenance
    aliases: Variants = Variants()


@dataclass(frozen=True)
class Phase:
    id: str
    number: int
    title: Text
    intro: Text
    steps: tuple[Step, ...]
    provenance: Provenance


@dataclass(frozen=True)
class Quality:
    id: str
    title: Text
    description: Text
    provenance: Provenance


@dataclass(frozen=True)
class Rubric:
    """The self-assessment of one characteristic (content/rubrics.yaml): what each level looks
    like in a school, from level 1 up, and the advice for a low score, with the steps and tasks
    to look at first."""

    levels: tuple[Text, ...]
    advice: Text
    step_ids: tuple[str, ...]
    task_ids: tuple[str, ...]
    provenance: Provenance


@dataclass(frozen=True)
class Characteristic:
    id: str
    title: Text
    summary: Text
    description: Text
    advantages: tuple[Text, ...]
    challenges: tuple[Text, ...]
    approach: Text
    provenance: Provenance
    rubric: Rubric
    aliases: Variants = Variants()


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: Text
    description: Text
    provenance: Provenance


@dataclass(frozen=True)
class RecommendationLevel:
    id: str
    title: Text
    intro: Text
    recommendations: tuple[Recommendation, ...]
    provenance: Provenance


@dataclass(frozen=True)
class Term:
    """A glossary concept: the preferred term per language, accepted aliases, variants to avoid."""

    id: str
    nl: str
    en: str
    note: Text | None
    provenance: Provenance
    aliases: Variants = Variants()
    avoid: Variants = Variants()
    tooltip: bool = True

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)

    def other_forms(self, language: str) -> tuple[str, ...]:
        """The aliases worth listing: not the term with an ending (a plural such as
        'datalekken' for 'datalek'), which only matters for tooltips."""
        term = self[language].casefold()
        return tuple(alias for alias in self.aliases[language]
                     if not alias.casefold().startswith(term))


@dataclass(frozen=True)
class Handbook:
    """The whole validated content, both languages."""

    version: str
    content_hash: str
    groups: tuple[TaskGroup, ...]
    roles: tuple[Role, ...]
    qualities: tuple[Quality, ...]
    phases: tuple[Phase, ...]
    characteristics: tuple[Characteristic, ...]
    recommendation_levels: tuple[RecommendationLevel, ...]
    terms: tuple[Term, ...]
    sources: tuple[Source, ...]
    labels: dict[str, Text] = field(compare=False)
    team_templates: tuple[TeamTemplate, ...] = ()

    # -- look-ups --------------------------------------------------------------------------------

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for group in self.groups for task in group.tasks)

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for phase in self.phases for step in phase.steps)

    @cached_property
    def _by_id(self) -> dict[str, object]:
        records = (*self.groups, *self.tasks, *self.roles, *self.phases, *self.steps,
                   *self.characteristics, *self.sources)
        return {record.id: record for record in records}

    def task(self, task_id: str) -> Task:
        return self._by_id[task_id]  # type: ignore[return-value]

    def group(self, group_id: str) -> TaskGroup:
        return self._by_id[group_id]  # type: ignore[return-value]

    def role(self, role_id: str) -> Role:
        return self._by_id[role_id]  # type: ignore[return-value]

    def step(self, step_id: str) -> Step:
        return self._by_id[step_id]  # type: ignore[return-value]

    def phase(self, phase_id: str) -> Phase:
        return self._by_id[phase_id]  # type: ignore[return-value]

    def source(self, source_id: str) -> Source:
        return self._by_id[source_id]  # type: ignore[return-value]

    def tasks_for_role(self, role_id: str) -> tuple[Task, ...]:
        """Tasks that list the role, in handbook order (derived, never written twice)."""
        return tuple(task for task in self.tasks if role_id in task.role_ids)

    def tasks_for_step(self, step_id: str) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if step_id in task.step_ids)

    def related_tasks(self, task: Task) -> tuple[Task, ...]:
        """The task's neighbours in both directions: a relation is written on one task only."""
        ids = [*task.related_ids,
               *(other.id for other in self.tasks if task.id in other.related_ids)]
        return tuple(self.task(task_id) for task_id in dict.fromkeys(ids))

    def role_task_counts(self, role: Role) -> tuple[tuple[TaskGroup, int], ...]:
        """The groups the role works in with its number of tasks in each, most tasks first."""
        tasks = self.tasks_for_role(role.id)
        return tuple((self.group(group_id), sum(1 for t in tasks if t.group_id == group_id))
                     for group_id in role.group_ids)

    @cached_property
    def task_id_map(self) -> dict[str, str]:
        """Former task id → current task id (merged or renamed tasks)."""
        return {old: task.id for task in self.tasks for old in task.former_ids}

    @cached_property
    def role_id_map(self) -> dict[str, str]:
        """Former role id → current role id (merged or renamed roles)."""
        return {old: role.id for role in self.roles for old in role.former_ids}

    def roles_in_category(self, category: str) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.category == category)

    def label(self, language: str, key: str, /, **values: object) -> str:
        """An interface label from content/ui.yaml, its {placeholders} filled from ``values``.

        With ``count=1``, the label's singular form ``<key>.one`` is used where there is one
        ("1 task", not "1 tasks"); Dutch and English need no other plural forms.
        """
        if key not in self.labels:
            raise KeyError(f"label '{key}' is missing from content/ui.yaml")
        if values.get("count") == 1 and f"{key}.one" in self.labels:
            key = f"{key}.one"
        text = self.labels[key][language]
        return text.format(**values) if values else text
