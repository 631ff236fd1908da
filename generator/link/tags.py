"""A briefing's tags: its topics, then its most mentioned entities as ``Group/Name``."""

from __future__ import annotations

from ..entitytypes import entity_type
from ..model import Briefing, EntityRecord

ENTITY_TAGS_MAX = 6
"""How many of a briefing's entities become tags (most mentioned first)."""


def tags(briefing: Briefing, records: dict[str, EntityRecord]) -> tuple[str, ...]:
    """The briefing's topics, then its most mentioned entities as ``Group/Name``.

    Type and name come from the archive-wide record, so that an entity has one tag everywhere
    even if briefings typed it differently; names pass through :func:`tag_text`.
    """
    typed = [(e, records[e.id]) for e in briefing.entities if e.id in records]
    chosen = sorted((pair for pair in typed if entity_type(pair[1].type).tag_group),
                    key=lambda pair: -len(pair[0].mentions))[:ENTITY_TAGS_MAX]
    entity_tags = [f"{entity_type(r.type).tag_group}/{tag_text(r.name)}" for _, r in chosen]
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
