"""URL slugs for briefings and entities: readable, ASCII, never empty, never a reserved name.

python-slugify does the transliteration; it alone turns "..", "!!!" or emoji-only headlines into
an empty slug and keeps names such as "404", "search" or "assets" that collide with the site's own
files, so both cases are handled here.
"""

from __future__ import annotations

import functools
import hashlib

from slugify import slugify

MAX_SLUG = 80
"""Longest slug, cut at a word boundary: keeps URLs and file names well under OS limits."""

RESERVED = frozenset({
    "index", "404", "search", "assets", "stylesheets", "javascripts", "sitemap", "feed", "feeds",
    "tags", "entities", "briefings", "timeline", "months", "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
})
"""Names that would collide with the site's own pages or are device names on Windows."""


@functools.lru_cache(maxsize=1 << 16)
def make_slug(text: str, fallback: str = "briefing") -> str:
    """A slug for ``text``; ``fallback`` plus a short hash when nothing readable is left.

    Cached: extraction slugs every candidate name, the same names recur across an archive, and
    python-slugify was a fifth of extract's time at 10,000 briefings."""
    slug = slugify(text or "", max_length=MAX_SLUG, word_boundary=True, save_order=True)
    if not slug:
        digest = hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return f"{fallback}-{digest}"
    if slug in RESERVED or slug.isdigit():
        return f"{fallback}-{slug}"
    return slug


def unique_slugs(slugs: list[str]) -> list[str]:
    """Make slugs unique in order: the second "x" becomes "x-2", the third "x-3", and so on."""
    seen: set[str] = set(slugs)
    counts: dict[str, int] = {}
    result = []
    for slug in slugs:
        n = counts.get(slug, 0) + 1
        counts[slug] = n
        if n == 1:
            result.append(slug)
            continue
        candidate = f"{slug}-{n}"
        while candidate in seen:
            n += 1
            candidate = f"{slug}-{n}"
        counts[slug] = n
        seen.add(candidate)
        result.append(candidate)
    return result


def slugify_title(title: str) -> str:
    """The base slug of a briefing headline (see :func:`make_slug`)."""
    return make_slug(title, "briefing")
