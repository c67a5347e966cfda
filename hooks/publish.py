"""Publish the machine-readable files: the whole model as JSON and the content schemas.

Written once per site, in the default-language build, not once per language build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from _context import handbook_for, is_first_build, project_root
from mkdocs.config.defaults import MkDocsConfig

from handbook.export_json import write_handbook_json

# ---- Hooks ------------------------------------------------------------------------------------


def on_post_build(config: MkDocsConfig) -> None:
    if not is_first_build(config):
        return
    site_dir = Path(config.site_dir)
    write_handbook_json(handbook_for(config), site_dir / "data" / "handbook.json",
                        site_url=config.site_url or "/")
    # The schemas that the YAML files point VS Code at, published beside the site
    schema_out = site_dir / "schema"
    schema_out.mkdir(parents=True, exist_ok=True)
    for schema in sorted((project_root(config) / "schema").glob("*.schema.json")):
        shutil.copyfile(schema, schema_out / schema.name)
