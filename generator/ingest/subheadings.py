"""Subheadings inside the article's text: found by shape and position, kept as subheadings.

A scraper keeps a page's ``<h2>`` as a ``##`` line when it writes Markdown, and as a bare short
line when it copies text. Either way a subheading is a short title standing between paragraphs of
the text: prose above it (past an ad or a photo credit), prose under it (or a second, lower
subheading and then prose: "Physical characteristics" / "Regolith"). It does not end as a
sentence does (it may trail off: "For a date..."), is one phrase (not two sentences), starts
with a capital (or a number: "3. Long-distance drones"), is not a link, a date, a teaser's title over a widget marker ("Read
more"), a caption's capitalised label ("ISOLATION: Roads were shut…"), the headline again, or a
line the page repeats, a byline, or a bar of links ("About | Contact"); a question is short ("What changes now?"), since a longer one is an
interviewer's paragraph. (A name alone is allowed: profiles and
lists head each part with a name, "Elton John"; telling those from a photographer's credit cost
more subheadings than it saved on the real-world corpus.)
"""

from __future__ import annotations

import re
from collections import Counter

from .dates import dates_in
from .locate import AGO
from .shapes import NUMBERED, LineShape, shapes_of
from .published import is_strict_meta
from .source import SourceLine

MAX_WORDS = 14
"""A subheading has at most this many words."""
MAX_QUESTION_WORDS = 8
"""A subheading that asks a question has at most this many."""
_CLOSERS = "\"'”’)]"
_CAPTION_LABEL = re.compile(r"[A-Z][A-Z'’ \-]{2,}[:!]\s")
_HANDLE_OR_AGO = re.compile(rf"(?<!\w)@\w|\b{AGO}\b")
_TWO_SENTENCES = re.compile(r"[a-z0-9%)][.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")


def find(body: list[SourceLine], rules: list[str | None], title: str) -> dict[int, str]:
    """The subheadings among the body lines that no junk rule removed, by line number."""
    shapes = shapes_of(body)
    kept = [i for i, rule in enumerate(rules) if rule is None]
    seen = Counter(line.text for line in body)
    shaped = {i for i in kept if _heading_shaped(body[i], shapes[i], seen, title)}
    found: dict[int, str] = {}
    for position, index in enumerate(kept[1:], start=1):
        if index not in shaped or _over_a_widget(rules, index):
            continue
        below = _below(kept, position, shaped)
        if below is None or not (shapes[below].prose or shapes[below].list_item):
            continue
        if NUMBERED.match(body[index].text) and NUMBERED.match(body[below].text) and not shapes[below].prose:
            continue  # "1. Wrap blouse, $167" over "2. Festive socks, $8": items of a list
        if shapes[index].heading >= 2 or _text_above(shapes, kept, position, shaped):
            found[body[index].line] = body[index].text.rstrip()
    return found


def _heading_shaped(line: SourceLine, features: LineShape, seen: Counter, title: str) -> bool:
    """Whether a line, on its own, could be a subheading (see the module docstring)."""
    if not 1 <= features.words <= MAX_WORDS or features.link_share > 0.5:
        return False
    if seen[line.text] > 1 or line.text == title:
        return False
    if features.heading >= 2:
        return True
    text = line.text.rstrip()
    numbered = NUMBERED.match(text) is not None
    if features.list_item and not numbered:
        return False
    end = text.rstrip(_CLOSERS)[-1:]
    trailing = text.endswith(("...", "…")) and not text.endswith(("....", "……"))
    if end in (".", ",", ";", ":", "…") and not trailing:
        return False
    if end == "?" and features.words > MAX_QUESTION_WORDS:
        return False
    if features.continues or not (text[:1].isupper() or numbered):
        return False
    if "|" in text:
        return False  # a bar of links ("About CBC News|Corrections|Contact")
    if _HANDLE_OR_AGO.search(text):
        return False  # an embedded post's credit ("Instagram: @annroe"), a comment's head ("Ann (1 day ago)")
    phrase = text[NUMBERED.match(text).end() - 1:] if numbered else text
    if _CAPTION_LABEL.match(text) or _TWO_SENTENCES.search(phrase) or dates_in(text):
        return False
    return not is_strict_meta(line)  # a byline ("By Jo Roe") is no section's title


def _over_a_widget(rules: list[str | None], index: int) -> bool:
    """The line right under is a widget's marker ("Read more", "Related"): this is the card's
    title, a teaser for another story."""
    return index + 1 < len(rules) and rules[index + 1] == "recommendations"


def _below(kept: list[int], position: int, shaped: set[int]) -> int | None:
    """The kept line under a subheading, past one lower subheading stacked under it."""
    after = kept[position + 1: position + 3]
    if not after:
        return None
    if after[0] in shaped and len(after) > 1:
        return after[1]
    return after[0]


def _text_above(shapes: list[LineShape], kept: list[int], position: int, shaped: set[int]) -> bool:
    """Text stands above: the nearest kept line reads as text, past up to three short lines
    that are not (a photo's credit, "View full size image"), or is a subheading itself."""
    for above in reversed(kept[max(0, position - 4): position]):
        features = shapes[above]
        if features.prose or features.sentence or above in shaped:
            return True
        if features.words > 6:
            return False
    return False
