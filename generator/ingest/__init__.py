"""Ingest: a scraped seed's bytes become an :class:`generator.model.Article`. Pure: no file I/O.

Steps, each in its own module:

1. :mod:`.source` decodes UTF-8 (BOM, CRLF, Unicode spaces) into numbered non-blank lines, each
   with its plain text (:mod:`.inline` resolves emphasis, links and escapes);
2. :mod:`.locate` finds the article on the page, by what each line looks like (:mod:`.shapes`):
   the run of lines with the most prose (the text) and the headline by the byline and date
   lines above it; lines above the headline are
   page furniture ("above-headline");
3. :mod:`.header` reads the headline, dek, metadata lines (:mod:`.meta`: byline, reading time,
   dateline; :mod:`.dates` with :mod:`.timezones`: dates) and the photo caption;
4. :mod:`.junk` removes page junk by named rules, and lines outside the located text that do not
   read as its own ("after-text", "before-text") or short lines inside it that are neither
   sentences nor subheadings ("short-line") go too, recorded in ``Article.removed``;
5. :mod:`.subheadings` finds the text's subheadings and :mod:`.paragraphs` joins sentences the
   scraper split across lines;
6. :mod:`.published` settles the dates when the header alone does not: date lines found by shape,
   years filled in, what was inferred (``Article.inferred``).

Dates: ``published`` is the first "first published" date, else the first "published/posted"
date, else the first unlabelled one, else — when the page shows only an "Updated" time, as the
real seed does — the update time, so every article has a publication time to sort by.
``updated`` is the first "updated/modified" date, else an unlabelled date other than the one
used as published (pages that print "First published on …" in the footer show the latest
change time, unlabelled, at the top); else None. ``time_zone`` is the zone abbreviation printed
with the published date (else with the updated one), for display; None for numeric offsets.

A date printed without a year ("Updated: 3 June, 18:45") takes the year of the first header date
that has one, else the page's copyright year (recorded in ``Article.inferred``, shown on the
briefing and warned about); with neither the seed is an error, as is a page whose only time is
relative ("Updated 2 hours ago"): neither can be resolved without knowing when the page was
scraped. A seed's sidecar (:mod:`.sidecar`) may give what the page lacks.

``Article.removed`` lists every line dropped as page junk with the name of its rule (the rules
are documented in :mod:`.junk`; "section-label", "masthead", "site-name", "byline-role" and
"dek-label" in :mod:`.header`; "photo-caption" here: a line of the body that ends in a photo's
credit is a caption the scraper left in, and the first one is the article's caption when the
header has none). Metadata lines are not junk and are not listed there.

The dateline comes from the metadata, else from the opening of the body (:mod:`.datelines`),
which stays in the text exactly as printed ("McALLEN, Texas (AP) — …"); only the recorded field
is given ordinary case ("McAllen").
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import NoHeadlineError, SeedError
from ..model import Article, Removed, Subheading
from .dates import PUBLISHED, UNLABELLED, FoundDate, starts_with_label
from .captions import photo_caption
from .html import ingest_html, is_html_seed
from .header import DATE_HINT, LOOKAHEAD, Header, merge, meta_of, parse_header
from .junk import classify, line_rule, mark_author_bios
from .locate import HEADER_WINDOW, SHORT_TEXT_WORDS, Located, find_article
from .shapes import prose_words, shape, shapes_of
from .datelines import body_dateline, opens_with_dateline
from .meta import read_meta_line
from .published import (
    copyright_year, dates_near_header, fill_years, inferences, is_meta, is_strict_meta, resolve_dates,
    with_first_published,
)
from .paragraphs import join_split_sentences
from .sidecar import DATE_EXAMPLE, Sidecar, hint
from .subheadings import find as find_subheadings
from .source import SourceLine, make_line, read_lines

__all__ = ["ingest"]


def ingest(data: bytes, source_file: str, overrides: Sidecar | None = None) -> Article:
    """Parse one seed. Raises :class:`generator.errors.SeedError` when it cannot be parsed.

    ``overrides``, the seed's sidecar (:mod:`.sidecar`), gives the headline or publication date
    of a seed that has none, which would be refused otherwise; apply() puts the rest on.
    A saved page (``seeds/x.html``) is read by :mod:`.html` instead, into the same Article."""
    if is_html_seed(source_file):
        return ingest_html(data, source_file, overrides)
    lines = read_lines(data, source_file)
    located = find_article(lines, is_meta, _not_a_title)
    header, body, head = _read_header(lines, located, source_file, overrides)
    rules = classify([line.text for line in body], header.meta.authors)
    reach = _text_reach(lines, located) if located is not None else None
    located_text = reach is not None
    if located_text:
        _outside_text(body, rules, lines, located, reach)
        mark_author_bios([line.text for line in body], rules, header.meta.authors)
    _body_captions(header, body, rules)
    kept = [line for line, rule in zip(body, rules) if rule is None]
    headings = find_subheadings(body, rules, header.title)
    if located_text:
        _short_lines(body, rules, headings)
    kept = [line for line, rule in zip(body, rules) if rule is None and line.line not in headings]
    removed = header.removed + [Removed(l.line, l.raw, r) for l, r in zip(body, rules) if r]
    paragraphs = join_split_sentences(kept)
    subheadings = tuple(
        Subheading(next((i for i, p in enumerate(paragraphs) if p.line > line), len(paragraphs)), text, line)
        for line, text in sorted(headings.items())
    )
    year = copyright_year(lines)
    dates = fill_years(header.meta.dates or [], year) or fill_years(dates_near_header(lines, located, head), year)
    published, updated = resolve_dates(with_first_published(dates, lines))
    if published is None and overrides is not None and overrides.published is not None:
        published = FoundDate(0, 0, overrides.published, PUBLISHED)  # the seed has none: the sidecar's
    if published is None:
        after_title = lines[1].line if len(lines) > 1 else lines[0].line
        problem = "no publication date found"
        if any(d.with_year for d in header.meta.dates or []):
            problem = "the date has no year and no other date in the header gives one"
        elif header.meta.relative:
            problem = "only a relative time ('2 hours ago'), which cannot be dated without the scrape time"
        raise SeedError(source_file, after_title, problem,
                        hint(source_file, DATE_EXAMPLE, f"if the scrape lost the page's date line, {DATE_HINT}"))
    meta = header.meta
    return Article(
        source_file=source_file,
        title=header.title,
        dek=header.dek,
        authors=tuple(meta.authors),
        reading_time=meta.reading_time,
        dateline=meta.dateline or body_dateline(paragraphs[0].text if paragraphs else None),
        published=published.iso,
        updated=updated.iso if updated else None,
        time_zone=published.zone or (updated.zone if updated else None),
        caption=header.caption,
        caption_credit=header.caption_credit,
        paragraphs=tuple(p.text for p in paragraphs),
        paragraph_lines=tuple(p.line for p in paragraphs),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        subheadings=subheadings,
        inferred=inferences(published, lines),
    )


@lru_cache(maxsize=4096)
def _not_a_title(line: SourceLine) -> str | None:
    """Why a line cannot be the headline or a part of the text's own header: a named junk rule,
    or a photo caption with its credit ("Roger Ailes. Photo: Jane Roe")."""
    rule = line_rule(line.text)
    if rule is None and photo_caption(line) is not None:
        rule = "photo-caption"
    return rule



_SHORT_LINE_WORDS = 12


def _short_lines(body: list[SourceLine], rules: list[str | None], headings: dict[int, str]) -> None:
    """``short-line``: inside the text, a short line that is neither a sentence, a list item,
    the start of a sentence cut across lines, nor a subheading is page furniture: "Read more",
    a teaser headline, a gallery or video label, a credit."""
    kept = [i for i, rule in enumerate(rules) if rule is None]
    shapes = shapes_of([body[i] for i in kept])
    for index, features in zip(kept, shapes):
        if body[index].line in headings or features.words > _SHORT_LINE_WORDS:
            continue
        if features.prose or features.sentence or features.list_item or features.continues:
            continue
        text = body[index].text
        if features.sentence_end and text[:1].isupper() and not text.rstrip().endswith(("...", "…")):
            continue  # "He died.", "Yes.": a whole sentence however short
        if opens_with_dateline(body[index].text):
            continue
        if body[index].text.rstrip().endswith(":"):
            continue  # "Key points:", "People are advised to:": it introduces what follows
        rules[index] = "short-line"


_LOCATED_MIN_WORDS = 80


_SHORT_TEXT_REACH = 2
"""How many lines of furniture after a short text may stand before a prose line that is still its own."""
_DATE_ABOVE_LINES = 4
"""How far above the headline a header's date line may stand (a video page's "World" / date / headline)."""


def _text_reach(lines: list[SourceLine], located: Located) -> int | None:
    """Whether the located text's bounds say what is furniture, and how far: None when they do
    not (in a few short lines, a line outside the run is as likely the article's own); 0 when the
    text is long enough that every line outside it is furniture; ``_SHORT_TEXT_REACH`` when the
    text is short but stands right under its headline and byline or date line (a video's or
    podcast's one paragraph): that says where the article is, and a prose line after a widget
    or two is still its own; 0 again when the short text, with a headline within the header
    window above it, is the only prose on the page (a video page's caption among menus and
    teaser titles)."""
    words = prose_words(shapes_of(lines[located.text_first: located.text_last + 1]))
    if words >= _LOCATED_MIN_WORDS:
        return 0
    if located.head is None or located.text_first - located.head > HEADER_WINDOW:
        return None
    # The header: the headline with its byline or date line under it, or a few lines above it
    # ("World" / "December 29 2014 9:11pm" / "Video of …"), and no prose between it and the text.
    between = range(located.head + 1, located.text_first)
    header = range(max(0, located.head - _DATE_ABOVE_LINES), located.text_first)
    under_its_header = (any(is_meta(lines[i]) for i in header)
                        and not any(shape(lines[i]).prose for i in between))
    if under_its_header and words >= SHORT_TEXT_WORDS:
        return _SHORT_TEXT_REACH
    # The only prose on the page: a video's caption among its menus and teaser lists.
    outside = lines[:located.text_first] + lines[located.text_last + 1:]
    alone = words >= SHORT_TEXT_WORDS and not any(shape(line).prose for line in outside)
    return 0 if alone else None


_UNREADABLE = ("unreadable date", "cannot read the date")
_MAX_UNREADABLE = 8


def _read_header(lines: list[SourceLine], located: Located | None, source_file: str,
                 overrides: Sidecar | None) -> tuple[Header, list[SourceLine], int]:
    """The header from the located headline on, the body lines after it, and the headline's index.

    With a sidecar, what it gives stands in for what the seed lacks: its headline above the
    first line when no line can be one, and its date for a date line that cannot be read (the
    line is then set aside as ``unreadable-date``); without one, those errors say how a sidecar
    helps."""
    found = located is not None and located.head is not None
    head = located.head if found else 0
    above = _metadata_above(lines, head) if found else []
    given, set_aside = lines[head:], []
    for _ in range(_MAX_UNREADABLE):
        try:
            try:
                header = parse_header(given, source_file, at_headline=found)
            except NoHeadlineError:
                if overrides is None or overrides.headline is None:
                    raise
                # No line can be the headline: the sidecar's stands above the first one.
                header = parse_header([make_line(0, overrides.headline), *given], source_file, at_headline=True)
            body = _take_date_lines(header, source_file)
            break
        except SeedError as error:
            if isinstance(error, NoHeadlineError) or not error.message.startswith(_UNREADABLE):
                raise
            if overrides is None or overrides.published is None:
                raise SeedError(error.file, error.line, error.message,
                                hint(source_file, DATE_EXAMPLE, error.hint), col=error.col) from None
            set_aside += [line for line in given if line.line == error.line]
            given = [line for line in given if line.line != error.line]
    else:
        raise SeedError(source_file, None, "too many unreadable date lines", DATE_HINT)
    for index in above:
        merge(header.meta, read_meta_line(lines[index].raw))
    header.removed[:0] = [Removed(l.line, l.raw, "above-headline") for i, l in enumerate(lines[:head]) if i not in above]
    header.removed.extend(Removed(l.line, l.raw, "unreadable-date") for l in set_aside)
    return header, body, head


def _metadata_above(lines: list[SourceLine], headline: int) -> list[int]:
    """The byline and date lines printed right above the headline (as magazines do), when none
    follow it: read into the header like those under a headline."""
    if any(is_meta(line) for line in lines[headline + 1: headline + 1 + LOOKAHEAD]):
        return []
    found, index = [], headline - 1
    while index >= 0 and headline - index <= LOOKAHEAD:
        line = lines[index]
        if is_strict_meta(line):
            found.append(index)
        elif not (line_rule(line.text) or len(line.text.split()) <= 2):
            break
        index -= 1
    return sorted(found)


def _outside_text(body: list[SourceLine], rules: list[str | None], lines: list[SourceLine], located: Located,
                  reach: int = 0) -> None:
    """``after-text``: a line after the article's text (:mod:`.locate`) is page furniture:
    related headlines, tags, share bars, footers; ``before-text``: the same between the header
    and the text. A prose line after the text's last line with at most ``reach`` lines of
    furniture between them extends it."""
    first, last = lines[located.text_first].line, lines[located.text_last].line
    since = 0
    for index, line in enumerate(body):
        if line.line > last and reach:
            since += 1
            if since <= reach + 1 and shape(line).prose:
                last, since = line.line, 0
        if rules[index] is not None or (first <= line.line <= last):
            continue
        if line.line < first and opens_with_dateline(line.text):
            continue  # "Springfield, Illinois CNN —" on its own line: the text's dateline
        rules[index] = "after-text" if line.line > last else "before-text"


def _take_date_lines(header: Header, source_file: str) -> list[SourceLine]:
    """Body lines without the date lines among them ("First published on …" footers)."""
    body = []
    for line in header.body:
        meta = meta_of(line, source_file) if starts_with_label(line.raw) else None
        if meta is not None and meta.dates and all(d.kind != UNLABELLED for d in meta.dates):
            merge(header.meta, meta)
        else:
            body.append(line)
    return body


def _body_captions(header: Header, body: list[SourceLine], rules: list[str | None]) -> None:
    """``photo-caption``: a body line that ends in a photo's credit ("… (AP Photo/Eric Gay)") is
    a caption the scraper left in the text; the first becomes the article's caption when the
    header had none."""
    for index, line in enumerate(body):
        caption = photo_caption(line) if rules[index] is None else None
        if caption is None:
            continue
        rules[index] = "photo-caption"
        if header.caption is None:
            header.caption, header.caption_credit = caption
