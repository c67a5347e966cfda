"""The downloads: fillable PDF checklists, the task overview as XLSX and CSV, in both languages.

No MkDocs here, and nothing is imported by this file, so asking for the list of files
(:mod:`.catalogue`) costs nothing. :mod:`.make` makes every file into a content-addressed cache
(:mod:`.cache`): ``python -m handbook downloads`` and the build (``hooks/downloads.py``) call it.
The files themselves are written by :mod:`.pdf`, :mod:`.spreadsheet` and :mod:`.csv_export`.
"""
