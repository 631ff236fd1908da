"""Reading annotation files: safe YAML, then the published JSON Schema, with file:line:col errors.

Annotation files come by pull request, so they are untrusted: they are parsed only by
:mod:`generator.safeyaml` (no tags, no aliases, bounded size and depth) and checked against
``generator/schemas/annotation.schema.json`` — the same file the site publishes for editors, so
an editor and the check agree. :mod:`generator.schemacheck` turns each violation into a sentence
about the field, at its line, with a hint on how to fix it; the hints of the format's own rules
are here.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from jsonschema.exceptions import ValidationError

from .. import safeyaml, schemacheck
from ..errors import AnnotationError
from ..inputfiles import decode_utf8, read_input_file
from ..model import Annotation, TextQuote
from .contribute import placeholder_errors

SCHEMA_FILE = "annotation.schema.json"
SUFFIXES = (".yml", ".yaml")


def schema_text() -> str:
    """The JSON Schema of an annotation file, as published on the site."""
    return schemacheck.schema_text(SCHEMA_FILE)


class Parsed(NamedTuple):
    """One annotation file, read."""

    annotation: Annotation | None
    """The annotation, or None when the file has any error."""
    errors: list[AnnotationError]
    """Everything wrong with the file, in file order."""
    draft: Annotation | None = None
    """When the file has errors but its ``briefing`` is valid: the annotation as far as it goes
    (other fields empty; ``anchor.exact`` too unless the anchor is valid), looked up and anchored
    only so that an unknown briefing or an anchor that is not found is reported in the same run
    as the rest. Never shown."""


class Loaded(NamedTuple):
    """Every annotation file of a folder, read."""

    annotations: list[Annotation]
    """The valid ones, in path order."""
    errors: list[AnnotationError]
    """Every problem of every file."""
    drafts: list[Annotation]
    """The invalid files that can still be anchored (see :attr:`Parsed.draft`)."""
    refused: list[str]
    """The files refused for an error of their own (never placed), in path order."""


def parse_annotation(text: str, file: str, annotation_id: str) -> tuple[Annotation | None, list[AnnotationError]]:
    """Validate one annotation file's text. Returns the annotation (None if invalid) and errors."""
    parsed = read_annotation(text, file, annotation_id)
    return parsed.annotation, parsed.errors


def read_annotation(text: str, file: str, annotation_id: str) -> Parsed:
    """Validate one annotation file's text: safe YAML, the template's placeholders, the schema."""
    try:
        doc = safeyaml.load(text, file, AnnotationError)
    except AnnotationError as error:
        return Parsed(None, [error])
    data = _dates_as_text(doc.data)
    placeholders = placeholder_errors(doc, text)
    errors = sorted([*placeholders.values(), *schema_errors(doc, data, placeholders)], key=AnnotationError.sort_key)
    if not errors:
        return Parsed(_annotation(doc, data, annotation_id), [])
    wrong = {path[:1] for path in placeholders} | {tuple(error.absolute_path)[:1] for error in
                                                   schemacheck.validator(SCHEMA_FILE).iter_errors(data)}
    if not isinstance(data, dict) or "briefing" not in data or ("briefing",) in wrong:
        return Parsed(None, errors)
    anchored = isinstance(data.get("anchor"), dict) and ("anchor",) not in wrong
    return Parsed(None, errors, _annotation(doc, data, annotation_id, complete=False, anchored=anchored))


def _annotation(doc: safeyaml.YamlDoc, data: dict, annotation_id: str, complete: bool = True,
                anchored: bool = True) -> Annotation:
    """The annotation in ``data``; with ``complete=False`` only its briefing and, if ``anchored``,
    its anchor (a draft: other fields empty, an invalid anchor's ``exact`` empty)."""
    anchor = data["anchor"] if anchored else {"exact": ""}
    return Annotation(
        id=annotation_id, file=doc.file, briefing=data["briefing"],
        anchor=TextQuote(exact=anchor["exact"], prefix=anchor.get("prefix", ""), suffix=anchor.get("suffix", "")),
        kind=data["kind"] if complete else "", body=data["body"] if complete else "",
        author=" ".join(data["author"].split()) if complete else "",
        sources=tuple(data.get("sources", ())) if complete else (), date=data["date"] if complete else "",
        anchor_at=doc.where(("anchor", "exact")), briefing_at=doc.where(("briefing",)),
    )


