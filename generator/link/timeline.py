"""The archive-wide timeline: every event of every briefing, in date order."""

from __future__ import annotations

from ..dates import event_sort_key
from ..model import Page, TimelineEntry


def archive_timeline(pages: list[Page]) -> tuple[TimelineEntry, ...]:
    """Every event of every briefing, in date order (ties: older briefing first, text order)."""
    entries = [TimelineEntry(slug=page.slug, index=i, event=event)
               for page in reversed(pages) for i, event in enumerate(page.briefing.events)]
    return tuple(sorted(entries, key=lambda t: event_sort_key(t.event)))
