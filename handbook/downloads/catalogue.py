"""Which files the downloads page offers, per language: names, titles, descriptions, templates.

This module only describes the set (no WeasyPrint, no openpyxl), so the hooks can ask for it
cheaply and hand it to the page renderer, which imports nothing from this package. Each
language names its files in its own words (``takenoverzicht.pdf``, ``task-overview.pdf``); the
Dutch files live under ``downloads/`` and the English ones under ``en/downloads/``. File names
are fixed here, not taken from titles, so a link to a file keeps working when a title changes.
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


# The fixed documents' names, per language
FILE_NAMES = {
    "overview": {"nl": "takenoverzicht.pdf", "en": "task-overview.pdf"},
    "step-plan": {"nl": "stappenplan.pdf", "en": "step-plan.pdf"},
    "self-check": {"nl": "zelfevaluatie-sterk-ict-team.pdf", "en": "strong-team-self-check.pdf"},
    "team-agreement": {"nl": "teamafspraken.pdf", "en": "team-agreement.pdf"},
    "xlsx": {"nl": "takenoverzicht.xlsx", "en": "task-overview.xlsx"},
    "csv": {"nl": "takenoverzicht.csv", "en": "task-overview.csv"},
}
# A task group's checklist: the group in the language's words (the groups are fixed: four)
GROUP_FILE_STEMS = {
    "nl": {"technical": "taken-technisch", "pedagogical": "taken-pedagogisch-didactisch",
           "policy": "taken-beleid", "administrative": "taken-administratief"},
    "en": {"technical": "tasks-technical", "pedagogical": "tasks-pedagogical",
           "policy": "tasks-policy", "administrative": "tasks-administrative"},
}
# A role's checklist: the word for "role" and the role's id, which never changes
ROLE_FILE_PREFIX = {"nl": "rol-", "en": "role-"}

# Up to version 0.1.0 the Dutch files had the English names. A copy under each old name keeps
# old links working until the release after 0.2.0; then remove this map and its copies
# (hooks/downloads.py). English names did not change.
FORMER_NAMES = {"nl": {
    **{FILE_NAMES[kind]["nl"]: FILE_NAMES[kind]["en"] for kind in FILE_NAMES},
    **{f"{GROUP_FILE_STEMS['nl'][group]}.pdf": f"{GROUP_FILE_STEMS['en'][group]}.pdf"
       for group in GROUP_FILE_STEMS["nl"]},
}}


def file_name(kind: str, language: str) -> str:
    """The name of a fixed document (the task overview, the step plan, …) in ``language``."""
    return FILE_NAMES[kind][language]


def group_file(group_id: str, language: str) -> str:
    return f"{GROUP_FILE_STEMS[language][group_id]}.pdf"


def role_file(role_id: str, language: str) -> str:
    return f"{ROLE_FILE_PREFIX[language]}{role_id}.pdf"


def former_name(item: Download) -> str | None:
    """The name the file had before it was named in its language, if it had another."""
    if item.kind == "role" and item.language == "nl":
        return role_file(item.record_id or "", "en")
    return FORMER_NAMES.get(item.language, {}).get(item.name)


def downloads(handbook: Handbook, language: str) -> tuple[Download, ...]:
    """Every file offered in ``language``, in the order of the downloads page."""

    t = functools.partial(handbook.label, language)

    items = [
        Download(file_name("overview", language), "overview", language, t("page.tasks"),
                 t("downloads.describe.overview", count=len(handbook.tasks)),
                 "task_checklist.html.j2", paths.TASKS_INDEX),
    ]
    for group in handbook.groups:
        items.append(Download(
            group_file(group.id, language), "group", language, group.title[language],
            t("downloads.describe.group", count=len(group.tasks)),
            "task_checklist.html.j2", paths.page_path(group), group.id))
    for role in handbook.roles:
        count = len(handbook.tasks_for_role(role.id))
        items.append(Download(
            role_file(role.id, language), "role", language,
            t("downloads.title.role", role=role.title[language]),
            t("downloads.describe.role", count=count),
            "task_checklist.html.j2", paths.page_path(role), role.id))
    items += [
        Download(file_name("step-plan", language), "step-plan", language, t("page.steps"),
                 t("downloads.describe.step_plan",
                   count=sum(len(step.actions) for step in handbook.steps)),
                 "step_plan.html.j2", paths.STEPS_INDEX),
        Download(file_name("self-check", language), "self-check", language, t("downloads.title.self_check"),
                 t("downloads.describe.self_check", count=len(handbook.characteristics)),
                 "self_check.html.j2", paths.CHARACTERISTICS_INDEX),
        Download(file_name("team-agreement", language), "team-agreement", language,
                 t("downloads.title.agreement"), t("downloads.describe.agreement"),
                 "team_agreement.html.j2", paths.DOWNLOADS),
        Download(file_name("xlsx", language), "xlsx", language, t("downloads.title.xlsx"),
                 t("downloads.describe.xlsx"), page_path=paths.TASKS_INDEX),
        Download(file_name("csv", language), "csv", language, t("downloads.title.csv"),
                 t("downloads.describe.csv_" + language), page_path=paths.TASKS_INDEX),
    ]
    return tuple(items)

