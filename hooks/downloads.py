"""Make the downloads (PDF checklists, XLSX, CSV) and put them in each language's tree.

The i18n plugin runs the build once per language. The files of every language are made in the
first (default-language) build, in on_pre_build, before MkDocs collects the files: they go into
the cache folder (``.cache/downloads``, content-hash keyed, so a rebuild makes nothing) and are
copied into the git-ignored ``docs/<lang>/downloads/``, which MkDocs then publishes as
``site/downloads/`` and ``site/en/downloads/`` and checks links to. The downloads page shows
each file's size and page count through a marker that on_page_markdown fills in.
"""

from __future__ import annotations

import re

from _context import current_language, handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import LANGUAGES
from handbook.downloads import generate, publish, read
from handbook.downloads.catalogue import FOLDER
from handbook.downloads.pdf import DownloadError
from handbook.downloads.render_meta import META_PATTERN, describe

CACHE = ".cache/downloads"

# ---- Hooks ------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_first_build(config):
        return
    root = project_root(config)
    handbook = handbook_for(config)
    try:
        result = generate(handbook, LANGUAGES, root / CACHE, site_url=config.site_url or "/")
    except DownloadError as failure:
        raise PluginError(str(failure)) from None
    for language in LANGUAGES:
        publish(result.files[language], root / "docs" / language / FOLDER)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "%%download-meta:" not in markdown:
        return markdown
    language = getattr(page.file, "locale", None) or current_language(config)
    made = {m.item.name: m for m in read(handbook_for(config), language,
                                          project_root(config) / CACHE)}
    handbook = handbook_for(config)
    return re.sub(META_PATTERN, lambda match: describe(handbook, language, made.get(match[1])),
                  markdown)
