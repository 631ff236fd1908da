"""Entity pages, and the links from a briefing's text to them.

One page per entity (``entities/<type folder>/<slug>.md``): role or description, every briefing
that mentions it (newest first, with the sentence), everything it said across the archive in date
order, its timeline and the entities it is most often mentioned with. The list of briefings is
paginated (``<slug>/2.md``, …) so a page stays small for an entity that half the archive
mentions; quotes and events are bounded by what the entity itself said and did.

Also registers the paragraph decorator that links the first mention of each entity in a
briefing's text to its page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..mdtext import Md, escape_md
from ..model import Archive, EntityRecord, Page
from . import pages
from .inline import Wrap

SIGHTINGS_PER_PAGE = 50
"""Briefings listed per page of an entity; further ones go on numbered continuation pages."""

TYPE_LABELS = {"person": "Person", "organisation": "Organisation", "place": "Place",
               "agreement": "Agreement or initiative", "event": "Event", "other": "Other"}


def entity_links(page: Page, archive: Archive, link: Callable[[str], Md]) -> Iterator[tuple[int, Wrap]]:
    """Wrap the first mention of each entity in the briefing's text in a link to its page."""
    paragraphs = page.briefing.article.paragraphs
    for ref in page.briefing.entities:
        record = archive.by_entity.get(ref.id)
        if record is None or not ref.mentions:
            continue
        first = ref.mentions[0]
        if first.paragraph < len(paragraphs) and 0 <= first.start < first.end <= len(paragraphs[first.paragraph]):
            yield first.paragraph, Wrap(first.start, first.end, Md("["), Md(f"]({link(record.path)}){{ .entity-link }}"))


if entity_links not in pages.PARAGRAPH_DECORATORS:
    pages.PARAGRAPH_DECORATORS.append(entity_links)


def continuation_path(record: EntityRecord, number: int) -> str:
    """docs/ path of page ``number`` (1-based) of an entity's list of briefings."""
    return record.path if number == 1 else f"{record.path[:-3]}/{number}.md"


def _description(record: EntityRecord) -> str:
    parts = [TYPE_LABELS.get(record.type, "Entity")]
    if record.role:
        parts.append(record.role)
    if record.description:
        parts.append(record.description)
    return " · ".join(parts)


def render_entity(record: EntityRecord, archive: Archive, number: int, count: int) -> str:
    path = continuation_path(record, number)
    title = record.name if number == 1 else f"{record.name} (page {number})"
    start = (number - 1) * SIGHTINGS_PER_PAGE
    meta = pages.front_matter({"title": title, "description": _description(record)})
    return meta + pages._ENV.get_template("entity.md.j2").render(
        record=record, archive=archive, link=lambda to: pages.relative(path, to), number=number,
        count=count, title=escape_md(title), type_label=escape_md(TYPE_LABELS.get(record.type, "Entity")),
        sightings=record.sightings[start:start + SIGHTINGS_PER_PAGE], first=start + 1,
        page_path=lambda n: continuation_path(record, n))


def files(archive: Archive) -> dict[str, str]:
    """Every entity page and its continuation pages."""
    out = {}
    for record in archive.entities:
        count = max(1, -(-len(record.sightings) // SIGHTINGS_PER_PAGE))
        for number in range(1, count + 1):
            out[continuation_path(record, number)] = render_entity(record, archive, number, count)
    return out
