"""A saved web page (``seeds/*.html``) becomes an :class:`generator.model.Article`. Pure: no file I/O.

A text seed is what a scraper copied off the page; a saved page is the page itself, markup and
all. We do not write a second article finder for markup: trafilatura (a maintained library made
for exactly this, and the anchor ``make eval`` scores our text ingest against) finds the body
and the page's metadata, and htmldate (trafilatura's own date finder) the publication date.

1. **Decoding**: UTF-8 (a byte-order mark allowed), else the charset the page declares in its
   ``<meta>``; a page that is neither is refused naming the line and column of the first bad
   byte, like a text seed.
2. **Metadata**: the headline is the page's ``<h1>`` when it is the headline trafilatura reads
   from the page's metadata (``og:title``, ``<title>``) without the site's name, else that
   metadata title; the byline is trafilatura's, its names told apart as a text seed's are
   (``_authors``); the date is htmldate's reading of the markup (meta tags, JSON-LD,
   ``<time>``, then the URL) and of the page's text, with the time only when it comes with its
   UTC offset, and never the copyright year alone (see ``_published``;
   reading the text as well dates 3 more of the tuning half's 55 pages); the time the page
   prints for that day, in its own zone, is then read by the text ingest's date reader
   (``_shown_time``), so a briefing shows "2:19 PM ET" as the page did.
3. **Body**: trafilatura's body, element by element: a paragraph, a list item, a quotation or a
   line cut by ``<br>`` is a paragraph, a heading is a subheading. Text only: trafilatura gives
   text, and the Article holds plain text exactly as a text seed's does (its links and emphasis
   are resolved away by ingest too), so no markup of the page can reach the briefing.
4. The text ingest's **page-junk line rules** (:func:`.junk.line_rule`: "Advertisement", share
   bars, "Read more: …", copyright lines) drop what trafilatura left of the page furniture, and
   the headline printed again in the body goes too ("headline-repeat"); the lines dropped are
   recorded in ``Article.removed`` with the rule's name, as for a text seed.

Line numbers are the page file's: a paragraph's is the line of the element it was read from (the
HTML parser records it), so errors and warnings point into the ``.html`` file. A page without a
headline or a date is refused like a text seed, naming the sidecar (``<name>.meta.yml``) that
can give it; the sidecar's other fields are applied afterwards, as for text seeds.

htmldate drops dates after its ``max_date``, which defaults to the day it runs: a page dated
ahead would build differently from one day to the next. :data:`LATEST_DATE` fixes it.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import datetime

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from ..errors import NoHeadlineError, SeedError
from ..inputfiles import HTML_SUFFIX
from ..model import Article, Removed, Subheading
from .datelines import body_dateline
from .dates import UPDATED, FoundDate, find_dates, starts_with_label
from .junk import line_rule
from .names import is_outlet, is_role, names_and_role, valid_name, without_outlet
from .sidecar import Sidecar, hint

__all__ = ["ingest_html", "is_html_seed"]

LATEST_DATE = "2099-12-31"
"""The latest publication date htmldate accepts (see the module docstring)."""
EARLIEST_DATE = "1990-01-01"
"""The earliest: before the web, a date in the markup is not the page's."""

# trafilatura and htmldate log what they cannot read at WARNING and ERROR; the build reports a
# seed's problems itself, so their records go nowhere rather than to Python's last-resort stderr.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_DATE_HINT = (
    "the page's markup gives none (no published-time meta tag, no datePublished, no date in its "
    "address)"
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_SPACE = re.compile(r"\s+")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = _HEADINGS | {
    "p", "item", "list", "quote", "code", "table", "row", "cell", "div", "section", "article", "main", "header",
    "footer", "aside", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "tr", "td",
}
"""Elements that are blocks of their own: a parent holding one is walked into, not read whole."""


def is_html_seed(source_file: str) -> bool:
    """Whether a seed is a saved page (``seeds/x.html``) rather than text."""
    return source_file.endswith(HTML_SUFFIX)


