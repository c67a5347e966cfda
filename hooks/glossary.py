"""Glossary terms as tooltips: give each page the explanations of the terms it uses.

The Markdown extension ``handbook.markdown_terms`` marks the first use of each term on a page;
this hook appends the definitions it reads, from the glossary in the page's language. The
glossary page itself explains every term already and gets none.
"""

from __future__ import annotations

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import paths
from handbook.markdown_terms import tooltip_definitions

# ---- Hooks ------------------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = getattr(page.file, "locale", None) or current_language(config)
    if page.file.src_uri == f"{language}/{paths.GLOSSARY}":
        return markdown
    definitions = tooltip_definitions(handbook_for(config), language, markdown)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
