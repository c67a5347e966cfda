"""The size and page count shown beside each file on the downloads page.

The page's Markdown holds a marker per file (``%%download-meta:<name>%%``), so the generated
page stays the same from build to build. The files are made while MkDocs builds the pages, so
the hook turns each marker into an empty element (:func:`marker_html`) and fills that in
(:data:`HTML_PATTERN`, :func:`describe`) once the files are there.
"""

from __future__ import annotations

import functools
import math

from handbook.downloads.cache import Made
from handbook.model import Handbook

META_PATTERN = r"%%download-meta:([a-z0-9.-]+)%%"
HTML_PATTERN = r'<span data-download-meta="([a-z0-9.-]+)"></span>'


def marker(name: str) -> str:
    return f"%%download-meta:{name}%%"


def marker_html(name: str) -> str:
    """The element that stands in for a file's size and page count until the file is made."""
    return f'<span data-download-meta="{name}"></span>'


def describe(handbook: Handbook, language: str, made: Made | None) -> str:
    """``81 KB · 7 pp.`` for a file; an empty string when the file is unknown."""
    if made is None:
        return ""

    t = functools.partial(handbook.label, language)
    size = f"{max(1, math.ceil(made.size / 1024))} KB"
    if made.pages is not None:
        count = t("downloads.one_page") if made.pages == 1 else t("downloads.pages",
                                                                   count=made.pages)
        return f"{size} · {count}"
    if made.sheets is not None:
        return f"{size} · {t('downloads.sheets', count=made.sheets)}"
    if made.rows is not None:
        return f"{size} · {t('downloads.rows', count=made.rows)}"
    return size
