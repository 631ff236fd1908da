"""Hosting under a sub-path: the site is built with site_url ``http://127.0.0.1:PORT/archive/``
and served only under ``/archive/``. Every link, stylesheet, script and image of every page must
resolve there; a missing URL at any depth gets a working 404 page; pages carry description and
OpenGraph meta. (tests/test_site_links.py checks links and anchors of a site served at "/".)"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]


class _Refs(HTMLParser):
    """Every URL a page refers to: links, stylesheets, scripts, images, and meta tags' URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img", "source"):
                self.refs.append(attrs[name])
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key:
            self.meta[key] = attrs.get("content") or ""


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _page_url(site, html_path) -> str:
    rel = html_path.relative_to(site.root).as_posix()
    return site.at(rel.removesuffix("index.html"))


def test_every_reference_resolves_under_the_sub_path(site):
    """Crawl every HTML page of the site over HTTP; every same-host URL it refers to stays under
    /archive/ and answers 200."""
    pages = sorted(p for p in site.root.rglob("*.html") if p.name != "404.html")
    targets: dict[str, str] = {}
    host = urlsplit(site.url).netloc
    for html in pages:
        parser = _Refs()
        parser.feed(html.read_text(encoding="utf-8"))
        base = _page_url(site, html)
        for ref in parser.refs:
            url = urldefrag(urljoin(base, ref)).url
            if urlsplit(url).netloc == host:
                targets.setdefault(url, f"{html.relative_to(site.root)}: {ref}")
    outside = [where for url, where in targets.items() if not url.startswith(site.url)]
    assert not outside, "links that leave the sub-path:\n" + "\n".join(outside[:20])
    with ThreadPoolExecutor(8) as pool:
        statuses = dict(zip(targets, pool.map(lambda u: _fetch(u)[0], targets)))
    broken = [f"{targets[url]} → HTTP {status}" for url, status in statuses.items() if status != 200]
    assert not broken, f"{len(broken)} of {len(targets)} references broken:\n" + "\n".join(broken[:20])
    assert len(targets) > 50, "the crawl found almost nothing to check"


def test_missing_pages_get_a_working_404(site, page):
    """A missing URL deep under the sub-path answers 404 with the site's own page, styled, whose
    links lead back into the site."""
    status, body = _fetch(site.at("briefings/2099/01/no-such-briefing/"))
    assert status == 404 and b"Page not found" in body
    response = page.goto(site.at("no/such/page/at/all/"))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", \
        "the 404 page is unstyled: its stylesheet did not load from the sub-path"
    home = page.get_by_role("link", name="Latest briefings")
    home.click()
    page.wait_for_url(site.url)
    page.locator(".briefing-card").first.wait_for()  # instant navigation swaps the content in
    errors = [e for e in page.watch.errors if not ("HTTP 404" in e or "status of 404" in e)]
    assert not errors, errors


def test_description_and_opengraph_meta(site):
    """A briefing's description and OpenGraph tags come from its front matter; the home page is
    a website with the site's description."""
    parser = _Refs()
    parser.feed((site.root / site.pages["briefing"] / "index.html").read_text(encoding="utf-8"))
    meta = parser.meta
    assert meta["og:type"] == "article"
    assert meta["og:title"].startswith("Amid China concerns, India and US sign pact")
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert meta["og:url"] == site.at(site.pages["briefing"])
    assert meta["article:published_time"] == "2026-05-27T04:37:00+05:30"
    assert meta["article:author"] == "Shubhajit Roy"
    home = _Refs()
    home.feed((site.root / "index.html").read_text(encoding="utf-8"))
    assert home.meta["og:type"] == "website" and home.meta["og:title"] == "Briefing Archive"
    assert home.meta["og:description"] == home.meta["description"]
