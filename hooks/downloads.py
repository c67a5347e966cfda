"""Make the downloads (PDF checklists, XLSX, CSV) and the page that lists them, before MkDocs
collects the files.

The files are made by the same step as ``python -m handbook downloads``, into a content-addressed
cache (``.cache/downloads/``), so a build with nothing changed makes nothing. They are then
copied into the git-ignored ``docs/<lang>/downloads/``, where MkDocs finds them like any other
file (and checks every link to them), and the downloads page is written beside the other
generated pages, with each file's size and page count.
"""

from __future__ import annotations

from _context import handbook_for, is_first_build, project_root, site_address
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook import LANGUAGES, paths
from handbook.downloads.make import copy_into, make_downloads
from handbook.downloads.pdf import DownloadError
from handbook.render import render_downloads_page
from handbook.writer import write_page

CACHE = ".cache/downloads"

# ---- Hooks ------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    # Both languages in one pass, in the first (default-language) build, like the pages
    if not is_first_build(config):
        return
    root = project_root(config)
    handbook = handbook_for(config)
    try:
        made = make_downloads(handbook, root / CACHE, site_address(config))
    except DownloadError as failure:
        raise PluginError(str(failure)) from None
    for language in LANGUAGES:
        language_dir = root / "docs" / language
        copy_into(language_dir / paths.DOWNLOADS_FOLDER, made[language])
        write_page(language_dir / paths.DOWNLOADS,
                   render_downloads_page(handbook, language, made[language]))
