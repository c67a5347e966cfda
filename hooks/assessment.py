"""Give the self-assessment page (template ``assessment.html``) its data and labels, in the
page's language."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.assessment_data import assessment_data
from handbook.assessment_format import assessment_format

TEMPLATE = "assessment.html"
ENTRY = "assets/javascripts/assessment/main.js"
# A static import between the page's modules: import … from "./x.js" or "../team/x.js"
IMPORT = re.compile(r"""^import\b[^;]*?\bfrom\s+["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("template") != TEMPLATE:
        return context
    language = getattr(page.file, "locale", None) or current_language(config)
    context["assessment"] = assessment_data(handbook_for(config), language)
    # The format's levels and limits, for the template's fields (the same as in the island)
    context["assessment_format"] = assessment_format()
    context["assessment_modules"] = page_modules(Path(config.theme.custom_dir), ENTRY)
    return context


# ---- Helper functions -------------------------------------------------------------------------


def page_modules(root: Path, entry: str) -> list[str]:
    """Every ES module the entry imports, directly or not, for <link rel="modulepreload">: the
    browser then fetches them all at once instead of one import level after another. Read from
    the import statements themselves, so the list cannot drift from the code (the page also
    uses some of the team planner's modules)."""
    found: list[str] = []
    waiting = [entry]
    while waiting:
        module = waiting.pop()
        if module in found:
            continue
        found.append(module)
        text = (root / module).read_text(encoding="utf-8")
        waiting.extend(posixpath.normpath(posixpath.join(posixpath.dirname(module), target))
                       for target in IMPORT.findall(text))
    return sorted(found)
