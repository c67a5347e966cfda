"""Promise: the team planner's and the self-assessment's modules keep their contracts (no browser).

Runs the JavaScript unit tests (tests/js/**/*.test.mjs) with Node: the schema checker, the plan
format and its migrations, the plan operations (proposals, changes of several tasks, the school's
size), storage, the session with two tabs, undo, the ZIP, XML and XLSX modules and the link that
filters the team page; and in tests/js/assessment/ the self-assessment's format, its aggregation
(average, spread, disagreement), recognising the same response imported twice, and the file that
bundles a plan with its assessment. Each test file says which promise it checks. The page's hours
rule is checked against the handbook's own.
"""

from __future__ import annotations

import json
import subprocess

from tests.conftest import ROOT, require_tool


def test_team_planner_modules() -> None:
    node = require_tool("node", "nodejs")
    # Each file named: how `node --test` treats a folder differs between Node versions
    files = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "tests" / "js").rglob("*.test.mjs"))
    assert any(name.startswith("tests/js/assessment/") for name in files), "no self-assessment tests found"
    assert any("/" not in name.removeprefix("tests/js/") for name in files), "no planner tests found"
    result = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_page_scales_hours_as_the_handbook_does() -> None:
    """One rule for the school's size: the page (state.js) gives every size the percentage and the
    hours that handbook/team_format.py gives, so the starter teams page and the planner agree."""
    node = require_tool("node", "nodejs")
    from handbook.team_format import HOURS_RULE, hours_percent, scaled_hours

    sizes = [(pupils, sites) for pupils in (1, 50, 199, 200, 350, 699, 700, 701, 1200, 3100, 99999)
             for sites in (1, 2, 3, 10)]
    script = ("import('./overrides/assets/javascripts/team/state.js').then((S) => {"
              f"const rule = {json.dumps(HOURS_RULE)};"
              f"const sizes = {json.dumps(sizes)};"
              "console.log(JSON.stringify(sizes.map(([pupils, sites]) => {"
              "const percent = S.hoursPercent(rule, {pupils, sites});"
              "return [percent, [1, 7, 10, 35, 140].map((h) => S.scaledHours(h, percent))]; })));})")
    result = subprocess.run([node, "-e", script], cwd=ROOT, capture_output=True, text=True, check=True,
                            timeout=60)
    percents = [hours_percent(pupils, sites) for pupils, sites in sizes]
    expected = [[percent, [scaled_hours(h, percent) for h in (1, 7, 10, 35, 140)]] for percent in percents]
    assert json.loads(result.stdout) == expected
