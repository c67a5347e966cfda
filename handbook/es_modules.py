"""The ES modules a page's entry module needs, for ``<link rel="modulepreload">``.

The browser then fetches them all at once instead of one import level after another. The list
is read from the import statements themselves, so it cannot drift from the code. Only static
imports count: a module loaded with ``import(…)`` when it is used (the planner's spreadsheet
modules) is left out, as it should be.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

# A static import between modules: import … from "./x.js" or "../team/x.js"
IMPORT = re.compile(r"""^import\b[^;]*?\bfrom\s+["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)


def imported_modules(root: Path, entry: str) -> list[str]:
    """``entry`` and every module it imports, directly or not, as paths relative to ``root``."""
    found: list[str] = []
    waiting = [entry]
    while waiting:
        module = waiting.pop()
        if module in found:
            continue
        found.append(module)
        text = (root / module).read_text(encoding="utf-8")
        waiting.extend(posixpath.normpath(posixpath.join(posixpath.dirname(module), target))
                       for target in IMPORT.findall(text))
    return sorted(found)
