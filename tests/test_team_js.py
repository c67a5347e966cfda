"""Promise: the team planner's modules keep their contracts, checked without a browser.

Runs the JavaScript unit tests (tests/js/*.test.mjs) with Node: the schema checker, the plan
format and its migrations, the plan operations (proposals, changes of several tasks, the
school's size), storage, the session with two tabs, undo, and the ZIP, XML and XLSX modules.
Each test file there says which promise it checks. The page's hours rule is checked against the
handbook's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_team_planner_modules() -> None:
    node = shutil.which("node")
    if node is None:
        message = "Node.js is not installed: the team planner's unit tests (node --test tests/js) need it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, "--test", "tests/js"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_page_scales_hours_as_the_handbook_does() -> None:
    """One rule for the school's size: the page (state.js) gives every size the percentage and the
    hours that handbook/team_format.py gives, so the starter teams page and the planner agree."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
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
