"""Checking loaded YAML against a published JSON Schema, with ``file:line:col`` errors.

Annotation files and seed sidecars are untrusted YAML described by a JSON Schema in
``generator/schemas/`` (the same file editors can point their YAML language server at). They are
parsed by :mod:`.safeyaml`, which keeps the position of every key and item, and validated here.
jsonschema's own messages speak of JSON; each error becomes a sentence about the field, at the
field's line, with a hint on how to fix it. A format adds only what is its own (:class:`SchemaFormat`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, relevance
from rapidfuzz import process

from .errors import InputError
from .safeyaml import YamlDoc

Explained = tuple[tuple, str, str]
"""(path into the data, message, hint) for one schema violation."""


@dataclass(frozen=True)
class SchemaFormat:
    """One YAML input format: its schema, its error type and what its hints say."""

    name: str
    """What a file of the format is called in hints ("annotation")."""
    schema_file: str
    """The schema's file name under ``generator/schemas/``."""
    error_class: type[InputError]
    """The error type its files' problems are reported as."""
    guide: str
    """Where the format is documented, named by hints that have nothing more particular to say."""
    value_hints: Mapping[str, str] = field(default_factory=dict)
    """How to write a valid value, by top-level field (for ``pattern`` and ``format`` errors)."""
    special: Callable[[ValidationError], Iterable[Explained] | None] | None = None
    """The format's own explanation of an error (its conditional rules, say), or None to use the
    general one; may itself return None for the errors it leaves to the general one."""


@lru_cache(maxsize=None)
def schema_text(schema_file: str) -> str:
    """A schema's text, as published."""
    return resources.files("generator").joinpath("schemas", schema_file).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def validator(schema_file: str) -> Draft202012Validator:
    """A checked validator of the schema, with format checking on."""
    schema = json.loads(schema_text(schema_file))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(doc: YamlDoc, data: object, fmt: SchemaFormat, reported: Iterable[tuple] = ()) -> list[InputError]:
    """Every schema violation in ``data`` (``doc``'s data, perhaps with values normalised), one
    per field, at the field's position in ``doc``, in file order. Fields in ``reported`` (paths
    the format's own checks have already found wrong) and their parts are left out."""
    found: dict[tuple, InputError] = {}
    missing: dict[tuple, InputError] = {}
    skip = [tuple(path) for path in reported]
    for error in sorted(validator(fmt.schema_file).iter_errors(data), key=relevance):
        for path, message, hint in explain(error, fmt):
            if any(path[:len(done)] == done for done in skip if done):
                continue
            if message.startswith("missing required field"):
                missing.setdefault((path, message), doc.error(fmt.error_class, path, message, hint))
            else:
                found.setdefault(path, doc.error(fmt.error_class, path, message, hint))
    # A misspelt field is reported once, as unknown with a "did you mean", not also as missing.
    suggested = {f"missing required field {field_name(path[:-1] + (m.group(1),))!r}"
                 for path, error in found.items() if (m := re.match(r"did you mean '(.+)'\?", error.hint))}
    kept = [error for (_, message), error in missing.items() if message not in suggested]
    return sorted([*found.values(), *kept], key=InputError.sort_key)


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


def explain(error: ValidationError, fmt: SchemaFormat) -> Iterable[Explained]:
    """(path, message, hint) for one jsonschema error; a few kinds name several paths."""
    own = fmt.special(error) if fmt.special else None
    return own if own is not None else _general(error, fmt)


def _general(error: ValidationError, fmt: SchemaFormat):
    path = tuple(error.absolute_path)
    name = field_name(path)
    top = str(path[0]) if path else ""
    kind = error.validator
    if kind == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        key = missing.group(1) if missing else "?"
        yield path, f"missing required field {field_name(path + (key,))!r}", \
            f"add '{key}: …' (see {fmt.guide} for every field)"
    elif kind == "additionalProperties":
        allowed = tuple(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                yield path + (key,), f"unknown field {field_name(path + (key,))!r}", did_you_mean(str(key), allowed)
    elif kind == "type":
        wanted = error.validator_value
        yield path, f"{name} must be {_TYPE_WORDS.get(wanted, wanted)}", _TYPE_HINTS.get(wanted, "check the value's type")
    elif kind == "enum":
        yield path, f"{name} {error.instance!r} is not one of the allowed values", \
            "use one of: " + ", ".join(map(str, error.validator_value))
    elif kind == "const":
        yield path, f"{name} must be {error.validator_value!r}", "write it so, or leave the line out"
    elif kind in ("minLength", "minItems") or (kind == "pattern" and error.validator_value == r"\S"):
        yield path, f"{name} is empty", "write something, or leave the field out if it is optional"
    elif kind in ("maxLength", "maxItems"):
        unit = "characters" if kind == "maxLength" else "items"
        yield path, f"{name} is longer than {error.validator_value} {unit}", "shorten it"
    elif kind == "uniqueItems":
        yield path, f"{name} lists the same item twice", "remove the repeated item"
    elif kind in ("pattern", "format"):
        yield path, f"{name} {error.instance!r} is not valid", fmt.value_hints.get(top, "check its form")
    else:
        yield path, f"{name}: {error.message}", f"see the {fmt.name} format in {fmt.guide}"


def did_you_mean(key: str, allowed: tuple[str, ...]) -> str:
    """A hint for an unknown field: the allowed one it is closest to, or all of them."""
    best = process.extractOne(key, allowed, score_cutoff=70)
    return f"did you mean {best[0]!r}?" if best else f"allowed fields: {', '.join(allowed)}"
