"""Command line for editors and the build.

``python -m handbook check`` validates the content without building and prints warnings;
``python -m handbook review`` lists everything that is due for a check against its sources;
``python -m handbook downloads`` makes the downloads of both languages;
``python -m handbook clean`` removes the generated pages and downloads.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from handbook.content_warnings import content_warnings, describe
from handbook.errors import ContentErrors
from handbook.load import load_handbook, read_sources
from handbook.review_list import review_report

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "downloads"  # the build's cache too (hooks/downloads.py)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/*.yaml and report every problem")
    review = commands.add_parser("review", help="list what is due for a check against its sources")
    for command in (check, review):
        command.add_argument("--content", type=Path, default=ROOT / "content")
        command.add_argument("--docs", type=Path, default=ROOT / "docs",
                             help="the folder with docs/nl and docs/en (hand-written pages)")
        command.add_argument("--today", type=_day, default=datetime.date.today(),
                             help="compare dates with this day instead of today (YYYY-MM-DD)")
    review.add_argument("--within", type=int, default=90, metavar="DAYS",
                        help="also list what falls due within this many days (default 90)")
    downloads = commands.add_parser(
        "downloads", help="make the PDF checklists, the XLSX and the CSV of both languages",
        description="Make every download of both languages into the cache (files whose inputs "
                    "did not change are reused) and list where each one is.")
    downloads.add_argument("--content", type=Path, default=ROOT / "content")
    downloads.add_argument("--site-url", default=os.environ.get("HANDBOOK_SITE_URL"),
                           help="the site's address, printed in every file (default: "
                                "$HANDBOOK_SITE_URL, as for the build)")
    downloads.add_argument("--cache", type=Path, default=CACHE, help=f"default: {CACHE}")
    downloads.add_argument("--out", type=Path,
                           help="also copy the files here, as in the site: OUT/downloads/ for "
                                "Dutch, OUT/en/downloads/ for English")
    commands.add_parser("clean", help="remove the generated Markdown and downloads under docs/")
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
    if args.command == "downloads":
        if not args.site_url:
            parser.error("downloads: give the site's address with --site-url (or set "
                         "HANDBOOK_SITE_URL), for example --site-url https://example.org/")
        return _downloads(handbook, args)
    sources, _errors = read_sources(args.content)
    root = args.content.resolve().parent
    warnings = content_warnings(sources, args.docs.resolve(), root, args.today)
    if args.command == "review":
        print(review_report(handbook, sources, args.docs.resolve(), root, args.today,
                            args.within, warnings))
        return 0
    print(f"Content is valid: {len(handbook.tasks)} tasks in {len(handbook.groups)} groups, "
          f"{len(handbook.roles)} roles, {len(handbook.steps)} steps in {len(handbook.phases)} "
          f"phases, {len(handbook.characteristics)} characteristics, "
          f"{sum(len(level.recommendations) for level in handbook.recommendation_levels)} "
          f"recommendations, {len(handbook.terms)} glossary terms, {len(handbook.sources)} sources.")
    if warnings:
        print(describe(warnings))
    return 0


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date — write YYYY-MM-DD") from None


def _downloads(handbook: object, args: argparse.Namespace) -> int:
    from handbook import DEFAULT_LANGUAGE, paths
    from handbook.downloads.make import copy_into, make_downloads
    from handbook.downloads.pdf import DownloadError

    try:
        made = make_downloads(handbook, args.cache, paths.site_address(args.site_url),  # type: ignore[arg-type]
                              report=print)
    except DownloadError as failure:
        print(failure, file=sys.stderr)
        return 1
    for language, files in made.items():
        if args.out is not None:
            prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
            copy_into(args.out / prefix / paths.DOWNLOADS_FOLDER, files)
            where = args.out / prefix / paths.DOWNLOADS_FOLDER
        else:
            where = args.cache
        print(f"{language}: {len(files)} files in {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
