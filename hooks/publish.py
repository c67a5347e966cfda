"""Publish the site-wide files: the whole model as JSON, the schemas, robots.txt, the share
images, the 404 pages.

The data, the schemas, robots.txt and the share images (assets/images/share-<language>.png,
which overrides/main.html names in every page's Open Graph and Twitter tags) are written once
per site, in the default-language build, not once per language build. Each language build
renders its own 404 page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from _context import current_language, handbook_for, is_first_build, project_root, site_address
from mkdocs.config.defaults import MkDocsConfig

from handbook import DEFAULT_LANGUAGE, LANGUAGES, paths
from handbook.export_json import write_handbook_json
from handbook.files import write_atomic
from handbook.share_image import write_share_image

# ---- Hooks ------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    # Every language build writes its static templates into the same site folder, so each
    # renders only its own 404 page: the default language's at /404.html, which the host serves
    # for every missing address and so speaks both languages (overrides/404.html), and the
    # others' at /<language>/404.html (overrides/<language>/404.html)
    templates = config.theme.static_templates
    templates.difference_update(_error_page(language) for language in LANGUAGES)
    templates.add(_error_page(current_language(config)))


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # A 404 page is shown at whatever address was missing, so its links must not be relative.
    # MkDocs makes them absolute for /404.html only; a language's own 404 page gets the same.
    # Its language switch leads to each language's home page: the i18n plugin points it at the
    # other language's version of the last page it rendered.
    if template_name == _error_page(current_language(config)):
        root = urlsplit(site_address(config)).path
        context["base_url"] = root
        alternates = [{**alternate, "link": _home(root, alternate["lang"])}
                      for alternate in config.extra.get("alternate") or []]
        # (the i18n plugin sets it per page as an attribute, which templates read before the item)
        config.extra.alternate = config.extra["alternate"] = alternates
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if not is_first_build(config):
        return
    site_dir = Path(config.site_dir)
    write_handbook_json(handbook_for(config), site_dir / paths.HANDBOOK_JSON,
                        site_url=site_address(config))
    # The schemas that the YAML files point VS Code at and that describe the published data
    schema_out = site_dir / "schema"
    schema_out.mkdir(parents=True, exist_ok=True)
    for schema in sorted((project_root(config) / "schema").glob("*.schema.json")):
        shutil.copyfile(schema, schema_out / schema.name)
    write_atomic(site_dir / "robots.txt", _robots_txt(site_address(config)).encode("utf-8"))
    for language in config.plugins["i18n"].config.languages:
        write_share_image(site_dir / "assets" / "images" / f"share-{language.locale}.png",
                          language.site_name or config.site_name,
                          language.site_description or config.site_description,
                          cache_dir=project_root(config) / ".cache" / "share-images")


# ---- Helper functions -------------------------------------------------------------------------


def _home(root: str, language: str) -> str:
    return root if language == DEFAULT_LANGUAGE else f"{root}{language}/"


def _error_page(language: str) -> str:
    return "404.html" if language == DEFAULT_LANGUAGE else f"{language}/404.html"


def _robots_txt(address: str) -> str:
    """Every page may be indexed; the sitemap lists them all, with their language alternates."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {address}sitemap.xml\n"
