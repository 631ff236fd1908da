"""Finding the article on a scraped page: where its text runs, and where its header stands.

A scraper grabs a region of the page, not the article: menus, section labels and teaser
headlines above the headline; share bars, captions and "most read" lists inside; bios, related
headlines and the footer after. Phrase lists cannot know every site's furniture, so this module
goes by what lines *look like*, as boilerpipe's shallow text features (Kohlschütter et al., 2010)
and jusText's paragraph classes do:

* a **prose** line is long enough, reads as sentences (it ends like one, or is long), is mostly
  not link text, and has the function-word density of running text (:data:`FUNCTION_WORDS`);
* the **article text** is the run of lines with the most prose in it: each prose line adds its
  words, every other line costs ``_GAP_COST`` plus its own words (a maximum-sum run), so a few
  captions or widgets inside the text are bridged while a list of related headlines after it
  is not; a byline, date or "… says:" line that heads one of a list of items (comments under
  their times, teasers under their bylines) costs more, and once the article has told 150 words
  the first item that carries prose of its own ends the text;
* the **header** stands just above the text: the headline is the line that reads like a title
  nearest above the first byline or date line (a Markdown ``#`` heading when the scraper kept
  one), so section labels, city names and teaser headlines higher up are page furniture;
* when the run found has no header, the text under the nearest header above it (a title with
  its byline or date line under it) is the article if it holds a third of the run's prose (a
  short video page under a block of blurbs), and a header further up than the window, with no
  prose between, still heads the run;
* a line capitalised as a title ("27 People Who …") is neither prose nor a sentence, however it
  ends; a Markdown heading long enough and ending as a sentence is a paragraph set as one; a
  short line ending with a colon and the list under it close the text.

Everything here is a pure function of the seed's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .shapes import FUNCTION_WORDS, MAX_LINK_SHARE, WORD, LineShape, prose_words, shapes_of
from .source import SourceLine

_GAP_COST = 4
_GAP_GROWTH = 2
"""A gap's line costs up to this many times _GAP_COST as the gap goes on."""
_DATED_COST = 15
"""What a byline or date line heading one of a list of items costs the run on top (see :func:`_dated_items`)."""
_INTRODUCING_WORDS = 8
"""A line ending with a colon this short may open a list at the text's end ("Shop the illustration here:")."""
HEADER_WINDOW = 28
"""How many lines above the article text the header may stand."""


