"""archive.json: the machine-readable archive, served with the site.

Written with sorted entity lists and a fixed key order so that two builds from the same inputs
give the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from .annotations import render_body
from .model import Archive, EntityRecord, Page, PlacedAnnotation

VERSION = 1


def briefing_record(page: Page) -> dict:
    """One briefing as archive.json describes it (issue-defined field names)."""
    b = page.briefing
    a = b.article
    return {
        "slug": page.slug,
        "url": page.url,
        "title": a.title,
        "dek": a.dek,
        "published": a.published,
        "updated": a.updated,
        "byline": list(a.authors),
        "dateline": a.dateline,
        "reading_time": a.reading_time,
        "source_file": a.source_file,
        "caption": a.caption,
        "caption_credit": a.caption_credit,
        "paragraphs": list(a.paragraphs),
        "subheadings": [{"text": h.text, "before_paragraph": h.before} for h in a.subheadings],
        "inferred": [{"part": i.part, "value": i.value, "source": i.source} for i in a.inferred],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "role": e.role,
                      "mentions": [m.text for m in e.mentions]} for e in b.entities],
        "quotes": [{"speaker": q.speaker, "speaker_name": q.speaker_name, "text": q.text,
                    "paragraph": q.paragraph} for q in b.quotes],
        "events": [asdict(e) | {"entities": list(e.entities)} for e in b.events],
        "amounts": [{"text": m.text, "value": m.value, "currency": m.currency, "unit": m.unit,
                     "paragraph": m.paragraph} for m in b.amounts],
        "key_points": [{"text": k.text, "paragraph": k.paragraph} for k in b.key_points],
        "tags": list(page.tags),
        "related": [r.slug for r in page.related],
        "annotations": [annotation_record(placed) for placed in page.annotations],
    }


def annotation_record(placed: PlacedAnnotation) -> dict:
    """One annotation: the note (Markdown as contributed, and the sanitised HTML shown on the
    site), its W3C TextQuoteSelector anchor, its status and, when anchored, where it sits."""
    note = placed.annotation
    return {
        "id": note.id,
        "file": note.file,
        "briefing": note.briefing,
        "kind": note.kind,
        "author": note.author,
        "date": note.date,
        "sources": list(note.sources),
        "body": note.body,
        "body_html": str(render_body(note.body)),
        "anchor": {"type": "TextQuoteSelector", "exact": note.anchor.exact,
                   "prefix": note.anchor.prefix, "suffix": note.anchor.suffix},
        "status": placed.status,
        "position": {"paragraph": placed.paragraph, "start": placed.start, "end": placed.end,
                     "method": placed.method, "score": placed.score} if placed.anchored else None,
        "reason": placed.reason,
    }


def entity_record(entity: EntityRecord) -> dict:
    """One archive-wide entity: identity plus the slugs of the briefings mentioning it (newest
    first)."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "role": entity.role,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "in_registry": entity.in_registry,
        "url": entity.path[:-3] + "/",
        "briefings": [s.slug for s in entity.sightings],
    }


def record_bytes(value: dict) -> bytes:
    """One item of a list in archive.json, exactly as ``json.dumps(…, indent=1)`` prints it two
    levels deep (JSON escapes line breaks inside strings, so every line break is the layout's)."""
    return ("  " + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")).encode("utf-8")


def assemble(archive: Archive, briefings: list[bytes], entities: list[bytes]) -> tuple[bytes, list[tuple[int, int]]]:
    """archive.json from its briefings' and entities' records (:func:`record_bytes`), and where
    each record lies in it (start, end), briefings first: the file's one layout, which the
    incremental render uses to reuse the records that did not change."""
    chunks = [b'{\n "version": ' + json.dumps(VERSION).encode() + b",\n"]
    size = len(chunks[0])
    spans: list[tuple[int, int]] = []
    for name, items in (("briefings", briefings), ("entities", entities)):
        chunks.append(f' "{name}": ['.encode() + (b"\n" if items else b""))
        size += len(chunks[-1])
        for i, item in enumerate(items):
            spans.append((size, size + len(item)))
            chunks.append(item + (b",\n" if i + 1 < len(items) else b"\n ]"))
            size += len(chunks[-1])
        if not items:
            chunks.append(b"]")
            size += 1
        chunks.append(b",\n")
        size += 2
    orphans = [record_bytes(annotation_record(placed)) for placed in archive.orphaned_annotations]
    chunks.append(b' "orphaned_annotations": ' + (b"[\n" + b",\n".join(orphans) + b"\n ]" if orphans else b"[]") + b"\n}\n")
    return b"".join(chunks), spans


def archive_json(archive: Archive) -> str:
    """The whole archive.json (the same bytes as ``json.dumps`` of the records with ``indent=1``)."""
    data, _ = assemble(archive, [record_bytes(briefing_record(p)) for p in archive.pages],
                       [record_bytes(entity_record(e)) for e in archive.entities])
    return data.decode("utf-8")
