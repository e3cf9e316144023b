"""Every recipe of CONTRIBUTING.md, applied together to one copy of the real sources, as an editor would
follow them: change a clause's words, add a clause, say where a clause's figure comes from, take a
clause out, adopt a code, add a guide question and answer it in the worked examples, write a model
letter, add a worked example, record a signature, add an editorial note, fill in a contact's details,
enter what the Steering Group sends back.
Then `make check` passes, the site builds once, and the tests of the content run on that copy and its
site: an editor's correct edit never fails a test.

The recipes are read from CONTRIBUTING.md's own blocks (tests/support/recipes.py), so the guide and
this test cannot drift apart.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_scripts.check.promise import PROMISE_FILE, read_promise, source_addresses
from build_scripts.pipeline import check
from build_scripts.render.steering_pack import PACK_DOCX, PACK_PDF
from tests.conftest import build_site
from tests.support.project import ROOT, copy_project
from tests.support.recipes import apply_all, read_recipes
from tests.support.shared import Build, once
from tests.support.steering_pack import pdf_sources, word_sources

GUIDE = ROOT / "CONTRIBUTING.md"
# The kinds of edit the issue lists; each section must hold at least one recipe the test applies.
SECTIONS = (
    "Change the wording of a code of practice",
    "Add a clause to a code",
    "Say where a figure comes from",
    "Take a clause out of a code",
    "Adopt a code",
    "Add a step to the disagreement guide",
    "Write a model letter",
    "Add a worked example",
    "Record a signatory",
    "Add an editorial note",
    "Update a contact",
    "Enter what the Steering Group sends back",
)
# The tests that take their expectations from the sources and the site built from them.
CONTENT_TESTS = (
    "tests/e2e/test_codes.py",
    "tests/e2e/test_fidelity.py",
    "tests/e2e/test_guide.py",
    "tests/e2e/test_links.py",
    "tests/e2e/test_paper.py",
    "tests/e2e/test_partners.py",
    "tests/e2e/test_pdfs.py",
    "tests/e2e/test_promise.py",
    "tests/e2e/test_signing.py",
    "tests/e2e/test_site.py",
    "tests/e2e/test_steering_pack.py",
    "tests/unit/load/test_schemas.py",
    "tests/unit/model/test_guide_journeys.py",
    "tests/unit/render/test_guide_outcomes.py",
    "tests/unit/render/test_letters.py",
)


def edited_site(folder: Path) -> subprocess.CompletedProcess[str]:
    """Builds the edited copy into `folder` (the project beside the site)."""
    project = copy_project(ROOT, folder.parent)
    apply_all(GUIDE, project)
    return build_site(project, folder)


def outside_pytest() -> dict[str, str]:
    """This environment without what pytest and its workers set, for a pytest run of its own."""
    return {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return once(tmp_path_factory, "recipes", edited_site)


def test_every_kind_of_edit_has_a_recipe() -> None:
    sections = {recipe.section for recipe in read_recipes(GUIDE)}
    assert set(SECTIONS) <= sections, set(SECTIONS) - sections


def test_the_edited_sources_pass_the_check_and_build(edited: Build) -> None:
    edited.assert_built()
    checked = check(edited.site.parent / "project")
    assert checked.problems == ()
    promise = [str(w) for w in checked.warnings if w.source.path == PROMISE_FILE]
    # The recipes publish new addresses; unless an editor has already run `make addresses` for them,
    # `make check` says so and says what to run.
    assert checked.handbook is not None
    if source_addresses(checked.handbook) - set(read_promise(edited.site.parent / "project")):
        assert promise and "make addresses" in promise[0]


def test_the_content_tests_pass_on_the_edited_sources(edited: Build) -> None:
    site = edited.assert_built()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", *CONTENT_TESTS],
        cwd=ROOT,
        env={
            **outside_pytest(),
            "HANDBOOK_TEST_CONTENT": str(site.parent / "project"),
            "HANDBOOK_TEST_SITE": str(site),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_what_the_steering_group_sent_back_leaves_the_list_the_page_and_the_pack(edited: Build) -> None:
    """The recipes fill in the chair's details and record Champions: neither is still needed, on the
    page or in the pack, and what is left is exactly what publish-check lists."""
    site = edited.assert_built()
    checked = check(site.parent / "project")
    ids = {item.id for item in checked.still_needed}
    assert ids and not ids & {"contact-steering-group-chair", "contact-steering-group", "compact-champions"}
    page = (site / "about" / "still-needed" / "index.html").read_text(encoding="utf-8")
    assert 'id="contact-steering-group-chair"' not in page and 'id="compact-champions"' not in page
    waiting = sorted(str(problem.source) for problem in checked.before_publishing)
    assert sorted(pdf_sources(PdfReader(site / PACK_PDF))) == waiting
    assert sorted(word_sources((site / PACK_DOCX).read_bytes())) == waiting
    assert "Sam Patel" in (site / "signatories" / "index.html").read_text(encoding="utf-8")
