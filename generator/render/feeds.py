"""Feeds of the latest briefings: Atom 1.0 (``feeds/atom.xml``) and JSON Feed 1.1 (``feeds/feed.json``).

Atom is written with feedgen (a well-kept feed library that handles the XML and its escaping);
JSON Feed is plain JSON, so the json module is enough.

Absolute URLs: feeds need them, and the site's address is a build option (``python -m generator
build --site-url URL``, which defaults to ``site_url`` in mkdocs.yml, read with a safe YAML loader;
see generator.config). It reaches this module as ``Archive.site_url``. When it is empty, both
feeds are still valid: ids are stable ``urn:uuid:`` names that never depend on the address, and
links (Atom ``link``, JSON Feed ``url``, ``home_page_url``, ``feed_url``) are left out rather than
written as relative URLs that feed readers could not resolve.

Dates are RFC 3339. A source that gave a time without a zone, or only a date, is taken as UTC
(midnight for a date): the feeds need an instant and the archive has no better one.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone

from feedgen.feed import FeedGenerator

from .. import dates
from ..mdtext import escape_html
from ..model import Archive, Page

FEED_MAX = 50
"""Briefings per feed: the newest ones (feeds announce what is new, not the whole archive)."""
FEED_TITLE = "Briefing Archive"
"""The feeds' title (the same as site_name in mkdocs.yml)."""
ATOM_PATH, JSON_PATH = "feeds/atom.xml", "feeds/feed.json"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefing-archive")


def rfc3339(value: str) -> str:
    """An ISO date or datetime from the model as an RFC 3339 instant (UTC if no zone is known)."""
    parsed = dates.parse_iso(value)
    if not isinstance(parsed, datetime):
        parsed = datetime(parsed.year, parsed.month, parsed.day)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.isoformat()


def entry_id(page: Page) -> str:
    """A stable id for a briefing that does not change when the site moves."""
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, page.url)}"


def absolute(site_url: str, path: str) -> str | None:
    """``path`` (site-relative) under ``site_url``, or None when no site URL is known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def content_html(page: Page) -> str:
    """The clean text as HTML paragraphs; every piece of text is escaped."""
    return "".join(f"<p>{escape_html(p)}</p>" for p in page.briefing.article.paragraphs)


def _updated(page: Page) -> str:
    article = page.briefing.article
    return rfc3339(article.updated or article.published)


def _feed_updated(latest: list[Page]) -> str:
    # Deterministic: the newest change among the items, never the build time.
    if not latest:
        return rfc3339(date(1970, 1, 1).isoformat())
    return max((_updated(p) for p in latest), key=lambda v: dates.instant_key(v))


def atom(archive: Archive, latest: list[Page]) -> str:
    feed = FeedGenerator()
    feed.id(f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed')}")
    feed.title(FEED_TITLE)
    feed.author({"name": FEED_TITLE})
    feed.language("en")
    feed.updated(_feed_updated(latest))
    if archive.site_url:
        feed.link(href=absolute(archive.site_url, ""), rel="alternate")
        feed.link(href=absolute(archive.site_url, ATOM_PATH), rel="self")
    for page in latest:
        article = page.briefing.article
        entry = feed.add_entry(order="append")
        entry.id(entry_id(page))
        entry.title(article.title)
        entry.published(rfc3339(article.published))
        entry.updated(_updated(page))
        for name in article.authors:
            entry.author({"name": name})
        if article.dek:
            entry.summary(article.dek)
        entry.content(content_html(page), type="html")
        if archive.site_url:
            entry.link(href=absolute(archive.site_url, page.url), rel="alternate")
        for tag in page.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True).decode("utf-8")


def json_feed(archive: Archive, latest: list[Page]) -> str:
    data: dict = {"version": "https://jsonfeed.org/version/1.1", "title": FEED_TITLE}
    if archive.site_url:
        data["home_page_url"] = absolute(archive.site_url, "")
        data["feed_url"] = absolute(archive.site_url, JSON_PATH)
    data["language"] = "en"
    data["items"] = []
    for page in latest:
        article = page.briefing.article
        item = {"id": entry_id(page)}
        if archive.site_url:
            item["url"] = absolute(archive.site_url, page.url)
        item |= {"title": article.title, "content_html": content_html(page)}
        if article.dek:
            item["summary"] = article.dek
        item["date_published"] = rfc3339(article.published)
        item["date_modified"] = _updated(page)
        if article.authors:
            item["authors"] = [{"name": name} for name in article.authors]
        if page.tags:
            item["tags"] = list(page.tags)
        data["items"].append(item)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def files(archive: Archive) -> dict[str, str]:
    """The Atom feed and the JSON Feed of the newest briefings."""
    latest = list(archive.pages[:FEED_MAX])
    return {ATOM_PATH: atom(archive, latest), JSON_PATH: json_feed(archive, latest)}
