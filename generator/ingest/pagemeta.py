"""A saved page's headline, byline and publication time, from its markup. Pure.

The metadata half of :mod:`.html`: trafilatura's title and byline, htmldate's date, each checked
against what the page itself prints, with the text ingest's vocabulary (names, dates and zones).

htmldate drops dates after its ``max_date``, which defaults to the day it runs: a page dated
ahead would build differently from one day to the next. :data:`LATEST_DATE` fixes it.
"""

from __future__ import annotations

import itertools
import re
import warnings
from contextlib import contextmanager
from datetime import datetime

import htmldate
import lxml.html
from dateutil.parser import UnknownTimezoneWarning

from .dates import UPDATED, FoundDate, dates_in, starts_with_label
from .names import is_outlet, is_role, names_and_role, valid_name, without_outlet

LATEST_DATE = "2099-12-31"
"""The latest publication date htmldate accepts (see the module docstring)."""
EARLIEST_DATE = "1990-01-01"
"""The earliest: before the web, a date in the markup is not the page's."""

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_SPACE = re.compile(r"\s+")


def page_published(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """(publication time as ISO 8601, its zone abbreviation as printed or None): htmldate's,
    with the time the page prints for that day when it prints one (``_shown_time``)."""
    published = _markup_date(tree)
    shown = _shown_time(tree, published[:10]) if published else None
    if shown is not None and not _has_offset(shown.iso) and _has_offset(published) \
            and published[11:16] == shown.iso[11:16]:
        shown = None  # the markup's timestamp: the same clock time, and its offset
    return (shown.iso, shown.zone) if shown is not None else (published, None)


def _markup_date(tree: lxml.html.HtmlElement) -> str | None:
    """The publication time htmldate reads from the page (its markup and its text), ISO 8601:
    with its time only when that comes with a UTC offset (a machine-readable timestamp), else
    the date alone. Times without an offset are readings of the page's text, often wrong (on
    the tuning half 3 of 5 lost their "PM" or were UTC read as local), and htmldate writes
    midnight when it has no time. The text search gives 1 January of the copyright year when it
    finds nothing better: that is no date, so it is not taken."""
    found = _find_date(tree, extensive=True)
    if found and found[5:10] == "01-01" and _find_date(tree, extensive=False) != found:
        return None  # the copyright year's stand-in, which the markup does not give
    if not found:
        return None
    try:
        return datetime.strptime(found, _TIME_FORMAT).isoformat()
    except ValueError:  # no offset: the date alone
        return found[:10]


_DATE_HOLDER = re.compile(r"date|time|publish|posted|byline|dateline", re.I)
_MAX_DATE_TEXT = 150
"""Longest text of an element read as a date line (a byline and its date, not a paragraph)."""


def _shown_time(tree: lxml.html.HtmlElement, day: str) -> FoundDate | None:
    """The publication time the page prints on ``day`` (htmldate's date), read by the text
    ingest's date reader (:func:`.dates.dates_in`, with its zone table) from a ``<time>``
    element or one whose class, id or itemprop names a date or byline, else from the short
    texts under the page's ``<h1>``: the first that gives a time, not an "Updated" one unless
    the page prints no other. Printed, it is in the page's own zone ("2:19 PM ET"), where the
    markup's timestamp is often UTC or has no time at all; on the tuning half it gives the time
    of 29 of the 55 pages, 27 of them right (htmldate's alone: 21). When it prints no zone and
    the markup's timestamp has the same clock time with its offset, the timestamp (which says
    more) is kept."""
    printed = _printed(_date_texts(tree), day) or _printed(_texts_under_the_headline(tree), day)
    # A page that prints only its "Updated" time gives that as the publication time, as the
    # text ingest and the gold read it ("Updated: Oct 9, 2019, 11:05 IST").
    return next((found for found in printed if found.kind != UPDATED), printed[0] if printed else None)


def _printed(texts, day: str) -> list[FoundDate]:
    return [found for text in texts for found in dates_in(text) if found.iso[:10] == day and "T" in found.iso]


_UNDER_THE_HEADLINE = 40
"""How many elements after the page's ``<h1>`` may hold its date line."""


def _texts_under_the_headline(tree: lxml.html.HtmlElement):
    """The short texts of the elements that follow the page's first ``<h1>`` in document order:
    where the date line stands when no element's name says it is one ("December 14, 2016 2:24
    pm")."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return
    following = (e for e in headline.xpath("following::*") if e.tag not in ("script", "style", "noscript"))
    for element in itertools.islice(following, _UNDER_THE_HEADLINE):
        text = one_line(element.text_content())
        if text and len(text) <= _MAX_DATE_TEXT:
            yield text


def _date_texts(tree: lxml.html.HtmlElement):
    """The texts of the ``<time>`` elements and of those whose class, id or itemprop names a
    date or a byline, short enough to be a date line."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("head", "script", "style", "noscript"):
            continue
        named = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
        if element.tag != "time" and not _DATE_HOLDER.search(named):
            continue
        text = one_line(element.text_content())
        if text and len(text) <= _MAX_DATE_TEXT:
            yield text


def _has_offset(moment: str) -> bool:
    """Whether an ISO 8601 time states its UTC offset."""
    return len(moment) > 19 and moment[19] in "+-"


@contextmanager
def unknown_zones_unreported():
    """dateutil, under htmldate (and trafilatura, which calls it), warns on stderr of each zone
    name it does not know ("EST"); the zone is read from the printed time instead
    (``_shown_time``), so within this block the warning is not shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        yield


def _find_date(tree: lxml.html.HtmlElement, extensive: bool) -> str | None:
    with unknown_zones_unreported():
        return htmldate.find_date(tree, extensive_search=extensive, original_date=True, outputformat=_TIME_FORMAT,
                                  deferred_url_extractor=True, min_date=EARLIEST_DATE, max_date=LATEST_DATE)


def one_line(value: str | None) -> str:
    """Text with its white space collapsed, as ingest gives a line's."""
    return _SPACE.sub(" ", value or "").strip()


_TITLE_METAS = ("og:title", "twitter:title")
_LEADING_HEADINGS = 2
"""Headings of the body before its first paragraph that may be the headline."""


def page_headline(tree: lxml.html.HtmlElement, meta_title: str | None, leading: list[str]) -> str | None:
    """The headline as the page prints it: of its first ``<h1>`` elements and the ``leading``
    headings that open trafilatura's body, the one the page's titles (trafilatura's, ``og:title``,
    ``twitter:title``, ``<title>``, which add the site's name or differ a little) name best —
    most of its words in a title and half that title's words in it — else trafilatura's title.
    (A logo in an ``<h1>``, "POLITICO Politico Logo", is not named by "Insiders: … - POLITICO".)"""
    titles = [one_line(m.get("content")) for m in tree.xpath("//meta[@property or @name]")
              if (m.get("property") or m.get("name") or "").lower() in _TITLE_METAS]
    titles += [one_line(t.text_content()) for t in tree.xpath("//head/title")]
    title_words = [set(fold(t).split()) for t in titles if t]
    candidates = [one_line(h.text_content()) for h in tree.xpath("//body//h1")[:3]] + leading[:_LEADING_HEADINGS]
    best, best_score = None, 0.0
    for candidate in candidates:
        words = set(fold(candidate).split())
        for wanted in title_words:
            if not words or not wanted:
                continue
            shared = len(words & wanted)
            named, naming = shared / len(words), shared / len(wanted)
            if named >= 0.8 and naming >= 0.5 and named + naming > best_score:
                best, best_score = candidate, named + naming
    return best or one_line(meta_title) or None


def fold(text: str) -> str:
    """Text with case and punctuation folded, for comparing titles."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def page_byline(author: str | None) -> tuple[str, ...]:
    """trafilatura's byline ("Jane Doe; John Roe") as names, told apart by the text ingest's
    byline vocabulary (:mod:`.names`): a job title after a name goes ("Sam Stein Senior Politics
    Editor"), and so do an outlet after it ("Pete Evans · CBC News"), pieces that are no name
    ("Updated Oct 9", "Dec") and outlets beside a person; an outlet alone is the credit, as in
    the gold's convention (tuning half: byline 0.673→0.764, none lost)."""
    people, outlets = [], []
    for piece in (one_line(piece) for piece in (author or "").split(";")):
        if not piece or starts_with_label(piece):  # "Updated Oct 9" (trafilatura drops the digits)
            continue
        if (names := names_and_role(piece)) is not None:
            people.extend(names)
        elif is_outlet(piece) or is_role(piece):
            outlets.append(piece)
        elif valid_name(name := without_outlet(piece)) and len(name.split()) >= 2:
            people.append(name)
    return tuple(people) if people else tuple(outlets[:1])
