"""The downloads: PDF checklists, XLSX and CSV in both languages, the cache, the downloads page.

The built site (one strict build per session) is checked for the published files; the cache
is tested on a temporary copy of the content, never on the repository's own files.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.downloads import Generation, catalogue, generate, pdf, spreadsheet
from handbook.downloads.pdf import DownloadError
from handbook.load import load_handbook
from handbook.model import Handbook
from tests.conftest import LANGUAGES, ROOT

pypdf = pytest.importorskip("pypdf")
openpyxl = pytest.importorskip("openpyxl")

SITE_URL = "https://example.org/"
A4 = (595.3, 841.9)  # points
MAX_PDF_BYTES = 150 * 1024


def download_dir(site: Path, language: str) -> Path:
    return site / "downloads" if language == "nl" else site / language / "downloads"


def expected_pdfs(handbook: Handbook) -> list[str]:
    return [item.name for item in catalogue.downloads(handbook, "nl") if item.is_pdf]


def item_titles(handbook: Handbook, item: catalogue.Download) -> list[str]:
    """The titles every checklist must show, in its own language."""
    language = item.language
    if item.kind == "overview":
        return [task.title[language] for task in handbook.tasks]
    if item.kind == "group":
        return [task.title[language] for task in handbook.group(item.record_id).tasks]
    if item.kind == "role":
        return [task.title[language] for task in handbook.tasks_for_role(item.record_id)]
    if item.kind == "step-plan":
        return [action.text[language] for step in handbook.steps for action in step.actions]
    if item.kind == "self-check":
        return [c.title[language] for c in handbook.characteristics]
    return [handbook.labels["downloads.heading.division"][language]]


def squash(text: str) -> str:
    """Extracted text with line breaks and hyphenation differences taken out."""
    return "".join(text.split()).replace("\u00ad", "")


# ---- PDFs in the built site --------------------------------------------------------------------


def pdf_cases(handbook: Handbook) -> list:
    return [pytest.param(language, item, id=f"{language}/{item.name}")
            for language in LANGUAGES for item in catalogue.downloads(handbook, language)
            if item.is_pdf]


@pytest.mark.parametrize(("language", "item"), pdf_cases(load_handbook(ROOT / "content")))
def test_pdf(site: Path, handbook: Handbook, language: str, item: catalogue.Download) -> None:
    path = download_dir(site, language) / item.name
    assert path.is_file(), f"{path} is missing"
    assert path.stat().st_size <= MAX_PDF_BYTES, f"{item.name}: {path.stat().st_size} bytes"
    reader = pypdf.PdfReader(path)
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=1), f"{item.name}: page size {size} is not A4"
    assert reader.metadata.title == item.title
    assert reader.trailer["/Root"]["/Lang"] == ("nl-BE" if language == "nl" else "en")
    assert reader.outline, "bookmarks are missing"

    # Every field has its own name (radio buttons: one field per group)
    names = [annotation.get_object().get("/T") or annotation.get_object()["/Parent"]["/T"]
             for page in reader.pages for annotation in page.get("/Annots", [])
             if annotation.get_object().get("/Subtype") == "/Widget"]
    fields = reader.get_fields()
    assert fields, "no form fields"
    assert {"school", "date", "filled-in-by"} <= set(fields)
    widgets_per_field = {name: names.count(name) for name in set(names)}
    repeated = {name: n for name, n in widgets_per_field.items()
                if n > 1 and not name.startswith("rating-")}
    assert not repeated, f"fields share a name: {repeated}"
    # ... and a spoken name (/TU), which for the item fields names the item
    unlabelled = [name for name, field in fields.items() if not str(field.get("/TU", "")).strip()]
    assert not unlabelled, f"fields without an accessible name: {unlabelled}"
    spoken = " ".join(str(field["/TU"]) for field in fields.values())
    assert "::" not in spoken, "a label's own colon doubled in a field name"
    missing_names = [title for title in item_titles(handbook, item)
                     if item.kind != "team-agreement" and squash(title) not in squash(spoken)]
    assert not missing_names, f"no field is named after: {missing_names}"

    text = squash("".join(page.extract_text() for page in reader.pages))
    missing = [title for title in item_titles(handbook, item) if squash(title) not in text]
    assert not missing, f"{item.name} lacks: {missing}"


def test_dutch_diacritics_extract(site: Path) -> None:
    text = pypdf.PdfReader(site / "downloads" / "task-overview.pdf").pages[0].extract_text()
    assert "coördinatie" in text.lower()


def test_pdf_set_is_complete(site: Path, handbook: Handbook) -> None:
    expected = set(expected_pdfs(handbook))
    assert len(expected) == 1 + len(handbook.groups) + len(handbook.roles) + 3
    for language in LANGUAGES:
        found = {path.name for path in download_dir(site, language).glob("*.pdf")}
        assert found == expected


# ---- Spreadsheets ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_xlsx(site: Path, handbook: Handbook, language: str) -> None:
    workbook = openpyxl.load_workbook(download_dir(site, language) / catalogue.XLSX_FILE)
    labels = handbook.labels
    assert workbook.sheetnames == [labels[f"downloads.xlsx.sheet_{name}"][language]
                                   for name in ("tasks", "team", "roles", "readme")]
    tasks = workbook.worksheets[0]
    assert tasks.max_row == len(handbook.tasks) + 1
    assert [row[1].value for row in tasks.iter_rows(min_row=2)] == [t.id for t in handbook.tasks]
    assert [cell.value for cell in tasks[1]] == [labels[column["header"]][language]
                                                 for column in spreadsheet.LAYOUT["tasks"]["columns"]]
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref
    ranges = {str(v.sqref): v for v in tasks.data_validations.dataValidation}
    people = ranges["I2:I1048576 J2:J1048576"]
    assert people.formula1.startswith("=") and "$A$2" in people.formula1
    # The owner and backup cells say where the names come from, not the Team sheet's own help
    assert people.prompt == labels["downloads.xlsx.pick_help"][language]
    # The statuses and the ways to handle a task are the team page's, in its words (one
    # vocabulary: schema/team-plan.schema.json)
    statuses = ",".join(spreadsheet.status_choices(handbook, language))
    assert ranges["M2:M1048576"].formula1 == f'"{statuses}"'
    assert labels["team.status_done"][language] in ranges["M2:M1048576"].formula1
    modes = ",".join(spreadsheet.mode_choices(handbook, language))
    assert ranges["K2:K1048576"].formula1 == f'"{modes}"'
    assert workbook.worksheets[2].max_row == len(handbook.roles) + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_xlsx_web_pages_are_links_and_pages_print_well(site: Path, handbook: Handbook, language: str) -> None:
    workbook = openpyxl.load_workbook(download_dir(site, language) / catalogue.XLSX_FILE)
    tasks, team, roles = workbook.worksheets[:3]
    url = spreadsheet.column_letter("tasks", "url")
    for row in range(2, tasks.max_row + 1):
        cell = tasks[f"{url}{row}"]
        assert cell.hyperlink is not None and cell.hyperlink.target == cell.value
    assert all(roles.cell(row=row, column=6).hyperlink for row in range(2, roles.max_row + 1))
    for sheet in (tasks, team, roles):
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1", "the header row prints on every page"


# LibreOffice's CSV filter: comma, double quotes, UTF-8, and then the sheet's number
CSV_FILTER = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"


def libreoffice_csv(path: Path, sheet: int, folder: Path) -> list[list[str]]:
    """One sheet of a workbook as LibreOffice computes it (every formula recalculated)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = folder / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
                    "--convert-to", f"csv:{CSV_FILTER},{sheet}",
                    "--outdir", str(folder), str(path)], check=True, capture_output=True, timeout=180)
    (result,) = [p for p in folder.glob("*.csv")]
    return list(csv.reader(io.StringIO(result.read_text(encoding="utf-8"))))


