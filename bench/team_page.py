"""The team page's speed with a large team: 300 tasks and 40 members, in Chromium.

`measure(chromium_path)` builds the site into a temporary folder, serves it on 127.0.0.1,
replaces the page's task data with 300 synthetic tasks, seeds a saved plan with 40 members
who own (and back up) every task, and measures:

- first render: from the planner's module starting to its DOM being built (the page's
  performance measure "team:first-render"), and to the first frame painted after it (the mark
  "team:painted"; goal ≤ 100 ms);
- one assignment change: from the `change` event to the page's layout being up to date
  (goal ≤ 16 ms), and to the next painted frame; the median of 25 changes;
- the user actions a complete first plan takes (bench/team_walk.py), on the real English team
  page: one task at a time, from roles, and from a starter team (goal ≤ 60).

`make bench` calls it through bench/run.py; `python bench/team_page.py` prints it alone.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import team_walk  # noqa: E402  (bench/, next to this file)

TASKS = 300
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "40"))
CHANGES = 25
GROUPS = ("technical", "pedagogical", "policy", "administrative")


def measure(chromium_path: str | None) -> list[tuple[str, float, str]]:
    """(name, value, unit) rows; empty when there is no Chromium to measure with."""
    if not chromium_path:
        return []
    from playwright.sync_api import sync_playwright

    from handbook.team_format import plan_format, storage_key

    with tempfile.TemporaryDirectory(prefix="team-bench-") as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                       check=True, capture_output=True, env=env)
        page_html = (site / "team" / "index.html").read_text(encoding="utf-8")
        data, plan_doc = _synthetic(plan_format().name, plan_format().version)
        (site / "team" / "index.html").write_text(_inject(page_html, data), encoding="utf-8")

        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/team/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--no-first-run"])
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.add_init_script(f"localStorage.setItem({json.dumps(storage_key())}, "
                                     f"{json.dumps(json.dumps(plan_doc))});")
                first_render, first_paint = [], []
                for _ in range(5):
                    page.goto(url)
                    page.wait_for_function("performance.getEntriesByName('team:painted').length > 0")
                    timings = page.evaluate(_TIMINGS_SCRIPT)
                    first_render.append(timings["firstRender"])
                    first_paint.append(timings["firstPaint"])
                rows = page.locator(".team-task").count()
                full = page.evaluate(_FULL_RENDER_SCRIPT, 10)
                change = page.evaluate(_CHANGE_SCRIPT, CHANGES)
                browser.close()
            walks = team_walk.count(chromium_path, url.replace("/team/", "/en/team/"))
        finally:
            server.shutdown()
    if rows != TASKS:
        raise RuntimeError(f"expected {TASKS} task rows on the page, found {rows}")
    return [
        (f"first render, {TASKS} tasks x {MEMBERS} members (DOM built)", statistics.median(first_render),
         "ms (goal <= 100)"),
        ("whole planner render + style + layout", statistics.median(full), "ms"),
        ("first frame after the planner (with Material's own start)", statistics.median(first_paint), "ms"),
        ("one assignment change, until laid out", statistics.median(change["layout"]), "ms (goal <= 16)"),
        ("one assignment change, until next paint", statistics.median(change["paint"]), "ms"),
        ("first plan, one task at a time (user actions)", walks["one by one"], "actions"),
        ("first plan, owners from roles (user actions)", walks["from roles"], "actions (goal <= 60)"),
        ("first plan, from a starter team (user actions)", walks["from a starter team"],
         "actions (goal <= 60)"),
    ]


# ---- Helpers ----------------------------------------------------------------------------------

_TIMINGS_SCRIPT = """
() => {
  const [start] = performance.getEntriesByName("team:start");
  const [render] = performance.getEntriesByName("team:first-render");
  const [painted] = performance.getEntriesByName("team:painted");
  return { firstRender: render.duration, firstPaint: painted.startTime - start.startTime };
}
"""

_FULL_RENDER_SCRIPT = """
async (count) => {
  const times = [];
  const select = document.getElementById("team-plan-select");
  for (let i = 0; i < count; i++) {
    select.value = i % 2 ? "p-bench" : "p-bench-2";
    const start = performance.now();
    select.dispatchEvent(new Event("change", { bubbles: true }));
    document.body.offsetHeight;
    times.push(performance.now() - start);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return times;
}
"""

_CHANGE_SCRIPT = """
async (count) => {
  const layout = [], paint = [];
  const selects = [...document.querySelectorAll('.team-task [data-field="who"]')];
  for (let i = 0; i < count; i++) {
    const select = selects[(i * 37) % selects.length];
    select.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));  // as a user's focus does
    const options = [...select.options].filter((o) => o.value.startsWith("m-") && o.value !== select.value);
    select.value = options[(i * 7 + 3) % options.length].value;
    const start = performance.now();
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.closest(".team-task").getBoundingClientRect();
    document.body.offsetHeight;
    layout.push(performance.now() - start);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    paint.push(performance.now() - start);
  }
  return { layout, paint };
}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _synthetic(plan_format: str, version: int) -> tuple[dict, dict]:
    """Page data with TASKS tasks, and a saved plan with MEMBERS members owning all of them."""
    from handbook.load import load_handbook
    from handbook.team_data import team_data

    data = team_data(load_handbook(ROOT / "content"), "nl")
    data["tasks"] = [
        {"id": f"bench-task-{n}", "group": GROUPS[n % len(GROUPS)],
         "title": f"Taak {n}: een synthetische taak",
         "summary": "Een synthetische taak om de snelheid van de planner te meten.", "roles": [],
         "hours": 10 + n % 30, "frequency": "Jaarlijks", "url": f"../tasks/bench-task-{n}/"}
        for n in range(TASKS)
    ]
    members = [{"id": f"m-{n}", "name": f"Teamlid {n}", "hours": 80, "roles": []} for n in range(MEMBERS)]
    assignments = {
        f"bench-task-{n}": {"owner": f"m-{n % MEMBERS}", "backup": f"m-{(n + 1) % MEMBERS}",
                            **({"notes": "Afspraak met de leverancier"} if n % 10 == 0 else {})}
        for n in range(TASKS)
    }
    plan = {"id": "p-bench", "name": "Bench", "members": members, "assignments": assignments,
            "customTasks": [], "knownTasks": [task["id"] for task in data["tasks"]]}
    # A second, identical plan: switching between the two re-renders the whole planner
    doc = {"format": plan_format, "version": version, "revision": 1, "saved": "2026-01-01T00:00:00Z",
           "current": "p-bench", "plans": [plan, {**plan, "id": "p-bench-2", "name": "Bench 2"}]}
    return data, doc


def _inject(page_html: str, data: dict) -> str:
    """Replace the page's JSON island with `data` (escaped the way Jinja's tojson does)."""
    start_tag = '<script type="application/json" id="team-data">'
    start = page_html.index(start_tag) + len(start_tag)
    end = page_html.index("</script>", start)
    text = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return page_html[:start] + text + page_html[end:]


def main() -> None:
    chromium = next((path for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium")
                     if path and Path(path).exists()), None)
    rows = measure(chromium)
    if not rows:
        print("no Chromium found: set CHROMIUM_PATH")
        return
    for name, value, unit in rows:
        print(f"{name:<62} {value:8.1f} {unit}")


if __name__ == "__main__":
    main()
