"""The tense of the clause that holds a date expression: does it look ahead ("will meet on
Tuesday"), back ("met on Tuesday"), or neither ("Voting ends on March 31")? Closed word lists and
punctuation only; no tagger earns its weight for this one question."""

from __future__ import annotations

import re

from . import lexicon as lx

_FUTURE = re.compile(r"\b(?:will|would|shall|is due|are due|due to|is set to|are set to|scheduled|upcoming|"
                     r"expected to|until|till|plans to|planning to|intends to|aims to|hopes to|hoping to|likely to|"
                     r"going to|poised to|slated to|rumou?red to|supposed to|"
                     r"(?<!the\s)(?<!a\s)needs?|is to|are to)\b|'ll\b|’ll\b")
"""Words that put the clause they are in into the future: a bare date there is the next one."""
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\b(?:and|but|after|before|because|when|while|which|who|whose|that|"
                           r"although|though|where|whereas|if|once|as)\b")
"""Where the clause that holds a date ends: a mark or a word that starts another clause."""
_PAST_VERB = re.compile(
    r"\b(?:(?!\w*eed\b)[a-z]\w*ed|met|said|told|was|were|had|began|held|took|made|went|came|gave|saw|"
    r"left|won|lost|sent|spoke|wrote|rose|fell|struck|found|brought|bought|sold|fought|led|paid|"
    r"kept|felt|heard|became|stood|ran|knew|thought|caught|grew|drew|flew|threw|chose|broke|"
    r"stole|froze|woke|wore|tore|swore|shook|got|did|sat|spent|hit|cut|set|put|quit)\b")
"""Past-tense verbs: regular "-ed" forms (not "need", "proceed") and the common irregular ones."""
_AUXILIARY_BEFORE = re.compile(r"\b(?:will|would|shall|to|be|been|may|might|can|could|should|must|"
                               r"is|are|has|have)\s+(?:\w+\s+)?\Z|['’]ll\s+\Z")
"""An auxiliary before a verb form: "will be decided", "to cut", "has agreed" is not the simple past."""
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|in|on|at|of|for|with|from|its|their|his|her|our|more|most|less)\s+\Z",
                                re.I)
_BY_AFTER = re.compile(r"\s+by\b")
_SPOKEN_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(lx.SPEECH_VERBS)) + r")\s+$")


def future_clause(text: str, start: int, end: int) -> bool:
    """True when the clause around text[start:end] speaks of the future ("would close on …").
    A date right after a speech verb dates the speaking ("said on Thursday it would build")."""
    spoken = _SPOKEN_BEFORE.search(text, max(0, start - 30), start)
    if spoken and not _AUXILIARY_BEFORE.search(text, max(0, spoken.start() - 12), spoken.start()):
        return False
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(text, end)
    before_future = max((m.start() for m in _FUTURE.finditer(text, left, start)), default=-1)
    if _past_verb_after(text, max(left, before_future), start, before_future):
        return False  # "The union met on Tuesday and will meet again": the nearer verb is past
    return bool(_FUTURE.search(text, left, right.start() if right else len(text)))


def tenseless(text: str, start: int, end: int) -> bool:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(text, end)
    return not (_past_verb_after(text, left, start, -1)
                or _past_verb_after(text, end, right.start() if right else len(text), -1))


def _past_verb_after(text: str, lower: int, upper: int, future_at: int) -> bool:
    """A verb in the past tense in text[lower:upper], after any future marker at ``future_at``
    and not itself after an auxiliary ("will be decided", "to cut")."""
    for match in _PAST_VERB.finditer(text, lower, upper):
        if match.start() == future_at or _AUXILIARY_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if match.group().endswith("ed") and (_DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start())
                                             or _BY_AFTER.match(text, match.end())):
            continue  # "in limited release", "a detailed plan", "followed by": adjectives and participles
        return True
    return False
