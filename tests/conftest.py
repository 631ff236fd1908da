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


CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """The one headless Chromium of a test process. Playwright's sync API cannot run twice at
    once in a process, and pytest-xdist interleaves modules on a worker, so browser tests share
    this session-wide instance instead of starting their own."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: run `make system-deps` (Debian's chromium)")
    from playwright.sync_api import expect

    # expect() polls its condition and returns as soon as it holds, so a generous bound costs a
    # passing test nothing; Playwright's default of 5 s is too short for a two-core CI machine
    # shared with other jobs (Material's search worker alone can take that long to index).
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def pytest_terminal_summary(terminalreporter):
    """Say where screenshots were written (tests/browser/test_pages.py records the folder as a
    user property, which also reaches the summary from pytest-xdist workers)."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "screenshots":
                terminalreporter.write_line(f"screenshots: {value}")
                return
