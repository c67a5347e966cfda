"""`make bench`: build speed with and without the downloads, in one table, on this machine.

Everything runs on a temporary copy of the project, never on the repository's own files:

- floor: the plain Material build of the same generated pages (hooks that only write pages,
  no downloads), measured warm;
- cold: the full build with an empty downloads cache;
- warm: the full build again, nothing changed;
- one edit: the full build after changing one task's title;
- make serve: the time from saving one task title to the rebuilt task page being served by
  `mkdocs serve` (which looks for changes every half second), with the full site and, for
  comparison, without the downloads;
- seconds per PDF kind: one checklist of each kind written in this process.

A shared machine's speed drifts by a tenth and more within a minute, so the builds run in three
rounds (floor, cold, floor, warm, one edit). Each build's ratio is taken to the floor built just
before it, and each figure is the median over the rounds: drift then moves a build and the
floor it is compared with together. The serve cycles (median of three) are compared with the
median floor.

- scaling (bench/scaling.py): a cold full build with the content at 1x, 4x and 10x (renamed
  copies of the real records, on a temporary copy of the project), its time, peak memory and
  page weight, and whether the time grows linearly with the number of records;
- page weight (bench/page_weight.py): the gzipped first visit (HTML, CSS, JS, images and what
  search loads: its workers, the language's index and stemmer) of the heaviest task page and
  task-group overview in each language and of the team page, from the cold build above, against
  the budgets (150 KB for a content page with search, 150 KB for the team page and its modules),
  with what each part weighs;
- team page (bench/team_page.py): first render and one assignment change, 300 tasks x 40
  members, and the user actions a complete first plan takes (bench/team_walk.py), in Chromium
  (skipped without one);
- self-assessment page (bench/assessment_page.py): first render and one level chosen, 20
  respondents x every characteristic, in Chromium (skipped without one).

The 10x content is also built once without the downloads hook ("pages only"), to show how much
of the growth is the pages and how much the PDFs. Everything is printed as one table at the
end, with the time the whole run took (README.md has the last figures). `BENCH_SCALES=1,4`
measures fewer factors, `BENCH_PAGES_ONLY=` (empty) skips the pages-only build.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import page_weight  # noqa: E402  (bench/, next to this file)
import scaling  # noqa: E402

GOALS = {"warm rebuild": 1.1, "rebuild after one edit": 1.3, "cold full build": 2.0,
         "make serve": 1.3}
SCALES = tuple(int(n) for n in os.environ.get("BENCH_SCALES", "1,4,10").split(",") if n)
PAGES_ONLY = tuple(int(n) for n in os.environ.get("BENCH_PAGES_ONLY", "10").split(",") if n)

# A row of the table: measure, value, unit, comparison, goal, verdict or note
Row = tuple[str, str, str, str, str, str]


def main() -> None:
    from handbook.load import load_handbook

    started = time.perf_counter()
    handbook = load_handbook(ROOT / "content")
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        project = Path(folder)
        _copy_project(project)
        floor_config = _floor_config(project)

        _build(project, floor_config)  # writes the generated pages once
        # Each round: floor, cold, floor, warm, one edit. Each build is compared with the floor
        # built just before it, and the figure is the median over the rounds
        floors, runs = [], {"cold": [], "warm": [], "edit": []}
        for round_number in (1, 2, 3):
            floor_before = _build(project, floor_config)
            runs["cold"].append((_cold_build(project), floor_before))
            if round_number == 1:
                weights = page_weight.measure(project / "site", [t.id for t in handbook.tasks],
                                              [group.id for group in handbook.groups])
                sizes = _pdf_sizes(project)
            floor_after = _build(project, floor_config)
            runs["warm"].append((_build(project), floor_after))
            runs["edit"].append((_edited_build(project, f"(bench {round_number})"), floor_after))
            floors += [floor_before, floor_after]
        floor = statistics.median(floors)
        serve = statistics.median(_serve_cycles(project, project / "mkdocs.yml", handbook))
        serve_floor = statistics.median(_serve_cycles(project, floor_config, handbook))
    kinds = _seconds_per_pdf_kind()
    builds = scaling.measure(SCALES, pages_only=PAGES_ONLY)
    team = _browser_rows("team_page")
    assessment = _browser_rows("assessment_page")

    rows: list[Row] = [("build (seconds and ratio to the floor before it, median of 3 rounds)",
                        "", "", "", "", "")]
    rows.append(_row("plain Material build (floor)", floor, "s", "1.00x"))
    for name, key, goal in [("cold full build", "cold", GOALS["cold full build"]),
                            ("warm rebuild", "warm", GOALS["warm rebuild"]),
                            ("rebuild after one edit", "edit", GOALS["rebuild after one edit"])]:
        seconds = statistics.median(build for build, _floor in runs[key])
        ratio = statistics.median(build / floor_before for build, floor_before in runs[key])
        rows.append(_row(name, seconds, "s", f"{ratio:.2f}x", (ratio, goal)))
    rows.append(_row("make serve: save a task title -> page served", serve, "s",
                     f"{serve / floor:.2f}x", (serve / floor, GOALS["make serve"])))
    rows.append(_row("  the same without the downloads", serve_floor, "s", f"{serve_floor / floor:.2f}x"))
    rows += [_row(f"one PDF: {kind}", seconds, "s", f"{seconds / floor:.2f}x")
             for kind, seconds in kinds.items()]
    rows.append(_row("PDF size, largest / smallest", f"{max(sizes):.0f} / {min(sizes):.0f}", "KB"))
    rows += _scaling_rows(builds)
    rows.append(("page weight (gzip -6, first visit; parts in KB)", "", "", "", "", ""))
    rows += [_weight_row(weight) for weight in weights]
    if team:
        rows.append(("team page (Chromium; median)", "", "", "", "", ""))
        rows += team
    if assessment:
        rows.append(("self-assessment page (Chromium; median)", "", "", "", "", ""))
        rows += assessment
    rows.append(_row("whole bench run (this table)", time.perf_counter() - started, "s"))
    _print_table(rows)


def _scaling_rows(builds: list[scaling.Build]) -> list[Row]:
    full = [build for build in builds if build.label == "full build"]
    if not full:
        return []
    base = full[0]
    rows: list[Row] = [(f"scaling (cold build, not strict; {base.factor}x = {base.records} records; "
                        "vs = s/record vs 1x)", "", "", "", "", "")]
    per_record, verdict = scaling.linear_verdict(full)
    for build in builds:
        name = f"{build.factor}x ({build.records} records): {build.label}"
        ratio = f"{per_record[build.factor]:.2f}x" if build.label == "full build" else ""
        rows += [_row(name, build.seconds, "s", ratio),
                 _row(f"  {build.factor}x: peak memory, largest process / whole tree",
                      f"{build.largest_process_mb:.0f} / {build.tree_mb:.0f}", "MB"),
                 _row(f"  {build.factor}x: heaviest task page with search / team page, gzip",
                      f"{build.task_page_kb:.0f} / {build.team_page_kb:.0f}", "KB")]
    if len(full) > 1:
        within = f"+-{scaling.LINEAR_WITHIN:.0%}"
        rows.append(("  time growth: s/record at each factor vs 1x", "", "", "", within, verdict))
        growth, memory_verdict = scaling.memory_growth(full)
        for low, high, added in growth:
            rows.append(_row(f"memory added per extra copy, {low}x -> {high}x (whole tree)", added, "MB"))
        if len(growth) > 1:
            rows.append(("  memory growth: MB per extra copy, alike", "", "", "", within, memory_verdict))
    return rows


def _weight_row(weight: page_weight.Weight) -> Row:
    goal = f"<={weight.budget_kb:.0f} KB" if weight.budget_kb else ""
    note = f"{weight.verdict} ({weight.breakdown()})".strip()
    return (f"  {weight.name}", f"{weight.total / 1024:.1f}", "KB", f"{weight.files} files", goal, note)


def _row(name: str, value: float | str, unit: str, compare: str = "",
         goal: tuple[float, float] | None = None) -> Row:
    """A measured row; with `goal` (ratio, limit) it gets the goal and ok or MISSED."""
    text = f"{value:.2f}" if isinstance(value, float) else value
    if goal is None:
        return (f"  {name}", text, unit, compare, "", "")
    ratio, limit = goal
    return (f"  {name}", text, unit, compare, f"<={limit}x", "ok" if ratio <= limit else "MISSED")


def _print_table(rows: list[Row]) -> None:
    header = ("measure", "value", "unit", "vs", "goal", "")
    line = "{:<62} {:>11} {:<4} {:>9} {:>10}  {}"
    print(line.format(*header))
    print("-" * 108)
    for row in rows:
        print(line.format(*row).rstrip() if row[1] or row[5] else row[0])


# ---- Helper functions --------------------------------------------------------------------------


def _copy_project(project: Path) -> None:
    scaling.copy_project(project)  # without generated pages, downloads or a cache


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


def _cold_build(project: Path) -> float:
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return _build(project)


def _edit_title(project: Path, mark: str) -> str:
    """Change the first task's Dutch title (the same task each time); return the new title."""
    tasks_yaml = project / "content" / "tasks.yaml"
    text = tasks_yaml.read_text(encoding="utf-8")
    match = re.search(r"^(\s+)nl: (.+)$", text[text.index("tasks:"):], flags=re.MULTILINE)
    assert match is not None
    line = re.sub(r" \((bench|serve) \d\)$", "", match.group(0))
    new_line = f"{line} {mark}" if mark else line
    tasks_yaml.write_text(text.replace(match.group(0), new_line, 1), encoding="utf-8")
    return new_line.split("nl: ", 1)[1]


