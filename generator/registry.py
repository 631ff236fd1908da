"""The curated entity registry: who and what the archive knows by name.

Contributors add entities by pull request, one YAML file per entity under
``registry/<type>/<id>.yml`` (see ``registry/README.md``). Files are untrusted: they are read only
through :mod:`generator.safeyaml` and every field is checked, with ``file:line:col`` errors that
say how to fix them. Loading reports every problem at once and keeps every valid entity, so one
bad file never hides the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process

from . import safeyaml
from .entitytypes import NAMES
from .errors import RegistryError
from .inputfiles import decode_utf8, read_input_file
from .steering import FILE_NAME as STEERING_FILE, Steering, key as steering_key, parse_steering

ENTITY_TYPES = NAMES
"""Entity types (entitytypes.py), also the names of the registry's sub-folders."""
REQUIRED = ("id", "name", "type")
OPTIONAL_LISTS = ("aliases", "roles")
OPTIONAL_TEXT = ("description", "wikidata")
FIELDS = REQUIRED + OPTIONAL_LISTS + OPTIONAL_TEXT
_SYNONYMS = {"alias": "aliases", "role": "roles", "title": "roles", "titles": "roles",
             "qid": "wikidata", "wikidata_id": "wikidata", "desc": "description"}
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
WIKIDATA_RE = re.compile(r"Q[1-9][0-9]*\Z")
MAX_NAME = 120
MAX_DESCRIPTION = 400
_INITIAL_DOT = re.compile(r"\b([A-Z])\.(?=\s)")


@dataclass(frozen=True)
class Entity:
    """One curated entity."""

    id: str
    """Stable id, equal to the file's name without extension ("marco-rubio")."""
    name: str
    """Canonical name ("Marco Rubio")."""
    type: str
    """One of ENTITY_TYPES."""
    aliases: tuple[str, ...] = ()
    """Other surface forms that always mean this entity ("S Jaishankar", "FORGE")."""
    roles: tuple[str, ...] = ()
    """Titles or roles, most important first ("US Secretary of State")."""
    description: str | None = None
    """One short sentence for the entity page, or None."""
    wikidata: str | None = None
    """Wikidata item id ("Q22686"), or None."""
    file: str = ""
    """Registry file it was loaded from, for error messages."""

    @property
    def role(self) -> str | None:
        return self.roles[0] if self.roles else None


def surface_variants(surface: str) -> set[str]:
    """A surface form plus its spelling without dots after initials ("S. Jaishankar" → "S Jaishankar")."""
    surface = " ".join(surface.split())
    return {surface, _INITIAL_DOT.sub(r"\1", surface)}


class Registry:
    """Entities by id, with one precompiled pattern that finds every alias in a text."""

    def __init__(self, entities=(), steering: Steering | None = None):
        self.steering = steering or Steering()
        """Maintainers' corrections to the entities extraction finds (registry/steering.yml)."""
        self.entities: dict[str, Entity] = {}
        self.by_surface: dict[str, str] = {}
        """Exact surface form (name, alias or dot-less variant) → entity id."""
        self.short_forms: dict[str, set[str]] = {}
        """Surname → ids of people whose full name must be mentioned first ("Rubio")."""
        for entity in entities:
            self.entities[entity.id] = entity
            for surface in (entity.name, *entity.aliases):
                for variant in surface_variants(surface):
                    self.by_surface.setdefault(variant, entity.id)
            if entity.type == "person":
                for surface in (entity.name, *entity.aliases):
                    words = surface.split()
                    if len(words) > 1:
                        self.short_forms.setdefault(words[-1], set()).add(entity.id)
        self.pattern = compile_alternation(self.by_surface)
        self._names = {e.name: e.id for e in self.entities.values()}

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a surface form always names, or None."""
        entity_id = self.by_surface.get(" ".join(surface.split()))
        return self.entities[entity_id] if entity_id else None

    def fuzzy_lookup(self, name: str, cutoff: float = 92.0) -> Entity | None:
        """The entity whose canonical name is a near spelling of ``name`` (typos such as
        "Geostategic"); only for names long enough that a near match is not a different name."""
        if len(name) < 12 or not self._names:
            return None
        best = process.extractOne(name, self._names.keys(), score_cutoff=cutoff)
        return self.entities[self._names[best[0]]] if best else None


def compile_alternation(surfaces) -> re.Pattern | None:
    """One regex matching any of ``surfaces`` (longest first), built as a character trie.

    A flat ``a|b|c`` alternation makes the engine try every alias at every position; the trie
    shares prefixes, so each position costs one branch per distinct next character. Word
    boundaries are checked by the caller (see extract.entities), which keeps the pattern's first
    character a literal set that the engine can skip ahead on.
    """
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = True
    if not trie:
        return None
    return re.compile(_trie_regex(trie) + r"(?!\w)")


def _trie_regex(node: dict) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    end = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    # Greedy optional group: the longer alias is tried before the one that ends here.
    return "(?:" + "|".join(branches) + ")" + ("?" if end else "")


def parse_entity(text: str, file: str) -> tuple[Entity | None, list[RegistryError]]:
    """Validate one registry file's text. Returns the entity (None if unusable) and its errors."""
    try:
        doc = safeyaml.load(text, file, RegistryError)
    except RegistryError as exc:
        return None, [exc]
    if not isinstance(doc.data, dict):
        return None, [doc.error(RegistryError, (), "an entity file must be a mapping of fields",
                                "start with 'id: some-id' on the first line")]
    errors = _check_fields(doc)
    data = doc.data
    if any(not isinstance(data.get(key), str) for key in REQUIRED if key in data):
        return None, errors
    if any(key not in data for key in REQUIRED):
        return None, errors
    entity = Entity(id=data["id"], name=" ".join(data["name"].split()), type=data["type"],
                    aliases=tuple(" ".join(a.split()) for a in data.get("aliases") or () if isinstance(a, str)),
                    roles=tuple(r.strip() for r in data.get("roles") or () if isinstance(r, str)),
                    description=data.get("description") if isinstance(data.get("description"), str) else None,
                    wikidata=data.get("wikidata") if isinstance(data.get("wikidata"), str) else None,
                    file=file)
    errors += _check_placement(doc, entity)
    return (None if errors else entity), errors


