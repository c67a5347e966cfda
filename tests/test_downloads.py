"""The downloads: PDF checklists, XLSX and CSV in both languages, the cache, the downloads page.

The built site (one strict build per session) is checked for the published files; the step that
makes them and its cache are tested on a temporary cache folder, never on the repository's own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
import pytest

from handbook import paths
from handbook.downloads import catalogue, pdf, spreadsheet
from handbook.downloads.cache import Cache
from handbook.downloads.make import copy_into, make_downloads
from handbook.downloads.pdf import DownloadError
from handbook.load import load_handbook
from handbook.model import Handbook
from tests.conftest import LANGUAGES, ROOT, require_tool, url_for

SITE_URL = "https://example.org/"
A4 = (595.3, 841.9)  # points
MAX_PDF_BYTES = 150 * 1024


def download_dir(site: Path, language: str) -> Path:
    return site / "downloads" if language == "nl" else site / language / "downloads"


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


@pytest.mark.pdf
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_names_its_files_in_its_words_and_old_links_keep_working(
        site: Path, pages, handbook: Handbook, language: str) -> None:
    folder = download_dir(site, language)
    expected = {"nl": {"takenoverzicht.pdf", "stappenplan.pdf", "zelfevaluatie-sterk-ict-team.pdf",
                       "teamafspraken.pdf", "takenoverzicht.xlsx", "takenoverzicht.csv",
                       "taken-technisch.pdf", "rol-network-administrator.pdf"},
                "en": {"task-overview.pdf", "step-plan.pdf", "strong-team-self-check.pdf",
                       "team-agreement.pdf", "task-overview.xlsx", "task-overview.csv",
                       "tasks-technical.pdf", "role-network-administrator.pdf"}}[language]
    assert expected <= {path.name for path in folder.iterdir()}
    # The downloads page links to the names of its language only
    page = pages.page(url_for(paths.DOWNLOADS, language))
    links = {link["href"].rsplit("/", 1)[-1] for link in page.select("article a[href]")
             if link["href"].endswith((".pdf", ".xlsx", ".csv"))}
    assert links == {item.name for item in catalogue.downloads(handbook, language)}
    # A link to a Dutch file under its old, English name still gets the same file
    for item in catalogue.downloads(handbook, language):
        old = catalogue.former_name(item)
        if language == "en":
            assert old is None
        else:
            assert old is not None and old != item.name
            assert (folder / old).read_bytes() == (folder / item.name).read_bytes(), old


@pytest.mark.pdf
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_task_checklist_ends_on_a_page_without_a_task(site: Path, handbook: Handbook,
                                                          language: str) -> None:
    # A last page with only a note and the footer is a sheet of paper for nothing
    for item in catalogue.downloads(handbook, language):
        if item.template != "task_checklist.html.j2":
            continue
        reader = pypdf.PdfReader(download_dir(site, language) / item.name)
        last = squash(reader.pages[-1].extract_text())
        assert any(squash(title) in last for title in item_titles(handbook, item)), item.name


@pytest.mark.pdf
def test_dutch_diacritics_extract(site: Path) -> None:
    text = pypdf.PdfReader(site / "downloads" / catalogue.file_name("overview", "nl")).pages[0].extract_text()
    assert "coördinatie" in text.lower()


@pytest.mark.pdf
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_group_and_role_page_offers_its_own_checklist(pages, handbook: Handbook,
                                                             language: str) -> None:
    # What a reader finds: one "Download PDF" button on the page, leading to a checklist titled
    # after that group or role
    for record in (*handbook.groups, *handbook.roles):
        url = url_for(paths.page_path(record), language)
        buttons = pages.page(url).select("a.md-button[href$='.pdf']")
        assert len(buttons) == 1, url
        target = (pages.file_for(url).parent / buttons[0]["href"]).resolve()
        title = pypdf.PdfReader(target).metadata.title
        assert record.title[language] in title, f"{url}: the button leads to '{title}'"


def site_pdfs(site: Path) -> list[Path]:
    return sorted(path for language in LANGUAGES for path in download_dir(site, language).glob("*.pdf"))


@pytest.mark.pdf
def test_qpdf_finds_no_error_or_warning_in_any_pdf_or_its_form(site: Path) -> None:
    qpdf = require_tool("qpdf", "qpdf")
    for path in site_pdfs(site):
        check = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True,
                               check=False)
        assert check.returncode == 0, f"{path.relative_to(site)}: {check.stdout}{check.stderr}"
        assert "WARNING" not in check.stdout + check.stderr, f"{path.relative_to(site)}: {check.stderr}"
        # The form as qpdf reads it (radio groups made by WeasyPrint 70 looped here)
        form = subprocess.run([qpdf, "--json", "--json-key=acroform", str(path)],
                              capture_output=True, text=True, check=False)
        assert form.returncode == 0 and form.stderr == "", f"{path.relative_to(site)}: {form.stderr}"
        for field in json.loads(form.stdout)["acroform"]["fields"]:
            assert "." not in field["fullname"], f"{path.relative_to(site)}: {field['fullname']}"


@pytest.mark.pdf
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_filled_in_self_check_reads_back_the_ratings_as_labelled(
        site: Path, handbook: Handbook, language: str, tmp_path: Path) -> None:
    # A school ticks a level per characteristic, saves, and reads the form back: each rating is
    # the number printed beside the ticked circle (1 to 4), whatever tool wrote it
    path = download_dir(site, language) / catalogue.file_name("self-check", language)
    writer = pypdf.PdfWriter(clone_from=path)
    chosen = {f"rating-{c.id}": str(1 + index % 4) for index, c in enumerate(handbook.characteristics)}
    for page in writer.pages:
        writer.update_page_form_field_values(page, {name: f"/{value}" for name, value in chosen.items()},
                                             auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    fields = pypdf.PdfReader(filled).get_fields()
    assert {name: str(fields[name]["/V"]) for name in chosen} == {n: f"/{v}" for n, v in chosen.items()}
    for name in chosen:  # the states a reader offers are the printed levels
        assert fields[name]["/_States_"] == ["/1", "/2", "/3", "/4"]
    # Each ticked button shows its own appearance: the one whose state is the chosen value
    reader = pypdf.PdfReader(filled)
    ticked = {}
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            parent = widget.get("/Parent")
            if parent is not None and str(parent.get_object()["/T"]).startswith("rating-") \
                    and widget["/AS"] != "/Off":
                ticked[str(parent.get_object()["/T"])] = str(widget["/AS"])
    assert ticked == {n: f"/{v}" for n, v in chosen.items()}


@pytest.mark.pdf
def test_every_page_of_every_pdf_renders_with_ink(site: Path, tmp_path: Path) -> None:
    # What a viewer shows: poppler draws every page, and none comes out blank
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    for number, path in enumerate(site_pdfs(site)):
        prefix = tmp_path / str(number)
        drawn = subprocess.run([pdftoppm, "-r", "20", "-gray", str(path), str(prefix)],
                               capture_output=True, text=True, check=False)
        assert drawn.returncode == 0 and not drawn.stderr, f"{path.name}: {drawn.stderr}"
        images = sorted(tmp_path.glob(f"{number}-*.pgm"))
        assert len(images) == len(pypdf.PdfReader(path).pages), path.name
        for image in images:
            pixels = image.read_bytes().split(b"\n", 3)[3]  # P5, width height, 255, pixels
            assert min(pixels) < 230, f"{path.name}: {image.name} is blank"


# ---- Spreadsheets ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_xlsx(site: Path, handbook: Handbook, language: str) -> None:
    workbook = openpyxl.load_workbook(download_dir(site, language) / catalogue.file_name("xlsx", language))
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
    workbook = openpyxl.load_workbook(download_dir(site, language) / catalogue.file_name("xlsx", language))
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
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
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
    workbook = openpyxl.load_workbook(download_dir(site, "nl") / catalogue.file_name("xlsx", "nl"))
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
    data = (download_dir(site, language) / catalogue.file_name("csv", language)).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 BOM"
    text = data.decode("utf-8-sig")
    assert csv.Sniffer().sniff(text.splitlines()[0]).delimiter == separator
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    assert len(rows) == len(handbook.tasks) + 1
    assert rows[1][2] == handbook.tasks[0].title[language]


# ---- The downloads page and the buttons --------------------------------------------------------


@pytest.mark.pdf
@pytest.mark.parametrize("language", LANGUAGES)
def test_downloads_page_lists_every_file_with_its_real_size_and_pages(
        pages, site: Path, handbook: Handbook, language: str) -> None:
    url = url_for(paths.DOWNLOADS, language)
    labels = handbook.labels
    listed = {}
    for row in pages.page(url).select("article table tbody tr"):
        link, _description, details = row.select("td")
        href = link.select_one("a")["href"]
        listed[(pages.file_for(url).parent / href).resolve()] = details.get_text()
    json_file = (site / "data" / "handbook.json").resolve()
    assert listed.pop(json_file) == "JSON"
    # The folder holds exactly the files the page lists (the page itself lives there too, and
    # copies under former names that are not listed)
    folder = download_dir(site, language)
    former = {catalogue.former_name(item) for item in catalogue.downloads(handbook, language)}
    assert set(listed) == {path.resolve() for path in folder.iterdir()
                           if path.name != "index.html" and path.name not in former}
    for path, details in listed.items():
        size, _, count = details.partition(" · ")
        assert size == f"{-(-path.stat().st_size // 1024)} KB", path.name
        if path.suffix == ".pdf":
            pages_count = len(pypdf.PdfReader(path).pages)
            expected = (labels["downloads.one_page"][language] if pages_count == 1 else
                        labels["downloads.pages"][language].format(count=pages_count))
        elif path.suffix == ".xlsx":
            sheets = len(openpyxl.load_workbook(path, read_only=True).sheetnames)
            expected = labels["downloads.sheets"][language].format(count=sheets)
        else:
            rows = len(path.read_text(encoding="utf-8-sig").splitlines()) - 1
            expected = labels["downloads.rows"][language].format(count=rows)
        assert count == expected, path.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_download_buttons(pages, handbook: Handbook, language: str) -> None:
    for record_path in (paths.page_path(handbook.groups[0]), paths.page_path(handbook.roles[0]),
                        paths.STEPS_INDEX, paths.CHARACTERISTICS_INDEX):
        buttons = pages.page(url_for(record_path, language)).select("a.md-button[href$='.pdf']")
        assert len(buttons) == 1, record_path
        target = pages.file_for(url_for(record_path, language)).parent / buttons[0]["href"]
        assert target.resolve().is_file(), buttons[0]["href"]


# ---- The step that makes them, and its cache ---------------------------------------------------


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small content set of the error tests (four tasks, few roles): every kind of download,
    made in a fraction of the time the real content takes."""
    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", folder)
    shutil.copy(ROOT / "content" / "ui.yaml", folder / "ui.yaml")
    return folder


