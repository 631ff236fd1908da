"""What a seed's lines look like: the shallow features the ingest reads a page by.

Each line gets a :class:`LineShape` (boilerpipe's shallow text features, Kohlschütter et al.,
2010, and jusText's stopword density): its words, its share of link text and of English function
words, whether it ends as a sentence, is a heading or a list item, opens a list, or is
capitalised as a title. :mod:`.locate` finds the article with them, and :mod:`.subheadings`
and the ingest's short-line rule read them too. Pure functions of a line, cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .source import SourceLine

# English function words: their share of a line's words is high in running text and low in
# menus, labels and headline lists (jusText's "stopword density").
FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into about over after before under "
    "is are was were be been being has have had do does did will would can could should may might "
    "must shall not no that this these those there their they them he she him her his its it we "
    "our us you your i me my who whom which what when where why how than then so such also just "
    "more most some any all each other up out off down said says".split()
)
WORD = re.compile(r"[A-Za-z\u00C0-\u024F']+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_HEADING = re.compile(r"(#{1,6})\s")
NUMBERED = re.compile(r"\d{1,2}[.)]\s+\S")
"""A numbered item or title as the reader sees it: "3. Long-distance drones"."""
_LIST_ITEM = re.compile(r"(?:[-*+•\u2022\u25aa]|\d{1,2}[.)])\s+\S")

PROSE_MIN_WORDS = 8
"""A prose line has at least this many words (a one-line lede is rarely shorter)."""
LONG_LINE_WORDS = 25
"""A line this long is prose even without a closing full stop (a paragraph cut by the scraper)."""
_MIN_FUNCTION_SHARE = 0.2
MAX_LINK_SHARE = 0.5
_HEADING_PROSE_WORDS = 15
"""A Markdown heading this long that ends as a sentence does is a paragraph the page marked up as one."""


@dataclass(frozen=True)
class LineShape:
    """The shallow features of one line."""

    words: int
    """Its number of words."""
    link_share: float
    """The share of its text that is link text (Markdown-style seeds only; 0 in plain ones)."""
    function_share: float
    """The share of its words that are English function words."""
    sentence_end: bool
    """It ends as a sentence does (full stop, question or exclamation mark, closing quote)."""
    heading: int
    """Its Markdown heading level (1 for ``#``), 0 when it is not a heading."""
    list_item: bool
    """It is a Markdown list item, starts with a bullet, or reads as a numbered item ("1. …",
    also when Markdown escaped it as "1\\. …")."""
    introduces: bool = False
    """It ends with a colon: it introduces what follows ("Shop the illustration here:")."""
    title_case: bool = False
    """Its words are capitalised as a headline's are ("27 Of The Funniest Texts Ever Sent."):
    a teaser's title, even when it ends with a full stop."""
    continues: bool = False
    """The next line starts in lower case: this one is cut mid-sentence (set by :func:`shapes_of`)."""

    @property
    def sentence(self) -> bool:
        """Reads as a short sentence or a list item of the text: weaker than :attr:`prose`."""
        return (
            self.link_share <= MAX_LINK_SHARE and not self.heading and self.words >= 3 and not self.title_case
            and (self.sentence_end or self.list_item)
        )

    @property
    def prose(self) -> bool:
        """Reads as article prose (see the module docstring)."""
        if self.link_share > MAX_LINK_SHARE or self.title_case:
            return False
        if self.heading:
            # A paragraph the page set as a heading (BuzzFeed's "##"): long, ending as a sentence.
            return (self.words >= _HEADING_PROSE_WORDS and self.sentence_end
                    and self.function_share >= _MIN_FUNCTION_SHARE)
        if self.words >= LONG_LINE_WORDS:
            return self.function_share >= _MIN_FUNCTION_SHARE * 0.75
        return (
            self.words >= PROSE_MIN_WORDS and self.sentence_end
            and self.function_share >= _MIN_FUNCTION_SHARE
        )


@lru_cache(maxsize=4096)
def shape(line: SourceLine) -> LineShape:
    """The features of a line, from its plain text and (for links) its raw Markdown."""
    words = WORD.findall(line.text.lower())
    link_chars = sum(len(m.group(1)) for m in _LINK.finditer(line.raw)) if "](" in line.raw else 0
    heading = _HEADING.match(line.raw)
    return LineShape(
        words=len(words),
        link_share=min(1.0, link_chars / max(len(line.text), 1)),
        function_share=len(FUNCTION_WORDS.intersection(words)) and sum(w in FUNCTION_WORDS for w in words) / len(words),
        sentence_end=_SENTENCE_END.search(line.text) is not None,
        heading=len(heading.group(1)) if heading else 0,
        # "1\. Wrap blouse" in Markdown reads "1. Wrap blouse": a numbered item as the reader sees it.
        list_item=_LIST_ITEM.match(line.raw) is not None or NUMBERED.match(line.text) is not None,
        introduces=line.text.rstrip().endswith(":"),
        title_case=_title_cased(line.text),
    )


def _title_cased(text: str) -> bool:
    """Whether a line of five to twenty words capitalises all but its small words, five of them
    at least, as titles do. Numbers and signs ("27", "&", "$5") are passed over; a line in
    capitals is a shout or a label, not a title's case; a list of names has its commas
    ("Colorado: Ryan Call, Laura Carno, …" is not one)."""
    tokens = text.split()
    if not 5 <= len(tokens) <= 20 or text.count(",") >= 2 or text.upper() == text:
        return False
    big = 0
    for token in tokens:
        word = token.strip(_TOKEN_EDGES)
        if not word or not word[0].isalpha() or word.lower() in _SMALL_TITLE_WORDS:
            continue
        if not word[0].isupper():
            return False  # most lines of prose stop here, at their first or second word
        big += 1
    return big >= 5


_TOKEN_EDGES = "\"'“”‘’()[]*_.,;:!?…-—–"
_SMALL_TITLE_WORDS = frozenset("a an the and or but nor of to in on at by for with from as vs via".split())


def shapes_of(lines: list[SourceLine]) -> list[LineShape]:
    """The features of every line, with :attr:`LineShape.continues` from the line after it."""
    shapes = [shape(line) for line in lines]
    for index in range(len(lines) - 1):
        following = lines[index + 1].text
        if following[:1].islower() and not shapes[index].sentence_end and shapes[index].words >= 2:
            shapes[index] = replace(shapes[index], continues=True)
    return shapes


def prose_words(shapes: list[LineShape]) -> int:
    """How many words the prose lines among ``shapes`` hold."""
    return sum(features.words for features in shapes if features.prose)
