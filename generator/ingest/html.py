"""A saved web page (``seeds/*.html``) becomes an :class:`generator.model.Article`. Pure: no file I/O.

A text seed is what a scraper copied off the page; a saved page is the page itself, markup and
all. We do not write a second article finder for markup: trafilatura (a maintained library made
for exactly this, and the anchor ``make eval`` scores our text ingest against) finds the body
and the page's metadata, and htmldate (trafilatura's own date finder) the publication date.

1. **Decoding**: UTF-8 (a byte-order mark allowed), else the charset the page declares in its
   ``<meta>``; a page that is neither is refused naming the line and column of the first bad
   byte, like a text seed.
2. **Metadata** (:mod:`.pagemeta`): the headline is the ``<h1>`` or opening heading that the
   page's own titles name, else trafilatura's title; the byline is trafilatura's, its names told
   apart as a text seed's are; the date is htmldate's, never the copyright year alone, with the
   time the page prints for that day in its own zone ("2:19 PM ET", read by the text ingest's
   date reader), else the markup's timestamp when it has its offset, else the day alone.
3. **Body**: trafilatura's body, element by element: a paragraph, a list item, a quotation or a
   line cut by ``<br>`` is a paragraph; a heading shaped like a subheading is one, and so is a
   bold paragraph the text ingest's subheading finder takes for one. Text only: trafilatura
   gives text, and the Article holds plain text exactly as a text seed's does (its links and
   emphasis are resolved away by ingest too), so no markup of the page can reach the briefing.
4. The text ingest's **page-junk line rules** (:func:`.junk.line_rule`: "Advertisement", share
   bars, "Read more: …", copyright lines) drop what trafilatura left of the page furniture, and
   the headline printed again in the body goes too ("headline-repeat"); the lines dropped are
   recorded in ``Article.removed`` with the rule's name, as for a text seed.

Line numbers are the page file's: a paragraph's is the line of the element it was read from (the
HTML parser records it; of the element before when trafilatura built a new one), so errors and
warnings point into the ``.html`` file. A page without a headline or a date is refused like a
text seed, naming the sidecar (``<name>.meta.yml``) that can give it; the sidecar's other fields
are applied afterwards, as for text seeds. The dek, caption and updated time are left empty.
"""

from __future__ import annotations

import codecs
import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from ..errors import NoHeadlineError, SeedError
from ..inputfiles import HTML_SUFFIX, strip_control_bytes, text_position
from ..model import Article, Removed, Subheading
from .datelines import body_dateline
from .dates import dates_in
from .junk import line_rule
from .source import make_line
from .subheadings import MAX_QUESTION_WORDS, MAX_WORDS
from .subheadings import find as find_subheadings
from .pagemeta import (
    EARLIEST_DATE, LATEST_DATE, fold, one_line, page_byline, page_headline, page_published, unknown_zones_unreported,
)
from .sidecar import DATE_EXAMPLE, Sidecar, hint

__all__ = ["ingest_html", "is_html_seed"]

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
_CLOSERS = "\"'”’)]"
_DATE_LINE_WORDS = 8
"""A heading of at most this many words that holds a date is a date line, not a section's title."""
_HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = _HEADINGS | {
    "p", "item", "list", "quote", "code", "table", "row", "cell", "div", "section", "article", "main", "header",
    "footer", "aside", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "tr", "td",
}
"""Elements that are blocks of their own: a parent holding one is walked into, not read whole."""


Block = tuple[str, str, int]
"""(kind, text, line) of one block of trafilatura's body: kind "head", "bold" or "p"."""


def is_html_seed(source_file: str) -> bool:
    """Whether a seed is a saved page (``seeds/x.html``) rather than text."""
    return source_file.endswith(HTML_SUFFIX)


