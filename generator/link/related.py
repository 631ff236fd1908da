"""Related briefings: ranked by the entities they share, each weighted by its rarity."""

from __future__ import annotations

import heapq
import math
from collections import Counter

from ..model import Page, Related

RELATED_MAX = 5
"""How many related briefings a briefing lists."""
CANDIDATE_DF_CAP = 200
"""Entities mentioned in more briefings than this still add to a related score but are not used
to find candidates: walking their postings for every briefing would make link quadratic, and
their rarity weight is small anyway."""

def rarity(pages: list[Page]) -> dict[str, float]:
    """Entity id → inverse document frequency, ``log((N + 1) / df)``: always above zero, highest
    for an entity that only two briefings share."""
    df = Counter(e.id for page in pages for e in {ref.id: ref for ref in page.briefing.entities}.values())
    n = len(pages)
    return {entity: math.log((n + 1) / count) for entity, count in df.items()}


def related(pages: list[Page], weights: dict[str, float]) -> dict[str, tuple[Related, ...]]:
    """Slug → the briefings sharing the most telling entities with it, best first, explained.

    Scores are accumulated along the postings of the briefing's entities, so only briefings that
    share something are ever looked at; entities above ``CANDIDATE_DF_CAP`` add their weight to
    candidates found through rarer ones but do not bring candidates of their own. This is the
    link stage's inner loop (millions of candidate pairs at 10,000 briefings), hence bit masks
    for those common entities (their weights summed once per combination), a sort of the
    contenders only and the explanation built for the winners only."""
    entity_sets = {page.slug: {e.id for e in page.briefing.entities} for page in pages}
    rank = {page.slug: i for i, page in enumerate(pages)}  # newer first on equal scores
    postings: dict[str, list[str]] = {}
    for page in pages:
        for entity in entity_sets[page.slug]:
            postings.setdefault(entity, []).append(page.slug)
    order = {e: i for i, e in enumerate(sorted(postings, key=lambda e: (-weights[e], e)))}  # rarest first
    common = sorted((e for e in postings if len(postings[e]) > CANDIDATE_DF_CAP), key=order.get)
    bit = {e: i for i, e in enumerate(common)}
    common_weights = [weights[e] for e in common]
    masks = {slug: sum(1 << bit[e] for e in ids if e in bit) for slug, ids in entity_sets.items()}
    common_sums: dict[int, float] = {}
    out = {}
    for page in pages:
        mine = sorted(entity_sets[page.slug], key=order.get)
        scores: dict[str, float] = {}
        get = scores.get
        for entity in mine:  # rarest first, so that sums add up in the same order for every pair
            if entity not in bit:
                weight = weights[entity]
                for other in postings[entity]:
                    scores[other] = get(other, 0.0) + weight
        scores.pop(page.slug, None)
        if masks[page.slug]:
            for other in scores:
                shared = masks[page.slug] & masks[other]
                if shared:
                    if shared not in common_sums:
                        common_sums[shared] = sum(w for i, w in enumerate(common_weights) if shared >> i & 1)
                    scores[other] += common_sums[shared]
        best = sorted(_contenders(scores), key=lambda other: (-round(scores[other], 6), rank[other]))[:RELATED_MAX]
        out[page.slug] = tuple(
            Related(slug=other, score=round(scores[other], 6),
                    shared=tuple(e for e in mine if e in entity_sets[other])) for other in best)
    return out


def _contenders(scores: dict[str, float]) -> list[str]:
    """The candidates that can be among the best RELATED_MAX once scores are rounded to 6
    decimals: those within 1e-6 of the RELATED_MAX-th best raw score (rounding never moves a
    score by more than half that), so that only they are sorted."""
    if len(scores) <= RELATED_MAX:
        return list(scores)
    floor = heapq.nlargest(RELATED_MAX, scores.values())[-1] - 1e-6
    return [other for other, score in scores.items() if score >= floor]