def _check_fields(doc: safeyaml.YamlDoc) -> list[RegistryError]:
    errors = []
    data = doc.data
    for key in data:
        if key not in FIELDS:
            errors.append(doc.error(RegistryError, (key,), f"unknown field {key!r}", _field_hint(str(key))))
    for key in REQUIRED:
        if key not in data:
            errors.append(doc.error(RegistryError, (), f"missing required field {key!r}",
                                    f"add '{key}: …' (required fields: {', '.join(REQUIRED)})"))
    for key in REQUIRED + OPTIONAL_TEXT:
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            if data[key] is None and key in OPTIONAL_TEXT:
                continue
            errors.append(doc.error(RegistryError, (key,), f"{key!r} must be non-empty text",
                                    "write the value as a string, quoted if it looks like a number or date"))
    for key in OPTIONAL_LISTS:
        errors += _check_list(doc, key)
    errors += _check_values(doc)
    return errors


def _check_list(doc, key) -> list[RegistryError]:
    value = doc.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        return [doc.error(RegistryError, (key,), f"{key!r} must be a list",
                          f"write one item per line: '{key}:' then '  - …'")]
    errors, seen = [], set()
    for i, item in enumerate(value):
        if not (isinstance(item, str) and item.strip()):
            errors.append(doc.error(RegistryError, (key, i), f"{key}[{i}] must be non-empty text",
                                    "quote the value if YAML reads it as a number, date or yes/no"))
        elif len(item) > MAX_NAME:
            errors.append(doc.error(RegistryError, (key, i), f"{key}[{i}] is longer than {MAX_NAME} characters",
                                    "use a shorter form"))
        elif item in seen:
            errors.append(doc.error(RegistryError, (key, i), f"{key}[{i}] {item!r} is listed twice",
                                    "remove the repeated item"))
        else:
            seen.add(item)  # only text: a nested list here is unhashable (and already an error)
    return errors


def _check_values(doc) -> list[RegistryError]:
    data, errors = doc.data, []
    if isinstance(data.get("id"), str) and not ID_RE.match(data["id"]):
        errors.append(doc.error(RegistryError, ("id",), f"id {data['id']!r} is not a valid id",
                                "use lower-case letters, digits and single hyphens, e.g. 'marco-rubio'"))
    if isinstance(data.get("type"), str) and data["type"] not in ENTITY_TYPES:
        errors.append(doc.error(RegistryError, ("type",), f"unknown type {data['type']!r}",
                                f"use one of: {', '.join(ENTITY_TYPES)}"))
    if isinstance(data.get("name"), str) and len(data["name"]) > MAX_NAME:
        errors.append(doc.error(RegistryError, ("name",), f"name is longer than {MAX_NAME} characters",
                                "put the long form in 'description'"))
    if isinstance(data.get("wikidata"), str) and not WIKIDATA_RE.match(data["wikidata"]):
        errors.append(doc.error(RegistryError, ("wikidata",), f"wikidata {data['wikidata']!r} is not a Q-id",
                                "write the item id only, e.g. 'Q22686' (not a URL)"))
    if isinstance(data.get("description"), str) and len(data["description"]) > MAX_DESCRIPTION:
        errors.append(doc.error(RegistryError, ("description",),
                                f"description is longer than {MAX_DESCRIPTION} characters",
                                "keep it to one short sentence"))
    return errors