def _dates_as_text(data: object) -> object:
    # YAML reads an unquoted 2026-05-27 as a date; the format (and JSON) has it as text.
    if isinstance(data, dict) and isinstance(data.get("date"), datetime.date) \
            and not isinstance(data["date"], datetime.datetime):
        return data | {"date": data["date"].isoformat()}
    return data


def schema_errors(doc: safeyaml.YamlDoc, data: object, reported=()) -> list[AnnotationError]:
    """Every schema violation in ``data``, one per field, as file:line:col errors (but none for
    the fields in ``reported``, already found wrong)."""
    return schemacheck.schema_errors(doc, data, FORMAT, reported)


_VALUE_HINTS = {
    "briefing": "write the seed file as 'seeds/<name>.txt' (a saved page: 'seeds/<name>.html'), or the briefing's slug (the end of its URL)",
    "author": "write the name on one line",
    "date": "write the date as YYYY-MM-DD, e.g. 2026-05-27",
    "sources": "give the full address, starting with http:// or https://",
}


def _own_rules(error: ValidationError) -> list[schemacheck.Explained] | None:
    """The messages of the format's own rules: sources for fact-checks and corrections (the
    schema's if/then), and how to add the anchor's words; None for every other error."""
    path = tuple(error.absolute_path)
    conditional = "then" in error.schema_path
    if error.validator == "required" and conditional:
        return [(path + ("sources",), "a fact-check or correction needs 'sources'",
                 "add 'sources:' with at least one http(s) URL that backs it")]
    if error.validator in ("minLength", "minItems") and conditional:
        return [(path, "a fact-check or correction needs at least one source", "add an http(s) URL under 'sources:'")]
    if error.validator == "required" and path == ("anchor",):
        return [(path, "missing required field 'anchor.exact'",
                 "add 'exact:' with the annotated words, indented under 'anchor:'")]
    return None


FORMAT = schemacheck.SchemaFormat(name="annotation", schema_file=SCHEMA_FILE, error_class=AnnotationError,
                                  guide="annotations/README.md", value_hints=_VALUE_HINTS, special=_own_rules)
"""The annotation format: its schema and the hints its errors carry."""


def load_annotations(root: Path | None, relative_to: Path | None = None) -> Loaded:
    """Read every ``*.yml``/``*.yaml`` under ``root`` (the I/O edge), in path order; no folder
    (None, or none there) is no annotations. File names in errors are relative to ``relative_to``
    (default: root's parent, the project root)."""
    loaded = Loaded([], [], [], [])
    if root is None or not root.is_dir():
        return loaded
    root = root.resolve()
    base = (relative_to or root.parent).resolve()
    for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and (p.is_file() or p.is_symlink())):
        name = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()
        annotation_id = path.relative_to(root).with_suffix("").as_posix()
        try:  # a symbolic link (to ../.env, say), a device or an oversized file is refused unread
            text = decode_utf8(read_input_file(path, name, AnnotationError, safeyaml.MAX_BYTES), name, AnnotationError)
        except AnnotationError as error:
            loaded.errors.append(error)
            loaded.refused.append(name)
            continue
        try:
            parsed = read_annotation(text, name, annotation_id)
        except Exception as error:  # noqa: BLE001 — untrusted input: a bug it trips is its error
            parsed = Parsed(None, [AnnotationError(name, None, "internal error while reading this file: "
                                                   f"{type(error).__name__}: {str(error)[:200]}",
                                                   "this is a bug in the generator: please report it with the file")])
        loaded.errors.extend(parsed.errors)
        if parsed.annotation:
            loaded.annotations.append(parsed.annotation)
        else:
            loaded.refused.append(name)
        if parsed.draft:
            loaded.drafts.append(parsed.draft)
    return loaded
