"""Read one YAML content file and remember where every value stands.

The validator reports errors as ``file:line:column``; PyYAML's node tree carries those
positions, so the file is composed into nodes first and turned into plain data here,
recording a position per field path on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.errors import ContentError

# A field path such as ("tasks", "technical", 4, "title", "en").
FieldPath = tuple[str | int, ...]


def format_path(path: FieldPath) -> str:
    """Render a field path the way editors read it: ``tasks.technical[4].title.en``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class SourceFile:
    """A parsed content file: its data and the line and column of every field."""

    path: Path
    display_name: str
    data: object
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the file's text, for warnings inside a value

    def position(self, path: FieldPath) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest parent that exists."""
        for length in range(len(path), -1, -1):
            found = self.positions.get(path[:length])
            if found:
                return found
        return (1, 1)

    def key_position(self, path: FieldPath) -> tuple[int, int]:
        """Line and column of the key that introduces ``path`` (for 'unknown key' errors)."""
        return self.key_positions.get(path) or self.position(path)

    def error(self, path: FieldPath, message: str, *, at_key: bool = False) -> ContentError:
        line, column = self.key_position(path) if at_key else self.position(path)
        return ContentError(self.display_name, line, column, format_path(path), message)


class ParseFailure(Exception):
    """The file is not valid YAML; ``error`` says where and why."""

    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def read_source(path: Path, display_name: str) -> SourceFile:
    """Parse ``path``; raise ``ParseFailure`` with a located, fixable message if it is not YAML."""
    raw = path.read_bytes()
    try:
        # utf-8-sig drops a byte-order mark that Windows editors like to add.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseFailure(
            ContentError(display_name, line, 1, "", "the file is not UTF-8 text — save it as UTF-8")
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The loader composes the node tree (with positions); the same loader then turns each scalar
    # into a value, exactly as yaml.safe_load would (ints, booleans, null, strings)
    loader = yaml.SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise ParseFailure(_syntax_error(display_name, text, exc)) from exc
        if node is None:
            raise ParseFailure(ContentError(
                display_name, 1, 1, "", "the file is empty — restore its content from git "
                "(git checkout -- " + display_name + ") or add the records it should hold"))
        source = SourceFile(path, display_name, None, lines=text.split("\n"))
        errors: list[ContentError] = []
        source.data = _to_data(node, (), source, errors, loader)
    finally:
        loader.dispose()
    if errors:
        raise ParseFailure(errors[0])
    return source


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _to_data(node: yaml.Node, path: FieldPath, source: SourceFile, errors: list[ContentError],
             loader: yaml.SafeLoader):
    """Turn a composed node into plain data, recording positions; catch duplicate keys."""
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                errors.append(ContentError(
                    source.display_name, line, column, format_path(child),
                    f"the key '{key}' appears twice in the same block — keep one of them",
                ))
            source.key_positions[child] = (
                key_node.start_mark.line + 1, key_node.start_mark.column + 1,
            )
            result[key] = _to_data(value_node, child, source, errors, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*path, index), source, errors, loader)
                for index, item in enumerate(node.value)]
    return _scalar(node, loader)


def _scalar(node: yaml.ScalarNode, loader: yaml.SafeLoader):
    """Resolve a scalar as yaml.safe_load would (ints, booleans, null, strings), except dates.

    An unquoted 2026-11-29 stays the text '2026-11-29': content is JSON-shaped, so the schema
    checks a date's form, and the loader turns it into a date after that check.
    """
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # as written; PyYAML would even crash on a day such as 2026-02-30
    return loader.construct_object(node, deep=True)


def _syntax_error(display_name: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1) if mark else 1
    column = (mark.column + 1) if mark else 1
    problem = (exc.problem or "").strip()
    source_line = text.split("\n")[line - 1] if 0 < line <= text.count("\n") + 1 else ""
    if "\t" in problem or "'\\t'" in problem or "\t" in source_line[: column]:
        tab_column = source_line.find("\t") + 1 or column
        return ContentError(
            display_name, line, tab_column, "",
            "a tab is used for indentation — YAML only accepts spaces; replace the tab with spaces "
            "(two per level)",
        )
    context = (exc.context or "").strip()
    opened = exc.context_mark
    for kind, opening, closing in (("flow sequence", "[", "]"), ("flow mapping", "{", "}")):
        if kind in context and opened is not None:
            return ContentError(
                display_name, opened.line + 1, opened.column + 1, "",
                f"YAML syntax error: the '{opening}' opened here is never closed — add the "
                f"closing '{closing}' at the end of the list",
            )
    if "mapping values are not allowed" in problem and "<!--" in source_line:
        return ContentError(
            display_name, line, column, "",
            "YAML syntax error: ': ' inside an unquoted text — write the review marker without "
            "the colon (<!-- review_by 2027-09-01 -->) or put the whole text in quotes",
        )
    detail = f"{context}, {problem}" if context and problem else (problem or context or "invalid YAML")
    return ContentError(
        display_name, line, column, "",
        f"YAML syntax error: {detail} — check the indentation and the quotes on this line "
        "and the one before it",
    )
