"""Content errors: what the editor sees when a YAML file is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, pointing at a line, a column and a field."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentErrors(Exception):
    """All problems found in the content at once, sorted by file and line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = [str(error) for error in self.errors]
        lines.append(f"{count} {noun} in the content; nothing was built.")
        return "\n".join(lines)
