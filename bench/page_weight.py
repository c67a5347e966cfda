"""Page weight: the gzipped bytes a reader downloads for a page, before using search.

`measure(site, tasks, groups)` reads a built site and, for the heaviest task page and the
heaviest task-group overview (the content pages with the largest HTML, in Dutch) and for the
team page (`/team/`), adds up:

- the HTML itself;
- every stylesheet it links (`<link rel="stylesheet">`) and every script it loads
  (`<script src>`), found with BeautifulSoup;
- the ES modules those scripts import statically (`import … from "./x.js"`), followed
  recursively, so the team page's planner counts with all its modules.

Each file is gzipped on its own at level 6 (a common server setting) and counted once. The
search worker and the search index are loaded apart, for search; they are shown as a separate
row, outside the budgets. Budgets: 80 KB for a content page, 150 KB for the team page.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

KB = 1024
BUDGETS = {"content": 80, "team": 150}
ORIGIN = "http://handbook.invalid/"
# A static import or re-export: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`
STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b(?:[^"'`;()]*?\bfrom)?\s*(["'])([^"']+)\1""", re.MULTILINE)


@dataclass(frozen=True)
class Weight:
    """One page's gzipped weight, by kind of file."""

    name: str
    budget_kb: float | None
    html: int
    css: int
    js: int
    files: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js

    @property
    def verdict(self) -> str:
        if self.budget_kb is None:
            return ""
        return "ok" if self.total <= self.budget_kb * KB else "OVER"


def measure(site: Path, tasks: list[str], groups: list[str]) -> list[Weight]:
    """The heaviest task and group pages, the team page, and (no budget) what search loads."""
    weights = []
    for kind, ids in (("task page", tasks), ("task group overview", groups)):
        url = max((f"tasks/{record_id}/" for record_id in ids),
                  key=lambda url: (site / url / "index.html").stat().st_size)
        weights.append(page_weight(site, url, f"/{url} (heaviest {kind})", BUDGETS["content"]))
    return [*weights, page_weight(site, "team/", "team page /team/", BUDGETS["team"]),
            search_weight(site)]


def page_weight(site: Path, url: str, name: str, budget_kb: float | None) -> Weight:
    """The gzipped HTML, CSS and JS of the page at `url` (relative to the site's root)."""
    html_path = site / url / "index.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    page_url = urljoin(ORIGIN, url)
    styles = [urljoin(page_url, link["href"]) for link in soup.find_all("link", href=True)
              if "stylesheet" in (link.get("rel") or [])]
    scripts = [urljoin(page_url, script["src"]) for script in soup.find_all("script", src=True)]
    css = sum(_gzipped(_local(site, address)) for address in dict.fromkeys(styles))
    modules = _with_imports(site, scripts)
    js = sum(_gzipped(_local(site, address)) for address in modules)
    return Weight(name, budget_kb, _gzipped(html_path), css, js, 1 + len(set(styles)) + len(modules))


def search_weight(site: Path) -> Weight:
    """What search loads apart from the page: Material's worker, the language wrapper, the index."""
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("*.js"))
    index = site / "search" / "search_index.json"
    return Weight("search, loaded apart (workers + index; no budget)", None, 0, 0,
                  sum(map(_gzipped, [*workers, index])), len(workers) + 1)


# ---- Helpers ----------------------------------------------------------------------------------


def _local(site: Path, address: str) -> Path:
    """The built file behind a same-site address; anything else is an error (no third parties)."""
    parsed = urlparse(address)
    if f"{parsed.scheme}://{parsed.netloc}/" != ORIGIN:
        raise RuntimeError(f"the page loads {address} from another origin")
    path = site / unquote(parsed.path).lstrip("/")
    if not path.is_file():
        raise RuntimeError(f"the page loads {parsed.path}, which is not in the built site")
    return path


def _with_imports(site: Path, scripts: list[str]) -> list[str]:
    """The scripts and every module they import statically, each once, in load order."""
    found: dict[str, None] = {}
    queue = list(scripts)
    while queue:
        address = queue.pop(0)
        if address in found:
            continue
        found[address] = None
        text = _local(site, address).read_text(encoding="utf-8")
        queue.extend(urljoin(address, match[2]) for match in STATIC_IMPORT.finditer(text))
    return list(found)


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