def _edited_build(project: Path, mark: str) -> float:
    """The build after changing the first task's Dutch title."""
    _edit_title(project, mark)
    return _build(project)


def _serve_cycles(project: Path, config: Path, handbook: object, rounds: int = 3) -> list[float]:
    """`mkdocs serve` as `make serve` runs it: seconds from saving a task title to the task page
    being served with it, once per round, each after the server has gone quiet."""
    from handbook import paths

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    task = handbook.groups[0].tasks[0]  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}/{paths.page_url(paths.page_path(task), 'nl')}"
    title = _edit_title(project, "")  # no mark left by the builds before
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    last_line = [time.monotonic()]

    def follow_log() -> None:
        for _line in server.stderr:  # type: ignore[union-attr]
            last_line[0] = time.monotonic()

    threading.Thread(target=follow_log, daemon=True).start()
    try:
        _served(url, title, timeout=300)  # the first build
        seconds = []
        for round_number in range(1, rounds + 1):
            while time.monotonic() - last_line[0] < 2:  # quiet: no build running or due
                time.sleep(0.1)
            start = time.perf_counter()
            title = _edit_title(project, f"(serve {round_number})")
            _served(url, title, timeout=120)
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        server.terminate()
        server.wait()
        _edit_title(project, "")  # the title as it was


