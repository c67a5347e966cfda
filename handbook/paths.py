"""Where each generated page lives, relative to a language folder (``docs/nl/``, ``docs/en/``).

URLs are the same in both languages and end in ``/<id>/``; the English tree sits under
``/en/``. Renderers, the navigation and the JSON export all ask this module, so a page's
address is decided in one place.
"""

from __future__ import annotations

import posixpath

from handbook.model import Characteristic, Role, Step, Task, TaskGroup

TASKS_INDEX = "tasks/index.md"
ROLES_INDEX = "roles/index.md"
STEPS_INDEX = "steps/index.md"
CHARACTERISTICS_INDEX = "characteristics/index.md"
RECOMMENDATIONS = "recommendations.md"
GLOSSARY = "glossary.md"
SOURCES = "sources.md"
DOWNLOADS = "downloads.md"
# The starter teams sit with the roles: they show how roles combine into a team
STARTER_TEAMS = "roles/starter-teams.md"

# Folders and single files of the generated pages (render_pages); everything in them is
# rewritten on each build.
GENERATED_FOLDERS = ("tasks", "roles", "steps", "characteristics")
GENERATED_FILES = (RECOMMENDATIONS, GLOSSARY, SOURCES)
# The downloads (in this folder of each language) and the page that lists them (DOWNLOADS) are
# written apart, by the downloads step (hooks/downloads.py)
DOWNLOADS_FOLDER = "downloads"
# The whole model as JSON, relative to the site's root (hooks/publish.py)
HANDBOOK_JSON = "data/handbook.json"

_FOLDERS = {Task: "tasks", TaskGroup: "tasks", Role: "roles", Step: "steps",
            Characteristic: "characteristics"}


def page_path(record: object) -> str:
    """The Markdown path of a record's own page, e.g. ``tasks/tech-wifi.md``.

    A task group's page is the index of its own folder (``tasks/technical/index.md``), so the
    navigation can show it as the page of the group's section; the URL still ends in the id.
    """
    folder = _FOLDERS[type(record)]
    if isinstance(record, TaskGroup):
        return f"{folder}/{record.id}/index.md"
    return f"{folder}/{record.id}.md"  # type: ignore[attr-defined]


def former_page_path(record: Task | Role, former_id: str) -> str:
    """The page that keeps a merged or renamed record's old URL alive: ``tasks/<old-id>.md``."""
    return f"{_FOLDERS[type(record)]}/{former_id}.md"


def page_url(path: str, language: str, default_language: str = "nl") -> str:
    """The site-relative URL of a Markdown path: ``tasks/tech-wifi.md`` → ``en/tasks/tech-wifi/``."""
    stem = path[: -len(".md")]
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/"
    return url if language == default_language else f"{language}/{url}"


def site_address(site_url: str | None) -> str:
    """The site's address, ending in exactly one ``/`` (``/`` when the site has none)."""
    return (site_url or "").rstrip("/") + "/"


def page_address(site_url: str | None, path: str, language: str) -> str:
    """The full address of a Markdown path's page: ``https://…/en/tasks/tech-wifi/``."""
    return site_address(site_url) + page_url(path, language)


def relative(from_path: str, to_path: str) -> str:
    """A Markdown link from one page to another (MkDocs checks and rewrites these)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
