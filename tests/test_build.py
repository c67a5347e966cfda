"""How the build behaves for editors: bad content stops it before anything is written,
and a rebuild with nothing changed writes no generated page (so `make serve` does not loop).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook import LANGUAGES
from handbook.downloads.catalogue import downloads
from handbook.load import load_handbook
from handbook.render import render_pages
from handbook.writer import write_pages
from tests.conftest import ROOT


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def test_bad_content_stops_the_build_before_anything_is_written(project_copy: Path,
                                                                  tmp_path: Path) -> None:
    tasks = project_copy / "content" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(text.replace("    - id: tech-wifi\n", "    - id: Tech_Wifi\n", 1),
                     encoding="utf-8")
    roles = project_copy / "content" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("  - id: helpdesk\n",
                                                               "  - id: helpdesk\n    titel: x\n", 1),
                     encoding="utf-8")
    generated = project_copy / "docs" / "nl" / "tasks"
    if generated.exists():
        subprocess.run(["rm", "-rf", str(generated)], check=True)
    site_dir = tmp_path / "out"
    result = run_build(project_copy, site_dir)
    assert result.returncode != 0
    assert "content/tasks.yaml:" in result.stderr and "'Tech_Wifi' is not a valid id" in result.stderr
    assert "content/roles.yaml:" in result.stderr and "unknown key 'titel'" in result.stderr
    assert "2 errors in the content; nothing was built." in result.stderr
    assert not site_dir.exists(), "the build wrote output despite the content errors"
    assert not generated.exists(), "the build wrote generated pages despite the content errors"


def test_make_check_prints_the_same_messages(project_copy: Path) -> None:
    roles = project_copy / "content" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("  - id: helpdesk\n",
                                                               "  - id: helpdesk\n    titel: x\n", 1),
                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handbook", "check", "--content",
                             str(project_copy / "content")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "roles[" in result.stderr and "unknown key 'titel'" in result.stderr
    assert result.stderr.strip().endswith("1 error in the content; nothing was built.")


def test_valid_content_check_exits_zero() -> None:
    result = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content is valid:")


def test_writing_unchanged_pages_touches_nothing(tmp_path: Path) -> None:
    handbook = load_handbook(ROOT / "content")
    for language in LANGUAGES:
        pages = render_pages(handbook, language, downloads(handbook, language))
        first = write_pages(tmp_path / language, pages)
        assert len(first) == len(pages)
        assert write_pages(tmp_path / language, pages) == []


def test_stale_generated_pages_are_removed(tmp_path: Path) -> None:
    handbook = load_handbook(ROOT / "content")
    pages = render_pages(handbook, "nl", downloads(handbook, "nl"))
    write_pages(tmp_path, pages)
    stale = tmp_path / "tasks" / "a-task-that-was-removed.md"
    stale.write_text("# old\n", encoding="utf-8")
    hand_written = tmp_path / "guide.md"
    hand_written.write_text("# mine\n", encoding="utf-8")
    assert write_pages(tmp_path, pages) == [stale]
    assert not stale.exists() and hand_written.exists()


def test_markdown_in_plain_text_is_escaped() -> None:
    from handbook.render import escape_cell, escape_markdown

    assert escape_markdown("a *b* [c](d) <e>") == r"a \*b\* \[c\](d) &lt;e>"
    assert escape_cell("a | b") == r"a \| b"
