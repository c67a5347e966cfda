"""Show on each page when its content was last reviewed (front matter ``reviewed``).

Generated pages get ``reviewed`` from their records (handbook/render.py); hand-written pages
carry it in their own front matter. overrides/main.html shows the line under the content.
"""

from __future__ import annotations

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.review_dates import page_review_line

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    language = getattr(page.file, "locale", None) or current_language(config)
    context["reviewed"] = page_review_line(handbook_for(config), language, page.meta.get("reviewed"))
    return context
