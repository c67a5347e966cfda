"""Run the team planner's JavaScript unit tests (tests/js/*.test.mjs) with Node."""

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
