"""Every kind of bad source is caught: `make check` and `make build` both stop with `path:line:
message`, never a traceback, and the site built before is left exactly as it was."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.e2e.test_build import tree_digest
from tests.support.project import copy_project, edit

# The cases share one built copy of the project, which each breaks and restores: they run on one
# xdist worker.
pytestmark = pytest.mark.xdist_group("bad-sources")

Break = Callable[[Path], None]


def replace(path: str, old: str, new: str) -> Break:
    return lambda project: edit(project / path, old, new)


def write_bytes(path: str, content: bytes) -> Break:
    return lambda project: (project / path).write_bytes(content)


def prepend_bytes(path: str, prefix: bytes) -> Break:
    return lambda project: (project / path).write_bytes(prefix + (project / path).read_bytes())


def replace_bytes(path: str, old: bytes, new: bytes) -> Break:
    def breaks(project: Path) -> None:
        content = (project / path).read_bytes()
        assert old in content
        (project / path).write_bytes(content.replace(old, new, 1))

    return breaks


def repeat_key(path: str, key: str) -> Break:
    """The top-level `key` written twice, whatever its value, so that an editor's change to the
    value never breaks the test."""

    def breaks(project: Path) -> None:
        lines = (project / path).read_text(encoding="utf-8").splitlines(keepends=True)
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        lines.insert(index + 1, lines[index])
        (project / path).write_text("".join(lines), encoding="utf-8")

    return breaks


def delete(path: str) -> Break:
    return lambda project: (project / path).unlink()


def deep_guide(project: Path) -> None:
    """Thirteen questions whose two answers both lead on: more paths than the limit."""
    chain = "".join(
        f"  - id: extra-{i}\n    stage: before\n    question: Extra question {i}?\n    choices:\n"
        f"      - {{label: A, slug: a, next: {f'extra-{i + 1}' if i < 12 else 'your-role'}}}\n"
        f"      - {{label: B, slug: b, next: {f'extra-{i + 1}' if i < 12 else 'your-role'}}}\n"
        for i in range(13)
    )
    edit(project / "guide/disputes.yml", "questions:\n", f"questions:\n{chain}")
    edit(project / "guide/disputes.yml", "start: your-role", "start: extra-0")


CODE = "codes_of_practice/resources-and-procurement.yml"
GUIDE = "guide/disputes.yml"
REGISTER = "signatories/register.yml"
ITEMS = "compact/principles-and-commitments.yml"

CASES: dict[str, tuple[Break, str]] = {
    "yaml-syntax-error": (replace(CODE, "title: Resources and Procurement", "title: Resources: Procurement"), CODE),
    "wrong-type": (replace(CODE, "expands: [public-mixed-funding]\n", "expands: {public: mixed}\n"), CODE),
    "unknown-key": (replace(GUIDE, "    question: Who is the disagreement between?", "    questoin: Who?"), GUIDE),
    "missing-required-field": (replace(REGISTER, "    name: HSE\n", ""), REGISTER),
    "duplicate-id": (replace(GUIDE, "  - id: respond-informally", "  - id: give-a-formal-response"), GUIDE),
    "duplicate-key": (repeat_key(CODE, "version"), CODE),
    "dangling-reference": (
        replace(CODE, "expands: [third-robust-monitoring, third-transparency]", "expands: [third-monitoring]"),
        CODE,
    ),
    "dangling-next-step": (replace(GUIDE, "next: panel-referred", "next: stage-2-pannel"), GUIDE),
    "cycle": (replace(GUIDE, "        next: by-role", "        next: in-darlington"), GUIDE),
    "route-dead-end": (replace(GUIDE, "    otherwise: national-arbitration\n", ""), GUIDE),
    "contact-that-does-not-exist": (
        replace(GUIDE, "contacts: [steering-group-chair]", "contacts: [steering-group-char]"),
        GUIDE,
    ),
    "web-address-not-https": (
        replace("contacts.yml", "value: https://www.lgo.org.uk/", "value: www.lgo.org.uk"),
        "contacts.yml",
    ),
    "unreachable-step": (
        replace(GUIDE, "        next: wait-for-the-formal-response", "        next: raise-the-issue-in-writing"),
        GUIDE,
    ),
    "dead-end": (
        replace(GUIDE, '      - label: "No"\n        slug: "no"\n        next: outside-the-compact-area\n', ""),
        GUIDE,
    ),
    "unfolding-over-the-limit": (deep_guide, GUIDE),
    "id-with-slash": (replace(CODE, "id: rp-prompt-payment", "id: rp/prompt-payment"), CODE),
    "id-with-dot-dot": (replace(GUIDE, "  - id: talk-to-the-champions", "  - id: ../talk-to-the-champions"), GUIDE),
    "id-with-space": (replace(REGISTER, "id: hse", "id: health and safety"), REGISTER),
    "id-with-capitals": (replace(ITEMS, "id: principle-partnership", "id: Principle-Partnership"), ITEMS),
    "raw-html-in-text": (
        replace(
            CODE, "Public sector signatories will pay on time", "Public sector signatories will <b>pay</b> on time"
        ),
        CODE,
    ),
    "script-in-text": (
        replace(GUIDE, "title: You have agreed a way forward", "title: <script>alert(1)</script>"),
        GUIDE,
    ),
    "script-in-markdown-page": (
        replace("compact/context.md", "\n\n", "\n\n<script>alert(1)</script>\n\n"),
        "compact/context.md",
    ),
    "not-utf8": (
        replace_bytes("compact/edition.yml", b"First online edition", b"First online \xe9dition"),
        "compact/edition.yml",
    ),
    "byte-order-mark": (
        prepend_bytes("codes_of_practice/volunteering.yml", "\ufeff".encode()),
        "codes_of_practice/volunteering.yml",
    ),
    "tabs": (
        replace("guide/examples.yml", "    title: Review of Services", "\ttitle: Review of Services"),
        "guide/examples.yml",
    ),
    "empty-file": (write_bytes(REGISTER, b""), REGISTER),
    "ten-megabyte-file": (write_bytes(CODE, b"# " + b"x" * 10_000_000 + b"\n"), CODE),
    "file-named-in-mkdocs-yml-missing": (delete("docs/assets/stylesheets/handbook.css"), "mkdocs.yml"),
    "page-named-in-navigation-missing": (
        replace("mkdocs.yml", "codes/volunteering.md", "codes/volunteerin.md"),
        "mkdocs.yml",
    ),
    "missing-letter": (delete("guide/letters/formal-response.md"), GUIDE),
    "worked-example-ends-elsewhere": (
        replace("guide/examples.yml", "outcome: agreed-way-forward", "outcome: national-arbitration"),
        "guide/examples.yml",
    ),
    "date-not-a-date": (replace(CODE, 'review_date: "2027-11-30"', "review_date: 30/11/2027"), CODE),
    "broken-anchor-in-a-compact-page": (
        replace(
            "compact/implementing-the-compact.md",
            "(resolving-disagreements.md)",
            "(resolving-disagreements.md#stage-4)",
        ),
        "compact/implementing-the-compact.md",
    ),
}


@pytest.fixture(scope="module")
def built(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A copy of the project with a site built from it: (project, site, the site's digest)."""
    project = copy_project(root, tmp_path_factory.mktemp("bad"))
    os.environ["HANDBOOK_PDFS"] = "0"
    try:
        result = build_site(project, project / "site")
    finally:
        del os.environ["HANDBOOK_PDFS"]
    assert result.returncode == 0, result.stderr
    return project, project / "site", tree_digest(project / "site")


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), *command],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_the_corpus_covers_at_least_25_kinds_of_bad_source() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_source_stops_check_and_build_and_loses_nothing(built: tuple[Path, Path, str], case: str) -> None:
    project, site, digest = built
    breaks, path = CASES[case]
    saved = {
        p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "site" not in p.relative_to(project).parts[:1]
    }
    try:
        breaks(project)
        for command in ("check", "build"):
            result = run(project, command) if command == "check" else run(project, "build", "--site-dir", str(site))
            output = result.stdout + result.stderr
            assert result.returncode != 0, f"{command} passed despite {case}"
            assert "Traceback" not in output, output
            assert re.search(rf"^{re.escape(path)}:\d+: \S", output, re.MULTILINE), f"{command}: {output}"
        assert tree_digest(site) == digest, "the site built before was changed"
        assert not list(project.glob(".site-new-*")), "a half-built folder was left behind"
    finally:
        for p in list(project.rglob("*")):
            if p.is_file() and p not in saved and "site" not in p.relative_to(project).parts[:1]:
                p.unlink()
        for p, content in saved.items():
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(content)
