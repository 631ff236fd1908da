"""Ingest: a scraped seed's bytes become an :class:`generator.model.Article`. Pure: no file I/O.

Steps, each in its own module:

1. :mod:`.source` decodes UTF-8 (BOM, CRLF, Unicode spaces) into numbered non-blank lines, each
   with its plain text (:mod:`.inline` resolves emphasis, links and escapes);
2. :mod:`.header` finds headline, dek, metadata lines (:mod:`.meta`: byline, reading time,
   dateline; :mod:`.dates` with :mod:`.timezones`: dates) and the photo caption;
3. :mod:`.junk` removes page junk from the body by named rules, recorded in ``Article.removed``;
4. :mod:`.paragraphs` joins sentences the scraper split across lines.

Dates: ``published`` is the first "first published" date, else the first "published/posted"
date, else the first unlabelled one, else — when the page shows only an "Updated" time, as the
real seed does — the update time, so every article has a publication time to sort by.
``updated`` is the first "updated/modified" date, else an unlabelled date other than the one
used as published (pages that print "First published on …" in the footer show the latest
change time, unlabelled, at the top); else None. ``time_zone`` is the zone abbreviation printed
with the published date (else with the updated one), for display; None for numeric offsets.

``Article.removed`` lists every line dropped as page junk with the name of its rule (the rules
are documented in :mod:`.junk`; "section-label" in :mod:`.header`). Metadata lines are not junk
and are not listed there.
"""

from __future__ import annotations

import re

from ..errors import SeedError
from ..model import Article, Removed
from .dates import FIRST_PUBLISHED, PUBLISHED, UNLABELLED, UPDATED, FoundDate, starts_with_label
from .header import DATE_HINT, Header, merge, meta_of, parse_header
from .junk import classify
from .meta import WIRE_AGENCIES, place_name
from .paragraphs import join_split_sentences
from .source import SourceLine, read_lines

__all__ = ["ingest"]

# "NEW DELHI:", "WASHINGTON (Reuters) -", "LONDON —", "SPRINGFIELD, Ill. —" opening the body.
_BODY_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019\-]+(?:\s+[A-Z][A-Z.'\u2019\-]+){0,3})"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"\s*(?:\([A-Za-z][A-Za-z .&]{0,30}\))?\s*(?::|\u2014|\u2013|--?)\s+\S"
)


def ingest(data: bytes, source_file: str) -> Article:
    """Parse one seed. Raises :class:`generator.errors.SeedError` when it cannot be parsed."""
    lines = read_lines(data, source_file)
    header = parse_header(lines, source_file)
    body = _take_date_lines(header, source_file)
    rules = classify([line.text for line in body])
    kept = [line for line, rule in zip(body, rules) if rule is None]
    removed = header.removed + [Removed(l.line, l.raw, r) for l, r in zip(body, rules) if r]
    paragraphs = join_split_sentences(kept)
    published, updated = _resolve_dates(header.meta.dates or [])
    if published is None:
        after_title = lines[1].line if len(lines) > 1 else lines[0].line
        raise SeedError(source_file, after_title, "no publication date found", DATE_HINT)
    meta = header.meta
    return Article(
        source_file=source_file,
        title=header.title,
        dek=header.dek,
        authors=tuple(meta.authors),
        reading_time=meta.reading_time,
        dateline=meta.dateline or _body_dateline(paragraphs),
        published=published.iso,
        updated=updated.iso if updated else None,
        time_zone=published.zone or (updated.zone if updated else None),
        caption=header.caption,
        caption_credit=header.caption_credit,
        paragraphs=tuple(p.text for p in paragraphs),
        paragraph_lines=tuple(p.line for p in paragraphs),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
    )


def _take_date_lines(header: Header, source_file: str) -> list[SourceLine]:
    """Body lines without the date lines among them ("First published on …" footers)."""
    body = []
    for line in header.body:
        meta = meta_of(line, source_file) if starts_with_label(line.raw) else None
        if meta is not None and meta.dates and all(d.kind != UNLABELLED for d in meta.dates):
            merge(header.meta, meta)
        else:
            body.append(line)
    return body


def _first(dates: list[FoundDate], kind: str) -> FoundDate | None:
    return next((d for d in dates if d.kind == kind), None)


def _resolve_dates(dates: list[FoundDate]) -> tuple[FoundDate | None, FoundDate | None]:
    """(published, updated) by the rules in the module docstring."""
    published = (
        _first(dates, FIRST_PUBLISHED) or _first(dates, PUBLISHED)
        or _first(dates, UNLABELLED) or _first(dates, UPDATED)
    )
    if published is None:
        return None, None
    updated = _first(dates, UPDATED)
    if updated is None:
        updated = next(
            (d for d in dates if d.kind == UNLABELLED and d is not published and d.iso != published.iso),
            None,
        )
    return published, updated


def _body_dateline(paragraphs: list[SourceLine]) -> str | None:
    """The place in a wire-style opening ("WASHINGTON (Reuters) - …"); the text is left as is."""
    match = _BODY_DATELINE.match(paragraphs[0].text) if paragraphs else None
    if match is None or match.group("place").lower() in WIRE_AGENCIES:
        return None
    return place_name(match.group("place"))
