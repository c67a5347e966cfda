"""Shared fixtures: one strict site build per test session, the content model, a browser, tools.

The site is built once into a temporary folder and every test reads from it. Browser tests
serve that folder on 127.0.0.1 and drive Chromium through Playwright; every test that uses the
browser is marked ``browser`` here, by its fixtures, so ``-m "not browser"`` (`make test-fast`)
leaves all of them out. Tests that need a program pip cannot install (pdftoppm, qpdf, node)
skip with the reason locally and fail under CI=true, where .ci/run installs them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.load import load_handbook
from handbook.model import Handbook

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# A test that takes one of these fixtures drives a browser
BROWSER_FIXTURES = {"chromium_path", "browser", "page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def missing(message: str) -> None:
    """Something a test needs is not installed: skip with the reason, or fail in CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str, debian_package: str) -> str:
    """The path of a command-line program a test needs (see .ci/run and the README)."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed; this test needs it: apt-get install {debian_package} "
                "(.ci/run installs it)")
    return path  # type: ignore[return-value]


@pytest.fixture(params=LANGUAGES)
def language(request) -> str:
    """Run the test once per language (a test that parametrizes `language` itself overrides this)."""
    return request.param


# ---- The content and the built site -----------------------------------------------------------


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    return load_handbook(ROOT / "content")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole site once, in strict mode (any warning fails the build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir


class Site:
    """Read pages of a built site by URL path, parsed with BeautifulSoup."""

    def __init__(self, root: Path):
        self.root = root

    def file_for(self, url_path: str) -> Path:
        """The file a URL path such as ``en/tasks/tech-wifi/`` is served from."""
        path = url_path.split("#")[0].split("?")[0].lstrip("/")
        target = self.root / path
        return target / "index.html" if path == "" or path.endswith("/") else target

    def exists(self, url_path: str) -> bool:
        return self.file_for(url_path).is_file()

    @functools.cache  # noqa: B019 - one Site per session, pages never change
    def page(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.file_for(url_path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def pages(site: Path) -> Site:
    return Site(site)


def url_for(markdown_path: str, language: str) -> str:
    """The URL path of a generated page in one language."""
    from handbook.paths import page_url

    return page_url(markdown_path, language)


# ---- A browser -----------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Chromium from CHROMIUM_PATH, Debian's package, or Playwright's own download
    (`python -m playwright install chromium`, which the GitHub workflow uses)."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        downloaded = playwright.chromium.executable_path
    return downloaded if downloaded and Path(downloaded).exists() else None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        missing("no Chromium found: set CHROMIUM_PATH, install Debian's 'chromium' package "
                "(apt-get install chromium) or run: .venv/bin/python -m playwright install chromium")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path,
            # The flags keep Chromium from calling home; this machine has no network for it.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield launched
        launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh browser page that records console errors and requests to other origins."""
    context = browser.new_context()  # type: ignore[attr-defined]
    new_page = context.new_page()
    new_page.console_errors = []
    new_page.foreign_requests = []
    new_page.on("console", lambda message: message.type == "error"
                and new_page.console_errors.append(message.text))
    new_page.on("pageerror", lambda error: new_page.console_errors.append(str(error)))
    new_page.on("request", lambda request: not request.url.startswith((server, "data:", "blob:"))
                and new_page.foreign_requests.append(request.url))
    yield new_page
    context.close()


# WCAG 2.1 AA: the rules axe runs
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Transitions stopped, so axe measures what a reader sees once the page is still: Material's
# "back to top" button fades in when the page scrolls up, and axe measured it half-faded
_STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_violations(page: object) -> list[str]:
    """Every WCAG 2.1 AA rule that axe finds broken on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    page.add_style_tag(content=_STILL)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} times, e.g. "
            f"{violation['nodes'][0]['target']})" for violation in results.response["violations"]]


def type_search(page: object, query: str, attempts: int = 3) -> None:
    """Type a query into Material's search and wait until results show.

    Material mounts its search box a moment after the page's load event; a query typed
    before that is lost, so the query is typed again (a few times at most) until results appear.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        page.locator("input.md-search__input").click()
        page.fill("input.md-search__input", "")
        page.keyboard.type(query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


# ---- A scratch copy of the project for tests that break the content ---------------------------


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the files a build needs, so a test can break the content safely."""
    for name in ("content", "docs", "handbook", "hooks", "overrides", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
