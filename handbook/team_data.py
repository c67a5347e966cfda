"""The data the team page embeds at build time: tasks, groups, roles and labels for one language.

The page's planner (``overrides/assets/javascripts/team/``) reads this from a JSON island, so
the task list always matches the validated model and every interface string comes from
``content/ui.yaml`` (keys starting with ``team.``), never from the JavaScript. The island also
carries the plan's JSON Schema, from which the planner takes the format's facts (see
``handbook/team_format.py``).

What the planner needs only now and then is published as JSON files beside the page and
fetched when used (``EXTRA_FILES``): the starter teams (when a plan is started from one) and the
spreadsheet's layout (when a plan is exported or imported as XLSX). The page's first visit stays
within its weight budget.
"""

from __future__ import annotations

from handbook import DEFAULT_LANGUAGE, paths
from handbook.downloads.spreadsheet import island_layout
from handbook.model import Handbook, TeamTemplate
from handbook.team_format import HOURS_RULE, LEGACY_STORAGE_KEYS, STORAGE_NAME, schema

LABEL_PREFIX = "team."
# Labels of other pages that the planner reuses (hour formatting, frequencies).
SHARED_LABELS = ("hours.short", "hours.note")


def team_labels(handbook: Handbook, language: str) -> dict[str, str]:
    """Every ``team.*`` label (prefix removed) plus the shared ones the planner uses."""
    labels = {key[len(LABEL_PREFIX):]: text[language] for key, text in handbook.labels.items()
              if key.startswith(LABEL_PREFIX)}
    labels.update({key: handbook.label(language, key) for key in SHARED_LABELS})
    return labels


def team_data(handbook: Handbook, language: str) -> dict:
    """A JSON-ready dict for the team page in ``language``.

    Task URLs are relative to the team page (``../tasks/<id>/``): both language trees have
    the same shape, so the same link works on ``/team/`` and ``/en/team/``.
    """

    def task_url(task: object) -> str:
        return "../" + paths.page_url(paths.page_path(task), DEFAULT_LANGUAGE)

    return {
        "schema": schema(),
        "storageName": STORAGE_NAME,
        "legacyStorageKeys": list(LEGACY_STORAGE_KEYS),
        "language": language,
        "groups": [{"id": group.id, "title": group.title[language]} for group in handbook.groups],
        "roles": [{"id": role.id, "title": role.title[language]} for role in handbook.roles],
        "tasks": [
            {"id": task.id, "group": task.group_id, "title": task.title[language],
             "summary": task.summary[language], "roles": list(task.role_ids),
             "hours": task.hours, "frequency": handbook.label(language, f"frequency.{task.frequency}"),
             "level": handbook.label(language, f"level.{task.level}"),
             "url": task_url(task)}
            for task in handbook.tasks
        ],
        # Ids of merged or renamed tasks and roles → their current id, so a saved plan that
        # still uses an old id moves its decisions instead of orphaning them
        "formerly": dict(handbook.task_id_map),
        "formerRoles": dict(handbook.role_id_map),
        # The rule that scales the indicative hours to the school's size (its numbers only)
        "hoursRule": dict(HOURS_RULE),
        # Files beside the page, fetched when needed (see extra_files)
        "files": dict(EXTRA_FILES),
        "labels": team_labels(handbook, language),
    }


# The planner's data that is fetched when used, by key: the file's name beside the team page
EXTRA_FILES = {"starterTeams": "starter-teams.json", "spreadsheet": "spreadsheet.json"}


def extra_files(handbook: Handbook, language: str) -> dict[str, dict | list]:
    """File name → content of the JSON files published beside the team page in ``language``:
    the starter teams (a plan started from one) and the layout of the spreadsheet (the page's
    XLSX export and import; the downloadable XLSX's, in both languages)."""
    return {
        EXTRA_FILES["starterTeams"]: [starter_team(handbook, template, language)
                                      for template in handbook.team_templates],
        EXTRA_FILES["spreadsheet"]: island_layout(handbook),
    }


def starter_team(handbook: Handbook, template: TeamTemplate, language: str) -> dict:
    """A starter team as a plan can be started from it: placeholder members (to be renamed),
    the school's size (which scales the task hours, as on the starter teams page), and per task
    an owner and a backup, or the outside partner that takes it on (named in the page's
    language, as a school would name it)."""
    assignments: dict[str, dict] = {}
    for item in template.assignments:
        if item.outside:
            assignments[item.task_id] = {"mode": "outsourced",
                                         "partner": handbook.label(language, f"team.partner_{item.outside}")}
        else:
            assignment = {"owner": item.owner}
            if item.backup:
                assignment["backup"] = item.backup
            assignments[item.task_id] = assignment
    return {
        "id": template.id,
        "title": template.title[language],
        "summary": template.summary[language],
        "school": {"pupils": template.pupils, "sites": template.sites},
        "hoursPercent": template.hours_percent,
        "members": [{"key": m.key, "name": m.name[language], "roles": list(m.role_ids),
                     "hours": m.hours} for m in template.members],
        "assignments": assignments,
    }
