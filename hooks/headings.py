"""The tooltip of the heading links (¶) in the language being built.

Python-Markdown's ``toc`` extension takes one ``permalink_title`` for the whole site, and
mkdocs-static-i18n does not let a language override Markdown extension options. It does build
each language apart, and MkDocs makes each page's Markdown converter from ``config.mdx_configs``
when it renders the page; so the title is set here, once per language build, from the label
``heading.permalink`` in content/ui.yaml.
"""

from __future__ import annotations

from _context import current_language, handbook_for
from mkdocs.config.defaults import MkDocsConfig

# ---- Hooks ------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = handbook_for(config).label(current_language(config), "heading.permalink")
