"""Sentence splitting with character offsets: the one splitter every stage uses (extract for
quotes and key points, link for an entity's sentence, annotations for anchors).

Hand-written rather than taken from a library: the NLP libraries that split well (spaCy, NLTK's
Punkt, stanza) need downloaded models or weigh far more than extract's 4 ms budget allows, and
news prose needs only a few rules: a full stop, question or exclamation mark (plus any closing
quote) followed by space and a capital, digit or opening quote ends a sentence, unless the word
before the stop is an abbreviation or an initial ("S. Jaishankar", "Mr. Rubio", "Jan. 5", "9 a.m.
Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph."""

    paragraph: int
    """0-based paragraph index."""
    start: int
    """Offset of the first character in the paragraph."""
    end: int
    """Offset one past the last character."""
    text: str
    """The sentence, verbatim."""


_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[]?(\w+)")
# Abbreviations after which a full stop does not end a sentence when a name or number follows.
_TITLES = frozenset("""Mr Mrs Ms Mx Dr Prof Gen Lt Col Capt Cmdr Sgt Maj Adm Sen Rep Gov Pres Hon Rev Fr
    St Mt Ft Jr Sr No Nos Vol Art Sec Fig Ch Para Rs Re Messrs vs v Sr Supt Insp Brig Cdr Det Amb""".split())
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Words that open a new sentence after a dotted acronym ("... in the U.S. The talks ...").
_STARTERS = frozenset("""The This That These Those It Its He She They We I In On At But And As A An If
    When While After Before However Meanwhile Officials Now There Here His Her Their Our""".split())


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, leading and trailing spaces excluded."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _is_abbreviation(text, match.start(), end):
            continue
        spans.append(trim_span(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(trim_span(text, start, len(text)))
    return spans


def _is_abbreviation(text: str, stop: int, end: int) -> bool:
    if text[stop:end] != ".":
        return False  # "?", "!", "..." or a stop before a closing quote end the sentence
    begin = stop
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
        begin -= 1
    token = text[begin:stop]
    if not token:
        return False
    last = token.rsplit(".", 1)[-1]
    next_word = _NEXT_WORD.match(text, end)
    next_word = next_word.group(1) if next_word else ""
    if len(last) == 1 and last.isupper():  # an initial ("S.") or a dotted acronym ("U.S.", "D.C.")
        return "." not in token or next_word not in _STARTERS
    if token.lower() in ("a.m", "p.m"):  # "at 9 a.m. Monday", unless a sentence plainly starts
        return next_word not in _STARTERS
    if last in _TITLES:
        return True
    return last in _MONTHS and next_word[:1].isdigit()


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed so that ``text[start:end]`` has no white space at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_article(paragraphs) -> list[Sentence]:
    """Every sentence of the article, in order."""
    return [Sentence(i, start, end, text[start:end])
            for i, text in enumerate(paragraphs) for start, end in split_paragraph(text)]