def _check_placement(doc, entity: Entity) -> list[RegistryError]:
    """The file must be named after the id and sit in its type's folder, so that two
    contributors adding the same entity collide on one path instead of silently duplicating it."""
    path = Path(doc.file)
    errors = []
    if path.stem != entity.id:
        errors.append(doc.error(RegistryError, ("id",), f"id {entity.id!r} does not match the file name {path.name!r}",
                                f"rename the file to '{entity.id}{path.suffix}' or change the id"))
    if path.parent.name != entity.type:
        errors.append(doc.error(RegistryError, ("type",),
                                f"an entity of type {entity.type!r} is in folder {path.parent.name!r}",
                                f"move the file to registry/{entity.type}/"))
    return errors


def _field_hint(key: str) -> str:
    if key in _SYNONYMS:
        return f"did you mean {_SYNONYMS[key]!r}?"
    best = process.extractOne(key, FIELDS, score_cutoff=70)
    if best:
        return f"did you mean {best[0]!r}?"
    return f"allowed fields: {', '.join(FIELDS)}"


def build_registry(entities: list[Entity]) -> tuple[Registry, list[RegistryError]]:
    """Check ids and surface forms are unique across files; build the registry of the rest."""
    errors: list[RegistryError] = []
    by_id: dict[str, Entity] = {}
    owner: dict[str, Entity] = {}
    kept = []
    for entity in sorted(entities, key=lambda e: e.file):
        if entity.id in by_id:
            errors.append(RegistryError(entity.file, 1, f"duplicate id {entity.id!r}, also in {by_id[entity.id].file}",
                                        "give one of them another id, or merge the two files", col=1))
            continue
        clash = _surface_clash(entity, owner)
        if clash:
            surface, other = clash
            errors.append(RegistryError(entity.file, 1, f"name or alias {surface!r} is also used by "
                                        f"{other.id!r} ({other.file})",
                                        "a surface form may name only one entity; remove it from one file", col=1))
            continue
        by_id[entity.id] = entity
        for surface in (entity.name, *entity.aliases):
            for variant in surface_variants(surface):
                owner.setdefault(variant, entity)
        kept.append(entity)
    return Registry(kept), errors


def _surface_clash(entity: Entity, owner: dict[str, Entity]):
    for surface in (entity.name, *entity.aliases):
        for variant in surface_variants(surface):
            if variant in owner and owner[variant].id != entity.id:
                return surface, owner[variant]
    return None


def _shown_name(path: Path, base: Path) -> str:
    """A registry file's name as errors show it: relative to the project root when inside it."""
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()


def _read(path: Path, name: str) -> str:
    """A registry file's text; a symbolic link (to /etc/passwd, ../.env), an oversized file or
    one that is not UTF-8 is refused (RegistryError), unread where it can be."""
    return decode_utf8(read_input_file(path, name, RegistryError, safeyaml.MAX_BYTES), name, RegistryError)


def load_registry(root: Path, relative_to: Path | None = None) -> tuple[Registry, list[RegistryError]]:
    """Read every ``*.yml``/``*.yaml`` under ``root`` (the I/O edge). File names in errors are
    relative to ``relative_to`` (default: root's parent, i.e. the project root)."""
    base = relative_to or root.parent
    entities, errors = [], []
    if not root.is_dir():
        return Registry(), []
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml")
                       and (p.is_file() or p.is_symlink()) and p != root / STEERING_FILE):
        name = _shown_name(path, base)
        try:
            text = _read(path, name)
        except RegistryError as exc:
            errors.append(exc)
            continue
        try:
            entity, problems = parse_entity(text, name)
        except Exception as error:  # noqa: BLE001 — untrusted input: a bug it trips is its error
            entity, problems = None, [RegistryError(name, None, f"internal error while reading this file: "
                                                    f"{type(error).__name__}: {str(error)[:200]}",
                                                    "this is a bug in the generator: please report it with the file")]
        errors += problems
        if entity:
            entities.append(entity)
    registry, clashes = build_registry(entities)
    steering, problems = _load_steering(root / STEERING_FILE, base, registry)
    registry.steering = steering
    return registry, sorted(errors + clashes + problems, key=RegistryError.sort_key)


def _load_steering(path: Path, base: Path, registry: Registry) -> tuple[Steering, list[RegistryError]]:
    """registry/steering.yml, if there is one, less the entries that name a registry entity
    (the entity's own file is where it is corrected)."""
    if not (path.is_file() or path.is_symlink()):
        return Steering(), []
    name = _shown_name(path, base)
    try:
        text = _read(path, name)
    except RegistryError as exc:
        return Steering(), [exc]
    known = frozenset(steering_key(surface) for surface in registry.by_surface)
    steering, errors = parse_steering(text, name, known)
    return steering, errors
