"""Promise: the team planner's and the self-assessment's modules keep their contracts (no browser).

Runs the JavaScript unit tests (tests/js/**/*.test.mjs) with Node: the schema checker, the plan
format and its migrations, the plan operations, storage, the session with two tabs, undo, the
CSV export and the link that filters the team page; and in tests/js/assessment/ the
self-assessment's format, its aggregation (average, spread, disagreement), recognising the same
response imported twice, and the file that bundles a plan with its assessment. Each test file
says which promise it checks.
"""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT, require_tool


def test_team_planner_modules() -> None:
    node = require_tool("node", "nodejs")
    # Each file named: how `node --test` treats a folder differs between Node versions
    files = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert files, "no tests/js/*.test.mjs found"
    result = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
