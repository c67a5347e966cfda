"""The warnings that keep content true: review dates, the future tense of a past date, terms.

Each test breaks a small, valid content set (tests/fixtures/minimal, with a review date
added to each file) and a few hand-written pages in one way, and checks the exact warning an
editor would see: file, line, column, field, what is wrong and how to fix it. The real content
is checked last: it must have no warning, except the known ones in files of issue #9a.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.content_warnings import content_warnings
from handbook.errors import ContentErrors
from handbook.load import load_handbook, read_sources
from tests.conftest import ROOT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
TODAY = datetime.date(2026, 11, 29)
NOW = {"nl": "'is sinds … verplicht'", "en": "'has been compulsory since …'"}
PAGE = "---\nreviewed: 2026-11-01\n---\n\n# Achtergrond\n\nEen pagina.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project: the minimal content, each file reviewed, and one page per language."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    shutil.copy(ROOT / "content" / "ui.yaml", content / "ui.yaml")
    for path in content.glob("*.yaml"):
        if path.name != "ui.yaml":
            with path.open("a", encoding="utf-8") as file:
                file.write("reviewed: 2026-11-01\n")
    for language in ("nl", "en"):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "background.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def warnings(project: Path, today: datetime.date = TODAY) -> list[str]:
    sources, errors = read_sources(project / "content")
    assert errors == [], errors
    return [str(w) for w in content_warnings(sources, project / "docs", project, today)]


def test_the_small_project_has_no_warnings(project: Path) -> None:
    assert warnings(project) == []


# ---- Review dates ---------------------------------------------------------------------------


def test_a_record_whose_review_date_has_passed(project: Path) -> None:
    edit(project, "content/roles.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    review_by: 2026-09-01\n")
    assert warnings(project) == [
        "content/roles.yaml:9:16: roles[0].review_by: the review date 2026-09-01 of "
        "'network-administrator' has passed — check it against its sources, update what changed, "
        "then set 'reviewed' to today and 'review_by' to the next check",
    ]
    # The day before, nothing is due yet
    assert warnings(project, datetime.date(2026, 8, 31)) == []


def test_a_file_whose_review_date_has_passed(project: Path) -> None:
    with (project / "content" / "sources.yaml").open("a", encoding="utf-8") as file:
        file.write("review_by: 2026-11-29\n")
    assert warnings(project) == [
        "content/sources.yaml:9:12: review_by: the review date 2026-11-29 of this file has passed "
        "— check it against its sources, update what changed, then set 'reviewed' to today and "
        "'review_by' to the next check",
    ]


def test_a_marked_sentence_whose_review_date_has_passed(project: Path) -> None:
    edit(project, "content/tasks.yaml", 'description: {nl: "Het **netwerk**.", en: "The **network**."}',
         'description:\n        nl: |\n          Het netwerk.\n\n          Tot 2026 geldt een regel. '
         '<!-- review_by: 2026-10-01 -->\n        en: The network.')
    assert warnings(project) == [
        "content/tasks.yaml:33:37: tasks.technical[0].description.nl: the sentence 'Tot 2026 geldt "
        "een regel.' was to be checked by 2026-10-01 — check it against its source, rewrite it if "
        "needed, and move the marker's date forward",
    ]


def test_a_marker_with_a_colon_in_an_unquoted_text(project: Path) -> None:
    edit(project, "content/roles.yaml", "description: {nl: Netwerk.,",
         "description:\n      nl: Tot 2027. <!-- review_by: 2027-01-01 -->\n      en: Network.\n    x: {")
    with pytest.raises(ContentErrors) as failure:
        load_handbook(project / "content")
    assert [str(error) for error in failure.value.errors] == [
        "content/roles.yaml:6:35: YAML syntax error: ': ' inside an unquoted text — write the "
        "review marker without the colon (<!-- review_by 2027-09-01 -->) or put the whole text in "
        "quotes",
    ]


def test_the_marker_never_reaches_a_page(project: Path) -> None:
    edit(project, "content/tasks.yaml", '"Het **netwerk**."',
         '"Het **netwerk**. <!-- review_by: 2027-10-01 -->"')
    task = load_handbook(project / "content").task("tech-wifi")
    assert task.description.nl == "Het **netwerk**."


def test_a_marked_sentence_on_a_hand_written_page(project: Path) -> None:
    edit(project, "docs/en/background.md", "Een pagina.",
         "From 2026 a rule applies. <!-- review_by: 2026-11-15 -->")
    assert warnings(project) == [
        "docs/en/background.md:7:27: the sentence 'From 2026 a rule applies.' was to be checked by "
        "2026-11-15 — check it against its source, rewrite it if needed, and move the marker's "
        "date forward",
    ]


def test_a_marker_shown_as_an_example_in_code_is_not_a_marker(project: Path) -> None:
    edit(project, "docs/en/background.md", "Een pagina.",
         "Write `<!-- review_by 2026-01-01 -->` after the sentence.")
    assert warnings(project) == []


def test_a_page_whose_review_date_has_passed(project: Path) -> None:
    edit(project, "docs/nl/background.md", "reviewed: 2026-11-01\n",
         "reviewed: 2026-11-01\nreview_by: 2026-11-28\n")
    assert warnings(project) == [
        "docs/nl/background.md:1:1: the review date 2026-11-28 of this page has passed — check it "
        "against its sources, update what changed, then set 'reviewed' to today and 'review_by' "
        "to the next check",
    ]


def test_content_and_pages_without_a_review_date(project: Path) -> None:
    edit(project, "content/characteristics.yaml", "reviewed: 2026-11-01\n", "")
    (project / "docs" / "en" / "background.md").write_text("# Background\n", encoding="utf-8")
    assert warnings(project) == [
        "content/characteristics.yaml:1:1: 1 record has no review date — add 'reviewed: "
        "YYYY-MM-DD' (the day the content was last checked against its sources) on the file's "
        "first level or on each record; the pages show it as 'last reviewed'",
        "docs/en/background.md:1:1: the page has no review date — start it with front matter: a "
        "line '---', 'reviewed: YYYY-MM-DD' (the day it was last checked) and another '---'",
    ]


def test_a_record_date_overrides_a_missing_file_date(project: Path) -> None:
    edit(project, "content/characteristics.yaml", "reviewed: 2026-11-01\n", "")
    edit(project, "content/characteristics.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    reviewed: 2026-11-20\n")
    assert warnings(project) == []
    characteristic = load_handbook(project / "content").characteristics[0]
    assert characteristic.provenance.reviewed == datetime.date(2026, 11, 20)


@pytest.mark.parametrize(("value", "expected"), [
    ("29-11-2026", "content/roles.yaml:9:15: roles[0].reviewed: '29-11-2026' is not a date — "
                   "write it as YYYY-MM-DD, for example 2026-11-29"),
    ("2026-02-30", "content/roles.yaml:9:15: roles[0].reviewed: '2026-02-30' is not a date in "
                   "the calendar — check the day and the month (YYYY-MM-DD)"),
])
def test_a_review_date_that_is_not_a_date(project: Path, value: str, expected: str) -> None:
    edit(project, "content/roles.yaml", "    sources: [source-one]\n",
         f"    sources: [source-one]\n    reviewed: {value}\n")
    with pytest.raises(ContentErrors) as failure:
        load_handbook(project / "content")
    assert [str(error) for error in failure.value.errors] == [expected]


def test_the_next_review_must_come_after_the_last(project: Path) -> None:
    edit(project, "content/roles.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    reviewed: 2026-11-01\n    review_by: 2026-10-01\n")
    with pytest.raises(ContentErrors) as failure:
        load_handbook(project / "content")
    assert [str(error) for error in failure.value.errors] == [
        "content/roles.yaml:10:16: roles[0].review_by: the next review (2026-10-01) must come "
        "after the last one (2026-11-01) — set 'review_by' to a later date",
    ]


@pytest.mark.parametrize("marker", ["<!-- review_by: 1 september 2027 -->",
                                    "<!-- review by 2027-09-01 -->"])
def test_a_review_marker_written_wrongly(project: Path, marker: str) -> None:
    edit(project, "content/tasks.yaml", '"Het **netwerk**."', f'"Het **netwerk**. {marker}"')
    with pytest.raises(ContentErrors) as failure:
        load_handbook(project / "content")
    messages = [str(error) for error in failure.value.errors]
    fix = ("write the marker as <!-- review_by YYYY-MM-DD -->, for example "
           "<!-- review_by 2027-09-01 -->")
    what = ("'1 september 2027' in a review marker is not a date" if "september" in marker
            else "a review marker is not written correctly")
    assert messages == [f"content/tasks.yaml:29:25: tasks.technical[0].description.nl: {what} — {fix}"]


# ---- Dates in the text ----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "sentence", "wording"), [
    ("nl", "Vanaf 1 september 2026 wordt het plan verplicht.", "wordt het plan verplicht"),
    ("nl", "Het plan is nog niet verplicht; dat komt op 1 september 2026.", "nog niet"),
    ("nl", "Zorg dat het plan klaar is vóór 1 september 2026.", "klaar is vóór"),
    ("en", "The plan will be compulsory from 1 September 2026.", "will"),
    ("en", "From September 1, 2026 the plan becomes compulsory.", "becomes"),
    ("en", "Make sure the plan is ready before 1 September 2026.", "ready before"),
])
def test_a_past_date_in_the_future_tense(project: Path, language: str, sentence: str,
                                         wording: str) -> None:
    edit(project, "content/roles.yaml", "description: {nl: Netwerk., en: Network.}",
         "description: {nl: Netwerk., en: Network.}".replace(
             "Netwerk." if language == "nl" else "Network.", f"'{sentence}'"))
    found = warnings(project)
    date_text = next(part for part in ("1 september 2026", "1 September 2026",
                                       "September 1, 2026") if part in sentence)
    line = (project / "content" / "roles.yaml").read_text(encoding="utf-8").splitlines()[4]
    column = line.index(date_text) + 1
    assert found == [
        f"content/roles.yaml:5:{column}: roles[0].description.{language}: speaks of {date_text} as "
        f"still to come ('{wording}'), but that date has passed — say what holds now (for "
        f"example {NOW[language]}), and check the statement against its source",
    ]


@pytest.mark.parametrize("sentence", [
    "Sinds 1 september 2026 is het plan verplicht.",
    "Vanaf 1 september 2026 moet elke school een plan hebben.",
    "Het besluit van 3 september 2021 voerde het ambt in.",
])
def test_a_past_date_in_the_present_or_past_tense_is_fine(project: Path, sentence: str) -> None:
    edit(project, "content/roles.yaml", "description: {nl: Netwerk.,", f"description: {{nl: '{sentence}',")
    assert warnings(project) == []


def test_a_date_still_to_come_needs_a_review_date(project: Path) -> None:
    sentence = "Vanaf 1 september 2027 wordt het plan verplicht."
    edit(project, "content/roles.yaml", "description: {nl: Netwerk.,", f"description: {{nl: '{sentence}',")
    assert warnings(project) == [
        "content/roles.yaml:5:30: roles[0].description.nl: names 1 september 2027, which is still "
        "to come, but nothing asks for a review by then — add <!-- review_by 2027-09-01 --> after "
        "the sentence (or 'review_by' on the record), so it is checked once the date has passed",
    ]
    edit(project, "content/roles.yaml", sentence, f"{sentence} <!-- review_by 2027-09-01 -->")
    assert warnings(project) == []
    # Once the day has come, the marker is due and the sentence speaks of the past in the future
    later = [w.split(": ", 2)[2] for w in warnings(project, datetime.date(2027, 9, 2))]
    assert [w[:33] for w in later] == ["speaks of 1 september 2027 as sti",
                                       "the sentence 'Vanaf 1 september 2"]


def test_a_date_on_a_hand_written_page(project: Path) -> None:
    edit(project, "docs/nl/background.md", "Een pagina.",
         "Een pagina.\n\nHet plan wordt verplicht op 1 september 2026.")
    assert warnings(project) == [
        "docs/nl/background.md:9:29: speaks of 1 september 2026 as still to come ('wordt "
        "verplicht'), but that date has passed — say what holds now (for example 'is sinds … "
        "verplicht'), and check the statement against its source",
    ]


# ---- Terms and phrases ----------------------------------------------------------------------

GLOSSARY_ENTRY = """
  - id: term-learning-platform-manager
    nl: leerplatformbeheerder
    en: learning platform manager
    aliases: {nl: [leerplatformbeheerders]}
    avoid:
      nl: [LMS-beheerder, smartschoolbeheerder]
      en: [learning-platform manager]
    note: {nl: Beheert het leerplatform (niet LMS-beheerder)., en: Manages the learning platform.}
    synthesis: true
