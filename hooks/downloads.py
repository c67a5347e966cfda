"""Make the downloads (PDF checklists, XLSX, CSV) and put them in each language's site folder.

The i18n plugin runs the build once per language, the default language first and the others
nested inside its on_post_build. The first build's on_pre_build starts one :class:`Generation`
for every language (content-hash keyed cache in ``.cache/downloads/<site address>/``, so a
rebuild makes nothing); worker processes make the PDFs while MkDocs builds every page of both
languages, and nothing waits for them until the very end.

MkDocs must see each download when it collects the files (to check the links to it), so
on_pre_build makes sure every expected file exists in the git-ignored
``docs/<lang>/downloads/``: an empty placeholder, which MkDocs copies into the site like any
other file. The real files replace the placeholders in on_post_build, after the last language's
pages, and only then is the size and page count of each file written into the downloads page
(whose HTML carries an empty marker for each file until then).
"""

from __future__ import annotations

import hashlib
import html
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from _context import current_language, handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import LANGUAGES
from handbook.downloads import Generation, publish, workers
from handbook.downloads.cache import Made, inputs_key, up_to_date
from handbook.downloads.catalogue import FOLDER, downloads
from handbook.downloads.pdf import DownloadError
from handbook.downloads.render_meta import HTML_PATTERN, META_PATTERN, describe, marker_html
from handbook.files import write_atomic
from handbook.load import content_hash
from handbook.model import Handbook

CACHE = ".cache/downloads"


@dataclass
class _Targets:
    folder: Path  # site/downloads, site/en/downloads
    page: Path | None = None  # the downloads page's index.html


# The generation that is running, by project folder. Module state because the i18n plugin
# gives the language builds no other place to hand an object from one to the next. It lives
# from the first language's on_config (workers) and on_pre_build (generation) to the outermost
# on_post_build; a build that stops in between (an error, a `make serve` rebuild cut short)
# has it closed by on_build_error, by the next first build or by on_shutdown, so no worker
# outlives the build that started it.
_running: dict[str, Generation] = {}
# Workers started in on_config, before the content is even parsed, for the generation to use
_early: dict[str, ProcessPoolExecutor] = {}
# Where each language's files and downloads page go in the site (same lifetime): noted while
# MkDocs builds that language, used once at the end
_targets: dict[str, dict[str, _Targets]] = {}


# ---- Hooks ------------------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":  # rebuilds run in a thread: their workers come from a forkserver
        workers.start_early()


@event_priority(100)  # before the content hook parses and validates the content
def on_config(config: MkDocsConfig) -> None:
    # When something changed, start the workers now: they load WeasyPrint on the idle core while
    # this process loads the configuration and the content. The check reads bytes, parses nothing.
    if not is_first_build(config):
        return
    root = project_root(config)
    _stop(str(root))  # left over from a build that did not reach its last language
    key = inputs_key(content_hash(root / "content"), _site_url(config))
    if not up_to_date(_cache_folder(config), LANGUAGES, key):
        _early[str(root)] = workers.started_pool(workers.default_count())


@event_priority(90)  # before the other hooks' on_pre_build: the workers start meanwhile
def _start(config: MkDocsConfig) -> None:
    root = str(project_root(config))
    try:
        if is_first_build(config):
            _running[root] = _generation(config, LANGUAGES, pool=_early.pop(root, None))
        elif root not in _running:  # a build of one language only
            _running[root] = _generation(config, [current_language(config)])
    except DownloadError as failure:
        raise PluginError(str(failure)) from None


def _reserve(config: MkDocsConfig) -> None:
    # Every expected file must be on disk when MkDocs collects the files, so the links to it
    # are checked; MkDocs copies this placeholder into the site and _finish replaces it there
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


# Start early, reserve the files; the files and the downloads page are completed at the end
on_pre_build = CombinedEvent(_start, _reserve)


@event_priority(-110)  # after the i18n plugin has set where this language's files go
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Each language's site folder: the i18n plugin keeps one site_dir and sets each file's path
    language = current_language(config)
    prefix = f"{language}/{FOLDER}/"
    folders = {Path(file.abs_dest_path).parent for file in files if file.src_uri.startswith(prefix)}
    if len(folders) != 1:  # _reserve put every file in docs/<lang>/downloads/
        raise PluginError(f"downloads: expected the files of docs/{prefix} in one site folder, "
                          f"found {sorted(map(str, folders)) or 'none'}")
    _targets.setdefault(str(project_root(config)), {})[language] = _Targets(folders.pop())
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "%%download-meta:" not in markdown:
        return markdown
    # An empty element for now: the search index gets no text from it, and on_post_build
    # fills it in when the file is made
    language = getattr(page.file, "locale", None) or current_language(config)
    _targets[str(project_root(config))][language].page = Path(page.file.abs_dest_path)
    return re.sub(META_PATTERN, lambda match: marker_html(match[1]), markdown)


@event_priority(-110)  # after the i18n plugin's, which runs the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    # Only in the outermost build, once every language's pages are written: the i18n plugin
    # runs the other languages inside its on_post_build and does not undo its changes to MkDocs
    # (a site folder that is no longer cleaned) when an error comes out of a nested build
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    for language, targets in _targets.pop(str(project_root(config)), {}).items():
        _finish(config, language, targets)


def on_build_error(error: Exception) -> None:
    for root in {*_running, *_early}:
        _stop(root)


def on_shutdown() -> None:
    for root in {*_running, *_early}:
        _stop(root)


# ---- Helper functions --------------------------------------------------------------------------


def _generation(config: MkDocsConfig, languages: list[str],
                pool: ProcessPoolExecutor | None = None) -> Generation:
    return Generation(handbook_for(config), languages, _cache_folder(config),
                      site_url=_site_url(config), pool=pool)


def _site_url(config: MkDocsConfig) -> str:
    return config.site_url or "/"


def _cache_folder(config: MkDocsConfig) -> Path:
    # The site's address is printed in every file, and `make serve` uses another address than
    # `make build`: one cache folder per address, so switching between them remakes nothing
    digest = hashlib.sha256(_site_url(config).encode()).hexdigest()[:12]
    return project_root(config) / CACHE / digest


def _finish(config: MkDocsConfig, language: str, targets: _Targets) -> None:
    """Wait for one language's files, put them in the site and complete its downloads page."""
    root = str(project_root(config))
    generation = _running[root]
    try:
        files = generation.finish(language)
    except DownloadError as failure:
        _stop(root)
        raise PluginError(str(failure)) from None
    publish(files, targets.folder)
    if targets.page is not None:
        _complete_page(targets.page, handbook_for(config), language, files)
    if generation.done:
        generation.close()  # no worker outlives the last language


def _complete_page(page: Path, handbook: Handbook, language: str, files: list[Made]) -> None:
    made = {m.item.name: m for m in files}
    text = page.read_text(encoding="utf-8")
    completed = re.sub(HTML_PATTERN, lambda match: html.escape(
        describe(handbook, language, made.get(match[1]))), text)
    write_atomic(page, completed.encode("utf-8"))


def _stop(root: str) -> None:
    _targets.pop(root, None)
    early = _early.pop(root, None)
    if early is not None:
        early.shutdown(wait=True, cancel_futures=True)
    generation = _running.pop(root, None)
    if generation is not None:
        generation.close()
