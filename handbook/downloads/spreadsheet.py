"""The task overview as an XLSX workbook (openpyxl), the successor of the Flemish Excel.

Sheets: the tasks (one row per task, with owner/backup/status drop-downs and empty notes),
the school's team (its names feed the owner and backup drop-downs), the roles for reference,
and a short read-me. The rows are shared with the CSV export.
"""

from __future__ import annotations

import functools
import io

from handbook import language_tag, paths
from handbook.model import Handbook
from handbook.team_format import plan_format

TEAM_ROWS = 40  # rows offered on the Team sheet (and in the drop-downs)


def status_choices(handbook: Handbook, language: str) -> list[str]:
    """The status drop-down: the team plan's statuses (schema/team-plan.schema.json) in the
    team page's words, then the page's other ways to cover a task (outsourced, not applicable),
    which this sheet has no column of their own for."""
    fmt = plan_format()
    return [handbook.label(language, f"team.status_{status}") for status in fmt.statuses] + \
        [handbook.label(language, f"team.mode_{mode}") for mode in fmt.modes if mode != "team"]


def task_rows(handbook: Handbook, language: str, site_url: str) -> tuple[list[str], list[list]]:
    """Header and one row per task: the columns of the XLSX task sheet and of the CSV."""

    t = functools.partial(handbook.label, language)
    header = [t("column.group"), t("downloads.column.id"), t("column.task"),
              t("downloads.column.description_short"), t("column.roles"), t("column.level"),
              t("column.frequency"), t("column.hours"), t("downloads.column.owner_long"),
              t("downloads.column.backup"), t("downloads.column.status"),
              t("downloads.column.notes"), t("downloads.column.url")]
    rows = []
    for group in handbook.groups:
        for task in group.tasks:
            rows.append([
                group.title[language], task.id, task.title[language], task.summary[language],
                ", ".join(handbook.role(role_id).title[language] for role_id in task.role_ids),
                t(f"level.{task.level}"), t(f"frequency.{task.frequency}"), task.hours,
                "", "", "", "", paths.page_address(site_url, paths.page_path(task), language),
            ])
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

    def style_header(sheet, widths: list[int]) -> None:
        for index, width in enumerate(widths, start=1):
            cell = sheet.cell(row=1, column=index)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"

    workbook = Workbook()
    tasks = workbook.active
    tasks.title = t("downloads.xlsx.sheet_tasks")
    team = workbook.create_sheet(t("downloads.xlsx.sheet_team"))
    roles = workbook.create_sheet(t("downloads.xlsx.sheet_roles"))
    readme = workbook.create_sheet(t("downloads.xlsx.sheet_readme"))

    # -- Tasks ---------------------------------------------------------------------------------
    header, rows = task_rows(handbook, language, site_url)
    tasks.append(header)
    for row in rows:
        tasks.append(row)
    style_header(tasks, [18, 22, 36, 52, 30, 16, 16, 12, 18, 18, 16, 30, 40])
    last = len(rows) + 1
    for row in tasks.iter_rows(min_row=2, max_row=last):
        for cell in row:
            cell.alignment = wrap if cell.column in (3, 4, 5, 12) else top
    tasks.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"

    names = f"{quote_sheetname(team.title)}!$A$2:$A${TEAM_ROWS + 1}"
    people = DataValidation(type="list", formula1=f"={names}", allow_blank=True,
                            showErrorMessage=False)
    people.promptTitle = t("downloads.xlsx.sheet_team")
    people.prompt = t("downloads.xlsx.team_help")
    people.showInputMessage = True
    people.add(f"I2:J{last}")
    statuses = ",".join(status_choices(handbook, language))
    status = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True)
    status.add(f"K2:K{last}")
    tasks.add_data_validation(people)
    tasks.add_data_validation(status)

    # -- Team ----------------------------------------------------------------------------------
    task_sheet = quote_sheetname(tasks.title)
    team.append([t("downloads.column.name"), t("column.role"), t("downloads.xlsx.available_hours"),
                 t("downloads.xlsx.assigned_hours"), t("downloads.column.notes")])
    for row in range(2, TEAM_ROWS + 2):
        team.cell(row=row, column=4).value = (
            f'=IF(A{row}="","",SUMIF({task_sheet}!$I$2:$I${last},A{row},'
            f"{task_sheet}!$H$2:$H${last}))")
    style_header(team, [28, 28, 14, 22, 40])
    team.cell(row=1, column=7).value = t("downloads.xlsx.team_help")
    team.cell(row=1, column=7).alignment = wrap
    team.column_dimensions["G"].width = 50

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
    style_header(roles, [30, 50, 24, 10, 70, 40])
    for row in roles.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap if cell.column in (1, 2, 3, 5) else top

    # -- Read me -------------------------------------------------------------------------------
    readme.column_dimensions["A"].width = 100
    readme["A1"] = t("downloads.title.xlsx")
    readme["A1"].font = Font(bold=True, size=14, color="143A6B")
    readme["A3"] = t("downloads.xlsx.readme")
    readme["A3"].alignment = wrap
    readme.row_dimensions[3].height = 110
    readme["A5"] = t("hours.note")
    readme["A5"].alignment = wrap
    readme.row_dimensions[5].height = 35
    readme["A7"] = f"{t('downloads.publisher')} {handbook.version}"
    readme["A8"] = paths.page_address(site_url, paths.TASKS_INDEX, language)
    readme["A9"] = "CC BY 4.0"

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
