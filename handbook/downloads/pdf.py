"""Fillable PDF checklists: Jinja templates → HTML → WeasyPrint, called through its public API.

Layout lives in ``handbook/templates/pdf`` (templates and ``checklist.css``); this module only
prepares the data. The HTML is rendered in the build's own process (fast, and its text is part
of each PDF's cache key); :func:`make_pdfs` turns a batch of them into PDFs, in a worker process,
parsing the stylesheet and loading the fonts once per batch.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError

from handbook import language_tag, paths
from handbook.downloads.catalogue import Download
from handbook.downloads.radio_fields import tidy_radio_groups
from handbook.model import Handbook

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = PACKAGE_DIR / "templates" / "pdf"
STYLESHEET = TEMPLATE_DIR / "checklist.css"
FONT_DIR = PACKAGE_DIR / "fonts"
DATE_TOKEN = "@@DOCUMENT-DATE@@"  # replaced by the document date after the cache key is taken

PDF_VARIANT = "pdf/ua-1"  # tagged PDF; WeasyPrint combines it with pdf_forms (see README)
AGREEMENT_ROWS = 14
MEMBER_ROWS = 8


class DownloadError(RuntimeError):
    """A download could not be made; the message names the file and the template."""


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: its HTML with the date filled in, and names for messages."""

    name: str  # "nl/task-overview.pdf"
    template: str  # "task_checklist.html.j2"
    html: str


# ---- HTML ------------------------------------------------------------------------------------


def render_html(handbook: Handbook, item: Download, site_url: str) -> str:
    """The checklist's HTML, with ``DATE_TOKEN`` where the document date goes."""
    language = item.language

    t = functools.partial(handbook.label, language)

    context: dict[str, object] = {
        "handbook": handbook, "lang": language, "html_lang": language_tag(language), "t": t,
        "item": item, "title": item.title, "date": DATE_TOKEN, "version": handbook.version,
        "url": paths.page_address(site_url, item.page_path or "index.md", language),
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
    parts = [STYLESHEET.read_bytes(), PDF_VARIANT.encode(), version("weasyprint").encode()]
    parts += [font.read_bytes() for font in sorted(FONT_DIR.glob("*.ttf"))]
    return b"\0".join(parts)


# ---- PDF (runs in the worker processes) --------------------------------------------------------


def make_pdfs(jobs: Sequence[PdfJob]) -> list[tuple[bytes, int]]:
    """Each job's PDF and page count, in order, made with one set of fonts and stylesheet.

    The fonts and the stylesheet are loaded here and freed before returning, so nothing is kept
    between calls (WeasyPrint deletes its temporary copy of the fonts when they are freed).
    Laying out a checklist makes millions of small objects that live until its PDF is written;
    with Python's default thresholds the cycle collector scans them over and over (a sixth of
    the CPU, measured), so it runs less often while the PDFs are made.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 50, 50)
    try:
        font_config = FontConfiguration()
        stylesheet = CSS(filename=str(STYLESHEET), font_config=font_config)
        made = [_make_pdf(HTML, job, font_config, stylesheet) for job in jobs]
        del font_config, stylesheet
        return made
    finally:
        gc.collect()
        gc.set_threshold(*thresholds)


def _make_pdf(html_class: type, job: PdfJob, font_config: object, stylesheet: object) -> tuple[bytes, int]:
    try:
        # pdf_forms must reach render(): the inputs become form boxes during layout
        options = {"pdf_forms": True, "pdf_variant": PDF_VARIANT}
        document = html_class(string=job.html, base_url=str(TEMPLATE_DIR)).render(
            stylesheets=[stylesheet], font_config=font_config, **options)
        return document.write_pdf(finisher=tidy_radio_groups, **options), len(document.pages)
    except Exception as failure:
        raise DownloadError(
            f"checklist {job.name}: WeasyPrint failed on template "
            f"handbook/templates/pdf/{job.template}: {type(failure).__name__}: {failure}"
        ) from failure
