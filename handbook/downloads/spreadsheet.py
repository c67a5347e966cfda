"""The task overview as an XLSX workbook (openpyxl), the successor of the Flemish Excel.

``LAYOUT`` below is the one description of the spreadsheet: its sheets, their columns, the
headers (label keys of content/ui.yaml) and the drop-down lists. This module writes the
downloadable XLSX (and the CSV's rows) from it; the team page writes and reads its own XLSX
export from the same description, which its data island carries (``island_layout``; the page's
``assets/javascripts/team/xlsx/plan-sheets.js``). So a downloaded sheet filled in by hand and an
exported one import the same way: the page finds each column by its header, in either language.

Sheets: the tasks (one row per task, with owner/backup/arrangement/status drop-downs), the
school's team (its names feed the owner and backup drop-downs; its totals add up the tasks'
hours), the roles for reference (download only), and a read-me with the plan's details. Rows
added at the bottom of the Tasks sheet get the drop-downs and count in the totals: the lists
and the sums cover whole columns.
"""

from __future__ import annotations

import functools
import io

from handbook import language_tag, paths
from handbook.model import Handbook
from handbook.team_format import plan_format

MAX_ROW = 1048576  # the last row of a sheet: lists and sums over whole columns

# ``list``: the drop-down of a column: "members" (the Team sheet's names), "modes" or
# "statuses" (the team plan's, in the team page's words). ``sum`` on the Team sheet adds up the
# Tasks sheet's hours of the tasks a member owns or backs up (tasks the team takes on only).
LAYOUT: dict = {
    "order": ("tasks", "team", "roles", "readme"),
    "tasks": {
        "name": "downloads.xlsx.sheet_tasks",
        "columns": (
            {"key": "group", "header": "column.group", "width": 18},
            {"key": "id", "header": "downloads.column.id", "width": 22},
            {"key": "task", "header": "column.task", "width": 36, "wrap": True},
            {"key": "summary", "header": "downloads.column.description_short", "width": 52, "wrap": True},
            {"key": "roles", "header": "column.roles", "width": 30, "wrap": True},
            {"key": "level", "header": "column.level", "width": 16},
            {"key": "frequency", "header": "column.frequency", "width": 16},
            {"key": "hours", "header": "column.hours", "width": 12},
            {"key": "owner", "header": "downloads.column.owner_long", "width": 18, "list": "members"},
            {"key": "backup", "header": "downloads.column.backup", "width": 18, "list": "members"},
            {"key": "mode", "header": "downloads.column.mode", "width": 16, "list": "modes"},
            {"key": "partner", "header": "downloads.column.partner", "width": 22},
            {"key": "status", "header": "downloads.column.status", "width": 16, "list": "statuses"},
            {"key": "notes", "header": "downloads.column.notes", "width": 30, "wrap": True},
            {"key": "url", "header": "downloads.column.url", "width": 40, "link": True},
        ),
    },
    "team": {
        "name": "downloads.xlsx.sheet_team",
        "help": "downloads.xlsx.team_help",
        "columns": (
            {"key": "name", "header": "downloads.column.name", "width": 28},
            {"key": "roles", "header": "team.member_roles", "width": 34, "wrap": True},
            {"key": "hours", "header": "downloads.xlsx.available_hours", "width": 14},
            {"key": "ownerHours", "header": "downloads.xlsx.assigned_hours", "width": 22, "sum": "owner"},
            {"key": "backupHours", "header": "downloads.xlsx.backup_hours", "width": 22, "sum": "backup"},
            {"key": "notes", "header": "downloads.column.notes", "width": 40, "wrap": True},
        ),
    },
    "roles": {"name": "downloads.xlsx.sheet_roles", "download": True},
    # The plan's details, label in column A and value in column B, from the third row
    "readme": {
        "name": "downloads.xlsx.sheet_readme",
        "fields": (
            {"key": "name", "label": "team.plan_name"},
            {"key": "pupils", "label": "team.school_pupils"},
            {"key": "sites", "label": "team.school_sites"},
        ),
        "help": "downloads.xlsx.plan_help",
    },
}
FIELDS_ROW = 3  # the read-me's first detail row


def team_rows() -> int:
    """The rows the Team sheet offers (with their totals): as many as a plan has members."""
    return plan_format().limits["members"]


def column_letter(sheet: str, key: str) -> str:
    from openpyxl.utils import get_column_letter

    keys = [column["key"] for column in LAYOUT[sheet]["columns"]]
    return get_column_letter(keys.index(key) + 1)


