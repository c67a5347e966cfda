"""Promise: one person rates and sees the result at once; a coordinator combines the team's
files (several at once, or dropped), sees per characteristic the average, the spread and who
scored what, with disagreements called out, and the same response imported twice is
recognised; hostile files are refused with the reason; the result is saved with a date and
compared with later; the report prints on A4.

Checked in a real Chromium, in both languages; every document the page saves or exports
validates against its published schema.
"""

from __future__ import annotations

import json

import pytest

from handbook.assessment_data import assessment_labels
from handbook.assessment_format import assessment_format, storage_key
from tests.assessment_browser import (
    LANGUAGES,
    clean,
    confirm_import,
    document,
    downloaded,
    export,
    import_files,
    member_file,
    open_page,
    rate,
    rate_all,
    raw_saved,
    reload,
    response,
    saved,
    seed,
    set_name,
    valid,
    wait_for_live,
)


@pytest.fixture
def labels(handbook):
    return {language: assessment_labels(handbook, language) for language in LANGUAGES}


def said(labels: dict, key: str, **values) -> str:
    return labels[key].format(**values)


def mean_cells(page) -> list[str]:
    return page.locator("table.assessment-numbers tbody td:nth-child(2)").all_inner_texts()


# ---- One person -------------------------------------------------------------------------------


def test_one_person_rates_and_sees_the_result_at_once(page, server, handbook, labels, language) -> None:
    L = labels[language]
    open_page(page, server, language)
    assert L["result_empty"] in page.locator("#assessment-result").inner_text()
    first, second = handbook.characteristics[:2]
    rate(page, {first.id: 1})
    wait_for_live(page, said(L, "rated", title=first.title[language], level=1, label=page.evaluate(
        "JSON.parse(document.getElementById('assessment-data').textContent).levels[0].label")))
    # The chart, the table with the same numbers, and the weakest characteristic first with its advice
    chart = page.locator(".assessment-chart__plot")
    assert chart.get_attribute("role") == "img"
    decimal = "1,0" if language == "nl" else "1.0"
    assert first.title[language] in chart.get_attribute("aria-label")
    assert decimal in chart.get_attribute("aria-label")
    assert mean_cells(page)[0] == decimal
    top = page.locator(".assessment-priority").first
    assert top.get_attribute("data-characteristic") == first.id
    assert first.rubric.advice[language] in top.inner_text()
    assert L["attention_badge"] in top.inner_text()
    # Its link filters the team page to the suggested tasks
    link = top.locator(".assessment-advice__team a")
    assert link.get_attribute("href") == "../team/?tasks=" + ",".join(first.rubric.task_ids)
    # A second rating moves the order: 3 is stronger than 1
    rate(page, {second.id: 3, first.id: 4})
    assert page.locator(".assessment-priority").first.get_attribute("data-characteristic") == second.id
    assert page.locator("#assessment-progress").inner_text() == said(L, "progress", rated=2,
                                                                      total=len(handbook.characteristics))
    # Saved at once, valid, and there again after a reload
    doc = saved(page)
    mine = next(r for r in doc["responses"] if r["id"] == doc["mine"])
    assert mine["ratings"] == {first.id: {"level": 4}, second.id: {"level": 3}}
    reload(page)
    assert page.locator(f"#rate-{first.id} input[value='4']").is_checked()
    assert page.locator(f"#rate-{second.id} input[value='3']").is_checked()
    clean(page)


def test_i_dont_know_a_note_and_a_name(page, server, handbook, language) -> None:
    open_page(page, server, language)
    first = handbook.characteristics[0]
    set_name(page, "  An Peeters  ")
    rate(page, {first.id: 2})
    page.fill(f"#note-{first.id}", "Nog <b>veel</b> werk")
    page.locator(f"#note-{first.id}").blur()
    rate(page, {first.id: None})
    page.wait_for_function("key => !JSON.parse(localStorage.getItem(key)).responses[0].ratings"
                           f"['{first.id}'].level", arg=storage_key())
    mine = saved(page)["responses"][0]
    assert mine["name"] == "An Peeters"
    assert mine["ratings"] == {first.id: {"note": "Nog <b>veel</b> werk"}}
    reload(page)
    assert page.locator(f"#note-{first.id}").input_value() == "Nog <b>veel</b> werk"
    assert page.locator("#assessment-name").input_value() == "An Peeters"
    assert page.locator(f"#rate-{first.id} input[value='']").is_checked()
    clean(page)


