"""Give each language its navigation, built from the content model.

The i18n plugin applies a per-language ``nav`` from its ``languages`` settings; this hook
fills those in before the plugin's own on_config (priority -100) reads them, so section
titles are translated and records appear in handbook order, not alphabetically.
"""

from __future__ import annotations

import logging

from _context import handbook_for
from mkdocs.config.defaults import MkDocsConfig

from handbook.navigation import navigation

# ---- Hooks ------------------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    # The i18n plugin logs every per-language override at INFO level, including the whole nav
    # (over a hundred entries) on each build; editors running `make serve` need a readable log
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_hide_nav_dump)


def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    handbook = handbook_for(config)
    for language in i18n.config.languages:
        language["nav"] = navigation(handbook, language.locale)


# ---- Helper functions -------------------------------------------------------------------------


def _hide_nav_dump(record: logging.LogRecord) -> bool:
    return "config 'nav' with" not in record.getMessage()
