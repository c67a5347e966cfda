"""Make the downloads into a cache folder, reusing every file whose inputs did not change.

Each file has a key: the SHA-256 of everything that shapes it (for a PDF its rendered HTML,
the stylesheet, the fonts and the WeasyPrint version; for the spreadsheets their rows and the
code that writes them). A file is made again only when its key changed, so editing one task
rewrites only the checklists that show that task. Stale PDFs are written in parallel, one
WeasyPrint per core, each loading the fonts and the stylesheet once.

Layout of the cache folder (git-ignored, ``.cache/downloads`` in the project)::

    <lang>/<file name>         the files
    <lang>/manifest.json       name → key, date, pages, detail
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from handbook import __version__
from handbook.downloads import catalogue, csv_export, pdf, spreadsheet, workers
from handbook.downloads.catalogue import Download
from handbook.downloads.workers import default_count as default_worker_count
from handbook.files import write_atomic
from handbook.model import Handbook

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1

# This package's Python code as this process runs it, read once, when it is imported: templates
# are read from disk on every build, modules are not reloaded (`make serve`), so a key over the
# .py files on disk could stand for code that did not make the files.
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = hashlib.sha256(b"".join(
    path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes()
    for path in sorted(_PACKAGE.rglob("*.py")))).digest()


@dataclass(frozen=True)
class Made:
    """One file of the downloads set, as it is in the cache."""

    item: Download
    path: Path
    size: int
    pages: int | None = None  # PDFs
    sheets: int | None = None  # XLSX
    rows: int | None = None  # CSV (tasks)


@dataclass
class Result:
    files: dict[str, list[Made]] = field(default_factory=dict)  # language → files
    written: list[str] = field(default_factory=list)  # "nl/task-overview.pdf", …


def generate(handbook: Handbook, languages: Iterable[str], cache_dir: Path, site_url: str,
             *, workers: int | None = None, today: str | None = None) -> Result:
    """Bring the cache up to date for ``languages``; return every file and what was written."""
    languages = list(languages)
    with Generation(handbook, languages, cache_dir, site_url, workers=workers,
                    today=today) as generation:
        files = {language: generation.finish(language) for language in languages}
    return Result(files, generation.written)


class Generation:
    """One update of the cache, started at once and finished one language at a time.

    The constructor goes through the languages in order: it takes every file's key, hands the
    stale PDFs to a pool of worker processes (the longest documents first, so the cores finish
    together) and writes the spreadsheets while the workers start on them. :meth:`finish`
    waits for one language's PDFs and only then writes that language's manifest, so a build
    can publish and use the first language's files while the workers make the others.

    A failed PDF stops everything (the pool is shut down, its queued jobs dropped) and leaves
    the language's previous manifest in place. Every file is written whole (temporary file,
    then rename), and a changed file the old manifest still describes has a key that no longer
    matches, so the next build makes it again: nothing half-made is ever taken as done.
    """

    def __init__(self, handbook: Handbook, languages: Iterable[str], cache_dir: Path,
                 site_url: str, *, workers: int | None = None, today: str | None = None,
                 pool: ProcessPoolExecutor | None = None):
        self.handbook = handbook
        self.cache_dir = Path(cache_dir)
        self.written: list[str] = []  # "nl/task-overview.pdf", …
        self._workers = workers or default_worker_count()
        self._manifests: dict[str, dict] = {}
        self._jobs: dict[str, list[tuple[Download, pdf.PdfJob]]] = {}
        self._futures: dict[str, list[Future[int]]] = {}
        self._pool = pool  # started early by the caller, or here when there is work; closed by us
        today = today or datetime.date.today().isoformat()
        assets = hashlib.sha256(pdf.assets_fingerprint()).digest()  # stylesheet, fonts, WeasyPrint
        inputs = inputs_key(handbook.content_hash, site_url)
        try:
            for language in languages:
                data = self._plan(language, site_url, today, assets, inputs)
                self._submit(language)
                for target, item in data:
                    write_atomic(target, _make_data(handbook, item, site_url))
        except BaseException:
            self.close()
            raise

    def finish(self, language: str) -> list[Made]:
        """Wait for ``language``'s PDFs, write its manifest, return its files."""
        jobs = self._jobs.pop(language)
        futures = self._futures.pop(language, None)
        try:
            if futures is None:  # too few to start workers for: write them here
                pages = [pdf.write_pdf(job) for _item, job in jobs]
            else:
                pages = [future.result() for future in futures]
        except BaseException:
            self.close()
            raise
        finally:
            if futures is None and jobs:
                pdf.release_worker()
        manifest = self._manifests.pop(language)
        for (item, _job), count in zip(jobs, pages, strict=True):
            manifest["files"][item.name]["pages"] = count
        folder = self.cache_dir / language
        write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
        return [_made(item, folder, manifest["files"][item.name])
                for item in catalogue.downloads(self.handbook, language)]

    @property
    def done(self) -> bool:
        """True when every language has been finished."""
        return not self._jobs

    def close(self) -> None:
        """Stop the workers: queued jobs are dropped, running ones end first."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Generation:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the steps

    def _plan(self, language: str, site_url: str, today: str, assets: bytes,
              inputs: str) -> list[tuple[Path, Download]]:
        """Every file's key; stale PDFs become jobs; return the stale spreadsheets."""
        handbook = self.handbook
        folder = self.cache_dir / language
        folder.mkdir(parents=True, exist_ok=True)
        manifest = _read_manifest(folder)
        items = catalogue.downloads(handbook, language)
        if _complete(folder, manifest, inputs) and set(manifest["files"]) == {i.name for i in items}:
            # Nothing any file is made from changed since the last complete update: every file
            # is reused without rendering each checklist's HTML for its key
            self._manifests[language] = manifest
            self._jobs[language] = []
            return []
        fresh: dict[str, dict] = {}
        reused: set[str] = set()
        jobs: list[tuple[Download, pdf.PdfJob]] = []
        data: list[tuple[Path, Download]] = []
        for item in items:
            target = folder / item.name
            if item.is_pdf:
                html = pdf.render_html(handbook, item, site_url)
                key = _digest(assets, html.encode())
            else:
                key = _digest(*_data_fingerprint(handbook, item, site_url))
            known = manifest["files"].get(item.name)
            if known and known["key"] == key and target.is_file():
                fresh[item.name] = known
                reused.add(item.name)
                continue
            entry = {"key": key, "date": today}
            fresh[item.name] = entry
            self.written.append(f"{language}/{item.name}")
            if item.is_pdf:
                jobs.append((item, pdf.PdfJob(f"{language}/{item.name}", item.template or "",
                                              html.replace(pdf.DATE_TOKEN, today), str(target))))
            else:
                data.append((target, item))
                entry.update(_data_detail(item, handbook))
        # Before any file is rewritten, the manifest on disk forgets the files about to change:
        # a build that stops halfway then leaves nothing a later build would take as done
        # (even after the edit is undone and the old keys come back). finish() adds them again.
        kept = {name: entry for name, entry in fresh.items() if name in reused}
        interim = {key: value for key, value in manifest.items() if key != "inputs"}
        write_atomic(folder / MANIFEST, json.dumps({**interim, "files": kept}, indent=1,
                                                    sort_keys=True).encode())
        self._manifests[language] = {**interim, "files": fresh, "inputs": inputs}
        self._jobs[language] = jobs
        _remove_stale(folder, set(fresh))
        return data

    def _submit(self, language: str) -> None:
        """Hand a language's PDFs to the workers, started once there are enough to pay for."""
        jobs = self._jobs[language]
        if not jobs:
            return
        if self._pool is None:
            if self._workers < 2 or len(jobs) < 2:
                return  # finish() writes them in this process
            self._pool = workers.pool(self._workers)  # forked with WeasyPrint loaded
        # The longest documents first, so the cores finish together
        order = sorted(range(len(jobs)), key=lambda index: -len(jobs[index][1].html))
        submitted = {index: self._pool.submit(pdf.write_pdf, jobs[index][1]) for index in order}
        self._futures[language] = [submitted[index] for index in range(len(jobs))]