def test_export_my_answers_gives_the_file_a_team_member_sends(page, server, handbook, labels,
                                                              language) -> None:
    open_page(page, server, language)
    page.click('[data-action="export-mine"]')
    assert labels[language]["export_mine_empty"] in page.locator('[data-alert="export"]').inner_text()
    set_name(page, "Bo")
    rate_all(page, handbook, [2, 3, 1, 4, 2, 3, 1, 2, 3])
    exported = valid(export(page, "export-mine"))
    assert "mine" not in exported and exported["revision"] == 0 and exported["history"] == []
    (answers,) = exported["responses"]
    assert answers["name"] == "Bo"
    assert answers["id"] == saved(page)["mine"]
    levels = [answers["ratings"][c.id]["level"] for c in handbook.characteristics]
    assert levels == [2, 3, 1, 4, 2, 3, 1, 2, 3]
    clean(page)


# ---- The team ---------------------------------------------------------------------------------


TEAM = {"An": [1, 2, 3, 2, 1, 4, 3, 2, 2], "Bo": [3, 2, 3, 2, 2, 4, 3, 1, 2],
        "Cy": [1, 3, 3, 3, 1, 3, 2, 2, 3], "Dirk": [2, 2, 4, 2, 1, 4, 3, 2, 1]}
DASH = "\u2013"  # an en dash, as the page writes a range of levels


def team_files(handbook) -> list[tuple[str, str]]:
    return [(f"{name.lower()}.json", member_file(f"r-{name.lower()}", name, handbook, levels))
            for name, levels in TEAM.items()]


def test_the_coordinator_combines_several_files_at_once(page, server, handbook, labels, language) -> None:
    L = labels[language]
    open_page(page, server, language)
    rate_all(page, handbook, [1, 2, 3, 1, 2, 3, 2, 2, 2])  # the coordinator's own answers
    import_files(page, team_files(handbook))
    preview = page.locator("#assessment-import-preview")
    assert preview.locator(".assessment-import-lines li").count() == 4
    assert preview.locator("li.is-new").count() == 4
    assert said(L, "import_effect", total=5, history=0) in preview.inner_text()
    assert saved(page)["responses"].__len__() == 1, "nothing changes before the user chooses"
    confirm_import(page)
    wait_for_live(page, said(L, "import_done", added=4, replaced=0, skipped=0))
    assert len(saved(page)["responses"]) == 5
    # Average and spread per characteristic, the same in the chart's text and the table
    first = handbook.characteristics[0]  # 1 (coordinator), 1, 3, 1, 2 → 1.6, from 1 to 3
    row = page.locator("table.assessment-numbers tbody tr").first
    cells = row.locator("td").all_inner_texts()
    assert cells[:3] == ["1,6" if language == "nl" else "1.6", f"1{DASH}3", "5"]
    assert L["disagree_badge"] in cells[-1] and L["attention_badge"] in cells[-1]
    # The disagreement is called out, with who scored what
    item = page.locator(f'.assessment-priority[data-characteristic="{first.id}"]')
    assert said(L, "disagree_text", title=first.title[language], min=1, max=3) in item.inner_text()
    who = item.locator(".assessment-priority__who").inner_text()
    assert "An: 1" in who and "Bo: 3" in who and "Cy: 1" in who and "Dirk: 2" in who
    # Agreement is not flagged: everyone gave 2 or 3 on the second characteristic
    second = page.locator(f'.assessment-priority[data-characteristic="{handbook.characteristics[1].id}"]')
    assert "is-disagree" not in second.get_attribute("class")
    # The table of ratings per person has every name
    people = page.locator(".assessment-people table thead th").all_text_contents()
    me = L["you_named"].format(name=L["anonymous"].format(number=1))
    assert people[1:] == [me, "An", "Bo", "Cy", "Dirk"]
    # The list of who answered
    assert page.locator("#assessment-respondents li").count() == 5
    clean(page)


def test_files_dropped_on_the_box_are_imported_like_picked_ones(page, server, handbook, language) -> None:
    open_page(page, server, language)
    files = team_files(handbook)[:2]
    page.evaluate("""(files) => {
        const data = new DataTransfer();
        for (const [name, text] of files) {
          data.items.add(new File([text], name, { type: "application/json" }));
        }
        const zone = document.getElementById("assessment-drop");
        for (const type of ["dragover", "drop"]) {
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
    }""", files)
    page.locator("#assessment-import-preview:not([hidden])").wait_for()
    assert page.locator("#assessment-import-preview li.is-new").count() == 2
    confirm_import(page)
    assert [r["name"] for r in saved(page)["responses"]] == ["An", "Bo"]
    clean(page)


