"""Time-zone abbreviations as news sites print them, mapped to an offset or an IANA zone.

Why a table of our own: abbreviations are ambiguous and date libraries guess. dateparser 1.5
reads "IST" as +02:00 (Israel), while the sites we scrape mean India (+05:30). Every entry here is
a deliberate choice for English-language news pages, and the ambiguous ones say what they chose.

Two kinds of entry:

* a fixed offset, for abbreviations that already name standard or summer time ("EDT", "BST");
* an IANA zone name, for abbreviations that name a region without saying whether summer time is
  in force ("ET", "PT", "UK"): the offset is the one in force in that zone on that date, so
  "March 12, 2019 9:14 PM ET" is -04:00 (DST began on March 10) and "January 5, 2019 ET" -05:00.
"""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

# Offsets in minutes east of UTC.
_FIXED_MINUTES: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
    "BST": 60,         # British Summer Time (not Bangladesh Standard Time)
    "IST": 330,        # India Standard Time (not Irish or Israel time): see module docstring
    "CET": 60, "CEST": 120, "WAT": 60, "WEST": 60,
    "EET": 120, "EEST": 180, "SAST": 120, "CAT": 120,
    "MSK": 180, "EAT": 180, "AST": 180,  # AST: Arabia Standard Time (Gulf papers), not Atlantic
    "GST": 240,        # Gulf Standard Time
    "PKT": 300, "NPT": 345, "BDT": 360,
    "ICT": 420, "WIB": 420,
    "SGT": 480, "HKT": 480, "PHT": 480, "AWST": 480, "MYT": 480,
    "JST": 540, "KST": 540,
    "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780,
    # North America: the standard/daylight forms are fixed offsets by definition.
    "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300,   # US Central (not China Standard Time)
    "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600,
}

# Region names without a season: resolved in the zone at the article's own date.
_ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "UK": "Europe/London",
    "AET": "Australia/Sydney",
}

# Zone names as pages spell them out ("8:15 AM Eastern Time"), to the abbreviation above.
NAMES: dict[str, str] = {
    "eastern time": "ET", "eastern standard time": "EST", "eastern daylight time": "EDT",
    "central time": "CT", "central standard time": "CST", "central daylight time": "CDT",
    "mountain time": "MT", "mountain standard time": "MST", "mountain daylight time": "MDT",
    "pacific time": "PT", "pacific standard time": "PST", "pacific daylight time": "PDT",
    "greenwich mean time": "GMT", "coordinated universal time": "UTC", "british summer time": "BST",
    "india standard time": "IST", "indian standard time": "IST",
    "central european time": "CET", "central european summer time": "CEST",
    "eastern european time": "EET", "eastern european summer time": "EEST",
    "japan standard time": "JST", "korea standard time": "KST", "singapore time": "SGT",
    "hong kong time": "HKT", "gulf standard time": "GST", "pakistan standard time": "PKT",
    "australian eastern standard time": "AEST", "australian eastern daylight time": "AEDT",
    "new zealand standard time": "NZST", "new zealand daylight time": "NZDT",
}

MONTH_FIRST: frozenset[str] = frozenset({
    "ET", "CT", "MT", "PT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
})
"""Zones of the United States, whose sites write numeric dates month first ("06/03/2021")."""

ABBREVIATIONS: frozenset[str] = frozenset(_FIXED_MINUTES) | frozenset(_ZONES)
"""Every abbreviation this table knows, upper case."""


@lru_cache(maxsize=None)
def _fixed(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def zone_for(abbreviation: str) -> tzinfo | None:
    """The tzinfo for an abbreviation (any case), or None when the table does not know it."""
    key = abbreviation.upper()
    if key in _FIXED_MINUTES:
        return _fixed(_FIXED_MINUTES[key])
    if key in _ZONES:
        return ZoneInfo(_ZONES[key])
    return None


def offset_zone(sign: str, hours: int, minutes: int) -> timezone:
    """A fixed zone for a numeric offset such as ``+05:30`` or ``GMT-4``."""
    total = hours * 60 + minutes
    return _fixed(-total if sign in "-\u2212" else total)
