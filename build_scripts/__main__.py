"""Command line: `python -m build_scripts check [--format github] | publish-check | steering-pack [--out DIR] |
render --out DIR | build | serve | schemas | edition | site-url URL`.

Exit codes: 0 when all is well, 1 when the sources have problems or the build failed.
`check --format github` writes each problem as a GitHub Actions error annotation, so that a pull
request shows it on the line of the file; the workflow in .github/workflows/ runs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .check.config import config_problems, configured_redirects, declared_scripts
from .check.promise import PROMISE_FILE, read_promise
from .load.compact import EDITION
from .load.editions import edition_folder, snapshot
from .load.schemas import SCHEMAS_DIR, schema_files
from .model.guide_paths import count_pages
from .model.handbook import Handbook
from .model.problems import github_annotation, plural, report, summary
from .pipeline import (
    PDF_CACHE,
    Checked,
    build_project,
    check,
    configured_site_url,
    generated_files,
    preview_project,
    source_times,
)
from .publish.archive import make_archive
from .publish.changes import compare
from .publish.changes import summary as changes_summary
from .publish.engines import Engine, chosen_engine
from .publish.files import write_files
from .publish.preview import serve_site
from .publish.project import Project
from .publish.promise import add_to_promise, move_site, published_addresses, unresolved
from .publish.site import PDFS_VARIABLE, build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="check the sources; write nothing")
    check_command.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: `path:line: message` lines (the default); github: GitHub Actions annotations",
    )
    commands.add_parser(
        "publish-check", help="check the sources and list what must be settled before the site goes live"
    )
    pack = commands.add_parser(
        "steering-pack",
        help="write the Steering Group pack (PDF and Word): what publish-check lists, with a form to fill in",
    )
    pack.add_argument("--out", type=Path, default=None, help="the folder to write it into (default: dist/)")
    commands.add_parser("schemas", help="rewrite the JSON Schemas of the source files in schemas/")
    dist = commands.add_parser("dist", help="pack the built site into one archive for a static host")
    dist.add_argument("--site-dir", type=Path, default=None)
    dist.add_argument("--out", type=Path, default=None)
    promise = commands.add_parser("addresses", help="add the addresses a built site publishes to addresses.txt")
    promise.add_argument("--site-dir", type=Path, default=None)
    render = commands.add_parser("render", help="write the generated pages (Markdown) and files into a folder")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--no-pdfs", action="store_true", help="leave out the PDFs, which take a few seconds")
    changes = commands.add_parser("changes", help="list, as Markdown, the pages whose content differs from a base site")
    changes.add_argument("--base", type=Path, required=True, help="the site built from the base branch")
    changes.add_argument("--site-dir", type=Path, default=None)
    move = commands.add_parser(
        "site-url", help="move the site to another address: site_url in mkdocs.yml and in addresses.txt together"
    )
    move.add_argument("url")
    commands.add_parser(
        "edition", help="archive the current edition's sources in editions/<id>/, before a new edition starts"
    )
    serve = commands.add_parser("serve", help="the live preview, without PDFs: each saved change shows at once")
    serve.add_argument("--dev-addr", default=None, help="the address to serve at (default: 127.0.0.1:8000)")
    build = commands.add_parser("build", help="build the site into site/, replacing it only if all succeeded")
    build.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "schemas":
        written = write_files(schema_files(), root / SCHEMAS_DIR)
        print(f"Wrote {len(written)} schemas into {SCHEMAS_DIR}/.")
        return 0
    if args.command == "changes":
        site = args.site_dir or root / "site"
        if not (is_built(site) and is_built(args.base)):
            return 1
        print(changes_summary(compare(args.base, site)))
        return 0
    if args.command == "site-url":
        failed = move_site(root, args.url)
        if failed:
            print(failed, file=sys.stderr)
            return 1
        print(
            f"The handbook is now published at {args.url}: site_url in mkdocs.yml and the address in "
            f"{PROMISE_FILE} say so. Ask a developer to review the change (CODEOWNERS) before it is merged."
        )
        return 0
    if args.command == "dist":
        site = args.site_dir or root / "site"
        if not is_built(site):
            return 1
        archive = make_archive(site, args.out or root / "dist" / "darlington-compact-handbook-site.tar.gz")
        print(f"Packed {site} into {archive}.")
        return 0
    checked = check(root)
    if args.command == "serve":
        # The preview shows a source's problems in the browser; but while mkdocs.yml has one, no engine
        # may read it.
        blocking = config_problems(checked.problems)
        if blocking:
            print(summary(tuple(blocking)), file=sys.stderr)
            return 1
        engine = chosen_engine()
        shown: dict[str, bytes] = {}
        return serve_site(
            root, engine, lambda: preview_project(root, engine, shown), lambda: source_times(root), args.dev_addr
        )
    github = args.command == "check" and args.format == "github"
    if github and checked.warnings:
        # On standard output, where GitHub Actions reads workflow commands: a pull request then shows
        # each on the line of its file.
        print(report(checked.warnings, github_annotation))
    if not checked.ok or checked.handbook is None:
        if github:
            print(summary(checked.problems, github_annotation))
            return 1
        print(summary(checked.problems), file=sys.stderr)
        if checked.warnings:
            # Shown once the problems are fixed, so that they do not hide the problem to fix first.
            print(
                f"There are also {plural(len(checked.warnings), 'warning')}: `make check` lists them once "
                "these problems are fixed.",
                file=sys.stderr,
            )
        return 1
    if checked.warnings and not github:
        print(report(checked.warnings), file=sys.stderr)
    if args.command == "publish-check":
        return publish_check(checked)
    if args.command == "steering-pack":
        return write_steering_pack(root, checked, args.out or root / "dist")
    if args.command == "build":
        site = args.site_dir or root / "site"
        engine = chosen_engine()
        with_pdfs = os.environ.get(PDFS_VARIABLE, "1") != "0"
        try:
            return build_site(
                site,
                engine,
                lambda: project_or_none(root, checked, engine, with_pdfs),
                configured_redirects(root),
                declared_scripts(root, engine.theme_folders),
            )
        except KeyboardInterrupt:
            print(f"\nThe build was interrupted; {site.name}/ was left as it was.", file=sys.stderr)
            return 130
    if args.command == "edition":
        return archive_edition(root, checked.handbook)
    if args.command == "addresses":
        return promise_addresses(root, args.site_dir or root / "site", checked.handbook)
    if args.command == "check":
        handbook = checked.handbook
        print(
            f"All sources are fine: {plural(len(handbook.pages), 'Compact page')}, "
            f"{plural(len(handbook.items), 'principle or commitment', 'principles and commitments')}, "
            f"{plural(len(handbook.edition.corrections), 'correction')}, "
            f"{plural(len(handbook.edition.notes), 'note')}, "
            f"{plural(len(handbook.codes), 'code of practice', 'codes of practice')} with "
            f"{plural(len(handbook.clauses), 'clause')}{guide_summary(handbook)}."
        )
        if checked.before_publishing:
            print(
                f'{plural(len(checked.before_publishing), "thing")} marked "before publishing" must be settled '
                "before the handbook goes live: `make publish-check` lists them."
            )
        return 0
    files = generated_files(
        checked.handbook, configured_site_url(root), not args.no_pdfs, root / PDF_CACHE, checked.still_needed
    )
    written = write_files(files, args.out)
    print(f"Wrote {len(written)} files into {args.out}.")
    return 0


def project_or_none(root: Path, checked: Checked, engine: Engine, with_pdfs: bool) -> Project | None:
    """The site project, or None, said why, if a PDF could not be laid out."""
    from .render.pdf import LayoutError  # see write_steering_pack

    try:
        return build_project(root, checked, engine, with_pdfs)
    except LayoutError as error:
        print(f"The PDFs were not made: {error}", file=sys.stderr)
        return None


def publish_check(checked: Checked) -> int:
    """Whether the handbook may go live: no problem, and nothing left to settle before publishing."""
    waiting = checked.before_publishing
    if waiting:
        print(
            f'Not ready to publish: {plural(len(waiting), "thing")} marked "before publishing" above must be '
            "settled by the Compact Steering Group first. `make steering-pack` makes them into a document to send "
            "to it, with a form to fill in.",
            file=sys.stderr,
        )
        return 1
    print("Ready to publish: every source is fine, and nothing is left to supply or confirm.")
    return 0


def write_steering_pack(root: Path, checked: Checked, out: Path) -> int:
    """`make steering-pack`: the pack, as a PDF and a Word document, made from the list publish-check prints."""
    # Imported here: `make check` needs none of the PDFs' and Word's code, and starts much sooner without it.
    from .render.paper import paper_of
    from .render.pdf import lay_out
    from .render.steering_pack import PACK_DOCX, PACK_PDF, pack_of, steering_pack_document
    from .render.steering_pack_word import pack_word_document

    handbook = checked.handbook
    assert handbook is not None
    site_url = configured_site_url(root)
    needed = checked.still_needed
    pdf = lay_out(steering_pack_document(handbook, needed, paper_of(handbook, site_url)), {})
    files: dict[str, str | bytes] = {
        PACK_PDF: pdf.data,
        PACK_DOCX: pack_word_document(pack_of(handbook, needed, site_url), handbook.edition.published),
    }
    written = write_files({Path(path).name: data for path, data in files.items()}, out)
    print(
        f"Wrote the Steering Group pack, {plural(len(needed), 'thing')} still to supply or confirm "
        f"(as `make publish-check` lists them), into {out}: " + ", ".join(path.name for path in written) + "."
    )
    return 0


def archive_edition(root: Path, handbook: Handbook) -> int:
    """`make edition`: the current edition's sources copied into editions/<id>/, then what to do next."""
    edition = handbook.edition
    folder = edition_folder(edition.id)
    if (root / folder).exists():
        print(
            f'The edition "{edition.id}" is already archived in {folder}/. To start a new edition, give it its own '
            f"id, name and date in {EDITION} (id, edition, published).",
            file=sys.stderr,
        )
        return 1
    snapshot(root, edition.id)
    print(
        f"Archived the {edition.name} ({edition.id}, {edition.published}) in {folder}/: it stays published at "
        f"/{folder}/.\nNow give the new edition its own id, name and date in {EDITION} (id, edition, published); "
        "`make check` reports it until you do. Commit the new folder with your change."
    )
    return 0


def is_built(site: Path) -> bool:
    """Whether `site` holds a built site; if not, says so."""
    if (site / "index.html").is_file():
        return True
    print(f"There is no built site in {site}: run `make build` first.", file=sys.stderr)
    return False


def promise_addresses(root: Path, site: Path, handbook: Handbook) -> int:
    if not is_built(site):
        return 1
    new = add_to_promise(root, published_addresses(site, handbook))
    print(f"Added {plural(len(new), 'address', 'addresses')} to {PROMISE_FILE}.")
    broken = unresolved(site, read_promise(root))
    if broken:
        print("These promised addresses no longer resolve; add a redirect for each:\n  " + "\n  ".join(broken))
        return 1
    return 0


def guide_summary(handbook: Handbook) -> str:
    guide = handbook.guide
    if guide is None:
        return ""
    return (
        f"; a guide of {plural(len(guide.questions), 'question')} and {plural(len(guide.outcomes), 'outcome')}, "
        f"unfolding into {plural(count_pages(guide), 'page')}, with {plural(len(guide.examples), 'worked example')}"
    )


if __name__ == "__main__":
    sys.exit(main())
