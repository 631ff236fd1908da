"""End to end: build the cross-links fixture corpus plus the real seed with the generator and
`mkdocs build --strict`, then crawl every internal link and anchor of the built HTML.

The corpus (tests/fixtures/corpus/) is twelve articles over six months that share people,
organisations and places, with a small registry of its own next to the project's.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests import sitebuild
from tests.conftest import REAL_SEED, ROOT
from tests.linkcheck import broken_links, link_count

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("crosslinks")
    seeds = work / "seeds"
    seeds.mkdir()
    for path in [*sorted((CORPUS / "seeds").glob("*.txt")), REAL_SEED]:
        shutil.copy(path, seeds / path.name)
    registry = work / "registry"
    shutil.copytree(ROOT / "registry", registry)
    shutil.copytree(CORPUS / "registry", registry, dirs_exist_ok=True)
    return sitebuild.build_site(work / "build", seeds, registry=registry)


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_no_internal_link_or_anchor_is_broken(site):
    assert link_count(site) > 1000  # the crawl really walked the site
    assert broken_links(site) == []


@pytest.mark.slow
def test_no_attribute_list_is_left_as_text(site):
    # An attribute list ("{ .class }") that did not attach shows up as literal text.
    leftovers = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
                 if re.search(r"\{ ?[.#][a-z]", p.read_text(encoding="utf-8"))]
    assert leftovers == []


@pytest.mark.slow
def test_a_reader_goes_from_a_briefing_to_a_person_and_everything_they_said(site):
    archive = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    osei = next(e for e in archive["entities"] if e["id"] == "mira-osei")
    assert len(osei["briefings"]) >= 5
    briefing = next(b for b in archive["briefings"] if b["slug"] == osei["briefings"][0])
    page = _html(site, briefing["url"])
    assert re.search(r'<a class="entity-link" href="[./]*entities/people/mira-osei/">', page)
    person = _html(site, osei["url"])
    said = person[person.index('id="said"'):person.index('id="timeline"')]
    # Her quotes appear in date order: the January plan comes before the June berth.
    assert said.index("We cannot wait for the ships") < said.index("This is what the Blue Corridor")
    assert "Harbour Minister" in person


@pytest.mark.slow
def test_related_briefings_are_explained(site):
    archive = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    ballot = next(b for b in archive["briefings"] if b["slug"].startswith("dock-workers-back-jobs"))
    assert ballot["related"], "a corpus article shares entities with others"
    page = _html(site, ballot["url"])
    assert 'id="related"' in page and "Shares:" in page
    assert all(b["tags"] for b in archive["briefings"])


@pytest.mark.slow
def test_archive_timeline_shows_precision_and_links_back(site):
    index = _html(site, "timeline")
    assert "2026" in index and "March 2026" in index
    march = _html(site, "timeline/2026/03")
    assert '<span class="timeline-date">March 2026</span>' in march  # "Work began in March 2026"
    assert "1 March 2026" not in march
    # One link per event, to the briefing at the paragraph the date comes from.
    assert re.search(r'href="[./]*briefings/2026/\d\d/[a-z0-9-]+/#p\d+"', march)


@pytest.mark.slow
def test_feeds_tags_and_month_archives_are_built(site):
    assert (site / "feeds" / "atom.xml").is_file() and (site / "feeds" / "feed.json").is_file()
    assert (site / "sitemap.xml").is_file()
    tags = _html(site, "tags")
    assert "Mira Osei" in tags
    assert "Briefings of June 2026" in _html(site, "months/2026/06")


def test_the_crawler_reports_missing_pages_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#gone">bad anchor</a>'
        '<a href="missing/">bad page</a><a href="https://example.org/x">external</a>'
        '<a href="/a/">root-relative</a><a href="#top">self</a><p id="top"></p>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../../out/">out</a>')
    problems = broken_links(tmp_path)
    assert problems == [
        "a/index.html: link '../../out/' leaves the site",
        "index.html: link 'a/#gone' → no id 'gone' in a/index.html",
        "index.html: link 'missing/' → missing missing/index.html",
    ]
    assert link_count(tmp_path) == 7


def test_the_crawler_reads_root_relative_links_under_the_served_path(tmp_path):
    # A site served under /archive/ (site_url's path): its 404 page links root-relative.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"></p>')
    (tmp_path / "404.html").write_text('<a href="/archive/a/#x">ok</a><a href="/archive/">home</a>'
                                       '<a href="/a/">outside the path</a><a href="/archive/b/">missing</a>')
    assert broken_links(tmp_path, prefix="/archive/") == [
        "404.html: link '/archive/' → missing index.html",
        "404.html: link '/a/' leaves the site",
        "404.html: link '/archive/b/' → missing b/index.html",
    ]
