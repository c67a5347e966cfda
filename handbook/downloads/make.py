"""Make every download of both languages, reusing each file whose inputs did not change.

``python -m handbook downloads`` and the build (``hooks/downloads.py``) call
:func:`make_downloads`. Each file's key (see :mod:`.cache`) is a hash of everything that shapes
it: for a PDF its HTML (the content as the template renders it, with the site's address in every
footer), the stylesheet, the fonts and the WeasyPrint version; for the XLSX and the CSV the whole
content and the openpyxl version; for both this package's code. Editing one task's title therefore
remakes only the checklists that show that task, and the spreadsheets.

The PDFs still to make are written by a pool of worker processes (a plain
``concurrent.futures.ProcessPoolExecutor``), one per core, each given one batch of about the same
work, for which it loads the fonts and the stylesheet once.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import multiprocessing
import os
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from handbook import LANGUAGES
from handbook.downloads import catalogue, csv_export, pdf, spreadsheet
from handbook.downloads.cache import Cache, Entry, key
from handbook.downloads.catalogue import Download, former_name
from handbook.files import write_atomic
from handbook.model import Handbook

# How many entries the cache keeps: the files of a few builds (see cache.py)
KEEP_SETS = 4
# With fewer batches than this (one core, or one PDF) the PDFs are made in this process
MIN_BATCHES_FOR_A_POOL = 2


@dataclass(frozen=True)
class Made:
    """One download as it is in the cache, with what the downloads page says about it."""

    item: Download
    path: Path
    size: int
    pages: int | None = None  # PDF
    sheets: int | None = None  # XLSX
    rows: int | None = None  # CSV: tasks, without the header


@dataclass(frozen=True)
class _Todo:
    item: Download
    key: str
    html: str | None = None  # PDFs: the HTML, with the date still to fill in


def make_downloads(handbook: Handbook, cache_dir: Path, site_url: str, *,
                   languages: Iterable[str] = LANGUAGES, workers: int | None = None,
                   today: str | None = None,
                   report: Callable[[str], None] = lambda _line: None) -> dict[str, tuple[Made, ...]]:
    """Every download of ``languages``, from the cache or made now: language → files in page order.

    ``report`` is called with a line for each file that is made. A PDF that cannot be made
    raises :class:`pdf.DownloadError` naming it, once the other workers' files are in the cache.
    """
    cache = Cache(cache_dir)
    today = today or datetime.date.today().isoformat()
    shared = key(_code(), site_url.encode())  # what every file depends on
    pdf_assets = key(pdf.assets_fingerprint())
    data_inputs = key(handbook.version.encode(), handbook.content_hash.encode(),
                      metadata.version("openpyxl").encode())
    todos = {language: [_todo(handbook, item, site_url, shared, pdf_assets, data_inputs)
                        for item in catalogue.downloads(handbook, language)]
             for language in languages}
    every = [todo for language_todos in todos.values() for todo in language_todos]
    entries = {todo.key: cache.get(todo.key, todo.item.name) for todo in every}
    stale = [todo for todo in every if entries[todo.key] is None]
    for todo in stale:
        if not todo.item.is_pdf:
            data = _make_data(handbook, todo.item, site_url)
            entries[todo.key] = cache.put(todo.key, todo.item.name, data,
                                          _data_details(todo.item, data))
            report(f"made {todo.item.language}/{todo.item.name}")
    entries.update(_make_pdfs(cache, [todo for todo in stale if todo.item.is_pdf], today,
                              workers, report))
    if stale:
        cache.prune(keep=KEEP_SETS * len(every))
    return {language: tuple(_made(todo, entries[todo.key]) for todo in language_todos)  # type: ignore[arg-type]
            for language, language_todos in todos.items()}


def copy_into(folder: Path, files: Iterable[Made]) -> list[str]:
    """Make ``folder`` hold exactly ``files`` (and a copy of each under its former name, see
    ``catalogue.FORMER_NAMES``): copy the changed ones, delete the others.

    Unchanged files are left alone, so a rebuild with nothing changed writes nothing; return the
    names that were copied or deleted.
    """
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted: dict[str, Made] = {}
    for made in files:
        wanted[made.item.name] = made
        if (old := former_name(made.item)) is not None:
            wanted[old] = made  # a copy under its old name keeps old links working
    for name, made in wanted.items():
        data = made.path.read_bytes()
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data)
            changed.append(name)
    for stale in sorted(folder.iterdir()):
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()
            changed.append(stale.name)
    return changed


# ---- Helper functions --------------------------------------------------------------------------


def _todo(handbook: Handbook, item: Download, site_url: str, shared: str, pdf_assets: str,
          data_inputs: str) -> _Todo:
    """A file's key: its HTML for a PDF (every record it shows, in its own template), the whole
    content for a spreadsheet."""
    if item.is_pdf:
        html = pdf.render_html(handbook, item, site_url)
        return _Todo(item, key(b"pdf", shared.encode(), pdf_assets.encode(), html.encode()), html)
    return _Todo(item, key(item.kind.encode(), shared.encode(), item.language.encode(),
                           item.name.encode(), data_inputs.encode()))


def _make_pdfs(cache: Cache, todos: list[_Todo], today: str, workers: int | None,
               report: Callable[[str], None]) -> dict[str, Entry]:
    """Make the PDFs, one batch per worker, and store each batch's files as it comes back."""
    jobs = [pdf.PdfJob(f"{todo.item.language}/{todo.item.name}", todo.item.template or "",
                       (todo.html or "").replace(pdf.DATE_TOKEN, today)) for todo in todos]
    entries: dict[str, Entry] = {}

    def store(batch: list[int], results: list[tuple[bytes, int]]) -> None:
        for index, (data, pages) in zip(batch, results, strict=True):
            entries[todos[index].key] = cache.put(todos[index].key, todos[index].item.name, data,
                                                  {"pages": pages})
            report(f"made {jobs[index].name}")

    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1  # the cores this process may use
    batches = _batches([len(job.html) for job in jobs], min(workers or cores, len(jobs)))
    if len(batches) < MIN_BATCHES_FOR_A_POOL:  # none, or one: made here
        for batch in batches:
            store(batch, pdf.make_pdfs([jobs[index] for index in batch]))
        return entries
    failures: list[pdf.DownloadError] = []
    with ProcessPoolExecutor(len(batches), mp_context=_context()) as pool:
        futures = {pool.submit(pdf.make_pdfs, [jobs[index] for index in batch]): batch
                   for batch in batches}
        for future in as_completed(futures):
            failure = future.exception()
            if failure is None:
                store(futures[future], future.result())
            elif isinstance(failure, pdf.DownloadError):
                failures.append(failure)
            else:  # the worker itself stopped (killed, out of memory)
                names = ", ".join(jobs[index].name for index in futures[future])
                failures.append(pdf.DownloadError(f"the worker process making {names} failed: "
                                                  f"{type(failure).__name__}: {failure}"))
    if failures:  # raised once the other batches are stored: their files are kept
        raise failures[0]
    return entries


