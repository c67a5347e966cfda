"""Files the site publishes for others: robots.txt, the sitemap's language alternates, the 404
pages, the share images, and data/handbook.json with the JSON Schema it is published under.
"""

from __future__ import annotations

import copy
import functools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import ROOT, Site

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@functools.cache
def mkdocs_config() -> object:
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def site_url() -> str:
    return mkdocs_config().site_url


def language_config(language: str) -> object:
    """The i18n plugin's settings for a language (its site_name, site_description, …)."""
    return next(entry for entry in mkdocs_config().plugins["i18n"].config.languages
                if entry.locale == language)


# ---- robots.txt and the sitemap -------------------------------------------------------------


def test_robots_txt_allows_everything_and_names_the_sitemap(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    assert sitemaps == [site_url() + "sitemap.xml"]
    assert (site / "sitemap.xml").is_file()


def test_every_sitemap_entry_has_both_languages_and_x_default(site: Path) -> None:
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP)
    assert len(urls) > 200
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href")
                      for link in url.findall("x:link[@rel='alternate']", SITEMAP)}
        location = url.find("s:loc", SITEMAP).text
        assert set(alternates) == {*LANGUAGES, "x-default"}, location
        assert alternates["x-default"] == alternates[DEFAULT_LANGUAGE], location
        assert location in alternates.values()


# ---- 404 pages --------------------------------------------------------------------------------


def test_the_english_site_has_an_english_404_page(pages: Site) -> None:
    soup = pages.page("en/404.html")
    assert soup.html["lang"] == "en"
    assert soup.select_one("article h1").get_text(strip=True) == "Page not found"
    assert not soup.select("article [lang]"), "the English 404 page speaks English only"
    assert [a["href"] for a in soup.select("article a")] == ["/en/"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # It is served at any missing address below /en/, so nothing it loads may be relative
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith("/") for href in stylesheets)
    assert {a["hreflang"]: a["href"] for a in soup.select(".md-select a")} == {"nl": "/", "en": "/en/"}


def test_the_site_wide_404_page_keeps_both_languages(pages: Site) -> None:
    soup = pages.page("404.html")
    assert soup.html["lang"] == DEFAULT_LANGUAGE
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert {a["hreflang"]: a["href"] for a in soup.select(".md-select a")} == {"nl": "/", "en": "/en/"}


# ---- Share images -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_share_image_is_made_for_the_handbook_and_states_its_licence(site: Path,
                                                                        language: str) -> None:
    from PIL import Image

    with Image.open(site / "assets" / "images" / f"share-{language}.png") as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)
        metadata = dict(image.text)
    names = language_config(language)
    assert metadata["Title"] == names.site_name
    assert metadata["Description"] == names.site_description
    assert "CC BY 4.0" in metadata["Copyright"]


def test_a_cached_share_image_is_reused_and_remade_when_its_text_changes(tmp_path: Path) -> None:
    from handbook.share_image import write_share_image

    cache = tmp_path / "cache"
    write_share_image(tmp_path / "a.png", "Naam", "Beschrijving", cache)
    write_share_image(tmp_path / "b.png", "Naam", "Beschrijving", cache)
    assert len(list(cache.iterdir())) == 1
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    write_share_image(tmp_path / "c.png", "Naam", "Een andere beschrijving", cache)
    assert len(list(cache.iterdir())) == 2
    assert (tmp_path / "c.png").read_bytes() != (tmp_path / "a.png").read_bytes()


# ---- data/handbook.json and its schema -------------------------------------------------------


@pytest.fixture(scope="module")
def published_validator(site: Path) -> Draft202012Validator:
    """A validator for handbook.json built from the schemas as the site publishes them."""
    resources = [(path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
                 for path in sorted((site / "schema").glob("*.schema.json"))]
    registry = Registry().with_resources(resources)
    schema = registry["handbook.schema.json"].contents
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


@pytest.fixture(scope="module")
def handbook_json(site: Path) -> dict:
    return json.loads((site / "data" / "handbook.json").read_text(encoding="utf-8"))


def test_the_schema_is_published_as_it_is_in_the_repository(site: Path) -> None:
    published = site / "schema" / "handbook.schema.json"
    assert published.read_bytes() == (ROOT / "schema" / "handbook.schema.json").read_bytes()


def test_handbook_json_matches_its_published_schema(published_validator: Draft202012Validator,
                                                    handbook_json: dict) -> None:
    problems = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
                for error in published_validator.iter_errors(handbook_json)]
    assert problems == []


def _broken(document: dict, change: str) -> dict:
    broken = copy.deepcopy(document)
    task = broken["groups"][0]["tasks"][0]
    if change == "missing English title":
        del task["title"]["en"]
    elif change == "unknown field":
        task["owner"] = "An"
    elif change == "hours as text":
        task["hours"] = "40"
    elif change == "unknown level":
        task["level"] = "province"
    elif change == "relative page URL":
        task["url"]["nl"] = "tasks/x/"
    elif change == "other format version":
        broken["format_version"] = broken["format_version"] + 1
    return broken


@pytest.mark.parametrize("change", ["missing English title", "unknown field", "hours as text",
                                    "unknown level", "relative page URL", "other format version"])
def test_the_schema_rejects_a_document_of_another_shape(published_validator: Draft202012Validator,
                                                       handbook_json: dict, change: str) -> None:
    assert not published_validator.is_valid(_broken(handbook_json, change))
