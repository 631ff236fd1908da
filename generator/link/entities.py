"""Entity records across the archive: part of the link stage (see generator.link).

Each briefing knows only its own entities; this module gathers, for every entity id, the briefings
that mention it (with the sentence), what it said, the events naming it and the entities it is
most often mentioned with. Detected entities (not in the registry) are merged by id like curated
ones: extract gives the same name the same id in every briefing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations

from ..dates import event_sort_key
from ..entitytypes import entity_type
from ..model import EntityRef, EntityRecord, Page, Saying, Sighting, TimelineEntry
from ..sentences import split_paragraph
from ..slug import make_slug, unique_slugs

CO_MENTIONS_MAX = 10
"""How many co-mentioned entities an entity page lists."""


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds character ``offset`` (the whole text if none does)."""
    for start, end in _sentences(text):
        if start <= offset < end:
            return text[start:end]
    return text


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    # Several entities are first mentioned in one paragraph (often the first): split it once.
    return tuple(split_paragraph(text))


def _sighting(page: Page, ref: EntityRef) -> Sighting:
    paragraphs = page.briefing.article.paragraphs
    if not ref.mentions or ref.mentions[0].paragraph >= len(paragraphs):
        return Sighting(slug=page.slug, paragraph=0, sentence="", count=len(ref.mentions))
    first = ref.mentions[0]
    return Sighting(slug=page.slug, paragraph=first.paragraph,
                    sentence=sentence_at(paragraphs[first.paragraph], first.start),
                    count=len(ref.mentions))


def _identity(refs: list[EntityRef], registry) -> dict:
    """Name, type, role, description and aliases of an entity: the registry's when it has the
    entity, else the most common values among the briefings (ties: alphabetical)."""
    entity = registry.get(refs[0].id) if registry is not None else None
    surfaces = sorted({m.text for ref in refs for m in ref.mentions})
    if entity is not None:
        aliases = sorted(set(entity.aliases) | set(surfaces) - {entity.name})
        return dict(name=entity.name, type=entity.type, role=entity.role,
                    description=entity.description, aliases=tuple(aliases), in_registry=True)

    def common(values):
        counts = Counter(v for v in values if v)
        return min(counts, key=lambda v: (-counts[v], v)) if counts else None

    name = common(ref.name for ref in refs)
    return dict(name=name, type=common(ref.type for ref in refs) or "other",
                role=common(ref.role for ref in refs), description=None,
                aliases=tuple(s for s in surfaces if s != name),
                in_registry=any(ref.in_registry for ref in refs))


def entity_paths(ids_types: dict[str, str]) -> dict[str, str]:
    """Entity id → page path, unique even when two ids slugify alike or an id is reserved."""
    ordered = sorted(ids_types)
    slugs = unique_slugs([make_slug(entity_id, "entity") for entity_id in ordered])
    return {entity_id: f"entities/{entity_type(ids_types[entity_id]).folder}/{slug}.md"
            for entity_id, slug in zip(ordered, slugs)}


def _co_mentions(pages: list[Page]) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for page in pages:
        ids = sorted({ref.id for ref in page.briefing.entities})
        for a, b in combinations(ids, 2):
            counts[a][b] += 1
            counts[b][a] += 1
    return counts


def entity_records(pages: list[Page], registry=None) -> tuple[EntityRecord, ...]:
    """One record per entity id met in any briefing, sorted by id. ``pages`` are newest first."""
    refs: dict[str, list[EntityRef]] = {}
    sightings: dict[str, list[Sighting]] = {}
    for page in pages:
        for ref in page.briefing.entities:
            refs.setdefault(ref.id, []).append(ref)
            sightings.setdefault(ref.id, []).append(_sighting(page, ref))
    sayings: dict[str, list[Saying]] = {}
    events: dict[str, list[TimelineEntry]] = {}
    for page in reversed(pages):  # oldest briefing first
        for quote in page.briefing.quotes:
            if quote.speaker:
                sayings.setdefault(quote.speaker, []).append(Saying(slug=page.slug, quote=quote))
        for i, event in enumerate(page.briefing.events):
            for entity_id in dict.fromkeys(event.entities):
                events.setdefault(entity_id, []).append(TimelineEntry(slug=page.slug, index=i, event=event))
    identities = {entity_id: _identity(group, registry) for entity_id, group in refs.items()}
    paths = entity_paths({entity_id: ident["type"] for entity_id, ident in identities.items()})
    co = _co_mentions(pages)
    records = []
    for entity_id in sorted(refs):
        top = sorted(co.get(entity_id, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        records.append(EntityRecord(
            id=entity_id, **identities[entity_id], path=paths[entity_id],
            sightings=tuple(sightings[entity_id]),
            sayings=tuple(sayings.get(entity_id, ())),
            timeline=tuple(sorted(events.get(entity_id, ()), key=lambda t: event_sort_key(t.event))),
            co_mentions=tuple(top[:CO_MENTIONS_MAX]),
        ))
    return tuple(records)
