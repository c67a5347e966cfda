"""Shared helpers for the hooks: where the content is and which language is being built.

mkdocs-static-i18n runs the whole build once per language, so every hook event fires once
per language; hooks ask this module instead of keeping state of their own.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook import DEFAULT_LANGUAGE, paths
from handbook.errors import ContentErrors
from handbook.load import load_handbook
from handbook.model import Handbook


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def handbook_for(config: MkDocsConfig) -> Handbook:
    """The validated model; a content error stops the build with every message listed."""
    try:
        return load_handbook(project_root(config) / "content")
    except ContentErrors as failure:
        raise PluginError("\n" + failure.report()) from None


def site_address(config: MkDocsConfig) -> str:
    """The site's address from mkdocs.yml's site_url, ending in one '/' ('/' when not set)."""
    return paths.site_address(config.site_url)


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running (set by the i18n plugin's on_config)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def is_first_build(config: MkDocsConfig) -> bool:
    """True in the default-language build, which runs before the others: do once-per-site work here."""
    return current_language(config) == DEFAULT_LANGUAGE
