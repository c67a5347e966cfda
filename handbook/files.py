"""Files that appear whole or not at all."""

from __future__ import annotations

import secrets
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``.

    A reader (MkDocs, `make serve`, a browser, the next build) never sees half a file, and a
    failure leaves no temporary file behind. Each write has a temporary file of its own (a
    random name, created only if it does not exist yet), so two writers of the same file
    never write into each other's: the last rename wins, with a whole file.
    """
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temporary.open("xb") as stream:  # the mode the umask allows, like any new file
            stream.write(data)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
