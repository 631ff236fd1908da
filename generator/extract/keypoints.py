"""Key points for the "At a glance" box: a few of the article's own sentences, never rewritten.

Extractive on purpose: a summary in other words could state what the article does not. Sentences
are scored by how much they carry (named entities, dates, amounts) and where they stand (news puts
the essentials first); sentences that lean on what came before ("This is…", "He said…"), that are
mostly quotation, or that are too short or too long to stand alone are left out.
"""

from __future__ import annotations

import re

from ..model import KeyPoint
from ..sentences import Sentence
from .captions import is_caption

MAX_POINTS = 4
_MIN_WORDS, _MAX_WORDS = 8, 60
_DEPENDENT = re.compile(r"^(?:This|That|These|Those|It|Its|He|She|They|Their|His|Her|But|And|Also|"
                        r"However|Meanwhile|Such|So|Yet|Still|Here|There)\b")


_LEAD_WORDS = 20
"""A lead paragraph has at least this many words; captions and teasers above it are shorter."""


def select_key_points(sentences: list[Sentence], facts, quoted) -> list[KeyPoint]:
    """Up to MAX_POINTS sentences, in text order. ``facts`` maps a sentence to the number of
    entities, dates and amounts in it; ``quoted`` maps a paragraph to its quotation spans.
    The article's lead, its first paragraph of prose, opens them, never a caption or teaser."""
    usable = [s for s in sentences if not is_caption(s.text)]
    lead = _lead_paragraph(usable)
    scored = []
    for rank, sentence in enumerate(usable):
        words = len(sentence.text.split())
        if not _MIN_WORDS <= words <= _MAX_WORDS or _DEPENDENT.match(sentence.text):
            continue
        if _quoted_share(sentence, quoted.get(sentence.paragraph, ())) > 0.4:
            continue
        if sentence.paragraph < lead:
            continue  # above the lead: a teaser, a caption, a label
        opens_lead = sentence.paragraph == lead and not any(
            s.paragraph == lead for s in usable[:rank])
        score = facts(sentence) + (3 if opens_lead else 0) + 2.0 / (1 + sentence.paragraph - lead)
        scored.append((-score, rank, sentence))
    best = sorted(scored)[:MAX_POINTS]
    return [KeyPoint(s.text, s.paragraph) for _, _, s in sorted(best, key=lambda item: item[1])]


def _lead_paragraph(sentences: list[Sentence]) -> int:
    """The first paragraph long enough to be a lead (else the first paragraph there is)."""
    words: dict[int, int] = {}
    for sentence in sentences:
        words[sentence.paragraph] = words.get(sentence.paragraph, 0) + len(sentence.text.split())
    return next((p for p, n in words.items() if n >= _LEAD_WORDS), min(words, default=0))


def _quoted_share(sentence: Sentence, spans) -> float:
    inside = sum(max(0, min(e, sentence.end) - max(s, sentence.start)) for s, e in spans)
    return inside / max(1, sentence.end - sentence.start)
