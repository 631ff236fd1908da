"""The entity types: one table for every place an entity's type shows.

A type's name is what the registry files and the extractor say (``type: person``); everything else
the archive prints for it comes from here: the folder of its pages under ``entities/``, its label
on an entity's page, the title of its index page (also the heading it is listed under on a
briefing's page) and the group of its tags.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """One entity type and how the archive shows it."""

    name: str
    """Its name in registry files and in archive.json (``person``)."""
    folder: str
    """The folder of its entity pages under ``entities/``, which has an index page (``people``)."""
    label: str
    """What one entity of it is called on its page (``Person``)."""
    title: str
    """The title of its index page, and the heading its entities stand under on a briefing (``People``)."""
    tag_group: str | None
    """The group of its entities' tags (``People/Ann Lee``); None for the catch-all type, which
    is neither tagged nor listed on a briefing's page."""


ENTITY_TYPES = (
    EntityType("person", "people", "Person", "People", "People"),
    EntityType("organisation", "organisations", "Organisation", "Organisations", "Organisations"),
    EntityType("place", "places", "Place", "Places", "Places"),
    EntityType("agreement", "initiatives", "Agreement or initiative", "Agreements and initiatives", "Initiatives"),
    EntityType("event", "events", "Event", "Events", "Events"),
    EntityType("other", "other", "Other", "Other entities", None),
)
"""Every type, in the order the archive lists them."""

NAMES = tuple(t.name for t in ENTITY_TYPES)
"""The type names, as registry files give them."""

_BY_NAME = {t.name: t for t in ENTITY_TYPES}
OTHER = _BY_NAME["other"]


def entity_type(name: str) -> EntityType:
    """The type called ``name``; the catch-all "other" for a name that is none of them."""
    return _BY_NAME.get(name, OTHER)
