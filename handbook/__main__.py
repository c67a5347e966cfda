"""Command line: ``python -m handbook check`` validates the content without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.errors import ContentErrors
from handbook.load import load_handbook

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/*.yaml and report every problem")
    check.add_argument("--content", type=Path, default=ROOT / "content")
    commands.add_parser("clean", help="remove the generated Markdown under docs/")
    args = parser.parse_args(argv)
    if args.command == "clean":
        from handbook.writer import remove_generated

        removed = remove_generated(ROOT / "docs")
        print(f"Removed {removed} generated files.")
        return 0
    try:
        handbook = load_handbook(args.content)
    except ContentErrors as failure:
        print(failure.report(), file=sys.stderr)
        return 1
    print(f"Content is valid: {len(handbook.tasks)} tasks in {len(handbook.groups)} groups, "
          f"{len(handbook.roles)} roles, {len(handbook.steps)} steps in {len(handbook.phases)} "
          f"phases, {len(handbook.characteristics)} characteristics, "
          f"{sum(len(level.recommendations) for level in handbook.recommendation_levels)} "
          f"recommendations, {len(handbook.terms)} glossary terms, {len(handbook.sources)} sources.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
