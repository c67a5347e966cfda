"""The ICT-team handbook's generation logic: load, validate, model and render.

Nothing in this package imports MkDocs; the thin adapters in ``hooks/`` call it, so a later
move to another static-site generator only touches those adapters.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ict-team-handbook")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
