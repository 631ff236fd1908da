"""The site built from the hostile corpus, loaded in headless Chromium with its real CSP.

Every payload in tests/fixtures/hostile/ sets ``window.__xss`` (or opens a dialog, or fetches
from xss.example) if it ever runs. Each page is loaded and the test asserts: no dialog opened,
``window.__xss`` is unset, no request left 127.0.0.1, no Content-Security-Policy violation was
reported (a violation would mean either injected markup reached the page or the policy broke
Material), and no console error. Then the site is used as a reader would: search (whose results
Material renders as HTML from the index), the palette toggle, an annotation, instant navigation.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.server import SiteServer
from tests.browser.waits import instant_navigation, material_ready, material_search
from tests.conftest import CHROMIUM
from tests.hostile import build_hostile_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""
LIVE_DOM = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) bad.push(el.tagName + " " + a.name);
      // Pagefind's UI writes its own search form with action="javascript:void(0);" (never submitted).
      const pagefindForm = el.tagName === "FORM" && a.value === "javascript:void(0);" && el.closest(".pagefind-ui");
      if (/^\\s*(javascript|data|vbscript):/i.test(a.value) && /href|src|action/.test(a.name) && !pagefindForm) bad.push(el.tagName + " " + a.name + "=" + a.value);
    }
  }
  for (const s of document.scripts) if (!s.src && s.type !== "application/json") bad.push("inline script");
  return bad;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("needs /usr/bin/chromium (make system-deps)")
    site, _code, _errors = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    server = SiteServer(prefix="/")
    server.start(site)
    yield site, server.url
    server.stop()


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's shared Chromium (tests/conftest.py): one Playwright per process."""
    return chromium


class Watcher:
    """One browser page with everything that would betray a payload recorded."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context()
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.dialogs, self.outside, self.console = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console.append(str(e)))

    def _request(self, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            return
        self.outside.append(request.url)

    def state(self) -> dict:
        return {
            "xss": self.page.evaluate("typeof window.__xss === 'undefined' ? null : window.__xss"),
            "violations": self.page.evaluate("window.__violations"),
            "live": self.page.evaluate(LIVE_DOM),
            "dialogs": list(self.dialogs), "outside": list(self.outside), "console": list(self.console),
        }

    def failures(self, urls: dict[str, str]) -> dict[str, dict]:
        """Visit each url (by its name in the report) and say what betrayed a payload on each
        page where anything did; the page's records are cleared between pages."""
        found = {}
        for name, url in urls.items():
            self.page.goto(url, wait_until="load")
            # Material's JavaScript builds tooltips, annotations and the search box: check after it.
            material_ready(self.page)
            state = self.state()
            if state != CLEAN:
                found[name] = {key: value for key, value in state.items() if value != CLEAN[key]}
            self.dialogs.clear(), self.outside.clear(), self.console.clear()
        return found


CLEAN = {"xss": None, "violations": [], "live": [], "dialogs": [], "outside": [], "console": []}


def test_no_payload_runs_on_any_page(served, browser):
    site, base = served
    watcher = Watcher(browser, base)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 20
    failures = watcher.failures(
        {rel: base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel) for rel in pages})
    watcher.context.close()
    assert not failures, failures


def test_search_renders_hostile_results_inertly(served, browser):
    _site, base = served
    watcher = Watcher(browser, base)
    watcher.page.goto(base, wait_until="load")
    watcher.page.focus("input.md-search__input")
    # Result titles and excerpts hold the payloads (escaped in the index; Material inserts them
    # as HTML, with <mark> around the query). Each check reads the results of its whole query.
    for query in ("window", "Acme", "Mallory", "Council"):
        material_search(watcher.page, query)
        assert watcher.state() == CLEAN, query
    assert watcher.page.locator(".md-search-result__item").count() > 0
    assert "<script>window.__xss=1</script>" in watcher.page.inner_text(".md-search-result__list")
    # Open the first result of the last query: instant navigation swaps the page in place.
    with instant_navigation(watcher.page):
        watcher.page.locator(".md-search-result__link").first.click()
    assert watcher.state() == CLEAN
    watcher.context.close()


