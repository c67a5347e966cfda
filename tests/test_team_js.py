"""Promise: the team planner's and the self-assessment's modules keep their contracts (no browser).

Runs the JavaScript unit tests (tests/js/**/*.test.mjs) with Node: the schema checker, the plan
format and its migrations, the plan operations, storage, the session with two tabs, undo, the
CSV export and the link that filters the team page; and in tests/js/assessment/ the
self-assessment's format, its aggregation (average, spread, disagreement), recognising the same
response imported twice, and the file that bundles a plan with its assessment. Each test file
says which promise it checks.
"""

from __future__ import annotations

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