def ingest_html(data: bytes, source_file: str, overrides: Sidecar | None = None) -> Article:
    """Parse one saved page (see the module docstring). Raises :class:`SeedError` when it
    cannot be parsed; ``overrides`` gives a headline or date the page lacks."""
    tree = _parse(data, source_file)
    headline_line = _headline_line(tree)
    published = _published(tree)
    shown = _shown_time(tree, published[:10]) if published else None
    if shown is not None and not _has_offset(shown.iso) and _has_offset(published) \
            and published[11:16] == shown.iso[11:16]:
        shown = None  # the markup's timestamp: the same clock time, and its offset
    if shown is not None:
        published = shown.iso
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "min_date": EARLIEST_DATE, "max_date": LATEST_DATE},
    )
    title = _headline(tree, document.title if document is not None else None)
    paragraphs, lines, subheadings, removed = ([], [], [], []) if document is None or document.body is None \
        else _body(document.body, headline_line, title or "")
    if not paragraphs:
        raise SeedError(source_file, headline_line, "no article text found in the page",
                        "save the article's own page (not a front page, a gallery or a login wall), "
                        "or copy its text into a .txt seed")
    if title is None:
        if overrides is None or overrides.headline is None:
            raise NoHeadlineError(source_file, headline_line,
                                  "no headline found in the page (no <h1>, og:title or <title>)",
                                  hint(source_file, "headline: Bridge to reopen in May, officials say"))
        title = overrides.headline
    if published is None:
        if overrides is None or overrides.published is None:
            raise SeedError(source_file, headline_line, "no publication date found",
                            f"{_DATE_HINT}; {hint(source_file, 'published: 2019-03-12T14:05+00:00')}")
        published = overrides.published
    return Article(
        source_file=source_file,
        title=title,
        dek=None,
        authors=_authors(document.author),
        reading_time=None,
        dateline=body_dateline(paragraphs[0]),
        published=published,
        updated=None,
        time_zone=shown.zone if shown is not None else None,
        caption=None,
        caption_credit=None,
        paragraphs=tuple(paragraphs),
        paragraph_lines=tuple(lines),
        removed=tuple(removed),
        subheadings=tuple(subheadings),
    )


def page_encoding(data: bytes, source_file: str) -> str:
    """The page's encoding: UTF-8 when it decodes as such (as most saved pages are, whatever
    their meta tags say), else the charset it declares; a SeedError naming the first byte that
    is not UTF-8 when it declares none that decodes it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:8192])
        if declared:
            try:
                name = codecs.lookup(declared.group(1).decode("ascii")).name
                data.decode(name)
                return name
            except (LookupError, UnicodeDecodeError, UnicodeError):
                pass
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        raise SeedError(source_file, data.count(b"\n", 0, exc.start) + 1,
                        f"not valid UTF-8 (byte 0x{data[exc.start]:02x}) and no charset the page declares reads it",
                        "save the page with UTF-8 encoding, or declare its encoding with <meta charset=\"…\">",
                        col=exc.start - line_start + 1) from None


def _parse(data: bytes, source_file: str) -> lxml.html.HtmlElement:
    encoding = page_encoding(data, source_file)
    parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    if tree is None or not _SPACE.sub("", tree.text_content() or ""):
        raise SeedError(source_file, 1, "the page is empty", "save the whole page (File → Save Page As, HTML only)")
    return tree


def _headline_line(tree: lxml.html.HtmlElement) -> int:
    """The line of the page's headline (its first ``<h1>``, else its ``<title>``), for messages."""
    for path in ("//body//h1", "//title"):
        found = tree.xpath(path)
        if found and found[0].sourceline:
            return found[0].sourceline
    return 1


