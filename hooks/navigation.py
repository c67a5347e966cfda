"""Give each language its navigation, built from the content model.

The i18n plugin applies a per-language ``nav`` from its ``languages`` settings; this hook
fills those in before the plugin's own on_config (priority -100) reads them, so section
titles are translated and records appear in handbook order, not alphabetically.
"""

from __future__ import annotations

from _context import handbook_for
from mkdocs.config.defaults import MkDocsConfig

from handbook.navigation import navigation

# ---- Hooks ------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    handbook = handbook_for(config)
    for language in i18n.config.languages:
        language["nav"] = navigation(handbook, language.locale)