def publish(files: list[Made], target_dir: Path) -> None:
    """Copy the cache's files into ``target_dir``, each one whole (temporary file, then rename).

    Other files in ``target_dir`` stay: in the site, the downloads folder also holds the
    downloads page.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    for made in files:
        write_atomic(target_dir / made.item.name, made.path.read_bytes())


# ---- Helper functions --------------------------------------------------------------------------


def _made(item: Download, folder: Path, entry: dict) -> Made:
    path = folder / item.name
    return Made(item, path, path.stat().st_size, entry.get("pages"), entry.get("sheets"),
                entry.get("rows"))


def _make_data(handbook: Handbook, item: Download, site_url: str) -> bytes:
    if item.kind == "xlsx":
        return spreadsheet.task_overview_xlsx(handbook, item.language, site_url)
    if item.kind == "csv":
        return csv_export.task_overview_csv(handbook, item.language, site_url)
    raise ValueError(f"unknown download kind {item.kind!r} ({item.name})")


def _data_detail(item: Download, handbook: Handbook) -> dict:
    if item.kind == "xlsx":
        return {"sheets": 4}
    return {"rows": len(handbook.tasks)}


def _data_fingerprint(handbook: Handbook, item: Download, site_url: str) -> tuple[bytes, ...]:
    """What a spreadsheet is made from: its rows, the labels, the roles and the code."""
    header, rows = spreadsheet.task_rows(handbook, item.language, site_url)
    roles = [(role.id, role.title[item.language], role.summary[item.language], role.group_ids,
              [task.title[item.language] for task in handbook.tasks_for_role(role.id)])
             for role in handbook.roles]
    labels = {key: text[item.language] for key, text in sorted(handbook.labels.items())}
    code = [Path(module.__file__).read_bytes() for module in (spreadsheet, csv_export)]
    code.append(metadata.version("openpyxl").encode())  # a new openpyxl may write other bytes
    data = json.dumps([item.name, handbook.version, header, rows, roles, labels], default=list,
                      ensure_ascii=False)
    return (data.encode(), *code)


def inputs_key(content_hash: str, site_url: str) -> str:
    """One key over everything the files are made from: the content (its hash, from the bytes of
    the content files and schemas), this package's code, templates and fonts, its version (in
    every footer), the libraries that write the files and the site's address. Cheap: nothing
    is parsed or rendered."""
    assets = [part for path in sorted(_PACKAGE.rglob("*"))
              if path.is_file() and path.suffix not in (".py", ".pyc")
              for part in (path.relative_to(_PACKAGE).as_posix().encode(), path.read_bytes())]
    versions = [metadata.version(name).encode() for name in ("weasyprint", "jinja2", "openpyxl")]
    return _digest(content_hash.encode(), site_url.encode(), __version__.encode(), _CODE,
                   *versions, *assets)


def up_to_date(cache_dir: Path, languages: Iterable[str], key: str) -> bool:
    """True when the last complete update of every language had these inputs and its files are
    all still there: a build can then skip starting any worker."""
    folders = [Path(cache_dir) / language for language in languages]
    return all(_complete(folder, _read_manifest(folder), key) for folder in folders)


def _complete(folder: Path, manifest: dict, key: str) -> bool:
    """The manifest is from a finished update with these inputs, and its files are all there."""
    return manifest.get("inputs") == key and bool(manifest["files"]) \
        and all((folder / name).is_file() for name in manifest["files"])


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("version") == MANIFEST_VERSION:
            return manifest
    except (OSError, ValueError):
        pass
    return {"version": MANIFEST_VERSION, "files": {}}


def _remove_stale(folder: Path, names: set[str]) -> None:
    for path in folder.iterdir():
        if path.is_file() and path.name not in names and path.name != MANIFEST:
            path.unlink()
