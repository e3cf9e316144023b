"""The pages a pull request changes, as its run's summary lists them: `python -m build_scripts changes`,
which the workflow runs on the base branch's site and the proposal's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from build_scripts.publish.changes import Changes, compare, summary
from tests.support.project import ROOT

PAGE = (
    '<html><body><nav>{nav}</nav><article class="md-content__inner"><h1 id="t">{title}</h1>{body}</article>'
    "</body></html>"
)


def write(site: Path, pages: dict[str, tuple[str, str]], nav: str = "menu") -> Path:
    for page, (title, body) in pages.items():
        path = site / page / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(nav=nav, title=title, body=body), encoding="utf-8")
    return site


def test_pages_are_compared_by_their_content_not_what_every_page_shares(tmp_path: Path) -> None:
    base = write(tmp_path / "a", {"": ("Home", "x"), "codes/volunteering": ("Volunteering", "<p>old</p>"),
                                  "guide/start/raising": ("Q", "a"), "gone": ("Gone", "")})  # fmt: skip
    new = write(tmp_path / "b", {"": ("Home", "x"), "codes/volunteering": ("Volunteering", "<p>new</p>"),
                                 "guide/start/raising": ("Q", "b"), "guide/step/about-funding": ("New", "")},
                nav="another menu")  # fmt: skip
    changes = compare(base, new)
    assert changes.changed == ("/codes/volunteering/", "/guide/start/raising/")
    assert changes.added == ("/guide/step/about-funding/",) and changes.removed == ("/gone/",)
    text = summary(changes, "https://compact.example.org/")
    assert "- [`/codes/volunteering/`](https://compact.example.org/codes/volunteering/)" in text
    assert "1 of the guide's path pages" in text and "/guide/start/raising/" not in text
    assert "Gone (a promised address needs a redirect) (1)" in text


def test_the_command_prints_the_summary(tmp_path: Path) -> None:
    base = write(tmp_path / "a", {"": ("Home", "x")})
    new = write(tmp_path / "b", {"": ("Home", "y")})
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "changes", "--base", str(base), "--site-dir", str(new)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Pages this change alters") and "- `/" in result.stdout


def test_a_file_name_in_a_proposal_cannot_become_markdown() -> None:
    hostile = "/x](https://elsewhere.example)![a](https://elsewhere.example/i.png)`*b*/"
    text = summary(Changes((hostile,), (), ()), "https://compact.example.org/")
    assert "](https://elsewhere" not in text and "![" not in text.replace("%21", "")
    assert (
        "- [`/x%5D%28https%3A//elsewhere.example%29%21%5Ba%5D%28https%3A//elsewhere.example/i.png%29%60%2Ab%2A/`]"
        in text
    )
