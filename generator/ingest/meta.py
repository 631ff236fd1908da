"""Metadata lines under a headline: byline, reading time, dateline place and dates.

Sites print these in many arrangements, on one line or several:

    Written by: **Shubhajit Roy** 4 min read New Delhi Updated: May 27, 2026 04:37 AM IST
    By Jane Doe and John Roe | Updated: March 12, 2019 9:14 PM ET
    Published on Mon 3 Jun 2019 14.05 BST

A line is read by taking out what we recognise exactly — dates (:mod:`.dates`) and the reading
time — and splitting what is left at separators (``|``, ``•``, ``·``, spaced dashes). Each piece
must then be a byline ("By …", "Written by: …"), a wire-agency name, or a place (up to four
capitalised words: the dateline); beside a date, names alone count as the byline too ("Will
Leitch/November 18, 2016"), and so do names with the outlet they write for ("Jefferson Graham,
USA TODAY 3:53 p.m. EST …"). If any piece is something else — prose — the line is not a
metadata line at all, so a dek such as "By 2030, the plan…" or "On March 3, 2019 the council…" is
never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import is_known_place
from .dates import FoundDate, find_dates
from .inline import plain
from .names import (  # re-exported: the header and tests read names through this module too
    PERSON_ROLE_END, WIRE_AGENCIES, display_case, is_outlet, is_role, names_and_role, person_name,
    place_name, split_name_and_place, split_names,
)
from .names import HANDLE, NAME_SPLIT, OUTLET_WORDS, PERSON_JOBS, name_text, valid_name, without_outlet

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
MAX_META_CHARS = 200  # the longest byline-and-dates lines we have seen are about half that
_SEPARATORS = re.compile(r"\s*(?:\||\u2022|\u00b7|\s[-\u2013\u2014/.]\s)\s*")  # "2 min read . Updated: …"
_BYLINE = re.compile(
    r"(?:(?:written|reported|compiled|edited|story|words|(?:news\s+)?provided)\s+by|by|authors?)\b\s*[:\-\u2013]?\s*"
    r"|(?-i:By)(?=(?-i:[A-Z][a-z]))",  # the label run into the name by the scraper: "ByMalcolm Harris"
    re.I,
)
# Names marked up on their own ("**A**, **B** and [C](…)"): the markup shows where they end.
_MARKED_NAME = r"(?:\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*|_[^_]+_|\[[^\]]+\]\([^)]*\))"
_MARKED_NAMES = re.compile(rf"{_MARKED_NAME}(?:\s*(?:,|&|\band\b)\s*{_MARKED_NAME})*", re.I)
_JOB_BEFORE_NAME = re.compile(rf"^(?:[a-z][\w\-]*\s+){{0,3}}(?:{PERSON_JOBS})\s+(?=[A-Z])")
_FOR_OUTLET = re.compile(r"\s+(?:for|FOR)\s+[A-Z][\w.&'\- ]{1,40}$")
_SECTION = re.compile(r"[A-Z][\w'\u2019\-]*(?:\s+(?:&|and|[A-Z][\w'\u2019\-]*)){1,4}")
# A newsroom's own byline: "TOI City Desk", "HT Correspondent", "Express News Service".
# It names the outlet (a code in capitals, or an outlet word), so "Jane Doe Transport
# correspondent" is not one.
_STAFF_BYLINE = re.compile(r"(?:[A-Z][\w.&\-]*\s+){1,3}(?i:desk|bureau|correspondents?|service|staff|team)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_NAME_THEN_BYLINE = re.compile(
    rf"(?P<name>[A-Z][^|:]{{2,40}}?)(?:\s*\|\s*{_EMAIL.pattern})?\s+(?P<byline>By\s+(?P=name))\b")
_EDITED_BY = re.compile(r"\W*edited\s+by\b", re.I)
_REPORTING_FROM = re.compile(r"(?:reporting|filed|writing)\s+from\s+(?P<place>[^,;|]{2,40})(?:,.{0,40})?", re.I)


@dataclass
class Meta:
    """What one or more metadata lines said (mutable while the header is read)."""

    authors: list[str]
    reading_time: int | None = None
    dateline: str | None = None
    dates: list[FoundDate] | None = None
    relative: bool = False
    """True when the line gave a time only relative to the scrape ("Updated 2 hours ago")."""


def _byline_names(text: str) -> list[str] | None:
    """Names in a byline's list, with what is not a person taken out: a trailing job title
    ("Jane Doe, Transport correspondent") and affiliations ("Jane Doe, CNN")."""
    pieces = [name_text(p) for p in NAME_SPLIT.split(text.strip(" ,;"))]
    pieces = [p for p in pieces if p]
    # A job title after the names goes; one that reads as a name too ("John Writer") stays,
    # unless it names its outlet ("Space.com Contributor").
    while len(pieces) > 1 and is_role(pieces[-1]) and (
            not valid_name(pieces[-1]) or any("." in word[1:-1] and is_outlet(word) for word in pieces[-1].split()[:-1])):
        pieces.pop()
    return split_names(", ".join(pieces)) if pieces else None


def _byline_piece(piece: str) -> tuple[list[str], str] | None:
    """Names from a piece starting with a byline label, and any unmarked text after them."""
    label = _BYLINE.match(piece)
    if label is None or label.end() == len(piece):
        return None
    rest = _JOB_BEFORE_NAME.sub("", piece[label.end():], count=1)  # "By health reporter Jane Doe"
    rest = _FOR_OUTLET.sub("", rest)  # "By JANE DOE FOR MAILONLINE"
    marked = _MARKED_NAMES.match(rest)
    if marked:
        names = split_names(marked.group(0))
        return (names, rest[marked.end():]) if names else None
    names = _byline_names(rest)
    if names is None and " in " in rest:  # "By Jane Doe in Kyiv": the place is read by the caller
        head, _, place = rest.rpartition(" in ")
        names = _byline_names(head) if place_name(place) else None
        return (names, place) if names else None
    return (names, "") if names else None


def add_authors(names: list[str], meta: Meta) -> None:
    """Record byline names: outlets are affiliations, not authors ("By Jane Doe, CNN"), unless
    the outlet is the whole byline ("By Reuters"); a known place at the end is the dateline
    ("By HT Correspondent, New Delhi", or "By Jane Doe New Delhi" without a separator)."""
    if len(names) > 1 and is_known_place(names[-1]):
        meta.dateline = meta.dateline or place_name(names[-1])
        names = names[:-1]
    people = [n for n in map(without_outlet, names) if not is_outlet(n)] or names
    for name in people:
        name, place = split_name_and_place(name)
        if place is not None:
            meta.dateline = meta.dateline or place
        name = person_name(name)
        if name not in meta.authors:
            meta.authors.append(name)


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Text outside the recognised spans, split at separators, stripped, non-empty."""
    pieces, cursor = [], 0
    for start, end in sorted(spans) + [(len(text), len(text))]:
        pieces.extend(_SEPARATORS.split(text[cursor:start]))
        cursor = max(cursor, end)
    return [p.strip(" ,;/") for p in pieces if p.strip(" ,;/")]  # "Will Leitch/November 18, 2016"


