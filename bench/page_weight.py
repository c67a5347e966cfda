"""Page weight: the gzipped bytes a reader downloads on a first visit to a page.

`measure(site, tasks, groups)` reads a built site and weighs the heaviest task page and the
heaviest task-group overview (the pages with the largest HTML) in each language, the team page
(`/team/`) and the self-assessment page (`/self-assessment/`). A first visit to a page downloads:

- html: the page itself;
- css: every stylesheet it links (`<link rel="stylesheet">`, the print stylesheet included:
  browsers fetch it too, only later);
- images: the icon (`<link rel="icon">`) and the images (`<img src>`) the page shows;
- js: every script it loads (`<script src>`) and the ES modules those import statically
  (`import … from "./x.js"`), followed recursively, so the team page's planner counts with
  all its modules;
- search (on every page with the theme's search form, loaded right after the page):
  - search workers: Material's search worker and the handbook's wrapper around it
    (`assets/javascripts/workers/*.js`);
  - search index: the page's language's own index (handbook/search_index.py says where);
  - stemmer: the lunr language files Material's worker imports for a language other than
    English (`lunr.stemmer.support` and `lunr.<language>`; English is built into lunr).

Each file is gzipped on its own at level 6 (a common server setting) and counted once.
Budgets, first visit with search: 150 KB for a content page. The team page's budget (150 KB)
is for the page and its modules, as before; its first visit with search is shown beside it.
The self-assessment page has the same budget as the team page, for the page and its modules
(its own and the planner's it imports).
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from handbook.search_index import index_path

KB = 1024
BUDGETS = {"content": 150, "team": 150, "assessment": 150}
ORIGIN = "http://handbook.invalid/"
# A static import or re-export: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`
STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b(?:[^"'`;()]*?\bfrom)?\s*(["'])([^"']+)\1""", re.MULTILINE)
PARTS = ("html", "css", "js", "images", "search workers", "search index", "stemmer")


@dataclass(frozen=True)
class Weight:
    """One page's gzipped first visit, by part (bytes per name in PARTS)."""

    name: str
    kind: str  # "task", "group", "team" or "team+search"
    budget_kb: float | None
    parts: tuple[tuple[str, int], ...]
    files: int

    @property
    def total(self) -> int:
        return sum(size for _, size in self.parts)

    def part(self, name: str) -> int:
        return dict(self.parts).get(name, 0)

    @property
    def verdict(self) -> str:
        if self.budget_kb is None:
            return ""
        return "ok" if self.total <= self.budget_kb * KB else "OVER"

    def breakdown(self) -> str:
        """What each part weighs, in KB: 'html 7.9 + css 27.3 + …'."""
        return " + ".join(f"{name} {size / KB:.1f}" for name, size in self.parts if size)


def measure(site: Path, tasks: list[str], groups: list[str]) -> list[Weight]:
    """The heaviest task and group pages per language, the team page and the self-assessment page
    (see the module)."""
    weights = []
    for language in LANGUAGES:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        for kind, ids in (("task", tasks), ("group", groups)):
            url = max((f"{prefix}tasks/{record_id}/" for record_id in ids),
                      key=lambda url: (site / url / "index.html").stat().st_size)
            label = "task page" if kind == "task" else "task group overview"
            weights.append(page_weight(site, url, f"/{url} (heaviest {label}, {language}), with search",
                                       kind, BUDGETS["content"]))
    team = page_weight(site, "team/", "team page /team/ (page and its modules)", "team",
                       BUDGETS["team"], with_search=False)
    team_with_search = page_weight(site, "team/", "team page /team/, with search (no budget)",
                                   "team+search", None)
    assessment = page_weight(site, "self-assessment/", "self-assessment /self-assessment/ (page and modules)",
                             "assessment", BUDGETS["assessment"], with_search=False)
    return [*weights, team, team_with_search, assessment]


def page_weight(site: Path, url: str, name: str, kind: str, budget_kb: float | None, *,
                with_search: bool = True) -> Weight:
    """The gzipped first visit of the page at `url` (relative to the site's root)."""
    html_path = site / url / "index.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    page_url = urljoin(ORIGIN, url)
    styles = list(dict.fromkeys(urljoin(page_url, link["href"]) for link in soup.find_all("link", href=True)
                                if "stylesheet" in (link.get("rel") or [])))
    scripts = [urljoin(page_url, script["src"]) for script in soup.find_all("script", src=True)]
    images = list(dict.fromkeys(
        [urljoin(page_url, link["href"]) for link in soup.find_all("link", href=True)
         if "icon" in (link.get("rel") or [])]
        + [urljoin(page_url, image["src"]) for image in soup.find_all("img", src=True)
           if not image["src"].startswith("data:")]))
    modules = _with_imports(site, scripts)
    parts = {"html": _gzipped(html_path),
             "css": sum(_gzipped(_local(site, address)) for address in styles),
             "js": sum(_gzipped(_local(site, address)) for address in modules),
             "images": sum(_gzipped(_local(site, address)) for address in images)}
    files = 1 + len(styles) + len(modules) + len(images)
    if with_search and soup.find("form", attrs={"name": "search"}):
        search = _search_files(site, soup.html.get("lang", DEFAULT_LANGUAGE))
        parts.update({part: sum(map(_gzipped, paths)) for part, paths in search.items()})
        files += sum(map(len, search.values()))
    return Weight(name, kind, budget_kb, tuple((part, parts.get(part, 0)) for part in PARTS), files)


# ---- Helpers ----------------------------------------------------------------------------------


def _search_files(site: Path, language: str) -> dict[str, list[Path]]:
    """What search loads right after a page in `language`, by part."""
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    stemmer = [] if language == "en" else [lunr / "lunr.stemmer.support.min.js",
                                           lunr / f"lunr.{language}.min.js"]
    files = {"search workers": sorted((site / "assets" / "javascripts" / "workers").glob("*.js")),
             "search index": [site / index_path(language, DEFAULT_LANGUAGE)],
             "stemmer": stemmer}
    missing = [str(path) for paths in files.values() for path in paths if not path.is_file()]
    if missing:
        raise RuntimeError(f"search for '{language}' loads files that are not in the built site: {missing}")
    return files


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


if __name__ == "__main__":
    # `python bench/page_weight.py site/`: the weights of an already built site, quickly
    from handbook.load import load_handbook

    built = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    content = load_handbook(Path(__file__).resolve().parent.parent / "content")
    for weight in measure(built, [task.id for task in content.tasks], [group.id for group in content.groups]):
        budget = f"(budget {weight.budget_kb:.0f} KB: {weight.verdict})" if weight.budget_kb else ""
        print(f"{weight.name}: {weight.total / KB:.1f} KB {budget}\n    {weight.breakdown()}")