def make(content: Path, cache: Path, site_url: str = SITE_URL, **options: object) -> list[str]:
    """Run the step for Dutch; return the files it made ("nl/task-overview.pdf", …)."""
    made: list[str] = []
    make_downloads(load_handbook(content), cache, site_url, languages=["nl"],
                   report=lambda line: made.append(line.removeprefix("made ")), **options)
    return made


def edit_title(content: Path, task_id: str, new_title: str) -> None:
    tasks_yaml = content / "tasks.yaml"
    task = load_handbook(content).task(task_id)
    text = tasks_yaml.read_text(encoding="utf-8")
    assert text.count(f"nl: {task.title.nl}\n") == 1
    tasks_yaml.write_text(text.replace(f"nl: {task.title.nl}\n", f"nl: {new_title}\n"),
                          encoding="utf-8")


@pytest.mark.pdf
def test_a_second_run_reuses_everything_and_an_edit_remakes_only_what_shows_it(
        content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(content_copy)
    everything = {f"nl/{item.name}" for item in catalogue.downloads(handbook, "nl")}
    assert set(make(content_copy, cache, workers=2)) == everything
    assert make(content_copy, cache) == []

    task = handbook.groups[0].tasks[0]
    original = (content_copy / "tasks.yaml").read_text(encoding="utf-8")
    try:
        edit_title(content_copy, task.id, f"{task.title.nl} (gewijzigd)")
        edited = load_handbook(content_copy)
        showing = {f"nl/{item.name}" for item in catalogue.downloads(edited, "nl")
                   if item.kind in ("xlsx", "csv") or (item.is_pdf and any(
                       squash(edited.task(task.id).title.nl) == squash(title)
                       for title in item_titles(edited, item)))}
        overview, group = catalogue.file_name("overview", "nl"), catalogue.group_file(task.group_id, "nl")
        assert {f"nl/{overview}", f"nl/{group}"} <= showing
        assert set(make(content_copy, cache)) == showing
        files = make_downloads(edited, cache, SITE_URL, languages=["nl"])["nl"]
        overview = next(made for made in files if made.item.name == catalogue.file_name("overview", "nl"))
        assert "(gewijzigd)" in pypdf.PdfReader(overview.path).pages[0].extract_text()
        # Undoing the edit brings back the files made before it, from the cache
        (content_copy / "tasks.yaml").write_text(original, encoding="utf-8")
        assert make(content_copy, cache) == []
    finally:
        (content_copy / "tasks.yaml").write_text(original, encoding="utf-8")


@pytest.mark.pdf
def test_a_missing_file_or_another_site_address_is_made_again(content_copy: Path,
                                                              tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    files = make_downloads(load_handbook(content_copy), cache, SITE_URL, languages=["nl"])["nl"]
    step_plan = next(made for made in files if made.item.name == catalogue.file_name("step-plan", "nl"))
    shutil.rmtree(step_plan.path.parent)
    assert make(content_copy, cache, workers=1) == [f"nl/{catalogue.file_name('step-plan', 'nl')}"]
    # Every file names the site's address
    assert len(make(content_copy, cache, "https://elsewhere.example/")) == len(files)


def test_a_half_stored_entry_is_never_taken_for_a_finished_one(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = "ab" * 32
    # What a build stopped while storing leaves behind: a temporary folder with half a file
    half = tmp_path / f".{key}.0123456789ab.tmp"
    half.mkdir()
    (half / "step-plan.pdf").write_bytes(b"%PDF-1.7 half")
    assert cache.get(key, "step-plan.pdf") is None
    entry = cache.put(key, "step-plan.pdf", b"%PDF-1.7 whole", {"pages": 1})
    assert cache.get(key, "step-plan.pdf") == entry
    assert entry.path.read_bytes() == b"%PDF-1.7 whole"
    # Stored again by a second build at the same time: the same inputs, so the same file
    assert cache.put(key, "step-plan.pdf", b"%PDF-1.7 whole", {"pages": 1}) == entry
    assert [path.name for path in tmp_path.iterdir() if path.name != half.name] == [key]


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    keys = [f"{number:064x}" for number in range(5)]
    for number, key in enumerate(keys):
        cache.put(key, "a.csv", b"a", {"rows": 1})
        os.utime(tmp_path / key, (1_000_000 + number, 1_000_000 + number))
    assert cache.get(keys[0], "a.csv") is not None  # used now: the most recent
    assert cache.prune(keep=3) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([keys[0], keys[3], keys[4]])


def test_copy_into_touches_only_what_changed(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    item = next(item for item in catalogue.downloads(load_handbook(ROOT / "content"), "nl")
                if item.kind == "csv")
    from handbook.downloads.make import Made

    def made(data: bytes) -> Made:
        entry = cache.put(data.hex().ljust(64, "0"), item.name, data, {"rows": 0})
        return Made(item, entry.path, len(data))

    folder = tmp_path / "docs" / "nl" / "downloads"
    both = [item.name, catalogue.former_name(item)]  # takenoverzicht.csv and its old name
    assert copy_into(folder, [made(b"one")]) == both
    (folder / "removed-file.pdf").write_bytes(b"old")
    stamp = (folder / item.name).stat().st_mtime_ns
    assert copy_into(folder, [made(b"one")]) == ["removed-file.pdf"]
    assert (folder / item.name).stat().st_mtime_ns == stamp
    assert copy_into(folder, [made(b"two")]) == both
    assert (folder / item.name).read_bytes() == (folder / both[1]).read_bytes() == b"two"


def _fail_in_the_workers(jobs: list[pdf.PdfJob]) -> list[tuple[bytes, int]]:
    """make_pdfs for the failure test, run by the workers (they import it from this module): the
    batch with the team agreement fails."""
    for job in jobs:
        if job.name.endswith(f"/{catalogue.file_name('team-agreement', 'nl')}"):
            raise DownloadError(f"checklist {job.name}: WeasyPrint failed on template "
                                f"handbook/templates/pdf/{job.template}: test")
    return _real_make_pdfs(jobs)


_real_make_pdfs = pdf.make_pdfs


@pytest.mark.pdf
def test_a_failed_pdf_is_named_and_the_other_workers_files_are_kept(
        content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handbook = load_handbook(content_copy)
    failing = next(item for item in catalogue.downloads(handbook, "nl") if item.kind == "team-agreement")
    # The pool is handed pdf.make_pdfs as it is when the jobs are submitted: the patch
    monkeypatch.setattr(pdf, "make_pdfs", _fail_in_the_workers)
    cache = tmp_path / "cache"
    with pytest.raises(DownloadError) as failure:
        make(content_copy, cache, workers=2)
    assert str(failure.value) == (f"checklist nl/{failing.name}: WeasyPrint failed on template "
                                  f"handbook/templates/pdf/{failing.template}: test")
    monkeypatch.undo()
    # The other worker's files are in the cache, whole; the next run makes only the rest
    again = make(content_copy, cache, workers=2)
    assert f"nl/{failing.name}" in again
    assert len(again) < len(catalogue.downloads(handbook, "nl"))
    assert not list(cache.glob(".*.tmp"))


def _die_in_the_workers(jobs: list[pdf.PdfJob]) -> list[tuple[bytes, int]]:
    """make_pdfs for the next test: the worker process ends at once, as when it is killed."""
    os._exit(1)


def test_a_worker_that_dies_is_reported_with_its_files(content_copy: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "make_pdfs", _die_in_the_workers)
    with pytest.raises(DownloadError) as failure:
        make(content_copy, tmp_path / "cache", workers=2)
    message = str(failure.value)
    assert message.startswith("the worker process making nl/"), message
    assert message.endswith(" failed: BrokenProcessPool: A process in the process pool was "
                            "terminated abruptly while the future was running or pending."), message


@pytest.mark.pdf
def test_the_command_makes_every_file_and_a_run_killed_halfway_leaves_nothing_broken(
        content_copy: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "handbook", "downloads", "--content", str(content_copy),
               "--site-url", SITE_URL, "--cache", str(tmp_path / "cache"), "--out", str(tmp_path / "site")]
    # Killed (as by a closed terminal) once the first files are made
    run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True,
                           start_new_session=True)
    assert run.stdout is not None
    for _ in range(3):
        assert run.stdout.readline().startswith("made "), "the command should report each file"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    handbook = load_handbook(content_copy)
    summary = []
    for language, folder in (("nl", tmp_path / "site" / "downloads"),
                             ("en", tmp_path / "site" / "en" / "downloads")):
        items = catalogue.downloads(handbook, language)
        expected = sorted(item.name for item in items)
        copies = sorted(filter(None, (catalogue.former_name(item) for item in items)))
        assert sorted(path.name for path in folder.iterdir()) == sorted(expected + copies)
        for path in folder.glob("*.pdf"):
            assert len(pypdf.PdfReader(path).pages) >= 1, path
        summary.append(f"{language}: {len(expected)} files in {folder}")
    assert result.stdout.splitlines()[-2:] == summary


def test_the_command_needs_the_site_address(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "handbook", "downloads", "--cache",
                             str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=False,
                            env={key: value for key, value in os.environ.items()
                                 if key != "HANDBOOK_SITE_URL"})
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "python -m handbook: error: downloads: give the site's address with --site-url (or set "
        "HANDBOOK_SITE_URL), for example --site-url https://example.org/")
    assert not list(tmp_path.iterdir())


def test_a_broken_checklist_template_stops_the_build_and_names_it(project_copy: Path,
                                                                  tmp_path: Path) -> None:
    template = project_copy / "handbook" / "templates" / "pdf" / "step_plan.html.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block body %}", "{% block body %}{{ no_such_value }}", 1), encoding="utf-8")
    site_dir = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                             str(site_dir)], cwd=project_copy, capture_output=True, text=True,
                            check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1
    assert ("checklist nl/stappenplan.pdf: template handbook/templates/pdf/step_plan.html.j2 "
            "failed: 'no_such_value' is undefined") in result.stderr, result.stderr
    assert not site_dir.exists(), "the build wrote a site despite the failed download"
