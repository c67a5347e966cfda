"""Publish the machine-readable files: the whole model as JSON and the content schemas.

Written once per site, in the default-language build, not once per language build. The one
404 page of the site (overrides/404.html, in both languages) is left to that build as well.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from _context import handbook_for, is_first_build, project_root, site_address
from mkdocs.config.defaults import MkDocsConfig

from handbook import paths
from handbook.export_json import write_handbook_json

# ---- Hooks ------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    # Every language build writes site/404.html; the last one wrote it with <html lang="en">.
    # Written by the default-language build only, the page is Dutch with an English part.
    if not is_first_build(config):
        config.theme.static_templates.discard("404.html")


def on_post_build(config: MkDocsConfig) -> None:
    if not is_first_build(config):
        return
    site_dir = Path(config.site_dir)
    write_handbook_json(handbook_for(config), site_dir / paths.HANDBOOK_JSON,
                        site_url=site_address(config))
    # The schemas that the YAML files point VS Code at, published beside the site
    schema_out = site_dir / "schema"
    schema_out.mkdir(parents=True, exist_ok=True)
    for schema in sorted((project_root(config) / "schema").glob("*.schema.json")):
        shutil.copyfile(schema, schema_out / schema.name)
