"""Conditions a reader would see, for browser tests to wait on instead of timers.

A loaded CI machine (two cores, other jobs) or a slow network stretches every step of a page's
life, so a test waits for the state it is about to check, never for a fixed time:
``material_ready`` — Material has built its components (annotations, tooltips, search box) for
the current document; ``instant_navigation`` — a click led to another page and Material swapped its
content in (the address changes before the new content is there, and the network may be idle
before it is); ``material_search`` — the results on screen are those of the whole query.
"""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import expect

MATERIAL_READY = """() => new Promise(done => {
  // Material emits document$ once it has mounted its components on a document (after the first
  // load and after each instant navigation); two animation frames let the work it schedules
  // for the next frame (tooltip positions, annotation markers) finish too.
  const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
  if (window.document$ && window.document$.subscribe) {
    const subscription = window.document$.subscribe(() => { frames(); });
    setTimeout(() => subscription.unsubscribe && subscription.unsubscribe());
  } else frames();
})"""
SEARCH_DONE = re.compile(r"matching document")
"""Material's result count ("No matching documents", "1 matching document", "12 matching…")."""


def material_ready(page) -> None:
    """Wait until Material has mounted its components on the page now shown."""
    page.wait_for_load_state("load")
    page.evaluate(MATERIAL_READY)


@contextlib.contextmanager
def instant_navigation(page):
    """Around a click that leads to another page of the site: on leaving the block the new page's
    content is in place and Material has mounted it. Material swaps the content in place when
    the target is in the site's sitemap and loads the page in full otherwise; either way the
    content element seen before the click, which is marked here, is gone."""
    container = "[data-md-component=container]"
    page.locator(container).evaluate("c => c.setAttribute('data-test-left', '')")
    yield
    page.wait_for_function("""() => {
      const c = document.querySelector("[data-md-component=container]");
      return c && !c.hasAttribute("data-test-left");
    }""")
    material_ready(page)


def material_search(page, query: str) -> None:
    """Run one search for the whole of ``query`` in Material's search box (already open) and wait
    for its results. Material searches on each key-up, so typing would run one search per letter,
    and the count of a shorter prefix could be on screen when results are read: the box is
    emptied first (which shows the placeholder again), then the words are pasted and one key
    pressed, so the next count shown is the whole query's."""
    box, meta = page.locator(".md-search__input"), page.locator(".md-search-result__meta")
    # The index loads in a worker after the page; a query typed before it is ready is dropped.
    expect(meta).not_to_have_text("Initializing search")
    if box.input_value():
        box.fill("")
        box.press("End")
        expect(meta).not_to_have_text(SEARCH_DONE)
    box.fill(query)
    box.press("End")
    expect(meta).to_have_text(SEARCH_DONE)
