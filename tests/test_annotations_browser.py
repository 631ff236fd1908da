"""In a real browser: an in-text annotation on the seed's page opens its note; without JavaScript
the notes are still there, after their paragraph and in the Annotations section."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .browser.server import SiteServer
from .browser.waits import material_ready
from .conftest import CHROMIUM, ROOT
from .sitebuild import generate, mkdocs_build, prepare

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The real seed and the real annotations, built with mkdocs and served on 127.0.0.1."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make system-deps`")
    workdir = prepare(tmp_path_factory.mktemp("annotations-browser"))
    assert generate(workdir, ROOT / "seeds") == 0
    result = mkdocs_build(workdir)
    assert result.returncode == 0, result.stderr
    server = SiteServer(prefix="/")
    server.start(workdir / "site")
    page = next((workdir / "site" / "briefings").glob("*/*/*/index.html")).parent.relative_to(workdir / "site")
    yield f"{server.url}{page.as_posix()}/"
    server.stop()


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's shared Chromium (tests/conftest.py): one Playwright per process."""
    return chromium


def test_clicking_an_in_text_marker_opens_its_note(site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    material_ready(page)  # Material builds the markers from the note lists with JavaScript
    paragraph = page.locator("#p7")
    markers = paragraph.locator(".md-annotation")
    expect(markers).to_have_count(2)  # after "Forum on Resource Geostategic Engagement" and "FORGE"
    # One gap after a marker, the article's own space: the marker keeps no margin on its right.
    expect(markers.first.locator(".md-annotation__index")).to_have_css("margin-right", "0px")
    expect(page.locator("ol.briefing-notes").first).to_be_hidden()  # Material moved the notes into tooltips
    tooltip = markers.first.locator(".md-tooltip")
    # Closed: Material shows a note only by adding md-tooltip--active (opacity alone is no state:
    # it is mid-fade for 0.25 s after any change, and a closed note is taken out of the page 250 ms
    # after mounting), so no note of the paragraph carries the class before the click.
    expect(paragraph.locator(".md-tooltip--active")).to_have_count(0)
    paragraph.scroll_into_view_if_needed()
    # The number inside the marker pulses (a scale animation) until first opened, so Playwright
    # never counts it as stable; a forced click skipped every check (visible, not covered) as well.
    # The marker itself does not move: click it, with Playwright's checks, as test_reader does.
    markers.first.click()
    # Shown: Material marks it active, then it fades in (a CSS transition, slower on a busy machine).
    expect(tooltip).to_have_class(re.compile(r"\bmd-tooltip--active\b"))
    expect(tooltip).to_have_css("opacity", "1")
    text = tooltip.inner_text()
    assert text.startswith("On “Geostategic”")  # an open note says which words it is about
    assert "Geostategic is spelled so in the published article" in text
    assert "Briefing Archive team" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "annotation-open.png"))
    assert errors == []
    page.close()


def test_without_javascript_every_note_is_readable(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    after_p7 = page.locator("#p7 + ol.briefing-notes")
    assert after_p7.is_visible()
    assert "(1)" in page.locator("#p7 .briefing-note-ref").first.inner_text()
    assert "is the acronym the article gives" in after_p7.inner_text()
    section = page.locator("ol.briefing-annotations > li")
    assert section.count() == 5
    assert "Quadrilateral Security Dialogue" in section.nth(1).inner_text()
    assert page.get_by_role("link", name="Annotate this page").get_attribute("href").startswith(
        "https://github.com/briefing-archive/briefing-archive/new/main/annotations/000_e80ecc7bd58d023e?")
    context.close()