def test_rows_added_at_the_bottom_get_the_lists_and_count(site: Path, handbook: Handbook,
                                                          tmp_path: Path) -> None:
    # The spreadsheet invites schools to add rows: a row added below the last task gets the
    # drop-downs, and its hours count in the Team sheet's totals once the sheet is recalculated
    labels = {key: text["nl"] for key, text in handbook.labels.items()}
    workbook = openpyxl.load_workbook(download_dir(site, "nl") / catalogue.XLSX_FILE)
    tasks, team = workbook.worksheets[:2]
    col = {c["key"]: spreadsheet.column_letter("tasks", c["key"])
           for c in spreadsheet.LAYOUT["tasks"]["columns"]}
    team["A2"], team["C2"], team["A3"] = "Ann", 300, "Bram"
    first_hours = tasks[f"{col['hours']}2"].value
    tasks[f"{col['owner']}2"] = "Ann"
    tasks[f"{col['backup']}3"] = "Ann"
    tasks[f"{col['owner']}4"] = "Ann"  # outsourced: nobody's load, even with a name left in it
    tasks[f"{col['mode']}4"] = labels["team.mode_outsourced"]
    new = tasks.max_row + 1
    tasks[f"{col['task']}{new}"] = "Tablets opladen"
    tasks[f"{col['hours']}{new}"] = 12
    tasks[f"{col['owner']}{new}"] = "Ann"
    tasks[f"{col['backup']}{new}"] = "Bram"
    listed = {kind: [v for v in tasks.data_validations.dataValidation if f"{col[kind]}{new}" in v.sqref]
              for kind in ("owner", "backup", "mode", "status")}
    assert all(len(found) == 1 for found in listed.values()), "the new row has every drop-down"
    path = tmp_path / "filled.xlsx"
    workbook.save(path)
    rows = libreoffice_csv(path, 2, tmp_path)
    owner_total = [c["key"] for c in spreadsheet.LAYOUT["team"]["columns"]].index("ownerHours")
    assert rows[1][0] == "Ann" and float(rows[1][owner_total]) == first_hours + 12
    assert float(rows[1][owner_total + 1]) == tasks[f"{col['hours']}3"].value
    assert rows[2][0] == "Bram" and float(rows[2][owner_total]) == 0 and float(rows[2][owner_total + 1]) == 12
    assert rows[3][owner_total] == "", "an empty row shows no total"


