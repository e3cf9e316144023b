"""A corpus of hostile and odd sources, as an attacker with commit access or an editor pasting from
the web would write them, across every kind of source and mkdocs.yml.

Each payload is either refused by `make check` alone, on its file and true line, in lines that no file
name can forge, with no traceback (and, for a file outside the project, without a word of its
content), or accepted as harmless: those are planted together in one copy of the project, built
once, and every built page is read for anything live.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts.model.html5 import parse
from tests.conftest import build_site
from tests.support.live import live_things, redirect_scripts, sha256_source
from tests.support.project import copy_project, edit, problems_of

Plant = Callable[[Path], None]
Line = int | str
"""Where a refusal must be: a line number, or text that the planted file holds once (the line it starts on)."""
Case = tuple[Plant, str] | tuple[Plant, str, Line]
"""A plant, and the path (as `make check` prints it) that a problem must be on; then, if stated, its line."""
SECRET = "secret-content-that-must-never-be-echoed"
FORGED = "mkdocs.yml:1: forged"
CHECK_SECONDS = 30
"""The whole handbook is checked in under a second; a source that takes longer is the problem (issue 26)."""
CODE = "codes_of_practice/resources-and-procurement.yml"
CLAUSE_TEXT = "Public sector signatories will pay on time"
VOLUNTEERING = "codes_of_practice/volunteering.yml"
GUIDE = "guide/disputes.yml"
EXAMPLES = "guide/examples.yml"
REGISTER = "signatories/register.yml"
PAGE = "compact/context.md"
PARAGRAPH = "Partnership working is directed"
LETTER = "guide/letters/formal-response.md"
DOCS = "docs/about/accessibility.md"
CONFIG = "mkdocs.yml"
ALERT = "<img src=x onerror=alert(1)>"


def replace(path: str, old: str, new: str) -> Plant:
    return lambda project: edit(project / path, old, new)


def replace_all(path: str, old: str, new: str) -> Plant:
    """Every `old` in a file: an id renamed wherever it is named, so that only its spelling is wrong."""

    def plant(project: Path) -> None:
        text = (project / path).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        (project / path).write_text(text.replace(old, new), encoding="utf-8")

    return plant


def both(*plants: Plant) -> Plant:
    def plant(project: Path) -> None:
        for each in plants:
            each(project)

    return plant


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


def in_docs_front_matter(line: str) -> Plant:
    return replace(DOCS, "title: Accessibility statement\n", f"title: Accessibility statement\n{line}\n")


def outside_file(project: Path) -> Path:
    secret = project.parent / "outside.txt"
    secret.write_text(f"title: {SECRET}\n{SECRET}\n", encoding="utf-8")
    return secret


def symlink(path: str) -> Plant:
    def plant(project: Path) -> None:
        (project / path).unlink(missing_ok=True)
        (project / path).symlink_to(outside_file(project))

    return plant


def linked_from_outside(folder: str) -> Plant:
    """A source folder moved out of the project, and a symbolic link to it left in its place."""

    def plant(project: Path) -> None:
        outside = project.parent / f"outside-{folder.replace('/', '-')}"
        shutil.move(project / folder, outside)
        (project / folder).symlink_to(outside, target_is_directory=True)

    return plant


def editions_linked_outside(project: Path) -> None:
    outside = project.parent / "outside-editions"
    (outside / "2009").mkdir(parents=True)
    (outside / "2009" / "secret.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    (project / "editions").symlink_to(outside, target_is_directory=True)


def deep_nesting(project: Path) -> None:
    depth = 5000
    with (project / CODE).open("a", encoding="utf-8") as code:
        code.write(f"\nextra: {'[' * depth}{']' * depth}\n")


def letter_named_with_a_line_end(project: Path) -> None:
    (project / "guide/letters/formal-response\n.md").write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")


def docs_named_in_latin_1(project: Path) -> None:
    with open(os.fsencode(project) + b"/docs/\xff.md", "wb") as page:
        page.write(b"# A page\n")


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


def config_setting(setting: str) -> Plant:
    """A top-level setting of mkdocs.yml, written before extra_css."""
    return in_config("\nextra_css:", f"\n{setting}\nextra_css:")


def redirect(line: str) -> Plant:
    return in_config("      redirect_maps: {}", f"      redirect_maps:\n        {line}")


def inherit_outside(project: Path) -> None:
    (project.parent / "outside.yml").write_text(f"site_description: {SECRET}\n", encoding="utf-8")
    edit(project / CONFIG, "site_name:", "INHERIT: ../outside.yml\nsite_name:")


def python_tag(project: Path) -> None:
    """A YAML tag that PyYAML's full loader runs: it would leave a file named PWNED in the copy."""
    edit(
        project / CONFIG,
        "site_name: The Darlington Compact",
        f'site_name: !!python/object/apply:os.system ["touch {project}/PWNED"]',
    )


