"""The task catalogue and the roles: merged records keep their old addresses, relations and role
groups are derived, hours are never summed across levels, starter teams place every task, and
the pages say plainly that the catalogue is the handbook's own reconstruction.
"""

from __future__ import annotations

import json

import pytest

from handbook import paths
from handbook.load import load_handbook
from handbook.team_data import EXTRA_FILES, extra_files, team_data
from handbook.team_format import hours_percent
from tests.conftest import LANGUAGES, ROOT, Site, url_for

HANDBOOK = load_handbook(ROOT / "content")
FORMER = [(record, old) for record in (*HANDBOOK.tasks, *HANDBOOK.roles)
          for old in record.former_ids]
OFFICIAL_URL = HANDBOOK.source("digisprong-task-overview").url


# ---- The model -----------------------------------------------------------------------------


def test_merged_ids_map_to_live_records() -> None:
    live = {record.id for record in (*HANDBOOK.tasks, *HANDBOOK.roles)}
    assert FORMER, "the catalogue has merged records"
    for record, old in FORMER:
        assert old not in live
        mapping = HANDBOOK.task_id_map if record in HANDBOOK.tasks else HANDBOOK.role_id_map
        assert mapping[old] == record.id


def test_role_groups_are_derived_from_the_tasks() -> None:
    for role in HANDBOOK.roles:
        tasks = HANDBOOK.tasks_for_role(role.id)
        assert set(role.group_ids) == {task.group_id for task in tasks}, role.id
        counts = [count for _group, count in HANDBOOK.role_task_counts(role)]
        assert counts == sorted(counts, reverse=True), f"{role.id}: most tasks first"


def test_related_tasks_are_shown_both_ways() -> None:
    for task in HANDBOOK.tasks:
        for other in HANDBOOK.related_tasks(task):
            assert task in HANDBOOK.related_tasks(other), (task.id, other.id)


def test_every_starter_team_places_every_task_once() -> None:
    assert len(HANDBOOK.team_templates) >= 3
    for template in HANDBOOK.team_templates:
        assert [a.task_id for a in template.assignments] == [t.id for t in HANDBOOK.tasks]
        keys = {member.key for member in template.members}
        for assignment in template.assignments:
            assert (assignment.owner is None) != (assignment.outside is None), assignment
            assert assignment.owner in keys | {None}
            assert assignment.backup in keys | {None}
            assert assignment.backup != assignment.owner or assignment.backup is None


def test_an_owner_holds_one_of_the_tasks_roles_unless_named_explicitly() -> None:
    for template in HANDBOOK.team_templates:
        for assignment in template.assignments:
            if assignment.owner is None:
                continue
            roles = set(template.member(assignment.owner).role_ids)
            task = HANDBOOK.task(assignment.task_id)
            assert roles & set(task.role_ids) or assignment.task_id in _explicit_owners(template.id)


def _explicit_owners(template_id: str) -> set[str]:
    import yaml

    data = yaml.safe_load((ROOT / "content" / "team-templates.yaml").read_text(encoding="utf-8"))
    template = next(t for t in data["templates"] if t["id"] == template_id)
    return set(template.get("owners", {}))


def test_hours_by_level_add_up_to_the_group_per_level_only() -> None:
    for group in HANDBOOK.groups:
        by_level = group.hours_by_level()
        for level, hours in by_level.items():
            assert hours == sum(t.hours for t in group.tasks if t.level == level)
        assert set(by_level) == {task.level for task in group.tasks}


# ---- The team page's data island -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_data_exposes_old_ids_and_starter_teams(language: str) -> None:
    data = team_data(HANDBOOK, language)
    assert data["formerly"] == HANDBOOK.task_id_map
    assert data["formerRoles"] == HANDBOOK.role_id_map
    task_ids = {task["id"] for task in data["tasks"]}
    role_ids = {role["id"] for role in data["roles"]}
    assert set(data["formerly"].values()) <= task_ids
    assert set(data["formerRoles"].values()) <= role_ids
    # A starter team's partners are named as a school names them, in the page's language
    partners = {HANDBOOK.label(language, f"team.partner_{where}")
                for where in ("school-group", "external-partner")}
    starter_teams = extra_files(HANDBOOK, language)[EXTRA_FILES["starterTeams"]]
    for team, template in zip(starter_teams, HANDBOOK.team_templates, strict=True):
        keys = {member["key"] for member in team["members"]}
        assert set(team["assignments"]) == task_ids
        assert team["school"] == {"pupils": template.pupils, "sites": template.sites}
        percent = hours_percent(template.pupils, template.sites)
        assert team["hoursPercent"] == percent == template.hours_percent
        for member in team["members"]:
            assert set(member["roles"]) <= role_ids and member["name"]
        for assignment in team["assignments"].values():
            if assignment.get("mode") == "outsourced":
                assert assignment["partner"] in partners
            else:
                assert assignment["owner"] in keys
                assert assignment.get("backup", assignment["owner"]) in keys
                assert assignment.get("backup") != assignment["owner"]


