"""Which pronoun each person takes, as the article itself shows it.

"he said" must not go to a woman named just before it, and no list of given names knows every
name in the news. The article knows: a sentence that names one person and then says "he" or
"his" (outside quotation marks, where "I" and "you" belong to the speaker) tells us that person
is "he". Evidence is counted over the whole article and a person gets a pronoun only when one
side clearly wins; unknown is the common case, and then every person remains a candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)
_DETERMINERS = frozenset("the a an his her their its this that these those".split())
_TITLE = re.compile(r"\b(?:(Mr|Sir|Lord|King|Prince)|(Mrs|Ms|Miss|Dame|Lady|Queen|Princess))\.?\s*\Z")


def pronouns_of(paragraphs, sentences, mentions, is_person, quoted) -> dict[str, str]:
    """Entity id → "he" or "she", for the persons the text shows it for.

    ``mentions`` are (paragraph, start, end, id) in text order; ``quoted`` the quotation spans by
    paragraph (objects with ``start`` and ``end``)."""
    votes: dict[str, list[int]] = {}
    starts: dict[int, list[int]] = {}
    for sentence in sentences:
        starts.setdefault(sentence.paragraph, []).append(sentence.start)
    by_sentence: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for p, s, e, entity_id in mentions:
        if is_person(entity_id) and not _inside(quoted.get(p, ()), s) and p in starts:
            at = starts[p][max(0, bisect_right(starts[p], s) - 1)]
            by_sentence.setdefault((p, at), []).append((s, e, entity_id))
            title = _TITLE.search(paragraphs[p], max(0, s - 12), s)
            if title:  # "Mrs Okafor", "Sir Keith Joseph"
                votes.setdefault(entity_id, [0, 0])[0 if title.group(1) else 1] += 2
    for sentence in sentences:
        found = by_sentence.get((sentence.paragraph, sentence.start), [])
        if len({entity_id for _, _, entity_id in found}) != 1:
            continue  # with two people in a sentence, a pronoun could be either's
        start, end, entity_id = found[0]
        text = paragraphs[sentence.paragraph]
        if not _opens(text[sentence.start:start]):
            continue  # "The first lady said the election of Donald Trump … her husband": not his
        for match in _PRONOUN.finditer(text, end, sentence.end):
            if not _inside(quoted.get(sentence.paragraph, ()), match.start()):
                votes.setdefault(entity_id, [0, 0])[0 if match.group(1) else 1] += 1
    return {entity_id: ("he" if he > she else "she") for entity_id, (he, she) in votes.items()
            if min(he, she) * 3 < max(he, she)}


def _opens(before: str) -> bool:
    """The name is the sentence's subject, as far as position tells: nothing but a few words
    ("In 2019,", "But") before it, and no noun phrase of its own ("The first lady …")."""
    words = re.findall(r"[\w'’-]+", before)
    return len(words) <= 3 and not any(w.lower() in _DETERMINERS for w in words)


def _inside(spans, pos: int) -> bool:
    return any(span.start <= pos < span.end for span in spans)
