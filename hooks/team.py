"""Give the team page (template ``team.html``) its task data and labels, in the page's language."""

from __future__ import annotations

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.team_data import team_data
from handbook.team_format import plan_format

TEMPLATE = "team.html"

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("template") != TEMPLATE:
        return context
    language = getattr(page.file, "locale", None) or current_language(config)
    context["team"] = team_data(handbook_for(config), language)
    # The format's statuses and limits, for the template's fields (the same as in the island)
    context["plan_format"] = plan_format()
    return context