def _batches(lengths: list[int], count: int) -> list[list[int]]:
    """The job indexes in ``count`` batches of about the same work (by the length of the HTML):
    the longest first, each to the batch with the least so far, so the cores finish together."""
    batches: list[list[int]] = [[] for _ in range(count)]
    totals = [0] * count
    for index in sorted(range(len(lengths)), key=lambda index: -lengths[index]):
        emptiest = totals.index(min(totals))
        batches[emptiest].append(index)
        totals[emptiest] += lengths[index]
    return batches


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fresh server process that has WeasyPrint loaded: nothing of the
    build is copied into them, which is safe while `make serve` runs its web server in another
    thread, and the server stays for the next rebuild. Windows has no forkserver: each worker
    starts fresh ("spawn") and loads WeasyPrint itself."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["handbook.downloads.pdf", "weasyprint"])
    return context


def _make_data(handbook: Handbook, item: Download, site_url: str) -> bytes:
    if item.kind == "xlsx":
        return spreadsheet.task_overview_xlsx(handbook, item.language, site_url)
    if item.kind == "csv":
        return csv_export.task_overview_csv(handbook, item.language, site_url)
    raise ValueError(f"unknown download kind {item.kind!r} ({item.name})")


def _data_details(item: Download, data: bytes) -> dict[str, int]:
    """What the downloads page says about a spreadsheet, counted in the file itself."""
    if item.kind == "xlsx":
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        return {"sheets": sum(name.startswith("xl/worksheets/sheet") for name in names)}
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return {"rows": len(rows) - 1}


def _made(todo: _Todo, entry: Entry) -> Made:
    return Made(todo.item, entry.path, entry.path.stat().st_size, entry.details.get("pages"),
                entry.details.get("sheets"), entry.details.get("rows"))


@functools.cache
def _code() -> bytes:
    """A hash of this package's Python code, read once per process, when it is first needed: a
    change to the code makes every file again. Modules are not reloaded while `make serve` runs,
    so the code read at the first build is the code that runs."""
    package = Path(__file__).resolve().parent.parent
    return key(*(part for path in sorted(package.rglob("*.py"))
                 for part in (path.relative_to(package).as_posix().encode(), path.read_bytes()))
               ).encode()
