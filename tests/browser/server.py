"""Serve a built site under a sub-path (``/archive/``) on 127.0.0.1, as a static host would.

Missing files under the sub-path get the site's 404.html with status 404 (what GitHub Pages and
most static hosts do); anything outside the sub-path is a bare 404, so a link or asset that
escapes the sub-path shows up as a failed request in the tests.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

PREFIX = "/archive/"
"""The sub-path the site is served under."""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, request, client_address, server, **kwargs):
        self.site: Path = server.site  # set by SiteServer.start before any request is served
        super().__init__(request, client_address, server, directory=str(self.site), **kwargs)

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _inside(self) -> bool:
        return (self.path.split("?", 1)[0] + "/").startswith(PREFIX)

    def send_head(self):
        if not self._inside():
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(PREFIX):])

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
    before the site is built with that URL as site_url; ``start(site)`` begins serving."""

    def __init__(self):
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{PREFIX}"

    def start(self, site: Path) -> None:
        self._httpd.site = site  # type: ignore[attr-defined]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
