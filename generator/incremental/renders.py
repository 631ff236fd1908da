"""The render cache: a page whose inputs did not change since the last build is not rendered again.

A page's text is a pure function of the generator (code, templates, libraries) and of the archive
data that its template reads. The pages are grouped in *units*, each with an *inputs digest*:

- ``b:<slug>``, one briefing page: the briefing itself, through its *card* (the seed's cache key,
  which covers the seed's name and bytes, the upstream code and the registry; plus slug, URL and
  path), its tags, related entries and annotation placements, the archive's site and repository
  URLs, the *face* of every entity it names (in its text, quotes, events and related entries:
  name, type, role, description, aliases, registry flag, path and the lengths of the record's
  lists) and the card of every related briefing.
- ``e:<number>:<list>:<id>``, one page of an entity (``e:1::<id>`` its main page): its face, the
  lengths of its lists, its co-mentions with their faces, and the card (and event index) of the
  briefing of every item the page lists. The items are derived by the link stage from exactly
  those briefings.
- ``t:<year>:<month>`` (``t:<year>:`` for the year's page), one archive timeline page: the card
  and event index of each entry (the event is part of its briefing), the year page also the
  months' event counts.
- archive.json's record of each briefing and entity (see ``_json_parts``): reused, by byte
  offsets into the archive.json on disk, when its digest is unchanged.

Everything else (home page, indexes, months, feeds, the timeline index, entity indexes and any
page family added later) lists the whole archive and is cheap: it is rendered on every build.
Every digest also holds fingerprint.environment_hash(): the generator's every file, templates
included, and the installed libraries, so an edit to any of them renders everything again.

Derived data is named by cards rather than hashed, because hashing the records themselves (their
dataclass reprs) cost seconds at 10,000 briefings. The contract this needs — a briefing page reads
no more of another entity than its face and no more of another briefing than its card; the link
stage derives a record only from the briefings it lists — is checked by
tests/test_incremental_render.py, which also compares incremental builds with clean ones after
every kind of change.

A unit is reused only when its digest equals the one recorded at the last build into the same
docs folder and each of its files is still what that build wrote (size and modification time).
The record (``.cache/v<FORMAT>/renders/``) is signed with the cache's machine key like every cache file; a
missing record means rendering everything, a corrupt or foreign one the same with a warning.
Deleting it changes nothing but speed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from .. import export
from ..errors import InputError
from ..model import Archive, EntityRecord, Page
from ..render import PAGE_FAMILIES, entities, merge, pages, parallel, timeline
from ..write import read_manifest
from .skip import environment_hash
from .store import Store

KIND = "renders"
PURPOSE = "renders"


def _h(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def face(record: EntityRecord) -> str:
    """What a page may read of an entity that is not its own subject (see the module docstring)."""
    return _h(repr((record.id, record.name, record.type, record.role, record.description, record.aliases,
                    record.in_registry, record.path, len(record.sightings), len(record.sayings),
                    len(record.timeline), len(record.co_mentions))))


class Digests:
    """Inputs digests of every unit of one archive; ``seed_keys`` maps a briefing's source file
    to its seed cache key (build.load_seeds)."""

    def __init__(self, archive: Archive, seed_keys: dict[str, str]):
        self.archive = archive
        self.env = _h(environment_hash(), archive.site_url, archive.repo_url)
        self.cards = {p.slug: _h(seed_keys.get(p.briefing.article.source_file) or repr(p.briefing), p.slug, p.url, p.path)
                      for p in archive.pages}
        self.faces = {r.id: face(r) for r in archive.entities}

    def _faces(self, ids: Iterable[str]) -> list[str]:
        return [f"{i}={self.faces.get(i, '-')}" for i in ids]

    def briefing(self, page: Page) -> str:
        b = page.briefing
        ids = ({e.id for e in b.entities} | {q.speaker for q in b.quotes if q.speaker}
               | {i for event in b.events for i in event.entities} | {i for r in page.related for i in r.shared})
        return _h(self.env, "briefing", self.cards[page.slug], repr(page.tags), repr(page.related),
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
        out = {(None, 1): _h(*common, *(x for name, items in lists.items() for x in (name, *items[:size])))}
        for name, items in lists.items():
            for number in range(2, -(-len(items) // size) + 1):
                out[(name, number)] = _h(*common, name, str(number), *items[(number - 1) * size:number * size])
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

    def timeline_groups(self) -> dict[tuple[str, str | None], str]:
        out = {}
        for year, months in timeline.groups(self.archive).items():
            for month, entries in months.items():
                if month is not None:
                    out[(year, month)] = _h(self.env, "month", year, month, *self._entries(entries))
            counts = repr([(month, len(entries)) for month, entries in months.items()])
            out[(year, None)] = _h(self.env, "year", year, counts, *self._entries(months.get(None, [])))
        return out

    def _entries(self, entries) -> list[str]:
        return [f"{self.cards[t.slug]}:{t.index}" for t in entries]

    def json_briefing(self, page: Page) -> str:
        return _h(self.env, "json", self.cards[page.slug], repr(page.tags), repr([r.slug for r in page.related]),
                  repr(page.annotations))

    def json_entity(self, record: EntityRecord) -> str:
        return _h(self.env, "json-entity", self.faces[record.id], *(s.slug for s in record.sightings))


def units(archive: Archive, digests: Digests) -> dict[str, str]:
    """Unit key → inputs digest, for every cached unit of the archive."""
    out = {f"b:{page.slug}": digests.briefing(page) for page in archive.pages}
    for record in archive.entities:
        out |= {f"e:{number}:{section or ''}:{record.id}": d for (section, number), d in digests.entity_pages(record).items()}
    out |= {f"t:{year}:{month or ''}": d for (year, month), d in digests.timeline_groups().items()}
    return out


def _encoded(texts: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in texts.items()}


def render_units(archive: Archive, keys: list[str]) -> dict[str, dict[str, bytes]]:
    """Unit key → the unit's files, rendered by the page families' own functions."""
    out: dict[str, dict[str, bytes]] = {}
    groups: list[tuple[str, str | None]] = []
    for key in keys:
        kind, _, rest = key.partition(":")
        if kind == "b":
            page = archive.by_slug[rest]
            out[key] = {page.path: pages.render_briefing(page, archive).encode("utf-8")}
        elif kind == "e":
            number, section, entity_id = rest.split(":", 2)
            record = archive.by_entity[entity_id]
            text = entities.render_entity(record, archive, section or None, int(number))
            out[key] = {entities.continuation_path(record, section, int(number)): text.encode("utf-8")}
        else:
            year, month = rest.split(":")
            groups.append((year, month or None))
    if groups:
        texts = timeline.files(archive, only=set(groups), index=False)
        for year, month in groups:
            path = timeline.group_path(year, month)
            out[f"t:{year}:{month or ''}"] = {path: texts[path].encode("utf-8")}
    return out


def render_rest(archive: Archive, families=PAGE_FAMILIES) -> dict[str, bytes]:
    """Every page of ``families`` that is not in a unit: rendered on every build (the pages of
    any family added later too)."""
    out: dict[str, bytes] = {}
    for family in families:
        if family is pages:
            out |= _encoded(family.files(archive, briefings=False))
        elif family is timeline:
            out |= _encoded(family.files(archive, only=(), index=True))
        elif family is not entities:
            out |= _encoded(family.files(archive))
    return out


def json_fragment(value: dict) -> bytes:
    """One item of a list in archive.json, exactly as json.dumps(…, indent=1) prints it there: two
    levels deep (JSON escapes line breaks in strings, so every line break is the layout's)."""
    return ("  " + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")).encode("utf-8")


def json_fragments(archive: Archive, keys: list[str]) -> dict[str, bytes]:
    """``b:<slug>`` / ``e:<id>`` → that briefing's or entity's record in archive.json."""
    out = {}
    for key in keys:
        kind, _, rest = key.partition(":")
        out[key] = json_fragment(export.briefing_record(archive.by_slug[rest]) if kind == "b"
                                 else export.entity_record(archive.by_entity[rest]))
    return out


def assemble_json(archive: Archive, fragments: dict[str, bytes]) -> tuple[bytes, dict[str, tuple[int, int]]]:
    """archive.json (byte-identical to export.archive_json) from its records' fragments, and where
    each fragment lies in it."""
    chunks = [b'{\n "version": ' + json.dumps(export.VERSION).encode() + b",\n"]
    size = len(chunks[0])
    where: dict[str, tuple[int, int]] = {}
    lists = (("briefings", [f"b:{p.slug}" for p in archive.pages]),
             ("entities", [f"e:{r.id}" for r in archive.entities]))
    for name, keys in lists:
        chunks.append(f' "{name}": ['.encode() + (b"\n" if keys else b""))
        size += len(chunks[-1])
        for i, key in enumerate(keys):
            where[key] = (size, size + len(fragments[key]))
            chunks.append(fragments[key] + (b",\n" if i + 1 < len(keys) else b"\n ]"))
            size += len(chunks[-1])
        if not keys:
            chunks.append(b"]")
            size += 1
        chunks.append(b",\n")
        size += 2
    orphans = [json_fragment(export.annotation_record(placed)) for placed in archive.orphaned_annotations]
    chunks.append(b' "orphaned_annotations": ' + (b"[\n" + b",\n".join(orphans) + b"\n ]" if orphans else b"[]") + b"\n}\n")
    return b"".join(chunks), where


def _stat(docs: Path, rel: str) -> list[int] | None:
    try:
        info = os.lstat(os.path.join(docs, rel))
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class RenderCache:
    """The units and archive.json records of the last build into ``docs``, and this build's."""

    def __init__(self, cache_dir: Path, docs: Path):
        self.path = Store(cache_dir).record_path(KIND, docs)
        self.docs = docs
        self.warnings: list[InputError] = []
        self.reused = 0
        self._last = self._load()
        self._units: dict[str, list] = {}
        self._json: dict[str, list] = {}

    def _load(self) -> dict:
        try:
            blob = Store.read(self.path, PURPOSE)  # store.Unsigned (a ValueError) when not signed here
            if blob is None:
                return {}  # no record yet
            record = json.loads(blob)
            if not all(isinstance(record[k], dict) for k in ("units", "files", "json")):
                raise ValueError("record of another format")
            return record
        except (ValueError, KeyError, TypeError) as error:
            self.warnings.append(InputError(
                self.path.as_posix(), None, f"render cache record ignored ({error})",
                "every page is rendered now; deleting the cache folder is always safe"))
            return {}

    def render(self, archive: Archive, jobs: int, seed_keys: dict[str, str]) -> tuple[dict[str, bytes], set[str]]:
        """(files to write, files to keep as they are on disk): together every generated file."""
        digests = Digests(archive, seed_keys)
        wanted = units(archive, digests)
        manifest = read_manifest(self.docs) if self._last else set()
        last_units, last_files = self._last.get("units", {}), self._last.get("files", {})
        kept: set[str] = set()
        missing = []
        for key, digest in wanted.items():
            old = last_units.get(key)
            if old and old[0] == digest and all(p in manifest and _stat(self.docs, p) == last_files.get(p) for p in old[1]):
                kept.update(old[1])
                self._units[key] = old
            else:
                missing.append(key)
        self.reused = len(wanted) - len(missing)
        json_wanted = {f"b:{p.slug}": digests.json_briefing(p) for p in archive.pages}
        json_wanted |= {f"e:{r.id}": digests.json_entity(r) for r in archive.entities}
        fragments = self._old_fragments(json_wanted, manifest)
        rendered, rest, new = _render_all(archive, missing, [k for k in json_wanted if k not in fragments], jobs)
        for key, unit_files in rendered.items():
            self._units[key] = [wanted[key], sorted(unit_files)]
        data, where = assemble_json(archive, fragments | new)
        self._json = {key: [json_wanted[key], *where[key]] for key in json_wanted}
        files = merge([rest, {"archive.json": data}, *rendered.values()], kept)
        return files, kept

    def _old_fragments(self, wanted: dict[str, str], manifest: set[str]) -> dict[str, bytes]:
        """Records of the archive.json on disk whose digest is unchanged, if it is as last written."""
        last = self._last.get("json")
        if not last or "archive.json" not in manifest or _stat(self.docs, "archive.json") != last["stat"]:
            return {}
        old = (self.docs / "archive.json").read_bytes()
        return {key: old[start:end] for key, (digest, start, end) in last["parts"].items()
                if wanted.get(key) == digest}

    def remember(self) -> None:
        """Record this build (after write.py wrote docs/), atomically and signed."""
        paths = {p for _, unit_paths in self._units.values() for p in unit_paths}
        record = {"docs": os.fsdecode(self.docs.resolve()), "units": self._units,
                  "files": {p: _stat(self.docs, p) for p in sorted(paths)},
                  "json": {"stat": _stat(self.docs, "archive.json"), "parts": self._json}}
        Store.write(self.path, PURPOSE, json.dumps(record, sort_keys=True).encode())
        Store.prune(self.path)


UNITS_PER_TASK = 200
"""Units (or archive.json records) per task of a parallel render."""


def _task(archive: Archive, spec: tuple) -> dict:
    kind, keys = spec
    if kind == "rest":
        return render_rest(archive, [PAGE_FAMILIES[i] for i in keys])
    return json_fragments(archive, keys) if kind == "json" else render_units(archive, keys)


def _render_all(archive: Archive, missing: list[str], json_missing: list[str], jobs: int):
    """(unit → files, for the ``missing`` units; every page that is in no unit; the missing
    archive.json records), on forked workers when there is enough to do."""
    specs = [("rest", [i]) for i in range(len(PAGE_FAMILIES))]  # one task each: a cold build spreads them
    specs += [("json", json_missing[i:i + UNITS_PER_TASK]) for i in range(0, len(json_missing), UNITS_PER_TASK)]
    specs += [("units", missing[i:i + UNITS_PER_TASK]) for i in range(0, len(missing), UNITS_PER_TASK)]
    if parallel.usable(jobs, len(missing) + len(json_missing) // 4):
        results = parallel.run_forked(archive, _task, specs, jobs)
    else:
        results = [_task(archive, spec) for spec in specs]
    rendered: dict[str, dict[str, bytes]] = {}
    rest: dict[str, bytes] = {}
    fragments: dict[str, bytes] = {}
    for (kind, _), result in zip(specs, results, strict=True):
        (rendered if kind == "units" else rest if kind == "rest" else fragments).update(result)
    return rendered, rest, fragments
