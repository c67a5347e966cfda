"""Validate content/*.yaml and write the generated Markdown pages before MkDocs reads docs/.

A content error raises before MkDocs cleans or writes the site folder, so a broken edit
never leaves a half-built site behind. Under `mkdocs serve`, the generated folders are not
watched: one save makes one rebuild.
"""

from __future__ import annotations

from pathlib import Path

from _context import handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from handbook import LANGUAGES, paths
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


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # `mkdocs serve` watches all of docs/, so the pages and downloads written there during a
    # rebuild would set off a second rebuild after every save. Watch what editors write instead:
    # each hand-written file and folder of the language folders (a new one is seen after a
    # restart of `make serve`)
    docs_dir = Path(config.docs_dir)
    generated = {*paths.GENERATED_FOLDERS, *paths.GENERATED_FILES, paths.DOWNLOADS,
                 paths.DOWNLOADS_FOLDER}
    server.unwatch(str(docs_dir))
    for language_dir in sorted(path for path in docs_dir.iterdir() if path.is_dir()):
        for path in sorted(language_dir.iterdir()):
            if path.name not in generated:
                server.watch(str(path))
    return server
