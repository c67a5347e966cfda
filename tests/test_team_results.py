"""Promise: the plan leaves the planner in a form a school leader simply opens, and comes back
without losing anything.

Checked in a real Chromium, in both languages: the team overview and "my tasks" on paper
(printed as PDF by Chromium); the plan as an XLSX in the layout of the downloadable task
overview, which Excel's reader (openpyxl) and LibreOffice open with the right totals; that file,
or the download filled in by hand, imported again through the same preview as a JSON file; a
hand-filled spreadsheet with errors refused with every problem named by sheet, row and column,
and nothing changed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pypdf
import pytest

from handbook.downloads import catalogue, spreadsheet
from handbook.team_data import team_labels
from handbook.team_format import hours_percent, plan_format, scaled_hours
from tests.conftest import require_tool
from tests.team_browser import (
    LANGUAGES,
    a_plan,
    clean,
    open_team,
    plan_document,
    raw_saved,
    saved_plan,
    seed,
    started_from_starter,
    task_row,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def labels(handbook):
    return {language: team_labels(handbook, language) for language in LANGUAGES}


def full_plan(handbook) -> dict:
    """A plan with every kind of decision: owners and backups, statuses, notes, own hours, an
    outsourced and a not applicable task, an own task, a school size, members with roles."""
    t = [task.id for task in handbook.tasks]
    members = [
        {"id": "m-ann", "name": "Ann Peeters", "hours": 300,
         "roles": ["ict-coordinator", "pedagogical-ict-coordinator"]},
        {"id": "m-jan", "name": "Jan", "hours": 120, "roles": ["technician"]},
        {"id": "m-lot", "name": "Lotte \"Lo\" De Smet", "hours": 80, "roles": []},
    ]
    assignments = {
        t[0]: {"owner": "m-jan", "backup": "m-ann", "status": "doing",
               "notes": "Laptops in de zomer; =niet een formule"},
        t[1]: {"mode": "outsourced", "partner": "Scholengroep Noord", "status": "review"},
        t[2]: {"mode": "na", "notes": "Geen borden meer"},
        t[3]: {"owner": "m-ann", "hours": 7},
        t[4]: {"owner": "m-lot", "backup": "m-jan", "status": "done", "hours": 0},
        t[5]: {"backup": "m-lot"},
        "own-robot1": {"owner": "m-ann", "status": "doing"},
    }
    own = [{"id": "own-robot1", "group": "pedagogical", "title": "Robotica-club op woensdag", "hours": 30}]
    return a_plan(handbook, name="Atheneum Noord", members=members, assignments=assignments, customTasks=own,
                  school={"pupils": 900, "sites": 2})


def comparable(plan: dict) -> dict:
    """What a plan decided, with members named instead of numbered (import gives new ids)."""
    names = {m["id"]: m["name"] for m in plan["members"]}
    return {
        "name": plan["name"], "school": plan.get("school"), "customTasks": plan["customTasks"],
        "members": [{k: m[k] for k in ("name", "hours", "roles")} for m in plan["members"]],
        "assignments": {task: {k: names.get(v, v) if k in ("owner", "backup") else v for k, v in a.items()}
                        for task, a in plan["assignments"].items()},
    }


def export_xlsx(page, path: Path) -> Path:
    with page.expect_download() as info:
        page.click('[data-action="export-xlsx"]')
    shutil.copy(info.value.path(), path)
    return path


def import_xlsx(page, path: Path) -> None:
    """Pick the file, and wait until the page has read it: its preview, or why not."""
    page.set_input_files("#team-import-file",
                         files=[{"name": path.name, "mimeType": XLSX, "buffer": path.read_bytes()}])
    page.wait_for_selector('#team-import-preview:not([hidden]), [data-alert="import"]')


# LibreOffice's CSV filter: comma, double quotes, UTF-8, and then the sheet's number
CSV_FILTER = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"


def libreoffice(path: Path, folder: Path, target: str) -> Path:
    """Open a file in LibreOffice and save it again (every formula computed): 'xlsx' or the CSV
    of one sheet ('csv:<sheet number>')."""
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    out = folder / f"lo-{target.replace(':', '-')}"
    out.mkdir()
    kind, _, sheet = target.partition(":")
    convert = kind if not sheet else f"csv:{CSV_FILTER},{sheet}"
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--calc",
                    "--convert-to", convert, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    (result,) = list(out.iterdir())
    return result


# ---- On paper ---------------------------------------------------------------------------------


def print_to_pdf(page, action: str, member: str | None = None) -> list[str]:
    page.evaluate("window.print = () => {}")
    selector = f'[data-member="{member}"] [data-action="{action}"]' if member else f'[data-action="{action}"]'
    page.click(selector)
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.emulate_media(media="screen")
    # NFKC undoes the typeface's ligatures ("ﬀ" in "staff")
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in pdf.pages]


def test_the_team_overview_on_paper(page, server, handbook, labels, language) -> None:
    template = handbook.team_templates[1]
    open_team(page, server, language)
    page.locator("#team-starter").select_option(template.id)
    page.click('[data-action="starter-start"]')
    started_from_starter(page)
    plan = saved_plan(page)
    pages = print_to_pdf(page, "print-team")
    text = " ".join(" ".join(p.split()) for p in pages)
    L = labels[language]
    assert len(pages) <= 7, f"{len(pages)} A4 pages for {len(plan['members'])} members"
    assert L["print_team_title"].format(plan=plan["name"]) in text
    for heading in ("print_members", "print_open", "overview_outside", "overview_coverage"):
        assert L[heading] in text
    # Every member with available hours, hours as owner and as backup apart
    for member in template.members:
        assert member.name[language] in pages[0] or member.name[language] in pages[1]
    assert L["print_col_owner"] in pages[0] and L["print_col_backup"] in pages[0]
    # What goes outside, to whom
    for where in ("school-group", "external-partner"):
        count = len(template.outside_tasks(where))
        assert f"{L[f'partner_{where}']}:" in text and str(count) in text
    assert page.locator("#team-print").is_hidden(), "on screen, only the planner"
    clean(page)


def test_my_tasks_on_paper(page, server, handbook, labels, language) -> None:
    plan = full_plan(handbook)
    plan["members"][1]["hours"] = 10  # Jan has too much now
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    L = labels[language]
    text = " ".join(" ".join(p.split()) for p in print_to_pdf(page, "print-member", "m-jan"))
    first = handbook.tasks[0]
    percent = hours_percent(900, 2)
    # Jan owns the first task (backed up by Ann) and backs up Lotte's task
    assert first.title[language] in text and first.summary[language][:40] in text, "a one-line description"
    assert L["print_owns"] in text and L["print_backs_up"] in text
    owned = scaled_hours(first.hours, percent)
    assert L["print_total"].format(hours=owned, available=10) in text, "the total is the sum of the rows"
    assert L["print_over"].format(hours=owned - 10) in text
    assert L["print_total_backup"].format(hours=0) in text, "Lotte's task has 0 hours of its own"
    assert "Ann Peeters" in text and "Lotte" in text, "who backs Jan up, and whose task he backs up"
    clean(page)


# ---- The spreadsheet: out and back --------------------------------------------------------------


def test_an_xlsx_round_trip_loses_nothing(page, server, handbook, labels, language, tmp_path) -> None:
    plan = full_plan(handbook)
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    path = export_xlsx(page, tmp_path / "plan.xlsx")
    # Excel's reader opens it: the download's sheets and headers, the plan's values
    book = openpyxl.load_workbook(path)
    names = [handbook.labels[spreadsheet.LAYOUT[key]["name"]][language]
             for key in ("tasks", "team", "readme")]
    assert book.sheetnames == names
    tasks, team = book.worksheets[:2]
    headers = [handbook.labels[c["header"]][language] for c in spreadsheet.LAYOUT["tasks"]["columns"]]
    assert [c.value for c in tasks[1]] == headers
    assert tasks.print_title_rows == "$1:$1" and tasks.page_setup.orientation == "landscape"
    first = [c.value for c in tasks[2]]
    assert first[1] == handbook.tasks[0].id and first[8] == "Jan" and first[9] == "Ann Peeters"
    assert tasks["O2"].hyperlink.target.endswith(f"/tasks/{handbook.tasks[0].id}/")
    # The Team sheet's totals are the download's formulas
    language_formula = spreadsheet.hours_formula(handbook, language, 2, "owner")
    assert team["D2"].value == language_formula
    # Start over, and import the file: the preview, then replace
    page.evaluate("key => localStorage.clear()")
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    import_xlsx(page, path)
    preview = page.locator("#team-import-preview")
    assert preview.is_visible()
    page.click('[data-action="import-replace"]')
    assert comparable(saved_plan(page)) == comparable(plan)
    clean(page)


def test_an_exported_xlsx_saved_by_libreoffice_imports_the_same(page, server, handbook, language,
                                                                tmp_path) -> None:
    plan = full_plan(handbook)
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    path = export_xlsx(page, tmp_path / "plan.xlsx")
    # LibreOffice computes the Team sheet's totals as the planner does
    rows = list(csv.reader(io.StringIO(libreoffice(path, tmp_path, "csv:2").read_text(encoding="utf-8"))))
    percent = hours_percent(900, 2)
    jan = next(row for row in rows if row[0] == "Jan")
    assert float(jan[3]) == scaled_hours(handbook.tasks[0].hours, percent)
    assert float(jan[4]) == 0 + 0  # Jan backs up Lotte's task, which has 0 hours
    resaved = libreoffice(path, tmp_path, "xlsx")  # shared strings, LibreOffice's own XML
    page.evaluate("key => localStorage.clear()")
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")
    import_xlsx(page, resaved)
    page.click('[data-action="import-replace"]')
    assert comparable(saved_plan(page)) == comparable(plan)
    clean(page)


def fill_in(site: Path, handbook, language: str, path: Path, *, bad: bool = False) -> Path:
    """The downloadable task overview, filled in by hand (openpyxl writes it as Excel would)."""
    folder = site / "downloads" if language == "nl" else site / language / "downloads"
    book = openpyxl.load_workbook(folder / catalogue.file_name("xlsx", language))
    tasks, team, _roles, readme = book.worksheets
    words = {key: text[language] for key, text in handbook.labels.items()}
    col = {c["key"]: spreadsheet.column_letter("tasks", c["key"])
           for c in spreadsheet.LAYOUT["tasks"]["columns"]}
    role = lambda role_id: handbook.role(role_id).title[language]  # noqa: E731
    team["A2"], team["B2"], team["C2"] = "Ann", f"{role('ict-coordinator')}, {role('technician')}", 200
    team["A3"], team["B3"], team["C3"] = "Jan", role("technician"), "150"
    tasks[f"{col['owner']}2"], tasks[f"{col['backup']}2"] = "Ann", "Jan"
    tasks[f"{col['status']}2"] = words["team.status_doing"]
    tasks[f"{col['mode']}3"], tasks[f"{col['partner']}3"] = words["team.mode_outsourced"], "Scholengroep"
    tasks[f"{col['partner']}4"] = "Firma X"  # a partner alone means outsourced
    tasks[f"{col['mode']}5"] = words["team.mode_na"]
    tasks[f"{col['hours']}6"], tasks[f"{col['owner']}6"] = 12, "jan"  # names match without capitals
    new = tasks.max_row + 1  # a row added at the bottom: a task of the school's own
    tasks[f"{col['group']}{new}"] = handbook.groups[1].title[language]
    tasks[f"{col['task']}{new}"] = "Robotica-club"
    tasks[f"{col['hours']}{new}"], tasks[f"{col['owner']}{new}"] = 30, "Ann"
    readme["B3"], readme["B4"] = "Sint-Jozef", 450
    if bad:
        tasks[f"{col['id']}7"] = "tech-wifii"  # not a task
        tasks[f"{col['owner']}8"] = "Piet"  # not on the Team sheet
        tasks[f"{col['hours']}9"] = "veel"  # not hours
        tasks[f"{col['status']}10"] = "Half af"  # not a status
        tasks[f"{col['owner']}11"], tasks[f"{col['backup']}11"] = "Ann", "Ann"
        team["C4"], team["A4"] = -5, "Kim"
    book.save(path)
    return path


@pytest.mark.parametrize("sheet_language", ["nl", "en"])
def test_the_download_filled_in_by_hand_imports(page, server, site, handbook, language, sheet_language,
                                                tmp_path) -> None:
    # Either language's sheet into either language's page
    path = fill_in(site, handbook, sheet_language, tmp_path / "ingevuld.xlsx")
    open_team(page, server, language)
    import_xlsx(page, path)
    page.click('[data-action="import-add"]')
    plan = saved_plan(page)
    t = [task.id for task in handbook.tasks]
    ids = {m["name"]: m["id"] for m in plan["members"]}
    assert plan["name"] == "Sint-Jozef" and plan["school"] == {"pupils": 450}
    assert [(m["name"], m["hours"], m["roles"]) for m in plan["members"]] == [
        ("Ann", 200, ["ict-coordinator", "technician"]), ("Jan", 150, ["technician"])]
    assert plan["assignments"][t[0]] == {"owner": ids["Ann"], "backup": ids["Jan"], "status": "doing"}
    assert plan["assignments"][t[1]] == {"mode": "outsourced", "partner": "Scholengroep"}
    assert plan["assignments"][t[2]] == {"mode": "outsourced", "partner": "Firma X"}
    assert plan["assignments"][t[3]] == {"mode": "na"}
    assert plan["assignments"][t[4]] == {"owner": ids["Jan"], "hours": 12}
    (own,) = plan["customTasks"]
    assert own["title"] == "Robotica-club" and own["hours"] == 30 and own["group"] == handbook.groups[1].id
    assert plan["assignments"][own["id"]] == {"owner": ids["Ann"]}
    assert len(plan["assignments"]) == 6, "the download's own hours are not taken as decisions"
    clean(page)


def test_a_hand_filled_xlsx_with_errors_is_refused_with_sheet_row_and_column(page, server, site, handbook,
                                                                             labels,
                                                                            language, tmp_path) -> None:
    path = fill_in(site, handbook, "nl", tmp_path / "fouten.xlsx", bad=True)
    seed(page, server, json.dumps(plan_document([a_plan(handbook)])))
    open_team(page, server, language)
    before = raw_saved(page)
    import_xlsx(page, path)
    alert = page.locator('[data-alert="import"]')
    assert alert.is_visible()
    L = labels[language]
    items = alert.locator("li").all_inner_texts()
    assert L["xlsx_failed"].format(file="fouten.xlsx", count=len(items)) in alert.inner_text()
    col = {c["key"]: spreadsheet.column_letter("tasks", c["key"])
           for c in spreadsheet.LAYOUT["tasks"]["columns"]}
    nl = {key: text["nl"] for key, text in handbook.labels.items()}
    tasks, team = nl["downloads.xlsx.sheet_tasks"], nl["downloads.xlsx.sheet_team"]
    def where(sheet: str, row: int, column: str, header: str) -> str:
        return L["xlsx_where"].format(sheet=sheet, row=row, column=column, header=header)

    header = {c["key"]: nl[c["header"]] for c in spreadsheet.LAYOUT["tasks"]["columns"]}
    expected = [
        f"{where(team, 4, 'C', nl['downloads.xlsx.available_hours'])}: "
        + L["xlsx_bad_hours"].format(value=-5, max=10000),
        f"{where(tasks, 7, col['id'], header['id'])}: " + L["xlsx_unknown_task"].format(value="tech-wifii"),
        f"{where(tasks, 8, col['owner'], header['owner'])}: "
        + L["xlsx_unknown_member"].format(value="Piet", sheet=team),
        f"{where(tasks, 9, col['hours'], header['hours'])}: "
        + L["xlsx_bad_hours"].format(value="veel", max=10000),
        f"{where(tasks, 10, col['status'], header['status'])}: " + L["xlsx_bad_status"].format(
            value="Half af", choices=", ".join(L[f"status_{s}"] for s in plan_format().statuses)),
        f"{where(tasks, 11, col['backup'], header['backup'])}: "
        + L["xlsx_backup_is_owner"].format(value="Ann"),
    ]
    assert items == expected
    assert raw_saved(page) == before, "nothing changed"
    assert page.locator("#team-import-preview").is_hidden()
    clean(page)


def test_a_file_that_is_not_a_spreadsheet_is_refused(page, server, labels, language) -> None:
    open_team(page, server, language)
    page.set_input_files("#team-import-file", files=[{"name": "kapot.xlsx", "mimeType": XLSX,
                                                      "buffer": b"PK\x03\x04 not really a zip"}])
    page.wait_for_selector('[data-alert="import"]')
    assert labels[language]["xlsx_not_xlsx"] in page.locator('[data-alert="import"]').inner_text()
    assert raw_saved(page) is None
    clean(page)


def test_the_page_says_which_file_to_send_to_whom(page, server, labels, language) -> None:
    open_team(page, server, language)
    io_section = page.locator(".team-io")
    assert labels[language]["send_text"] in io_section.inner_text()
    assert io_section.locator('[data-action="export-xlsx"]').is_visible()
    assert page.locator('[data-action="export-csv"]').count() == 0, "the XLSX replaces the planner's CSV"
    clean(page)


def test_the_task_rows_show_the_hours_that_the_spreadsheet_has(page, server, handbook, language,
                                                               tmp_path) -> None:
    plan = full_plan(handbook)
    seed(page, server, json.dumps(plan_document([plan])))
    open_team(page, server, language)
    book = openpyxl.load_workbook(export_xlsx(page, tmp_path / "plan.xlsx"))
    hours = spreadsheet.column_letter("tasks", "hours")
    for row in range(2, 8):
        task_id = book.worksheets[0][f"B{row}"].value
        shown = task_row(page, task_id).locator("[data-field=hours]").input_value()
        assert str(book.worksheets[0][f"{hours}{row}"].value) == shown
