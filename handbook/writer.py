"""Write generated Markdown into the language folders, touching only what changed.

mkdocs-static-i18n only handles pages that exist as real files under ``docs_dir``, so the
generated pages are written to git-ignored folders there. A file is rewritten only when its
text changed: `make serve` watches ``docs/`` and would otherwise rebuild forever on its own
output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook import paths
from handbook.files import write_atomic


def write_pages(language_dir: Path, pages: dict[str, str]) -> list[Path]:
    """Bring ``language_dir``'s generated pages in line with ``pages``; return what changed.

    Generated pages that ``pages`` no longer holds (a record was removed) are deleted.
    """
    changed = [language_dir / path for path, text in pages.items()
               if write_page(language_dir / path, text)]
    wanted = {language_dir / path for path in pages}
    for stale in sorted(_generated_files(language_dir) - wanted):
        stale.unlink()
        changed.append(stale)
    return changed


def write_page(target: Path, text: str) -> bool:
    """Write one page if its text changed (whole, never half); True when it was written."""
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))  # `make serve` never reads half a page
    return True


def remove_generated(docs_dir: Path) -> int:
    """Delete every generated file under ``docs_dir``'s language folders, downloads included."""
    removed = 0
    for language_dir in (path for path in docs_dir.iterdir() if path.is_dir()):
        downloads = language_dir / paths.DOWNLOADS_FOLDER
        found = _generated_files(language_dir) | {language_dir / paths.DOWNLOADS}
        found |= set(downloads.iterdir()) if downloads.is_dir() else set()
        for path in found:
            if path.is_file():
                path.unlink()
                removed += 1
        shutil.rmtree(downloads, ignore_errors=True)
    return removed


def _generated_files(language_dir: Path) -> set[Path]:
    found = {path for folder in paths.GENERATED_FOLDERS
             for path in (language_dir / folder).rglob("*.md")}
    found.update(language_dir / name for name in paths.GENERATED_FILES
                 if (language_dir / name).exists())
    return found
