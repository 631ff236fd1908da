"""What a reader does: search, follow links from the home page to a person and on to another
briefing, read the timeline, open an annotation — with the mouse and with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .waits import SEARCH_DONE, instant_navigation, material_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

QUOTE_WORDS = "tangible evidence of why we are strategic allies"
"""Words of a quotation in the real seed (Marco Rubio's), not in its headline or dek."""
WIDE = 1400
"""A desktop window width (px) at which the briefing's lists of names stand in two columns."""
PERSON = "Jaishankar"
"""A person named in the real seed (India's External Affairs Minister), by the surname readers type."""


def _search_ready(page) -> None:
    # Material drops a query typed while its search worker is still loading the index; a reader
    # sees "Initializing search" and waits, and so does the test (for expect's 20 s: building the
    # index on a busy two-core machine can take longer than the 10 s this wait once had).
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search box; the hrefs of the results, best first."""
    box = page.locator(".md-search__input")
    box.click()
    _search_ready(page)
    # Material searches on key events, once per key: pasting the words and pressing End runs
    # one search for the whole query (typing would run one per letter, and on a busy machine the
    # results of a shorter prefix could still be on screen when they are read).
    box.fill(query)
    box.press("End")
    # Material shows the count and the first ten results of one query together: once the count
    # is there, the results read are those of the whole query.
    expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_DONE)
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("query", [QUOTE_WORDS, PERSON], ids=["quote-words", "person-name"])
def test_search_finds_the_briefing(site, page, query):
    page.goto(site.url)
    hrefs = _search(page, query)
    briefing = site.at(site.pages["briefing"])
    assert any(h.split("#")[0].split("?")[0] == briefing for h in hrefs[:5]), \
        f"{query!r}: the seed's briefing is not among the first results {hrefs[:5]}"
    assert not page.watch.errors, page.watch.errors


SHARED_PERSON = (".briefing-entities li:has(small:text-matches('in \\\\d+ briefings'))"
                 " a[href*='/entities/people/']")
"""A person in a briefing's "People and organisations" list who appears in other briefings too."""


def test_home_to_briefing_to_person_to_another_briefing(site, page):
    """Clicks only: home → the first listed briefing that names a person seen in other briefings
    → that person's page → another briefing that mentions them."""
    page.goto(site.url)
    cards = page.locator(".briefing-card h3 a")
    for i in range(cards.count()):
        title = cards.nth(i).inner_text()
        cards.nth(i).click()
        page.wait_for_url(re.compile(r".*/briefings/\d{4}/\d{2}/[^/]+/(#.*)?$"))
        expect(page.locator(".md-content h1")).to_have_text(title)  # instant navigation swaps it in
        if page.locator(SHARED_PERSON).count():
            break
        page.go_back()
        expect(page.locator(".briefing-card").first).to_be_visible()
    else:
        pytest.skip("no briefing on the home page names a person who appears in another one")
    here = page.url.split("#")[0]
    person = page.locator(SHARED_PERSON).first
    name = person.inner_text()
    person.click()
    page.wait_for_url(re.compile(r".*/entities/people/[^/]+/(#.*)?$"))  # navigation.tracking may add a #
    expect(page.locator(".md-content h1")).to_have_text(name)

    mentions = page.locator(".entity-briefings li > a[href*='/briefings/20']")  # the titles
    others = [i for i in range(mentions.count()) if mentions.nth(i).evaluate("e => e.href.split('#')[0]") != here]
    assert others, f"{name}'s page lists no other briefing"
    other = mentions.nth(others[0])
    title = other.inner_text()
    other.click()
    page.wait_for_url(re.compile(r".*/briefings/\d{4}/\d{2}/[^/]+/(#.*)?$"))
    expect(page.locator(".md-content h1")).to_have_text(title)
    assert page.get_by_role("link", name=name).count(), f"{name} is not linked from the briefing"
    assert not page.watch.errors, page.watch.errors


def _visible_box(locator) -> dict:
    box = locator.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, "not visible"
    return box


def test_timeline_shows(site, page):
    """The briefing's timeline and the archive timeline are drawn: dated events, in a column,
    each with its date label and a marker on the line."""
    for kind in ("briefing", "timeline"):
        page.goto(site.at(site.pages[kind]))
        events = page.locator(".timeline > p")
        assert events.count() >= 2, f"{kind}: fewer than two timeline events"
        first, second = _visible_box(events.nth(0)), _visible_box(events.nth(1))
        assert second["y"] > first["y"], f"{kind}: events are not stacked in date order"
        date = events.nth(0).locator(".timeline-date")
        assert re.search(r"\d{4}", date.inner_text()), f"{kind}: the first event has no date label"
        marker = events.nth(0).evaluate("e => getComputedStyle(e, '::before').content")
        assert marker not in ("none", "normal"), f"{kind}: events have no marker on the line"
    assert not page.watch.errors, page.watch.errors


GROUPS = """more => {
  const first = document.querySelector('.briefing-entities > .entity-group ul');
  for (let i = 0; i < more; i++) first.appendChild(first.lastElementChild.cloneNode(true));
  return [...document.querySelectorAll('.briefing-entities > .entity-group')].map(group => {
    const heading = group.querySelector('p').getBoundingClientRect();
    const name = group.querySelector('li').getBoundingClientRect();
    return {heading: group.querySelector('p').innerText, x: heading.x, y: heading.y, nameX: name.x,
            nameY: name.y, height: heading.height};
  });
}"""
"""Gives the first group (People) ``more`` names, then where each group's heading and first name stand."""


@pytest.mark.parametrize("more", range(9))
def test_each_group_of_names_keeps_its_heading_in_its_column(site, page, more):
    """On a wide screen "People and organisations" stands in two columns; however many people
    come first, a group's heading ("Organisations") never ends one column while its names start
    the next (on the real seed's page four or five more people did that)."""
    page.set_viewport_size({"width": WIDE, "height": 900})
    page.goto(site.at(site.pages["briefing"]))
    groups = page.evaluate(GROUPS, more)
    assert len(groups) >= 2, "fewer than two groups of names"
    for group in groups:
        assert 0 < group["nameX"] - group["x"] < 100, \
            f"{group['heading']!r}: its heading and its first name are in different columns"
        assert 0 < group["nameY"] - group["y"] < 3 * group["height"], \
            f"{group['heading']!r}: its first name is not under its heading"
    assert len({round(group["x"]) for group in groups}) == 2, "the groups are not in two columns"
    assert not page.watch.errors, page.watch.errors


def _annotated(site) -> str:
    """The briefing with the most in-text annotation markers (Material content annotations)."""
    best, most = None, 0
    for html in sorted(site.root.glob("briefings/*/*/*/index.html")):
        count = len(re.findall(r'class="[^"]*\bannotate\b', html.read_text(encoding="utf-8")))
        if count > most:
            best, most = html.relative_to(site.root).as_posix().removesuffix("index.html"), count
    if best is None:
        pytest.skip("no briefing has an in-text annotation yet")
    return best


def _open_note(page):
    """The note of the annotation marker that has focus, once it is shown. Material hides a note
    with opacity (which Playwright counts as visible) and shows it by adding md-tooltip--active."""
    note = page.locator(".md-annotation:focus-within .md-tooltip").first
    expect(note).to_have_class(re.compile(r"\bmd-tooltip--active\b"))
    expect(note).to_have_css("opacity", "1")
    return note


def test_annotation_opens(site, page):
    """Clicking an in-text annotation marker shows its note next to the words."""
    page.goto(site.at(_annotated(site)))
    marker = page.locator(".md-annotation").first
    marker.scroll_into_view_if_needed()
    expect(page.locator(".md-tooltip--active")).to_have_count(0)  # no note is open before the click
    marker.click()
    note = _open_note(page)
    assert len(note.inner_text().strip()) > 20, "the annotation opened empty"
    assert not page.watch.errors, page.watch.errors


def _tab_until(page, predicate_js: str, limit: int = 120) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def test_keyboard_reaches_search(site, page):
    """From the top of a page, Tab alone reaches the search box; typing there finds briefings
    and Enter opens the first result."""
    page.goto(site.url)
    assert _tab_until(page, "document.activeElement.matches('.md-search__input')"), \
        "Tab never reached the search box"
    _search_ready(page)
    page.keyboard.type(PERSON)
    # One search runs per key: wait for the whole name's results (Material marks the words it
    # matched), or Enter opens the first result of a prefix on a busy machine.
    expect(page.locator(".md-search-result__item mark").first).to_have_text(PERSON, ignore_case=True)
    with instant_navigation(page):
        page.keyboard.press("Enter")
    assert page.url.rstrip("/") != site.url.rstrip("/")
    assert page.locator(".md-content h1").count() == 1
    assert not page.watch.errors, page.watch.errors


def test_keyboard_opens_annotation(site, page):
    """Tab alone reaches an in-text annotation marker, and its note opens for the reader."""
    page.goto(site.at(_annotated(site)))
    material_ready(page)  # the markers are Material's: Tab from the top only once they exist
    assert _tab_until(page, "document.activeElement.matches('.md-annotation')", limit=400), \
        "Tab never reached an annotation marker"
    note = _open_note(page)
    assert len(note.inner_text().strip()) > 20
    assert not page.watch.errors, page.watch.errors
