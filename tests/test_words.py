"""Promise: the pages speak to their reader, in the reader's language.

The home page starts with where to begin (the team planner among them) and keeps the history
for later; the recommendations page leads with the recommendations, marks its synthesis once,
explains its terms in tooltips and says which sources are in another language; a role's facts
are one list, not a list inside a list; the heading links' tooltip is in the page's language;
a count of one takes the singular ("1 task", never "1 tasks").
"""

from __future__ import annotations

import pytest

from handbook import paths
from tests.conftest import LANGUAGES, url_for
from tests.test_site import HANDBOOK

OTHER = {"nl": "en", "en": "nl"}


def article(pages, path: str, language: str):
    return pages.page(url_for(path, language)).select_one("article")


# ---- The home page ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_starts_with_where_to_begin(pages, language: str) -> None:
    body = article(pages, "index.md", language)
    headings = [h.get_text(" ", strip=True).rstrip("¶ ").strip() for h in body.find_all("h2")]
    first = body.find("h2")
    assert headings[0] == {"nl": "Waar begin je?", "en": "Where to start"}[language]
    # Between the title and "where to start": one short paragraph, no history, no note
    before = [node for node in first.find_all_previous(["p", "div"]) if body in node.parents]
    assert len(before) == 1 and len(before[0].get_text()) < 200, before
    links = [a["href"] for a in first.find_next("ul").select("a[href]")]
    assert links[0] == "team/", "the team planner comes first"
    # The history and the note come last
    assert body.select(".admonition")[-1] is body.select(".admonition")[0]
    assert body.select_one(".admonition").find_previous("h2") is body.find_all("h2")[-1]


def test_the_team_planner_link_is_in_the_first_screen(page, server) -> None:
    for language in LANGUAGES:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(server + url_for("index.md", language))
        link = page.locator("article a[href='team/']").first
        assert link.bounding_box()["y"] + link.bounding_box()["height"] < 844


# ---- The recommendations page -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recommendations_page_leads_with_the_recommendations(pages, language: str) -> None:
    body = article(pages, paths.RECOMMENDATIONS, language)
    glance = body.select_one(".handbook-at-a-glance")
    assert glance is not None and glance.find_previous("h2") is None, "the list comes before any section"
    listed = [a["href"].lstrip("#") for a in glance.select("a[href^='#']")]
    every = [r.id for level in HANDBOOK.recommendation_levels for r in level.recommendations]
    assert listed == every
    for recommendation_id in every:
        assert body.find(id=recommendation_id) is not None
    # Nothing about what could not be consulted before the recommendations: that is the last section
    method = body.find(id="method")
    assert method is body.find_all("h2")[-1]
    consulted = {"nl": "niet raadplegen", "en": "could not consult"}[language]
    assert consulted in method.find_next("p").get_text()
    assert sum(consulted in p.get_text() for p in body.find_all("p")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recommendations_page_marks_its_synthesis_once(pages, language: str) -> None:
    body = article(pages, paths.RECOMMENDATIONS, language)
    synthesis = HANDBOOK.label(language, "provenance.synthesis_title")
    boxes = [box for box in body.select(".admonition") if synthesis in box.get_text()]
    assert len(boxes) == 1
    recommendations = [r for level in HANDBOOK.recommendation_levels for r in level.recommendations]
    cited = sum(bool(r.provenance.source_ids) for r in recommendations)
    assert len(body.select(".handbook-based-on")) == cited


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recommendations_page_explains_its_terms(pages, language: str) -> None:
    body = article(pages, paths.RECOMMENDATIONS, language)
    explained = {abbr.get_text() for abbr in body.select("abbr[title]")}
    terms = {"nl": {"Vlor", "VICLI", "MICTIVO", "speerpunt", "puntenenveloppe"},
             "en": {"Vlor", "VICLI", "MICTIVO", "spearhead", "points envelope"}}[language]
    assert terms <= explained


@pytest.mark.parametrize("language", LANGUAGES)
def test_sources_in_another_language_are_marked(pages, language: str) -> None:
    body = article(pages, paths.RECOMMENDATIONS, language)
    other = HANDBOOK.label(language, "provenance.in_language",
                           language=HANDBOOK.label(language, f"language.{OTHER[language]}"))
    items = body.select(".handbook-based-on li")
    assert items
    for item in items:
        source = next(s for s in HANDBOOK.sources if s.url == item.a["href"])
        assert (other in item.get_text()) == (source.language != language), item.get_text()


# ---- Roles, headings, plurals -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda role: role.id)
def test_a_roles_facts_are_one_list(pages, role, language: str) -> None:
    facts = article(pages, paths.page_path(role), language).select_one(".handbook-facts")
    assert facts.select("dl dl") == []
    terms = [dt.get_text(strip=True) for dt in facts.select("dt")]
    assert terms[-1] == HANDBOOK.label(language, "field.task_count")
    assert facts.select("dd")[-1].get_text(strip=True) == str(len(HANDBOOK.tasks_for_role(role.id)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_links_speak_the_pages_language(pages, language: str) -> None:
    for path in ("index.md", paths.RECOMMENDATIONS, paths.page_path(HANDBOOK.tasks[0]), "team.md"):
        titles = {a["title"] for a in pages.page(url_for(path, language)).select("a.headerlink")}
        assert titles == {HANDBOOK.label(language, "heading.permalink")}, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_of_one_is_singular(pages, language: str) -> None:
    one_task_roles = [role for role in HANDBOOK.roles if len(HANDBOOK.tasks_for_role(role.id)) == 1]
    assert HANDBOOK.label(language, "downloads.describe.role", count=1) == \
        HANDBOOK.labels["downloads.describe.role.one"][language]
    words = {"nl": ("1 taak", "2 taken"), "en": ("1 task", "2 tasks")}[language]
    assert HANDBOOK.label(language, "tasks.group_count", count=1) == words[0]
    assert HANDBOOK.label(language, "tasks.group_count", count=2) == words[1]
    text = article(pages, paths.DOWNLOADS, language).get_text(" ")
    for role in one_task_roles:
        assert role.title[language] in text
    assert " 1 taken" not in text and " 1 tasks" not in text and "The 1 " not in text and "De 1 " not in text
