"""Shared fixtures: paths into the repository and a helper to run the CLI in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REAL_SEED = SEEDS / "000_e80ecc7bd58d023e.txt"
FIXTURES = ROOT / "tests" / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def in_root(monkeypatch):
    """Run a test from the repository root, as a user running `make` would."""
    monkeypatch.chdir(ROOT)
    return ROOT
