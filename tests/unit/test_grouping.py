"""The tests that share a copy of the project, a preview or the PDFs read once are kept on one worker by
pytest-xdist's groups (`--dist loadgroup`, pyproject.toml). Under pytest 9.2 the groups silently stop
working (pytest-dev/pytest-xdist#1386) and those tests then share a copy across workers: this fails
first, on an upgrade that breaks the grouping."""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.xdist_group("grouping")


def test_a_test_marked_with_a_group_is_scheduled_with_its_group(request: pytest.FixtureRequest) -> None:
    # Run by `make test` on its workers; with -n0 one process runs everything, and there is no schedule.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        assert request.config.getvalue("loadgroup"), "the run does not distribute by groups (pyproject.toml)"
        assert request.node.nodeid.endswith("@grouping"), f"{request.node.nodeid}: the group mark was not applied"
