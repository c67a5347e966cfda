"""Give the team page (template ``team.html``) its task data and labels, in the page's language."""

from __future__ import annotations

from pathlib import Path

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.team_data import team_data
from handbook.team_format import plan_format

TEMPLATE = "team.html"
MODULES = "assets/javascripts/team"

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("template") != TEMPLATE:
        return context
    language = getattr(page.file, "locale", None) or current_language(config)
    context["team"] = team_data(handbook_for(config), language)
    # The format's statuses and limits, for the template's fields (the same as in the island)
    context["plan_format"] = plan_format()
    context["team_modules"] = planner_modules(config)
    return context


# ---- Helper functions -------------------------------------------------------------------------


def planner_modules(config: MkDocsConfig) -> list[str]:
    """The planner's ES modules, for <link rel="modulepreload">: the browser then fetches them
    all at once instead of one import level after another."""
    folder = Path(config.theme.custom_dir) / MODULES
    return [f"{MODULES}/{path.name}" for path in sorted(folder.glob("*.js"))]
