"""Find and read the publication dates printed in a seed's header lines.

Why our own regexes instead of ``dateparser.search_dates``: on header text it is slow (~30 ms per
article), reads "IST" as Israel time and takes words such as "We" or "4 min" for dates. The header
formats news sites use are few and regular, so we match them exactly and build the datetime
ourselves; time zones come from the explicit table in :mod:`generator.ingest.timezones`.

Formats read (any case, optional weekday, optional "at", commas and slashes between parts):

* ``May 27, 2026 04:37 AM IST`` and ``March 12, 2019 9:14 PM ET``  (month day, year [time] [zone])
* ``12 March 2019`` and ``Mon 3 Jun 2019 14.05 BST``              (day month year [time] [zone])
* ``18:45 GMT, 3 June 2021``                                       (time [zone], then the date)
* ``3-Jun-2021`` and ``2021/06/03``
* ``2019-03-12``, ``2019-03-12 14:05``, ``2019-03-12T14:05:00Z``, ``…+05:30`` (ISO 8601)
* zones as abbreviations from the table, ``UTC+5:30``/``GMT-4`` or ``+05:30``

A date without a time gives a date alone (``2019-03-12``); a time without a zone gives a local
time without an offset; with a zone, an ISO 8601 time with the offset in force on that date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ..dates import MONTHS
from .timezones import ABBREVIATIONS, MONTH_FIRST, NAMES, offset_zone, zone_for

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A year may run into the time after it ("December 15, 20163:33 PM ET", as scrapers join the
# page's spans) and may be printed with an apostrophe ("14 January '15").
_YEAR = r"(?:(?P<year>(?:19|20)\d\d)|['\u2019](?P<yy>\d\d))(?:(?!\d)|(?=[0-2]?\d[:.][0-5]\d))"

# A date may follow a word with no space when the scraper ran two spans together
# ("ReutersDecember 15, 2016"): a capital after a small letter starts a word too.
_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"

_DATE_PATTERNS = (
    re.compile(rf"{_START}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(rf"{_START}{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", re.I),
    re.compile(rf"{_START}{_DAY}-{_MONTH}-{_YEAR}", re.I),  # "3-Jun-2021"
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"),  # "2021/06/03"
    re.compile(
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"(?:\s*(?P<iso_zone>Z|[+-][0-2]\d:?[0-5]\d))?)?(?![\d:])"
    ),
)

# A day and month without a year ("Updated: 3 June, 18:45 BST"): read only after a date label or
# next to a time, and given the year of another date in the header (see generator.ingest).
_YEARLESS_PATTERNS = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?!\d)(?!,?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH}(?!,?\s*(?:19|20)\d\d)", re.I),
)
# "06/03/2021 06:45 PM EDT" (Politico), "03-06-2026 at 18:45 IST" (Indian Express), "03.06.2021":
# month first next to a US zone (or when the second number is over 12), else day first as in
# most of the world.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/.\-])"
)
# "10/9/10 7:15 AM EDT", "01-09-17", "12.18.14 10:00AM", "10/ 5/11 09:19 PM ET" (a day padded
# with a space): a two-digit year, month first as US pages print it; read only
# next to a time or as the whole line, where it cannot be a fraction or a score, and not next to
# a zone outside the US (whose pages write the day first: too ambiguous to read).
_SHORT_NUMERIC_DATE = re.compile(
    r"(?<![\w/.\-])(?P<a>[01]?\d)(?P<sep>[/.\-]) ?(?P<b>[0-3]?\d)(?P=sep)(?P<yy>\d\d)(?![\d/.\-])"
)
_DIGIT_SEPARATOR = re.compile(r"\d[/.\-]\d")  # a cheap test before _NUMERIC_DATE's lookarounds
_CLOCK = re.compile(r"\d[:.][0-5]\d")
_LABEL_WORDS = ("publish", "updat", "posted", "modif", "created", "released", "edited", "revised")
_LEAP_YEAR = 2000  # checks "29 February" without a year; the real year is filled in later

# A zone abbreviation must be printed in capitals: "at" or "et" inside prose are not zones.
_ZONE = (
    r"(?:\(?(?:(?:UTC|GMT)\s*)?(?P<sign>[+\-\u2212])(?P<off_h>[01]?\d)(?::?(?P<off_m>[0-5]\d))?(?!\d)\)?"
    r"|\(?(?-i:(?P<abbr>[A-Z]{1,5}))\)?(?![A-Za-z]))"
)
_TIME = (
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    # "2:00 PMTags": a widget's label run into the meridiem (a capital, then lower case) ends it too
    r"(?:\s*(?P<ampm>[ap])\.?\s?m(?:\b|(?=(?-i:[A-Z][a-z])))\.?)?"
    rf"(?:,?\s*{_ZONE})?"  # "18:45, UK" (Sky News)
)
_TIME_AFTER = re.compile(rf"(?::\s)?[\s,/|\u00b7\u2022\-]*(?:at\s+)?{_TIME}", re.I)
_TIME_BEFORE = re.compile(rf"{_TIME}[\s,/|\u00b7\u2022]*(?:on\s+)?$", re.I)

_LABEL = re.compile(
    r"(?P<label>first\s+published|originally\s+published|published|posted|created|released"
    r"|(?:last\s+)?updated|(?:last\s+)?modified|edited|revised)"
    r"(?:\s+(?:on|at))?\s*[:\-\u2013]?\s*$",
    re.I,
)

PUBLISHED, UPDATED, FIRST_PUBLISHED, UNLABELLED = "published", "updated", "first", "unlabelled"


class DateError(ValueError):
    """A date that matches a known format but is not a real date or time (31 February, 25:00)."""


@dataclass(frozen=True)
class FoundDate:
    """A date expression found in a line."""

    start: int
    """Offset where the expression (with its label, if any) starts."""
    end: int
    """Offset one past its end."""
    iso: str
    """The date or time as ISO 8601."""
    kind: str
    """published, updated, first (first published) or unlabelled."""
    zone: str | None = None
    """The zone abbreviation as printed ("IST"), upper case; None for offsets or no zone."""
    with_year: Callable[[int], "FoundDate"] | None = field(default=None, compare=False, repr=False)
    """For a date printed without a year: the same date in a given year; None otherwise."""
    year_from: str | None = None
    """For such a date once its year is filled in: where the year came from; None otherwise."""
    away_line: int | None = None
    """1-based seed line of a date taken from away from the header (a last resort); else None."""


def _label_kind(label: str) -> str:
    word = label.lower()
    if word.startswith(("first", "originally")):
        return FIRST_PUBLISHED
    if word.startswith(("published", "posted", "created", "released")):
        return PUBLISHED
    return UPDATED


def _to_iso(day: date, time: re.Match | None, iso_zone: str | None = None, zone: re.Match | None = None) -> str:
    """The ISO 8601 form of ``day`` at ``time``, in the zone the time prints, or ``iso_zone``, or
    the ``zone`` printed after the date ("22:00, 11 July 2021 BST")."""
    if time is None or time.group("hour") is None:
        return day.isoformat()
    hour, minute = int(time.group("hour")), int(time.group("minute"))
    second = int(time.group("second") or 0)
    ampm = (time.groupdict().get("ampm") or "").lower()
    if ampm and 13 <= hour <= 23:
        ampm = ""  # "14:30 pm": a 24-hour time with a needless suffix
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f"{hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    try:
        moment = datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError as exc:
        raise DateError(str(exc)) from None
    offset = _zone(zone or time, iso_zone)
    return (moment.replace(tzinfo=offset) if offset else moment).isoformat()


def _zone(time: re.Match, iso_zone: str | None):
    if iso_zone:
        if iso_zone.upper() == "Z":
            return zone_for("UTC")
        digits = iso_zone[1:].replace(":", "")
        return offset_zone(iso_zone[0], int(digits[:2]), int(digits[2:]))
    groups = time.groupdict()
    if groups.get("sign"):
        return offset_zone(groups["sign"], int(groups["off_h"]), int(groups["off_m"] or 0))
    if groups.get("abbr"):
        return zone_for(groups["abbr"])  # None for an unknown word: a local time, no offset
    return None


def _century(two_digits: int) -> int:
    """The year of a two-digit year: news pages print them for recent years."""
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def _calendar_day(match: re.Match, year: int | None = None) -> date:
    groups = match.groupdict()
    month = int(groups["month"]) if groups.get("month") else MONTHS[groups["mon"][:3].capitalize()]
    if year is None:
        year = int(groups["year"]) if groups.get("year") else _century(int(groups["yy"]))
    try:
        return date(year, month, int(groups["day"]))
    except ValueError as exc:
        raise DateError(f"{match.group(0).strip()!r} is not a calendar date ({exc})") from None


def _time_next_to(text: str, start: int, end: int) -> tuple[re.Match | None, int, int]:
    """The time printed just after (or else just before) a date, and the widened span.

    A capitalised word after a time counts as its zone only when the timezone table knows it;
    otherwise ("9:14 PM NEW DELHI") the span stops before it and the word stays for the dateline.
    """
    after = _TIME_AFTER.match(text, end)
    if after:
        return after, start, after.end() if _zone_known(after) else after.start("abbr")
    before = _TIME_BEFORE.search(text, 0, start)
    if before and _zone_known(before):
        return before, before.start(), end
    return None, start, end


def _zone_after(text: str, time: re.Match | None, end: int) -> re.Match | None:
    """The zone printed after the date when its time stands before it without one
    ("22:00, 11 July 2021 BST"); None otherwise, or when the table does not know the word."""
    if time is None or time.end() > end or time.group("abbr") or time.group("sign"):
        return None
    zone = _ZONE_AFTER.match(text, end)
    return zone if zone and (zone.group("sign") or _zone_known(zone)) else None


_ZONE_AFTER = re.compile(rf"[\s,]*{_ZONE}")


def _printed_zone(time: re.Match | None) -> str | None:
    abbr = time.groupdict().get("abbr") if time else None
    return abbr.upper() if abbr and _zone_known(time) else None


def _zone_known(time: re.Match) -> bool:
    abbr = time.group("abbr")
    return abbr is None or abbr.upper() in ABBREVIATIONS


_ZONE_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)) + r")\b", re.I | re.ASCII
)


def _zone_names_as_abbreviations(text: str) -> str:
    """ "8:15 AM Eastern Time" read as "8:15 AM ET": each spelled-out zone name becomes its
    abbreviation, padded with spaces to the same length so that every offset stays right."""
    return _ZONE_NAME.sub(lambda m: NAMES[" ".join(m.group(0).lower().split())].ljust(len(m.group(0))), text)


def find_dates(text: str) -> list[FoundDate]:
    """Every date expression in ``text`` (a header line), in order, with its label kind.

    Raises DateError when an expression has the shape of a date but is not a real one.
    """
    if "time" in text.lower():
        text = _zone_names_as_abbreviations(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            day = _calendar_day(match)
            zone = None
            if match.groupdict().get("hour") is not None:
                time, start, end = match, match.start(), match.end()
                iso = _to_iso(day, match, match.group("iso_zone"))
            else:
                time, start, end = _time_next_to(text, match.start(), match.end())
                zone = _zone_after(text, time, end)
                end = zone.end() if zone else end
                iso = _to_iso(day, time, zone=zone)
            kind, start = _labelled(text, start)
            taken.append((start, end))
            found.append(FoundDate(start, end, iso, kind, _printed_zone(zone or time)))
    if _DIGIT_SEPARATOR.search(text):
        found.extend(_numeric_dates(text, taken))
    if not found:  # a line with a full date prints its other dates in full too
        found.extend(_yearless_dates(text, taken))
    found.sort(key=lambda f: f.start)
    return found


def dates_in(text: str) -> list[FoundDate]:
    """:func:`find_dates`, with an impossible date (31 February) read as no date: for the
    readers that look for a date line by shape, where such a line is simply not one."""
    try:
        return find_dates(text)
    except DateError:
        return []


def _labelled(text: str, start: int) -> tuple[str, int]:
    """The kind of a date starting at ``start`` and where its label (if any) starts."""
    label = _LABEL.search(text, 0, start)
    return (_label_kind(label.group("label")), label.start()) if label else (UNLABELLED, start)


def _numeric_dates(text: str, taken: list[tuple[int, int]]) -> list[FoundDate]:
    """Dates written with numbers and slashes (see ``_NUMERIC_DATE``)."""
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        time, start, end = _time_next_to(text, match.start(), match.end())
        first, second = int(match.group("a")), int(match.group("b"))
        month_first = second > 12 or (first <= 12 and _printed_zone(time) in MONTH_FIRST)
        month, day = (first, second) if month_first else (second, first)
        try:
            day_date = date(int(match.group("year")), month, day)
        except ValueError as exc:
            raise DateError(f"{match.group(0)!r} is not a calendar date ({exc})") from None
        kind, start = _labelled(text, start)
        taken.append((start, end))
        found.append(FoundDate(start, end, _to_iso(day_date, time), kind, _printed_zone(time)))
    for match in _SHORT_NUMERIC_DATE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        time, start, end = _time_next_to(text, match.start(), match.end())
        if time is None and text.strip() != match.group(0):
            continue
        zone = _printed_zone(time)
        if zone is not None and zone not in MONTH_FIRST:
            continue  # "01/09/17 10:00 IST": day or month first? Outside the US, not read
        if match.group("sep") == "." and zone is None and int(match.group("b")) <= 12:
            continue  # "05.12.14 10:00": dots are mostly day first; read only when unambiguous ("12.18.14")
        try:
            day_date = date(_century(int(match.group("yy"))), int(match.group("a")), int(match.group("b")))
        except ValueError:
            continue  # "13/10/09" is not month first: not a date this reads
        kind, start = _labelled(text, start)
        taken.append((start, end))
        found.append(FoundDate(start, end, _to_iso(day_date, time), kind, _printed_zone(time)))
    return found


def _yearless_dates(text: str, taken: list[tuple[int, int]]) -> list[FoundDate]:
    """Dates printed without a year, when labelled or next to a time (see ``_YEARLESS_PATTERNS``)."""
    low = text.lower()
    if not (_CLOCK.search(text) or any(word in low for word in _LABEL_WORDS)):
        return []  # neither a time nor a label: nothing to look for (and the patterns are slow)
    found = []
    for pattern in _YEARLESS_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            _calendar_day(match, _LEAP_YEAR)  # a DateError for "30 February"
            time, start, end = _time_next_to(text, match.start(), match.end())
            kind, start = _labelled(text, start)
            if time is None and kind == UNLABELLED:
                continue

            def with_year(year: int, match=match, time=time, start=start, end=end, kind=kind) -> FoundDate:
                return FoundDate(start, end, _to_iso(_calendar_day(match, year), time), kind, _printed_zone(time))

            taken.append((start, end))
            found.append(replace(with_year(_LEAP_YEAR), with_year=with_year))
    return found


def starts_with_label(text: str) -> bool:
    """True when a line begins with a date label that must be followed by a date.

    "Updated: …", "Published on 3 …", "Updated 18:45 …" count; "Updated figures show…" or
    "Posted at the border…" (prose that starts with the same word) do not.
    """
    return _LABEL_AT_START.match(text) is not None


_LABEL_AT_START = re.compile(
    r"\W*(?:this\s+article\s+was\s+)?(?:first\s+published|originally\s+published|published|posted"
    r"|(?:last\s+)?updated|(?:last\s+)?modified)\b"
    r"(?=(?:\s+(?:on|at))?\s*:"
    r"|(?:\s+(?:on|at)|\s+[-\u2013\u2014])?\s+(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)[a-z]*\b))",
    re.I,
)