def text_run(
    shapes: list[LineShape], weights: list[float] | None = None, dated: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """(first, last) index of the run of lines with the most prose, or None without prose.

    ``weights`` scale each prose line's gain (its cohesion with the article, see
    :func:`find_article`); without them every prose word counts one. ``dated`` lines (a byline
    or date line) cost ``_DATED_COST`` inside a run: prose after one is another item's (a
    comment under its time, a teaser under its byline), so the text rarely runs across one.
    """
    best, best_span = 0.0, None
    total, start, streak = 0.0, 0, 0
    for index, features in enumerate(shapes):
        if features.prose:
            gain = min(features.words, 120) * (weights[index] if weights else 1.0)
            streak = 0
        else:
            # Each further line of a gap costs more: a caption or two inside the text is
            # bridged, a long block of furniture (a comment section, a footer) is a boundary.
            streak += 1
            gain = -(_GAP_COST * min(streak, _GAP_GROWTH) + min(features.words, 30) / 2)
            if index in dated:
                gain -= _DATED_COST
        if total <= 0:
            total, start = 0.0, index
        total += gain
        if features.prose and total > best:
            best, best_span = total, (start, index)
    if best_span is None:
        return None
    first = next(i for i in range(best_span[0], best_span[1] + 1) if shapes[i].prose)
    last = best_span[1]
    # The text's own short lines at its ends: a closing "Here is what we know so far.", a list
    # (and the line that opens it), a first line cut mid-sentence ("…will hire" / "teachers as
    # the state…").
    while last + 1 < len(shapes):
        if _part_of_text(shapes[last + 1]):
            last += 1
        elif (shapes[last + 1].introduces and shapes[last + 1].words <= _INTRODUCING_WORDS
              and last + 2 < len(shapes) and shapes[last + 2].list_item and _part_of_text(shapes[last + 2])):
            last += 2  # "Shop the illustration here:" and the list it opens
        else:
            break
    while first > 0 and _part_of_text(shapes[first - 1]):
        first -= 1
    return first, last


def _part_of_text(features: LineShape) -> bool:
    return features.prose or features.sentence or features.continues


@dataclass(frozen=True)
class Located:
    """Where the article stands among a seed's lines (indexes into them)."""

    head: int | None
    """The headline's line; None when no line above the text reads like one."""
    text_first: int
    """The first line of the article text."""
    text_last: int
    """The last line of the article text."""


def find_article(lines: list[SourceLine], is_meta, is_junk) -> Located | None:
    """Where the headline and the article text are; None when no line reads as prose.

    ``is_meta(line)`` says whether a line is a byline or date line, ``is_junk(line)`` whether a
    line is page junk by a named rule (both from the header's readers, passed in so this module
    stays below them).
    """
    shapes = shapes_of(lines)
    run = text_run(shapes)
    if run is None:
        return None
    dated = _dated_items(lines, shapes, run[0], is_meta)
    run = text_run(shapes, dated=dated) or run
    run = (_after_a_header_inside(lines, shapes, run, is_meta), run[1])
    # A second pass weighs each prose line by how much it shares the article's words (its lead
    # and headline, from the first pass), so teasers, comments and summaries of other stories
    # at the text's edge count for less than the article's own paragraphs (lexical cohesion).
    head = _headline_index(lines, shapes, run, is_meta, is_junk)
    topic = _lead_stems(lines, *run) | (frozenset(_stems(lines[head].text)) if head is not None else frozenset())
    weights = [
        _COHESION_FLOOR + (1 - _COHESION_FLOOR) * min(1.0, _overlap(line.text, topic) / _COHESIVE)
        if features.prose else 1.0
        for line, features in zip(lines, shapes)
    ]
    first, last = text_run(shapes, weights, dated) or run
    first = _after_a_header_inside(lines, shapes, (first, last), is_meta)
    last = _before_the_items(shapes, dated, first, last)
    first, last, far_head = _under_a_header(lines, shapes, (first, last), dated, is_meta, is_junk)
    if far_head is not None:
        head = far_head
    elif first != run[0]:
        head = _headline_index(lines, shapes, (first, last), is_meta, is_junk)
    return Located(head, first, last)


def _under_a_header(lines: list[SourceLine], shapes: list[LineShape], run: tuple[int, int],
                    dated: frozenset[int], is_meta, is_junk) -> tuple[int, int, int | None]:
    """The text under the article's header when the run found has none above it: a teaser list
    or a block of blurbs elsewhere on the page can hold more prose than a short article, but
    only the article stands under a headline and its byline or date line. A header is a
    title-like line with a byline or date line right under it (not one of a list of dated
    items); the text is then the best run that starts within ``HEADER_WINDOW`` lines under it
    and before the next header, with ``SHORT_TEXT_WORDS`` words of prose at least, and a
    third of the prose of the run found. Failing that, a header further above the run than
    ``HEADER_WINDOW``, with no prose between (a long menu under the byline), is the run's own:
    its title line is returned as the headline (else None: the caller picks one)."""
    first, last = run
    if any(is_meta(lines[i]) for i in range(max(0, first - HEADER_WINDOW), last + 1)):
        return first, last, None  # the run has a header above it, or took its header in
    found_words = prose_words(shapes[first:last + 1])
    # An article's header stands above its text: a dated title below the run found is a teaser's.
    headers = [i for i in range(1, first) if i not in dated and not shapes[i].prose and is_meta(lines[i])
               and _title_like(lines[i - 1], shapes[i - 1], is_junk) and not is_meta(lines[i - 1])]
    for header in reversed(headers):  # the nearest first
        # Up to the next header, or to the run found: its prose is what this one must stand beside.
        end = min([h for h in headers if h > header] + [first])
        found = text_run(shapes[header + 1:end], dated=frozenset(i - header - 1 for i in dated if header < i < end))
        if found is None:
            continue
        start, stop = found[0] + header + 1, found[1] + header + 1
        words = prose_words(shapes[start:stop + 1])
        if start - header <= HEADER_WINDOW and words >= max(SHORT_TEXT_WORDS, found_words * _UNDER_A_HEADER_SHARE):
            return start, stop, None
    above = [h for h in headers if h < first and not any(shapes[i].prose for i in range(h + 1, first))]
    return first, last, (above[-1] - 1 if above else None)


SHORT_TEXT_WORDS = 25
"""Prose words a short text under its header needs, to be taken for the article's."""
_UNDER_A_HEADER_SHARE = 1 / 3
"""The text under a header holds at least this share of the prose of the run found without one:
a legal line under a comment's byline does not outweigh the article's paragraphs."""


def _after_a_header_inside(lines: list[SourceLine], shapes: list[LineShape], run: tuple[int, int], is_meta) -> int:
    """The text's first line, moved past the article's header when the run took it in: no
    byline or date line stands above the run, but one stands in its first ``_HEADER_SHARE`` of
    prose (menus of one-line blurbs above the headline read as prose too). The text then starts
    at the first prose line past the header's byline and date lines."""
    first, last = run
    if any(is_meta(lines[i]) for i in range(max(0, first - HEADER_WINDOW), first)):
        return first
    total = prose_words(shapes[first:last + 1])
    before = 0
    for index in range(first, last + 1):
        if shapes[index].prose:
            before += shapes[index].words
            if before > _HEADER_SHARE * total:
                return first
        elif is_meta(lines[index]):
            header = index
            while (header + 1 <= last and not shapes[header + 1].prose) or (
                    header + 2 <= last and is_meta(lines[header + 2])):
                header += 1  # the rest of the header: a byline under the date, past a dek
            return next((i for i in range(header + 1, last + 1) if shapes[i].prose), first)
    return first


_HEADER_SHARE = 0.25


def _before_the_items(shapes: list[LineShape], dated: frozenset[int], first: int, last: int) -> int:
    """The text's last line, ended before a list of dated items it runs into (a comment section,
    a list of teasers under their bylines) once ``_TEXT_BEFORE_ITEMS`` words of prose stand above
    the first item: the article is told, and what follows is other people's."""
    inside = sorted(i for i in dated if first < i <= last)
    if not inside:
        return last
    head = inside[0]
    while head > first and not shapes[head - 1].prose:
        head -= 1  # the item's title and byline above its date ("Chris Christie: …" / "Sky Palma")
    words = prose_words(shapes[first:head])
    if words < _TEXT_BEFORE_ITEMS:
        return last
    return max(i for i in range(first, head) if _part_of_text(shapes[i]))


_TEXT_BEFORE_ITEMS = 150


def _dated_items(lines: list[SourceLine], shapes: list[LineShape], start: int, is_meta) -> frozenset[int]:
    """The byline and date lines after ``start`` that head a list of items: at least ``_ITEMS``
    items, each within ``_ITEM_LINES`` lines of the last (comments under their times, teasers
    under their bylines); lines next to each other head one item (a byline over its date). One
    or two alone may be the article's own header or a video embedded in its text, and a list of
    dated headlines without text of their own ("Related Articles") is bridged like a caption."""
    dated = [i for i in range(start, len(lines))
             if not shapes[i].prose and "(@" not in lines[i].text  # an embedded post's credit is the text's
             and (is_meta(lines[i]) or _COMMENT_HEAD.fullmatch(lines[i].text))]
    items: set[int] = set()
    group: list[int] = []
    heads = 0
    for index in dated + [len(lines) + _ITEM_LINES + 1]:
        if group and index - group[-1] > _ITEM_LINES:
            if heads >= _ITEMS and any(shapes[i].prose for i in range(group[0], group[-1])):
                items.update(group)  # items with text of their own; dated headlines alone are bridged
            group, heads = [], 0
        heads += not group or index - group[-1] > 1
        group.append(index)
    return frozenset(items)


_ITEMS = 3
_ITEM_LINES = 12
AGO = r"\d{1,2} (?:minutes?|hours?|days?|weeks?|months?) ago"
"""How long ago a comment was written ("1 day ago"), as comment sections print it."""
_COMMENT_HEAD = re.compile(
    rf"[\w.'\u2019\-]+(?: [\w.'\u2019\-]+){{0,3}}(?: (?:says|said|wrote|writes)\s*:|\s*\({AGO}\))")
"""A comment's head: its writer's name and "says:" or how long ago ("Marilyn says:", "enoch68
wrote:", "Richard Hart (1 day ago)")."""


_COHESION_FLOOR = 0.2
"""What a prose line sharing no word with the article still counts for."""
_COHESIVE = 0.35
"""A prose line sharing this share of its content words with the article counts fully."""


def _title_like(line: SourceLine, features: LineShape, is_junk) -> bool:
    """Could be a headline: a few words to a long title, mostly not a link, not named junk."""
    if not (2 if features.heading else 3) <= features.words <= 30 or (features.link_share > MAX_LINK_SHARE and not features.heading):
        return False  # a heading that links to its own page is still the headline
    if features.sentence_end and features.words >= 20 and not features.heading:
        return False  # a sentence that long is a dek or a paragraph
    if len(_RUN_TOGETHER.findall(line.text)) >= 2:
        return False  # a widget's labels run together ("My NewsManage ProfileEmail PreferencesSign Out")
    if line.text.endswith(("( )", "()", "[ ]", "[]")):
        return False  # an image's alt text with its credit's link gone: "NGS 2015 Conference ( )"
    if _BYLINE_START.match(line.text):
        return False  # "By Jane Doe and …": a byline, even where its names cannot be read
    if _CREDIT_RUN_IN.search(line.text):
        return False  # a caption with its credit run in: "… in an undated picture.Facebook"
    tail = _CREDIT_TAIL.search(line.text)
    if tail and len(line.text[: tail.start()].split()) >= 5 and not _ABBREVIATION.search(line.text, 0, tail.start() + 3):
        return False  # a caption with its credit ("… on June 18, 2015. Ann Roe/AP hide caption")
    return is_junk(line) is None and any(ch.isalpha() for ch in line.text)


# A sentence (five words or more) closed by a full stop (after a word in lower case or a number,
# not an initial as in "S.C.") and a short tail without closing punctuation: a photo caption and its credit or widget.
_CREDIT_TAIL = re.compile(r"[a-z0-9]{2}\.\s+(?:[|\-\u2013\u2014]\s+)?\S+(?:\s+\S+){0,4}$(?<![.!?\"'\u201d\u2019])")
_CREDIT_RUN_IN = re.compile(r"\b[a-z]{2,}\.[A-Z][A-Za-z]+(?:/[A-Za-z ]+)?$")
"""A credit run into the sentence before it ("picture.Facebook", "rally.AP/Jane Roe"), as a
scraper joins a caption and its credit; a web address ends in lower case ("Amazon.com")."""
_BYLINE_START = re.compile(r"By\s+[A-Z][\w'\u2019\-]+\s+[A-Z]")
# The stop of an abbreviation ("Dec. 22", "St. Louis", "Gov. Roe"), not a sentence's end.
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{1,3}\.$")
# A word in lower case run into a capitalised one: where a scraper joined a widget's labels. One
# may be a name ("YouTube", "McCain"); two in a line are labels.
_RUN_TOGETHER = re.compile(r"[a-z]{2}[A-Z][a-z]")


def _headline_index(lines, shapes, text: tuple[int, int], is_meta, is_junk) -> int | None:
    """The headline above the ``text`` (its first and last line): the best-scored title-like
    line of the header window (see :func:`_title_score`), the nearest on a tie; None without one."""
    first = text[0]
    top = max(0, first - HEADER_WINDOW)
    metas = [i for i in range(top, first) if is_meta(lines[i])]
    titles = [
        i for i in range(first - 1, top - 1, -1)
        if _title_like(lines[i], shapes[i], is_junk) and i not in metas
    ]
    if not titles:
        # The headline may read as a sentence and so open the run ("Take a tour … — it's for sale!").
        return first if _title_like(lines[first], shapes[first], is_junk) else None
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    repeated = _repeated_titles(lines[:first], titles)
    kept = [i for i in range(top, first + 1) if is_junk(lines[i]) is None]
    rank = {index: position for position, index in enumerate(kept)}
    lead = _lead_stems(lines, *text)

    def shape_score(i: int) -> float:
        return _title_score(i, lines, shapes, metas, rank, first, counts) + (_REPEAT_BONUS if i in repeated else 0.0)

    def score(i: int) -> float:
        return shape_score(i) + _LEAD_WEIGHT * _overlap(lines[i].text, lead)

    best = max(titles, key=lambda i: (score(i), i))
    # A headline stands right above its dek: the title-like line just above the best (nothing
    # but junk between them), about the text too, with three content words (a label such as
    # "U.S. News Weekly" has fewer) and shaped nearly as well, is the headline. Shape alone is
    # compared: a dek summarises the lead, so it shares more of its words than the headline.
    upper = max((i for i in kept if i < best), default=None)
    if (upper is not None and upper in titles and shapes[upper].words >= 4
            and not _ends_with_stop(lines[upper].text) and _overlap(lines[upper].text, lead) >= _DEK_OVERLAP
            and len(_stems(lines[upper].text)) >= 3
            and shape_score(upper) >= shape_score(best) - _DEK_MARGIN):
        return upper
    return best


_LEAD_WORDS = 300
_REPEAT_BONUS = 2.0
_REPEAT_MIN_CHARS = 16
_SENTENCE_REPEAT_WORDS = 12


def _squashed(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _repeated_titles(lines: list[SourceLine], titles: list[int]) -> set[int]:
    """The title-like lines the page prints again: a headline is repeated in the page's title
    line ("… | CBC News"), its breadcrumb ("Home » World » …") or a share box, where a dek, a
    caption or a section label is not. Letters and digits only, so labels run together count.
    ``lines`` are those above the text: a teaser repeated in a list after it, or a site name in
    the copyright line at the foot of the page, is not a headline's repeat; nor is a long
    sentence printed twice (a summary, a newsletter's pitch)."""
    squashed = [_squashed(line.text) for line in lines]
    found = set()
    for i in titles:
        mine = squashed[i]
        if len(mine) < _REPEAT_MIN_CHARS or len(lines[i].text.split()) < 4:
            continue
        if len(lines[i].text.split()) >= _SENTENCE_REPEAT_WORDS and lines[i].text.rstrip().endswith("."):
            continue  # a long sentence printed twice is a summary or a newsletter's pitch, not a headline
        if any(j != i and (other.startswith(mine) or other.endswith(mine)) for j, other in enumerate(squashed)):
            found.add(i)
    return found
_DEK_MARGIN = 2.0
_DEK_OVERLAP = 0.3
_LEAD_WEIGHT = 4.0


def _ends_with_stop(text: str) -> bool:
    return text.rstrip("\"'”’)").endswith((".", "…"))


@lru_cache(maxsize=4096)
def _stems(text: str) -> tuple[str, ...]:
    """Content words of a text, cut to five letters (so "telescopes" meets "telescope")."""
    words = (w[:-2] if w.endswith("'s") else w for w in WORD.findall(text.lower()))
    return tuple(w[:5] for w in words if len(w) >= 3 and w not in FUNCTION_WORDS)


def _lead_stems(lines: list[SourceLine], first: int, last: int) -> frozenset[str]:
    """The content words of the text's first ``_LEAD_WORDS`` words; a short text's alone, not
    the footer's under it (its promotions and mastheads would read as the article's words)."""
    stems: list[str] = []
    for line in lines[first:last + 1]:
        stems.extend(_stems(line.text))
        if len(stems) >= _LEAD_WORDS:
            break
    return frozenset(stems)


def _overlap(text: str, lead: frozenset[str]) -> float:
    """The share of a line's content words that the article's lead uses: a headline is about
    the text under it; a masthead, a section label or a teaser for another story is not."""
    stems = _stems(text)
    return sum(stem in lead for stem in stems) / len(stems) if stems else 0.0


def _title_score(i, lines, shapes, metas, rank, first, counts) -> float:
    """How much a line of the header window looks like the headline.

    A Markdown ``#`` heading, a title's length (four to twenty words) and no closing full stop
    (a question or an exclamation is a title's; the caller adds the words shared with the lead),
    standing within four lines above the byline or date lines (or two below them), nearer the
    text. Short lines (section labels, "Reviews") and lines right under another title (a dek)
    score lower.
    """
    features = shapes[i]
    score = {1: 4.0, 2: 1.5, 3: 1.0}.get(features.heading, 0.0)
    score += 1.0 if 4 <= features.words <= 20 else (-2.0 if features.words <= 3 else 0.0)
    score += 1.0 if not _ends_with_stop(lines[i].text) else 0.0
    letters = [ch for ch in lines[i].text if ch.isalpha()]
    if features.words >= 2 and letters and all(ch.isupper() for ch in letters):
        score -= 1.5  # mastheads and section labels are set in capitals, headlines rarely
    here = rank.get(i)
    if here is not None:
        gaps = [rank[m] - here for m in metas if m in rank]
        if any(0 < gap <= 4 for gap in gaps):
            score += 3.0 - 0.25 * min(g for g in gaps if g > 0)
        elif any(-2 <= gap < 0 for gap in gaps):
            score += 2.0
    above = i - 1
    while above >= 0 and not lines[above].text.strip():
        above -= 1
    if above >= 0 and shapes[above].words >= 4 and not _ends_with_stop(lines[above].text) and not shapes[above].prose:
        score -= 1.0  # the line above could be the headline and this its dek
    if counts.get(lines[i].text, 0) >= 3:
        score -= 1.0  # a label the page repeats
    return score - 0.02 * (first - i)
