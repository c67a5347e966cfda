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
import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from handbook.downloads import catalogue, csv_export, pdf, spreadsheet
from handbook.downloads.catalogue import Download
from handbook.model import Handbook

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


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
    cache_dir = Path(cache_dir)
    today = today or datetime.date.today().isoformat()
    result = Result()
    jobs: list[tuple[str, Download, pdf.PdfJob]] = []
    manifests: dict[str, dict] = {}
    assets = hashlib.sha256(pdf.assets_fingerprint()).digest()  # stylesheet, fonts, WeasyPrint
    for language in languages:
        folder = cache_dir / language
        folder.mkdir(parents=True, exist_ok=True)
        manifest = _read_manifest(folder)
        manifests[language] = manifest
        fresh: dict[str, dict] = {}
        for item in catalogue.downloads(handbook, language):
            target = folder / item.name
            if item.is_pdf:
                html = pdf.render_html(handbook, item, site_url)
                key = _digest(assets, html.encode())
            else:
                key = _digest(*_data_fingerprint(handbook, item, site_url))
            known = manifest["files"].get(item.name)
            if known and known["key"] == key and target.is_file():
                fresh[item.name] = known
                continue
            entry = {"key": key, "date": today}
            fresh[item.name] = entry
            result.written.append(f"{language}/{item.name}")
            if item.is_pdf:
                jobs.append((language, item, pdf.PdfJob(
                    f"{language}/{item.name}", item.template or "",
                    html.replace(pdf.DATE_TOKEN, today), str(target))))
            else:
                data = _make_data(handbook, item, site_url)
                _write_atomic(target, data)
                entry.update(_data_detail(item, handbook))
        manifest["files"] = fresh
        _remove_stale(folder, set(fresh))
    for (language, item, _job), pages in zip(jobs, _run_pdf_jobs([job for *_, job in jobs],
                                                                 workers), strict=True):
        manifests[language]["files"][item.name]["pages"] = pages
    for language, manifest in manifests.items():
        _write_atomic(cache_dir / language / MANIFEST,
                      json.dumps(manifest, indent=1, sort_keys=True).encode())
        result.files[language] = [
            _made(item, cache_dir / language, manifest["files"][item.name])
            for item in catalogue.downloads(handbook, language)
        ]
    return result


def read(handbook: Handbook, language: str, cache_dir: Path) -> list[Made]:
    """The files of one language as the cache holds them (no generation)."""
    folder = Path(cache_dir) / language
    manifest = _read_manifest(folder)
    return [_made(item, folder, manifest["files"][item.name])
            for item in catalogue.downloads(handbook, language)
            if item.name in manifest["files"] and (folder / item.name).is_file()]


def publish(files: list[Made], target_dir: Path) -> list[Path]:
    """Copy the cache's files into ``target_dir``, touching only those that differ."""
    target_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = set()
    for made in files:
        target = target_dir / made.item.name
        wanted.add(target.name)
        if target.is_file() and target.stat().st_size == made.size \
                and target.read_bytes() == made.path.read_bytes():
            continue
        temporary = target.with_name(target.name + ".tmp")
        shutil.copyfile(made.path, temporary)
        temporary.replace(target)
        changed.append(target)
    for stale in target_dir.iterdir():
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()
            changed.append(stale)
    return changed


# ---- Helper functions --------------------------------------------------------------------------


def _run_pdf_jobs(jobs: list[pdf.PdfJob], workers: int | None) -> list[int]:
    if not jobs:
        return []
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers < 2 or len(jobs) < 3:
        try:
            return [pdf.write_pdf(job) for job in jobs]
        finally:
            pdf.release_worker()
    import weasyprint  # noqa: F401 - imported once here, so forked workers inherit it
    # The longest documents first, so the cores finish together
    order = sorted(range(len(jobs)), key=lambda index: -len(jobs[index].html))
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)),
                             initializer=pdf.init_worker) as pool:
        futures = {index: pool.submit(pdf.write_pdf, jobs[index]) for index in order}
        return [futures[index].result() for index in range(len(jobs))]


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
    data = json.dumps([item.name, handbook.version, header, rows, roles, labels], default=list,
                      ensure_ascii=False)
    return (data.encode(), *code)


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


def _write_atomic(target: Path, data: bytes) -> None:
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(target)


def _remove_stale(folder: Path, names: set[str]) -> None:
    for path in folder.iterdir():
        if path.is_file() and path.name not in names and path.name != MANIFEST:
            path.unlink()
