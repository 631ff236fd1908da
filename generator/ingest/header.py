"""The top of a seed: headline, dek, metadata lines and photo caption; where the body begins.

Layout, as scraped from news pages (blank lines do not matter, junk lines may fall anywhere):

    section label               optional: "Politics" above the headline (see _is_section_label)
    headline                    the first line that is not page junk
    dek                         optional: a line between headline and the first metadata line
    metadata lines              byline, reading time, dateline, dates (see :mod:`.meta`)
    photo caption               optional: a line ending in a credit, "(AP Photo)" or "Photo: X"
    body …

The first metadata line must come within ``LOOKAHEAD`` non-junk lines of the headline. Without
one there is no dek (the line under the headline is the first paragraph) and the date must be
found in a date line elsewhere in the seed (a footer such as "First published on …"). A caption
is taken from before the metadata too (some pages put the photo first). A line of names alone
right above the metadata, after a dek, is the byline ("Jane Doe and John Roe" without "By"). Any
other line between the headline and the metadata stays in the body, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import SeedError
from ..model import Removed
from .dates import DateError, starts_with_label
from .junk import line_rule
from .meta import Meta, place_name, read_meta_line, split_names
from .inline import plain
from .source import SourceLine

LOOKAHEAD = 6

DATE_HINT = (
    "write the date on its own line under the headline, e.g. 'Published: 12 March 2019 14:05 GMT' "
    "or 'Updated: May 27, 2026 04:37 AM IST' (formats: generator/ingest/dates.py)"
)

_CREDIT_WORDS = re.compile(
    r"\b(?:photo(?:graph)?s?|image|pic(?:ture)?|file|credit|courtesy|getty|reuters|ap|afp|pti|ani"
    r"|ians|epa|efe|bloomberg|shutterstock|alamy|screengrab|screenshot|grab|via|illustration"
    r"|representational|handout)\b",
    re.I,
)
_CREDIT_PAREN = re.compile(r"\s*\((?P<credit>[^()]{1,80})\)\W{0,2}$")
_CREDIT_LABEL = re.compile(
    r"\s*[|\-\u2013\u2014]?\s*(?:(?:photo|image|picture|pic|photograph)s?(?:\s+credit)?|credit)\s*:"
    r"\s*(?P<credit>[^|:()]{1,60}?)\s*$",
    re.I,
)
_LABEL_IN_CREDIT = re.compile(r"(?:(?:photo|image|picture|pic)s?(?:\s+credit)?|credit)\s*:\s*", re.I)


@dataclass
class Header:
    """What the top of a seed says, and the lines left for the body."""

    title: str
    dek: str | None = None
    meta: Meta = field(default_factory=lambda: Meta(authors=[], dates=[]))
    caption: str | None = None
    caption_credit: str | None = None
    body: list[SourceLine] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def read_caption(line: SourceLine) -> tuple[str, str] | None:
    """(caption, credit) when a line ends with a photo credit, else None."""
    match = _CREDIT_PAREN.search(line.raw)
    if not (match and _CREDIT_WORDS.search(match.group("credit"))):
        match = _CREDIT_LABEL.search(line.raw)
    if not match:
        return None
    caption = plain(line.raw[: match.start()]).rstrip(" |-\u2013\u2014")
    credit = _LABEL_IN_CREDIT.sub("", plain(match.group("credit"))).strip(" .")
    return (caption, credit) if caption and credit else None


def meta_of(line: SourceLine, source_file: str) -> Meta | None:
    """The metadata a line holds, or None; a SeedError for a date that cannot be a real one."""
    try:
        return read_meta_line(line.raw)
    except DateError as exc:
        raise SeedError(source_file, line.line, f"unreadable date: {exc}", DATE_HINT) from None


def _check_labelled(line: SourceLine, meta: Meta | None, source_file: str) -> None:
    """A header line that starts "Updated:"/"Published" must hold a date we can read."""
    if starts_with_label(line.raw) and (meta is None or not (meta.dates or meta.relative)):
        raise SeedError(source_file, line.line, f"cannot read the date in {line.raw[:80]!r}", DATE_HINT)


def merge(into: Meta, other: Meta) -> None:
    """Add what ``other`` says to ``into``; the first reading time and dateline found win."""
    into.authors.extend(name for name in other.authors if name not in into.authors)
    into.reading_time = into.reading_time if into.reading_time is not None else other.reading_time
    into.dateline = into.dateline or other.dateline
    into.dates.extend(other.dates or ())


def _is_section_label(lines: list[SourceLine], index: int, source_file: str) -> bool:
    """A kicker above the headline ("Politics", "WORLD NEWS"): at most two words, no full stop,
    and followed by a line that reads like a headline (no closing full stop) and is not metadata.
    A short real headline is followed by its dek (a sentence) or metadata, so it is kept."""
    text, after = lines[index].text, lines[index + 1] if index + 1 < len(lines) else None
    if len(text.split()) > 2 or text.endswith(".") or after is None or line_rule(after.text):
        return False
    if after.text.endswith(".") or starts_with_label(after.raw):
        return False
    return meta_of(after, source_file) is None


def _headline(lines: list[SourceLine], header_removed: list[Removed], source_file: str) -> int:
    """Index of the headline line; junk and a section label before it go to ``header_removed``."""
    for index, line in enumerate(lines):
        rule = line_rule(line.text)
        if rule is None and _is_section_label(lines, index, source_file):
            rule = "section-label"
        if rule is None:
            if meta_of(line, source_file) is not None:
                raise SeedError(
                    source_file, line.line, "the seed starts with a byline or date, not a headline",
                    "put the headline on the first line and the byline and date under it",
                )
            return index
        header_removed.append(Removed(line.line, line.raw, rule))
    raise SeedError(
        source_file, lines[-1].line, "no headline: every line is page junk",
        "put the headline on the first line, the date line under it, then the article text",
    )


def _first_meta(lines: list[SourceLine], start: int, source_file: str) -> tuple[int, Meta] | None:
    """The first metadata line within ``LOOKAHEAD`` non-junk lines of ``start``, and what it says."""
    seen = 0
    for index in range(start, len(lines)):
        meta = meta_of(lines[index], source_file)  # before junk: "2019-03-12" alone has no letters
        _check_labelled(lines[index], meta, source_file)
        if meta is not None:
            return index, meta
        if line_rule(lines[index].text) is None:
            seen += 1
            if seen == LOOKAHEAD:
                return None
    return None


def _before_meta(header: Header, lines: list[SourceLine]) -> None:
    """Sort the lines between headline and metadata into junk, caption, dek, byline and body.

    A line of names alone ("Jane Doe and John Roe") right above the metadata, after a dek, is the
    byline: some pages print it without "By".
    """
    for position, line in enumerate(lines):
        rule = line_rule(line.text)
        caption = None if rule else read_caption(line)
        names = split_names(line.raw) if header.dek is not None and position == len(lines) - 1 else None
        if rule:
            header.removed.append(Removed(line.line, line.raw, rule))
        elif caption and header.caption is None:
            header.caption, header.caption_credit = caption
        elif header.dek is None:
            header.dek = line.text
        elif names:
            header.meta.authors.extend(names)
        else:
            header.body.append(line)


def _meta_run(header: Header, lines: list[SourceLine], index: int, meta: Meta, source_file: str) -> int:
    """Read consecutive metadata lines from ``index`` (whose ``meta`` is known); a lone place
    between two metadata lines counts too. Returns the index of the first line after them."""
    while True:
        merge(header.meta, meta)
        index += 1
        if index >= len(lines):
            return index
        following = meta_of(lines[index], source_file)
        if following is None:
            place = place_name(lines[index].raw)
            after = meta_of(lines[index + 1], source_file) if place and index + 1 < len(lines) else None
            if after is None:
                return index
            following = Meta(authors=[], dateline=place, dates=[])
        meta = following


def _caption_after(header: Header, lines: list[SourceLine], index: int) -> int:
    """Take a caption from the first non-junk line after the metadata; the new body start."""
    skipped = index
    while skipped < len(lines) and line_rule(lines[skipped].text):
        skipped += 1
    caption = read_caption(lines[skipped]) if skipped < len(lines) else None
    if header.caption is not None or caption is None:
        return index
    header.removed.extend(Removed(l.line, l.raw, line_rule(l.text) or "") for l in lines[index:skipped])
    header.caption, header.caption_credit = caption
    return skipped + 1


def parse_header(lines: list[SourceLine], source_file: str) -> Header:
    """Split a seed's lines into its header parts and the body lines (see module doc)."""
    removed: list[Removed] = []
    top = _headline(lines, removed, source_file)
    header = Header(title=lines[top].text, removed=removed)
    found = _first_meta(lines, top + 1, source_file)
    if found is None:
        header.body.extend(lines[top + 1:])
        return header
    first, meta = found
    _before_meta(header, lines[top + 1:first])
    body_start = _caption_after(header, lines, _meta_run(header, lines, first, meta, source_file))
    header.body.extend(lines[body_start:])
    return header
