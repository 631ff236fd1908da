"""Where each briefing stands in the archive: newest first, with a unique slug, URL and path."""

from __future__ import annotations

from ..dates import instant_key
from ..model import Briefing, Page
from ..slug import unique_slugs


def sort_key(briefing: Briefing) -> tuple:
    """Newest first; ties broken by source file so that order never depends on input order."""
    return (tuple(-x for x in instant_key(briefing.article.published)), briefing.article.source_file)


def place(briefings: list[Briefing]) -> list[Page]:
    """Unique slugs, URLs and paths, newest first."""
    ordered = sorted(briefings, key=sort_key)
    # Unique slugs are assigned oldest first, so that adding a newer article with the same
    # headline never changes the URL of one already published.
    oldest_first = list(reversed(ordered))
    slugs = unique_slugs([b.slug for b in oldest_first])
    pages = []
    for briefing, slug in zip(oldest_first, slugs):
        year, month = briefing.article.published[:4], briefing.article.published[5:7]
        pages.append(Page(
            briefing=briefing,
            slug=slug,
            url=f"briefings/{year}/{month}/{slug}/",
            path=f"briefings/{year}/{month}/{slug}.md",
        ))
    pages.reverse()
    return pages
