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
    candidates found through rarer ones but do not bring candidates of their own."""
    entity_sets = {page.slug: {e.id for e in page.briefing.entities} for page in pages}
    rank = {page.slug: i for i, page in enumerate(pages)}  # newer first on equal scores
    postings: dict[str, list[str]] = {}
    for page in pages:
        for entity in sorted(entity_sets[page.slug]):
            postings.setdefault(entity, []).append(page.slug)
    out = {}
    for page in pages:
        mine = sorted(entity_sets[page.slug], key=lambda e: (-weights[e], e))  # rarest first
        common = [e for e in mine if len(postings[e]) > CANDIDATE_DF_CAP]
        shared: dict[str, list[str]] = {}
        for entity in mine:
            if len(postings[entity]) <= CANDIDATE_DF_CAP:
                for other in postings[entity]:
                    if other != page.slug:
                        shared.setdefault(other, []).append(entity)
        scored = []
        for other, entities in shared.items():
            entities += [e for e in common if e in entity_sets[other]]
            scored.append((round(sum(weights[e] for e in entities), 6), other, entities))
        best = heapq.nsmallest(RELATED_MAX, scored, key=lambda s: (-s[0], rank[s[1]]))
        out[page.slug] = tuple(Related(slug=other, score=score, shared=tuple(entities))
                               for score, other, entities in best)
    return out


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
