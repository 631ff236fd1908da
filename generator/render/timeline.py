"""The archive-wide timeline: every resolved date of every briefing, grouped by year and month.

Pages: ``timeline/index.md`` (each year and month with its first few events and a count),
``timeline/YYYY/MM.md`` (every event dated in that month) and ``timeline/YYYY/index.md`` (events
known only to the year, and the year's months). Events are filed under the date they happened,
not the date of the article. Splitting by month keeps every page small however large the archive
grows, so building the timeline stays linear in the number of events.

The helpers that name an event's place on these pages (used by briefing and entity pages too)
are in events.py.
"""

from __future__ import annotations

from .. import dates
from ..mdtext import escape_md
from ..model import Archive, TimelineEntry
from . import pages
from .events import group_key, group_path

PREVIEW = 5
"""Events shown per month on the timeline's index page; the month page has them all."""


def month_label(year: str, month: str | None) -> str:
    return dates.display_event_date(f"{year}-{month}" if month else year,
                                   "month" if month else "year")


def groups(archive: Archive) -> dict[str, dict[str | None, list[TimelineEntry]]]:
    """year → month (None first) → entries, all in date order."""
    out: dict[str, dict[str | None, list[TimelineEntry]]] = {}
    for entry in archive.timeline:  # already in date order
        year, month = group_key(entry)
        out.setdefault(year, {}).setdefault(month, []).append(entry)
    return out


def _render(template: str, path: str, title: str, **context) -> str:
    meta = pages.front_matter({"title": title, **pages.LISTING})
    return meta + pages.ENV.get_template(template).render(
        link=pages.Linker(path, context["archive"].engine), title=escape_md(title), **context)


def render_group(archive: Archive, by_year: dict, year: str, month: str | None) -> str:
    """The page of one (year, month) group (month None: the year's page); ``by_year`` is
    :func:`groups` of the archive, computed once for all the pages."""
    months = by_year[year]
    if month is not None:
        path = group_path(year, month)
        return _render("timeline_month.md.j2", path, f"Timeline: {month_label(year, month)}",
                       archive=archive, entries=months[month], year=year, up=group_path(year, None))
    return _render("timeline_year.md.j2", group_path(year, None), f"Timeline: {year}", archive=archive,
                   year=year, months=months, entries=months.get(None, []),
                   group_path=group_path, label=month_label)


def files(archive: Archive, index: bool = True, months: bool = True) -> dict[str, str]:
    """The timeline index (without it when ``index`` is False) and one page per month and one
    per year (none when ``months`` is False: the incremental render, generator.incremental.renders,
    renders them one by one as page units, see units.py)."""
    by_year = groups(archive)
    out = {"timeline/index.md": _render(
        "timeline.md.j2", "timeline/index.md", "Timeline", archive=archive, years=by_year,
        preview=PREVIEW, group_path=group_path, label=month_label, total=len(archive.timeline))} if index else {}
    if months:
        for year, by_month in by_year.items():
            for month in by_month:
                if month is not None:
                    out[group_path(year, month)] = render_group(archive, by_year, year, month)
            out[group_path(year, None)] = render_group(archive, by_year, year, None)
    return out
