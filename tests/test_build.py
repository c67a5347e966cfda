"""How the build behaves for editors: bad content stops it before anything is written,
and a rebuild with nothing changed writes no generated page (so `make serve` does not loop).
And how the internals stay plain: files written whole, hooks without state, no private API of a
dependency, page rendering without the downloads code, every browser test marked.
"""

from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from handbook import LANGUAGES
from handbook.downloads.catalogue import downloads
from handbook.files import write_atomic
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
    # A task no other record refers to, so the bad id is the only error in tasks.yaml
    tasks.write_text(text.replace("    - id: tech-printing-peripherals\n", "    - id: Tech_Printing\n", 1),
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
    assert "content/tasks.yaml:" in result.stderr and "'Tech_Printing' is not a valid id" in result.stderr
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


def test_the_model_is_reused_until_a_content_file_changes(project_copy: Path) -> None:
    # The build asks for the model on every page; it is loaded again only after a save, even one
    # that keeps the file's size (one letter changed in place)
    content = project_copy / "content"
    first = load_handbook(content)
    assert load_handbook(content) is first
    tasks = content / "tasks.yaml"
    title = first.tasks[0].title.nl
    changed = title[:-1] + ("x" if title[-1] != "x" else "y")
    text = tasks.read_text(encoding="utf-8")
    time.sleep(0.01)  # past the file system's clock tick
    tasks.write_text(text.replace(f"nl: {title}\n", f"nl: {changed}\n", 1), encoding="utf-8")
    assert tasks.read_text(encoding="utf-8") != text and len(tasks.read_bytes()) == len(text.encode())
    assert load_handbook(content).tasks[0].title.nl == changed


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


# ---- The internals stay plain ------------------------------------------------------------------


def test_two_writers_of_one_file_never_collide(tmp_path: Path) -> None:
    # Each write has a temporary file of its own: the last rename wins, always with a whole file
    target = tmp_path / "handbook.json"
    payloads = [bytes([65 + number]) * 50_000 for number in range(6)]
    failures: list[BaseException] = []

    def write_often(data: bytes) -> None:
        try:
            for _ in range(150):
                write_atomic(target, data)
        except BaseException as failure:  # reported below
            failures.append(failure)

    threads = [threading.Thread(target=write_often, args=(data,)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert target.read_bytes() in payloads
    assert [path.name for path in tmp_path.iterdir()] == ["handbook.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask, "a published file must be readable"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["page.md"]


def module_level_names(path: Path) -> dict[str, ast.expr | None]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, ast.expr | None] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            found.update({target.id: node.value for target in node.targets if isinstance(target, ast.Name)})
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = node.value
    return found


@pytest.mark.parametrize("hook", sorted((ROOT / "hooks").glob("*.py")), ids=lambda path: path.name)
def test_hooks_keep_no_state(hook: Path) -> None:
    # MkDocs keeps hook modules for the whole process and the i18n plugin runs each event once per
    # language: a hook that stored something would carry it from one build (or language) to the next
    for name, value in module_level_names(hook).items():
        assert is_immutable_literal(value), f"{hook.name}: module-level '{name}' is not a constant"
    tree = ast.parse(hook.read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global | ast.Nonlocal)]


def is_immutable_literal(node: ast.expr) -> bool:
    """A constant, or a tuple of them (nested): a value nobody can change (a list, a dict or a
    call's result could be)."""
    if isinstance(node, ast.Tuple):
        return all(is_immutable_literal(item) for item in node.elts)
    return isinstance(node, ast.Constant)


def test_no_private_api_of_a_dependency_and_no_patched_library() -> None:
    offences = []
    for path in sorted([*(ROOT / "handbook").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.Import | ast.ImportFrom) for alias in node.names}
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            # something._private, on anything but our own objects
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"})):
                offences.append(f"{where}: uses {node.attr}")
            # module.attribute = … (a patch of an imported library)
            if isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    base = target
                    while isinstance(base, ast.Attribute):
                        base = base.value
                    if isinstance(target, ast.Attribute) and isinstance(base, ast.Name) \
                            and base.id in imported:
                        offences.append(f"{where}: assigns to {ast.unparse(target)}")
            # class X(LibraryClass): def _hook(...) (overriding a private method)
            if isinstance(node, ast.ClassDef) and node.bases:
                offences += [f"{where}: overrides {item.name}" for item in node.body
                             if isinstance(item, ast.FunctionDef) and item.name.startswith("_")
                             and not item.name.startswith("__")]
    assert offences == []


def test_rendering_pages_imports_no_downloads_code() -> None:
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, handbook.render; "
         "print(sorted(name for name in sys.modules if name.startswith('handbook.downloads')))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert imported.strip() == "[]"


def test_every_test_that_uses_the_browser_is_marked() -> None:
    # The functions whose parameters ask for the browser, read from the source, against what
    # pytest marks `browser` (tests/conftest.py does it by their fixtures)
    expected = set()
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and \
                    {arg.arg for arg in node.args.args} & {"page", "browser", "chromium_path"}:
                expected.add(f"{path.name}::{node.name}")
    assert len(expected) > 10
    collected = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "browser",
                                "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True,
                               check=False).stdout
    marked = {line.split("[")[0].removeprefix("tests/") for line in collected.splitlines() if "::" in line}
    assert expected <= marked, f"not marked browser: {sorted(expected - marked)}"


@pytest.mark.serve
def test_one_save_under_make_serve_makes_one_rebuild(project_copy: Path) -> None:
    # The pages written under docs/ during a rebuild must not set off another one (without the
    # downloads hook, to keep the test short: it writes under docs/ like the pages)
    config = project_copy / "mkdocs-pages.yml"
    config.write_text((project_copy / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("  - hooks/downloads.py\n", ""), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project_copy,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()  # type: ignore[arg-type]

    def builds() -> int:
        return sum("Documentation built" in line for line in log)

    def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            time.sleep(0.1)
        return condition()

    try:
        assert wait_for(lambda: builds() == 1, 120), "".join(log)
        time.sleep(1.5)  # what the first build wrote under docs/ must not count as a change
        assert builds() == 1, "".join(log)
        tasks = project_copy / "content" / "tasks.yaml"
        task = load_handbook(project_copy / "content").tasks[0]
        tasks.write_text(tasks.read_text(encoding="utf-8").replace(
            f"nl: {task.title.nl}\n", f"nl: {task.title.nl} (bewaard)\n", 1), encoding="utf-8")
        assert wait_for(lambda: builds() == 2, 120), "".join(log)
        time.sleep(2)  # four polls of the watcher after the rebuild
        assert builds() == 2, "".join(log)
    finally:
        server.terminate()
        server.wait()


def test_a_missing_program_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import require_tool

    expected = ("no-such-program is not installed; this test needs it: apt-get install "
                "no-such-package (.ci/run installs it)")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_tool("no-such-program", "no-such-package")
    assert str(skipped.value) == expected
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        require_tool("no-such-program", "no-such-package")
    assert str(failed.value) == expected
