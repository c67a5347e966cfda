"""Make the downloads (PDF checklists, XLSX, CSV) and put them in each language's tree.

The i18n plugin runs the build once per language, the default language first and the others
nested inside it. The first build's on_pre_build starts one :class:`Generation` for every
language (content-hash keyed cache in ``.cache/downloads``, so a rebuild makes nothing) before
the other hooks write their pages, and waits, after them, only for its own language's files;
the other languages' PDFs are made by worker processes while MkDocs builds the first
language's pages, and each later build's on_pre_build waits for its own. Each language's
files are copied into the git-ignored ``docs/<lang>/downloads/`` before MkDocs collects the
files, so MkDocs publishes them as ``site/downloads/`` and ``site/en/downloads/`` and checks
links to them. The downloads page shows each file's size and page count through a marker
that on_page_markdown fills in.
"""

from __future__ import annotations

import re

from _context import current_language, handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import LANGUAGES
from handbook.downloads import Generation, publish, read
from handbook.downloads.catalogue import FOLDER
from handbook.downloads.pdf import DownloadError
from handbook.downloads.render_meta import META_PATTERN, describe

CACHE = ".cache/downloads"

# The generation that is running, by project folder. Module state because the i18n plugin
# gives the language builds no other place to hand an object from one to the next. It lives
# from the first language's on_pre_build to the last one's; a build that stops in between
# (an error, a `make serve` rebuild cut short) has it closed by on_build_error, by the next
# first build or by on_shutdown, so no worker outlives the build that started it.
_running: dict[str, Generation] = {}

# ---- Hooks ------------------------------------------------------------------------------------


@event_priority(90)  # before the other hooks' on_pre_build: the workers start meanwhile
def _start(config: MkDocsConfig) -> None:
    root = str(project_root(config))
    try:
        if is_first_build(config):
            _stop(root)  # left over from a build that did not reach its last language
            _running[root] = _generation(config, LANGUAGES)
        elif root not in _running:  # a build of one language only
            _running[root] = _generation(config, [current_language(config)])
    except DownloadError as failure:
        raise PluginError(str(failure)) from None


def _publish(config: MkDocsConfig) -> None:
    root = project_root(config)
    language = current_language(config)
    generation = _running[str(root)]
    try:
        files = generation.finish(language)
    except DownloadError as failure:
        _stop(str(root))
        raise PluginError(str(failure)) from None
    if generation.done:
        _stop(str(root))
    publish(files, root / "docs" / language / FOLDER)


# Start early, wait late: MkDocs runs both (by priority) before it collects the files
on_pre_build = CombinedEvent(_start, _publish)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "%%download-meta:" not in markdown:
        return markdown
    language = getattr(page.file, "locale", None) or current_language(config)
    made = {m.item.name: m for m in read(handbook_for(config), language,
                                          project_root(config) / CACHE)}
    handbook = handbook_for(config)
    return re.sub(META_PATTERN, lambda match: describe(handbook, language, made.get(match[1])),
                  markdown)


def on_build_error(error: Exception) -> None:
    for root in list(_running):
        _stop(root)


def on_shutdown() -> None:
    for root in list(_running):
        _stop(root)


# ---- Helper functions --------------------------------------------------------------------------


def _generation(config: MkDocsConfig, languages: list[str]) -> Generation:
    return Generation(handbook_for(config), languages, project_root(config) / CACHE,
                      site_url=config.site_url or "/")


def _stop(root: str) -> None:
    generation = _running.pop(root, None)
    if generation is not None:
        generation.close()
