"""Render's page units: what an incremental render needs to know of the pages, and no more.

A page's text is a pure function of the generator (code, templates, libraries) and of the archive
data that its template reads. :func:`page_units` cuts the generated files into *units*, each with
a key, the files it renders, an *inputs digest* of what those files read, and the function that
renders them. A cache (``generator.incremental.renders``) compares digests and calls ``render``
for the units that changed: it never names a page family or reads a key. The digests:

- each briefing page: the briefing itself, through its *card* (the seed's cache key, which covers
  the seed's name and bytes, the upstream code and the registry; plus slug, URL and path), its
  tags, related entries and annotation placements, the archive's site and repository URLs, the
  *face* of every entity it names (in its text, quotes, events and related entries: name, type,
  role, description, aliases, registry flag, path and the lengths of the record's lists) and the
  card of every related briefing;
- each page of an entity (its main page, and each further page of its lists): its face, the
  lengths of its lists, its co-mentions with their faces, and the card (and event index) of the
  briefing of every item the page lists. The items are derived by the link stage from exactly
  those briefings;
- each archive timeline page of a month or a year: the card and event index of each entry (the
  event is part of its briefing), the year page also the months' event counts;
- ``archive.json``, a unit made of *parts* (each briefing's and entity's record, see
  :func:`export.record_bytes`, laid out by :func:`export.assemble`), so that a changed briefing
  re-encodes its record alone.

Every other page (home page, indexes, months, feeds, the timeline index, entity indexes and any
page family added later) lists the whole archive and is cheap: its unit has no digest and is
rendered on every build. The cache adds the generator's own digest to every unit's, so an edit to
the code or a template renders everything again.

Derived data is named by cards rather than hashed, because hashing the records themselves (their
dataclass reprs) cost seconds at 10,000 briefings. The contract this needs — a briefing page reads
no more of another entity than its face and no more of another briefing than its card; the link
stage derives a record only from the briefings it lists — is checked by
tests/test_incremental_render.py, which also compares incremental builds with clean ones after
every kind of change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import export
from ..model import Archive, EntityRecord, Page
from . import PAGE_FAMILIES, entities, events, pages, timeline


@dataclass(frozen=True)
class Part:
    """One record of a file made of records (archive.json), reusable on its own."""

    key: str
    """A name unique within its unit."""
    digest: str
    """Digest of what the record is made from."""
    render: Callable[[], bytes]
    """Its bytes as they stand in the file."""


@dataclass(frozen=True)
class PageUnit:
    """Files that are rendered together, and what they depend on."""

    key: str
    """A name unique in the archive (the cache stores it and never reads it)."""
    paths: tuple[str, ...]
    """The files it renders, under docs/ (empty when only rendering tells: whole-archive lists)."""
    digest: str | None
    """Digest of everything its files read; None: rendered on every build."""
    render: Callable[[], dict[str, bytes]]
    """Renders its files: ``{path: bytes}``."""
    parts: tuple[Part, ...] = ()
    """For a file made of records: the records; ``assemble`` then makes the file of their bytes."""
    assemble: Callable[[dict[str, bytes]], tuple[bytes, dict[str, tuple[int, int]]]] | None = None
    """The file from ``{part key: bytes}``, and where each part lies in it (start, end)."""


def digest_of(*parts: str) -> str:
    """A short SHA-256 of text parts (the digests of units, and the cache's over them)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def face(record: EntityRecord) -> str:
    """What a page may read of an entity that is not its own subject (see the module docstring)."""
    return digest_of(repr((record.id, record.name, record.type, record.role, record.description, record.aliases,
                    record.in_registry, record.path, len(record.sightings), len(record.sayings),
                    len(record.timeline), len(record.co_mentions))))


class Digests:
    """Inputs digests of the units of one archive; ``seed_keys`` maps a briefing's source file to
    its seed cache key (build.load_seeds; a briefing without one is named by its repr)."""

    def __init__(self, archive: Archive, seed_keys: dict[str, str]):
        self.archive = archive
        self.env = digest_of(archive.site_url, archive.repo_url, archive.engine)
        self.cards = {p.slug: digest_of(seed_keys.get(p.briefing.article.source_file) or repr(p.briefing), p.slug, p.url, p.path)
                      for p in archive.pages}
        self.faces = {r.id: face(r) for r in archive.entities}

    def _faces(self, ids: Iterable[str]) -> list[str]:
        return [f"{i}={self.faces.get(i, '-')}" for i in ids]

    def briefing(self, page: Page) -> str:
        b = page.briefing
        ids = ({e.id for e in b.entities} | {q.speaker for q in b.quotes if q.speaker}
               | {i for event in b.events for i in event.entities} | {i for r in page.related for i in r.shared})
        return digest_of(self.env, "briefing", self.cards[page.slug], repr(page.tags), repr(page.related),
                  repr(page.annotations), *self._faces(sorted(ids)),
                  *(self.cards.get(r.slug, "-") for r in page.related))

    def entity_pages(self, record: EntityRecord) -> dict[tuple[str | None, int], str]:
        """(list, page number) → digest of each page of an entity ((None, 1): its main page, with
        the first page of every list). A page names only the items it lists, so that a changed
        briefing re-renders one page of a long list, not all of them."""
        size = entities.ITEMS_PER_PAGE
        lists = {name: self._items(values) for name, values in entities.section_items(record).items()}
        common = (self.env, "entity", record.id, self.faces[record.id], repr(record.co_mentions),
                  repr({name: len(items) for name, items in lists.items()}),
                  *self._faces(i for i, _ in record.co_mentions))
        out = {(None, 1): digest_of(*common, *(x for name, items in lists.items() for x in (name, *items[:size])))}
        for name, items in lists.items():
            for number in range(2, -(-len(items) // size) + 1):
                out[(name, number)] = digest_of(*common, name, str(number), *items[(number - 1) * size:number * size])
        return out

    def _items(self, values) -> list[str]:
        """An entity's list items by their briefing's card: an item is derived from that briefing
        alone, as its n-th item from it (a briefing quoting an entity twice gives two sayings)."""
        seen: dict[str, int] = {}
        out = []
        for item in values:
            seen[item.slug] = seen.get(item.slug, 0) + 1
            out.append(f"{self.cards[item.slug]}:{seen[item.slug]}:{getattr(item, 'index', '')}")
        return out

    def timeline_groups(self, by_year: dict) -> dict[tuple[str, str | None], str]:
        out = {}
        for year, months in by_year.items():
            for month, entries in months.items():
                if month is not None:
                    out[(year, month)] = digest_of(self.env, "month", year, month, *self._entries(entries))
            counts = repr([(month, len(entries)) for month, entries in months.items()])
            out[(year, None)] = digest_of(self.env, "year", year, counts, *self._entries(months.get(None, [])))
        return out

    def _entries(self, entries) -> list[str]:
        return [f"{self.cards[t.slug]}:{t.index}" for t in entries]

    def json_briefing(self, page: Page) -> str:
        return digest_of(self.env, "json", self.cards[page.slug], repr(page.tags), repr([r.slug for r in page.related]),
                  repr(page.annotations))

    def json_entity(self, record: EntityRecord) -> str:
        return digest_of(self.env, "json-entity", self.faces[record.id], *(s.slug for s in record.sightings))


def _encoded(texts: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in texts.items()}


def page_units(archive: Archive, seed_keys: dict[str, str]) -> list[PageUnit]:
    """Every generated file of the archive, in units (see the module docstring)."""
    digests = Digests(archive, seed_keys)
    units = [_briefing_unit(archive, page, digests.briefing(page)) for page in archive.pages]
    for record in archive.entities:
        for (section, number), digest in digests.entity_pages(record).items():
            units.append(_entity_unit(archive, record, section, number, digest))
    by_year = timeline.groups(archive)
    for (year, month), digest in digests.timeline_groups(by_year).items():
        units.append(_timeline_unit(archive, by_year, year, month, digest))
    units.append(_archive_json_unit(archive, digests))
    for family in PAGE_FAMILIES:
        units.append(PageUnit(f"family {family.__name__}", (), None, _rest_of(archive, family)))
    return units


def _briefing_unit(archive: Archive, page: Page, digest: str) -> PageUnit:
    return PageUnit(f"briefing {page.slug}", (page.path,), digest,
                    lambda: {page.path: pages.render_briefing(page, archive).encode("utf-8")})


def _entity_unit(archive: Archive, record: EntityRecord, section: str | None, number: int, digest: str) -> PageUnit:
    path = entities.continuation_path(record, section or "", number)
    return PageUnit(f"entity {record.id} {section or ''} {number}", (path,), digest,
                    lambda: {path: entities.render_entity(record, archive, section, number).encode("utf-8")})


def _timeline_unit(archive: Archive, by_year: dict, year: str, month: str | None, digest: str) -> PageUnit:
    path = events.group_path(year, month)
    return PageUnit(f"timeline {year} {month or ''}", (path,), digest,
                    lambda: {path: timeline.render_group(archive, by_year, year, month).encode("utf-8")})


def _archive_json_unit(archive: Archive, digests: Digests) -> PageUnit:
    parts = tuple(
        Part(f"b {p.slug}", digests.json_briefing(p), lambda p=p: export.record_bytes(export.briefing_record(p)))
        for p in archive.pages
    ) + tuple(
        Part(f"e {r.id}", digests.json_entity(r), lambda r=r: export.record_bytes(export.entity_record(r)))
        for r in archive.entities
    )
    briefings = len(archive.pages)

    def assemble(fragments: dict[str, bytes]) -> tuple[bytes, dict[str, tuple[int, int]]]:
        items = [fragments[part.key] for part in parts]
        data, spans = export.assemble(archive, items[:briefings], items[briefings:])
        return data, {part.key: span for part, span in zip(parts, spans, strict=True)}

    return PageUnit("archive.json", ("archive.json",), None,
                    lambda: {"archive.json": export.archive_json(archive).encode("utf-8")},
                    parts=parts, assemble=assemble)


def _rest_of(archive: Archive, family) -> Callable[[], dict[str, bytes]]:
    """The pages of a family that are in no other unit."""
    if family is pages:
        return lambda: _encoded(pages.files(archive, briefings=False))
    if family is timeline:
        return lambda: _encoded(timeline.files(archive, months=False))
    if family is entities:
        return lambda: {}
    return lambda: _encoded(family.files(archive))
