"""Promise: the team planner's modules keep their contracts, checked without a browser.

Runs the JavaScript unit tests (tests/js/*.test.mjs) with Node: the schema checker, the plan
format and its migrations, the plan operations, storage, the session with two tabs, undo and
the CSV export. Each test file there says which promise it checks.
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
