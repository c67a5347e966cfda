"""The downloads: fillable PDF checklists, the task overview as XLSX and CSV.

No MkDocs here: ``hooks/downloads.py`` starts a :class:`Generation` once per build, finishes
it language by language and copies the files into each language's site folder. The set of
files is described in :mod:`.catalogue`, the content-hash cache that makes a rebuild cheap in
:mod:`.cache`, the worker processes that write the PDFs in :mod:`.workers`.
"""

from handbook.downloads.cache import Generation, Made, Result, generate, publish
from handbook.downloads.catalogue import Download, downloads

__all__ = ["Download", "Generation", "Made", "Result", "downloads", "generate", "publish"]
