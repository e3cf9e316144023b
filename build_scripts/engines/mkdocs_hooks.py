"""The thin adapter between MkDocs and the handbook pipeline; the only module that imports MkDocs.

`mkdocs.yml` names this file under `hooks:`. MkDocs calls, in this order:
on_config (load and check everything, stop before anything is written), on_files (add the
generated pages and files), on_post_page and on_post_template (put the Content-Security-Policy in
each page) and on_post_build (write the `_headers` file with the same policy). The source folders
are watched by `mkdocs serve` through `watch:` in mkdocs.yml.
Another engine calls the same pipeline through `python -m build_scripts render --out DIR` instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.model.problems import summary
from build_scripts.pipeline import check, generated_files
from build_scripts.publish.csp import HEADERS_FILE, headers_file, inline_script_hashes, with_policy

_PAGES_KEY = "handbook_generated_pages"
_HASHES_KEY = "handbook_script_hashes"
PDFS_VARIABLE = "HANDBOOK_PDFS"
"""Set to 0 to build without the PDFs, as `make serve` does so that each edit shows at once."""


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    checked = check(_root(config))
    if not checked.ok or checked.handbook is None:
        raise Abort(f"{summary(checked.problems)} Run `make check` to see them again.")
    # Rendered here, once per build, and handed to on_files on the config it belongs to.
    with_pdfs = os.environ.get(PDFS_VARIABLE, "1") != "0"
    config[_PAGES_KEY] = generated_files(checked.handbook, config.site_url or "", with_pdfs)
    return config


# Before the plugins' on_files, so that they see the generated pages: mkdocs-redirects takes its list
# of pages a redirect may lead to from its own on_files.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, content in config[_PAGES_KEY].items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise Abort(f"docs/{uri} would hide the page the build makes from the sources; remove it.")
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _with_policy(output_content, config) if template_name.endswith(".html") else output_content


def _with_policy(html: str, config: MkDocsConfig) -> str:
    """The page with its policy; its scripts' hashes are kept for the `_headers` file."""
    config[_HASHES_KEY] = config.get(_HASHES_KEY, set()) | set(inline_script_hashes(html))
    return with_policy(html)


def on_post_build(config: MkDocsConfig) -> None:
    (Path(config.site_dir) / HEADERS_FILE).write_text(headers_file(config.get(_HASHES_KEY, set())), encoding="utf-8")