def test_the_built_team_page_carries_the_maps(pages: Site) -> None:
    for language in LANGUAGES:
        island = pages.page(url_for("team.md", language)).find("script", id="team-data")
        data = json.loads(island.string)
        assert data["formerly"] == HANDBOOK.task_id_map
        # The starter teams are published beside the page, fetched when a plan starts from one
        teams = json.loads(pages.file_for(url_for("team.md", language) + data["files"]["starterTeams"])
                           .read_text(encoding="utf-8"))
        assert [team["id"] for team in teams] == [template.id for template in HANDBOOK.team_templates]


# ---- Pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("record", "old"), FORMER, ids=lambda x: x if isinstance(x, str) else x.id)
def test_old_addresses_forward_to_the_record(pages: Site, record: object, old: str,
                                             language: str) -> None:
    url = url_for(paths.former_page_path(record, old), language)
    assert pages.exists(url), f"/{url} is gone"
    soup = pages.page(url)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url=../{record.id}/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    links = [a["href"] for a in soup.select("article a[href]")]
    assert f"../{record.id}/" in links, "the page also says where the record went, as a link"
    assert pages.exists(url_for(paths.page_path(record), language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_aliases_are_shown_on_task_role_step_and_characteristic_pages(pages: Site,
                                                                      language: str) -> None:
    label = HANDBOOK.labels["aliases.label"][language]
    assert any(step.aliases[language] for step in HANDBOOK.steps)
    assert any(record.aliases[language] for record in HANDBOOK.characteristics)
    for record in (*HANDBOOK.tasks, *HANDBOOK.roles, *HANDBOOK.steps, *HANDBOOK.characteristics):
        text = pages.page(url_for(paths.page_path(record), language)).select_one("article")
        shown = text.select_one(".handbook-aliases")
        if not record.aliases[language]:
            assert shown is None
            continue
        assert shown.get_text(" ", strip=True).startswith(label)
        for alias in record.aliases[language]:
            assert alias in shown.get_text(), (record.id, alias)


@pytest.mark.parametrize("language", LANGUAGES)
def test_task_overview_shows_hours_per_group_and_level_and_no_grand_total(pages: Site,
                                                                        language: str) -> None:
    soup = pages.page(url_for(paths.TASKS_INDEX, language))
    table = soup.select("article table")[0]
    rows = table.select("tbody tr")
    assert len(rows) == len(HANDBOOK.groups)
    text = soup.select_one("article").get_text(" ")
    grand_total = sum(task.hours for task in HANDBOOK.tasks)
    assert f"{grand_total}" not in text.replace(".", "").replace(",", "")
    for group, row in zip(HANDBOOK.groups, rows, strict=True):
        cells = [td.get_text(strip=True) for td in row.select("td")][1:]
        for level, cell in zip(("school", "school-group", "external-partner"), cells, strict=True):
            hours = group.hours_by_level().get(level)
            assert cell == (HANDBOOK.label(language, "hours.short", hours=hours) if hours
                            else HANDBOOK.label(language, "hours.none"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["index.md", paths.TASKS_INDEX, paths.DOWNLOADS])
def test_pages_say_the_catalogue_is_a_reconstruction(pages: Site, path: str,
                                                     language: str) -> None:
    article = pages.page(url_for(path, language)).select_one("article")
    assert OFFICIAL_URL in [a["href"] for a in article.select("a[href]")]
    assert "reconstructi" in article.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_teams_page(pages: Site, language: str) -> None:
    soup = pages.page(url_for(paths.STARTER_TEAMS, language))
    article = soup.select_one("article")
    for template in HANDBOOK.team_templates:
        assert article.find(id=template.id), template.id
        for member in template.members:
            assert member.name[language] in article.get_text()
        for task_id in template.outside_tasks("school-group"):
            assert HANDBOOK.task(task_id).title[language] in article.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_role_index_groups_roles_by_their_place_in_the_team(pages: Site, language: str) -> None:
    soup = pages.page(url_for(paths.ROLES_INDEX, language))
    listed = [a.get_text() for a in soup.select("article table tbody tr td:first-child a")]
    assert sorted(listed) == sorted(role.title[language] for role in HANDBOOK.roles)
    for category in {role.category for role in HANDBOOK.roles}:
        assert soup.find(id=category)


def test_old_addresses_are_not_search_results(site) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for record, old in FORMER:
        for language in LANGUAGES:
            assert url_for(paths.former_page_path(record, old), language) not in locations
