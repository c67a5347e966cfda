"""Helpers for the self-assessment's browser tests: open the page, rate as a user, make the
files team members send, read what the page saved and exported.

Every document read from storage or from a download goes through `valid()` or
`valid_bundle()`, which check it against the published schemas (schema/team-assessment,
team-bundle and team-plan .schema.json) with the jsonschema package.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from handbook.assessment_format import assessment_format, storage_key
from tests.team_browser import _FORMATS
from tests.team_browser import clean as clean  # the same check on every page
from tests.team_browser import valid as valid_plan

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"nl": "self-assessment/", "en": "en/self-assessment/"}
TEAM = {"nl": "team/", "en": "en/team/"}


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=_FORMATS)


VALIDATOR = _validator("team-assessment.schema.json")
BUNDLE_VALIDATOR = _validator("team-bundle.schema.json")


def _errors(validator: Draft202012Validator, document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in validator.iter_errors(document)]


def valid(document: dict) -> dict:
    """The document, after checking it against the published schema."""
    assert _errors(VALIDATOR, document) == [], "a document the page wrote does not match its schema"
    return document


def valid_bundle(document: dict) -> dict:
    """A bundle, after checking it and each of its parts against their schemas."""
    assert _errors(BUNDLE_VALIDATOR, document) == []
    valid_plan(document["plan"])
    valid(document["assessment"])
    return document


# ---- Opening the page and acting as a user ----------------------------------------------------


def open_page(page, server: str, language: str, query: str = "") -> None:
    page.goto(server + LANGUAGES[language] + query)
    page.wait_for_selector("html.assessment-on")


def reload(page) -> None:
    page.reload()
    page.wait_for_selector("html.assessment-on")


def rate(page, levels: dict[str, int | None]) -> None:
    """Choose a level (None: "I don't know") for characteristics, by clicking their labels."""
    for characteristic, level in levels.items():
        value = "" if level is None else str(level)
        page.locator(f'#rate-{characteristic} input[value="{value}"]').check()


def rate_all(page, handbook, levels: list[int]) -> None:
    rate(page, {c.id: level for c, level in zip(handbook.characteristics, levels, strict=True)})


def set_name(page, name: str) -> None:
    page.fill("#assessment-name", name)
    page.locator("#assessment-name").blur()


def import_files(page, files: list[tuple[str, bytes | str]]) -> None:
    page.set_input_files("#assessment-import-file", files=[
        {"name": name, "mimeType": "application/json",
         "buffer": content.encode() if isinstance(content, str) else content}
        for name, content in files])
    page.locator("#assessment-import-preview:not([hidden]), [data-alert=import]").first.wait_for()


def confirm_import(page) -> None:
    page.click('[data-action="import-confirm"]')
    page.locator("#assessment-import-preview").wait_for(state="hidden")


def live_text(page) -> str:
    return page.locator("#assessment-live").text_content()


def wait_for_live(page, text: str) -> None:
    page.wait_for_function("text => document.getElementById('assessment-live').textContent.includes(text)",
                           arg=text)


def downloaded(info) -> str:
    return Path(info.value.path()).read_text(encoding="utf-8")


def export(page, action: str) -> dict:
    with page.expect_download() as info:
        page.click(f'[data-action="{action}"]')
    return json.loads(downloaded(info))


# ---- What the page saved ----------------------------------------------------------------------


def raw_saved(page) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", storage_key())


def saved(page) -> dict:
    return valid(json.loads(raw_saved(page)))


def seed(page, server: str, text: str, key: str | None = None) -> None:
    """Put `text` in storage before the page's scripts run."""
    page.goto(server + "404.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key or storage_key(), text])


# ---- Documents to start from -----------------------------------------------------------------


def response(response_id: str, name: str, ratings: dict[str, int | dict],
             updated: str = "2026-11-20T10:00:00.000Z") -> dict:
    return {"id": response_id, "name": name, "updated": updated,
            "ratings": {key: value if isinstance(value, dict) else {"level": value}
                        for key, value in ratings.items()}}


def document(responses: list[dict], history: list[dict] | None = None, mine: str | None = None,
             revision: int = 0) -> dict:
    doc = {"format": assessment_format().name, "version": assessment_format().version, "revision": revision,
           "saved": "2026-11-20T10:00:00.000Z"}
    if mine:
        doc["mine"] = mine
    return {**doc, "responses": responses, "history": history or []}


def member_file(response_id: str, name: str, handbook, levels: list[int], **changes) -> str:
    """The file a team member's 'Export my answers' gives: one response, every characteristic rated."""
    ratings = {c.id: level for c, level in zip(handbook.characteristics, levels, strict=True)}
    return json.dumps(document([response(response_id, name, ratings, **changes)]))
