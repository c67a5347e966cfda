"""Typing into Material's search box in Chromium and reading the results as a reader sees them.

Material searches on every key released (keyup), and each search replaces the whole result list.
`SearchBox.search` fills in the query up to its last character, marks the list as stale, types
the last character and waits until the list is replaced: the results read are those of the whole
query, never of a part of it or of the query before.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Set on an element added to the result list before a search; Material empties the list when
# the search's results arrive, so the element is gone once they are in
STALE_MARKER = "data-handbook-stale-results"


def wait_until_search_is_ready(page: object) -> None:
    """Material shows its 'type to start searching' text once the worker has built the index."""
    page.wait_for_function("""() => {
      const config = JSON.parse(document.getElementById("__config").textContent);
      const meta = document.querySelector(".md-search-result__meta");
      return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
    }""")


class SearchBox:
    """The search box of one page, for many queries in a row."""

    def __init__(self, page: object, base: str, home: str):
        """`base` is the site's address (ending in '/'), `home` the language's home ('' or 'en/')."""
        self.page = page
        self.base = base
        self.home = home
        page.goto(base + home)
        wait_until_search_is_ready(page)
        page.locator("input.md-search__input").click()
        self.last_query: str | None = None

    def search(self, query: str) -> list[str]:
        """The pages the results show for `query`, in order, relative to the language's home
        (`tasks/tech-wifi/`): one per result, as Material groups sections under their page."""
        query = query.strip()
        if not query or query == self.last_query:
            raise ValueError(f"a search needs a new, non-empty query (got {query!r})")
        field = self.page.locator("input.md-search__input")
        self.page.evaluate("""marker => {
          const list = document.querySelector(".md-search-result__list");
          const stale = document.createElement("li");
          stale.setAttribute(marker, "");
          stale.hidden = true;
          list.appendChild(stale);
        }""", STALE_MARKER)
        field.fill(query[:-1])
        field.press(query[-1])
        self.page.wait_for_function(f"() => !document.querySelector('[{STALE_MARKER}]')")
        self.last_query = query
        links = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(item => "
            "item.querySelector('.md-search-result__link')?.getAttribute('href') ?? '')")
        return [self.relative(href) for href in links]

    def relative(self, href: str) -> str:
        """A result link as a page address relative to the language's home, without query or anchor."""
        path = urlsplit(href).path.lstrip("/")
        return path[len(self.home):] if path.startswith(self.home) else path
