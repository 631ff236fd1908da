"""The link stage: the only stage that sees the whole archive.

It orders briefings newest first, gives each a unique slug and URL, and (as the archive grows)
computes everything that ties briefings together.
"""

from __future__ import annotations

from .model import Archive, Briefing, Page
from .slug import unique_slugs


def sort_key(briefing: Briefing) -> tuple:
    """Newest first; ties broken by source file so that order never depends on input order."""
    return (_negate(briefing.article.published), briefing.article.source_file)


def _negate(iso: str) -> tuple:
    # Sort on the UTC instant when there is a time, so "04:37+05:30" and "23:00Z" compare right.
    from .dates import instant_key

    return tuple(-x for x in instant_key(iso))


def link(briefings: list[Briefing]) -> Archive:
    """Place every briefing in the archive: unique slugs, URLs and paths, newest first."""
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
    return Archive(pages=tuple(pages))
