"""The link stage: the only stage that sees the whole archive.

It orders briefings newest first, gives each a unique slug and URL, and computes everything that
ties briefings together: entity records across briefings (generator.entities_link), related
briefings ranked by shared entities weighted by rarity, tags, and the archive-wide timeline.
Everything here is a pure function of the briefings (and the registry's descriptions), so per-seed
stages stay independent and cacheable.

Cost stays linear in the size of the archive: related briefings are found through the postings of
entities that are not near-ubiquitous (see ``CANDIDATE_DF_CAP``), so no step compares every pair
of briefings.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import replace

from .dates import instant_key
from .entities_link import entity_records, event_sort_key
from .model import Archive, Briefing, EntityRecord, Page, Related, TimelineEntry
from .slug import unique_slugs

RELATED_MAX = 5
"""How many related briefings a briefing lists."""
CANDIDATE_DF_CAP = 200
"""Entities mentioned in more briefings than this still add to a related score but are not used
to find candidates: walking their postings for every briefing would make link quadratic, and
their rarity weight is small anyway."""
ENTITY_TAGS_MAX = 6
"""How many of a briefing's entities become tags (most mentioned first)."""
TAG_GROUPS = {"person": "People", "organisation": "Organisations", "place": "Places",
              "agreement": "Initiatives", "event": "Events"}
"""Tag group per entity type (tags are ``Group/Name``); type "other" gets no tag."""


def sort_key(briefing: Briefing) -> tuple:
    """Newest first; ties broken by source file so that order never depends on input order."""
    return (tuple(-x for x in instant_key(briefing.article.published)), briefing.article.source_file)


def place(briefings: list[Briefing]) -> list[Page]:
    """Unique slugs, URLs and paths, newest first."""
    ordered = sorted(briefings, key=sort_key)
    # Unique slugs are assigned oldest first, so that adding a newer article with the same
    # headline never changes the URL of one already published.
    oldest_first = list(reversed(ordered))
    slugs = unique_slugs([b.slug for b in oldest_first])
    pages = []
    for briefing, slug in zip(oldest_first, slugs):
        year, month = briefing.article.published[:4], briefing.article.published[5:7]
        pages.append(Page(
            briefing=briefing,
            slug=slug,
            url=f"briefings/{year}/{month}/{slug}/",
            path=f"briefings/{year}/{month}/{slug}.md",
        ))
    pages.reverse()
    return pages


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


def tags(briefing: Briefing, records: dict[str, EntityRecord]) -> tuple[str, ...]:
    """The briefing's topics, then its most mentioned entities as ``Group/Name``.

    Type and name come from the archive-wide record, so that an entity has one tag everywhere
    even if briefings typed it differently; names pass through :func:`tag_text`.
    """
    typed = [(e, records[e.id]) for e in briefing.entities if e.id in records]
    chosen = sorted((pair for pair in typed if pair[1].type in TAG_GROUPS),
                    key=lambda pair: -len(pair[0].mentions))[:ENTITY_TAGS_MAX]
    entity_tags = [f"{TAG_GROUPS[r.type]}/{tag_text(r.name)}" for _, r in chosen]
    topics = [tag_text(t) for t in briefing.tags]
    return tuple(dict.fromkeys(t for t in [*sorted(topics), *sorted(entity_tags)] if t))


# Material prints tag names into its HTML without escaping them (checked with 9.8: a tag
# "<img onerror=…>" came out as markup), so tags carry no HTML-significant character: each
# becomes a look-alike. "/" would start a deeper level of the tag hierarchy.
_TAG_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʻ",
                                 "/": "∕", "\\": "∖"})


def tag_text(text: str) -> str:
    """``text`` made safe to use as (one level of) a Material tag: see _TAG_LOOKALIKES."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text.translate(_TAG_LOOKALIKES))
    return " ".join(printable.split())


def archive_timeline(pages: list[Page]) -> tuple[TimelineEntry, ...]:
    """Every event of every briefing, in date order (ties: older briefing first, text order)."""
    entries = [TimelineEntry(slug=page.slug, index=i, event=event)
               for page in reversed(pages) for i, event in enumerate(page.briefing.events)]
    return tuple(sorted(entries, key=lambda t: event_sort_key(t.event)))


def link(briefings: list[Briefing], registry=None, site_url: str = "") -> Archive:
    """Place every briefing in the archive and compute what ties the briefings together.

    ``registry`` (a generator.registry.Registry, optional) supplies descriptions and aliases for
    entity pages; ``site_url`` is carried for the feeds.
    """
    pages = place(briefings)
    records = entity_records(pages, registry)
    by_id = {record.id: record for record in records}
    related_by_slug = related(pages, rarity(pages))
    pages = [replace(page, related=related_by_slug[page.slug], tags=tags(page.briefing, by_id))
             for page in pages]
    return Archive(pages=tuple(pages), entities=records, timeline=archive_timeline(pages),
                   site_url=site_url)
