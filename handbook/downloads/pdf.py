"""Fillable PDF checklists: Jinja templates → HTML → WeasyPrint, called directly.

Layout lives in ``handbook/templates/pdf`` (templates and ``checklist.css``); this module only
prepares the data. The HTML is rendered in the main process (fast, and its text is the cache
key); the PDFs are written by ``write_pdf`` in worker processes that each parse the stylesheet
and load the fonts once.
"""

from __future__ import annotations

import functools
import gc
import sys
import threading
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError

from handbook import paths
from handbook.downloads.catalogue import Download
from handbook.files import write_atomic
from handbook.model import Handbook

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = PACKAGE_DIR / "templates" / "pdf"
STYLESHEET = TEMPLATE_DIR / "checklist.css"
UA_STYLESHEET = TEMPLATE_DIR / "ua.css"  # the user-agent styles, for the elements we use
FONT_DIR = PACKAGE_DIR / "fonts"
DATE_TOKEN = "@@DOCUMENT-DATE@@"  # replaced by the document date after the cache key is taken

HTML_LANG = {"nl": "nl-BE", "en": "en"}
PDF_VARIANT = "pdf/ua-1"  # tagged PDF; WeasyPrint combines it with pdf_forms (see README)
AGREEMENT_ROWS = 14
MEMBER_ROWS = 8


class DownloadError(RuntimeError):
    """A download could not be made; the message names the file and the template."""


@dataclass(frozen=True)
class PdfJob:
    name: str  # "nl/task-overview.pdf", for messages
    template: str
    html: str
    target: str  # where to write the PDF


# ---- HTML ------------------------------------------------------------------------------------


def render_html(handbook: Handbook, item: Download, site_url: str) -> str:
    """The checklist's HTML, with ``DATE_TOKEN`` where the document date goes."""
    language = item.language

    t = functools.partial(handbook.label, language)

    base = site_url if site_url.endswith("/") else site_url + "/"
    context: dict[str, object] = {
        "handbook": handbook, "lang": language, "html_lang": HTML_LANG[language], "t": t,
        "item": item, "title": item.title, "date": DATE_TOKEN, "version": handbook.version,
        "url": base + paths.page_url(item.page_path or "index.md", language),
        "font_dir": FONT_DIR.as_uri(),
    }
    if item.kind == "overview":
        context["sections"] = [(group.title[language], group.tasks) for group in handbook.groups]
        context["intro"] = t("downloads.intro.tasks")
    elif item.kind == "group":
        group = handbook.group(item.record_id or "")
        context["sections"] = [(None, group.tasks)]
        context["intro"] = group.summary[language]
    elif item.kind == "role":
        role = handbook.role(item.record_id or "")
        context["sections"] = [(None, handbook.tasks_for_role(role.id))]
        context["intro"] = role.summary[language]
    elif item.kind == "step-plan":
        context["intro"] = t("steps.intro")
    elif item.kind == "self-check":
        context["intro"] = t("downloads.intro.self_check")
        context["scale"] = [t(f"downloads.scale.{n}") for n in range(1, 5)]
    elif item.kind == "team-agreement":
        context["intro"] = t("downloads.intro.agreement")
        context["rows"] = range(1, AGREEMENT_ROWS + 1)
        context["member_rows"] = range(1, MEMBER_ROWS + 1)
    try:
        return _environment().get_template(item.template or "").render(**context)
    except (TemplateError, KeyError, AttributeError) as failure:
        raise DownloadError(
            f"checklist {language}/{item.name}: template handbook/templates/pdf/{item.template} "
            f"failed: {failure}") from failure


