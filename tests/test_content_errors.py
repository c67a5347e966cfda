"""The loader's error messages are part of the product: one test per kind of bad input.

Each test breaks a small, valid content set (tests/fixtures/minimal) in one way and checks
the exact message an editor would see: file, line, column, field, what is wrong, how to fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.errors import ContentErrors
from handbook.load import load_handbook
from handbook.schema_check import check_schema
from handbook.yamlsource import read_source

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    shutil.copy(ROOT / "content" / "ui.yaml", target / "ui.yaml")
    return target


def edit(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load_handbook(content)
    return [str(error) for error in failure.value.errors]


def test_the_fixture_itself_is_valid(content: Path) -> None:
    assert len(load_handbook(content).tasks) == 4


def test_syntax_error(content: Path) -> None:
    edit(content, "roles.yaml", "    sources: [source-one]", "    sources: [source-one")
    assert messages(content) == [
        "content/roles.yaml:8:14: YAML syntax error: the '[' opened here is never closed — add "
        "the closing ']' at the end of the list",
    ]


def test_unbalanced_quotes(content: Path) -> None:
    edit(content, "roles.yaml", "    title: {nl: Netwerkbeheerder,", "    title: {nl: 'Netwerkbeheerder,")
    assert messages(content)[0].startswith("content/roles.yaml:")
    assert "YAML syntax error" in messages(content)[0]


def test_tab_indentation(content: Path) -> None:
    edit(content, "roles.yaml", "    profile:", "\tprofile:")
    assert messages(content) == [
        "content/roles.yaml:6:1: a tab is used for indentation — YAML only accepts spaces; "
        "replace the tab with spaces (two per level)",
    ]


def test_empty_file(content: Path) -> None:
    (content / "glossary.yaml").write_text("", encoding="utf-8")
    assert messages(content) == [
        "content/glossary.yaml:1:1: the file is empty — restore its content from git "
        "(git checkout -- content/glossary.yaml) or add the records it should hold",
    ]


def test_duplicate_id_across_files(content: Path) -> None:
    edit(content, "roles.yaml", "id: network-administrator", "id: tech-wifi")
    assert "content/roles.yaml:2:9: roles[0].id: the id 'tech-wifi' is already used at " \
           "content/tasks.yaml:24:11 — ids must be unique across the handbook; choose another id" \
           in messages(content)


def test_bad_id(content: Path) -> None:
    edit(content, "tasks.yaml", "id: adm-licences", "id: Adm_Licences")
    assert messages(content) == [
        "content/tasks.yaml:60:11: tasks.administrative[0].id: 'Adm_Licences' is not a valid id — "
        "use lowercase letters, digits and single hyphens, starting with a letter, at most 60 "
        "characters (for example 'tech-wifi')",
    ]


def test_missing_language(content: Path) -> None:
    edit(content, "tasks.yaml", "        en: Manage Wi-Fi\n", "")
    assert messages(content) == [
        "content/tasks.yaml:26:9: tasks.technical[0].title: English title is missing — "
        "add 'en: …' next to 'nl: …'",
    ]


def test_empty_text(content: Path) -> None:
    edit(content, "tasks.yaml", "        nl: Wifi beheren", '        nl: ""')
    assert messages(content) == [
        "content/tasks.yaml:26:13: tasks.technical[0].title.nl: Dutch title is empty — write the "
        "Dutch text after 'nl:'",
    ]


def test_language_left_without_text(content: Path) -> None:
    edit(content, "tasks.yaml", "        nl: Wifi beheren", "        nl:")
    assert messages(content) == [
        "content/tasks.yaml:26:12: tasks.technical[0].title.nl: Dutch title is empty — write the "
        "Dutch text after 'nl:'",
    ]


def test_unknown_key(content: Path) -> None:
    edit(content, "roles.yaml", "    profile:", "    profiel:")
    assert messages(content) == [
        "content/roles.yaml:2:5: roles[0]: the field 'profile' is missing — add 'profile: …' "
        "(what profile suits the role)",
        "content/roles.yaml:6:5: roles[0].profiel: unknown key 'profiel' — did you mean "
        "'profile'? Allowed here: id, title, summary, description, profile, category, groups, "
        "sources, synthesis, aliases, formerly, reviewed, review_by",
    ]


def test_unknown_language(content: Path) -> None:
    edit(content, "roles.yaml", "en: Runs the network.}", "en: Runs the network., fr: Réseau}")
    assert messages(content) == [
        "content/roles.yaml:4:64: roles[0].summary.fr: unknown language 'fr' — the handbook is "
        "written in 'nl' and 'en' only",
    ]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("tasks.yaml", "roles: [network-administrator]\n      level: school\n      frequency: yearly",
     "roles: [network-admin]\n      level: school\n      frequency: yearly",
     "content/tasks.yaml:30:15: tasks.technical[0].roles[0]: role 'network-admin' does not exist "
     "(did you mean 'network-administrator'?) — use an id from content/roles.yaml"),
    ("tasks.yaml", "steps: [divide-tasks]\n      related", "steps: [divide-task]\n      related",
     "content/tasks.yaml:34:15: tasks.technical[0].steps[0]: step 'divide-task' does not exist "
     "(did you mean 'divide-tasks'?) — use an id from content/guidelines.yaml"),
    ("roles.yaml", "sources: [source-one]", "sources: [source-two]",
     "content/roles.yaml:8:15: roles[0].sources[0]: source 'source-two' does not exist "
     "(did you mean 'source-one'?) — use an id from content/sources.yaml"),
    ("tasks.yaml", "related: [ped-coaching]", "related: [ped-coach]",
     "content/tasks.yaml:35:17: tasks.technical[0].related[0]: task 'ped-coach' does not exist "
     "(did you mean 'ped-coaching'?) — use an id from content/tasks.yaml"),
], ids=["role", "step", "source", "task"])
def test_dangling_reference(content: Path, file: str, old: str, new: str, expected: str) -> None:
    edit(content, file, old, new)
    assert messages(content) == [expected]


def test_wrong_type(content: Path) -> None:
    edit(content, "tasks.yaml", "hours: 40", "hours: veertig")
    assert messages(content) == [
        "content/tasks.yaml:33:14: tasks.technical[0].hours: expected a whole number, got the "
        "text 'veertig' — see content/README.md for the shape of this field",
    ]


def test_text_instead_of_both_languages(content: Path) -> None:
    edit(content, "roles.yaml", "profile: {nl: Technisch., en: Technical.}", "profile: Technisch")
    assert messages(content) == [
        "content/roles.yaml:6:14: roles[0].profile: expected Dutch and English text — write "
        "'nl: …' and 'en: …' on indented lines under 'profile:'",
    ]


def test_value_not_allowed(content: Path) -> None:
    edit(content, "tasks.yaml", "frequency: weekly", "frequency: weekley")
    assert messages(content) == [
        "content/tasks.yaml:44:18: tasks.pedagogical[0].frequency: 'weekley' is not allowed here "
        "(did you mean 'weekly'?) — use one of: daily, weekly, monthly, per-term, yearly, "
        "school-year-start, ongoing, as-needed",
    ]


def test_html_in_plain_text(content: Path) -> None:
    edit(content, "tasks.yaml", "nl: Wifi beheren", "nl: Wifi <b>beheren</b>")
    assert messages(content) == [
        "content/tasks.yaml:26:13: tasks.technical[0].title.nl: HTML ('<b>') is not allowed in "
        "plain text — remove the tag and keep only the words",
    ]


def test_html_in_markdown(content: Path) -> None:
    edit(content, "tasks.yaml", '"Het **netwerk**."', '"Het <script>alert(1)</script>."')
    assert messages(content) == [
        "content/tasks.yaml:29:25: tasks.technical[0].description.nl: raw HTML ('<script>') is not "
        "allowed — write Markdown instead, for example **bold** or [link text](https://…)",
    ]


def test_script_link_in_markdown(content: Path) -> None:
    edit(content, "tasks.yaml", '"Het **netwerk**."', '"Het [netwerk](javascript:alert(1))."')
    assert messages(content) == [
        "content/tasks.yaml:29:25: tasks.technical[0].description.nl: a 'javascript:' link is not "
        "allowed — link to a web address (https://…) instead",
    ]


def test_script_link_as_a_reference_definition(content: Path) -> None:
    edit(content, "tasks.yaml", '"Het **netwerk**."',
         '"Zie [de handleiding][h].\\n\\n[h]: javascript:alert(1)"')
    assert messages(content) == [
        "content/tasks.yaml:29:25: tasks.technical[0].description.nl: a 'javascript:' link is not "
        "allowed — link to a web address (https://…) instead",
    ]


def test_heading_in_markdown(content: Path) -> None:
    edit(content, "roles.yaml", "description: {nl: Netwerk., en: Network.}",
         'description: {nl: "# Netwerk", en: Network.}')
    assert messages(content) == [
        "content/roles.yaml:5:23: roles[0].description.nl: headings ('#') are not allowed here — "
        "the page adds its own headings; use **bold text** for emphasis",
    ]


def test_no_provenance(content: Path) -> None:
    edit(content, "tasks.yaml", "      steps: []\n      synthesis: true\n  policy:",
         "      steps: []\n  policy:")
    assert messages(content) == [
        "content/tasks.yaml:38:7: tasks.pedagogical[0]: 'ped-coaching' has no provenance — add "
        "'sources: [source-id, …]' with ids from content/sources.yaml, or 'synthesis: true' if "
        "this is the handbook's own synthesis",
    ]


def test_duplicate_key(content: Path) -> None:
    edit(content, "tasks.yaml", "      hours: 40\n", "      hours: 40\n      hours: 50\n")
    assert messages(content) == [
        "content/tasks.yaml:34:7: tasks.technical[0].hours: the key 'hours' appears twice in the "
        "same block — keep one of them",
    ]


def test_bad_label_name(content: Path) -> None:
    edit(content, "ui.yaml", "  nav.roles: {nl: Rollen, en: Roles}", "  Nav Roles: {nl: Rollen, en: Roles}")
    assert messages(content) == [
        "content/ui.yaml:7:3: labels.Nav Roles: 'Nav Roles' is not a valid label name — use "
        "lowercase letters, digits, dots, hyphens and underscores, starting with a letter (for "
        "example 'downloads.title.xlsx')",
    ]


def test_unknown_task_group(content: Path) -> None:
    edit(content, "tasks.yaml", "  pedagogical:\n", "  pedagogic:\n")
    found = messages(content)
    assert "content/tasks.yaml:37:3: tasks.pedagogic: 'pedagogic' is not a valid task group id " \
           "(did you mean 'pedagogical'?) — use one of: technical, pedagogical, policy, " \
           "administrative" in found


def test_number_out_of_range(content: Path) -> None:
    edit(content, "tasks.yaml", "hours: 40", "hours: 2500")
    assert messages(content) == [
        "content/tasks.yaml:33:14: tasks.technical[0].hours: 2500 is out of range — use a whole "
        "number from 0 to 2000",
    ]


def test_ranges_and_lengths_are_read_from_the_schema(content: Path, tmp_path: Path) -> None:
    # The same file against a schema with other limits: the messages follow the schema
    schema_dir = tmp_path / "schema"
    shutil.copytree(ROOT / "schema", schema_dir)
    tasks_schema = schema_dir / "tasks.schema.json"
    text = tasks_schema.read_text(encoding="utf-8")
    tasks_schema.write_text(text.replace('"maximum": 2000', '"maximum": 80'), encoding="utf-8")
    common = schema_dir / "common.schema.json"
    common.write_text(common.read_text(encoding="utf-8").replace('"maxLength": 60', '"maxLength": 21'),
                      encoding="utf-8")
    edit(content, "tasks.yaml", "hours: 40", "hours: 90")
    edit(content, "tasks.yaml", "id: adm-licences", "id: adm-licences-and-contracts")
    source = read_source(content / "tasks.yaml", "content/tasks.yaml")
    assert [str(error) for error in sorted(check_schema(source, "tasks.schema.json", schema_dir))] == [
        "content/tasks.yaml:33:14: tasks.technical[0].hours: 90 is out of range — use a whole "
        "number from 0 to 80",
        "content/tasks.yaml:60:11: tasks.administrative[0].id: 'adm-licences-and-contracts' is not "
        "a valid id — use lowercase letters, digits and single hyphens, starting with a letter, at "
        "most 21 characters (for example 'tech-wifi')",
    ]


def test_bad_reference_id(content: Path) -> None:
    edit(content, "tasks.yaml", "roles: [network-administrator]\n      level: school\n      frequency: "
         "yearly", "roles: [Network_Admin]\n      level: school\n      frequency: yearly")
    assert "content/tasks.yaml:30:15: tasks.technical[0].roles[0]: 'Network_Admin' is not a valid " \
           "id — use lowercase letters, digits and single hyphens, starting with a letter, at most " \
           "60 characters (for example 'tech-wifi')" in messages(content)


def test_missing_file(content: Path) -> None:
    (content / "sources.yaml").unlink()
    assert messages(content) == [
        "content/sources.yaml:1:1: the file is missing — restore it from git (git checkout -- "
        "content/sources.yaml)",
    ]


def test_file_that_is_not_utf8(content: Path) -> None:
    path = content / "glossary.yaml"
    path.write_bytes(path.read_bytes().replace("coördinator".encode(), "coördinator".encode("latin-1"), 1))
    assert messages(content) == [
        "content/glossary.yaml:3:1: the file is not UTF-8 text — save it as UTF-8",
    ]


def test_all_errors_are_reported_at_once(content: Path) -> None:
    edit(content, "tasks.yaml", "        en: Manage Wi-Fi\n", "")
    edit(content, "roles.yaml", "sources: [source-one]", "sources: [source-two]")
    edit(content, "glossary.yaml", "nl: ICT-coördinator", "nl: ''")
    found = messages(content)
    assert len(found) == 3
    assert [line.split(":")[0] for line in found] == [
        "content/glossary.yaml", "content/roles.yaml", "content/tasks.yaml",
    ]


# ---- Odd but valid input -------------------------------------------------------------------


def test_byte_order_mark_and_crlf_line_endings_are_fine(content: Path) -> None:
    path = content / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_handbook(content).task("tech-wifi").title.en == "Manage Wi-Fi"


def test_crlf_errors_keep_their_line_numbers(content: Path) -> None:
    edit(content, "tasks.yaml", "        en: Manage Wi-Fi\n", "")
    path = content / "tasks.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert messages(content)[0].startswith("content/tasks.yaml:26:9: tasks.technical[0].title:")


def test_quoted_and_unquoted_strings_load_the_same(content: Path) -> None:
    edit(content, "tasks.yaml", "nl: Wifi beheren", "nl: 'Wifi beheren'")
    assert load_handbook(content).task("tech-wifi").title.nl == "Wifi beheren"


def test_markdown_is_kept_for_rendering(content: Path) -> None:
    assert load_handbook(content).task("tech-wifi").description.nl == "Het **netwerk**."


def test_the_real_content_is_valid() -> None:
    handbook = load_handbook(ROOT / "content")
    assert len(handbook.tasks) >= 60
    assert len(handbook.roles) >= 10


# ---- Aliases, former ids, related tasks, role groups, starter teams (issue 9) --------------


def test_alias_too_long(content: Path) -> None:
    edit(content, "tasks.yaml", "      related: [ped-coaching]\n",
         "      related: [ped-coaching]\n      aliases:\n"
         "        nl: [wifi, het draadloze netwerk in alle lokalen van de school]\n")
    assert messages(content) == [
        "content/tasks.yaml:37:20: tasks.technical[0].aliases.nl[1]: the alias 'het draadloze "
        "netwerk in alle lokalen van de school' is too long (51 characters) — an alias is a word "
        "or short phrase people search for, at most 40 characters",
    ]


def test_alias_repeats_the_title(content: Path) -> None:
    edit(content, "tasks.yaml", "      related: [ped-coaching]\n",
         "      related: [ped-coaching]\n      aliases:\n        en: [manage wi-fi]\n")
    assert messages(content) == [
        "content/tasks.yaml:37:14: tasks.technical[0].aliases.en[0]: the alias 'manage wi-fi' "
        "repeats the title — an alias is another word for the same thing; remove it",
    ]


def test_aliases_without_a_language(content: Path) -> None:
    edit(content, "tasks.yaml", "      related: [ped-coaching]\n",
         "      related: [ped-coaching]\n      aliases: {}\n")
    assert messages(content) == [
        "content/tasks.yaml:36:16: tasks.technical[0].aliases: no aliases are given — add "
        "'nl: [...]' and/or 'en: [...]' under 'aliases:', or remove 'aliases:'",
    ]


def test_alias_with_a_comma(content: Path) -> None:
    edit(content, "roles.yaml", "    sources: [source-one]",
         "    sources: [source-one]\n    aliases: {en: ['network manager, sysadmin']}")
    assert messages(content) == [
        "content/roles.yaml:9:20: roles[0].aliases.en[0]: the alias 'network manager, sysadmin' "
        "holds a comma — write each alias as an item of its own in the list",
    ]


def test_step_aliases_are_checked_as_a_tasks_are(content: Path) -> None:
    edit(content, "guidelines.yaml", "        synthesis: true\n",
         "        synthesis: true\n        aliases:\n"
         "          nl: [taakverdeling, wie doet wat op school en hoeveel uur krijgt elk]\n"
         "          en: [Divide Tasks]\n")
    assert messages(content) == [
        "content/guidelines.yaml:25:31: phases[0].steps[0].aliases.nl[1]: the alias 'wie doet "
        "wat op school en hoeveel uur krijgt elk' is too long (48 characters) — an alias is a word "
        "or short phrase people search for, at most 40 characters",
        "content/guidelines.yaml:26:16: phases[0].steps[0].aliases.en[0]: the alias 'Divide Tasks' "
        "repeats the title — an alias is another word for the same thing; remove it",
    ]


def test_characteristic_aliases_are_checked_and_loaded(content: Path) -> None:
    edit(content, "characteristics.yaml", "    sources: [source-one]",
         "    aliases: {nl: [centraal ICT-team], en: [Strong school group]}\n    sources: [source-one]")
    assert messages(content) == [
        "content/characteristics.yaml:11:45: characteristics[0].aliases.en[0]: the alias 'Strong "
        "school group' repeats the title — an alias is another word for the same thing; remove it",
    ]
    edit(content, "characteristics.yaml", "en: [Strong school group]", "en: [central ICT team]")
    assert load_handbook(content).characteristics[0].aliases.en == ("central ICT team",)


def test_step_aliases_are_loaded(content: Path) -> None:
    edit(content, "guidelines.yaml", "        synthesis: true\n",
         "        synthesis: true\n        aliases: {nl: [taakverdeling], en: [task division]}\n")
    step = load_handbook(content).step("divide-tasks")
    assert step.aliases.nl == ("taakverdeling",) and step.aliases.en == ("task division",)


def test_former_id_still_in_use(content: Path) -> None:
    edit(content, "tasks.yaml", "      related: [ped-coaching]\n",
         "      related: [ped-coaching]\n      formerly: [pol-vision]\n")
    assert messages(content) == [
        "content/tasks.yaml:36:18: tasks.technical[0].formerly[0]: 'pol-vision' is still the id "
        "of a record at content/tasks.yaml:50:11 — a former id must no longer be in use; remove "
        "it from 'formerly:' or give that record another id",
    ]


def test_former_id_listed_twice(content: Path) -> None:
    edit(content, "tasks.yaml", "      related: [ped-coaching]\n",
         "      related: [ped-coaching]\n      formerly: [tech-old-wifi]\n")
    edit(content, "tasks.yaml", "      hours: 30\n", "      hours: 30\n      formerly: [tech-old-wifi]\n")
    assert messages(content) == [
        "content/tasks.yaml:47:18: tasks.pedagogical[0].formerly[0]: 'tech-old-wifi' is already "
        "a former id at content/tasks.yaml:36:18 — an old id can lead to one record only; remove "
        "one of the two",
    ]


def test_reference_to_a_merged_task_names_its_new_id(content: Path) -> None:
    edit(content, "tasks.yaml", "      hours: 30\n", "      hours: 30\n      formerly: [ped-old-coaching]\n")
    edit(content, "tasks.yaml", "related: [ped-coaching]", "related: [ped-old-coaching]")
    assert messages(content) == [
        "content/tasks.yaml:35:17: tasks.technical[0].related[0]: task 'ped-old-coaching' was "
        "merged or renamed into 'ped-coaching' — use 'ped-coaching' (see 'formerly:' in "
        "content/tasks.yaml)",
    ]


def test_task_related_to_itself(content: Path) -> None:
    edit(content, "tasks.yaml", "related: [ped-coaching]", "related: [tech-wifi]")
    assert messages(content) == [
        "content/tasks.yaml:35:17: tasks.technical[0].related[0]: 'tech-wifi' lists itself as "
        "related — remove it from 'related:'",
    ]


def test_relation_written_on_both_tasks(content: Path) -> None:
    edit(content, "tasks.yaml", "      hours: 30\n", "      hours: 30\n      related: [tech-wifi]\n")
    assert messages(content) == [
        "content/tasks.yaml:46:17: tasks.pedagogical[0].related[0]: 'tech-wifi' already lists "
        "'ped-coaching' as related (content/tasks.yaml:35:17) — write a relation on one of the "
        "two tasks only; both pages show it",
    ]


def test_declared_role_groups_are_refused(content: Path) -> None:
    edit(content, "roles.yaml", "    category: core\n", "    category: core\n    groups: [policy]\n")
    assert messages(content) == [
        "content/roles.yaml:8:5: roles[0].groups: 'groups' is no longer written here — a role's "
        "task groups are derived from the tasks that list the role in content/tasks.yaml; remove "
        "this line",
    ]


def test_starter_team_with_an_unknown_role(content: Path) -> None:
    edit(content, "team-templates.yaml", "roles: [network-administrator]", "roles: [network-admin]")
    found = messages(content)
    # The unknown role, and every task that therefore has nobody to take it
    assert found[-1] == (
        "content/team-templates.yaml:9:17: templates[0].members[0].roles[0]: role "
        "'network-admin' does not exist (did you mean 'network-administrator'?) — use an id from "
        "content/roles.yaml"
    )
    assert found[:-1] == [
        f"content/team-templates.yaml:6:5: templates[0].members: task '{task}' has no owner "
        f"in starter team 'team-small': no member holds one of its roles (network-administrator) "
        f"— give a member one of those roles, add '{task}: <member key>' under 'owners:', "
        "or list the task under 'outside:'"
        for task in ("adm-licences", "ped-coaching", "tech-wifi")
    ]


def test_starter_team_with_an_unknown_task_and_member(content: Path) -> None:
    edit(content, "team-templates.yaml", "school-group: [pol-vision]",
         "school-group: [pol-visoin]\n    owners:\n      tech-wifi: director")
    assert messages(content) == [
        "content/team-templates.yaml:12:22: templates[0].outside.school-group[0]: task "
        "'pol-visoin' does not exist (did you mean 'pol-vision'?) — use an id from "
        "content/tasks.yaml",
        "content/team-templates.yaml:14:18: templates[0].owners.tech-wifi: member 'director' is "
        "not in this starter team — use a key from its 'members:' list (coordinator)",
    ]


def test_task_both_outside_and_owned(content: Path) -> None:
    edit(content, "team-templates.yaml", "school-group: [pol-vision]",
         "school-group: [pol-vision]\n    owners:\n      pol-vision: coordinator")
    assert messages(content) == [
        "content/team-templates.yaml:12:22: templates[0].outside.school-group[0]: task "
        "'pol-vision' also has an owner under 'owners:' — a task goes outside or to a member, "
        "not both; keep one of the two",
    ]


# ---- The self-assessment's rubrics (content/rubrics.yaml) -------------------------------------


def test_rubric_with_a_dangling_step_and_task(content: Path) -> None:
    edit(content, "rubrics.yaml", "steps: [divide-tasks]", "steps: [divide-task]")
    edit(content, "rubrics.yaml", "tasks: [pol-vision]", "tasks: [tech-wifi, pol-visoin]")
    assert messages(content) == [
        "content/rubrics.yaml:9:13: rubrics[0].steps[0]: step 'divide-task' does not exist "
        "(did you mean 'divide-tasks'?) — use an id from content/guidelines.yaml",
        "content/rubrics.yaml:10:24: rubrics[0].tasks[1]: task 'pol-visoin' does not exist "
        "(did you mean 'pol-vision'?) — use an id from content/tasks.yaml",
    ]


def test_rubric_naming_a_merged_task(content: Path) -> None:
    edit(content, "tasks.yaml", "    - id: pol-vision\n",
         "    - id: pol-vision\n      formerly: [pol-old-vision]\n")
    edit(content, "rubrics.yaml", "tasks: [pol-vision]", "tasks: [pol-old-vision]")
    assert messages(content) == [
        "content/rubrics.yaml:10:13: rubrics[0].tasks[0]: task 'pol-old-vision' was merged or "
        "renamed into 'pol-vision' — use 'pol-vision' (see 'formerly:' in content/tasks.yaml)",
    ]


def test_rubric_with_too_few_levels(content: Path) -> None:
    edit(content, "rubrics.yaml", "      - {nl: Altijd samen., en: Always together.}\n", "")
    assert messages(content) == [
        "content/rubrics.yaml:4:7: rubrics[0].levels: 3 levels are described, but the "
        "self-assessment has 4 (schema/team-assessment.schema.json, $defs.level) — write one "
        "description per level, from level 1 (not yet) to level 4 (fully)",
    ]


def test_rubric_of_an_unknown_characteristic_and_one_missing(content: Path) -> None:
    edit(content, "rubrics.yaml", "characteristic: strong-school-group-role",
         "characteristic: strong-school-group-rol")
    assert messages(content) == [
        "content/rubrics.yaml:1:1: rubrics: characteristic 'strong-school-group-role' "
        "(content/characteristics.yaml:2) has no rubric — add a record with "
        "'characteristic: strong-school-group-role', its levels, advice, steps and tasks",
        "content/rubrics.yaml:2:21: rubrics[0].characteristic: characteristic "
        "'strong-school-group-rol' does not exist (did you mean 'strong-school-group-role'?) — "
        "use an id from content/characteristics.yaml",
    ]


def test_two_rubrics_for_one_characteristic(content: Path) -> None:
    text = (content / "rubrics.yaml").read_text(encoding="utf-8")
    (content / "rubrics.yaml").write_text(text + text.split("\n", 1)[1], encoding="utf-8")
    assert messages(content) == [
        "content/rubrics.yaml:12:21: rubrics[1].characteristic: 'strong-school-group-role' "
        "already has a rubric at content/rubrics.yaml:2:21 — a characteristic has one rubric; "
        "merge the two",
    ]


def test_rubric_without_provenance_or_advice(content: Path) -> None:
    edit(content, "rubrics.yaml", "    synthesis: true\n", "")
    edit(content, "rubrics.yaml", "    advice: {nl: Maak afspraken., en: Make agreements.}\n", "")
    found = messages(content)
    assert "content/rubrics.yaml:2:5: rubrics[0]: the rubric of 'strong-school-group-role' has no " \
           "provenance — add 'synthesis: true' if it is the handbook's own synthesis, or " \
           "'sources: [source-id, …]' with ids from content/sources.yaml" in found
    assert any(message.startswith("content/rubrics.yaml:2:5: rubrics[0]") and "advice" in message
               for message in found), found
