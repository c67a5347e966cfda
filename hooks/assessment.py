"""Give the self-assessment page (template ``assessment.html``) its data and labels, in the
page's language."""

from __future__ import annotations

from pathlib import Path

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.assessment_data import assessment_data
from handbook.assessment_format import assessment_format
from handbook.es_modules import imported_modules

TEMPLATE = "assessment.html"
ENTRY = "assets/javascripts/assessment/main.js"

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("template") != TEMPLATE:
        return context
    language = getattr(page.file, "locale", None) or current_language(config)
    context["assessment"] = assessment_data(handbook_for(config), language)
    # The format's levels and limits, for the template's fields (the same as in the island)
    context["assessment_format"] = assessment_format()
    # Every module the page imports, some of them the team planner's, to preload
    context["assessment_modules"] = imported_modules(Path(config.theme.custom_dir), ENTRY)
    return context

