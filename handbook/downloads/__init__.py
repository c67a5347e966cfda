"""The downloads: fillable PDF checklists, the task overview as XLSX and CSV.

No MkDocs here: ``hooks/downloads.py`` calls :func:`generate` once per build and copies the
files into the language folders. The set of files is described in :mod:`.catalogue`; the
content-hash cache that makes a rebuild cheap is in :mod:`.cache`.
"""

from handbook.downloads.cache import Made, Result, generate, publish, read
from handbook.downloads.catalogue import Download, downloads

__all__ = ["Download", "Made", "Result", "downloads", "generate", "publish", "read"]