def second_organisation(name: str) -> Plant:
    """Another organisation, signed, at the end of the register: a row that reads as `name`."""
    return lambda project: (project / REGISTER).write_text(
        (project / REGISTER).read_text(encoding="utf-8")
        + f'\n  - id: second-council\n    name: "{name}"\n    sector: public\n    status: signed\n'
        + '    signed_on: "2026-11-30"\n    edition: "2026-11"\n',
        encoding="utf-8",
    )


def new_clause(clause_id: str) -> Plant:
    """A clause added to the volunteering code under `clause_id` (a new clause makes no address go)."""
    return replace(
        VOLUNTEERING,
        "clauses:\n",
        f"clauses:\n  - id: {clause_id}\n    sector: both\n    title: Say thank you\n"
        "    text: Both sectors will thank volunteers.\n    expands: [third-volunteering]\n",
    )


REFUSED: dict[str, Case] = {
    # The Compact's pages: raw HTML, however it is written, links, attribute lists and titles.
    "page-img-onerror": (before_paragraph("<img/src=x onerror=alert(1)>"), PAGE, "<img/"),
    "page-tag-over-two-lines": (before_paragraph('<img\nsrc="x"\nonerror="alert(1)">'), PAGE, "<img"),
    "page-meta-refresh": (
        before_paragraph('<meta/http-equiv=refresh content="0;url=https://evil.example">'),
        PAGE,
        "<meta/",
    ),
    "page-script": (before_paragraph("<script>alert(1)</script>"), PAGE, "<script>"),
    "page-comment": (before_paragraph("<!-- hidden -->"), PAGE, "<!--"),
    "page-javascript-link-mixed-case": (before_paragraph("[x](JaVaScRiPt:alert(1))"), PAGE, "[x]"),
    "page-javascript-link-with-slashes": (before_paragraph("[x](javascript://%0aalert(1))"), PAGE, "[x]"),
    "page-javascript-reference-link": (
        before_paragraph("[x][evil]\n\n[evil]: javascript:alert(1)"),
        PAGE,
        "[evil]: javascript:",
    ),
    "page-data-link": (before_paragraph("[x](data:text/html,<script>alert(1)</script>)"), PAGE, "[x]"),
    "page-attr-list-onclick": (before_paragraph('Text.\n{: onclick="alert(1)" }'), PAGE, "{: onclick"),
    "page-attr-list-href": (before_paragraph('Text.\n{: href="javascript:alert(1)" }'), PAGE, "{: href"),
    "page-attr-list-id-breakout": (before_paragraph('## Heading {#id" onmouseover=alert(1)}'), PAGE, "## Heading"),
    "page-attr-list-class-of-the-templates": (before_paragraph("Text.\n{: .editorial }"), PAGE, "{: .editorial"),
    "page-entity-encoded-heading": (
        before_paragraph("## &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        PAGE,
        "## &lt;",
    ),
    "page-escaped-heading": (before_paragraph("## \\</title\\>"), PAGE, "## \\<"),
    "page-image-from-another-host": (before_paragraph("![x](https://evil.example/track.png)"), PAGE, "![x]"),
    # The table's first line, where its alignment row belongs.
    "page-table-alignment-style": (before_paragraph("| a | b |\n|:-:|---|\n| 1 | 2 |"), PAGE, "| a | b |"),
    "page-nul-byte": (replace(PAGE, PARAGRAPH, f"\x00{PARAGRAPH}"), PAGE, "\x00"),
    "page-title-breakout": (
        replace(PAGE, "title: The Context", "title: </title><script>alert(1)</script>"),
        PAGE,
        "title: </title>",
    ),
    "page-items-outside": (
        replace("compact/principles-and-commitments.md", "items: principles-and-commitments.yml", "items: ../../x.yml"),
        "compact/principles-and-commitments.md",
        "items: ../../x.yml",
    ),
    "page-symlink-outside": (symlink(PAGE), PAGE),
    # Every YAML text field: codes, the guide, examples, the edition, the register.
    "clause-javascript-link": (in_clause("[pay](javascript:alert(1))"), CODE),
    "clause-inline-attr-onclick": (in_clause('*pay*{: onclick="alert(1)" }'), CODE),
    "clause-svg-onload": (in_clause("<svg/onload=alert(1)>"), CODE),
    "clause-title-entity": (
        replace(CODE, "title: Pay promptly", "title: Pay &lt;/title&gt;"),
        CODE,
        "title: Pay &lt;",
    ),
    "clause-id-of-a-template-anchor": (
        replace(CODE, "id: rp-prompt-payment", "id: checklist"),
        CODE,
        "id: checklist",
    ),
    "clause-nul-escape": (
        replace(CODE, "title: Pay promptly", 'title: "Pay\\0promptly"'),
        CODE,
        'title: "Pay\\0',
    ),
    "code-deep-nesting": (deep_nesting, CODE),
    "guide-question-breakout": (
        replace(GUIDE, "question: Who is the disagreement between?", "question: Who? &lt;/title&gt;"),
        GUIDE,
        "question: Who? &lt;",
    ),
    "guide-see-also-javascript": (
        replace(GUIDE, "(../compact/context.md)", "(javascript:alert(1))"),
        GUIDE,
    ),
    "guide-outcome-title-script": (
        replace(GUIDE, "title: You have agreed a way forward", "title: <script>alert(1)</script>"),
        GUIDE,
        "title: <script>",
    ),
    "example-case-study-javascript": (
        replace(EXAMPLES, "case_study: ../compact/case-studies.md#grant-funding", "case_study: javascript:alert(1)"),
        EXAMPLES,
        "case_study: javascript:",
    ),
    "example-id-twice": (replace(EXAMPLES, "id: grant-funding", "id: review-of-services"), EXAMPLES),
    "example-id-of-the-page-heading": (
        replace(EXAMPLES, "id: grant-funding", "id: worked-examples"),
        EXAMPLES,
        "id: worked-examples",
    ),
    "edition-note-iframe": (
        replace(
            "compact/edition.yml", "    text: >-\n", "    text: >-\n      <iframe src=https://evil.example></iframe>\n"
        ),
        "compact/edition.yml",
    ),
    "register-champion-img": (
        replace(REGISTER, "    name: HSE\n", f"    name: HSE\n    champion: {ALERT}\n"),
        REGISTER,
        "champion: <img",
    ),
    # The letters.
    "letter-script": (in_letter("<script>alert(1)</script>"), LETTER, "<script>"),
    "letter-javascript-link": (in_letter("[reply](javascript:alert(1))"), LETTER, "[reply]"),
    "letter-symlink-outside": (symlink(LETTER), LETTER),
    "letter-name-with-a-line-end": (letter_named_with_a_line_end, "guide/letters/formal-response\\n.md"),
    # docs/, the hand-written pages.
    "docs-script": (in_docs("<script>alert(1)</script>"), DOCS, "<script>"),
    "docs-div-onclick": (in_docs('<div onclick="alert(1)" markdown>\n\nText.\n\n</div>'), DOCS, "<div onclick"),
    "docs-javascript-anchor": (in_docs('<a href="javascript:alert(1)">x</a>'), DOCS, "<a href"),
    "docs-meta-refresh": (
        in_docs('<meta http-equiv="refresh" content="0;url=https://evil.example">'),
        DOCS,
        "<meta",
    ),
    "docs-title-breakout": (
        replace(DOCS, "title: Accessibility statement", "title: </title><script>alert(1)</script>"),
        DOCS,
        "title: </title>",
    ),
    "docs-symlink-outside": (symlink("docs/secret.txt"), "docs/secret.txt"),
    "docs-link-to-no-page": (in_docs("[x](no-such-page.md)"), DOCS, "[x]"),
    "docs-link-to-no-anchor-of-a-generated-page": (in_docs("[x](this-edition.md#nowhere)"), DOCS, "[x]"),
    # mkdocs.yml.
    "config-stylesheet-from-another-host": (
        in_config("  - assets/stylesheets/handbook.css", "  - https://evil.example/x.css"),
        CONFIG,
        "https://evil.example/x.css",
    ),
    "config-script-from-another-host": (
        in_config("extra_css:", "extra_javascript:\n  - //evil.example/x.js\nextra_css:"),
        CONFIG,
        "//evil.example/x.js",
    ),
    "config-copyright-script": (
        in_config("copyright: Darlington", "copyright: <script>alert(1)</script> Darlington"),
        CONFIG,
        "copyright: <script>",
    ),
    "config-copyright-entity": (
        in_config(
            "copyright: Darlington Compact Steering Group,",
            'copyright: "&lt;b&gt;" # Darlington Compact Steering Group,',
        ),
        CONFIG,
        "copyright: ",
    ),
    "config-site-url-javascript": (
        in_config("site_url: https://darlington-compact.example.org/", "site_url: javascript:alert(1)//"),
        CONFIG,
        "site_url: javascript:",
    ),
    "config-site-url-quote": (
        in_config("site_url: https://darlington-compact.example.org/", "site_url: 'https://x.example/\"><b>'"),
        CONFIG,
        "site_url: 'https://x.example/",
    ),
    "config-redirect-to-another-host": (redirect("old.md: https://evil.example/"), CONFIG, "old.md: https"),
    "config-redirect-to-no-page": (redirect("old.md: codes/volunteerin.md"), CONFIG, "old.md: codes"),
    "config-redirect-from-a-page": (
        redirect("codes/volunteering.md: codes/partnerships.md"),
        CONFIG,
        "codes/volunteering.md: codes/partnerships.md",
    ),
    "config-nav-javascript": (
        in_config("  - Downloads: downloads.md", "  - Downloads: javascript:alert(1)"),
        CONFIG,
        "Downloads: javascript:",
    ),
    "config-snippets-extension": (
        in_config("  - admonition\n", "  - admonition\n  - pymdownx.snippets\n"),
        CONFIG,
        "pymdownx.snippets",
    ),
    "config-inherit-outside": (inherit_outside, CONFIG, "INHERIT:"),
    "config-hook-outside": (
        in_config("site_name:", "hooks:\n  - /tmp/evil.py\nsite_name:"),
        CONFIG,
        "hooks:",
    ),
}

# Each input of issue 26, as the red team wrote it; but a name that opens an attribute list and a title
# holding a link's syntax are shown as text (HARMLESS).
REFUSED |= {
    # Python's html.parser reads <![CDATA[ … ]]> as one block; a browser ends it at the first ">".
    "docs-cdata-then-meta-refresh": (
        in_docs('<![CDATA[><meta http-equiv="refresh" content="0;url=https://evil.example/">]]>'),
        DOCS,
        "<![CDATA[",
    ),
    "docs-cdata-then-script-file": (
        in_docs('<![CDATA[><script src="../../assets/javascripts/keyboard.js"></script>]]>'),
        DOCS,
        "<![CDATA[",
    ),
    "config-inherit-inside": (
        both(
            write("inherited.yml", "extra_javascript:\n  - assets/javascripts/keyboard.js\n"),
            in_config("site_name:", "INHERIT: inherited.yml\nsite_name:"),
        ),
        CONFIG,
        "INHERIT:",
    ),
    "config-hook-inside": (
        both(
            write("build_scripts/more_hooks.py", "import os\n\nos.system('touch PWNED')\n"),
            in_config("site_name:", "hooks:\n  - build_scripts/more_hooks.py\nsite_name:"),
        ),
        CONFIG,
        "hooks:",
    ),
    "config-script-of-docs": (
        both(
            write("docs/assets/javascripts/alert.js", "alert(1);\n"),
            in_config(
                "  - assets/javascripts/keyboard.js",
                "  - assets/javascripts/keyboard.js\n  - assets/javascripts/alert.js",
            ),
        ),
        CONFIG,
        "alert.js",
    ),
    "config-python-tag": (python_tag, CONFIG, "!!python"),
    "config-env-tag": (
        in_config(
            "site_author: Darlington Compact Steering Group",
            "site_author: !ENV [HANDBOOK_AUTHOR, Darlington Compact Steering Group]",
        ),
        CONFIG,
        "!ENV",
    ),
    "config-relative-tag": (in_config("docs_dir: docs", "docs_dir: !relative $config_dir/docs"), CONFIG, "!relative"),
    "editions-linked-outside": (editions_linked_outside, "editions"),
    "config-site-url-another-host": (
        in_config("site_url: https://darlington-compact.example.org/", "site_url: https://evil.example/"),
        CONFIG,
        "site_url: https://evil.example/",
    ),
    "docs-front-matter-canonical": (
        in_docs_front_matter("hb_canonical: '\"><script>alert(1)</script>'"),
        DOCS,
        "hb_canonical:",
    ),
    # "Darlington Borough Council", written backwards after a right-to-left override.
    "register-twin-right-to-left-override": (
        second_organisation("\u202elicnuoC hguoroB notgnilraD"),
        REGISTER,
        "\u202e",
    ),
    "register-twin-zero-width-space": (
        second_organisation("Darlington\u200b Borough Council"),
        REGISTER,
        "\u200b",
    ),
    # With a Cyrillic о: UTS #39 confusable with the council's own name.
    "register-lookalike-cyrillic": (
        second_organisation("Darlingt\u043en Borough Council"),
        REGISTER,
        "Darlingt\u043en",
    ),
    # The clause's text starts on its "text:" line.
    "clause-twenty-thousand-brackets": (in_clause("[" * 20_000), CODE, "text: >-\n      [[["),
    "letter-noncharacter": (in_letter("Yours\ufffe sincerely"), LETTER, "\ufffe"),
    "docs-name-not-utf8": (docs_named_in_latin_1, "docs/\\udcff.md"),
    "docs-front-matter-template-outside": (
        in_docs_front_matter("template: ../../etc/passwd"),
        DOCS,
        "template:",
    ),
    "docs-front-matter-template-of-the-theme": (in_docs_front_matter("template: main.html"), DOCS, "template:"),
    "config-theme-language-outside": (
        in_config("language: custom", "language: ../../../etc"),
        CONFIG,
        "language: ../",
    ),
    "config-extra-analytics": (
        config_setting("extra: {analytics: {provider: google, property: G-XXXX}}"),
        CONFIG,
        "extra: {analytics",
    ),
    "config-theme-font": (in_config("font: false", "font: {text: Roboto}"), CONFIG, "font: {text"),
    "docs-name-forging-a-line": (
        write(f"docs/page\n{FORGED}.md", "# A page\n"),
        f"docs/page\\n{FORGED}.md",
    ),
}

# More of the same classes.
REFUSED |= {
    # HTML that Python's html.parser and a browser read differently.
    "docs-comment-abruptly-closed": (in_docs(f"<!-->{ALERT}-->"), DOCS, "<!-->"),
    "docs-comment-abruptly-closed-after-a-dash": (in_docs(f"<!--->{ALERT}-->"), DOCS, "<!--->"),
    "docs-comment-closed-with-a-bang": (in_docs(f"<!-- x --!>{ALERT}-->"), DOCS, "<!-- x"),
    "docs-noscript-attribute": (in_docs(f'<noscript><p title="</noscript>{ALERT}"></noscript>'), DOCS, "<noscript>"),
    "docs-template-element": (in_docs(f"<template>{ALERT}</template>"), DOCS, "<template>"),
    "docs-svg-style": (in_docs(f"<svg><style>{ALERT}</style></svg>"), DOCS, "<svg>"),
    "docs-math-mglyph-style": (
        in_docs(f"<math><mtext><table><mglyph><style>{ALERT}</style></mglyph></table></mtext></math>"),
        DOCS,
        "<math>",
    ),
    "docs-textarea-raw-text": (
        in_docs(f'<textarea><p title="</textarea>{ALERT}"></textarea>'),
        DOCS,
        "<textarea>",
    ),
    "docs-title-raw-text": (in_docs(f'<title><p title="</title>{ALERT}"></title>'), DOCS, "<title>"),
    "docs-closes-the-theme-container": (in_docs("</article></div>\n\nText."), DOCS, "</article>"),
    "docs-base-href": (in_docs('<base href="https://evil.example/">'), DOCS, "<base"),
    "docs-form-action": (
        in_docs('<form action="https://evil.example/"><input name="q"><button>Send</button></form>'),
        DOCS,
        "<form",
    ),
    "docs-object-data": (in_docs('<object data="https://evil.example/x.svg"></object>'), DOCS, "<object"),
    "docs-iframe-srcdoc": (
        in_docs('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
        DOCS,
        "<iframe",
    ),
    "docs-entity-encoded-javascript": (in_docs('<a href="&#106;avascript:alert(1)">x</a>'), DOCS, "&#106;"),
    "docs-tab-in-javascript": (in_docs('<a href="java&#x09;script:alert(1)">x</a>'), DOCS, "java&#x09;"),
    "docs-srcset-from-another-host": (
        in_docs('<img alt="x" srcset="https://evil.example/t.png 1x">'),
        DOCS,
        "srcset=",
    ),
    "docs-stylesheet-from-another-host": (in_docs("<link rel=stylesheet href=//evil.example/x.css>"), DOCS, "<link"),
    # Other settings of mkdocs.yml.
    "config-plugin-undeclared": (
        in_config("      lang: en\n", "      lang: en\n  - tags\n"),
        CONFIG,
        "  - tags",
    ),
    "config-snippets-base-path": (
        in_config("  - admonition\n", "  - admonition\n  - pymdownx.snippets:\n      base_path: [/etc]\n"),
        CONFIG,
        "pymdownx.snippets:",
    ),
    "config-custom-dir-elsewhere": (
        in_config("custom_dir: overrides", "custom_dir: docs/assets"),
        CONFIG,
        "custom_dir: docs",
    ),
    "config-stylesheet-of-docs": (
        both(
            write("docs/assets/stylesheets/other.css", "body { background: url(//evil.example/t.png); }\n"),
            in_config(
                "  - assets/stylesheets/handbook.css",
                "  - assets/stylesheets/handbook.css\n  - assets/stylesheets/other.css",
            ),
        ),
        CONFIG,
        "other.css",
    ),
    "config-dev-addr": (config_setting("dev_addr: 0.0.0.0:8000"), CONFIG, "dev_addr:"),
    "config-remote-url": (config_setting("remote_url: https://evil.example/handbook.git"), CONFIG, "remote_url:"),
    "config-edit-uri-javascript": (config_setting("edit_uri: javascript:alert(1)//"), CONFIG, "edit_uri:"),
    "config-repo-url-another-host": (config_setting("repo_url: https://evil.example/handbook"), CONFIG, "repo_url:"),
    "config-site-dir-outside": (config_setting("site_dir: ../outside-site"), CONFIG, "site_dir:"),
    # Source folders linked from outside the project.
    "compact-linked-from-outside": (linked_from_outside("compact"), "compact"),
    "codes-linked-from-outside": (linked_from_outside("codes_of_practice"), "codes_of_practice"),
    "letters-linked-from-outside": (linked_from_outside("guide/letters"), "guide/letters"),
    "signatories-linked-from-outside": (linked_from_outside("signatories"), "signatories"),
    "overrides-linked-from-outside": (linked_from_outside("overrides"), "overrides"),
    "docs-assets-linked-from-outside": (linked_from_outside("docs/assets"), "docs/assets"),
    # Invisible characters in names, titles and ids.
    "register-name-zero-width-joiner": (
        replace(REGISTER, "    name: HSE\n", "    name: H\u200dSE\n"),
        REGISTER,
        "H\u200dSE",
    ),
    "register-name-byte-order-mark": (
        replace(REGISTER, "    name: Sport England\n", "    name: Sport\ufeff England\n"),
        REGISTER,
        "\ufeff",
    ),
    "register-name-hangul-filler": (
        replace(REGISTER, "    name: HSE\n", "    name: \u3164\n"),
        REGISTER,
        "\u3164",
    ),
    "code-title-left-to-right-isolate": (
        replace(VOLUNTEERING, "title: Volunteering", "title: Volunteering\u2066"),
        VOLUNTEERING,
        "\u2066",
    ),
    "clause-title-private-use": (replace(CODE, "title: Pay promptly", "title: Pay\ue000 promptly"), CODE, "\ue000"),
    "clause-id-soft-hyphen": (new_clause("vo-say\u00adthanks"), VOLUNTEERING, "vo-say\u00ad"),
    # Renamed wherever the guide names it, so only the soft hyphen is wrong.
    "guide-question-id-soft-hyphen": (
        replace_all(GUIDE, "your-role", "your\u00adrole"),
        GUIDE,
        "id: your\u00adrole",
    ),
}


def docs_page(text: str) -> Plant:
    return write("docs/about/extra.md", text)


# What a review of the change found getting past it.
REFUSED |= {
    # A title that YAML reads as a list reached every page unescaped; with scripts on, a browser ends
    # <noscript> early and the refresh is live.
    "docs-title-as-a-list": (
        replace(
            DOCS,
            "title: Accessibility statement",
            'title: [\'</title><noscript><!--</noscript><meta http-equiv="refresh" content="0;url=https://evil.example/">--></noscript>\']',
        ),
        DOCS,
        "title: [",
    ),
    # Front matter an engine reads but the check did not.
    "docs-front-matter-without-dashes": (
        docs_page("template: ../../etc/hostname\n\n# Extra\n"),
        "docs/about/extra.md",
        1,
    ),
    "docs-front-matter-dashes-and-a-space": (
        docs_page("--- \ntemplate: main.html\n---\n\n# Extra\n"),
        "docs/about/extra.md",
        1,
    ),
    "docs-front-matter-windows-line-ends": (
        docs_page("---\r\ntitle: Extra\r\ntemplate: main.html\r\n---\r\n\r\n# Extra\r\n"),
        "docs/about/extra.md",
        1,
    ),
    "docs-front-matter-closed-with-dots": (
        docs_page("---\ntitle: Extra\n...\ntemplate: main.html\n---\n\n# Extra\n"),
        "docs/about/extra.md",
        1,
    ),
    "docs-hide-with-a-mapping": (in_docs_front_matter("hide: [ {toc: yes} ]"), DOCS, "hide:"),
    # Files an engine publishes as they are, which the check did not read.
    "docs-redirects-file-of-the-host": (
        write("docs/_redirects", "/*  https://evil.example/:splat  301!\n"),
        "docs/_redirects",
        1,
    ),
    "docs-html-file": (
        write("docs/about/old.htm", '<meta http-equiv="refresh" content="0;url=https://evil.example">'),
        "docs/about/old.htm",
        1,
    ),
    "docs-svg-with-a-script": (
        write("docs/assets/x.svg", "<svg><script>alert(1)</script></svg>"),
        "docs/assets/x.svg",
        1,
    ),
    # A list nested thousands deep made Markdown's parser recurse out of the stack.
    "page-list-nested-too-deep": (before_paragraph("- " * 3000 + "x"), PAGE),
    # Eight anchors nested ten times over: billions of values from 4 KB.
    "config-yaml-aliases": (in_config("site_name:", "x: &a [1, 1]\ny: [*a, *a]\nsite_name:"), CONFIG, "y: [*a"),
    # The redirect page's script is made from the anchor: it may hold an anchor's letters only.
    "config-redirect-anchor-script": (
        redirect('old-page.md: \'signatories.md#x";location="https://evil.example/";"\''),
        CONFIG,
        "old-page.md:",
    ),
}


def test_the_corpus_covers_every_kind_of_source() -> None:
    paths = {case[1] for case in REFUSED.values()}
    assert len(REFUSED) + len(HARMLESS) >= 40
    for kind in ("compact/", "codes_of_practice/", "guide/disputes", "guide/examples", "guide/letters/", "docs/"):
        assert any(path.startswith(kind) for path in paths), kind
    assert {"compact/edition.yml", REGISTER, CONFIG} <= paths


def line_of(project: Path, path: str, line: Line) -> int:
    if isinstance(line, int):
        return line
    text = (project / path).read_text(encoding="utf-8")
    assert text.count(line) == 1, f"{line!r} should be in {path} once"
    return text[: text.index(line)].count("\n") + 1


def check_command(project: Path) -> tuple[int, str]:
    """`make check`'s command on a project, as a user runs it: its exit status, and what it printed."""
    try:
        ran = subprocess.run(
            [sys.executable, "-m", "build_scripts", "--root", str(project), "check"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            errors="backslashreplace",
            timeout=CHECK_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"make check took more than {CHECK_SECONDS} s")
    return ran.returncode, ran.stdout + ran.stderr


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_check_refuses_a_hostile_source_with_its_file_and_line(root: Path, tmp_path: Path, case: str) -> None:
    project = copy_project(root, tmp_path)
    plant, path, *line = REFUSED[case]
    plant(project)
    status, printed = check_command(project)
    assert "Traceback" not in printed, printed
    assert status != 0, f"make check accepted {case}"
    problems = problems_of(project)
    listed = "\n".join(problems)
    at = line_of(project, path, line[0]) if line else r"\d+"
    assert any(re.match(rf"{re.escape(path)}:{at}: \S", p) for p in problems), f"not on {path}:{at}:\n{listed}"
    # Every line printed is one whole problem, or the count of them: a file's name forges none.
    assert not [p for p in problems if "\n" in p or "\r" in p], listed
    counts = re.compile(r"\d+ problems? found; nothing was built or changed\.|There are also \d+ warnings?: .*")
    assert not [p for p in printed.splitlines() if p and p not in problems and not counts.fullmatch(p)], printed
    assert not [p for p in printed.splitlines() if p.startswith(FORGED)], printed
    assert SECRET not in printed, "a message echoed a file outside the project"
    assert not (project / "PWNED").exists(), "make check ran code from a source"


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
    # Issue 26: the name joined the template's own `{: #id }` into an attribute list, and the title
    # turned every link to the code into a link to another host.
    "register-name-opening-an-attr-list": replace(
        REGISTER, "    name: Tees Valley YMCA\n", "    name: Tees Valley YMCA {hidden dir=rtl\n"
    ),
    "code-title-with-a-link-in-it": replace(
        "codes_of_practice/partnerships.yml",
        "title: Partnerships",
        "title: Partnerships](https://evil.example/phish) [Partnerships",
    ),
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
    assert 'content="She said &quot;no&quot;: {braces}, a # and a \\ backslash."' in code
    step = (site / "guide/step/agreed-way-forward/index.html").read_text(encoding="utf-8")
    assert '<title>Agreed: {a} "way" forward \\ - The Darlington Compact</title>' in step


def test_names_and_titles_with_markdown_syntax_are_shown_as_text(harmless_site: tuple[Path, Path]) -> None:
    _, site = harmless_site
    pages = {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    assert "Partnerships](https://evil.example/phish) [Partnerships" in pages["codes/partnerships/index.html"]
    assert "Tees Valley YMCA {hidden dir=rtl" in pages["signatories/index.html"]
    assert not [page for page, html in pages.items() if re.search(r"href=\"?https://evil\.example/phish", html)]
    hidden = [
        page for page, html in pages.items() if parse(html).css('[dir="rtl"], h1[hidden], h2[hidden], h3[hidden]')
    ]
    assert not hidden, "a name made an attribute list"
