"""Reading annotation files: safe YAML, then the published JSON Schema, with file:line:col errors.

Annotation files come by pull request, so they are untrusted: they are parsed only by
:mod:`generator.safeyaml` (no tags, no aliases, bounded size and depth) and checked against
``generator/schemas/annotation.schema.json`` — the same file the site publishes for editors, so
an editor and the check agree. jsonschema's own messages speak of JSON; each error is turned into
a sentence about the field and a hint on how to fix it.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, relevance
from rapidfuzz import process

from .. import safeyaml
from ..errors import AnnotationError
from ..inputfiles import decode_utf8, read_input_file
from ..model import Annotation, TextQuote

SCHEMA_FILE = "annotation.schema.json"
SUFFIXES = (".yml", ".yaml")


@lru_cache(maxsize=1)
def schema_text() -> str:
    """The JSON Schema of an annotation file, as published on the site."""
    return resources.files("generator").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(schema_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def parse_annotation(text: str, file: str, annotation_id: str) -> tuple[Annotation | None, list[AnnotationError]]:
    """Validate one annotation file's text. Returns the annotation (None if invalid) and errors."""
    try:
        doc = safeyaml.load(text, file, AnnotationError)
    except AnnotationError as error:
        return None, [error]
    data = _dates_as_text(doc.data)
    errors = schema_errors(doc, data)
    if errors:
        return None, errors
    anchor = data["anchor"]
    return Annotation(
        id=annotation_id, file=file, briefing=data["briefing"],
        anchor=TextQuote(exact=anchor["exact"], prefix=anchor.get("prefix", ""), suffix=anchor.get("suffix", "")),
        kind=data["kind"], body=data["body"], author=" ".join(data["author"].split()),
        sources=tuple(data.get("sources", ())), date=data["date"],
        anchor_at=doc.where(("anchor", "exact")), briefing_at=doc.where(("briefing",)),
    ), []


def _dates_as_text(data: object) -> object:
    # YAML reads an unquoted 2026-05-27 as a date; the format (and JSON) has it as text.
    if isinstance(data, dict) and isinstance(data.get("date"), datetime.date) \
            and not isinstance(data["date"], datetime.datetime):
        return data | {"date": data["date"].isoformat()}
    return data


def schema_errors(doc: safeyaml.YamlDoc, data: object) -> list[AnnotationError]:
    """Every schema violation in ``data``, one per field, as file:line:col errors."""
    found: dict[tuple, AnnotationError] = {}
    missing: dict[tuple, AnnotationError] = {}
    for error in sorted(_validator().iter_errors(data), key=relevance):
        for path, message, hint in _explain(error):
            if message.startswith("missing required field"):
                missing.setdefault((path, message), doc.error(AnnotationError, path, message, hint))
            else:
                found.setdefault(path, doc.error(AnnotationError, path, message, hint))
    # A misspelt field is reported once, as unknown with a "did you mean", not also as missing.
    suggested = {f"missing required field {field_name(path[:-1] + (m.group(1),))!r}"
                 for path, error in found.items() if (m := re.match(r"did you mean '(.+)'\?", error.hint))}
    kept = [error for (_, message), error in missing.items() if message not in suggested]
    return sorted([*found.values(), *kept], key=AnnotationError.sort_key)


