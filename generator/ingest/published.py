"""Which date is the article's: date lines found by shape around the header, the page's other
dates as a last resort, years filled in, and what was inferred, said out loud.

:mod:`.header` reads the date lines it finds under the headline; these functions cover the rest:
a date line that holds more than the header reads, or stands above the headline
(:func:`dates_near_header`), a date printed without a year (:func:`fill_years`, from another
date or the copyright line), the choice between published and updated dates
(:func:`resolve_dates`) and the record of what the page did not print (:func:`inferences`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Inference
from .dates import FIRST_PUBLISHED, PUBLISHED, UNLABELLED, UPDATED, DateError, FoundDate, dates_in
from .locate import Located
from .meta import read_meta_line
from .source import SourceLine


# What every byline, date, reading-time or relative-time line holds (a digit, a "By" or
# "Author" label, "ago"): a line without any is not one, and the full reader is not asked.
_META_HINT = re.compile(r"\d|\b(?:by|authors?|ago|just\s+now)\b", re.I)


def is_strict_meta(line: SourceLine) -> bool:
    """A line the header's reader takes as a byline or date line."""
    if not _META_HINT.search(line.text):
        return False
    try:
        meta = read_meta_line(line.raw)
    except DateError:
        return False
    return meta is not None and bool(meta.dates or meta.authors or meta.relative)


@lru_cache(maxsize=4096)
def is_meta(line: SourceLine) -> bool:
    """A byline or date line: what the header reads as metadata, or a short line with a date in
    it ("This story is from October 9, 2019", "Will Leitch/November 18, 2016")."""
    if is_strict_meta(line):
        return True
    dates = dates_in(line.text) if _META_HINT.search(line.text) and len(line.text.split()) <= _DATE_LINE_WORDS else []
    return bool(dates) and _mostly_date(line.text, dates)


def _mostly_date(text: str, dates: list[FoundDate]) -> bool:
    """A date line: beside its dates, a few words at most (a name, a section, "This story is
    from"), not a sentence ("The Act was signed into law on August 14, 1935")."""
    rest = text
    for found in sorted(dates, key=lambda d: -d.start):
        rest = rest[:found.start] + " " + rest[found.end:]
    return len(rest.split()) <= _DATE_LINE_OTHER_WORDS


_DATE_LINE_WORDS = 16
"""A line this short that holds a date may be a date line (see :func:`_mostly_date`)."""
_DATE_LINE_OTHER_WORDS = 8
_FOOT_LINES = 3
"""How many lines under the text its foot's byline and date line may stand."""


def dates_near_header(lines: list[SourceLine], located: Located | None, head: int) -> list[FoundDate]:
    """The dates of the date lines around the header (see :func:`is_meta`), nearest the
    headline first: for pages whose date line holds more than the header reads (a byline, a
    section, "| Source: PTI") or stands above the headline. A date line (a date and little else)
    comes before a sentence or caption that holds a date; then a byline-and-date line at the
    text's foot; then the rest of the page. Dates from anywhere but a date line by the header
    are marked as taken from away (:func:`inferences` says so)."""
    end = located.text_first + 4 if located else min(len(lines), head + 12)
    window = sorted(range(max(0, head - 8), min(len(lines), end)), key=lambda i: (i < head, abs(i - head)))
    found = [(index, _line_dates(lines[index], _DATE_LINE_WORDS * 2)) for index in window]
    # A date line (a date and little else) first, above the headline too ("June 10 2014 5:21 PM"
    # over it); only then a sentence or a caption that holds a date ("… on June 12, 2014").
    for index, dates in found:
        if dates and _mostly_date(lines[index].text, dates):
            return dates
    for index, dates in found:
        if dates:
            return _away(dates, lines[index])
    # At the text's foot: some pages print the byline and date under the article ("December
    # 17, 2014 at 08:01PM EST by Rachel Evans"), a widget or two after its last line.
    if located:
        for index in range(located.text_last + 1, min(len(lines), located.text_last + 1 + _FOOT_LINES)):
            if is_strict_meta(lines[index]):
                dates = _line_dates(lines[index], _DATE_LINE_WORDS)
                if dates:  # said out loud: a teaser's byline and date could stand there too
                    return _away(dates, lines[index])
    # Elsewhere on the page, last: a labelled date ("Posted on …"), then a line that is a date
    # and little else, nearest the headline. Related stories print dates too, but a page that
    # shows its date builds (and its briefing can be corrected with a sidecar).
    rest = sorted(set(range(len(lines))) - set(window), key=lambda i: (i < head, abs(i - head)))
    for labelled in (True, False):
        for index in rest:
            dates = _line_dates(lines[index], _DATE_LINE_WORDS if labelled else 6)
            if dates and (not labelled or any(d.kind != UNLABELLED for d in dates)):
                return _away(dates, lines[index])
    return []


