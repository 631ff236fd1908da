"""Maintainers' steering of the entities extraction finds: ``registry/steering.yml``.

Extraction turns a capitalised name into an entity on evidence, and evidence is sometimes wrong.
Three lists let maintainers correct it without touching code, each keyed by a name as the
article writes it (case and spacing ignored):

* ``not_entities``: names that are not entities ("Top Rated Comments", "Getty Images"); such an
  entity is dropped, with its page, tags and links;
* ``types``: the type of a name the registry lacks ("SpaceX: organisation");
* ``same_as``: a name that is the same entity as another ("Maulana Karenga: Ron Karenga"); its
  mentions and quotes go to the other name's entity (a registry entity when the other name is a
  registry name or alias).

The file is untrusted like the rest of the registry: read through :mod:`generator.safeyaml`,
every entry checked, every problem reported with ``file:line:col`` and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import safeyaml
from .entitytypes import NAMES
from .errors import RegistryError

FILE_NAME = "steering.yml"
"""The steering file's name, at the top of the registry folder."""
SECTIONS = ("not_entities", "types", "same_as")
MAX_NAME = 120


def key(name: str) -> str:
    """How steering compares names: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Steering:
    """The maintainers' corrections, by :func:`key` of the name they apply to."""

    not_entities: frozenset[str] = frozenset()
    """Names that are never entities."""
    types: dict[str, str] = field(default_factory=dict)
    """Name → the entity type it has."""
    same_as: dict[str, str] = field(default_factory=dict)
    """Name → the name (as written in the file) of the entity it is the same as."""


def parse_steering(text: str, file: str, registry_names: frozenset[str] = frozenset()) -> tuple[Steering, list[RegistryError]]:
    """The steering in ``text`` and its errors; a bad entry is left out, the rest kept.

    ``registry_names`` are the :func:`key` of every registry name and alias: an entry naming one
    is an error at its own line, since a registry entity is corrected in its own file."""
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return Steering(), []  # an empty file, or one of comments only, steers nothing
    try:
        doc = safeyaml.load(text, file, RegistryError)
    except RegistryError as error:
        return Steering(), [error]
    if not isinstance(doc.data, dict):
        return Steering(), [doc.error(RegistryError, (), "the steering file must be a mapping",
                                      f"use the sections {', '.join(SECTIONS)}, each on a line of its own")]
    errors = [doc.error(RegistryError, (section,), f"unknown section {section!r}", f"use one of: {', '.join(SECTIONS)}")
              for section in doc.data if section not in SECTIONS]
    not_entities = _names(doc, errors)
    types = _mapping(doc, "types", errors, _type_problem)
    same_as = _mapping(doc, "same_as", errors, _target_problem)
    for name, target in list(same_as.items()):
        if key(target) in same_as:
            written = _written(doc, "same_as", name)
            errors.append(doc.error(RegistryError, ("same_as", written), f"{target!r} is itself the same as another name",
                                    f"write '{written}: {same_as[key(target)]}' instead of a chain"))
            del same_as[name]
    for name, target in list(same_as.items()):
        if key(target) in not_entities:
            written = _written(doc, "same_as", name)
            errors.append(doc.error(RegistryError, ("same_as", written),
                                    f"{written!r} is the same as {target!r}, which is listed under not_entities",
                                    "remove one of the two lines"))
            del same_as[name]
    for section, entries in (("types", types), ("same_as", same_as)):
        for name in list(entries):
            if name in not_entities:
                written = _written(doc, section, name)
                errors.append(doc.error(RegistryError, (section, written),
                                        f"{written!r} is also listed under not_entities", "keep it in one section only"))
                del entries[name]
    for section, entries in (("not_entities", not_entities), ("types", types), ("same_as", same_as)):
        for name in sorted(n for n in entries if n in registry_names):
            where = _position(doc, section, name)
            written = where[-1] if isinstance(where[-1], str) else doc.data[section][where[-1]]
            errors.append(doc.error(RegistryError, where, f"{written!r} is a name of the registry",
                                    "correct a registry entity in its own file (its type, aliases), not here"))
            if isinstance(entries, set):
                entries.discard(name)
            else:
                del entries[name]
    return Steering(frozenset(not_entities), types, same_as), sorted(errors, key=RegistryError.sort_key)


def _names(doc, errors) -> set[str]:
    value = doc.data.get("not_entities")
    if value is None:
        return set()
    if not isinstance(value, list):
        errors.append(doc.error(RegistryError, ("not_entities",), "'not_entities' must be a list",
                                "write one name per line: 'not_entities:' then '  - Some Name'"))
        return set()
    found: set[str] = set()
    for i, item in enumerate(value):
        problem = _name_problem(item)
        if problem is None and key(item) in found:
            problem = (f"{item!r} is listed twice", "remove the repeated line")
        if problem:
            errors.append(doc.error(RegistryError, ("not_entities", i), f"not_entities[{i}]: {problem[0]}", problem[1]))
        else:
            found.add(key(item))
    return found


def _mapping(doc, section: str, errors, value_problem) -> dict[str, str]:
    value = doc.data.get(section)
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors.append(doc.error(RegistryError, (section,), f"{section!r} must be a mapping",
                                f"write one entry per line: '{section}:' then '  Some Name: …'"))
        return {}
    found: dict[str, str] = {}
    for name, target in value.items():
        problem = _name_problem(name) or value_problem(name, target)
        if problem is None and key(name) in found:
            problem = (f"{name!r} is listed twice", "remove the repeated line")
        if problem:
            errors.append(doc.error(RegistryError, (section, name), f"{section}: {problem[0]}", problem[1]))
        else:
            found[key(name)] = " ".join(target.split()) if section == "same_as" else target
    return found


def _name_problem(name) -> tuple[str, str] | None:
    if not isinstance(name, str) or not name.strip():
        return "a name must be non-empty text", "quote the name if YAML reads it as a number, date or yes/no"
    if len(name) > MAX_NAME:
        return f"a name is longer than {MAX_NAME} characters", "use the name as the article writes it"
    return None


def _type_problem(name, value) -> tuple[str, str] | None:
    if value not in NAMES:
        return f"{name!r} has unknown type {value!r}", f"use one of: {', '.join(NAMES)}"
    return None


def _target_problem(name, value) -> tuple[str, str] | None:
    problem = _name_problem(value)
    if problem:
        return f"the name {name!r} is the same as must be non-empty text", problem[1]
    if key(value) == key(name):
        return f"{name!r} is the same as itself", "remove the line, or name the other entity"
    return None


def _position(doc, section: str, name_key: str) -> tuple:
    """Where a name stands in the file: (section, its index) in the list, (section, the name as
    written) in a mapping."""
    value = doc.data.get(section)
    if isinstance(value, list):
        return section, next(i for i, item in enumerate(value) if isinstance(item, str) and key(item) == name_key)
    return section, _written(doc, section, name_key)


def _written(doc, section: str, name_key: str) -> str:
    """The name as the file writes it, for the position of an error about its key."""
    return next((k for k in doc.data.get(section) or {} if isinstance(k, str) and key(k) == name_key), name_key)
