"""Whatever an editor writes, the loaders report problems and never crash, and no markup from a
source reaches a page."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.pipeline import check, generated_files
from tests.support.project import FIXTURES

SOURCES = (
    "codes_of_practice/fair-funding.yml",
    "codes_of_practice/contents.yml",
    "guide/disputes.yml",
    "guide/examples.yml",
    "signatories/register.yml",
    "contacts.yml",
    "compact/principles.yml",
    "compact/edition.yml",
    "compact/contents.yml",
)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), words)
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(words, inner, max_size=4)),
    max_leaves=12,
)
# Keys the sources really use, so that random structures reach past the first check.
fields = st.sampled_from(
    [
        "id",
        "title",
        "text",
        "choices",
        "next",
        "expands",
        "codes",
        "steps",
        "status",
        "lead",
        "contacts",
        "reach",
        "time",
    ]
)
near_miss = st.dictionaries(fields, structures, max_size=6)


def problems_for(source: str, content: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "minimal"
        shutil.copytree(FIXTURES / "minimal", project)
        (project / source).write_text(content, encoding="utf-8")
        checked = check(project)
        return [str(p) for p in checked.problems]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(SOURCES), data=st.one_of(structures, near_miss, st.lists(near_miss, max_size=3)))
def test_random_structures_are_reported_never_crash(source: str, data: object) -> None:
    problems = problems_for(source, yaml.safe_dump(data, allow_unicode=True))
    for problem in problems:
        path, line, message = problem.split(":", 2)
        assert int(line) >= 1 and message.strip()


@settings(max_examples=40, deadline=None)
@given(source=st.sampled_from(SOURCES), text=st.text(max_size=200))
def test_random_text_is_reported_never_crash(source: str, text: str) -> None:
    problems_for(source, text)


def test_no_markup_from_a_source_reaches_a_page(tmp_path: Path) -> None:
    project = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", project)
    for path in (project / "codes_of_practice/fair-funding.yml", project / "guide/disputes.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Pay on time", "Pay <script>alert(1)</script> on time"), encoding="utf-8")
    checked = check(project)
    assert checked.problems, "the script is reported"
    assert checked.handbook is not None
    pages = {path: text for path, text in generated_files(checked.handbook).items() if path.endswith(".md")}
    assert any("&lt;script>alert(1)&lt;/script>" in text for text in pages.values() if isinstance(text, str))
    assert not [path for path, text in pages.items() if isinstance(text, str) and "<script>" in text]
