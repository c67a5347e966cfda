"""The task overview as CSV: UTF-8 with a BOM, ``;`` for Dutch (Belgian Excel), ``,`` for English."""

from __future__ import annotations

import csv
import io

from handbook.downloads.spreadsheet import task_rows
from handbook.model import Handbook

SEPARATORS = {"nl": ";", "en": ","}


def task_overview_csv(handbook: Handbook, language: str, site_url: str) -> bytes:
    header, rows = task_rows(handbook, language, site_url)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATORS[language], lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