def _away(dates: list[FoundDate], line: SourceLine) -> list[FoundDate]:
    """Dates taken from a line that is not a date line by the header: the briefing and the
    build say so (:func:`inferences`), as it may be another story's or a photo's date."""
    return [replace(d, away_line=line.line) for d in dates]


def _line_dates(line: SourceLine, max_words: int) -> list[FoundDate]:
    return dates_in(line.text) if len(line.text.split()) <= max_words else []



def fill_years(dates: list[FoundDate], copyright_year: int | None = None) -> list[FoundDate]:
    """Dates printed without a year take the year of the first date that has one ("Published:
    2 June 2021" / "Updated: 3 June, 18:45"), else the page's copyright year ("© 2019 …");
    without either they are dropped. A filled date records where its year came from."""
    year = next((int(d.iso[:4]) for d in dates if d.with_year is None), None)
    source = _ANOTHER_DATE
    if year is None and copyright_year is not None:
        year, source = copyright_year, _COPYRIGHT_LINE
    filled = []
    for d in dates:
        if d.with_year is None:
            filled.append(d)
        elif year:
            try:
                filled.append(replace(d.with_year(year), year_from=source))
            except DateError:
                continue  # "29 February" in a year without one: not a date of this page
    return filled


_ANOTHER_DATE, _COPYRIGHT_LINE = "another date on the page", "the page's copyright line"
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b", re.I)


def copyright_year(lines: list[SourceLine]) -> int | None:
    """The year of the page's copyright line ("© 2019 Acme News", "Copyright 2015-2019 …"): the
    year a page that prints its date without one was published in, when nothing else says."""
    for line in reversed(lines):
        if len(line.text) <= 300:
            match = _COPYRIGHT_YEAR.search(line.text)
            if match:
                return int(match.group(1))
    return None


def inferences(published: FoundDate, lines: list[SourceLine]) -> tuple[Inference, ...]:
    """What ingest filled in of the publication date, naming the line it came from."""
    found: list[Inference] = []
    if published.away_line is not None:
        found.append(Inference("date", published.iso, _AWAY_LINE, published.away_line))
    if published.year_from is not None:
        line = published.away_line or next((l.line for l in lines if _has_yearless_date(l.text)), lines[0].line)
        found.append(Inference("year", published.iso[:4], published.year_from, line))
    return tuple(found)


_AWAY_LINE = "a line away from the headline, not a date line by it"


def _has_yearless_date(text: str) -> bool:
    return len(text) <= 300 and any(d.with_year is not None for d in dates_in(text))


def with_first_published(dates: list[FoundDate], lines: list[SourceLine]) -> list[FoundDate]:
    """The header's dates, and before them a "First published …" date line standing elsewhere
    on the page (CNN prints it under the text), when the header labels none of its dates as the
    publication's: the header's own unlabelled time is then the update. A first publication
    cannot come after the day the header shows, so a later one is someone else's."""
    if not dates or any(d.kind in (FIRST_PUBLISHED, PUBLISHED) for d in dates):
        return dates
    shown = min(d.iso[:10] for d in dates)
    for line in lines:
        if "ublished" not in line.text or len(line.text.split()) > _DATE_LINE_WORDS:
            continue
        first = [d for d in _line_dates(line, _DATE_LINE_WORDS) if d.kind == FIRST_PUBLISHED and not d.with_year]
        if first and first[0].iso[:10] <= shown:
            return [first[0], *dates]
    return dates


def _first(dates: list[FoundDate], kind: str) -> FoundDate | None:
    return next((d for d in dates if d.kind == kind), None)


def resolve_dates(dates: list[FoundDate]) -> tuple[FoundDate | None, FoundDate | None]:
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
