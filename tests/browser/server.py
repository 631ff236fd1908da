"""Serve a built site on 127.0.0.1 as a static host would, by default under a sub-path (``/archive/``).

Missing files under the sub-path get the site's 404.html with status 404 (what GitHub Pages and
most static hosts do); anything outside the sub-path is a bare 404, so a link or asset that
escapes the sub-path shows up as a failed request in the tests.

A slow network on demand: with ``BROWSER_TEST_SLOW_MS=N`` in the environment every script, JSON
file, WebAssembly module and Pagefind index chunk is answered N ms late (each from its own server
thread, so they still arrive in parallel, as over a real slow link). Run the browser tests that
way to find code that acts before a script or an index has arrived:
``BROWSER_TEST_SLOW_MS=800 .venv/bin/pytest -m browser``.
"""

from __future__ import annotations

import http.server
import os
import threading
import time
from pathlib import Path

PREFIX = "/archive/"
"""The sub-path the site is served under."""
SLOW_SUFFIXES = (".js", ".json", ".wasm", ".pagefind", ".pf_fragment", ".pf_index", ".pf_meta")
"""What a slow network holds back: what the pages' scripts need before they can do their work."""


def slow_delay() -> float:
    """Seconds to hold back a script or data file (``BROWSER_TEST_SLOW_MS``; 0 when unset)."""
    return int(os.environ.get("BROWSER_TEST_SLOW_MS") or 0) / 1000


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, request, client_address, server, **kwargs):
        self.site: Path = server.site  # set by SiteServer.start before any request is served
        self.prefix: str = server.prefix
        super().__init__(request, client_address, server, directory=str(self.site), **kwargs)

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _inside(self) -> bool:
        return (self.path.split("?", 1)[0] + "/").startswith(self.prefix)

    def send_head(self):
        if not self._inside():
            self.send_error(404)
            return None
        if self.path.split("?", 1)[0].endswith(SLOW_SUFFIXES):
            time.sleep(slow_delay())
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code != 404 or not self._inside() or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer:
    """A threaded HTTP server bound at once to a free port of 127.0.0.1, so that its URL is known
    before the site is built with that URL as site_url; ``start(site)`` begins serving. ``prefix``
    is the sub-path the site is served under ("/" for the root of the host)."""

    def __init__(self, prefix: str = PREFIX):
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.prefix = prefix  # type: ignore[attr-defined]
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{prefix}"

    def start(self, site: Path) -> None:
        self._httpd.site = site  # type: ignore[attr-defined]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
