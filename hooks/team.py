"""Give the team page (template ``team.html``) its task data and labels, in the page's language,
and list the planner's sections in the page's table of contents."""

from __future__ import annotations

from pathlib import Path

from _context import current_language, handbook_for
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from handbook.team_data import team_data
from handbook.team_format import plan_format

TEMPLATE = "team.html"
MODULES = "assets/javascripts/team"
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
    context["team_modules"] = planner_modules(config)
    list_planner_sections(page, context["team"]["labels"])
    return context


# ---- Helper functions -------------------------------------------------------------------------


def planner_modules(config: MkDocsConfig) -> list[str]:
    """The planner's ES modules, for <link rel="modulepreload">: the browser then fetches them
    all at once instead of one import level after another. The spreadsheet modules (in a folder
    of their own) load only when a spreadsheet is exported or imported."""
    folder = Path(config.theme.custom_dir) / MODULES
    return [f"{MODULES}/{path.name}" for path in sorted(folder.glob("*.js"))]


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
