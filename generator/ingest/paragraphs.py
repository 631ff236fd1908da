"""Body paragraphs: one per seed line, with sentences the scraper split across lines joined again.

Scrapers sometimes break a paragraph in the middle of a sentence ("…there are legitimate" /
"concerns over China's export curbs…"). The rule, applied to the plain text of each pair of
neighbouring kept lines (junk between them already removed):

    Join A and B with one space when A does not end a sentence and B continues it.

* A **ends a sentence** when its last character, after closing quotes, brackets and emphasis
  markers, is one of ``. ! ? … : ;`` — except a full stop that closes a known abbreviation
  ("D.C.", "U.S.", "Inc.", "Gen.") when B starts in lower case: that is a split after the
  abbreviation, not a sentence end. A colon or semicolon ends A on purpose: what follows (a list,
  a quotation) is its own paragraph.
* B **continues** A when it starts with a lower-case letter (after opening quotes or brackets),
  or when A ends with a word that cannot end an English sentence ("the", "of", "for", "and" …,
  see ``_DANGLING``) and B starts with a letter, digit or currency sign.
* Never joined: list items (either side starts with "- ", "* ", "• " or "1. "), Markdown headings,
  and a heading-like A (short, no verb-like lower-case word, Title Case) before a capitalised B.
* A line ending in a letter and a hyphen ("long-") joins without a space ("long-term").

Joins chain: A+B can join C. The joined source keeps its inline Markdown until it is resolved as
one piece, so emphasis that spans the split ("**…legitimate" / "concerns…**") resolves too.
"""

from __future__ import annotations

import re

from .inline import plain
from .source import SourceLine

_ENDS_SENTENCE = frozenset(".!?\u2026:;")
_TRAILING = "\"'\u201d\u2019)]*_ "
_LEADING = "\"'\u201c\u2018([*_ "
_LIST_ITEM = re.compile(r"(?:[-*+\u2022\u2013]\s|\d{1,3}[.)]\s|#{1,6}\s)")
_DANGLING = frozenset(
    "a an the of for to and or but nor with from into onto than between whose whether among "
    "its their our his her your my this these those such per via by at in on as is are was were "
    "be been being has have had will would shall should can could may might must that which who "
    "whom if because although though while when where including like unlike despite".split()
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}"
    r"|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|Rev|St|Jr|Sr|Inc|Ltd|Co|Corp|Bros"
    r"|No|Nos|Vol|approx|etc|vs|cf|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)$"
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_HEADING_WORDS = 8
# No sentence ends with a spaced dash: "Washington CNN —" on its own line opens the next one.
_SPACED_DASH_END = re.compile(r"\s(?:\u2014|\u2013|--?)$")
_CURRENCY = "$\u00a3\u20ac\u00a5\u20b9"


_HEADING_CHARS = 200


def _is_block(raw: str) -> bool:
    return _LIST_ITEM.match(raw) is not None


def _looks_like_heading(text: str) -> bool:
    if len(text) > _HEADING_CHARS:
        return False  # and a long paragraph is not split again on every join
    words = text.split()
    return len(words) <= _HEADING_WORDS and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _starts_lower(text: str) -> bool:
    head = text.lstrip(_LEADING)[:1]
    return head.isalpha() and head.islower()


def continues(previous: str, following: str) -> bool:
    """True when plain-text line ``following`` continues the sentence ``previous`` left open."""
    tail = previous.rstrip(_TRAILING)
    if not tail or not following:
        return False
    # Only the end matters; looking at a short tail keeps a huge paragraph linear.
    tail = tail[-64:]
    if tail[-1] in _ENDS_SENTENCE:
        return tail[-1] == "." and _ABBREVIATION.search(tail) is not None and _starts_lower(following)
    if _starts_lower(following) or _SPACED_DASH_END.search(tail):
        return True
    if _looks_like_heading(previous):
        return False
    last = _LAST_WORD.search(tail)
    dangling = last is not None and last.group(1).lower() in _DANGLING and tail.endswith(last.group(1))
    head = following.lstrip(_LEADING)[:1]
    return dangling and (head.isalnum() or head in _CURRENCY)


def _glue(raw_a: str, raw_b: str) -> str:
    # Only the last two characters matter ("inter-" / "national"); a search for "[A-Za-z]-$"
    # scanned the whole growing paragraph at every join.
    if raw_a[-2:-1].isascii() and raw_a[-2:-1].isalpha() and raw_a.endswith("-"):
        return raw_a + raw_b
    return f"{raw_a} {raw_b}"


def join_split_sentences(lines: list[SourceLine]) -> list[SourceLine]:
    """The paragraphs: each line on its own, except that continuations are joined (module doc).

    A paragraph's Markdown is assembled once, when it is complete: joining line by line and
    reading the growing paragraph again at each step took quadratic time (19,000 split lines,
    within a seed's limits, took 13 s). Whether a line continues is decided on the plain text of
    the lines read so far, which is what the paragraph's own reading gives at its end."""
    paragraphs: list[SourceLine] = []
    pieces: list[SourceLine] = []
    raw = text = ""

    def close() -> None:
        if pieces:
            paragraphs.append(pieces[0] if len(pieces) == 1 else SourceLine(pieces[0].line, raw, plain(raw)))

    for current in lines:
        if pieces and not _is_block(raw) and not _is_block(current.raw) and continues(text, current.text):
            pieces.append(current)
            raw, text = _glue(raw, current.raw), _glue(text, current.text)
            continue
        close()
        pieces, raw, text = [current], current.raw, current.text
    close()
    return paragraphs