@pytest.mark.parametrize(("language", "separator"), [("nl", ";"), ("en", ",")])
def test_csv(site: Path, handbook: Handbook, language: str, separator: str) -> None:
    data = (download_dir(site, language) / catalogue.CSV_FILE).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 BOM"
    text = data.decode("utf-8-sig")
    assert csv.Sniffer().sniff(text.splitlines()[0]).delimiter == separator
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    assert len(rows) == len(handbook.tasks) + 1
    assert rows[1][2] == handbook.tasks[0].title[language]


# ---- The downloads page and the buttons --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_downloads_page_lists_every_file(pages, handbook: Handbook, language: str) -> None:
    from handbook import paths
    from tests.conftest import url_for

    page = pages.page(url_for(paths.DOWNLOADS, language))
    links = {a["href"] for a in page.select("article a[href]")}
    for item in catalogue.downloads(handbook, language):
        assert f"{item.name}" in {href.split("/")[-1] for href in links}
    assert any(href.endswith("data/handbook.json") for href in links)
    text = page.select_one("article").get_text()
    assert "%%" not in text and "KB" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_download_buttons(pages, handbook: Handbook, language: str) -> None:
    from handbook import paths
    from tests.conftest import url_for

    for record_path in (paths.page_path(handbook.groups[0]), paths.page_path(handbook.roles[0]),
                        paths.STEPS_INDEX, paths.CHARACTERISTICS_INDEX):
        buttons = pages.page(url_for(record_path, language)).select("a.md-button[href$='.pdf']")
        assert len(buttons) == 1, record_path
        target = pages.file_for(url_for(record_path, language)).parent / buttons[0]["href"]
        assert target.resolve().is_file(), buttons[0]["href"]


# ---- The cache ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def test_cache_reuses_and_regenerates_only_what_changed(content_copy: Path,
                                                        tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(content_copy)
    first = generate(handbook, ["nl"], cache, SITE_URL, workers=2)
    assert len(first.written) == len(catalogue.downloads(handbook, "nl"))
    stamps = {path.name: path.stat().st_mtime_ns for path in (cache / "nl").iterdir()}

    second = generate(load_handbook(content_copy), ["nl"], cache, SITE_URL)
    assert second.written == []
    assert {p.name: p.stat().st_mtime_ns for p in (cache / "nl").iterdir()
            if p.name != "manifest.json"} == {k: v for k, v in stamps.items()
                                               if k != "manifest.json"}

    # Edit one task's Dutch title in the copy
    task = handbook.groups[0].tasks[0]
    tasks_yaml = content_copy / "tasks.yaml"
    source = tasks_yaml.read_text(encoding="utf-8")
    assert source.count(f"nl: {task.title.nl}\n") == 1
    tasks_yaml.write_text(source.replace(f"nl: {task.title.nl}\n",
                                         f"nl: {task.title.nl} (gewijzigd)\n"), encoding="utf-8")
    edited = load_handbook(content_copy)
    third = generate(edited, ["nl"], cache, SITE_URL)
    containing = {item.name for item in catalogue.downloads(edited, "nl")
                  if item.kind in ("xlsx", "csv") or (item.is_pdf and any(
                      squash(edited.task(task.id).title.nl) == squash(title)
                      for title in item_titles(edited, item)))}
    assert {name.split("/", 1)[1] for name in third.written} == containing
    assert catalogue.OVERVIEW_FILE in containing and len(containing) < len(first.written)
    text = pypdf.PdfReader(cache / "nl" / catalogue.OVERVIEW_FILE).pages[0].extract_text()
    assert "(gewijzigd)" in text


