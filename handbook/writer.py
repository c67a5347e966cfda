"""Write generated Markdown into the language folders, touching only what changed.

mkdocs-static-i18n only handles pages that exist as real files under ``docs_dir``, so the
generated pages are written to git-ignored folders there. A file is rewritten only when its
text changed: `make serve` watches ``docs/`` and would otherwise rebuild forever on its own
output.
"""

from __future__ import annotations

from pathlib import Path

from handbook import paths
from handbook.files import write_atomic


def write_pages(language_dir: Path, pages: dict[str, str]) -> list[Path]:
    """Bring ``language_dir``'s generated files in line with ``pages``; return what changed."""
    changed: list[Path] = []
    wanted = {language_dir / path for path in pages}
    for path, text in pages.items():
        target = language_dir / path
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))  # `make serve` never reads half a page
        changed.append(target)
    for stale in _generated_files(language_dir) - wanted:
        stale.unlink()
        changed.append(stale)
    return changed


def remove_generated(docs_dir: Path) -> int:
    """Delete every generated page under ``docs_dir``'s language folders."""
    removed = 0
    for language_dir in (path for path in docs_dir.iterdir() if path.is_dir()):
        for path in _generated_files(language_dir):
            path.unlink()
            removed += 1
    return removed


def _generated_files(language_dir: Path) -> set[Path]:
    found = {path for folder in paths.GENERATED_FOLDERS
             for path in (language_dir / folder).rglob("*.md")}
    found.update(language_dir / name for name in paths.GENERATED_FILES
                 if (language_dir / name).exists())
    return found