def test_the_same_response_imported_twice_is_recognised(page, server, handbook, labels, language) -> None:
    L = labels[language]
    open_page(page, server, language)
    an = member_file("r-an", "An", handbook, TEAM["An"])
    import_files(page, [("an.json", an)])
    confirm_import(page)
    # The same file again, a copy of it under another name, and the same file twice in one go
    import_files(page, [("an.json", an), ("an (1).json", an)])
    preview = page.locator("#assessment-import-preview")
    assert preview.locator("li.is-same").count() == 2
    assert L["import_nothing_new"] in preview.inner_text()
    assert page.locator('[data-action="import-confirm"]').is_disabled()
    page.click('[data-action="import-cancel"]')
    wait_for_live(page, L["import_cancelled"])
    # The same answers exported from another device (another id): a copy, skipped
    import_files(page, [("an-laptop.json", member_file("r-an-laptop", "An", handbook, TEAM["An"]))])
    assert page.locator("#assessment-import-preview li.is-copy").count() == 1
    page.click('[data-action="import-cancel"]')
    # An changed her mind and sent a new file: it replaces her earlier answers; an old one does not
    newer = member_file("r-an", "An", handbook, [4] * 9, updated="2026-11-28T10:00:00.000Z")
    older = member_file("r-an", "An", handbook, [2] * 9, updated="2026-10-01T10:00:00.000Z")
    import_files(page, [("an-new.json", newer), ("an-old.json", older)])
    assert page.locator("#assessment-import-preview li.is-newer").count() == 1
    assert page.locator("#assessment-import-preview li.is-older").count() == 1
    confirm_import(page)
    wait_for_live(page, said(L, "import_done", added=0, replaced=1, skipped=1))
    (only,) = saved(page)["responses"]
    assert {rating["level"] for rating in only["ratings"].values()} == {4}
    clean(page)


