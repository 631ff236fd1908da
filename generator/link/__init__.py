"""The link stage: the only stage that sees the whole archive.

It orders briefings newest first, gives each a unique slug and URL, and computes everything that
ties briefings together: entity records across briefings (:mod:`.entities`), related
briefings ranked by shared entities weighted by rarity, tags, and the archive-wide timeline.
Everything here is a pure function of the briefings (and the registry's descriptions), so per-seed
stages stay independent and cacheable.

One module a part: :mod:`.place` (order, slugs, URLs), :mod:`.entities` (records across
briefings), :mod:`.related`, :mod:`.tags` and :mod:`.timeline`.

Cost stays linear in the size of the archive: related briefings are found through the postings of
entities that are not near-ubiquitous (see ``CANDIDATE_DF_CAP``), so no step compares every pair
of briefings.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Archive, Briefing
from .entities import entity_records
from .place import place
from .related import rarity, related
from .tags import tags
from .timeline import archive_timeline

__all__ = ["link"]


def link(briefings: list[Briefing], registry=None, site_url: str = "", engine: str = "mkdocs") -> Archive:
    """Place every briefing in the archive and compute what ties the briefings together.

    ``registry`` (a generator.registry.Registry, optional) supplies descriptions and aliases for
    entity pages; ``site_url`` is carried for the feeds, ``engine`` for the way pages write links.
    """
    pages = place(briefings)
    records = entity_records(pages, registry)
    by_id = {record.id: record for record in records}
    related_by_slug = related(pages, rarity(pages))
    pages = [replace(page, related=related_by_slug[page.slug], tags=tags(page.briefing, by_id))
             for page in pages]
    return Archive(pages=tuple(pages), entities=records, timeline=archive_timeline(pages),
                   site_url=site_url, engine=engine)
