"""Engine canaries (README, "Engines"): the same docs/ built by MkDocs, ProperDocs and Zensical.

For each engine the fixture corpus of the browser tests (the real seeds, the cross-links corpus,
the annotations) is generated with ``build --engine`` and built by that engine, served under
``/archive/`` with site_url set, as a host under a sub-path serves it; the hostile corpus is built
the same way. Then, per engine: the crawl (every internal link and anchor resolves,
tests/linkcheck.py), the security checks of tests/test_security_site.py (the same policy first on
every page, no inline script, no markup from input live anywhere, the search index inert) and, in
headless Chromium, a reader's path (home → briefing → person → timeline → search) and every
hostile briefing with no payload run and no policy violated (tests/test_security_browser.py's
watcher). ProperDocs and Zensical run from their own environments (`make engines` makes them);
without one, its tests are skipped and say so.

Each engine's two sites are built once per test process: the tests of one engine share an
``xdist_group``, so under ``pytest -n 2`` one worker builds them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.server import SiteServer
from tests.browser.waits import SEARCH_DONE, instant_navigation, material_ready
from tests.conftest import CHROMIUM
from tests.hostile import build_hostile_site, csp_problems, live_markup, live_markup_in_pages, visible_text
from tests.linkcheck import broken_links, link_count
from tests.sitebuild import ENGINES, build_corpus_site, engine_missing
from tests.test_security_browser import CLEAN, Watcher

pytestmark = [pytest.mark.engines, pytest.mark.slow]

GENERATOR = {"mkdocs": "mkdocs-1.6.", "properdocs": "mkdocs-ProperDocs 1.6.", "zensical": "zensical-0.0.73"}
"""How each engine signs the pages it builds (<meta name="generator">): the canary checks that the
site was built by the engine it names, not by MkDocs under another name."""


@pytest.fixture(params=[pytest.param(e, marks=pytest.mark.xdist_group(f"engine-{e}")) for e in ENGINES])
def engine(request) -> str:
    missing = engine_missing(request.param)
    if missing:
        pytest.skip(f"{request.param}: {missing}")
    return request.param


class Sites:
    """Each engine's sites, built on first use and served until the end of the test process (a
    fixture scoped by the engine parameter would be built again each time a worker's test order
    moves from one engine to another and back)."""

    def __init__(self, folders):
        self.folders, self.built, self.servers = folders, {}, []

    def corpus(self, engine: str) -> tuple[Path, str]:
        """(site folder, base URL): the fixture corpus built by ``engine``, served under /archive/."""
        if ("corpus", engine) not in self.built:
            server = SiteServer()
            site = build_corpus_site(self.folders.mktemp(f"engine-{engine}"), engine, site_url=server.url)
            self._serve(("corpus", engine), server, site)
        return self.built["corpus", engine]

    def hostile(self, engine: str) -> tuple[Path, str]:
        """(site folder, base URL): the hostile corpus built by ``engine``, served at the root."""
        if ("hostile", engine) not in self.built:
            site, code, errors = build_hostile_site(self.folders.mktemp(f"engine-hostile-{engine}"), engine=engine)
            assert code == 1, errors  # its bad inputs are reported, the rest is built
            self._serve(("hostile", engine), SiteServer(prefix="/"), site)
        return self.built["hostile", engine]

    def _serve(self, key, server: SiteServer, site: Path) -> None:
        server.start(site)
        self.servers.append(server)
        self.built[key] = (site, server.url)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    built = Sites(tmp_path_factory)
    yield built
    built.stop()


@pytest.fixture
def corpus(engine, sites) -> tuple[Path, str]:
    return sites.corpus(engine)


@pytest.fixture
def hostile(engine, sites) -> tuple[Path, str]:
    return sites.hostile(engine)


def test_the_site_is_built_by_the_engine(engine, corpus):
    site, _url = corpus
    generator = re.search(r'<meta name="generator" content="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    assert generator and generator.group(1).startswith(GENERATOR[engine]), generator
    archive = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    assert len(archive["briefings"]) >= 13
    missing = [b["url"] for b in archive["briefings"] if not (site / b["url"] / "index.html").is_file()]
    assert missing == []


def test_every_link_and_anchor_resolves(corpus):
    site, url = corpus
    assert link_count(site) > 1000  # the crawl really walked the site
    assert broken_links(site, prefix=urlsplit(url).path) == []


def test_every_page_has_the_policy_first_and_no_inline_script(hostile):
    assert csp_problems(hostile[0]) == []


def test_no_markup_from_input_is_live_and_payloads_read_as_text(hostile):
    site, _url = hostile
    assert live_markup_in_pages(site) == {}
    shown = " ".join(visible_text(p.read_text(encoding="utf-8")) for p in sorted((site / "briefings").rglob("index.html")))
    for words in ("<script>window.__xss=1</script>", "<img src=x onerror=\"window.__xss=2\">", "{{ 7*7 }}"):
        assert words in shown, words


def search_index(site: Path) -> list[dict]:
    """The entries of the engine's search index (Material: search/search_index.json, "docs";
    Zensical: search.json, "items"); each has a location, a title and a text that the search
    dialog shows as HTML."""
    material, zensical = site / "search" / "search_index.json", site / "search.json"
    if material.is_file():
        return json.loads(material.read_text(encoding="utf-8"))["docs"]
    return json.loads(zensical.read_text(encoding="utf-8"))["items"]


def test_search_index_holds_no_live_markup(hostile):
    entries = search_index(hostile[0])
    assert len(entries) > 20
    assert [e["location"] for e in entries if live_markup(e["title"]) or live_markup(e["text"])] == []


# In the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's shared Chromium (tests/conftest.py): one Playwright per process."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: run `make system-deps`")
    return chromium


def search(page, engine: str, query: str):
    """Open the header's search as a reader does, type ``query`` and return the result links once
    the results of the whole query are shown, as a selector of the result links. Material: its box in the header, "N matching
    documents"; Zensical: a button that opens its dialog (in a shadow root, which Playwright's
    locators enter), "N results"."""
    if engine == "zensical":
        page.locator(".md-search__button").click()
        box = page.get_by_role("combobox", name="Search")
        box.fill(query)
        expect(page.locator("dialog[open] [role=status]")).to_have_text(re.compile(r"^[1-9]\d* results?$"))
        return "dialog[open] [role=listbox] a[role=option]"
    box = page.locator(".md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Initializing search")  # the index is loaded
    box.fill(query)
    box.press("End")  # one key-up: one search, for the whole query (tests/browser/waits.py)
    expect(meta).to_have_text(SEARCH_DONE)
    return ".md-search-result__item > a"


def annotated_title(site: Path) -> str:
    """The headline of the briefing with the most in-text annotations (the real seed's)."""
    pages = sorted(site.glob("briefings/*/*/*/index.html"))
    best = max(pages, key=lambda p: len(re.findall(r'class="[^"]*\bannotate\b', p.read_text(encoding="utf-8"))))
    archive = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    url = best.parent.relative_to(site).as_posix() + "/"
    return next(b["title"] for b in archive["briefings"] if b["url"] == url)


@pytest.mark.browser
def test_a_reader_goes_home_briefing_person_timeline_search(engine, corpus, browser):
    """Clicks only, with the site's policy in force: home → the annotated briefing (one of its
    notes opens, its marker named by a11y.js) → a person it names
    → the timeline → a search for that person, whose result leads to their page. Nothing on
    the way violates the policy, logs an error or fails to load."""
    site, base = corpus
    watcher = Watcher(browser, base)
    page = watcher.page
    page.goto(base, wait_until="load")
    material_ready(page)
    title = annotated_title(site)
    with instant_navigation(page):
        page.locator(".briefing-card h3 a", has_text=title).first.click()
    expect(page.locator(".md-content h1")).to_have_text(title)
    # The theme's annotations, named by the site's accessibility script (docs/assets/a11y.js).
    marker = page.locator(".md-annotation__index").first
    expect(marker).to_have_attribute("aria-label", re.compile(r"^Annotation \d+$"))
    page.locator(".md-annotation").first.click()
    expect(page.locator(".md-annotation:focus-within .md-tooltip").first).to_have_class(
        re.compile(r"\bmd-tooltip--active\b"))
    person = page.locator(".md-content a.entity-link[href*='/entities/people/']").first
    name = person.inner_text()
    with instant_navigation(page):
        person.click()
    page.wait_for_url(re.compile(r".*/archive/entities/people/[^/]+/(#.*)?$"))
    expect(page.locator(".md-content h1")).to_have_text(re.compile(re.escape(name.split()[-1])))
    name, person_url = page.locator(".md-content h1").inner_text(), page.url.split("#")[0]
    with instant_navigation(page):
        page.locator(".md-tabs__link", has_text="Timeline").click()
    page.wait_for_url(re.compile(r".*/archive/timeline/(#.*)?$"))
    expect(page.locator(".md-content h1")).to_have_text("Timeline")
    expect(page.locator(".timeline > p").first).to_be_visible()
    results = search(page, engine, name)
    # The person's page is among the results (briefings that quote them may rank higher). The
    # result is followed by its address, not clicked: under load Material's search sometimes
    # closed between the results being shown and the click (not understood; see the commit).
    result = page.locator(f"{results}[href^='{person_url}']").first
    expect(result).to_contain_text(name)
    page.goto(result.get_attribute("href"), wait_until="load")
    assert page.url.startswith(person_url)
    material_ready(page)
    expect(page.locator(".md-content h1")).to_have_text(name)
    assert watcher.state() == CLEAN
    watcher.context.close()


@pytest.mark.browser
def test_no_payload_runs_on_any_hostile_briefing(engine, hostile, browser):
    """Every hostile briefing and the home page, loaded with the policy: no dialog, no
    ``window.__xss``, no request off the machine, no violation, no console error."""
    if engine == "mkdocs":
        pytest.skip("MkDocs: tests/test_security_browser.py loads every page of its hostile site")
    site, base = hostile
    watcher = Watcher(browser, base)
    pages = [""] + sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("briefings/*/*/*/index.html"))
    assert len(pages) > 8
    failures = watcher.failures({url: base + url for url in pages})
    watcher.context.close()
    assert not failures, failures
