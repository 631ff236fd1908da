"""The top of a seed: headline, dek, metadata lines and photo caption; where the body begins.

Layout, as scraped from news pages (blank lines do not matter, junk lines may fall anywhere):

    section label               optional: "Politics" above the headline (see _is_section_label),
                                and a masthead line above that ("Democracy Dies in Darkness")
    headline                    the first line that is not page junk; a site name after it
                                ("… - BBC News", "… | CNN Politics") is taken off
    dek                         optional: a line between headline and the first metadata line
    metadata lines              byline, reading time, dateline, dates (see :mod:`.meta`), with
                                what pages mix into them: junk, a label alone over its value
                                ("Published" / "3 June 2021"), a byline without "By" and the
                                writer's job under it, "Image caption, …" / "Image source, …"
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

from ..errors import NoHeadlineError, SeedError
from ..model import Removed
from ..gazetteer import is_known_place
from .dates import DateError, dates_in, starts_with_label
from .junk import MAX_BLOCK_HEADLINES, classify, is_headline_like, is_recommendation_marker, line_rule
from .meta import Meta, is_outlet, is_role, place_name, read_meta_line, unlabelled_byline
from .captions import MEDIA_CAPTION, MEDIA_SOURCE, credit_below, is_photo_credit, read_caption
from .sidecar import hint
from .source import SourceLine, make_line

LOOKAHEAD = 6
_HEADLINE_EXAMPLE = "headline: The headline as published"  # for the hint: how the sidecar gives one
_NAME_LINE_WORDS = 8  # a byline printed alone above the headline ("Jane Doe @janedoe") is short

DATE_HINT = (
    "write the date on its own line under the headline, e.g. 'Published: 12 March 2019 14:05 GMT' "
    "or 'Updated: May 27, 2026 04:37 AM IST' (formats: generator/ingest/dates.py)"
)

# A label over the dek ("Synopsis" / the dek), as some Indian business papers print it.
_DEK_LABEL = re.compile(
    r"(?:synopsis|summary|in\s+brief|overview|standfirst|(?:story\s+)?highlights|key\s+(?:points|takeaways))\W*",
    re.I,
)
# A label printed on its own line above what it labels: "Published" / "3 June 2021" (BBC),
# "By" / "Jane Doe", "News provided by" / "Acme Inc." (press releases).
_LONE_LABEL = re.compile(
    r"(?:(?:first|originally|last)\s+)?(?:published|updated|posted|modified)(?:\s+(?:on|at))?\s*:?"
    r"|(?:(?:written|reported|news\s+provided|words|story)\s+)?by\s*:?",
    re.I,
)
_WIDGET_RULES = ("recommendations", "topic", "recommended-headline")
# "Exclusive: … - BBC News", "… | CNN Politics": the site's name after the headline.
_SITE_SUFFIX = re.compile(r"\s+(?P<sep>\||[-\u2013\u2014])\s+(?P<site>[^|\u2013\u2014]{2,40})$")
_DOMAIN = re.compile(r"[\w\-]+\.(?:com|co\.uk|co\.in|in|org|net|news|co)\b", re.I)


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


def strip_site_name(title: str) -> tuple[str, list[str]]:
    """The headline without the site's name that pages append to it, and the parts removed.

    A part after " | " is a site or section name when it is short and in Title Case ("| CNN
    Politics", "| Example Magazine"); after a dash only when it names an outlet ("- BBC News") or
    a domain ("– example.com"), since a dash also joins two halves of a real headline. At least
    four words of headline must remain.
    """
    removed = []
    while True:
        match = _SITE_SUFFIX.search(title)
        if match is None or len(title[: match.start()].split()) < 4:
            return title, removed
        site = match.group("site").strip()
        words = site.split()
        if len(words) > 5 or site.endswith((".", "?", "!")):
            return title, removed
        titled = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        if not (_DOMAIN.fullmatch(site) or (is_outlet(site) if match.group("sep") != "|" else titled)):
            return title, removed
        removed.insert(0, match.group(0).strip())
        title = title[: match.start()]


def meta_of(line: SourceLine, source_file: str) -> Meta | None:
    """The metadata a line holds, or None; a SeedError for a date that cannot be a real one."""
    try:
        return read_meta_line(line.raw)
    except DateError as exc:
        raise SeedError(source_file, line.line, f"unreadable date: {exc}", DATE_HINT) from None


def _check_labelled(line: SourceLine, meta: Meta | None, source_file: str) -> None:
    """A header line that starts "Updated:"/"Published" must hold a date we can read."""
    if meta is None and starts_with_label(line.raw) and dates_in(line.text):
        return  # "Published February 24, 2020Last updated …": dates run into words; read later
    if starts_with_label(line.raw) and (meta is None or not (meta.dates or meta.relative)):
        raise SeedError(source_file, line.line, f"cannot read the date in {line.raw[:80]!r}", DATE_HINT)


def merge(into: Meta, other: Meta) -> None:
    """Add what ``other`` says to ``into``; the first reading time and dateline found win."""
    into.authors.extend(name for name in other.authors if name not in into.authors)
    into.reading_time = into.reading_time if into.reading_time is not None else other.reading_time
    into.dateline = into.dateline or other.dateline
    into.dates.extend(other.dates or ())
    into.relative = into.relative or other.relative


def _is_section_label(lines: list[SourceLine], index: int, source_file: str) -> bool:
    """A kicker above the headline ("Politics", "WORLD NEWS"): at most two words, no full stop,
    and followed by a line that reads like a headline (no closing full stop) and is not metadata
    (nor a byline or label). A short real headline is followed by its dek (a sentence) or
    metadata, so it is kept. A date line itself ("Published: 2014-12-28") is never a kicker."""
    text, after = lines[index].text, lines[index + 1] if index + 1 < len(lines) else None
    if len(text.split()) > 2 or text.endswith(".") or after is None or line_rule(after.text):
        return False
    if after.text.endswith(".") or starts_with_label(after.raw) or _LONE_LABEL.fullmatch(after.text):
        return False
    if meta_of(lines[index], source_file) is not None:
        return False  # "Published: 2014-12-28" over a paragraph cut short: a date line, not a kicker
    return meta_of(after, source_file) is None and unlabelled_byline(after.raw) is None


def _headline(lines: list[SourceLine], header_removed: list[Removed], source_file: str) -> int:
    """Index of the headline line; junk and a section label before it go to ``header_removed``.

    A line right above a section label is page chrome too ("Democracy Dies in Darkness" /
    "Politics" / headline): a headline is never followed by a kicker.
    """
    for index, line in enumerate(lines):
        rule = line_rule(line.text)
        if rule is None and _is_section_label(lines, index, source_file):
            rule = "section-label"
        elif (rule is None and index + 1 < len(lines) and not line.text.endswith(".")
              and _is_section_label(lines, index + 1, source_file)):
            rule = "masthead"
        if rule is None:
            if meta_of(line, source_file) is not None:
                raise NoHeadlineError(
                    source_file, line.line, "the seed starts with a byline or date, not a headline",
                    hint(source_file, _HEADLINE_EXAMPLE,
                         "if the scrape lost it, put the headline on the first line and the byline and date under it"),
                )
            return index
        header_removed.append(Removed(line.line, line.raw, rule))
    raise NoHeadlineError(
        source_file, lines[-1].line, "no headline: every line is page junk",
        hint(source_file, _HEADLINE_EXAMPLE,
             "if the scrape lost it, put the headline on the first line, the date line under it, then the text"),
    )


def _metadata_above(lines: list[SourceLine], source_file: str) -> tuple[int, list[Meta], list[Removed]] | None:
    """Byline, section and date printed *above* the headline (as magazines such as WIRED do):
    the headline's index, what the lines above it said and the junk among them; None for the
    usual layout. The block must hold a date and end at a line that reads like a headline, so a
    seed that simply starts with its byline is still reported as having no headline."""
    metas: list[Meta] = []
    removed: list[Removed] = []
    for index, line in enumerate(lines[: 2 * LOOKAHEAD]):
        rule = line_rule(line.text)
        if rule:
            removed.append(Removed(line.line, line.raw, rule))
            continue
        meta = meta_of(line, source_file)
        if meta is None and len(line.text.split()) <= _NAME_LINE_WORDS:
            meta = _names_alone(line)
        if meta is not None:
            metas.append(meta)
            continue
        if not metas:
            return None  # the first line that is not junk is not metadata: the usual layout
        below = lines[index + 1] if index + 1 < len(lines) else None
        if len(line.text.split()) <= 2 and not line.text.endswith(".") and below and meta_of(below, source_file):
            removed.append(Removed(line.line, line.raw, "section-label"))  # "Business" between them
            continue
        dated = any(meta.dates for meta in metas)
        return (index, metas, removed) if dated and is_headline_like(line.text) and below else None
    return None


def _first_meta(header: Header, lines: list[SourceLine], start: int, source_file: str) -> tuple[int, Meta, int] | None:
    """The first metadata line within ``LOOKAHEAD`` non-junk lines of ``start``: its index, what
    it says and the index after it (a lone label takes the line under it too)."""
    seen = 0
    for index in range(start, len(lines)):
        meta = meta_of(lines[index], source_file)  # before junk: "2019-03-12" alone has no letters
        _check_labelled(lines[index], meta, source_file)
        if meta is not None:
            return index, meta, index + 1
        labelled = _lone_label(header, lines, index, source_file)
        if labelled is not None:
            return index, labelled, index + 2
        if line_rule(lines[index].text) is None:
            seen += 1
            if seen == LOOKAHEAD:
                return None
    return None


def _before_meta(header: Header, lines: list[SourceLine]) -> None:
    """Sort the lines between headline and metadata into junk, caption, dek, byline and body.

    The dek is the first line that is not a label for it ("Synopsis", "Summary") nor a byline
    printed without "By" ("Jane Doe", "Jane Doe | Mumbai"); the byline may have a job title
    under it ("Political reporter") and a place alone ("CHENNAI"). Any other line after the dek
    stays in the body.
    """
    for line in lines:
        rule = line_rule(line.text)
        caption = None if rule else read_caption(line)
        if rule is None and header.dek is None and _DEK_LABEL.fullmatch(line.text):
            rule = "dek-label"
        if rule:
            header.removed.append(Removed(line.line, line.raw, rule))
        elif caption and header.caption is None:
            header.caption, header.caption_credit = caption
        elif _byline_part(header, line):
            continue  # a line of names is never the dek: a dek is a sentence or a phrase
        elif header.dek is None:
            header.dek = line.text
        else:
            header.body.append(line)


def _names_alone(line: SourceLine) -> Meta | None:
    """A byline printed without "By" (:func:`.meta.unlabelled_byline`); a widget's label in
    capitals ("READ MORE") reads as two names, and is none."""
    return None if is_recommendation_marker(line.text) else unlabelled_byline(line.raw)


def _byline_part(header: Header, line: SourceLine, place_alone: bool = True) -> bool:
    """Read a line of a byline printed without "By", its job title or (if ``place_alone``) a
    lone place after it ("CHENNAI"); False when the line is none of these."""
    byline = _names_alone(line)
    if byline is not None:
        merge(header.meta, byline)
    elif header.meta.authors and is_role(line.text):
        header.removed.append(Removed(line.line, line.raw, "byline-role"))
        _, comma, place = line.text.rpartition(",")  # "BBC News, Eastbrook": where she files from
        header.meta.dateline = header.meta.dateline or (place_name(place) if comma else None)
    elif place_alone and header.meta.authors and not line.text.endswith(".") and place_name(line.raw):
        header.meta.dateline = header.meta.dateline or place_name(line.raw)
    else:
        return False
    return True


def _lone_label(header: Header, lines: list[SourceLine], index: int, source_file: str) -> Meta | None:
    """What a label alone on its line ("Published", "By", "and" after a byline) says together
    with the line under it; None when it is not such a label."""
    text = lines[index].text
    if index + 1 >= len(lines) or len(text) > 30:
        return None
    if _LONE_LABEL.fullmatch(text):
        label = text
    elif text.lower() == "and" and header.meta.authors:
        label = "By"
    else:
        return None
    below = lines[index + 1]
    return meta_of(make_line(below.line, f"{label} {below.raw}"), source_file)


def _media_label(header: Header, text: str) -> bool:
    """Take a BBC-style "Image caption, …" / "Image source, …" line as the photo's caption or
    credit (the first photo's only); True when the line was one."""
    caption, source = MEDIA_CAPTION.fullmatch(text), MEDIA_SOURCE.fullmatch(text)
    if caption and header.caption is None:
        header.caption = caption.group("text").strip()
    elif source and header.caption_credit is None and header.caption is None:
        header.caption_credit = source.group("text").strip(" .")
    else:
        return False
    return True


def _header_line(header: Header, lines: list[SourceLine], index: int, source_file: str) -> int | None:
    """Read one line of the metadata block at ``index``: metadata (one line, or a label and the
    line under it), page junk, a name or job-title line of the byline, a photo caption. Returns
    the index after it, or None when the line is the first of the body."""
    line = lines[index]
    meta = meta_of(line, source_file)
    _check_labelled(line, meta, source_file)
    if meta is None:
        meta = _lone_label(header, lines, index, source_file)
        if meta is not None:
            merge(header.meta, meta)
            return index + 2
    if meta is not None:
        merge(header.meta, meta)
        return index + 1
    rule = line_rule(line.text)
    if rule and (rule != "media-label" or not _media_label(header, line.text)):
        header.removed.append(Removed(line.line, line.raw, rule))
        return index + 1
    if rule:
        return index + 1
    if is_recommendation_marker(line.text):
        return _widget(header, lines, index)
    if _DEK_LABEL.fullmatch(line.text):
        return None  # "Key Points": the article's own summary begins
    if _byline_part(header, line, place_alone=False):
        return index + 1
    credit = credit_below(lines, index) if header.caption is None else None
    if credit:  # a caption with its credit on the next line: "…last year." / "Ann Roe/NPR"
        header.caption, header.caption_credit = line.text, credit
        return index + 2
    caption = read_caption(line) if header.caption is None else None
    if caption:
        header.caption, header.caption_credit = caption
        return index + 1
    place = place_name(line.raw)
    if place and index + 1 < len(lines) and meta_of(lines[index + 1], source_file) is not None:
        header.meta.dateline = header.meta.dateline or place  # a lone place between metadata lines
        return index + 1
    return None


def _widget(header: Header, lines: list[SourceLine], index: int) -> int:
    """Take out a topic or recommendation list that pages put among the metadata ("Related
    Topics" / "Eastbrook" under the date, as the BBC does); the index after it."""
    window = lines[index:index + MAX_BLOCK_HEADLINES + 1]
    rules = classify([line.text for line in window])
    taken = 0
    while taken < len(window) and rules[taken] in _WIDGET_RULES:
        header.removed.append(Removed(window[taken].line, window[taken].raw, rules[taken]))
        taken += 1
    return index + taken


def _meta_run(header: Header, lines: list[SourceLine], index: int, meta: Meta, source_file: str) -> int:
    """Read the metadata block whose first line(s), up to ``index``, said ``meta``, and what is
    mixed into it (see :func:`_header_line`). Returns the index of the first body line."""
    merge(header.meta, meta)
    while index < len(lines):
        after = _header_line(header, lines, index, source_file)
        if after is None:
            break
        index = after
    return index


def parse_header(lines: list[SourceLine], source_file: str, at_headline: bool = False) -> Header:
    """Split a seed's lines into its header parts and the body lines (see module doc).

    ``at_headline``: the first line is the headline, already found on the page
    (:mod:`.locate`), so section labels and mastheads above it are not looked for.
    """
    removed: list[Removed] = []
    above = None if at_headline else _metadata_above(lines, source_file)
    start, metas_above = 0, []
    if above is not None:
        start, metas_above, removed = above
    top = 0 if at_headline else start + _headline(lines[start:], removed, source_file)
    title, site = strip_site_name(lines[top].text)
    removed.extend(Removed(lines[top].line, part, "site-name") for part in site)
    header = Header(title=title, removed=removed)
    for meta in metas_above:
        merge(header.meta, meta)
    found = _first_meta(header, lines, top + 1, source_file)
    if found is None:
        rest = lines[top + 1:]
        # Metadata above the headline: the line under it is the dek when the photo's credit or
        # other page furniture, not more text, follows it.
        if metas_above and len(rest) > 2 and line_rule(rest[1].text) and not line_rule(rest[0].text):
            header.dek, rest = rest[0].text, rest[1:]
        header.body.extend(rest)
        return header
    first, meta, after = found
    _before_meta(header, lines[top + 1:first])
    header.body.extend(lines[_meta_run(header, lines, after, meta, source_file):])
    return header