def _served(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit(f"mkdocs serve did not serve {text!r} at {url} within {timeout:.0f} s")


def _seconds_per_pdf_kind() -> dict[str, float]:
    """One checklist of each kind, in this process: a batch of three against a batch of one, the
    difference halved (so loading the fonts, which a batch does once, is left out)."""
    from handbook.downloads import catalogue, pdf
    from handbook.load import load_handbook

    handbook = load_handbook(ROOT / "content")
    seconds: dict[str, float] = {}
    for item in catalogue.downloads(handbook, "nl"):
        if not item.is_pdf or item.kind in seconds:
            continue
        html = pdf.render_html(handbook, item, "https://example.org/").replace(pdf.DATE_TOKEN, "2000-01-01")
        job = pdf.PdfJob(item.name, item.template or "", html)
        timings: dict[int, float] = {}
        for count in (1, 3, 1, 3):  # the best of two of each, against the machine's drift
            start = time.perf_counter()
            pdf.make_pdfs([job] * count)
            timings[count] = min(timings.get(count, float("inf")), time.perf_counter() - start)
        seconds[item.kind] = (timings[3] - timings[1]) / 2
    return seconds


def _pdf_sizes(project: Path) -> list[float]:
    site = project / "site"
    return [path.stat().st_size / 1024 for folder in (site / "downloads", site / "en" / "downloads")
            for path in folder.glob("*.pdf")]


def _browser_rows(name: str) -> list[Row]:
    """Rows from a page's own measurements in Chromium (bench/team_page.py,
    bench/assessment_page.py), when the module exists."""
    module_path = ROOT / "bench" / f"{name}.py"
    if not module_path.exists():
        return []
    spec = importlib.util.spec_from_file_location(name, module_path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    if not hasattr(module, "measure"):
        return []
    chromium = next((path for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium")
                     if path and Path(path).exists()), None)
    rows: list[Row] = []
    for name, value, unit_and_goal in module.measure(chromium):
        # The module writes its goal into the unit: "ms (goal <= 100)"
        unit, _, goal = unit_and_goal.partition(" (goal <= ")
        goal = goal.rstrip(")")
        verdict = ("ok" if float(value) <= float(goal) else "MISSED") if goal else ""
        goal_text = f"<={goal} {unit}" if goal else ""
        rows.append((f"  {name}", f"{float(value):.1f}", unit, "", goal_text, verdict))
    return rows


if __name__ == "__main__":
    main()
