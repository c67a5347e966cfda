"""The tooltip of the heading links (¶) in the page's own language.

Python-Markdown's ``toc`` extension takes one ``permalink_title`` for the whole site, and
mkdocs-static-i18n cannot set extension options per language. MkDocs builds a page's Markdown
converter from ``config.mdx_configs`` when it renders that page, right after this event, so the
title is set here, page by page, from the label ``heading.permalink`` in content/ui.yaml.
"""

from __future__ import annotations

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = getattr(page.file, "locale", None) or current_language(config)
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = handbook_for(config).label(language, "heading.permalink")
    return markdown
