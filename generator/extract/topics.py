"""An article's topics: the common-noun phrases it keeps coming back to ("critical minerals",
"supply chains", "shore power"), as tags a reader can browse by.

Names are not topics here: people, organisations and places become tags of their own in the
link stage, from the entity table. A topic is a phrase of two words written in lower case (so
names, which are capitalised, and sentence starts stay out), neither of them a function word, a
reporting verb, a word of time or quantity, or an adverb, repeated at least :data:`MIN_COUNT`
times in at least :data:`MIN_PARAGRAPHS` paragraphs of the headline, dek and body: a phrase used
once or in one paragraph is the article's wording, not its subject. Plural and singular count as
one phrase ("supply chain", "supply chains"), and a hyphen joins like a space ("rare-earths").

Hand-written rather than taken from a keyphrase library: the ones made for this (YAKE, RAKE,
KeyBERT, spaCy's noun chunks) score single words and names too, need a model or a language
pipeline the project does not otherwise carry, and none is pinned here; repetition of a
two-word lower-case phrase is a rule that needs nothing but the text and reads the same on
every article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..model import Article
from .lexicon import ROLE_NOUNS, TITLE_HEADS

MIN_COUNT = 3
"""How often a phrase must occur to be a topic."""
MIN_PARAGRAPHS = 2
"""In how many paragraphs (headline and dek count as paragraphs) it must occur."""
TOPICS_MAX = 3
"""How many topics a briefing gets at most (the most repeated first)."""

# Phrases never run across punctuation, quotation marks or a number; within a run, words are
# letters joined by hyphens or apostrophes.
_RUN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?:\s+[^\W\d_]+(?:['’-][^\W\d_]+)*)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

_STOP = frozenset("""
a about above across after again against ago all almost along already also although always am
among an and another any anyone anything are around as at away back be because been before
being below between both but by can could did do does doing done down during each either else
enough even ever every few for from further get gets got had has have having he her here hers
herself him himself his how however i if in including into is it its itself just least less
like made make makes many may me might mine more most much must my myself near neither never
no nor not now of off often on once one only onto or other others otherwise our ours ourselves
out over own per perhaps quite rather same several shall she should since so some such than
that the their theirs them themselves then there these they this those though through thus to
together too toward towards under until up upon us very via was we were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
said says say saying told tells tell telling added adds asked asks according reported reports
stated noted wrote explained announced
year years month months week weeks day days today yesterday tomorrow time times hour hours
minute minutes morning afternoon evening night tonight weekend decade decades century moment
last next first second third former latter previous recent recently later earlier early late
new old other another certain various own whole entire total number lot lots part parts kind
way ways thing things something nothing everything people person percent cent per
someone somebody anyone anybody everyone everybody nobody
two three four five six seven eight nine ten dozen hundred thousand million billion trillion
take takes took taken taking give gives gave given giving look looks looked looking find finds
found use uses using come comes came going goes went see sees saw seen know knows knew want
wants need needs keep keeps kept put puts let lets seem seems become becomes became help helps
states stated great good better best bad worse worst big bigger biggest possible likely able
""".split()) | {word.lower() for word in TITLE_HEADS} | ROLE_NOUNS
"""Words that make no topic: function words, reporting and common verbs, words of time and
quantity, words too general to browse by ("thing", "people", "way"), and titles and roles
("prime minister", "chief executive"), which tell who someone is, not what the article is about."""


def topics(article: Article) -> tuple[str, ...]:
    """The article's topic tags, sorted: the :data:`TOPICS_MAX` most repeated (ties: first met
    first), each written as its commonest form with a capital first letter ("Critical minerals")."""
    texts = [article.title, article.dek or "", *article.paragraphs]
    counts: Counter[str] = Counter()
    spread: dict[str, set[int]] = {}
    forms: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    capitalised: list[tuple[str, int]] = []
    position = 0
    for index, text in enumerate(texts):
        for surface, starts_capitalised in _phrases(text):
            if starts_capitalised:  # counted below, if the article also writes it in lower case
                capitalised.append((_key(surface.lower()), index))
                continue
            key = _key(surface)
            counts[key] += 1
            spread.setdefault(key, set()).add(index)
            forms.setdefault(key, Counter())[surface] += 1
            first.setdefault(key, position)
            position += 1
    for key, index in capitalised:
        if key in counts:
            counts[key] += 1
            spread[key].add(index)
    candidates = [key for key in counts if counts[key] >= MIN_COUNT and len(spread[key]) >= MIN_PARAGRAPHS]
    candidates.sort(key=lambda key: (-counts[key], first[key]))
    chosen: list[str] = []
    for key in candidates:
        if not any(_chained(key, other) for other in chosen):
            chosen.append(key)
    return tuple(sorted(_display(forms[key]) for key in chosen[:TOPICS_MAX]))


def _chained(one: str, other: str) -> bool:
    """Whether two phrases are the halves of one longer phrase ("law enforcement" and
    "enforcement officials" of "law enforcement officials"): the commoner half stands for it."""
    first_one, last_one = one.split(" ")
    first_other, last_other = other.split(" ")
    return _stem(last_one) == _stem(first_other) or _stem(last_other) == _stem(first_one)


def _stem(word: str) -> str:
    return _key(f"_ {word}").split(" ")[1]


def _phrases(text: str) -> Iterable[tuple[str, bool]]:
    """Every two-word lower-case phrase of ``text`` that could be a topic, as written (a hyphen
    read as a space), and whether it starts with a capital: a phrase that opens a sentence or a
    headline ("Supply chains recover") counts only where the article also writes it in lower
    case, since a capitalised pair is otherwise as likely a name."""
    for run in _RUN.finditer(text):
        words = _WORD.findall(run.group().replace("-", " "))
        for left, right in zip(words, words[1:]):
            capitalised = left[:1].isupper() and left[1:].islower()
            if _usable(left.lower() if capitalised else left) and _usable(right) and not right.endswith("ed"):
                yield f"{left} {right}", capitalised


_LY_NOUNS = frozenset("""
supply family assembly ally rally reply monopoly anomaly belly jelly bully butterfly lily folly
homily melancholy duopoly oligopoly jolly
""".split())
"""Words ending in -ly that are no adverbs ("supply chains"); every other -ly word is taken for
one and makes no topic ("grew rapidly")."""


def _usable(word: str) -> bool:
    return (word.islower() and len(word) >= 3 and word not in _STOP
            and (not word.endswith("ly") or word in _LY_NOUNS) and "'" not in word and "’" not in word)


def _key(phrase: str) -> str:
    """One key for the singular and plural of a phrase: its last word without a plural ending."""
    head, last = phrase.rsplit(" ", 1)
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}"


def _display(forms: Counter[str]) -> str:
    """The commonest way the article writes the phrase (first met of equals), capitalised."""
    best = max(forms.items(), key=lambda item: item[1])[0]  # max keeps the first of equals
    return best[0].upper() + best[1:]
