"""A briefing's tags: its topics as ``Topics/Name``, then its most mentioned entities as ``Group/Name``."""

from __future__ import annotations

from ..entitytypes import entity_type
from ..model import Briefing, EntityRecord

ENTITY_TAGS_MAX = 6
"""How many of a briefing's entities become tags (most mentioned first)."""
TOPICS_GROUP = "Topics"
"""The group of topic tags on the tags page, beside the entity groups ("People", "Places")."""
DETECTED_TAG_BRIEFINGS = 2
"""In how many briefings an entity the registry does not know must be found to become a tag."""


def tags(briefing: Briefing, records: dict[str, EntityRecord]) -> tuple[str, ...]:
    """The briefing's topics, then its most mentioned entities as ``Group/Name``.

    Type and name come from the archive-wide record, so that an entity has one tag everywhere
    even if briefings typed it differently; names pass through :func:`tag_text`. Only entities
    a reader would browse by are tags: those of the curated registry, and detected ones found in
    at least :data:`DETECTED_TAG_BRIEFINGS` briefings. A name detected in one briefing alone is
    as often a misreading ("Places/Wedding", "People/Happy Thanksgiving") as a name, and a tag
    that gathers one briefing leads nowhere its entity page does not; it keeps its page.
    """
    typed = [(e, records[e.id]) for e in briefing.entities if e.id in records and _browsable(records[e.id])]
    chosen = sorted((pair for pair in typed if entity_type(pair[1].type).tag_group),
                    key=lambda pair: -len(pair[0].mentions))[:ENTITY_TAGS_MAX]
    entity_tags = [f"{entity_type(r.type).tag_group}/{tag_text(r.name)}" for _, r in chosen]
    topics = [f"{TOPICS_GROUP}/{tag_text(t)}" for t in briefing.tags if tag_text(t)]
    return tuple(dict.fromkeys(t for t in [*sorted(topics), *sorted(entity_tags)] if t))


def _browsable(record: EntityRecord) -> bool:
    return record.in_registry or len(record.sightings) >= DETECTED_TAG_BRIEFINGS


# Material prints tag names into its HTML without escaping them (checked with 9.8: a tag
# "<img onerror=…>" came out as markup), so tags carry no HTML-significant character: each
# becomes a look-alike. "/" would start a deeper level of the tag hierarchy.
_TAG_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʻ",
                                 "/": "∕", "\\": "∖"})


def tag_text(text: str) -> str:
    """``text`` made safe to use as (one level of) a Material tag: see _TAG_LOOKALIKES."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text.translate(_TAG_LOOKALIKES))
    return " ".join(printable.split())