def _is_staff_byline(text: str) -> bool:
    if not _STAFF_BYLINE.fullmatch(text):
        return False
    words = text.split()
    return (words[0].isupper() and len(words[0]) >= 2) or any(w.lower() in OUTLET_WORDS for w in words[:-1])


def _account_for(piece: str, meta: Meta, names_alone: bool = False) -> bool:
    """Record what a leftover piece says; False when it is prose, not metadata. With
    ``names_alone`` (the line has a date), names without "By" count as the byline too:
    "Jane Doe @janedoe / 6:45 PM GMT+1•June 3, 2021"."""
    byline = _byline_piece(piece)
    if byline is not None:
        names, after = byline
        # "Reported by A | Edited by B": the editor is not an author when a writer is named.
        if not (meta.authors and _EDITED_BY.match(piece)):
            add_authors(names, meta)
        return not after.strip(" ,;") or _account_for(after.strip(" ,;"), meta)
    if names_alone and not meta.authors and _is_staff_byline(plain(piece)):
        meta.authors.append(plain(piece))  # the byline is the desk: "TOI City Desk / Updated: …"
        return True
    names = names_and_role(piece) if names_alone and not meta.authors and not is_known_place(piece) else None
    if names:
        add_authors(names, meta)
        return True
    if names_alone and not meta.authors and "," in piece and _names_and_outlet(piece, meta):
        return True  # "Jefferson Graham, USA TODAY 3:53 p.m. EST January 25, 2014"
    if is_outlet(piece) or is_role(piece):
        return True
    if names_alone and "&" in piece and _SECTION.fullmatch(piece):
        return True  # a section beside the date: "Jun 3, 2021 - Energy & Environment"
    reporting_from = _REPORTING_FROM.fullmatch(plain(piece))
    if reporting_from:
        place = place_name(reporting_from.group("place"))
        meta.dateline = meta.dateline or place
        return place is not None
    place = place_name(piece)
    if place is not None:
        meta.dateline = meta.dateline or place
        return True
    return False


