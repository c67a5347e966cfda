"""Files that appear whole or not at all."""

from __future__ import annotations

from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``.

    A reader (MkDocs, `make serve`, a browser, the next build) never sees half a file, and a
    failure leaves no temporary file behind.
    """
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
