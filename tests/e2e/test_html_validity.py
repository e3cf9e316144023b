"""The built site is valid by the W3C Nu HTML Checker: every page, every SVG image and the handbook's
own stylesheet (Material's minified stylesheet is the theme's, not checked here). One run of
`vnu.jar` (installed from npm by `make vnu`, pinned in package-lock.json) on Debian's Java checks
every file, so the Java start-up is paid once."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")
# A page with an error Material's templates used to make: the check must find it among the others.
KNOWN_ERROR = '<!doctype html><html lang="en-GB"><title>t</title><label tabindex="">x</label></html>'


def checked_files(site: Path) -> list[Path]:
    files = sorted([*site.rglob("*.html"), *site.rglob("*.svg")])
    return [*files, site / "assets/stylesheets/handbook.css"]


def nu_messages(root: Path, files: list[Path]) -> list[dict[str, Any]]:
    jar = root / VNU_JAR
    java = shutil.which("java")
    assert jar.is_file(), f"{VNU_JAR} is missing: `make vnu` installs it (npm ci)"
    assert java, "no java: `make vnu` installs Debian's default-jre-headless"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            "--also-check-css",
            "--also-check-svg",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    return messages


def test_every_page_svg_and_stylesheet_is_valid(root: Path, site: Path, tmp_path: Path) -> None:
    known = tmp_path / "known-error.html"
    known.write_text(KNOWN_ERROR, encoding="utf-8")
    files = checked_files(site)
    assert len(files) >= 50
    messages = nu_messages(root, [*files, known])
    found = [message for message in messages if not message.get("url", "").endswith("/known-error.html")]
    assert any("tabindex" in message["message"] for message in messages if message not in found), (
        "the checker did not report the known error: is it checking anything?"
    )
    assert not found, "\n".join(
        f"{message.get('url', '').removeprefix('file:' + str(site))}:{message.get('lastLine', '?')}: "
        f"{message['type']}: {message['message']}"
        for message in found
    )