def status_choices(handbook: Handbook, language: str) -> list[str]:
    """The status drop-down: the team plan's statuses (schema/team-plan.schema.json) in the
    team page's words."""
    return [handbook.label(language, f"team.status_{status}") for status in plan_format().statuses]


def mode_choices(handbook: Handbook, language: str) -> list[str]:
    """The drop-down of who handles a task: the team, an outside partner, nobody (the plan's
    modes, in the team page's words)."""
    return [handbook.label(language, f"team.mode_{mode}") for mode in plan_format().modes]


def island_layout(handbook: Handbook) -> dict:
    """The layout as the team page reads it: every name and header in both languages (its
    import takes a file in either), and the words of the drop-down lists."""

    def both(key: str) -> dict[str, str]:
        return {language: handbook.label(language, key) for language in ("nl", "en")}

    fmt = plan_format()
    sheets = {}
    for key in LAYOUT["order"]:
        sheet = LAYOUT[key]
        if sheet.get("download"):
            continue
        entry = {"name": both(sheet["name"])}
        if "columns" in sheet:
            entry["columns"] = [{**column, "header": both(column["header"])} for column in sheet["columns"]]
        if "fields" in sheet:
            entry["fields"] = [{**field, "label": both(field["label"])} for field in sheet["fields"]]
        if "help" in sheet:
            entry["help"] = both(sheet["help"])
        sheets[key] = entry
    return {
        "order": [key for key in LAYOUT["order"] if not LAYOUT[key].get("download")],
        "sheets": sheets,
        "teamRows": team_rows(),
        "fieldsRow": FIELDS_ROW,
        "words": {
            "statuses": {status: both(f"team.status_{status}") for status in fmt.statuses},
            "modes": {mode: both(f"team.mode_{mode}") for mode in fmt.modes},
            "groups": {group.id: {lang: group.title[lang] for lang in ("nl", "en")}
                       for group in handbook.groups},
            "roles": {role.id: {lang: role.title[lang] for lang in ("nl", "en")} for role in handbook.roles},
        },
        "texts": {key: both(key) for key in ("downloads.xlsx.pick_help", "downloads.xlsx.exported",
                                             "downloads.title.xlsx", "downloads.publisher")},
    }


def task_rows(handbook: Handbook, language: str, site_url: str) -> tuple[list[str], list[list]]:
    """Header and one row per task: the columns of the XLSX task sheet and of the CSV."""

    t = functools.partial(handbook.label, language)
    columns = LAYOUT["tasks"]["columns"]
    header = [t(column["header"]) for column in columns]
    rows = []
    for group in handbook.groups:
        for task in group.tasks:
            values = {
                "group": group.title[language], "id": task.id, "task": task.title[language],
                "summary": task.summary[language],
                "roles": ", ".join(handbook.role(role_id).title[language] for role_id in task.role_ids),
                "level": t(f"level.{task.level}"), "frequency": t(f"frequency.{task.frequency}"),
                "hours": task.hours, "url": paths.page_address(site_url, paths.page_path(task), language),
            }
            rows.append([values.get(column["key"], "") for column in columns])
    return header, rows


