"""Helpers for the team page's browser tests: open the page, act as a user, read what was saved.

Every document read from storage or from a download goes through `valid()`, which checks it
against the published schema (schema/team-plan.schema.json) with the jsonschema package.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from handbook.team_format import plan_format, storage_key

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"nl": "team/", "en": "en/team/"}
SCHEMA = json.loads((ROOT / "schema" / "team-plan.schema.json").read_text(encoding="utf-8"))
# jsonschema checks "date-time" only with an extra package; this checker needs none
_FORMATS = FormatChecker()


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(datetime.fromisoformat(value))


VALIDATOR = Draft202012Validator(SCHEMA, format_checker=_FORMATS)


def valid(document: dict) -> dict:
    """The document, after checking it against the published schema (fails with every error)."""
    errors = [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
              for error in VALIDATOR.iter_errors(document)]
    assert errors == [], "a document the page wrote does not match its schema"
    return document


# ---- Opening the page and acting as a user ----------------------------------------------------


def open_team(page, server: str, language: str, layout: str | None = "cards") -> None:
    """Open the team page; `layout` picks the cards or the table (None: the page's own choice,
    the table on a wide screen)."""
    page.goto(server + LANGUAGES[language])
    page.wait_for_selector("#team-app:not([hidden])")
    if layout:
        page.locator(f'input[name="team-view"][value="{layout}"]').check()


def reload(page) -> None:
    page.reload()
    page.wait_for_selector("#team-app:not([hidden])")


def add_member(page, name: str, hours: int) -> None:
    form = page.locator("#team-member-form")
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=hours]").fill(str(hours))
    form.locator("button[type=submit]").click()


def started_from_starter(page, plans: int = 1) -> None:
    """Wait until a plan started from a starter team is on screen and saved (the page fetches
    the starter teams when the first one is started)."""
    page.wait_for_function("""([key, plans]) => {
        const doc = JSON.parse(localStorage.getItem(key) || "null");
        const plan = doc && doc.plans.length === plans && doc.plans.find((p) => p.id === doc.current);
        const shown = document.querySelector("#team-member-list [data-member]");
        return Boolean(plan && plan.members.length && shown);
    }""", arg=[storage_key(), plans])


def member_ids(page) -> list[str]:
    return page.eval_on_selector_all("#team-member-list [data-member]",
                                     "els => els.map(e => e.dataset.member)")


def task_row(page, task_id: str):
    return page.locator(f"#task-{task_id}")


def choose(page, task_id: str, field: str, value: str) -> None:
    """Pick an owner, backup or status the way a mouse user does: focus, then a value."""
    select = task_row(page, task_id).locator(f"[data-field={field}]")
    select.focus()
    select.select_option(value)


def owner_of(page, task_id: str, name: str, hours: int) -> str:
    """Add a member and make them the owner of one task; return their id."""
    add_member(page, name, hours)
    member = member_ids(page)[-1]
    choose(page, task_id, "who", member)
    return member


def write_notes(page, task_id: str, text: str) -> None:
    row = task_row(page, task_id)
    if not row.locator(".team-notes").evaluate("d => d.open"):
        row.locator(".team-notes summary").click()
    row.locator("[data-field=notes]").fill(text)
    row.locator("[data-field=notes]").blur()


def import_file(page, name: str, content: bytes) -> None:
    page.set_input_files("#team-import-file",
                         files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def live_text(page) -> str:
    return page.locator("#team-live").text_content()


def wait_for_live(page, text: str) -> None:
    page.wait_for_function("text => document.getElementById('team-live').textContent.includes(text)",
                           arg=text)


# ---- What the page saved and exported ---------------------------------------------------------


def raw_saved(page) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", storage_key())


def wait_until_saved(page, task_id: str, field: str, value: str) -> None:
    """Wait until the saved plan on screen has `value` in `field` of a task's decision."""
    page.wait_for_function("""([key, task, field, value]) => {
        const doc = JSON.parse(localStorage.getItem(key) || "null");
        const plan = doc && doc.plans.find((p) => p.id === doc.current);
        return Boolean(plan && plan.assignments[task] && plan.assignments[task][field] === value);
    }""", arg=[storage_key(), task_id, field, value])


def saved(page) -> dict:
    """The saved document, checked against the schema."""
    return valid(json.loads(raw_saved(page)))


def saved_plan(page) -> dict:
    document = saved(page)
    return next(plan for plan in document["plans"] if plan["id"] == document["current"])


def downloaded(info) -> str:
    return Path(info.value.path()).read_text(encoding="utf-8")


def seed(page, server: str, text: str, key: str | None = None) -> None:
    """Put `text` in the planner's storage before the page's scripts run."""
    page.goto(server + "404.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key or storage_key(), text])


def clean(page) -> None:
    """Nothing left the origin and nothing went wrong in the console."""
    assert page.foreign_requests == []
    assert page.console_errors == []


# ---- Documents to start from -----------------------------------------------------------------


def plan_document(plans: list[dict], current: str | None = None) -> dict:
    return {"format": plan_format().name, "version": plan_format().version, "revision": 1,
            "saved": "2026-01-01T00:00:00.000Z", "current": current or plans[0]["id"], "plans": plans}


def a_plan(handbook, **changes) -> dict:
    plan = {"id": "p-school", "name": "Sint-Jozef", "members": [
        {"id": "m-an", "name": "An", "hours": 100, "roles": ["ict-coordinator"]},
        {"id": "m-bo", "name": "Bo", "hours": 50, "roles": []}],
        "assignments": {}, "customTasks": [], "knownTasks": [task.id for task in handbook.tasks]}
    plan.update(changes)
    return plan


def recording_tab(context, server: str):
    """A page in `context` that records console errors and requests to other origins."""
    tab = context.new_page()
    tab.console_errors, tab.foreign_requests = [], []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.on("request", lambda request: not request.url.startswith((server, "data:", "blob:"))
           and tab.foreign_requests.append(request.url))
    return tab
