"""Which files the downloads page offers, per language: names, titles, descriptions, templates.

This module only describes the set (no WeasyPrint, no openpyxl), so the hooks can ask for it
cheaply and hand it to the page renderer, which imports nothing from this package. File names
are the same in both languages; the Dutch files live under ``downloads/`` and the English ones
under ``en/downloads/``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from handbook import paths
from handbook.model import Handbook

FOLDER = paths.DOWNLOADS_FOLDER  # relative to a language folder, in docs/ and in the site

PDF_KINDS = ("overview", "group", "role", "step-plan", "self-check", "team-agreement")


@dataclass(frozen=True)
class Download:
    """One file of the downloads page in one language."""

    name: str  # file name inside downloads/, e.g. "tasks-technical.pdf"
    kind: str  # one of PDF_KINDS, or "xlsx", "csv"
    language: str
    title: str
    description: str
    template: str | None = None  # the PDF template under handbook/templates/pdf
    page_path: str | None = None  # the online page it belongs to (Markdown path)
    record_id: str | None = None  # the group or role it is about

    @property
    def path(self) -> str:
        """Path relative to the language folder: ``downloads/tasks-technical.pdf``."""
        return f"{FOLDER}/{self.name}"

    @property
    def is_pdf(self) -> bool:
        return self.name.endswith(".pdf")


def group_file(group_id: str) -> str:
    return f"tasks-{group_id}.pdf"


def role_file(role_id: str) -> str:
    return f"role-{role_id}.pdf"


OVERVIEW_FILE = "task-overview.pdf"
STEP_PLAN_FILE = "step-plan.pdf"
SELF_CHECK_FILE = "strong-team-self-check.pdf"
AGREEMENT_FILE = "team-agreement.pdf"
XLSX_FILE = "task-overview.xlsx"
CSV_FILE = "task-overview.csv"


def downloads(handbook: Handbook, language: str) -> tuple[Download, ...]:
    """Every file offered in ``language``, in the order of the downloads page."""

    t = functools.partial(handbook.label, language)

    items = [
        Download(OVERVIEW_FILE, "overview", language, t("page.tasks"),
                 t("downloads.describe.overview", count=len(handbook.tasks)),
                 "task_checklist.html.j2", paths.TASKS_INDEX),
    ]
    for group in handbook.groups:
        items.append(Download(
            group_file(group.id), "group", language, group.title[language],
            t("downloads.describe.group", count=len(group.tasks)),
            "task_checklist.html.j2", paths.page_path(group), group.id))
    for role in handbook.roles:
        count = len(handbook.tasks_for_role(role.id))
        items.append(Download(
            role_file(role.id), "role", language,
            t("downloads.title.role", role=role.title[language]),
            t("downloads.describe.role", count=count),
            "task_checklist.html.j2", paths.page_path(role), role.id))
    items += [
        Download(STEP_PLAN_FILE, "step-plan", language, t("page.steps"),
                 t("downloads.describe.step_plan",
                   count=sum(len(step.actions) for step in handbook.steps)),
                 "step_plan.html.j2", paths.STEPS_INDEX),
        Download(SELF_CHECK_FILE, "self-check", language, t("downloads.title.self_check"),
                 t("downloads.describe.self_check", count=len(handbook.characteristics)),
                 "self_check.html.j2", paths.CHARACTERISTICS_INDEX),
        Download(AGREEMENT_FILE, "team-agreement", language, t("downloads.title.agreement"),
                 t("downloads.describe.agreement"), "team_agreement.html.j2", paths.DOWNLOADS),
        Download(XLSX_FILE, "xlsx", language, t("downloads.title.xlsx"),
                 t("downloads.describe.xlsx"), page_path=paths.TASKS_INDEX),
        Download(CSV_FILE, "csv", language, t("downloads.title.csv"),
                 t("downloads.describe.csv_" + language), page_path=paths.TASKS_INDEX),
    ]
    return tuple(items)