def _published(tree: lxml.html.HtmlElement) -> str | None:
    """The publication time htmldate reads from the page (its markup and its text), ISO 8601:
    with its time only when that comes with a UTC offset (a machine-readable timestamp), else
    the date alone. Times without an offset are readings of
    the page's text, often wrong (on the tuning half 3 of 5 lost their "PM" or were UTC read as
    local), and htmldate writes midnight when it has no time. The text search gives 1 January
    of the copyright year when it finds nothing better: that is no date, so it is not taken."""
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
    ingest's date reader (:func:`.dates.find_dates`, with its zone table) from a ``<time>``
    element or one whose class, id or itemprop names a date or byline: the first that gives a
    time, not an "Updated" one. Printed, it is in the page's own zone ("2:19 PM ET"), where the
    markup's timestamp is often UTC or has no time at all; on the tuning half it gives the time
    of 29 of the 55 pages, 27 of them right (htmldate's alone: 21). When it prints no zone and the markup's timestamp
    has the same clock time with its offset, the timestamp (which says more) is kept."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("head", "script", "style", "noscript"):
            continue
        named = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
        if element.tag != "time" and not _DATE_HOLDER.search(named):
            continue
        text = _text(element.text_content())
        if not text or len(text) > _MAX_DATE_TEXT:
            continue
        for found in find_dates(text):
            if found.kind != UPDATED and found.iso[:10] == day and "T" in found.iso:
                return found
    return None


def _has_offset(moment: str) -> bool:
    """Whether an ISO 8601 time states its UTC offset."""
    return len(moment) > 19 and moment[19] in "+-"


def _find_date(tree: lxml.html.HtmlElement, extensive: bool) -> str | None:
    return htmldate.find_date(tree, extensive_search=extensive, original_date=True, outputformat=_TIME_FORMAT,
                              deferred_url_extractor=True, min_date=EARLIEST_DATE, max_date=LATEST_DATE)


def _text(value: str | None) -> str:
    return _SPACE.sub(" ", value or "").strip()


def _headline(tree: lxml.html.HtmlElement, meta_title: str | None) -> str | None:
    """The ``<h1>`` that the metadata title starts with or equals (the title often adds the
    site's name after a separator), else the metadata title."""
    title = _text(meta_title)
    for element in tree.xpath("//body//h1")[:3]:
        text = _text(element.text_content())
        if text and title and (_fold(text) == _fold(title) or _fold(title).startswith(_fold(text) + " ")):
            return text
    return title or None


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _authors(author: str | None) -> tuple[str, ...]:
    """trafilatura's byline ("Jane Doe; John Roe") as names, told apart by the text ingest's
    byline vocabulary (:mod:`.names`): a job title after a name goes ("Sam Stein Senior Politics
    Editor"), and so do an outlet after it ("Pete Evans · CBC News"), pieces that are no name
    ("Updated Oct 9", "Dec") and outlets beside a person; an outlet alone is the credit, as in
    the gold's convention (tuning half: byline 0.673→0.764, none lost)."""
    people, outlets = [], []
    for piece in (_text(piece) for piece in (author or "").split(";")):
        if not piece or starts_with_label(piece):  # "Updated Oct 9" (trafilatura drops the digits)
            continue
        if (names := names_and_role(piece)) is not None:
            people.extend(names)
        elif is_outlet(piece) or is_role(piece):
            outlets.append(piece)
        elif valid_name(name := without_outlet(piece)) and len(name.split()) >= 2:
            people.append(name)
    return tuple(people) if people else tuple(outlets[:1])


def _body(body, headline_line: int, title: str) -> tuple[list[str], list[int], list[Subheading], list[Removed]]:
    """The paragraphs, their lines, the subheadings and the removed lines of trafilatura's body."""
    paragraphs, lines, subheadings, removed = [], [], [], []
    for kind, text, line in _blocks(body, headline_line):
        rule = "headline-repeat" if _fold(text) == _fold(title) else line_rule(text)
        if rule is not None:
            removed.append(Removed(line, text, rule))
        elif kind == "head":
            subheadings.append(Subheading(len(paragraphs), text, line))
        else:
            paragraphs.append(text)
            lines.append(line)
    return paragraphs, lines, subheadings, removed


def _blocks(body, fallback_line: int) -> list[tuple[str, str, int]]:
    """(kind, text, line) of each block of trafilatura's body: "head" for a heading, "p" for
    the rest. Its own elements (``p``, ``head``, ``list``/``item``, ``quote``) and, when it fell
    back on its other extractors, the page's own (``div``, ``ul``, ``h2``…): an element holding
    blocks is walked into, one holding only text is a block; a ``<br>`` (``lb``) ends a block."""
    blocks: list[tuple[str, str, int]] = []
    line = fallback_line

    def walk(element) -> None:
        nonlocal line
        for child in element:
            if not isinstance(child.tag, str):
                continue
            line = child.sourceline or line
            if child.tag in _HEADINGS:
                blocks.append(("head", _text(child.xpath("string()")), line))
            elif any(isinstance(c.tag, str) and c.tag in _CONTAINERS for c in child):
                blocks.append(("p", _text(child.text), line))
                walk(child)
            else:
                blocks.extend(("p", text, line) for text in _broken(child))
            blocks.append(("p", _text(child.tail), line))

    walk(body)
    return [block for block in blocks if block[1]]


def _broken(element) -> list[str]:
    """An element's text, cut at each line break (``lb``) below it."""
    pieces: list[list[str]] = [[]]

    def visit(node, top: bool) -> None:
        if node.tag == "lb":
            pieces.append([])
        elif isinstance(node.tag, str):
            pieces[-1].append(node.text or "")
            for child in node:
                visit(child, False)
        if not top:
            pieces[-1].append(node.tail or "")

    visit(element, True)
    return [text for text in (_text("".join(piece)) for piece in pieces) if text]
