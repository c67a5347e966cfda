"""The site navigation for one language, as MkDocs ``nav`` data.

Hand-written pages are listed by file name (their own H1 becomes the title); generated
records follow the order of the YAML files, which is the order editors chose.
"""

from __future__ import annotations

import functools

from handbook import paths
from handbook.model import Handbook

NavItem = str | dict[str, "list[NavItem] | str"]


def navigation(handbook: Handbook, language: str) -> list[NavItem]:
    """Nav entries for ``language``; paths are relative to that language's folder."""

    label = functools.partial(handbook.label, language)

    tasks: list[NavItem] = [paths.TASKS_INDEX]
    for group in handbook.groups:
        tasks.append({group.title[language]: [paths.page_path(group),
                                              *(paths.page_path(task) for task in group.tasks)]})
    steps: list[NavItem] = [paths.STEPS_INDEX]
    for phase in handbook.phases:
        title = f"{label('phase.label', number=phase.number)}: {phase.title[language]}"
        steps.append({title: [paths.page_path(step) for step in phase.steps]})
    return [
        "index.md",
        "guide.md",
        "team.md",
        "self-assessment.md",
        {label("nav.tasks"): tasks},
        {label("nav.roles"): [paths.ROLES_INDEX, paths.STARTER_TEAMS,
                              *(paths.page_path(r) for r in handbook.roles)]},
        {label("nav.steps"): steps},
        {label("nav.characteristics"): [
            paths.CHARACTERISTICS_INDEX,
            *(paths.page_path(c) for c in handbook.characteristics),
        ]},
        {label("nav.policy"): [paths.RECOMMENDATIONS, "background.md"]},
        paths.DOWNLOADS,
        {label("nav.about"): ["about.md", paths.SOURCES, paths.GLOSSARY, "privacy.md",
                              "accessibility.md", "editors.md"]},
    ]
