"""Command line: `python -m build_scripts check | render --out DIR | build`.

Exit codes: 0 when all is well, 1 when the sources have problems or the build failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import check, generated_pages
from .problems import report
from .publish import build_site, write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the sources; write nothing")
    render = commands.add_parser("render", help="write the generated pages as Markdown into a folder")
    render.add_argument("--out", type=Path, required=True)
    build = commands.add_parser("build", help="build the site into site/, replacing it only if all succeeded")
    build.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "build":
        # The site hook checks the sources itself, before anything is written.
        return build_site(root, args.site_dir or root / "site")

    checked = check(root)
    if not checked.ok or checked.handbook is None:
        print(report(checked.problems), file=sys.stderr)
        count = len(checked.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built or changed.", file=sys.stderr)
        return 1
    if args.command == "check":
        handbook = checked.handbook
        print(
            f"All sources are fine: {len(handbook.pages)} Compact pages, {len(handbook.items)} principles "
            f"and commitments, {len(handbook.edition.corrections)} corrections, {len(handbook.edition.notes)} notes."
        )
        return 0
    written = write_pages(generated_pages(checked.handbook), args.out)
    print(f"Wrote {len(written)} pages into {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
