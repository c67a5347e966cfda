"""Starter teams: which member of a starter team takes which task.

A starter team (content/team-templates.yaml) names its placeholder members and their roles,
the tasks that go outside the school's own team, and an owner only where the default is
wrong. Every other task goes to the first member who holds one of the task's roles, trying
the task's roles in order (most typical first); the next member found the same way is the
backup. The rule lives here, once: the content check
uses it to refuse a task that nobody in a starter team can take, the loader to build the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

OUTSIDE = ("school-group", "external-partner")


@dataclass(frozen=True)
class Placement:
    """Where one task goes: a member key, or an outside destination, or nowhere (an error)."""

    task_id: str
    owner: str | None = None
    outside: str | None = None
    backup: str | None = None


def place_tasks(template: Mapping, tasks: Iterable[tuple[str, Sequence[str]]]) -> list[Placement]:
    """One placement per task of the handbook, in handbook order.

    ``template`` is the raw starter team (members, owners, outside); ``tasks`` gives each task's
    id and role ids. A placement with neither owner nor outside means nobody can take the task.
    """
    members = [m for m in template.get("members") or () if isinstance(m, Mapping)]
    owners = template.get("owners") or {}
    outside = {task_id: destination
               for destination in OUTSIDE
               for task_id in (template.get("outside") or {}).get(destination) or ()}
    placements = []
    for task_id, role_ids in tasks:
        if task_id in outside:
            placements.append(Placement(task_id, outside=outside[task_id]))
        else:
            owner = owners.get(task_id) or _first_holder(members, role_ids)
            backup = _first_holder(members, role_ids, skip=owner) if owner else None
            placements.append(Placement(task_id, owner=owner, backup=backup))
    return placements


def _first_holder(members: list[Mapping], role_ids: Sequence[str],
                  skip: str | None = None) -> str | None:
    """The first member holding one of ``role_ids`` (tried in order); ``skip`` is passed over,
    so the same rule also finds a backup: the next best member for the task."""
    for role_id in role_ids:
        for member in members:
            if member.get("key") != skip and role_id in (member.get("roles") or ()):
                return member.get("key")
    return None
