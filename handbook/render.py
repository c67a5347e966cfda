"""Render the model into Markdown pages for one language, from Jinja templates.

The templates live in ``handbook/templates/pages``; Python only prepares the context.
Plain-text fields are escaped for Markdown here, Markdown fields pass through (the loader
has already refused raw HTML in them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handbook import paths
from handbook.model import LEVELS, ROLE_CATEGORIES, Handbook
from handbook.review_dates import last_reviewed
from handbook.team_templates import OUTSIDE

if TYPE_CHECKING:  # the downloads are handed in: rendering imports none of their code
    from handbook.downloads.catalogue import Download
    from handbook.downloads.make import Made

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "pages"


def render_pages(handbook: Handbook, language: str,
                 downloads: Sequence[Download]) -> dict[str, str]:
    """Every generated page for ``language`` but the downloads page: Markdown path → text.

    ``downloads`` is the list of files offered in ``language``: an overview page with a
    checklist of its own gets a button to it.
    """
    pages: dict[str, str] = {}
    checklists: dict[str | None, Download] = {}
    for item in downloads:
        if item.is_pdf:
            checklists.setdefault(item.page_path, item)

    def add(path: str, template: str, **context: object) -> None:
        pages[path] = _render(handbook, language, path, template,
                              {"pdf_download": checklists.get(path), **context})

    add(paths.TASKS_INDEX, "tasks_index.md.j2")
    for group in handbook.groups:
        add(paths.page_path(group), "group.md.j2", group=group)
        for task in group.tasks:
            add(paths.page_path(task), "task.md.j2", task=task, group=group)
    add(paths.ROLES_INDEX, "roles_index.md.j2")
    for role in handbook.roles:
        add(paths.page_path(role), "role.md.j2", role=role)
    add(paths.STARTER_TEAMS, "starter_teams.md.j2")
    # Old addresses of merged or renamed tasks and roles stay alive: each forwards to the record
    for record, kind in [*((task, "task") for task in handbook.tasks),
                         *((role, "role") for role in handbook.roles)]:
        for former_id in record.former_ids:
            add(paths.former_page_path(record, former_id), "redirect.md.j2", record=record,
                kind=kind)
    add(paths.STEPS_INDEX, "steps_index.md.j2")
    steps = handbook.steps
    for index, step in enumerate(steps):
        previous = steps[index - 1] if index > 0 else None
        following = steps[index + 1] if index + 1 < len(steps) else None
        add(paths.page_path(step), "step.md.j2", step=step, phase=handbook.phase(step.phase_id),
            previous=previous, following=following)
    add(paths.CHARACTERISTICS_INDEX, "characteristics_index.md.j2")
    for characteristic in handbook.characteristics:
        add(paths.page_path(characteristic), "characteristic.md.j2", characteristic=characteristic)
    add(paths.RECOMMENDATIONS, "recommendations.md.j2")
    add(paths.GLOSSARY, "glossary.md.j2")
    add(paths.SOURCES, "sources.md.j2")
    return pages


def render_downloads_page(handbook: Handbook, language: str, files: Sequence[Made]) -> str:
    """The downloads page: every file of ``language`` with its size and pages, sheets or rows."""
    json_href = "../" * paths.page_url(paths.DOWNLOADS, language).count("/") + paths.HANDBOOK_JSON
    return _render(handbook, language, paths.DOWNLOADS, "downloads.md.j2",
                   {"files": files, "json_href": json_href, "pdf_download": None})


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; plain text is escaped by the filters below
    )
    environment.filters["md"] = escape_markdown
    environment.filters["cell"] = escape_cell
    environment.filters["yaml_string"] = lambda value: json.dumps(value, ensure_ascii=False)
    return environment


def _render(handbook: Handbook, language: str, path: str, template: str, context: dict) -> str:
    def label(key: str, **values: object) -> str:
        try:
            return handbook.label(language, key, **values)
        except KeyError as missing:
            raise KeyError(f"{missing.args[0]} (template {template})") from None

    def href(target: object | str) -> str:
        target_path = target if isinstance(target, str) else paths.page_path(target)
        return paths.relative(path, target_path)

    text = _environment().get_template(template).render(
        handbook=handbook, lang=language, t=label, href=href, paths=paths, levels=LEVELS,
        categories=ROLE_CATEGORIES, outside=OUTSIDE,
        reviewed=last_reviewed(shown_records(handbook, path, context)), **context,
    )
    return re.sub(r"\n{3,}", "\n\n", text)


def shown_records(handbook: Handbook, path: str, context: dict) -> list[object]:
    """The records whose text a page shows: their review dates date the page."""
    for name in ("task", "role", "step", "characteristic"):
        if name in context:
            return [context[name]]
    if "group" in context:
        return [context["group"], *context["group"].tasks]
    return {
        paths.TASKS_INDEX: [*handbook.groups, *handbook.tasks],
        paths.ROLES_INDEX: [*handbook.roles],
        paths.STEPS_INDEX: [*handbook.phases, *handbook.steps, *handbook.qualities],
        paths.CHARACTERISTICS_INDEX: [*handbook.characteristics],
        paths.RECOMMENDATIONS: [*handbook.recommendation_levels,
                                *(r for level in handbook.recommendation_levels
                                  for r in level.recommendations)],
        paths.GLOSSARY: [*handbook.terms],
        paths.SOURCES: [*handbook.sources],
        paths.DOWNLOADS: [*handbook.tasks, *handbook.roles, *handbook.steps,
                          *handbook.characteristics],
    }.get(path, [])


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape_markdown(text: str) -> str:
    """Make plain text safe inside Markdown: no emphasis, links or HTML by accident."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = text.replace("<", "&lt;")
    return re.sub(r"^([#>+-])", r"\\\1", text, flags=re.MULTILINE)


def escape_cell(text: str) -> str:
    """Plain text for a Markdown table cell: escaped, on one line, pipes escaped."""
    return escape_markdown(" ".join(text.split())).replace("|", "\\|")