HOSTILE = {
    "bad-json": (b"{\"format\": \"ict-team-assessment\", ", "problem_json"),
    "not-json": (b"\x89PNG\r\n\x1a\n\x00\x00binary", "problem_json"),
    "wrong-format": (json.dumps({"format": "something-else", "version": 1}).encode(), "problem_format"),
    "a-team-plan": (json.dumps({"format": "ict-team-plan", "version": 2, "revision": 0, "current": "p-a",
                                "plans": []}).encode(), "problem_plan"),
    "newer": (json.dumps({**document([]), "version": 99}).encode(), "problem_newer"),
    "bad-level": (json.dumps(document([response("r-x", "X", {"mix-of-profiles": 7})])).encode(),
                  "problem_invalid"),
    "huge": (b" " * 5_000_001, "problem_size"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_with_the_reason_and_changes_nothing(page, server, handbook, labels,
                                                                       language, case) -> None:
    L = labels[language]
    content, problem = HOSTILE[case]
    open_page(page, server, language)
    rate(page, {handbook.characteristics[0].id: 2})
    before = raw_saved(page)
    import_files(page, [(f"{case}.json", content)])
    alert = page.locator('[data-alert="import"]')
    alert.wait_for()
    assert said(L, "file_refused", file=f"{case}.json") in alert.inner_text()
    assert L[problem] in alert.inner_text()
    if case == "bad-level":
        assert "responses[0].ratings.mix-of-profiles.level" in alert.inner_text()
    assert page.locator("#assessment-import-preview").is_hidden()
    assert raw_saved(page) == before
    clean(page)


def test_a_refused_file_among_good_ones_is_listed_and_the_rest_imported(page, server, handbook, labels,
                                                                        language) -> None:
    L = labels[language]
    open_page(page, server, language)
    import_files(page, [*team_files(handbook)[:2], ("broken.json", "{nope")])
    refused = page.locator(".assessment-import-refused").inner_text()
    assert said(L, "file_refused", file="broken.json") in refused and L["problem_json"] in refused
    confirm_import(page)
    assert len(saved(page)["responses"]) == 2
    clean(page)


def test_html_in_names_and_notes_is_shown_as_text(page, server, handbook, language) -> None:
    open_page(page, server, language)
    hostile = "<img src=x onerror=\"document.title='hacked'\">"
    ratings = {c.id: {"level": 1, "note": hostile} for c in handbook.characteristics}
    import_files(page, [("x.json", json.dumps(document([response("r-x", hostile, ratings)])))])
    assert hostile in page.locator("#assessment-import-preview").inner_text()
    confirm_import(page)
    page.locator(".assessment-notes summary").first.click()
    assert hostile in page.locator(".assessment-notes").first.inner_text()
    assert hostile in page.locator("#assessment-respondents").inner_text()
    assert page.locator("img[src=x]").count() == 0
    assert page.title() != "hacked"
    clean(page)


def test_too_many_answers_are_refused_before_anything_changes(page, server, handbook, labels,
                                                              language) -> None:
    limit = assessment_format().limits["responses"]
    full = [response(f"r-{n}", f"P{n}", {}) for n in range(limit)]
    seed(page, server, json.dumps(document(full, revision=1)))
    open_page(page, server, language)
    import_files(page, team_files(handbook)[:1])
    history = assessment_format().limits["history"]
    expected = labels[language]["import_full"].format(max=limit, history=history)
    assert page.locator("#assessment-import-effect").inner_text() == expected
    assert page.locator('[data-action="import-confirm"]').is_disabled()
    clean(page)


def test_removing_someones_answers_can_be_undone(page, server, handbook, labels, language) -> None:
    L = labels[language]
    open_page(page, server, language)
    import_files(page, team_files(handbook)[:3])
    confirm_import(page)
    page.click('[data-response="r-bo"] [data-action="remove-response"]')
    wait_for_live(page, said(L, "respondent_removed", name="Bo"))
    assert [r["id"] for r in saved(page)["responses"]] == ["r-an", "r-cy"]
    # Work done after the removal stays when it is undone
    rate(page, {handbook.characteristics[0].id: 4})
    page.click('[data-response="r-cy"] [data-action="remove-response"]')
    page.click('#assessment-undo [data-action="undo"]')
    wait_for_live(page, said(L, "respondent_back", name="Cy"))
    ids = [r["id"] for r in saved(page)["responses"]]
    assert ids[:2] == ["r-an", "r-cy"] and "r-bo" not in ids and len(ids) == 3
    clean(page)


# ---- History and print ------------------------------------------------------------------------


def test_a_saved_result_is_found_again_later_and_compared(browser, server, handbook, labels,
                                                          language) -> None:
    L = labels[language]
    context = browser.new_context()
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    open_page(page, server, language)
    import_files(page, team_files(handbook))
    confirm_import(page)
    page.fill("#assessment-snapshot-form input[name=date]", "2026-10-01")
    page.fill("#assessment-snapshot-form input[name=label]", "Start")
    page.click("#assessment-snapshot-form button[type=submit]")
    assert len(saved(page)["history"]) == 1
    page.close()
    # Next month, the same browser: the team sends new files, and the coordinator compares
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    open_page(page, server, language)
    assert page.locator("#assessment-snapshots li").count() == 1
    better = [(f"{name.lower()}.json", member_file(f"r-{name.lower()}", name, handbook,
                                                   [min(4, level + 1) for level in levels],
                                                   updated="2026-11-28T10:00:00.000Z"))
              for name, levels in TEAM.items()]
    import_files(page, better)
    confirm_import(page)
    page.click('#assessment-snapshots [data-action="compare-snapshot"]')
    summary = page.locator("#assessment-compare-summary").inner_text()
    assert summary.startswith(L["comparing"].split("{")[0])
    # The first characteristic went from 1.75 (shown 1.8) to 2.75 (2.8): +1.0, up
    row = page.locator("table.assessment-numbers tbody tr").first.locator("td").all_inner_texts()
    assert row[3] == ("1,8" if language == "nl" else "1.8")
    assert row[4].startswith("+1,0" if language == "nl" else "+1.0") and L["direction_up"] in row[4]
    assert page.locator(".assessment-chart__bar .before").count() == len(handbook.characteristics)
    # Saved results are copies: the later answers did not change the one from October
    (october,) = saved(page)["history"]
    assert october["date"] == "2026-10-01" and october["label"] == "Start"
    assert {r["ratings"][handbook.characteristics[0].id]["level"] for r in october["responses"]} == {1, 3, 2}
    assert page.console_errors == []
    context.close()


def test_a_saved_result_can_be_removed_and_brought_back(page, server, handbook, labels, language) -> None:
    open_page(page, server, language)
    rate(page, {handbook.characteristics[0].id: 2})
    page.click("#assessment-snapshot-form button[type=submit]")
    page.click('#assessment-snapshots [data-action="remove-snapshot"]')
    assert saved(page)["history"] == []
    page.click('#assessment-undo [data-action="undo"]')
    assert len(saved(page)["history"]) == 1
    # Nothing to save yet, or no date: the page says so at the field
    page.fill("#assessment-snapshot-form input[name=date]", "")
    page.click("#assessment-snapshot-form button[type=submit]")
    assert labels[language]["date_invalid"] in page.locator("#assessment-snapshot-form").inner_text()
    clean(page)


def test_the_report_prints_on_a4_with_the_result_only(page, server, handbook, labels, language) -> None:
    open_page(page, server, language)
    import_files(page, team_files(handbook))
    confirm_import(page)
    page.emulate_media(media="print")
    assert page.locator("#assessment-result").is_visible()
    assert page.locator(".assessment-chart").is_visible()
    assert page.locator(".assessment-print-only").is_visible()
    for hidden in ("#assessment-form", "#assessment-team", "#assessment-history", "#assessment-io",
                   ".assessment-advice__team", ".md-sidebar", ".md-header"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("h1").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2
    clean(page)


# ---- Storage ----------------------------------------------------------------------------------


REFUSE_WRITES = """
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
"""


def test_blocked_storage_works_in_memory_and_says_so(page, server, handbook, labels, language) -> None:
    page.add_init_script(REFUSE_WRITES)
    open_page(page, server, language)
    rate(page, {handbook.characteristics[0].id: 3})
    assert labels[language]["storage_blocked"] in page.locator('[data-alert="blocked"]').inner_text()
    assert page.locator("#assessment-save-status").inner_text() == labels[language]["save_memory"]
    assert page.locator("table.assessment-numbers tbody tr").count() == len(handbook.characteristics)
    exported = valid(export(page, "export-mine"))
    assert exported["responses"][0]["ratings"] == {handbook.characteristics[0].id: {"level": 3}}
    clean(page)


@pytest.mark.parametrize("kind", ["corrupt", "newer"])
def test_unreadable_or_newer_saved_data_is_never_overwritten(page, server, handbook, labels, language,
                                                             kind) -> None:
    L = labels[language]
    text = "{broken" if kind == "corrupt" else json.dumps({**document([]), "version": 7, "whatever": True})
    seed(page, server, text)
    open_page(page, server, language)
    alert = page.locator(f'[data-alert="{kind}"]')
    assert (L["corrupt_text"] if kind == "corrupt" else L["newer_text"]) in alert.inner_text()
    rate(page, {handbook.characteristics[0].id: 2})
    assert page.locator("#assessment-save-status").inner_text() == L["save_paused"]
    assert raw_saved(page) == text, "the saved data is kept as it was"
    with page.expect_download() as info:
        alert.locator('[data-action="held-download"]').click()
    assert downloaded(info) == text
    if kind == "corrupt":
        # Only when the user agrees is it replaced, by what is on screen
        page.once("dialog", lambda dialog: dialog.accept())
        alert.locator('[data-action="corrupt-fresh"]').click()
        assert saved(page)["responses"][0]["ratings"] == {handbook.characteristics[0].id: {"level": 2}}
    else:
        assert alert.locator('[data-action="corrupt-fresh"]').count() == 0
    clean(page)


def test_two_tabs_keep_each_others_changes(browser, server, handbook, labels) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        open_page(tab, server, "en")
    a, b = handbook.characteristics[:2]
    rate(first, {a.id: 2})
    second.locator(f"#rate-{a.id} input[value='2']").wait_for(state="attached")
    second.wait_for_function(f"document.querySelector('#rate-{a.id} input[value=\"2\"]').checked")
    rate(second, {b.id: 4})
    first.wait_for_function(f"document.querySelector('#rate-{b.id} input[value=\"4\"]').checked")
    (mine,) = saved(first)["responses"]
    assert mine["ratings"] == {a.id: {"level": 2}, b.id: {"level": 4}}
    context.close()


def test_saved_under_a_key_scoped_by_the_sites_base_path(page, server, handbook) -> None:
    open_page(page, server, "nl")
    rate(page, {handbook.characteristics[0].id: 1})
    keys = page.evaluate("Object.keys(localStorage)")
    assert storage_key() in keys and storage_key() == "/.ict-team-handbook.self-assessment"
    clean(page)