def ingest_html(data: bytes, source_file: str, overrides: Sidecar | None = None) -> Article:
    """Parse one saved page (see the module docstring). Raises :class:`SeedError` when it
    cannot be parsed; ``overrides`` gives a headline or date the page lacks."""
    data, _warnings = strip_control_bytes(data, source_file)  # as the build's edge does, which warns
    _check_character_references(data, source_file)
    tree = _parse(data, source_file)
    headline_line = _headline_line(tree)
    published, zone = page_published(tree)
    with unknown_zones_unreported():
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, include_formatting=True, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "min_date": EARLIEST_DATE, "max_date": LATEST_DATE},
        )
    blocks = [] if document is None or document.body is None else _blocks(document.body, headline_line)
    leading = [text for text in _leading_headings(blocks)]
    title = page_headline(tree, document.title if document is not None else None, leading)
    paragraphs, lines, subheadings, removed = _body(blocks, title or "")
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
                            f"{hint(source_file, DATE_EXAMPLE)}; {_DATE_HINT}")
        published = overrides.published
    return Article(
        source_file=source_file,
        title=title,
        dek=None,
        authors=page_byline(document.author),
        reading_time=None,
        dateline=body_dateline(paragraphs[0]),
        published=published,
        updated=None,
        time_zone=zone,
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


_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_FORBIDDEN = {*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF}
"""The control characters, written as a character reference (``&#8;``): refused, since
trafilatura cannot read a page holding one (it finds no text at all); written as themselves,
the build's edge removes them with a warning (:func:`strip_control_bytes`)."""


def _check_character_references(data: bytes, source_file: str) -> None:
    for match in _CHARACTER_REFERENCE.finditer(data):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if code in _FORBIDDEN:
            line, col = text_position(data, match.start())
            raise SeedError(source_file, line,
                            f"control character U+{code:04X} (written {match.group().decode()}) in the page",
                            "remove it: it is invisible to readers and not allowed in feeds", col=col)


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


def _heading_shaped(text: str) -> bool:
    words = len(text.split())
    return words <= MAX_WORDS and not (text.rstrip(_CLOSERS).endswith(".") and words > MAX_QUESTION_WORDS)


def _leading_headings(blocks: list[Block]) -> list[str]:
    """The headings that open trafilatura's body, before its first paragraph (the headline may
    be one of them)."""
    leading = []
    for kind, text, _line in blocks:
        if kind != "head":
            break
        leading.append(text)
    return leading


def _body(blocks: list[Block], title: str) -> tuple[list[str], list[int], list[Subheading], list[Removed]]:
    """The paragraphs, their lines, the subheadings and the removed lines of trafilatura's body.
    A heading is a subheading when it is shaped like one, as in a text seed: at most
    :data:`.subheadings.MAX_WORDS` words, and no closing full stop after more than
    :data:`.subheadings.MAX_QUESTION_WORDS` (a sentence set in a heading's type, a standfirst,
    is a paragraph; "Long gone? Not so fast." is a title); a date set as a heading is removed
    ("date-line"). A paragraph is one when the text ingest's subheading finder
    (:func:`.subheadings.find`) takes it for one: a short title between prose paragraphs, set
    in bold type rather than a heading ("Elton John", "Regolith")."""
    rules = ["headline-repeat" if fold(text) == fold(title) else line_rule(text) for _, text, _ in blocks]
    for index, (kind, text, _line) in enumerate(blocks):
        if rules[index] is None and kind == "head" and dates_in(text) and len(text.split()) <= _DATE_LINE_WORDS:
            rules[index] = "date-line"  # "11/28/2016 11:00 AM PT" set as a heading
    # The finder reads lines as a text seed's: numbered in order, a heading written "## ".
    lines_in_order = [make_line(number, ("## " if kind == "head" else "") + text)
                      for number, (kind, text, _line) in enumerate(blocks, start=1)]
    titled = find_subheadings(lines_in_order, rules, title)
    paragraphs, lines, subheadings, removed = [], [], [], []
    for number, ((kind, text, line), rule) in enumerate(zip(blocks, rules), start=1):
        if rule is not None:
            removed.append(Removed(line, text, rule))
        elif (kind == "head" and _heading_shaped(text)) or (kind == "bold" and number in titled):
            subheadings.append(Subheading(len(paragraphs), text, line))
        else:
            paragraphs.append(text)
            lines.append(line)
    return paragraphs, lines, subheadings, removed


def _blocks(body, fallback_line: int) -> list[Block]:
    """(kind, text, line) of each block of trafilatura's body: "head" for a heading, "p" for
    the rest. Its own elements (``p``, ``head``, ``list``/``item``, ``quote``) and, when it fell
    back on its other extractors, the page's own (``div``, ``ul``, ``h2``…): an element holding
    blocks is walked into, one holding only text is a block; a ``<br>`` (``lb``) ends a block."""
    blocks: list[Block] = []
    line = fallback_line

    def walk(element) -> None:
        nonlocal line
        for child in element:
            if not isinstance(child.tag, str):
                continue
            line = child.sourceline or line
            if child.tag in _HEADINGS:
                blocks.append(("head", one_line(child.xpath("string()")), line))
            elif any(isinstance(c.tag, str) and c.tag in _CONTAINERS for c in child):
                blocks.append(("p", one_line(child.text), line))
                walk(child)
            else:
                kind = "bold" if _all_bold(child) else "p"
                blocks.extend((kind, text, line) for text in _broken(child))
            blocks.append(("p", one_line(child.tail), line))

    walk(body)
    return [block for block in blocks if block[1]]


def _all_bold(element) -> bool:
    """Whether all of an element's text is set in bold (trafilatura's ``hi rend="#b"``)."""
    if one_line(element.text) or len(element) != 1:
        return False
    child = element[0]
    return child.tag == "hi" and child.get("rend") == "#b" and not one_line(child.tail)


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
    return [text for text in (one_line("".join(piece)) for piece in pieces) if text]
