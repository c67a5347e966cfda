"""Make the downloads (PDF checklists, XLSX, CSV) and put them in each language's tree.

The i18n plugin runs the build once per language, the default language first and the others
nested inside it. The first build's on_pre_build starts one :class:`Generation` for every
language (content-hash keyed cache in ``.cache/downloads/<site address>/``, so a rebuild makes
nothing); worker processes make the PDFs while MkDocs converts the pages.

MkDocs must see each download when it collects the files (to publish it and to check the
links to it) but only reads its bytes when it copies the static files, after on_env. So
on_pre_build only makes sure every expected file exists in the git-ignored
``docs/<lang>/downloads/`` (an empty placeholder the first time), and the wait for the real
files comes as late as possible: when the downloads page is converted (it is moved to the end
of the page list, because it shows each file's size and page count) or at on_env at the latest.
"""

from __future__ import annotations

import hashlib
import re

from _context import current_language, handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import LANGUAGES
from handbook.downloads import Generation, publish
from handbook.downloads.cache import Made
from handbook.downloads.catalogue import FOLDER, downloads
from handbook.downloads.pdf import DownloadError
from handbook.downloads.render_meta import META_PATTERN, describe

CACHE = ".cache/downloads"

# The generation that is running, by project folder. Module state because the i18n plugin
# gives the language builds no other place to hand an object from one to the next. It lives
# from the first language's on_pre_build to the last one's; a build that stops in between
# (an error, a `make serve` rebuild cut short) has it closed by on_build_error, by the next
# first build or by on_shutdown, so no worker outlives the build that started it.
_running: dict[str, Generation] = {}
# What each language's wait returned, for the page that lists the files (same lifetime).
_finished: dict[str, dict[str, list[Made]]] = {}

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


def _reserve(config: MkDocsConfig) -> None:
    # Every expected file must be on disk when MkDocs collects the files; its bytes only
    # matter when MkDocs copies it, after on_env, by which time _finish has written them
    root = project_root(config)
    language = current_language(config)
    folder = root / "docs" / language / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {item.name for item in downloads(handbook_for(config), language)}
    for name in wanted:
        if not (folder / name).exists():
            (folder / name).touch()
    for stale in folder.iterdir():
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()


# Start early, reserve the files; the wait comes in on_page_markdown or on_env
on_pre_build = CombinedEvent(_start, _reserve)


@event_priority(-110)  # after the i18n plugin has made this language's file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Convert the downloads page last: it waits for the PDFs, which are made meanwhile
    language = current_language(config)
    page = next((file for file in files.documentation_pages()
                 if file.src_uri == f"{language}/downloads.md"), None)
    if page is not None:
        files.remove(page)
        files.append(page)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "%%download-meta:" not in markdown:
        return markdown
    language = getattr(page.file, "locale", None) or current_language(config)
    made = {m.item.name: m for m in _finish(config, language)}
    handbook = handbook_for(config)
    return re.sub(META_PATTERN, lambda match: describe(handbook, language, made.get(match[1])),
                  markdown)


@event_priority(90)  # before MkDocs copies the static files, which follows on_env
def on_env(env: object, config: MkDocsConfig, files: Files) -> None:
    _finish(config, current_language(config))


def on_build_error(error: Exception) -> None:
    for root in list(_running):
        _stop(root)


def on_shutdown() -> None:
    for root in list(_running):
        _stop(root)


# ---- Helper functions --------------------------------------------------------------------------


def _generation(config: MkDocsConfig, languages: list[str]) -> Generation:
    # The site's address is printed in every file, and `make serve` uses another address than
    # `make build`: one cache folder per address, so switching between them remakes nothing
    site_url = config.site_url or "/"
    folder = project_root(config) / CACHE / hashlib.sha256(site_url.encode()).hexdigest()[:12]
    return Generation(handbook_for(config), languages, folder, site_url=site_url)


def _finish(config: MkDocsConfig, language: str) -> list[Made]:
    """Wait for one language's files and publish them into docs/<lang>/downloads (once)."""
    root = project_root(config)
    finished = _finished.setdefault(str(root), {})
    if language in finished:
        return finished[language]
    generation = _running[str(root)]
    try:
        files = generation.finish(language)
    except DownloadError as failure:
        _stop(str(root))
        raise PluginError(str(failure)) from None
    publish(files, root / "docs" / language / FOLDER)
    finished[language] = files
    if generation.done:
        generation.close()  # no worker outlives the last language; the results stay above
    return files


def _stop(root: str) -> None:
    _finished.pop(root, None)
    generation = _running.pop(root, None)
    if generation is not None:
        generation.close()