def test_unchanged_inputs_still_remake_a_missing_file(content_copy: Path, tmp_path: Path) -> None:
    # A second update with nothing changed takes the quick path (no keys taken), but only when
    # every file is still there
    cache = tmp_path / "cache"
    generate(load_handbook(content_copy), ["nl"], cache, SITE_URL, workers=1)
    (cache / "nl" / catalogue.STEP_PLAN_FILE).unlink()
    again = generate(load_handbook(content_copy), ["nl"], cache, SITE_URL, workers=1)
    assert again.written == [f"nl/{catalogue.STEP_PLAN_FILE}"]
    assert generate(load_handbook(content_copy), ["nl"], cache, SITE_URL).written == []
    # Another site address is another input: every file names the address
    other = generate(load_handbook(content_copy), ["nl"], cache, "https://elsewhere.example/")
    assert len(other.written) == len(catalogue.downloads(load_handbook(content_copy), "nl"))


def _fail_in_english(job: pdf.PdfJob) -> int:
    """write_pdf for the failure test: every English checklist fails (runs in the workers)."""
    if job.name.startswith("en/"):
        raise DownloadError(f"checklist {job.name}: WeasyPrint failed on template "
                            f"handbook/templates/pdf/{job.template}: test")
    return _real_write_pdf(job)


_real_write_pdf = pdf.write_pdf


