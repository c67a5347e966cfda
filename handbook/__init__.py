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
# The language tag of each language in documents (PDF, XLSX): the Dutch is Flemish Dutch
LANGUAGE_TAGS = {"nl": "nl-BE", "en": "en"}


def language_tag(language: str) -> str:
    """``nl-BE`` for ``nl``, ``en`` for ``en``: the tag a document declares its language with."""
    return LANGUAGE_TAGS[language]
