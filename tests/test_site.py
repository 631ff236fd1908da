"""End to end: the real build (generator + `mkdocs build --strict`) of the real seed, checked in
the built HTML as a reader would see it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from .conftest import ROOT, SEEDS
from .sitebuild import build_site

pytestmark = pytest.mark.slow

SEED_SLUG = "amid-china-concerns-india-and-us-sign-pact-to-secure-supply-of-critical-minerals"


class _Text(HTMLParser):
    """Visible text of the article body and the paragraphs in it."""

    def __init__(self):
        super().__init__()
        self.in_article = 0
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None
        self.text: list[str] = []
        self._marker = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.in_article += 1
        if tag == "p" and "briefing-paragraph" in classes:
            self._current = []
        if tag == "span" and "briefing-note-ref" in classes:
            self._marker = True  # an annotation marker "(1)": not the article's words

    def handle_endtag(self, tag):
        if tag == "span":
            self._marker = False
        if tag == "article":
            self.in_article -= 1
        if tag == "p" and self._current is not None:
            self.paragraphs.append("".join(self._current).strip())
            self._current = None

    def handle_data(self, data):
        if self.in_article:
            self.text.append(data)
        if self._current is not None and not self._marker:
            self._current.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("site"), SEEDS)


@pytest.fixture(scope="module")
def seed_page(site):
    html = (site / "briefings" / "2026" / "05" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html)
    return html, parser


def test_seed_page_shows_the_briefing(seed_page):
    html, page = seed_page
    text = " ".join(" ".join(page.text).split())
    assert "Amid China concerns, India and US sign pact to secure supply of critical minerals" in text
    assert "Shubhajit Roy" in text
    assert "27 May 2026 04:37 IST" in text
    assert "US Secretary of State Marco Rubio, left, shakes hands" in text
    assert '<figcaption' in html


def test_seed_page_has_the_ten_clean_paragraphs(seed_page):
    _, page = seed_page
    assert len(page.paragraphs) == 10
    joined = "\n".join(page.paragraphs)
    assert "there are legitimate concerns over China's export curbs" in joined
    assert "how important that is for our national interest" in joined
    assert "Forum on Resource Geostategic Engagement (FORGE)" in joined  # source spelling kept
    assert "$30 billion" in joined and "\\$" not in joined
    assert "[Donald Trump](#)" not in joined


@pytest.mark.parametrize("junk", [
    "Make us preferred source on Google", "Also Read", "STORIES YOU MAY LIKE", "CURATED FOR YOU",
    "stupid people too", "Avoid non-essential travel", "There is room for a new political party",
])
def test_seed_page_has_no_junk(seed_page, junk):
    _, page = seed_page
    assert junk not in " ".join(page.text)


def test_home_lists_the_briefing(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f"briefings/2026/05/{SEED_SLUG}/" in html


def test_search_index_finds_pax_silica(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [doc["location"] for doc in index["docs"] if "Pax Silica" in doc["text"]]
    assert any(loc.startswith(f"briefings/2026/05/{SEED_SLUG}/") for loc in hits)


def test_archive_json_is_served(site):
    data = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    (briefing,) = [b for b in data["briefings"] if b["source_file"] == "seeds/000_e80ecc7bd58d023e.txt"]
    assert briefing["url"] == f"briefings/2026/05/{SEED_SLUG}/"
    assert briefing["published"] == "2026-05-27T04:37:00+05:30"
    assert briefing["byline"] == ["Shubhajit Roy"]
    assert len(briefing["paragraphs"]) == 10


def test_no_machine_paths_in_output(site):
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert str(ROOT) not in text and "/tmp/" not in text, path


def test_mkdocs_does_not_list_the_pages_outside_the_nav(site, tmp_path):
    """Briefings, entities, months and timelines are not in the nav by design: MkDocs' note naming
    each of them (12,000 lines at 10,000 briefings) is off in mkdocs.yml, for `make serve` above
    all, which logs at MkDocs' default level. The same docs/ again, built without --quiet."""
    workdir = site.parent
    assert (workdir / "docs" / "briefings" / "2026" / "05" / f"{SEED_SLUG}.md").is_file()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(workdir / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env, cwd=workdir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "Documentation built in" in log  # MkDocs' INFO lines are shown: the absence below means something
    assert 'not included in the "nav" configuration' not in log, log
    assert SEED_SLUG not in log, log


def test_tags_come_after_the_briefing_not_above_its_headline(seed_page):
    html, _ = seed_page
    article = html[html.index('<article class="md-content__inner'):html.index("</article>")]
    chips = article.index('<nav class="md-tags"')
    assert article.index("<h1") < article.index('id="annotations"') < chips
    assert '<p class="briefing-tags-title">Tags</p>' in article[:chips]
    # a chip shows its tag's last level; the group is where the tags page lists it
    names = re.findall(r'class="md-tag">([^<]*)</a>', article[chips:])
    assert "Marco Rubio" in names and not any("/" in name for name in names)


def test_tags_page_has_no_chip_for_a_group_without_pages(site):
    html = (site / "tags" / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<h1 id="tags">'):html.index("</article>")]
    sections = re.split(r'(?=<h2 id="tag:)', body)[1:]
    assert sections
    for section in sections:
        heading, rest = section.split("</h2>", 1)
        pages = re.match(r'\s*<ul>\s*<li>\s*<a href=', rest) is not None
        assert ('class="md-tag"' in heading) == pages, heading
        if not pages:
            assert 'class="md-tags-group"' in heading
    assert any('class="md-tags-group">People<' in s for s in sections)
    # topic tags (extract/topics.py) under their own group; names without their group everywhere
    assert '<h2 id="tag:topics/critical-minerals">' in body
    assert re.search(r'href="#tag:people/marco-rubio" class="md-nav__link">\s*<span class="md-ellipsis">\s*'
                     r'Marco Rubio\s*</span>', html)
