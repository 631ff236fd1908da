"""The home page (generator/templates/home.md.j2): ways into the archive with live counts, then
the latest briefings as cards, newest first; every link points at a page the generator writes."""

from __future__ import annotations

import re

from generator.link import link
from generator.render import render
from generator.render.pages import HOME_LATEST, render_home
from tests.linkfixtures import sample


def _links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


def test_home_links_only_to_generated_pages_and_counts_what_is_there():
    archive = link(sample())
    files = render(archive)
    home = files["index.md"].decode("utf-8")
    for target in _links(home):
        assert target.split("#")[0] in files, f"home links to {target}, which is not generated"
    people = sum(1 for e in archive.entities if e.type == "person")
    assert f"{len(archive.pages)} briefings, newest first" in home
    assert f"{len(archive.timeline)} dated events" in home
    assert f"{people} named" in home
    for entry in ("timeline/index.md", "entities/people/index.md", "entities/organisations/index.md",
                  "entities/places/index.md", "tags/index.md", "months/index.md"):
        assert f"]({entry})" in home


def test_home_lists_latest_briefings_newest_first_as_cards():
    archive = link(sample())
    home = render_home(archive)
    titles = re.findall(r"^### \[(.+?)\]", home, flags=re.M)
    assert titles == [page.briefing.article.title for page in archive.pages][:HOME_LATEST]
    assert home.count('<article class="briefing-card" markdown>') == len(titles)
    assert "All 4 briefings" not in home  # every briefing fits on the home page


def test_home_without_briefings_says_how_to_add_one():
    home = render_home(link([]))
    assert "No briefings yet" in home and "0 briefings" in home
