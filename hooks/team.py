"""Give the team page (template ``team.html``) its task data and labels, in the page's language,
list the planner's sections in the page's table of contents, and publish beside the page the
data the planner fetches when it needs it (starter teams, the spreadsheet's layout)."""

from __future__ import annotations

import json
from pathlib import Path

from _context import current_language, handbook_for
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from handbook.es_modules import imported_modules
from handbook.files import write_atomic
from handbook.team_data import extra_files, team_data
from handbook.team_format import plan_format

TEMPLATE = "team.html"
ENTRY = "assets/javascripts/team/main.js"
# The planner's sections: (label key, heading id in team.html), in the page's order
PLANNER_SECTIONS = (("plan_title", "team-plan-title"), ("members_title", "team-members-title"),
                    ("overview_title", "team-overview-title"), ("tasks_title", "team-tasks-title"),
                    ("io_title", "team-io-title"))

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("template") != TEMPLATE:
        return context
    language = getattr(page.file, "locale", None) or current_language(config)
    context["team"] = team_data(handbook_for(config), language)
    # The format's statuses and limits, for the template's fields (the same as in the island)
    context["plan_format"] = plan_format()
    context["team_modules"] = imported_modules(Path(config.theme.custom_dir), ENTRY)
    # The starter teams to choose from (the page fetches their plans when one is started)
    context["starter_teams"] = [{"id": t.id, "title": t.title[language], "summary": t.summary[language]}
                                for t in handbook_for(config).team_templates]
    list_planner_sections(page, context["team"]["labels"])
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("template") != TEMPLATE:
        return output
    language = getattr(page.file, "locale", None) or current_language(config)
    folder = Path(page.file.abs_dest_path).parent  # MkDocs writes the page itself after this event
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in extra_files(handbook_for(config), language).items():
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        write_atomic(folder / name, text.encode("utf-8"))
    return output


# ---- Helper functions -------------------------------------------------------------------------


def list_planner_sections(page: Page, labels: dict[str, str]) -> None:
    """Add the planner's sections (written by the template, not the Markdown) to the table of
    contents, under the page title. Without JavaScript the planner is hidden and so are these
    entries (team.css)."""
    if not page.toc.items:
        return
    parent = page.toc.items[0]
    known = {child.id for child in parent.children}
    for key, anchor in PLANNER_SECTIONS:
        if anchor not in known:
            parent.children.append(AnchorLink(str(escape(labels[key])), anchor, parent.level + 1))
