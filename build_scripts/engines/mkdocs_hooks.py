"""The thin adapter between MkDocs and the handbook pipeline; the only module that imports MkDocs.

`mkdocs.yml` names this file under `hooks:`. It does one job: MkDocs calls on_config (load and check
everything, stop before anything is written) and on_files (add the generated pages and files). The
Content-Security-Policy is given to the finished site afterwards, by build_scripts/publish/policy.py,
which works on any engine's output. The source folders are watched by `mkdocs serve` through
`watch:` in mkdocs.yml. Another engine calls the same pipeline through
`python -m build_scripts render --out DIR` instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from build_scripts.model.problems import summary
from build_scripts.pipeline import check, generated_files, last_updated

_PAGES_KEY = "handbook_generated_pages"
UPDATED_KEY = "hb_updated"
"""The day each page's sources last changed, read by overrides/partials/content.html and sitemap.xml."""
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
    config.extra[UPDATED_KEY] = last_updated(_root(config), checked.handbook, config[_PAGES_KEY])
    return config


# Before every plugin's on_files, so that mkdocs-redirects, which lists the pages there, knows the
# generated ones and a redirect to one of them works.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, content in config[_PAGES_KEY].items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise Abort(f"docs/{uri} would hide the page the build makes from the sources; remove it.")
        files.append(File.generated(config, uri, content=content))
    return files
