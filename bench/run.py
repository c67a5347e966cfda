"""`make bench`: build speed with and without the downloads, in one table, on this machine.

Everything runs on a temporary copy of the project, never on the repository's own files:

- floor: the plain Material build of the same generated pages (hooks that only write pages,
  no downloads), measured warm;
- cold: the full build with an empty downloads cache;
- warm: the full build again, nothing changed;
- one edit: the full build after changing one task's title;
- seconds per PDF kind: one checklist of each kind written in this process.

Each build time is shown as a ratio to the floor, with the goals from the issue.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

GOALS = {"warm rebuild": 1.1, "rebuild after one edit": 1.3, "cold full build": 2.0}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        project = Path(folder)
        _copy_project(project)
        floor_config = _floor_config(project)

        _build(project, floor_config)  # writes the generated pages once
        floor = min(_build(project, floor_config) for _ in range(2))
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = _build(project)
        warm = min(_build(project) for _ in range(2))
        _edit_one_task(project / "content" / "tasks.yaml")
        one_edit = _build(project)

        rows = [("plain Material build (floor)", floor, None),
                ("cold full build", cold, GOALS["cold full build"]),
                ("warm rebuild", warm, GOALS["warm rebuild"]),
                ("rebuild after one edit", one_edit, GOALS["rebuild after one edit"])]
        kinds = _seconds_per_pdf_kind()
        sizes = _pdf_sizes(project)

    print(f"{'measure':<42} {'seconds':>8} {'x floor':>8} {'goal':>6}")
    print("-" * 68)
    for name, seconds, goal in rows:
        ratio = seconds / floor
        verdict = "" if goal is None else ("ok" if ratio <= goal else "MISSED")
        goal_text = "" if goal is None else f"<={goal}x"
        print(f"{name:<42} {seconds:8.2f} {ratio:8.2f} {goal_text:>6} {verdict}")
    for kind, seconds in kinds.items():
        print(f"{'one PDF: ' + kind:<42} {seconds:8.2f} {seconds / floor:8.2f}")
    print(f"{'PDF size, largest / smallest (KB)':<42} {max(sizes):8.0f} {min(sizes):8.0f}")
    for name, seconds, extra in _team_page_rows():
        print(f"{name:<42} {seconds:8.2f} {extra}")


# ---- Helper functions --------------------------------------------------------------------------


def _copy_project(project: Path) -> None:
    skip = shutil.ignore_patterns("__pycache__", "downloads", "downloads.md")
    for name in ("content", "docs", "hooks", "overrides", "schema"):
        shutil.copytree(ROOT / name, project / name, ignore=skip)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "handbook").symlink_to(ROOT / "handbook")  # only for mkdocs.yml's watch list


def _floor_config(project: Path) -> Path:
    """The same site without the downloads hook (and without strict: its links go nowhere)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    floor = project / "mkdocs-floor.yml"
    floor.write_text(text.replace("  - hooks/downloads.py\n", ""), encoding="utf-8")
    return floor


def _build(project: Path, config: Path | None = None) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f",
               str(config or project / "mkdocs.yml"), "-d", str(project / "site")]
    if config is None:
        command.append("--strict")
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"build failed:\n{completed.stdout}\n{completed.stderr}")
    return seconds


def _edit_one_task(tasks_yaml: Path) -> None:
    text = tasks_yaml.read_text(encoding="utf-8")
    match = re.search(r"^(\s+)nl: (.+)$", text[text.index("tasks:"):], flags=re.MULTILINE)
    assert match is not None
    old = match.group(0)
    tasks_yaml.write_text(text.replace(old, old + " (bench)", 1), encoding="utf-8")


def _seconds_per_pdf_kind() -> dict[str, float]:
    from handbook.downloads import catalogue, pdf
    from handbook.load import load_handbook

    handbook = load_handbook(ROOT / "content")
    pdf.init_worker()
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for item in catalogue.downloads(handbook, "nl"):
            if not item.is_pdf or item.kind in seconds:
                continue
            html = pdf.render_html(handbook, item, "https://example.org/")
            start = time.perf_counter()
            pdf.write_pdf(pdf.PdfJob(item.name, item.template or "",
                                     html.replace(pdf.DATE_TOKEN, "2000-01-01"),
                                     str(Path(folder) / item.name)))
            seconds[item.kind] = time.perf_counter() - start
    pdf.release_worker()
    return seconds


def _pdf_sizes(project: Path) -> list[float]:
    return [path.stat().st_size / 1024 for path in (project / ".cache" / "downloads").rglob("*.pdf")]


def _team_page_rows() -> list[tuple[str, float, str]]:
    """Rows from bench/team_page.py (the team page's own measurements), when it exists."""
    module_path = ROOT / "bench" / "team_page.py"
    if not module_path.exists():
        return []
    spec = importlib.util.spec_from_file_location("team_page", module_path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    if not hasattr(module, "measure"):
        return []
    chromium = next((path for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium")
                     if path and Path(path).exists()), None)
    rows = []
    for row in module.measure(chromium):
        name, value, *rest = row
        rows.append((f"team page: {name}", float(value), " ".join(map(str, rest))))
    return rows


if __name__ == "__main__":
    main()