def task_overview_xlsx(handbook: Handbook, language: str, site_url: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    t = functools.partial(handbook.label, language)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1D4F91")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    def set_up(sheet, columns) -> None:
        """Header row styled, kept in view and printed on every page; landscape, fitted to the
        page width; column widths."""
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            sheet.column_dimensions[get_column_letter(index)].width = column["width"]
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    workbook = Workbook()
    tasks = workbook.active
    tasks.title = t(LAYOUT["tasks"]["name"])
    team = workbook.create_sheet(t(LAYOUT["team"]["name"]))
    roles = workbook.create_sheet(t(LAYOUT["roles"]["name"]))
    readme = workbook.create_sheet(t(LAYOUT["readme"]["name"]))

    # -- Tasks ---------------------------------------------------------------------------------
    columns = LAYOUT["tasks"]["columns"]
    header, rows = task_rows(handbook, language, site_url)
    tasks.append(header)
    for row in rows:
        tasks.append(row)
    set_up(tasks, columns)
    last = len(rows) + 1
    for row in tasks.iter_rows(min_row=2, max_row=last):
        for cell, column in zip(row, columns, strict=True):
            cell.alignment = wrap if column.get("wrap") else top
            if column.get("link") and cell.value:
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
                cell.alignment = top
    tasks.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"

    names = f"{quote_sheetname(team.title)}!$A$2:$A${team_rows() + 1}"
    lists = {
        "members": f"={names}",
        "modes": '"' + ",".join(mode_choices(handbook, language)) + '"',
        "statuses": '"' + ",".join(status_choices(handbook, language)) + '"',
    }
    for kind in ("members", "modes", "statuses"):
        letters = [column_letter("tasks", c["key"]) for c in columns if c.get("list") == kind]
        # Whole columns: a row added at the bottom gets the drop-down too
        validation = DataValidation(type="list", formula1=lists[kind], allow_blank=True,
                                    showErrorMessage=False,
                                    sqref=" ".join(f"{letter}2:{letter}{MAX_ROW}" for letter in letters))
        if kind == "members":
            validation.promptTitle = t(LAYOUT["team"]["name"])
            validation.prompt = t("downloads.xlsx.pick_help")
            validation.showInputMessage = True
        tasks.add_data_validation(validation)

    # -- Team ----------------------------------------------------------------------------------
    team_columns = LAYOUT["team"]["columns"]
    team.append([t(column["header"]) for column in team_columns])
    for row in range(2, team_rows() + 2):
        for index, column in enumerate(team_columns, start=1):
            if "sum" in column:
                team.cell(row=row, column=index).value = hours_formula(handbook, language, row, column["sum"])
    set_up(team, team_columns)
    help_column = len(team_columns) + 2
    team.cell(row=1, column=help_column).value = t(LAYOUT["team"]["help"])
    team.cell(row=1, column=help_column).alignment = wrap
    team.column_dimensions[get_column_letter(help_column)].width = 50

    # -- Roles ---------------------------------------------------------------------------------
    roles.append([t("column.role"), t("column.summary"), t("column.group"),
                  t("column.tasks"), t("downloads.column.role_tasks"), t("downloads.column.url")])
    for role in handbook.roles:
        role_tasks = handbook.tasks_for_role(role.id)
        roles.append([
            role.title[language], role.summary[language],
            ", ".join(handbook.group(group_id).title[language] for group_id in role.group_ids),
            len(role_tasks), "; ".join(task.title[language] for task in role_tasks),
            paths.page_address(site_url, paths.page_path(role), language),
        ])
    widths = [30, 50, 24, 10, 70, 40]
    set_up(roles, [{"width": width} for width in widths])
    for row in roles.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap if cell.column in (1, 2, 3, 5) else top
            if cell.column == 6:
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"

    # -- Read me, with the plan's details --------------------------------------------------------
    readme.column_dimensions["A"].width = 28
    readme.column_dimensions["B"].width = 90
    readme["A1"] = t("downloads.title.xlsx")
    readme["A1"].font = Font(bold=True, size=14, color="143A6B")
    for offset, field in enumerate(LAYOUT["readme"]["fields"]):
        readme.cell(row=FIELDS_ROW + offset, column=1).value = t(field["label"])
        readme.cell(row=FIELDS_ROW + offset, column=1).font = Font(bold=True)
    after = FIELDS_ROW + len(LAYOUT["readme"]["fields"])
    texts = [(after, t(LAYOUT["readme"]["help"]), 30), (after + 2, t("downloads.xlsx.readme"), 150),
             (after + 4, t("hours.note"), 35)]
    for row, text, height in texts:
        readme.cell(row=row, column=1).value = text
        readme.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        readme.cell(row=row, column=1).alignment = wrap
        readme.row_dimensions[row].height = height
    readme.cell(row=after + 6, column=1).value = f"{t('downloads.publisher')} {handbook.version}"
    readme.cell(row=after + 7, column=1).value = paths.page_address(site_url, paths.TASKS_INDEX, language)
    readme.cell(row=after + 8, column=1).value = "CC BY 4.0"

    workbook.properties.title = t("downloads.title.xlsx")
    workbook.properties.creator = t("downloads.publisher")
    workbook.properties.language = language_tag(language)
    # Fixed timestamps: the same content gives the same file
    from datetime import datetime

    fixed = datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def hours_formula(handbook: Handbook, language: str, row: int, role: str) -> str:
    """The Team sheet's total of a member's hours as owner or backup: the Tasks sheet's hours of
    every row naming them, over whole columns (rows added later count), tasks handled by the team
    only (an outsourced or not applicable task is nobody's load). The page writes the same."""
    from openpyxl.utils import quote_sheetname

    sheet = quote_sheetname(handbook.label(language, LAYOUT["tasks"]["name"]))
    hours, who, mode = (column_letter("tasks", key) for key in ("hours", role, "mode"))
    outsourced, not_applicable = (handbook.label(language, f"team.mode_{m}") for m in plan_format().modes[1:])
    return (f'=IF(A{row}="","",SUMIFS({sheet}!${hours}:${hours},{sheet}!${who}:${who},A{row},'
            f'{sheet}!${mode}:${mode},"<>{outsourced}",{sheet}!${mode}:${mode},"<>{not_applicable}"))')
