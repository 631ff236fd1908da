"""Metadata lines under a headline: byline, reading time, dateline place and dates.

Sites print these in many arrangements, on one line or several:

    Written by: **Shubhajit Roy** 4 min read New Delhi Updated: May 27, 2026 04:37 AM IST
    By Jane Doe and John Roe | Updated: March 12, 2019 9:14 PM ET
    Published on Mon 3 Jun 2019 14.05 BST

A line is read by taking out what we recognise exactly — dates (:mod:`.dates`) and the reading
time — and splitting what is left at separators (``|``, ``•``, ``·``, spaced dashes). Each piece
must then be a byline ("By …", "Written by: …"), a wire-agency name, or a place (up to four
capitalised words: the dateline). If any piece is something else — prose — the line is not a
metadata line at all, so a dek such as "By 2030, the plan…" or "On March 3, 2019 the council…" is
never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import FoundDate, find_dates
from .inline import plain

_READING_TIME = re.compile(
    r"\b(?P<a>\d{1,3})\s*-?\s*(?:minutes?|mins?)\.?\s+read\b"
    r"|\b(?:reading|read)\s+time\s*:?\s*(?P<b>\d{1,3})\s*(?:minutes?|mins?)\b\.?",
    re.I,
)
# "Updated 2 hours ago": metadata, but no date we can resolve without the scrape time.
_RELATIVE_TIME = re.compile(
    r"(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?(?:(?:\d{1,3}|an?|one)\s+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|just\s+now)\b",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:\||\u2022|\u00b7|\s[-\u2013\u2014]\s)\s*")
_BYLINE = re.compile(
    r"(?:(?:written|reported|compiled|edited|story|words)\s+by|by|authors?)\b\s*[:\-\u2013]?\s*", re.I
)
# Names marked up on their own ("**A**, **B** and [C](…)"): the markup shows where they end.
_MARKED_NAME = r"(?:\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*|_[^_]+_|\[[^\]]+\]\([^)]*\))"
_MARKED_NAMES = re.compile(rf"{_MARKED_NAME}(?:\s*(?:,|&|\band\b)\s*{_MARKED_NAME})*", re.I)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)
_NAME_WORD = re.compile(
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|[A-Z]\.|(?:de|da|del|della|der|den|di|du|la|le|van|von"
    r"|bin|binti|al|el|ibn|y|dos|das)|[a-z]{1,3}['\u2019][A-Z][\w'\u2019\-]*)"
)
_PLACE_WORD = re.compile(r"[A-Z][A-Za-z.'\u2019\-]*|of|upon|on|de|la|am|an|der")
# Wire agencies often stand alone in a byline line; they are neither a name nor a place here.
WIRE_AGENCIES = frozenset({
    "reuters", "ap", "afp", "pti", "ians", "ani", "upi", "dpa", "efe", "xinhua", "bloomberg",
    "agencies", "associated press", "press trust of india", "agence france-presse",
})


@dataclass
class Meta:
    """What one or more metadata lines said (mutable while the header is read)."""

    authors: list[str]
    reading_time: int | None = None
    dateline: str | None = None
    dates: list[FoundDate] | None = None
    relative: bool = False
    """True when the line gave a time only relative to the scrape ("Updated 2 hours ago")."""


def _valid_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or not name[:1].isupper():
        return False
    return all(_NAME_WORD.fullmatch(word) for word in words)


def split_names(text: str) -> list[str] | None:
    """Names in a byline's name list ("A, B and C"), or None if any piece is not a name."""
    names = [plain(piece).strip(" .,;") for piece in _NAME_SPLIT.split(text.strip(" ,;"))]
    names = [name for name in names if name]
    if not names or not all(_valid_name(name) for name in names):
        return None
    return names


def place_name(text: str) -> str | None:
    """The text as a place name (up to four capitalised words), in Title Case, or None."""
    text = plain(text).strip(" ,;:")
    words = text.split()
    if not 1 <= len(words) <= 4 or len(text) > 40 or not text[:1].isupper():
        return None
    if not all(_PLACE_WORD.fullmatch(word) for word in words):
        return None
    # "NEW DELHI" in capitals is a typographic style, not a different name.
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)


def _byline_piece(piece: str) -> tuple[list[str], str] | None:
    """Names from a piece starting with a byline label, and any unmarked text after them."""
    label = _BYLINE.match(piece)
    if label is None or label.end() == len(piece):
        return None
    rest = piece[label.end():]
    marked = _MARKED_NAMES.match(rest)
    if marked:
        names = split_names(marked.group(0))
        return (names, rest[marked.end():]) if names else None
    names = split_names(rest)
    return (names, "") if names else None


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Text outside the recognised spans, split at separators, stripped, non-empty."""
    pieces, cursor = [], 0
    for start, end in sorted(spans) + [(len(text), len(text))]:
        pieces.extend(_SEPARATORS.split(text[cursor:start]))
        cursor = max(cursor, end)
    return [p.strip(" ,;") for p in pieces if p.strip(" ,;")]


def _account_for(piece: str, meta: Meta) -> bool:
    """Record what a leftover piece says; False when it is prose, not metadata."""
    byline = _byline_piece(piece)
    if byline is not None:
        names, after = byline
        # "By Jane Doe, Reuters": the agency is her affiliation; "By Reuters" alone is the byline.
        people = [n for n in names if n.lower() not in WIRE_AGENCIES] or names
        meta.authors.extend(n for n in people if n not in meta.authors)
        return not after.strip(" ,;") or _account_for(after.strip(" ,;"), meta)
    if plain(piece).lower().strip(" .") in WIRE_AGENCIES:
        return True
    place = place_name(piece)
    if place is not None:
        meta.dateline = meta.dateline or place
        return True
    return False


def read_meta_line(text: str) -> Meta | None:
    """What a header line says if it is a metadata line, else None (see module doc).

    Raises :class:`generator.ingest.dates.DateError` for a date that is not a real date.
    """
    dates = find_dates(text)
    spans = [(d.start, d.end) for d in dates]
    meta = Meta(authors=[], dates=dates)
    reading = _READING_TIME.search(text)
    if reading:
        meta.reading_time = int(reading.group("a") or reading.group("b"))
        spans.append(reading.span())
    for relative in _RELATIVE_TIME.finditer(text):
        meta.relative = True
        spans.append(relative.span())
    pieces = _pieces(text, spans)
    if not all(_account_for(piece, meta) for piece in pieces):
        return None
    if not (dates or meta.authors or meta.reading_time is not None or meta.relative):
        return None  # only a place: could be a heading or a one-word line; not metadata alone
    return meta
