"""The browser half of `make bench`: a first Pagefind query on a built site, in headless Chromium.

It serves the site on a local port, opens the home page, opens search, types the headline of a
briefing from the middle of the corpus, and records every byte the page fetches from opening the
search dialog until the results are shown (uncompressed bodies: a host that compresses sends
less). The check passes when that briefing is among the first five results.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the bench prints its own summary
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def target_briefing(site: Path) -> tuple[str, str]:
    """Headline and URL of the briefing in the middle of the archive."""
    briefings = json.loads((site / "archive.json").read_text(encoding="utf-8"))["briefings"]
    chosen = briefings[len(briefings) // 2]
    return chosen["title"], "/" + chosen["url"]


def run_query(base: str, query: str) -> tuple[list[str], int, int]:
    """Result URLs, bytes and requests for one first query typed into the search dialog."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
        page.click(".pagefind-button")
        page.fill(".pagefind-ui__search-input", query)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
        page.wait_for_load_state("networkidle")
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
        browser.close()
    return links, sum(sizes), len(sizes)


def first_query(corpus: Path, site: Path) -> dict:
    title, url = target_briefing(site)
    server, base = serve(site)
    try:
        links, transferred, requests = run_query(base, title)
    finally:
        server.shutdown()
    return {"query": title, "expected": url, "found_rank": links.index(url) + 1 if url in links else None,
            "top_results": links[:5], "transferred_bytes": transferred, "requests": requests}
