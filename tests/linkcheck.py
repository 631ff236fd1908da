"""Crawl a built site and report every internal link to a missing page or anchor.

Reusable by any end-to-end test: ``problems = broken_links(site_dir)`` returns one line per broken
link, naming the page it is on. Every ``<a href>`` of every HTML page is checked; links with a
scheme (https:, mailto:) or starting with ``//`` are external and skipped. A fragment must match
an ``id`` (or an ``<a name>``) on the target page.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])


def parse_site(site: Path) -> dict[str, _PageParser]:
    """Site-relative HTML path → its ids and hrefs."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def resolve(site: Path, page: str, href: str, prefix: str = "/") -> tuple[str | None, str]:
    """(site-relative file the link points to, or None if it points outside the site; fragment).
    ``prefix`` is the path the site is served under (its site_url's path)."""
    parts = urlsplit(href)
    target = unquote(parts.path)
    if not target:
        return page, unquote(parts.fragment)
    # A root-relative link ("/tags/", as on 404.html) is read under the path the site is served at.
    if target.startswith("/"):
        if not (target + "/").startswith(prefix):
            return None, unquote(parts.fragment)
        target = "/" + target[len(prefix):]
    base = "" if target.startswith("/") else posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
    if joined.startswith(".."):
        return None, unquote(parts.fragment)
    if target.endswith("/") or (site / joined).is_dir():
        joined = posixpath.normpath(posixpath.join(joined, "index.html"))
    return joined, unquote(parts.fragment)


def broken_links(site: Path, prefix: str = "/") -> list[str]:
    """Every internal link of the built site that leads to a missing file or anchor; ``prefix`` is
    the path the site is served under (``/archive/`` for site_url ``http://host/archive/``)."""
    pages = parse_site(site)
    problems = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target, fragment = resolve(site, page, href, prefix)
            if target is None:
                problems.append(f"{page}: link {href!r} leaves the site")
            elif not (site / target).is_file():
                problems.append(f"{page}: link {href!r} → missing {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{page}: link {href!r} → no id {fragment!r} in {target}")
    return problems


def link_count(site: Path) -> int:
    """How many internal links the site has (to show a crawl checked something)."""
    return sum(1 for parsed in parse_site(site).values() for href in parsed.hrefs
               if not urlsplit(href).scheme and not href.startswith("//"))
