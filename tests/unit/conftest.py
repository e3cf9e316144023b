"""Fixtures of the unit tier: a copy of the minimal handbook that a test may break."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.project import copy_fixture


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("minimal", tmp_path)
