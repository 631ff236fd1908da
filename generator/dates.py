"""The calendar's vocabulary (month and weekday names) and helpers for the ISO 8601 strings the
model carries (display and ordering): the one dates module every stage shares. Reading dates is
each stage's own: ingest reads the page's date lines (ingest/dates.py), extract resolves the dates
in the text (extract/dates.py)."""

from __future__ import annotations

from datetime import date, datetime, timezone


MONTHS = {name: i for i, names in enumerate((
    "January Jan", "February Feb", "March Mar", "April Apr", "May", "June Jun", "July Jul",
    "August Aug", "September Sep Sept", "October Oct", "November Nov", "December Dec"), start=1)
    for name in names.split()}
"""Month names and abbreviations → month number (capitalised, as they are written)."""

WEEKDAYS = {name: i for i, names in enumerate((
    "Monday Mon", "Tuesday Tue Tues", "Wednesday Wed", "Thursday Thu Thur Thurs", "Friday Fri",
    "Saturday Sat", "Sunday Sun"))
    for name in names.split()}
"""Weekday names → Python weekday number (Monday = 0)."""


def parse_iso(value: str) -> datetime | date:
    """An ISO date or datetime string from the model as a date or aware/naive datetime."""
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


def instant_key(value: str) -> tuple[int, ...]:
    """A sortable key: the UTC instant for aware datetimes, the calendar date otherwise."""
    parsed = parse_iso(value)
    if isinstance(parsed, datetime):
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(timezone.utc)
        return (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second)
    return (parsed.year, parsed.month, parsed.day, 0, 0, 0)


def display_date(value: str) -> str:
    """"27 May 2026" for a date or datetime string."""
    parsed = parse_iso(value)
    return f"{parsed.day} {parsed.strftime('%B %Y')}"


def display_datetime(value: str, zone_label: str | None = None) -> str:
    """"27 May 2026 04:37 IST" (time and zone only when the source gave them)."""
    parsed = parse_iso(value)
    text = display_date(value)
    if isinstance(parsed, datetime):
        text += f" {parsed.strftime('%H:%M')}"
        if zone_label:
            text += f" {zone_label}"
        elif parsed.tzinfo is not None:
            text += f" UTC{parsed.strftime('%z')[:3]}:{parsed.strftime('%z')[3:]}"
    return text


def display_event_date(value: str, precision: str, approximate: bool = False) -> str:
    """A timeline date shown at its own precision: "26 May 2026", "February 2026", "2026", with
    "around " before an approximate one. A month is never shown as its 1st."""
    parts = value.split("-")
    if precision == "year" or len(parts) == 1:
        text = parts[0]
    elif precision == "month" or len(parts) == 2:
        text = date(int(parts[0]), int(parts[1]), 1).strftime("%B %Y")
    else:
        text = display_date(value)
    return f"around {text}" if approximate else text


def event_sort_key(event) -> tuple:
    """Chronological order for dates of mixed precision: a year-precision event sorts before the
    months of its year, a month-precision one before the days of its month; an approximate date
    after an exact one on the same value."""
    parts = [int(p) for p in event.date.split("-")]
    parts += [0] * (3 - len(parts))
    return (*parts, event.approximate)
