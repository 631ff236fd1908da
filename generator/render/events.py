"""Where an event stands on the archive timeline, and how its sentence is shown.

Template helpers shared by the briefing page's timeline, the entity pages and the archive
timeline (registered in pages.py's environment): the timeline page and anchor of an event, a
briefing's events in date order, and the event's sentence with its date expression marked.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..dates import event_sort_key
from ..mdtext import Md, escape_html
from ..model import Page, TimelineEntry


def group_key(entry: TimelineEntry) -> tuple[str, str | None]:
    """(year, month) the event is filed under; month is None for year-precision events."""
    parts = entry.event.date.split("-")
    return parts[0], (parts[1] if entry.event.precision != "year" and len(parts) > 1 else None)


def group_path(year: str, month: str | None) -> str:
    """docs/ path of the page holding a (year, month) group."""
    return f"timeline/{year}/index.md" if month is None else f"timeline/{year}/{month}.md"


def timeline_path(event) -> str:
    """docs/ path of the archive timeline page that lists ``event``."""
    return group_path(*group_key(TimelineEntry(slug="", index=0, event=event)))


def timeline_anchor(entry: TimelineEntry) -> Md:
    """Id of an event on its archive timeline page (unique: briefing slug + position). Slugs are
    made by the generator ([a-z0-9-] only), so the id is safe to print as is."""
    return Md(f"t-{entry.slug}-e{entry.index + 1}")


def timeline_of(page: Page) -> list[TimelineEntry]:
    """A briefing's events as timeline entries in date order (ties: text order)."""
    entries = [TimelineEntry(slug=page.slug, index=i, event=e) for i, e in enumerate(page.briefing.events)]
    return sorted(entries, key=lambda t: event_sort_key(t.event))


EXCERPT_WORDS = 8
"""Words kept either side of the date expression in an excerpt (see ``marked_excerpt``)."""
_WORD_AFTER = re.compile(r"\s*\S+")
_WORD_BEFORE = re.compile(r"\S+\s*")


def _expression_at(text: str, sentence: str) -> int:
    """Offset of the date expression ``text`` in ``sentence``, or -1."""
    text = text.strip()
    # Case-insensitive ("around 20 May" in "Around 20 May …") when lowering keeps offsets.
    folded = sentence.lower() if len(sentence.lower()) == len(sentence) else sentence
    return folded.find(text.lower() if folded is not sentence else text) if text else -1


def _marked(text: str, start: int, end: int) -> Markup:
    """``text`` HTML-escaped, with ``text[start:end]`` in ``<mark>`` (nothing marked if empty)."""
    if end <= start:
        return escape_html(text)
    return escape_html(text[:start]) + Markup("<mark>") + escape_html(text[start:end]) + Markup("</mark>") + \
        escape_html(text[end:])


def marked_sentence(event) -> Markup:
    """The event's sentence as escaped HTML (timelines are raw-HTML lists, see pages.Linker) with
    its date expression in ``<mark>``, so the reader sees which words gave the date (the plain
    sentence when the expression is not in it)."""
    start = _expression_at(event.text, event.sentence)
    end = start + len(event.text.strip()) if start >= 0 else start
    return _marked(event.sentence, start, end)


def marked_excerpt(event, words: int = EXCERPT_WORDS) -> Markup:
    """Like ``marked_sentence``, cut to ``words`` words either side of the date expression, with
    "…" where words were left out. Entity pages list each event once per entity in its sentence,
    so at scale full sentences there are a large share of the site; the link beside the excerpt
    leads to the whole paragraph."""
    sentence = event.sentence.strip()
    start = _expression_at(event.text, sentence)
    if start < 0:  # no expression to centre on: the sentence's opening words
        start = end = 0
    else:
        end = start + len(event.text.strip())
    before = _WORD_BEFORE.findall(sentence[:start])
    after = _WORD_AFTER.findall(sentence[end:])
    cut_start = len("".join(before[:-words])) if len(before) > words else 0
    cut_end = end + len("".join(after[:words if start != end else 2 * words]))
    marked = _marked(sentence[cut_start:cut_end], start - cut_start, end - cut_start)
    return Markup("… " if cut_start else "") + marked + Markup(" …" if cut_end < len(sentence) else "")
