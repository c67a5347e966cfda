"""How the full build grows with the content: 1x, 4x and 10x the real records.

`measure(factors)` copies the project into a temporary folder per factor (never touching the
repository's content), multiplies the content there and runs one full build with an empty
downloads cache and no generated pages left over (cold), measuring:

- seconds of the whole `mkdocs build` (pages, downloads, search index, team page);
- peak memory: the largest single process of the build (the kernel's maxrss of the build and
  its finished children, through wait4) and the whole process tree (the build and its PDF
  workers, proportional set size summed and sampled every 0.1 s, so shared pages count once);
- page weight of the built site (bench/page_weight.py): the heaviest task page (with its
  language's search index) and the team page, gzipped, since every page carries the whole
  navigation, the index every page's text and the team page every task;
- growth: seconds per record at each factor relative to 1x ("linear" within +-25%), and
  megabytes added per extra copy of the content from 1x to 4x and from 4x to 10x ("linear"
  when they differ by at most 25% of the larger).

Factor n keeps the real records and adds n - 1 copies of every task, role, step, checklist
action, characteristic (with its rubric in rubrics.yaml), recommendation, glossary term and
source, with the id suffix -x2 … -xn and " (xn)" after the title; references (roles, steps,
related tasks, the rubric's tasks, sources) and former ids are rewritten to the copy's own ids,
so the copied content validates like the real one. The starter teams stay three, and give every
copied task a place the way they place the real one: each member also holds the copies of their
roles, and the copies of tasks they own or leave outside follow. The four task groups, the three
phases, the qualities and the recommendation levels stay (the schema fixes the groups); the
copies go into the same lists.
"""

from __future__ import annotations

import copy
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import page_weight  # noqa: E402

from handbook import LANGUAGES  # noqa: E402
from handbook.paths import DOWNLOADS, DOWNLOADS_FOLDER, GENERATED_FILES, GENERATED_FOLDERS  # noqa: E402

# Fields whose values are ids of copied records (the groups a role works in are not copied),
# and the former ids of a record, which must stay unique too.
REFERENCE_FIELDS = ("roles", "steps", "related", "tasks", "sources", "formerly")
LINEAR_WITHIN = 0.25


@dataclass(frozen=True)
class Build:
    """One measured build."""

    factor: int
    records: int
    seconds: float
    largest_process_mb: float
    tree_mb: float
    task_page_kb: float
    team_page_kb: float
    label: str = "full build"


def measure(factors: tuple[int, ...] = (1, 4, 10), *, pages_only: tuple[int, ...] = ()) -> list[Build]:
    """A cold build per factor; `pages_only` factors are also built without the downloads hook."""
    builds = []
    for factor, downloads in [*((f, True) for f in factors), *((f, False) for f in pages_only)]:
        with tempfile.TemporaryDirectory(prefix=f"handbook-scale-{factor}x-") as folder:
            project = Path(folder)
            copy_project(project)
            content = multiply_content(project / "content", factor)
            config = project / "mkdocs.yml"
            if not downloads:
                config = project / "mkdocs-pages.yml"
                text = (project / "mkdocs.yml").read_text(encoding="utf-8")
                config.write_text(text.replace("  - hooks/downloads.py\n", ""), encoding="utf-8")
            seconds, largest, tree = timed_build(project, config)
            weights = page_weight.measure(project / "site", content.tasks, content.groups)
            task_page = max(weight.total for weight in weights if weight.kind == "task")
            team_page = next(weight.total for weight in weights if weight.kind == "team")
            builds.append(Build(factor, content.records, seconds, largest, tree,
                                task_page / page_weight.KB, team_page / page_weight.KB,
                                "full build" if downloads else "pages only (no downloads)"))
    return builds


def linear_verdict(builds: list[Build]) -> tuple[dict[int, float], str]:
    """Seconds per record at each factor relative to the smallest (1x), and 'linear' or not."""
    base = min(builds, key=lambda build: build.factor)
    per_record = {build.factor: (build.seconds / build.records) / (base.seconds / base.records)
                  for build in builds}
    worst = max(per_record.values(), key=lambda ratio: abs(ratio - 1))
    if abs(worst - 1) <= LINEAR_WITHIN:
        return per_record, "linear"
    return per_record, "superlinear" if worst > 1 else "sublinear (fixed costs dominate)"


def memory_growth(builds: list[Build]) -> tuple[list[tuple[int, int, float]], str]:
    """(from, to, MB added per extra copy) between consecutive factors, and whether it is linear."""
    ordered = sorted(builds, key=lambda build: build.factor)
    steps = [(a.factor, b.factor, (b.tree_mb - a.tree_mb) / (b.factor - a.factor))
             for a, b in itertools.pairwise(ordered)]
    added = [mb for _, _, mb in steps]
    linear = len(added) < 2 or max(added) - min(added) <= LINEAR_WITHIN * max(abs(mb) for mb in added)
    return steps, "linear" if linear else ("superlinear" if added[-1] > added[0] else "sublinear")


