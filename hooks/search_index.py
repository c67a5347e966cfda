"""Give each language a search index of its own pages (handbook/search_index.py says how).

The search plugin writes one index at the end of each language build, and the i18n plugin
(on_post_build at priority -100) writes the merged index of all languages after the last one.
This hook runs after both, at the end of every language build, and cuts whatever index is there
into per-language files. Only the languages present are written, so the last run, on the
merged index, leaves every language's file complete, whatever ran before it. Task, role, step
and characteristic pages get their aliases as a field of their own (boosted in mkdocs.yml).
"""

from __future__ import annotations

from pathlib import Path

from _context import handbook_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import DEFAULT_LANGUAGE, LANGUAGES
from handbook.search_index import page_aliases, split_site_index

# ---- Hooks ------------------------------------------------------------------------------------


@event_priority(-110)  # after the search plugin (0) and the i18n plugin's merge (-100)
def on_post_build(config: MkDocsConfig) -> None:
    handbook = handbook_for(config)
    aliases = {language: page_aliases(handbook, language) for language in LANGUAGES}
    split_site_index(Path(config.site_dir), LANGUAGES, DEFAULT_LANGUAGE, aliases)
