"""Every kind of page, as a reader's browser shows it: no errors, nothing wider than a phone,
no serious accessibility problems in either palette, and screenshots for a human eye."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE, Watch
from .waits import material_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BLOCKING = {"serious", "critical"}
"""axe-core impact levels that fail the audit (minor and moderate ones are reported only)."""


def _open(context, site, kind: str):
    page = context.new_page()
    page.watch = Watch()
    page.watch.attach(page)
    page.goto(site.at(site.pages[kind]))
    material_ready(page)  # screenshots and the audit see the page Material has finished building
    return page


def _overflow(page) -> str | None:
    """What makes the page scroll sideways, or None."""
    if page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
        return None
    return page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')""")


@pytest.mark.xdist_group("browser")
def test_every_kind_of_page_at_desktop_and_phone(site, context_factory, record_property):
    """Each kind of page at 1280 and 390 px wide: no console error, uncaught exception or failed
    request; nothing wider than the screen; a full-page screenshot under
    test-artifacts/screenshots/ (also home and briefing in the dark palette, and a printed
    briefing) for a human eye."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for pattern in ("*-desktop.png", "*-desktop-dark.png", "*-phone.png", "*-print.png"):
        for stale in ARTIFACTS.glob(pattern):  # this test's own earlier shots: none of a kind
            stale.unlink()                      # of page that is gone may linger
    problems, shots = [], []
    for label, viewport, scheme in (("desktop", DESKTOP, "light"), ("phone", PHONE, "light"),
                                    ("desktop-dark", DESKTOP, "dark")):
        context = context_factory(viewport=viewport, color_scheme=scheme)
        for kind in site.pages if scheme == "light" else ["home", "briefing"]:
            page = _open(context, site, kind)
            problems += [f"{kind} @{label}: {e}" for e in page.watch.errors]
            wide = _overflow(page)
            if wide:
                problems.append(f"{kind} @{label}: wider than the screen because of {wide}")
            shots.append(ARTIFACTS / f"{kind}-{label}.png")
            page.screenshot(path=shots[-1], full_page=True)
            page.close()
    page = _open(context_factory(viewport=DESKTOP), site, "briefing")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden(), "the site header is printed"
    shots.append(ARTIFACTS / "briefing-print.png")
    page.screenshot(path=shots[-1], full_page=True)
    print(f"\n{len(shots)} screenshots in {ARTIFACTS}")
    record_property("screenshots", f"{len(shots)} in {ARTIFACTS}")
    assert not problems, "\n".join(problems)
    assert all(p.stat().st_size > 5_000 for p in shots)


@pytest.mark.xdist_group("browser-audit")
@pytest.mark.parametrize("scheme, viewport, only", [
    ("light", DESKTOP, None), ("dark", DESKTOP, None), ("light", PHONE, ("home", "briefing"))],
    ids=["light", "dark", "phone"])
def test_accessibility_audit(site, context_factory, scheme, viewport, only):
    """axe-core (shipped by axe-playwright-python) on every kind of page, in the light (default)
    and dark (slate) palettes, and on the phone layout of the home page and a briefing: no
    serious or critical violation (contrast, names of links and controls, alt text of images…)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = context_factory(viewport=viewport, color_scheme=scheme)
    label = f"{scheme} @{viewport['width']}"
    failures = []
    for kind in only or site.pages:
        page = _open(context, site, kind)
        expected = "slate" if scheme == "dark" else "default"
        actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert actual == expected, f"{kind}: palette {actual!r}, expected {expected!r}"
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in BLOCKING:
                nodes = "; ".join(" ".join(n["target"]) for n in violation["nodes"][:3])
                failures.append(f"{kind} [{label}] {violation['id']} ({violation['impact']}): "
                                f"{violation['help']} — {len(violation['nodes'])} element(s): {nodes}")
        page.close()
    assert not failures, "\n".join(failures)
