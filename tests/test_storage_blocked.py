"""With storage blocked by the browser (privacy settings, some school profiles), every page loads
without an error and search still works.

Chromium blocks storage when a profile blocks cookies and site data: then merely reading
`localStorage` or `sessionStorage` throws a SecurityError. The tests use a real Chromium profile
with that setting, not a simulation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, ROOT, url_for
from tests.test_accessibility import kinds_of_pages

OUR_HELPERS = ROOT / "overrides" / "partials" / "javascripts" / "base.html"
# Material's storage helpers as overrides/partials/javascripts/base.html adapted them
# (mkdocs-material 9.8.2, partials/javascripts/base.html)
MATERIAL_HELPERS = (
    '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
    "__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
    "__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+\".\"+e)),"
    "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+\".\"+e,JSON.stringify(_))}"
    "catch(e){}}</script>"
)


def test_material_storage_helpers_are_the_ones_we_adapted() -> None:
    # The handbook replaces Material's storage helpers with guarded ones; when Material changes
    # them, ours must be compared with the new ones and this test updated
    import material

    upstream = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"
    script = re.search(r"<script>.*</script>", upstream.read_text(encoding="utf-8"), re.DOTALL)
    assert script and script.group(0) == MATERIAL_HELPERS, (
        f"Material's storage helpers changed ({upstream}): compare them with {OUR_HELPERS}")
    ours = OUR_HELPERS.read_text(encoding="utf-8")
    for name in ("__md_scope", "__md_hash", "__md_get", "__md_set"):
        assert f"{name}=" in ours


# ---- A browser that blocks storage ------------------------------------------------------------


@pytest.fixture(scope="module")
def blocking_context(browser: object, chromium_path: str,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A Chromium profile that blocks cookies and site data, so storage access throws.

    Started through the session's Playwright (one Playwright per process can run)."""
    profile = tmp_path_factory.mktemp("profile-blocking-storage")
    (profile / "Default").mkdir()
    (profile / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(  # type: ignore[attr-defined]
        str(profile), executable_path=chromium_path, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"])
    yield context
    context.close()


@pytest.fixture
def blocked_page(blocking_context: object) -> Iterator[object]:
    new_page = blocking_context.new_page()  # type: ignore[attr-defined]
    new_page.errors = []
    new_page.on("pageerror", lambda error: new_page.errors.append(str(error)))
    new_page.on("console", lambda message: message.type == "error"
                and new_page.errors.append(message.text))
    yield new_page
    new_page.close()


pytestmark = pytest.mark.browser


def test_the_browser_really_blocks_storage(blocked_page: object, server: str) -> None:
    blocked_page.goto(server)
    for storage in ("localStorage", "sessionStorage"):
        error = blocked_page.evaluate(f"() => {{ try {{ {storage}.length; return ''; }} "
                                      "catch (error) { return error.name; } }")
        assert error == "SecurityError", storage


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_loads_without_an_error(blocked_page: object, server: str,
                                                   language: str) -> None:
    failures = {}
    urls = [url_for(path, language) for _, path in kinds_of_pages()]
    urls.append("404.html" if language == "nl" else f"{language}/404.html")
    for url in urls:
        blocked_page.errors.clear()
        blocked_page.goto(server + url)
        blocked_page.wait_for_load_state("networkidle")
        if blocked_page.errors:
            failures[url] = list(blocked_page.errors)
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_returns_results(blocked_page: object, server: str, language: str) -> None:
    from tests.test_search import search

    results = search(blocked_page, server, url_for("index.md", language), "ICT")
    assert results
    assert all(href.startswith("en/") == (language == "en") for href in results)
    assert blocked_page.errors == []