phrases:
  - language: en
    avoid: [follow up, follows up]
    use: manage, monitor or check on
"""


@pytest.fixture
def vocabulary(project: Path) -> Path:
    edit(project, "content/glossary.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n" + GLOSSARY_ENTRY.lstrip("\n"))
    return project


def test_a_variant_to_avoid_names_the_preferred_term(vocabulary: Path) -> None:
    edit(vocabulary, "content/roles.yaml", "description: {nl: Netwerk.,",
         "description: {nl: 'Vraag het aan de smartschoolbeheerder of de LMS-beheerders.',")
    assert warnings(vocabulary) == [
        "content/roles.yaml:5:41: roles[0].description.nl: uses 'smartschoolbeheerder' — write "
        "'leerplatformbeheerder' (see content/glossary.yaml)",
        "content/roles.yaml:5:68: roles[0].description.nl: uses 'LMS-beheerders' — write "
        "'leerplatformbeheerder' (see content/glossary.yaml)",
    ]


def test_a_phrase_to_avoid(vocabulary: Path) -> None:
    edit(vocabulary, "content/roles.yaml", "en: Network.}", "en: Follows up the partner.}")
    assert warnings(vocabulary) == [
        "content/roles.yaml:5:37: roles[0].description.en: uses 'Follows up' — write manage, "
        "monitor or check on instead (see content/glossary.yaml)",
    ]


@pytest.mark.parametrize("text", [
    "'De leerplatformbeheerders helpen.'",  # an accepted alias
    "'Een LMS-beheerderspool.'",  # part of a longer word
    "'Zie [de lijst](https://example.org/LMS-beheerder).'",  # a link target, not prose
])
def test_what_is_not_a_variant_to_avoid(vocabulary: Path, text: str) -> None:
    edit(vocabulary, "content/roles.yaml", "description: {nl: Netwerk.,", f"description: {{nl: {text},")
    assert warnings(vocabulary) == []


def test_an_alias_may_be_a_variant_to_avoid(vocabulary: Path) -> None:
    # Aliases are the words people type into the search box, variants included
    edit(vocabulary, "content/roles.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    aliases: {nl: [LMS-beheerder, smartschoolbeheerder]}\n")
    assert warnings(vocabulary) == []


def test_the_glossary_entry_may_name_its_own_variants(vocabulary: Path) -> None:
    # The entry's note says "niet LMS-beheerder": no warning (see GLOSSARY_ENTRY)
    assert warnings(vocabulary) == []


def test_a_variant_on_a_hand_written_page_but_not_in_code(vocabulary: Path) -> None:
    edit(vocabulary, "docs/en/background.md", "Een pagina.",
         "Ask the learning-platform manager, not `learning-platform manager`.")
    assert warnings(vocabulary) == [
        "docs/en/background.md:7:9: uses 'learning-platform manager' — write 'learning platform "
        "manager' (see content/glossary.yaml)",
    ]


def test_a_form_both_accepted_and_to_avoid_is_an_error(vocabulary: Path) -> None:
    edit(vocabulary, "content/glossary.yaml", "aliases: {nl: [leerplatformbeheerders]}",
         "aliases: {nl: [leerplatformbeheerders, LMS-beheerder]}")
    with pytest.raises(ContentErrors) as failure:
        load_handbook(vocabulary / "content")
    assert [str(error) for error in failure.value.errors] == [
        "content/glossary.yaml:12:12: terms[1].avoid.nl[0]: 'LMS-beheerder' is listed to avoid, "
        "but the glossary also accepts 'LMS-beheerder' as a term or alias — keep it in one of the "
        "two lists",
    ]


# ---- The commands -----------------------------------------------------------------------------


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook", *args, "--content",
                           str(project / "content"), "--docs", str(project / "docs")],
                          capture_output=True, text=True, check=False, cwd=ROOT)


def test_check_prints_warnings_and_still_succeeds(project: Path) -> None:
    edit(project, "content/roles.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    review_by: 2026-09-01\n")
    result = run(project, "check", "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Content is valid:")
    assert lines[1].startswith("content/roles.yaml:9:16: roles[0].review_by: the review date")
    assert lines[-1] == ("1 warning (they do not stop the build; `make review` lists what is due "
                         "for a check)")


def test_review_lists_what_is_due_now_soon_and_later(project: Path) -> None:
    edit(project, "content/roles.yaml", "    sources: [source-one]\n",
         "    sources: [source-one]\n    review_by: 2026-09-01\n")
    edit(project, "content/tasks.yaml", '"Het **netwerk**."',
         '"Het **netwerk**. Tot 2027 geldt dit. <!-- review_by: 2027-01-15 -->"')
    edit(project, "docs/en/background.md", "reviewed: 2026-11-01\n",
         "reviewed: 2026-11-01\nreview_by: 2027-11-01\n")
    result = run(project, "review", "--today", "2026-11-29", "--within", "60")
    assert result.returncode == 0, result.stderr
    report = result.stdout
    now, soon, other, later = (report.split("\nCheck now")[1].split("\nDue within")[0],
                               report.split("\nDue within 60 days")[1].split("\nOther")[0],
                               report.split("\nOther warnings")[1].split("\nScheduled")[0],
                               report.split("\nScheduled later")[1])
    assert ("content/roles.yaml:9: review by 2026-09-01 (89 days ago): role "
            "'network-administrator' (Network administrator)") in now
    assert "content/tasks.yaml:29: review by 2027-01-15 (in 47 days): (nl) Tot 2027 geldt dit." in soon
    assert other.strip() == "(0)"
    assert "docs/en/background.md:1: review by 2027-11-01 (in 337 days): the whole page" in later
    assert report.strip().endswith("move 'review_by' (or the marker's date) forward.")
    assert "1 to check now, 1 due within 60 days, 0 other warnings." in report


def test_a_wrong_today_is_refused(project: Path) -> None:
    result = run(project, "check", "--today", "29/11/2026")
    assert result.returncode == 2
    assert "'29/11/2026' is not a date — write YYYY-MM-DD" in result.stderr


# ---- The real content -------------------------------------------------------------------------

# Measured against today on purpose: once a review date passes, the suite asks for the review.
def test_the_real_content_has_no_warnings() -> None:
    sources, errors = read_sources(ROOT / "content")
    assert errors == []
    found = content_warnings(sources, ROOT / "docs", ROOT, datetime.date.today())
    assert [str(w) for w in found] == []
