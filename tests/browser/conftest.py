"""Fixtures for the browser tests: one site per session, served under a sub-path, and Chromium.

The site is built once per test session and xdist worker: the reader and hosting tests share
the ``xdist_group`` "browser" and the accessibility audit has "browser-audit", so under
``pytest -n 2`` (``--dist loadgroup``) two workers build it once each and run the two halves side
by side from the real seed plus the fixture corpus
of the cross-links tests, with ``site_url`` set to the local server's ``/archive/`` URL: every
browser test therefore also checks that the site works when hosted under a sub-path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ..conftest import CHROMIUM, CHROMIUM_ARGS, ROOT  # noqa: F401 (CHROMIUM*: re-exported)
from ..sitebuild import CORPUS, build_corpus_site  # noqa: F401 (CORPUS: re-exported)
from .server import SiteServer

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
"""Where screenshots go (git-ignored); the path is printed by the screenshot test."""
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


@dataclass
class Site:
    """The built site and where it is served."""

    root: Path
    """The built site folder."""
    url: str
    """Its base URL, ending in ``/archive/``."""
    docs: Path
    """The generated docs folder it was built from."""
    pages: dict[str, str] = field(default_factory=dict)
    """Page type → site-relative URL of one representative page (see ``page_types``)."""

    def at(self, path: str) -> str:
        return self.url + path.lstrip("/")


def page_types(site: Path) -> dict[str, str]:
    """One representative URL per kind of page that this site has (kinds it lacks are left out).

    Briefing: the real seed's page (the one with every feature: glance, quotes, timeline,
    annotations); the others are the first page of each kind in path order, so the choice is
    stable between runs. Hand-written pages share one layout, so how-to-annotate stands for all.
    """
    def first(pattern: str, exclude: tuple[str, ...] = ()) -> str | None:
        for path in sorted(site.glob(pattern)):
            rel = path.relative_to(site).as_posix()
            if not any(rel.startswith(x) for x in exclude):
                return rel.removesuffix("index.html")
        return None

    seed_page = next((p for p in sorted(site.glob("briefings/*/*/*/index.html"))
                      if "pax silica" in p.read_text(encoding="utf-8").lower()), None)
    found = {
        "home": "",
        "briefing": seed_page.relative_to(site).as_posix().removesuffix("index.html") if seed_page else None,
        "briefings-index": "briefings/" if (site / "briefings/index.html").exists() else None,
        "entity-person": first("entities/people/*/index.html"),
        "entities-index": first("entities/*/index.html") or first("entities/index.html"),
        "timeline": first("timeline/index.html"),
        "timeline-month": first("timeline/*/*/index.html") or first("timeline/*/index.html"),
        "month": first("months/*/*/index.html") or first("briefings/*/*/index.html"),
        "tags": first("tags/index.html"),
        "how-to-annotate": first("how-to-annotate/index.html") or first("*annotat*/index.html"),
        "not-found": "404.html",
    }
    return {kind: url for kind, url in found.items() if url is not None}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build the site once, serve it under /archive/ on a free port, stop the server at the end."""
    server = SiteServer()
    workdir = tmp_path_factory.mktemp("browser-site")
    root = build_corpus_site(workdir, site_url=server.url)
    server.start(root)
    yield Site(root=root, url=server.url, docs=workdir / "docs", pages=page_types(root))
    server.stop()


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's shared Chromium (tests/conftest.py): one Playwright per process."""
    return chromium


@dataclass
class Watch:
    """What went wrong while a page was open: console errors, uncaught exceptions, failed or
    4xx/5xx requests (a 404 page that is expected is reported, and filtered by the test)."""

    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"exception: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))


@pytest.fixture
def context_factory(browser):
    """New browser contexts (viewport, colour scheme), closed after the test."""
    made = []

    def make(viewport=DESKTOP, color_scheme="light", **kwargs):
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, **kwargs)
        # Actions and navigations (goto, click, wait_for_url, wait_for_function) return as soon as
        # they can; the bound only decides when a stuck one fails. 10 s was too close for a page
        # load with BROWSER_TEST_SLOW_MS=800 on a loaded two-core machine.
        context.set_default_timeout(30_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(context_factory):
    """A desktop page in the light palette; ``page.watch.errors`` collects what went wrong."""
    tab = context_factory().new_page()
    tab.watch = Watch()
    tab.watch.attach(tab)
    return tab
