"""Pagefind search in a real browser (issue 9): a small synthetic archive built the way `make build`
builds a large one (Material's search off, Pagefind index), served under a sub-path. The same
check runs at 10,000 briefings in `make bench` (benchmarks/browser.py)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from tools.synthetic import write_corpus
from generator.sitesearch import pagefind_command

from .browser.server import SiteServer
from .sitebuild import generate, prepare

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    server = SiteServer()
    workdir = prepare(tmp_path_factory.mktemp("pagefind-site"))
    corpus = workdir / "corpus"
    write_corpus(corpus, 40, seed=11)
    (workdir / "no-annotations").mkdir()  # the synthetic corpus has no notes
    assert generate(workdir, corpus, workdir / "no-annotations", corpus / "registry") == 0
    config = workdir / "mkdocs.pagefind.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nsite_url: {server.url}\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MATERIAL_SEARCH="false")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                            "-d", str(workdir / "site")], capture_output=True, text=True, env=env, cwd=workdir)
    assert built.returncode == 0, built.stderr
    site = workdir / "site"
    subprocess.run(pagefind_command(site), check=True, capture_output=True)
    server.start(site)
    yield server, site
    server.stop()


def test_pagefind_replaces_material_search(pagefind_site):
    _, site = pagefind_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "pagefind-search.js" in home and "'wasm-unsafe-eval'" in home
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_pagefind_indexes_briefings_and_entities_not_listings(pagefind_site):
    # Listing pages (indexes, timeline, months, further pages of an entity's lists) only repeat
    # what briefings say: left out, the index is smaller and results point at the briefing.
    _, site = pagefind_site
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = entry["languages"]["en"]["page_count"]
    pages = list(site.rglob("index.html"))
    briefings = [p for p in pages if p.relative_to(site).parts[0] == "briefings" and len(p.parts) - len(site.parts) == 5]
    searchable = [p for p in pages if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert indexed == len(searchable) < len(pages)
    assert set(briefings) <= set(searchable) and len(briefings) == 40
    for listing in ("timeline", "briefings", "months", "entities/people", "tags"):
        assert site / listing / "index.html" not in searchable, listing


def test_a_query_finds_the_briefing_and_stays_small(pagefind_site, chromium):
    # chromium: the session's shared browser (tests/conftest.py): one Playwright per process.
    server, site = pagefind_site
    briefings = json.loads((site / "archive.json").read_text(encoding="utf-8"))["briefings"]
    target = briefings[len(briefings) // 2]
    expected = "/archive/" + target["url"]
    with contextlib.closing(chromium.new_context()) as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        held: list = []  # Pagefind's UI script, held back until the query is typed
        page.route("**/pagefind-ui.js", lambda route: held.append(route))
        page.goto(server.url)
        # The header's search button is added by the same script that listens for "/", once that
        # script has run: what a reader sees before search answers the keyboard.
        page.locator(".pagefind-button").wait_for()
        page.keyboard.press("/")  # the keyboard alone opens search
        # A reader may type before the UI script arrives (slow network, busy machine): every
        # keystroke must still reach the query. Hold the script back until the title is typed.
        page.keyboard.type(target["title"])
        deadline = time.monotonic() + 20  # the request is made on "/"; a busy machine may lag
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(20)  # lets Playwright deliver the route event; not a guess
        assert len(held) == 1
        held[0].continue_()
        # Results update as the query is typed: wait for the full query's result, not the first.
        page.wait_for_selector(f'.pagefind-ui__result-link[href="{expected}"]', timeout=20_000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
        assert expected in links[:5], links[:5]
        page.click(f'.pagefind-ui__result-link[href="{expected}"]')
        # Instant navigation changes the address before it swaps the content: wait for the page.
        page.locator("article h1", has_text=target["title"]).wait_for(timeout=20_000)
        assert page.url.endswith(expected)
    assert errors == []


def test_search_says_so_when_its_script_cannot_load_and_tries_again(pagefind_site, chromium):
    """A dropped connection while the UI script loads: the dialog says search could not be
    loaded (it does not stay blank, swallowing keys); opened again, it loads and finds."""
    server, site = pagefind_site
    target = json.loads((site / "archive.json").read_text(encoding="utf-8"))["briefings"][0]
    with contextlib.closing(chromium.new_context()) as browser:
        page = browser.new_page()
        page.route("**/pagefind-ui.js", lambda route: route.abort("internetdisconnected"))
        page.goto(server.url)
        page.locator(".pagefind-button").click()
        status = page.locator(".pagefind-dialog__status")
        expect(status).to_have_text(re.compile(r"could not be loaded"))
        page.keyboard.press("Escape")
        expect(page.locator(".pagefind-dialog")).not_to_be_visible()
        page.unroute("**/pagefind-ui.js")
        page.locator(".pagefind-button").click()
        page.locator(".pagefind-dialog input").fill(target["title"])
        expect(status).to_be_hidden()
        expect(page.locator(f'.pagefind-ui__result-link[href="/archive/{target["url"]}"]')).to_be_visible()
