"""The archive-wide timeline: every resolved date of every briefing, grouped by year and month.

Pages: ``timeline/index.md`` (each year and month with its first few events and a count),
``timeline/YYYY/MM.md`` (every event dated in that month) and ``timeline/YYYY/index.md`` (events
known only to the year, and the year's months). Events are filed under the date they happened,
not the date of the article. Splitting by month keeps every page small however large the archive
grows, so building the timeline stays linear in the number of events.

Also registers, for the briefing page's timeline partial, the helpers that name an event's place
on these pages.
"""

from __future__ import annotations

import re
from markupsafe import Markup

from .. import dates
from ..dates import event_sort_key
from ..mdtext import Md, escape_html, escape_md
from ..model import Archive, Page, TimelineEntry
from . import pages

PREVIEW = 5
"""Events shown per month on the timeline's index page; the month page has them all."""


def group_key(entry: TimelineEntry) -> tuple[str, str | None]:
    """(year, month) the event is filed under; month is None for year-precision events."""
    parts = entry.event.date.split("-")
    return parts[0], (parts[1] if entry.event.precision != "year" and len(parts) > 1 else None)


def group_path(year: str, month: str | None) -> str:
    """docs/ path of the page holding a (year, month) group."""
    return f"timeline/{year}/index.md" if month is None else f"timeline/{year}/{month}.md"


def timeline_path(event) -> str:
    """docs/ path of the archive timeline page that lists ``event``."""
    return group_path(*group_key(TimelineEntry(slug="", index=0, event=event)))


def timeline_anchor(entry: TimelineEntry) -> Md:
    """Id of an event on its archive timeline page (unique: briefing slug + position). Slugs are
    made by the generator ([a-z0-9-] only), so the id is safe to print as is."""
    return Md(f"t-{entry.slug}-e{entry.index + 1}")


def timeline_of(page: Page) -> list[TimelineEntry]:
    """A briefing's events as timeline entries in date order (ties: text order)."""
    entries = [TimelineEntry(slug=page.slug, index=i, event=e) for i, e in enumerate(page.briefing.events)]
    return sorted(entries, key=lambda t: event_sort_key(t.event))


EXCERPT_WORDS = 8
"""Words kept either side of the date expression in an excerpt (see ``marked_excerpt``)."""
_WORD_AFTER = re.compile(r"\s*\S+")
_WORD_BEFORE = re.compile(r"\S+\s*")


def _expression_at(text: str, sentence: str) -> int:
    """Offset of the date expression ``text`` in ``sentence``, or -1."""
    text = text.strip()
    # Case-insensitive ("around 20 May" in "Around 20 May …") when lowering keeps offsets.
    folded = sentence.lower() if len(sentence.lower()) == len(sentence) else sentence
    return folded.find(text.lower() if folded is not sentence else text) if text else -1


def _marked(text: str, start: int, end: int) -> Markup:
    """``text`` HTML-escaped, with ``text[start:end]`` in ``<mark>`` (nothing marked if empty)."""
    if end <= start:
        return escape_html(text)
    return escape_html(text[:start]) + Markup("<mark>") + escape_html(text[start:end]) + Markup("</mark>") + \
        escape_html(text[end:])


def marked_sentence(event) -> Markup:
    """The event's sentence as escaped HTML (timelines are raw-HTML lists, see pages.Linker) with
    its date expression in ``<mark>``, so the reader sees which words gave the date (the plain
    sentence when the expression is not in it)."""
    start = _expression_at(event.text, event.sentence)
    end = start + len(event.text.strip()) if start >= 0 else start
    return _marked(event.sentence, start, end)


def marked_excerpt(event, words: int = EXCERPT_WORDS) -> Markup:
    """Like ``marked_sentence``, cut to ``words`` words either side of the date expression, with
    "…" where words were left out. Entity pages list each event once per entity in its sentence,
    so at scale full sentences there are a large share of the site; the link beside the excerpt
    leads to the whole paragraph."""
    sentence = event.sentence.strip()
    start = _expression_at(event.text, sentence)
    if start < 0:  # no expression to centre on: the sentence's opening words
        start = end = 0
    else:
        end = start + len(event.text.strip())
    before = _WORD_BEFORE.findall(sentence[:start])
    after = _WORD_AFTER.findall(sentence[end:])
    cut_start = len("".join(before[:-words])) if len(before) > words else 0
    cut_end = end + len("".join(after[:words if start != end else 2 * words]))
    marked = _marked(sentence[cut_start:cut_end], start - cut_start, end - cut_start)
    return Markup("… " if cut_start else "") + marked + Markup(" …" if cut_end < len(sentence) else "")


pages._ENV.globals.update(timeline_of=timeline_of, timeline_path=timeline_path,
                          timeline_anchor=timeline_anchor, marked_sentence=marked_sentence,
                          marked_excerpt=marked_excerpt)


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
    return meta + pages._ENV.get_template(template).render(
        link=pages.Linker(path), title=escape_md(title), **context)


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