def _names_and_outlet(piece: str, meta: Meta) -> bool:
    """ "Jefferson Graham, USA TODAY": names, then the outlet or role they write for, beside a
    date; the names are recorded. False, recording nothing, when a part is anything else."""
    parts = [part.strip() for part in piece.split(",")]
    names = names_and_role(parts[0]) if not is_known_place(parts[0]) else None
    if not names or not all(is_outlet(part) or is_role(part) for part in parts[1:]):
        return False
    add_authors(names, meta)
    return True


@lru_cache(maxsize=256)
def read_meta_line(text: str) -> Meta | None:
    """What a header line says if it is a metadata line, else None (see module doc).

    Cached, as the header parser asks about the same lines more than once: callers read the
    Meta and never change it (:func:`generator.ingest.header.merge` copies from it).

    Raises :class:`generator.ingest.dates.DateError` for a date that is not a real date.
    """
    if len(text) > MAX_META_CHARS:
        return None  # a paragraph, not a metadata line; and it keeps the piece tests below cheap
    doubled = _NAME_THEN_BYLINE.match(text)
    if doubled:
        text = text[doubled.start("byline"):]  # "Jane Doe By Jane Doe": the photo's alt text, then the byline
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
    emails = [email.span() for email in _EMAIL.finditer(text)] if "@" in text else []
    spans.extend(emails)  # "jdoe@example.com": the writer's address, not a handle
    spans.extend(handle.span() for handle in HANDLE.finditer(text)
                 if not any(start <= handle.start() < end for start, end in emails))
    pieces = _pieces(text, spans)
    if not all(_account_for(piece, meta, names_alone=bool(dates)) for piece in pieces):
        return None
    if not (dates or meta.authors or meta.reading_time is not None or meta.relative):
        if meta.dateline and _REPORTING_FROM.match(plain(text)):
            return meta  # "Reporting from Kyiv, Ukraine": the dateline, on its own line
        return None  # only a place: could be a heading or a one-word line; not metadata alone
    return meta


def unlabelled_byline(text: str) -> Meta | None:
    """A byline printed without "By": "Jane Doe", "Jane Doe Transport correspondent", "Jane Doe |
    Mumbai", "Jane Doe, ET Bureau". Each piece between separators must be names (of two words
    or more), a job title, an outlet or a place, and one of them names; else None."""
    if len(text) > 120:
        return None
    meta = Meta(authors=[], dates=[])
    for piece in _pieces(text, [handle.span() for handle in HANDLE.finditer(text)]):
        piece = _take_place_after_in(piece, meta)
        names = names_and_role(piece)
        if names:
            add_authors(names, meta)
            continue
        for part in (p.strip() for p in piece.split(",")):  # "Jane Doe, ET Bureau"
            names = names_and_role(part)
            if names:
                add_authors(names, meta)
            elif not (is_role(part) or is_outlet(part) or _account_place(part, meta)):
                return None
    return meta if meta.authors else None


def _take_place_after_in(piece: str, meta: Meta) -> str:
    """"Jane Doe in Kyiv" (the Guardian's byline): record the place, return the names."""
    names, found, place = piece.rpartition(" in ")
    dateline = place_name(place) if found and names else None
    if dateline is None or split_names(names) is None:
        return piece
    meta.dateline = meta.dateline or dateline
    return names


def _account_place(piece: str, meta: Meta) -> bool:
    place = place_name(piece)
    meta.dateline = meta.dateline or place
    return place is not None
