"""Feeds: Atom and JSON Feed 1.1 of the newest briefings, parsed back and checked field by field."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from generator.link import link
from generator.render import feeds
from generator.config import check_site_url, read_mkdocs_yml
from tests.linkfixtures import briefing, sample

SITE = "https://example.org/archive/"


def build(site_url: str = SITE, briefings=None):
    archive = link(briefings if briefings is not None else sample(), site_url=site_url)
    out = feeds.files(archive)
    return archive, out[feeds.ATOM_PATH], json.loads(out[feeds.JSON_PATH])


def test_atom_parses_back_with_every_field():
    archive, atom, _ = build()
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == feeds.FEED_TITLE
    assert parsed.feed.link == SITE
    assert [e.title for e in parsed.entries] == [p.briefing.article.title for p in archive.pages]
    first, page = parsed.entries[0], archive.pages[0]
    assert first.link == SITE + page.url
    assert first.id.startswith("urn:uuid:")
    assert first.published_parsed[:3] == (2026, 3, 20)
    assert first.author == "Reporter"
    assert "Delta City held a vote." in first.content[0].value
    assert {t.term for t in parsed.entries[-1].tags} >= {"People/Ana Silva"}


def test_json_feed_has_the_required_fields_of_version_1_1():
    archive, _, data = build()
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and isinstance(data["items"], list)
    assert data["home_page_url"] == SITE and data["feed_url"] == SITE + feeds.JSON_PATH
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)) == len(archive.pages)
    for item, page in zip(data["items"], archive.pages):
        assert isinstance(item["id"], str)
        assert "content_html" in item or "content_text" in item
        assert item["url"] == SITE + page.url
        assert item["date_published"].endswith("+00:00")  # RFC 3339; date-only sources are UTC


def test_empty_site_url_gives_valid_feeds_without_links():
    archive, atom, data = build(site_url="")
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and len(parsed.entries) == len(archive.pages)
    assert "<link" not in atom  # no relative links that a reader could not resolve
    assert "home_page_url" not in data and all("url" not in item for item in data["items"])
    # Ids do not depend on where the site is published.
    _, _, with_site = build()
    assert [i["id"] for i in data["items"]] == [i["id"] for i in with_site["items"]]


def test_untrusted_text_stays_text_in_both_feeds():
    hostile = briefing("x", "2026-01-01", ['<script>alert(1)</script> & "quotes" ]]>'], [])
    hostile = replace(hostile, article=replace(hostile.article, title="<b>Title</b> & ]]>"))
    _, atom, data = build(briefings=[hostile])
    root = etree.fromstring(atom.encode())  # well-formed XML
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:entry/a:title", ns).text == "<b>Title</b> & ]]>"
    content = root.find("a:entry/a:content", ns).text
    assert "<script>" not in content and "&lt;script&gt;" in content
    assert data["items"][0]["title"] == "<b>Title</b> & ]]>"
    assert "<script>" not in data["items"][0]["content_html"]


def test_feeds_are_deterministic_and_capped():
    many = [briefing(f"b-{i}", f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", ["Text."], [])
            for i in range(feeds.FEED_MAX + 5)]
    _, atom1, data1 = build(briefings=many)
    _, atom2, _ = build(briefings=list(reversed(many)))
    assert atom1 == atom2
    assert len(data1["items"]) == feeds.FEED_MAX


def test_site_url_is_checked_and_read_safely(tmp_path: Path):
    assert check_site_url("https://example.org/archive") == "https://example.org/archive/"
    assert check_site_url("") == ""
    for bad in ("javascript:alert(1)", "example.org", "ftp://x.org/", "https://x.org/?q=1"):
        with pytest.raises(ValueError):
            check_site_url(bad)
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_url: https://example.org/a/\nx: !ENV [HOME]\ny: !!python/name:os.system\n")
    assert read_mkdocs_yml(yml).site_url == "https://example.org/a/"
    yml.write_text('site_url: ""\n')
    assert read_mkdocs_yml(yml).site_url == ""
    assert read_mkdocs_yml(tmp_path / "missing.yml").site_url == ""