def test_failed_background_pdf_stops_and_leaves_no_manifest(content_copy: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Jobs are submitted as pdf.write_pdf, looked up at submit time: the workers run the patch
    monkeypatch.setattr(pdf, "write_pdf", _fail_in_english)
    cache = tmp_path / "cache"
    handbook = load_handbook(content_copy)
    with Generation(handbook, ["nl", "en"], cache, SITE_URL, workers=2) as generation:
        assert {made.item.name for made in generation.finish("nl")} == {
            item.name for item in catalogue.downloads(handbook, "nl")}
        with pytest.raises(DownloadError, match=r"checklist en/.*\.pdf: WeasyPrint failed on "
                                                 r"template handbook/templates/pdf/.*\.html\.j2"):
            generation.finish("en")
    assert (cache / "nl" / "manifest.json").is_file()
    # Nothing in English counts as made: its manifest lists no file
    english = cache / "en" / "manifest.json"
    assert not english.exists() or json.loads(english.read_text(encoding="utf-8"))["files"] == {}
    assert not list(cache.rglob("*.tmp"))


def test_a_build_that_stops_halfway_leaves_nothing_taken_as_done(content_copy: Path,
                                                                  tmp_path: Path) -> None:
    # Make the set, start a generation for an edited title and abandon it, undo the edit: the
    # next generation must remake the files the abandoned one may have overwritten.
    cache = tmp_path / "cache"
    generate(load_handbook(content_copy), ["nl"], cache, SITE_URL, workers=1)
    tasks = content_copy / "tasks.yaml"
    original = tasks.read_text(encoding="utf-8")
    task = load_handbook(content_copy).tasks[0]
    tasks.write_text(original.replace(task.title.nl, task.title.nl + " (abandoned edit)", 1),
                     encoding="utf-8")
    Generation(load_handbook(content_copy), ["nl"], cache, SITE_URL, workers=1).close()
    tasks.write_text(original, encoding="utf-8")
    again = generate(load_handbook(content_copy), ["nl"], cache, SITE_URL, workers=1)
    assert "nl/task-overview.csv" in again.written
    csv_text = (cache / "nl" / "task-overview.csv").read_text(encoding="utf-8-sig")
    assert "(abandoned edit)" not in csv_text


# A build whose English checklists fail, run in its own process: the failure must stop the
# outermost build (not escape from the i18n plugin's nested English build, which would leave
# MkDocs unable to clean the site folder in the next `make serve` rebuild) and name the file
_FAILING_BUILD = """
import sys
import mkdocs.utils
from handbook.downloads import pdf
real, clean = pdf.write_pdf, mkdocs.utils.clean_directory

def write_pdf(job):
    if job.name.startswith("en/"):
        raise pdf.DownloadError(f"checklist {job.name}: WeasyPrint failed on template "
                                f"handbook/templates/pdf/{job.template}: test")
    return real(job)

pdf.write_pdf = write_pdf  # the workers are forked from this process: they run it too
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "-d", sys.argv[1]])
except SystemExit as exit:
    print("exit", exit.code)
print("clean_directory restored:", mkdocs.utils.clean_directory is clean)
"""


def test_a_failed_checklist_stops_the_build_and_names_it(project_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _FAILING_BUILD, str(tmp_path / "out")],
                            cwd=project_copy, capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert "exit 1" in result.stdout, result.stderr
    assert "clean_directory restored: True" in result.stdout
    assert re.search(r"checklist en/\S+\.pdf: WeasyPrint failed on template "
                     r"handbook/templates/pdf/\S+\.html\.j2", result.stderr), result.stderr


def test_checklists_use_only_elements_their_user_agent_stylesheet_styles(handbook: Handbook) -> None:
    # ua.css holds WeasyPrint's default styles only for the elements the templates use
    declared = re.search(r"Elements: ([a-z0-9 \n*]+)\*/", pdf.UA_STYLESHEET.read_text(encoding="utf-8"))
    assert declared, "ua.css names its elements in an 'Elements:' line"
    known = set(declared[1].replace("*", " ").split())
    for language in LANGUAGES:
        for item in catalogue.downloads(handbook, language):
            if item.is_pdf:
                used = set(re.findall(r"<([a-z][a-z0-9]*)", pdf.render_html(handbook, item, SITE_URL)))
                assert used <= known, (f"{item.template} uses {sorted(used - known)}: add their "
                                       f"rules from WeasyPrint's html5_ua.css to ua.css")


def test_user_agent_stylesheet_changes_nothing_on_the_page(handbook: Handbook, tmp_path: Path) -> None:
    # ua.css stands in for WeasyPrint's own user-agent stylesheet. Each kind of checklist must
    # come out the same with both, page for page (after a WeasyPrint upgrade too: its own
    # stylesheet may change), with the same fields and text
    from PIL import Image, ImageChops
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    stylesheet = CSS(filename=str(pdf.STYLESHEET), font_config=font_config)
    options = {"pdf_forms": True, "pdf_variant": pdf.PDF_VARIANT}
    first_of_kind = {item.kind: item for item in reversed(catalogue.downloads(handbook, "nl"))
                     if item.is_pdf}
    for kind, item in first_of_kind.items():
        html = pdf.render_html(handbook, item, SITE_URL).replace(pdf.DATE_TOKEN, "2026-01-01")
        ours, reference = tmp_path / f"{kind}-ours.pdf", tmp_path / f"{kind}-weasyprint.pdf"
        pdf.write_pdf(pdf.PdfJob(item.name, item.template or "", html, str(ours)))
        HTML(string=html, base_url=str(pdf.TEMPLATE_DIR)).render(
            stylesheets=[stylesheet], font_config=font_config, **options).write_pdf(reference, **options)
        for path in (ours, reference):
            subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(path.with_suffix(""))],
                           check=True)
        pages = sorted(tmp_path.glob(f"{kind}-ours-*.png"))
        assert len(pages) == len(list(tmp_path.glob(f"{kind}-weasyprint-*.png"))), kind
        for page in pages:
            expected = Image.open(str(page).replace("-ours-", "-weasyprint-")).convert("RGB")
            changed = ImageChops.difference(Image.open(page).convert("RGB"), expected).getbbox()
            assert changed is None, f"{kind}: {page.name} differs from WeasyPrint's own styles in {changed}"
        ours_pdf, reference_pdf = pypdf.PdfReader(ours), pypdf.PdfReader(reference)
        assert {name: str(field.get("/TU")) for name, field in ours_pdf.get_fields().items()} == \
            {name: str(field.get("/TU")) for name, field in reference_pdf.get_fields().items()}
        assert [p.extract_text() for p in ours_pdf.pages] == [p.extract_text() for p in reference_pdf.pages]
    # Free the fonts now (ours too, loaded by write_pdf): WeasyPrint cannot at interpreter exit
    del stylesheet, font_config
    pdf.release_worker()
    gc.collect()