def copy_project(project: Path) -> None:
    """The files a build reads, without generated pages, downloads or a cache (a cold start)."""
    generated = {*GENERATED_FOLDERS, *GENERATED_FILES, DOWNLOADS, DOWNLOADS_FOLDER, "__pycache__"}

    def skip(folder: str, names: list[str]) -> set[str]:
        in_language = Path(folder).name in LANGUAGES and Path(folder).parent.name == "docs"
        return {name for name in names if name == "__pycache__" or (in_language and name in generated)}

    for name in ("content", "docs", "hooks", "overrides", "schema"):
        shutil.copytree(ROOT / name, project / name, ignore=skip)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "handbook").symlink_to(ROOT / "handbook")  # only for mkdocs.yml's watch list


@dataclass(frozen=True)
class Content:
    """What the multiplied content holds: records counted for growth, task and group ids."""

    records: int
    tasks: list[str]
    groups: list[str]


def multiply_content(content: Path, factor: int) -> Content:
    """Add factor - 1 renamed copies of every record (tasks, roles, steps and their actions, …)."""
    data = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in content.glob("*.yaml")}
    lists = list(_record_lists(data))
    originals = [list(records) for records in lists]
    for n in range(2, factor + 1):
        for records, real in zip(lists, originals, strict=True):
            records.extend(_renamed(record, n) for record in real)
    for template in data["team-templates"]["templates"]:
        _place_copies(template, factor)
    for name, value in data.items():
        (content / f"{name}.yaml").write_text(
            yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    actions = sum(len(step["actions"]) for records in lists for step in records if "actions" in step)
    return Content(sum(len(records) for records in lists) + actions,
                   [task["id"] for tasks in data["tasks"]["tasks"].values() for task in tasks],
                   [group["id"] for group in data["tasks"]["groups"]])


def timed_build(project: Path, config: Path) -> tuple[float, float, float]:
    """Seconds, largest process (MB) and peak of the whole process tree (MB) of one build."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
               "-d", str(project / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=env)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
        if process.returncode != 0:
            output.seek(0)
            sys.exit(f"scaled build failed ({project}):\n{output.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024, sampler.peak_kb / 1024


# ---- Helpers ----------------------------------------------------------------------------------


def _record_lists(data: dict) -> Iterator[list[dict]]:
    """The lists whose records are copied (the lists themselves, so copies can be added)."""
    yield from data["tasks"]["tasks"].values()
    yield data["roles"]["roles"]
    yield from (phase["steps"] for phase in data["guidelines"]["phases"])
    yield data["characteristics"]["characteristics"]
    yield data["rubrics"]["rubrics"]
    yield from (level["recommendations"] for level in data["recommendations"]["levels"])
    yield data["glossary"]["terms"]
    yield data["sources"]["sources"]


def _renamed(record: dict, n: int) -> dict:
    """Copy n of a record: new ids (its own and its actions'), references and titles to match."""
    new = copy.deepcopy(record)
    suffix = f"-x{n}"
    if "id" in new:
        new["id"] += suffix
    else:  # a rubric: named by its characteristic
        new["characteristic"] += suffix
    for action in new.get("actions", ()):
        action["id"] += suffix
    for field in REFERENCE_FIELDS:
        if isinstance(new.get(field), list):
            new[field] = [value + suffix for value in new[field]]
    if isinstance(new.get("title"), dict):
        new["title"] = {language: f"{text} (x{n})" for language, text in new["title"].items()}
    elif isinstance(new.get("title"), str):  # a source's title is in the source's own language
        new["title"] += f" (x{n})"
    if "nl" in new and "en" in new:  # a glossary term
        new["nl"], new["en"] = f"{new['nl']} (x{n})", f"{new['en']} (x{n})"
    return new


def _place_copies(template: dict, factor: int) -> None:
    """A starter team for the multiplied content: members also hold the copies of their roles,
    and the copies of the tasks it places by hand go where the real ones go."""
    copies = [f"-x{n}" for n in range(2, factor + 1)]
    for member in template["members"]:
        roles = member["roles"]
        member["roles"] = [*roles, *(role + suffix for suffix in copies for role in roles)]
    if template.get("owners"):
        template["owners"] = {**template["owners"], **{task + suffix: key for suffix in copies
                                                       for task, key in template["owners"].items()}}
    for destination, tasks in (template.get("outside") or {}).items():
        template["outside"][destination] = [*tasks, *(task + suffix for suffix in copies for task in tasks)]


class _TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and all its descendants; keeps the peak (KB)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
