"""The self-assessment page's speed with a whole team: 20 respondents x every characteristic,
in Chromium.

`measure(chromium_path)` builds the site into a temporary folder, serves it on 127.0.0.1,
seeds a saved document with 20 responses that rate every characteristic (one of them this
browser's own, some with notes, and a saved result to compare with), and measures:

- first render: from the page's module starting to the form, the result (chart, table, weakest
  first with advice, ratings per person), the team's answers and the saved results being drawn
  (the page's performance measure "assessment:first-render"; goal <= 100 ms), and to the first
  frame painted after it (the mark "assessment:painted");
- one change: a level chosen in the form, from the `change` event until the page's layout is up
  to date: saved, every number of the result computed again and redrawn (goal <= 16 ms), and
  until the next painted frame; the median of 25 changes;
- the same change while comparing with the saved result (every part shows what moved).

`make bench` calls it through bench/run.py; `python bench/assessment_page.py` prints it alone.
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

RESPONDENTS = int(os.environ.get("BENCH_RESPONDENTS", "20"))
CHANGES = 25


def measure(chromium_path: str | None) -> list[tuple[str, float, str]]:
    """(name, value, unit) rows; empty when there is no Chromium to measure with."""
    if not chromium_path:
        return []
    from playwright.sync_api import sync_playwright

    from handbook.assessment_format import storage_key
    from handbook.load import load_handbook

    characteristics = [c.id for c in load_handbook(ROOT / "content").characteristics]
    document = _synthetic(characteristics)
    with tempfile.TemporaryDirectory(prefix="assessment-bench-") as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                       check=True, capture_output=True, env=env)
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/self-assessment/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--no-first-run"])
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                # The same saved document before every load (a change saves over it)
                page.add_init_script(f"localStorage.setItem({json.dumps(storage_key())}, "
                                     f"{json.dumps(json.dumps(document))});")
                first_render, first_paint = [], []
                for _ in range(5):
                    page.goto(url)
                    page.wait_for_function("performance.getEntriesByName('assessment:painted').length > 0")
                    timings = page.evaluate(_TIMINGS_SCRIPT)
                    first_render.append(timings["firstRender"])
                    first_paint.append(timings["firstPaint"])
                cells = page.locator(".assessment-people tbody td").count()
                change = page.evaluate(_CHANGE_SCRIPT, CHANGES)
                page.select_option("#assessment-compare", "s-bench")
                comparing = page.evaluate(_CHANGE_SCRIPT, CHANGES)
                browser.close()
        finally:
            server.shutdown()
    size = f"{RESPONDENTS} respondents x {len(characteristics)} characteristics"
    if cells != RESPONDENTS * len(characteristics):
        raise RuntimeError(f"expected {size} ratings on the page, found {cells}")
    return [
        (f"first render, {size} (drawn)", statistics.median(first_render), "ms (goal <= 100)"),
        ("first frame after the page (with Material's own start)", statistics.median(first_paint), "ms"),
        ("one level chosen, saved and the result redrawn, until laid out",
         statistics.median(change["layout"]), "ms (goal <= 16)"),
        ("one level chosen, until next paint", statistics.median(change["paint"]), "ms"),
        ("one level chosen while comparing with a saved result, until laid out",
         statistics.median(comparing["layout"]), "ms (goal <= 16)"),
    ]


# ---- Helpers ----------------------------------------------------------------------------------

_TIMINGS_SCRIPT = """
() => {
  const [start] = performance.getEntriesByName("assessment:start");
  const [render] = performance.getEntriesByName("assessment:first-render");
  const [painted] = performance.getEntriesByName("assessment:painted");
  return { firstRender: render.duration, firstPaint: painted.startTime - start.startTime };
}
"""

# A user's click on a level: the radio is checked, then the form hears "change"
_CHANGE_SCRIPT = """
async (count) => {
  const layout = [], paint = [];
  const groups = [...document.querySelectorAll("#assessment-form fieldset")];
  for (let i = 0; i < count; i++) {
    const radios = [...groups[(i * 5) % groups.length].querySelectorAll('input[type="radio"]')];
    const radio = radios.filter((r) => r.value && !r.checked)[i % 3];
    const start = performance.now();
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    document.getElementById("assessment-result").getBoundingClientRect();
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


def _synthetic(characteristics: list[str]) -> dict:
    """A saved document: RESPONDENTS people rating every characteristic (levels spread so that
    some characteristics show disagreement), every third with a note, and a saved result."""
    from handbook.assessment_format import assessment_format

    fmt = assessment_format()
    top = fmt.levels[-1]

    def person(n: int, shift: int) -> dict:
        ratings = {}
        for index, characteristic in enumerate(characteristics):
            rating = {"level": 1 + (n + index * 3 + shift) % top}
            if n % 3 == 0:
                rating["note"] = f"Notitie {n} bij {characteristic}: wat er nog moet gebeuren."
            ratings[characteristic] = rating
        return {"id": f"r-bench-{n}", "name": f"Teamlid {n}" if n % 4 else "",
                "updated": "2026-11-20T10:00:00.000Z", "ratings": ratings}

    responses = [person(n, 0) for n in range(RESPONDENTS)]
    earlier = [person(n, 1) for n in range(RESPONDENTS)]
    return {"format": fmt.name, "version": fmt.version, "revision": 1, "saved": "2026-11-20T10:00:00.000Z",
            "mine": "r-bench-0", "responses": responses,
            "history": [{"id": "s-bench", "date": "2026-09-01", "label": "Start", "responses": earlier}]}


def main() -> None:
    chromium = next((path for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium")
                     if path and Path(path).exists()), None)
    rows = measure(chromium)
    if not rows:
        print("no Chromium found: set CHROMIUM_PATH")
        return
    for name, value, unit in rows:
        print(f"{name:<70} {value:8.1f} {unit}")


if __name__ == "__main__":
    main()
