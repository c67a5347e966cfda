"""A content-addressed cache: each download is stored under the hash of everything it is made from.

Layout of the cache folder (git-ignored, ``.cache/downloads/`` in the project)::

    <key>/<file name>     the file, e.g. 3fa9…/task-overview.pdf
    <key>/details.json    what the downloads page says about it besides its size: {"pages": 7}

An entry is written into a temporary folder of its own and renamed to its key in one step, so
it is there whole or not at all: a build that stops halfway leaves nothing a later build could
take for finished, and no list of what is done has to be kept up to date. Since the key is a
hash of the inputs, the same key always stands for the same file.

Every edit adds entries, so :meth:`Cache.prune` keeps only the most recently used ones: the
current files of `make build` and `make serve` (which print different site addresses, so they
have different keys) and those of a few edits before.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

DETAILS = "details.json"


def key(*parts: bytes) -> str:
    """One hash over ``parts``; the parts' boundaries count (b"ab", b"c" ≠ b"a", b"bc")."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One file in the cache, with its details ({"pages": 7}, {"sheets": 4}, {"rows": 62})."""

    path: Path
    details: dict[str, int]


class Cache:
    """The cache folder: look an entry up by key, store one, drop the least recently used."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def get(self, key: str, name: str) -> Entry | None:
        """The entry stored under ``key``, or None. Using an entry marks it as recently used."""
        entry = self.folder / key
        try:
            details = json.loads((entry / DETAILS).read_text(encoding="utf-8"))
            os.utime(entry)  # what prune() goes by
        except (OSError, ValueError):
            return None
        path = entry / name
        return Entry(path, details) if path.is_file() else None

    def put(self, key: str, name: str, data: bytes, details: dict[str, int]) -> Entry:
        """Store ``data`` as ``name`` under ``key`` (whole or not at all) and return the entry."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{key}.{secrets.token_hex(6)}.tmp"
        try:
            temporary.mkdir()
            (temporary / name).write_bytes(data)
            (temporary / DETAILS).write_text(json.dumps(details), encoding="utf-8")
            try:
                temporary.rename(self.folder / key)
            except OSError:  # stored meanwhile by another build: the same inputs, so the same file
                if not (self.folder / key / name).is_file():
                    raise
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return Entry(self.folder / key / name, details)

    def prune(self, keep: int) -> int:
        """Delete all but the ``keep`` most recently used entries; return how many went."""
        if not self.folder.is_dir():
            return 0
        entries = sorted((path for path in self.folder.iterdir() if path.is_dir()),
                         key=lambda path: path.stat().st_mtime, reverse=True)
        for stale in entries[keep:]:
            shutil.rmtree(stale, ignore_errors=True)
        return len(entries[keep:])