def test_site_still_works_under_the_policy(served, browser):
    site, base = served
    watcher = Watcher(browser, base)
    watcher.page.goto(base, wait_until="load")
    material_ready(watcher.page)  # the palette toggle works once Material has bound it
    before = watcher.page.get_attribute("body", "data-md-color-scheme")
    watcher.page.locator("form[data-md-component=palette] label:visible").first.click()
    after = {"default": "slate", "slate": "default"}[before]
    expect(watcher.page.locator("body")).to_have_attribute("data-md-color-scheme", after)
    watcher.page.reload(wait_until="load")
    assert watcher.page.get_attribute("body", "data-md-color-scheme") == after, "palette choice not kept"
    # An annotated hostile briefing: Material turns the note list into tooltips with JavaScript.
    annotated = next(p for p in sorted(site.glob("briefings/*/*/*/index.html"))
                     if re.search(r'class="(?:[^"]* )?annotate[ "]', p.read_text(encoding="utf-8")))
    watcher.page.goto(base + annotated.parent.relative_to(site).as_posix() + "/", wait_until="load")
    material_ready(watcher.page)
    markers = watcher.page.locator(".md-annotation__index")
    assert markers.count() > 0, "Material did not build the annotation markers"
    # Click the marker, not its number: the number pulses (a scale animation) once it is on
    # screen, and Playwright waits for a stable element, so a click on it passes only when it
    # starts off screen and no retry comes after the scroll (then it waits out its timeout).
    watcher.page.locator(".md-annotation").first.click()
    expect(watcher.page.locator(".md-annotation:focus-within .md-tooltip").first).to_have_class(
        re.compile(r"\bmd-tooltip--active\b"))  # the note is open: its content is in the page
    assert watcher.state() == CLEAN
    # content.tooltips: Material turns title="" into tooltips on hover; some titles hold payloads.
    # Numbered first: Material takes a title off while its tooltip shows, and moves annotation
    # notes (with their links) into tooltips, so "the i-th [title]" changes under the loop.
    count = watcher.page.evaluate("""() => [...document.querySelectorAll('.md-content [title]')]
        .map((e, i) => e.setAttribute('data-test-host', i)).length""")
    for i in range(count):
        host = watcher.page.locator(f"[data-test-host='{i}']").first
        if not host.is_visible():
            continue
        host.hover()
        # Shown: Material points the host at its tooltip (aria-describedby) when it inserts it.
        expect(host).to_have_attribute("aria-describedby", re.compile("."))
    assert watcher.state() == CLEAN
    # Material highlights ?h= search terms on the page: a crafted link must not inject either.
    watcher.page.goto(base + annotated.parent.relative_to(site).as_posix()
                      + "/?h=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D101%3E", wait_until="load")
    material_ready(watcher.page)  # Material highlights the ?h= terms once it is running
    assert watcher.state() == CLEAN
    # Instant navigation: follow a header tab without a full reload.
    with instant_navigation(watcher.page):
        watcher.page.locator("a.md-tabs__link").nth(1).click()
    assert watcher.state() == CLEAN
    watcher.context.close()


@pytest.fixture(scope="module")
def served_pagefind(tmp_path_factory):
    site, _code, _errors = build_hostile_site(tmp_path_factory.mktemp("hostile-pagefind"), pagefind=True)
    server = SiteServer(prefix="/")
    server.start(site)
    yield site, server.url
    server.stop()


def test_pagefind_search_renders_hostile_results_inertly(served_pagefind, browser):
    """Large archives use Pagefind (issue 9), whose UI writes result titles and excerpts as HTML."""
    _site, base = served_pagefind
    watcher = Watcher(browser, base)
    watcher.page.goto(base, wait_until="load")
    watcher.page.locator(".pagefind-button").click()
    search = watcher.page.locator(".pagefind-dialog input")
    message = watcher.page.locator(".pagefind-ui__message")
    shown = []  # what each query's results said: the hostile text must be there, as text
    for query in ("window", "Council", "Mallory"):
        search.fill(query)
        # Pagefind says "N results for <query>" once it has them, then fetches each shown
        # result's title and excerpt (a grey placeholder until then): check what it rendered.
        expect(message).to_have_text(re.compile(rf"^\d+ results? for .*{query}"))
        expect(watcher.page.locator(".pagefind-dialog .pagefind-ui__loading")).to_have_count(0)
        assert watcher.state() == CLEAN, query
        assert watcher.page.locator(".pagefind-ui__result").count() > 0
        shown.append(watcher.page.inner_text(".pagefind-dialog"))
    assert any("window.__xss" in text for text in shown)
    watcher.context.close()