def field_name(path) -> str:
    """``("anchor", "exact")`` → ``anchor.exact``; ``("sources", 1)`` → ``sources[1]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


_TYPE_WORDS = {"string": "text", "object": "a mapping of fields", "array": "a list"}
_TYPE_HINTS = {
    "string": "write it as text, in quotes if YAML would read it as a number, date or yes/no",
    "object": "put its fields on the following lines, indented by two spaces",
    "array": "write one item per line, each starting with '  - '",
}
_PATTERN_HINTS = {
    "briefing": "write the seed file as 'seeds/<name>.txt', or the briefing's slug (the end of its URL)",
    "author": "write the name on one line",
    "date": "write the date as YYYY-MM-DD, e.g. 2026-05-27",
    "sources": "give the full address, starting with http:// or https://",
}


def _explain(error: ValidationError):
    """(path, message, hint) for one jsonschema error; a few kinds name several paths."""
    path = tuple(error.absolute_path)
    name = field_name(path)
    top = str(path[0]) if path else ""
    kind = error.validator
    if kind == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        key = missing.group(1) if missing else "?"
        if "then" in error.schema_path:
            yield path + (key,), "a fact-check or correction needs 'sources'", \
                "add 'sources:' with at least one http(s) URL that backs it"
            return
        yield path, f"missing required field {field_name(path + (key,))!r}", _required_hint(path, key)
    elif kind == "additionalProperties":
        allowed = tuple(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                yield path + (key,), f"unknown field {field_name(path + (key,))!r}", _did_you_mean(str(key), allowed)
    elif kind == "type":
        yield path, f"{name} must be {_TYPE_WORDS.get(error.validator_value, error.validator_value)}", \
            _TYPE_HINTS.get(error.validator_value, "check the value's type")
    elif kind == "enum":
        yield path, f"{name} {error.instance!r} is not one of the allowed values", \
            "use one of: " + ", ".join(map(str, error.validator_value))
    elif kind == "const":
        yield path, f"{name} must be {error.validator_value!r}", "write it so, or leave the line out"
    elif kind in ("minLength", "minItems") or (kind == "pattern" and error.validator_value == r"\S"):
        if "then" in error.schema_path:
            yield path, "a fact-check or correction needs at least one source", "add an http(s) URL under 'sources:'"
        else:
            yield path, f"{name} is empty", "write something, or leave the field out if it is optional"
    elif kind in ("maxLength", "maxItems"):
        unit = "characters" if kind == "maxLength" else "items"
        yield path, f"{name} is longer than {error.validator_value} {unit}", "shorten it"
    elif kind == "uniqueItems":
        yield path, f"{name} lists the same item twice", "remove the repeated item"
    elif kind in ("pattern", "format"):
        yield path, f"{name} {error.instance!r} is not valid", _PATTERN_HINTS.get(top, "check its form")
    else:
        yield path, f"{name}: {error.message}", "see the annotation format in annotations/README.md"


def _required_hint(path: tuple, key: str) -> str:
    if path == ("anchor",):
        return "add 'exact:' with the annotated words, indented under 'anchor:'"
    return f"add '{key}: …' (see annotations/README.md for every field)"


def _did_you_mean(key: str, allowed: tuple[str, ...]) -> str:
    best = process.extractOne(key, allowed, score_cutoff=70)
    return f"did you mean {best[0]!r}?" if best else f"allowed fields: {', '.join(allowed)}"


def load_annotations(root: Path, relative_to: Path | None = None) -> tuple[list[Annotation], list[AnnotationError]]:
    """Read every ``*.yml``/``*.yaml`` under ``root`` (the I/O edge), in path order. File names
    in errors are relative to ``relative_to`` (default: root's parent, the project root)."""
    root = root.resolve()
    base = (relative_to or root.parent).resolve()
    annotations: list[Annotation] = []
    errors: list[AnnotationError] = []
    if not root.is_dir():
        return annotations, errors
    for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and (p.is_file() or p.is_symlink())):
        name = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()
        annotation_id = path.relative_to(root).with_suffix("").as_posix()
        try:  # a symbolic link (to ../.env, say), a device or an oversized file is refused unread
            text = decode_utf8(read_input_file(path, name, AnnotationError, safeyaml.MAX_BYTES), name, AnnotationError)
        except AnnotationError as error:
            errors.append(error)
            continue
        try:
            annotation, problems = parse_annotation(text, name, annotation_id)
        except Exception as error:  # noqa: BLE001 — untrusted input: a bug it trips is its error
            annotation, problems = None, [AnnotationError(name, None, "internal error while reading this file: "
                                                          f"{type(error).__name__}: {str(error)[:200]}",
                                                          "this is a bug in the generator: please report it with the file")]
        errors += problems
        if annotation:
            annotations.append(annotation)
    return annotations, errors
