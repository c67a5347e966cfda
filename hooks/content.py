"""Validate content/*.yaml and write the generated Markdown pages before MkDocs reads docs/.

A content error raises before MkDocs cleans or writes the site folder, so a broken edit
never leaves a half-built site behind.
"""

from __future__ import annotations

from _context import handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig

from handbook import LANGUAGES
from handbook.downloads.catalogue import downloads
from handbook.render import render_pages
from handbook.writer import write_pages

# ---- Hooks ------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    # Validate first: the build stops here, before anything is written, if the content is wrong
    handbook_for(config)


def on_pre_build(config: MkDocsConfig) -> None:
    # Write both languages in one pass, in the first (default-language) build; unchanged pages
    # are left alone, so `make serve` sees no change and does not loop
    if not is_first_build(config):
        return
    handbook = handbook_for(config)
    docs_dir = project_root(config) / "docs"
    for language in LANGUAGES:
        # The overview pages link to their checklists (made by hooks/downloads.py)
        write_pages(docs_dir / language, render_pages(handbook, language,
                                                      downloads(handbook, language)))
