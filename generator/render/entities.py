"""Entity pages, and the links from a briefing's text to them.

One page per entity (``entities/<type folder>/<slug>.md``): role or description, every briefing
that mentions it (newest first, with the sentence), everything it said across the archive in date
order, its timeline and the entities it is most often mentioned with. Each list is paginated
(see ``ITEMS_PER_PAGE``) so a page stays small for an entity that half the archive mentions.
"""

from __future__ import annotations

from ..entitytypes import entity_type
from ..mdtext import escape_md
from ..model import Archive, EntityRecord
from . import pages

ITEMS_PER_PAGE = 50
"""Items per page of each list of an entity (briefings, quotes, events); the main page has the
first page of every list, further pages (``<slug>/<list>-<n>.md``) one list each, so no page
grows with the size of the archive."""


SECTIONS = ("briefings", "said", "timeline")
"""The paginated lists of an entity page, in page order."""


def section_items(record: EntityRecord) -> dict[str, tuple]:
    return {"briefings": record.sightings, "said": record.sayings, "timeline": record.timeline}


def continuation_path(record: EntityRecord, section: str, number: int) -> str:
    """docs/ path of page ``number`` (1-based) of one list of an entity; page 1 of every list is
    the entity's main page."""
    return record.path if number == 1 else f"{record.path[:-3]}/{section}-{number}.md"


def _description(record: EntityRecord) -> str:
    parts = [entity_type(record.type).label]
    if record.role:
        parts.append(record.role)
    if record.description:
        parts.append(record.description)
    return " · ".join(parts)


def render_entity(record: EntityRecord, archive: Archive, section: str | None, number: int) -> str:
    """The main page (``section`` None) or page ``number`` of one of its lists."""
    items = section_items(record)
    counts = {name: max(1, -(-len(values) // ITEMS_PER_PAGE)) for name, values in items.items()}
    chunks = {name: values[(number - 1) * ITEMS_PER_PAGE:number * ITEMS_PER_PAGE] if name == section
              else values[:ITEMS_PER_PAGE] for name, values in items.items()}
    path = continuation_path(record, section or "", number)
    heading = {"briefings": "briefings", "said": "what it said", "timeline": "timeline"}
    title = record.name if section is None else f"{record.name}: {heading[section]}, page {number}"
    meta = pages.front_matter({"title": title, "description": _description(record),
                               **(pages.LISTING if section else {})})
    return meta + pages.ENV.get_template("entity.md.j2").render(
        record=record, archive=archive, link=pages.Linker(path, archive.engine), section=section,
        number=number, counts=counts, chunks=chunks, title=escape_md(title),
        type_label=escape_md(entity_type(record.type).label),
        page_path=lambda name, n: continuation_path(record, name, n))


def files(archive: Archive, start: int = 0, stop: int | None = None) -> dict[str, str]:
    """Every entity page and the further pages of its lists; ``start``/``stop`` select a slice of
    ``archive.entities`` so that a parallel render can split this family (the largest after the
    briefing pages) into tasks."""
    out = {}
    for record in archive.entities[start:stop]:
        out[record.path] = render_entity(record, archive, None, 1)
        for section, values in section_items(record).items():
            for number in range(2, -(-len(values) // ITEMS_PER_PAGE) + 1):
                out[continuation_path(record, section, number)] = render_entity(record, archive, section, number)
    return out