@cache
def _environment() -> Environment:
    """One Jinja environment: each template is parsed once per process."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    environment.filters["css_string"] = _css_string
    return environment


def _css_string(value: object) -> str:
    """A value for a CSS string in double quotes (the footer's margin boxes)."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return "".join(ch if ord(ch) < 128 else f"\\{ord(ch):x} " for ch in text)


def assets_fingerprint() -> bytes:
    """Everything besides the HTML that shapes a PDF: stylesheet, fonts, WeasyPrint version.

    The version comes from the installed package's metadata: importing WeasyPrint takes about
    a quarter of a second, which a rebuild with nothing to make should not pay.
    """
    parts = [STYLESHEET.read_bytes(), UA_STYLESHEET.read_bytes(), PDF_VARIANT.encode(),
             version("weasyprint").encode()]
    parts += [font.read_bytes() for font in sorted(FONT_DIR.glob("*.ttf"))]
    return b"\0".join(parts)


# ---- PDF (runs in the worker processes) --------------------------------------------------------

_worker: tuple[object, object, type] | None = None


def init_worker() -> None:
    """Load WeasyPrint, the fonts and the stylesheets once per process."""
    global _worker
    _import_weasyprint()
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    _worker = (font_config, CSS(filename=str(STYLESHEET), font_config=font_config),
               _checklist_html())


def _import_weasyprint() -> None:
    """Import WeasyPrint without letting ctypes search for libraries by running programs.

    WeasyPrint tries each of its C libraries under its Windows and macOS names before the Linux
    soname, and on Linux each miss makes ``ctypes.util.find_library`` run ldconfig, gcc and ld:
    0.15 s of a worker's start. The sonames load directly, so on Linux the misses may fail at
    once; elsewhere the search is what finds the libraries, and stays. The search is switched
    off for the whole process, so only while no other thread could be using it.
    """
    if sys.platform != "linux" or threading.active_count() > 1 \
            or "weasyprint.text.ffi" in sys.modules:
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint.text.ffi  # noqa: F401  (loads the libraries)
    finally:
        ctypes.util.find_library = search


def _checklist_html() -> type:
    """WeasyPrint's HTML with ``ua.css`` as its user-agent stylesheet instead of the one for all
    of HTML (see ua.css). ``_ua_stylesheets`` is WeasyPrint's own hook for this, not public API:
    were it renamed, the override would go unused and the PDFs would come out the same, a
    tenth slower."""
    from weasyprint import CSS, HTML
    from weasyprint.html import UA_COUNTER_STYLE, UA_FORM_STYLESHEET

    user_agent = CSS(filename=str(UA_STYLESHEET), counter_style=UA_COUNTER_STYLE)

    class ChecklistHTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list:
            return [user_agent, UA_FORM_STYLESHEET] if forms else [user_agent]

    return ChecklistHTML


def init_pool_worker() -> None:
    """A worker process of the pool: what :func:`init_worker` does, and a calmer collector.

    Layout makes millions of small objects, most of them alive until the PDF is written, so
    Python's default collector scans them again and again (about a sixth of a worker's time).
    Objects inherited from the build are frozen out of the scans and the young generation is
    collected less often; the worker's memory stays about the same (measured: ~100 MB). Only
    the short-lived pool workers do this, never the MkDocs process.
    """
    gc.freeze()
    gc.set_threshold(50_000, 1_000, 1_000)
    init_worker()


def release_worker() -> None:
    """Drop the fonts and stylesheet (before the interpreter exits, WeasyPrint frees them)."""
    global _worker
    _worker = None


def write_pdf(job: PdfJob) -> int:
    """Write one PDF; return its page count. Errors name the checklist and the template."""
    if _worker is None:
        init_worker()
    font_config, stylesheet, checklist_html = _worker  # type: ignore[misc]
    try:
        # pdf_forms must reach render(): the inputs become form boxes during layout
        options = {"pdf_forms": True, "pdf_variant": PDF_VARIANT}
        document = checklist_html(string=job.html, base_url=str(TEMPLATE_DIR)).render(
            stylesheets=[stylesheet], font_config=font_config, **options)
        write_atomic(Path(job.target), document.write_pdf(**options))
        return len(document.pages)
    except Exception as failure:
        raise DownloadError(
            f"checklist {job.name}: WeasyPrint failed on template "
            f"handbook/templates/pdf/{job.template}: {type(failure).__name__}: {failure}"
        ) from failure
