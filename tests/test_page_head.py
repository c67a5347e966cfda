"""What every page tells browsers, search engines and link previews: a description of its own,
Open Graph and Twitter card tags, a print-only stylesheet and a named search dialog.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import ROOT, Site
from tests.test_published import language_config, site_url

LOCALES = {"nl": "nl_BE", "en": "en_GB"}
SEARCH_NAME = {"nl": "Zoeken", "en": "Search"}  # Material's own word for search, per language


def pages_of(site: Path, language: str) -> list[str]:
    """The URL of every page built in `language` (404 pages aside)."""
    root = site if language == DEFAULT_LANGUAGE else site / language
    urls = []
    for html in sorted(root.rglob("index.html")):
        url = html.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if language == DEFAULT_LANGUAGE and url.split("/")[0] in LANGUAGES:
            continue
        urls.append(url)
    return urls


def meta(soup: object, key: str) -> str | None:
    """The content of a <meta> named `key` (name="…" or property="…"), or None."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def hand_written() -> list[tuple[str, str]]:
    """(language, file name) of every page written by hand under docs/ and kept in git."""
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    return [(path.split("/")[1], path.split("/")[2]) for path in tracked
            if path.count("/") == 2 and path.endswith(".md")]


# ---- Descriptions -----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "name"), hand_written(), ids="/".join)
def test_hand_written_pages_have_a_description_of_their_own(pages: Site, language: str,
                                                            name: str) -> None:
    text = (ROOT / "docs" / language / name).read_text(encoding="utf-8")
    front_matter = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
    description = (front_matter or {}).get("description")
    assert description, f"docs/{language}/{name} has no 'description:' in its front matter"
    assert 50 <= len(description) <= 200, "a description of one or two sentences"
    stem = name.removesuffix(".md")
    url = ("" if stem == "index" else f"{stem}/")
    url = url if language == DEFAULT_LANGUAGE else f"{language}/{url}"
    assert meta(pages.page(url), "description") == description


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_pages_share_a_description(site: Path, pages: Site, language: str) -> None:
    seen: dict[str, str] = {}
    site_description = language_config(language).site_description
    for url in pages_of(site, language):
        description = meta(pages.page(url), "description")
        assert description and description != site_description, f"/{url} has no description of its own"
        assert description not in seen, f"/{url} and /{seen.get(description)} share a description"
        seen[description] = url


# ---- Link previews ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_link_preview_tags(site: Path, pages: Site, language: str) -> None:
    base = site_url()
    names = language_config(language)
    image = f"{base}assets/images/share-{language}.png"
    assert (site / "assets" / "images" / f"share-{language}.png").is_file()
    for url in pages_of(site, language):
        soup = pages.page(url)
        heading = soup.select_one("article h1").get_text(strip=True).removesuffix("¶")
        tags = {key: meta(soup, key) for key in (
            "og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale",
            "og:locale:alternate", "og:image", "og:image:width", "og:image:height", "og:image:alt",
            "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt")}
        assert tags["og:type"] == "website"
        assert tags["og:site_name"] == names.site_name
        assert tags["og:title"] == heading, url
        assert tags["og:description"] == meta(soup, "description")
        assert tags["og:url"] == base + url == soup.find("link", rel="canonical")["href"]
        assert tags["og:locale"] == LOCALES[language]
        assert tags["og:locale:alternate"] == LOCALES["en" if language == "nl" else "nl"]
        assert tags["og:image"] == tags["twitter:image"] == image
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:alt"] == tags["twitter:image:alt"] and names.site_name in tags["og:image:alt"]
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:title"] == tags["og:title"]
        assert tags["twitter:description"] == tags["og:description"]


# ---- Stylesheets and the search dialog --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_stylesheet_is_for_print_only(site: Path, pages: Site, language: str) -> None:
    for url in [*pages_of(site, language)[:40], "team/" if language == "nl" else "en/team/"]:
        links = pages.page(url).find_all("link", rel="stylesheet")
        printing = [link for link in links if link["href"].endswith("assets/stylesheets/print.css")]
        assert [link.get("media") for link in printing] == ["print"], url
        assert links[-1] is printing[0], f"/{url}: print.css comes last, so its rules win in print"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_dialog_has_a_name_in_the_page_language(site: Path, pages: Site, language: str) -> None:
    for url in pages_of(site, language):
        dialogs = pages.page(url).select('[role="dialog"]')
        assert [dialog.get("aria-label") for dialog in dialogs] == [SEARCH_NAME[language]], url
