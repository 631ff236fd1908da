"""Entities: registry names, acronyms the text defines, surnames, and names the registry lacks.

Order of evidence, strongest first: a registry name or alias (one precompiled pattern for the
whole registry); an acronym defined in the text ("Forum on … (FORGE)"), which ties the long form
and the acronym to one entity; a surname standing for a full name mentioned in the same article;
and finally any other capitalised name (see :mod:`candidates`), which becomes an entity of its own
with ``in_registry=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import EntityRef, Mention
from ..registry import Registry
from ..steering import key as steering_key
from ..slug import make_slug
from . import lexicon as lx
from .candidates import Piece, looks_like_acronym, pieces_of, sentence_starts
from ..sentences import Sentence, split_paragraph
from ..gazetteer import is_place

_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{1,11})\)")
_VERBS = "|".join(sorted(lx.SPEECH_VERBS))
_AUXILIARIES = rf"(?:{lx.BEFORE_SAYING_PATTERN}\s+){{0,2}}"
_SPEAKS_AFTER = re.compile(rf",?\s+{_AUXILIARIES}(?:{_VERBS})\b|,[^,.\"“”]{{1,80}},\s+(?:{_VERBS})\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{_VERBS})\s+$")
_SAYS_IT = re.compile(rf",?\s+(?:{_VERBS})\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+)?(?:that\s+)?(?:it|its)\b")
"""'Formosa Semiconductor said on Thursday it would build': a speaker that calls itself "it"."""
_BRAND_CAPITALS = re.compile(r"(?!Mc|Mac|O'|O’|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+[A-Z]")
"""'SpaceX', 'YouTube', 'BlackRock': a capital inside one word marks a brand, not a surname
('McCann', 'DeSantis', 'O'Brien' keep theirs after a prefix)."""
_PARTICLES = lx.NAME_CONNECTORS - {"of", "for", "on", "the", "&"}
"""Lower-case words inside a person's name ("Pieter de Vries", "Ludwig van Beethoven")."""
_LOWER_WORD_AFTER = re.compile(r" [a-z]{3,}")
_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:!?]|$)")


@dataclass
class Found:
    """An entity being assembled; frozen into an EntityRef at the end."""

    id: str
    name: str
    type: str
    role: str | None
    in_registry: bool
    mentions: list[Mention] = field(default_factory=list)
    first: tuple[int, int] = (1 << 30, 0)


@dataclass
class EntityTable:
    """Every entity of an article and where it is mentioned, for the quote and date rules."""

    entities: dict[str, Found] = field(default_factory=dict)
    by_paragraph: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    """paragraph → sorted (start, end, id) of every mention."""

    def add(self, found: Found, paragraph: int, start: int, end: int, text: str) -> None:
        entity = self.entities.setdefault(found.id, found)
        entity.mentions.append(Mention(paragraph, start, end, text))
        entity.first = min(entity.first, (paragraph, start))
        self.by_paragraph.setdefault(paragraph, []).append((start, end, entity.id))

    def remove(self, entity_id: str) -> None:
        del self.entities[entity_id]
        for paragraph, spans in self.by_paragraph.items():
            spans[:] = [span for span in spans if span[2] != entity_id]

    def merge(self, entity_id: str, into: Found) -> None:
        """Every mention of ``entity_id`` becomes one of ``into`` (added if new)."""
        found = self.entities.pop(entity_id)
        target = self.entities.setdefault(into.id, into)
        target.mentions += found.mentions
        target.first = min(target.first, found.first)
        target.role = target.role or found.role
        for spans in self.by_paragraph.values():
            spans[:] = [(s, e, target.id if i == entity_id else i) for s, e, i in spans]

    def within(self, paragraph: int, start: int, end: int) -> list[str]:
        """Ids mentioned inside [start, end) of a paragraph, in order, without repeats."""
        ids = []
        for s, e, entity_id in self.by_paragraph.get(paragraph, ()):
            if s >= start and e <= end and entity_id not in ids:
                ids.append(entity_id)
        return ids

    def refs(self) -> tuple[EntityRef, ...]:
        ordered = sorted(self.entities.values(), key=lambda e: e.first)
        return tuple(EntityRef(e.id, e.name, e.type, e.role,
                               tuple(sorted(e.mentions, key=lambda m: (m.paragraph, m.start))), e.in_registry)
                     for e in ordered)


def find_entities(paragraphs, sentences: list[Sentence], registry: Registry, dateline_end: int = 0) -> EntityTable:
    """All entities of an article's paragraphs, in a table the other rules can query.
    ``dateline_end``: length of a dateline opening the first paragraph ("WASHINGTON (AP) — "),
    which names where the story was filed, not what it is about."""
    spans_by_paragraph: dict[int, list] = {}
    for sentence in sentences:
        spans_by_paragraph.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    known, pieces, title_of = [], [], {}
    for index, text in enumerate(paragraphs):
        skip = dateline_end if index == 0 else 0
        matches = [m for m in _registry_matches(text, registry) if m[0] >= skip]
        spans = spans_by_paragraph.get(index) or split_paragraph(text)
        absorbed: list = []
        covered = [(s, e, registry.get(entity_id).type) for s, e, entity_id in matches]
        found = pieces_of(index, text, covered, sentence_starts(text, spans), absorbed)
        known += [(index, s, e, entity_id) for s, e, entity_id in matches
                  if not any(a[0] == s for a in absorbed)]
        for piece, next_start in found:
            if piece.start < skip:
                continue
            if piece.kind == "title":
                if next_start is not None:
                    title_of[(index, next_start)] = piece.role
            else:
                pieces.append(piece)
    table = EntityTable()
    for index, start, end, entity_id in known:
        entity = registry.get(entity_id)
        role = entity.role or (title_of.get((index, start)) if entity.type == "person" else None)
        table.add(Found(entity.id, entity.name, entity.type, role, True),
                  index, start, end, paragraphs[index][start:end])
    _Resolver(paragraphs, registry, table).resolve(pieces)
    steer(table, registry)
    for spans in table.by_paragraph.values():
        spans.sort()
    return table


def steer(table: EntityTable, registry: Registry) -> None:
    """Apply the maintainers' steering (registry/steering.yml) to the entities the registry
    lacks: drop the names that are not entities, give the listed ones their type, and fold a
    name into the entity it is the same as."""
    steering = registry.steering
    if not (steering.not_entities or steering.types or steering.same_as):
        return
    for found in list(table.entities.values()):
        if found.in_registry:
            continue
        name = steering_key(found.name)
        if name in steering.not_entities:
            table.remove(found.id)
        elif name in steering.same_as:
            table.merge(found.id, _entity_named(table, registry, steering.same_as[name]))
        elif name in steering.types:
            found.type = steering.types[name]


def _entity_named(table: EntityTable, registry: Registry, name: str) -> Found:
    """The entity ``name`` stands for: the registry's, one already in the article, or a new one."""
    entity = registry.lookup(name)
    if entity:
        return table.entities.get(entity.id) or Found(entity.id, entity.name, entity.type, entity.role, True)
    wanted = steering_key(name)
    found = next((f for f in table.entities.values() if steering_key(f.name) == wanted), None)
    return found or Found(make_slug(name, "entity"), name, registry.steering.types.get(wanted, "other"), None, False)


def _registry_matches(text: str, registry: Registry) -> list[tuple[int, int, str]]:
    if registry.pattern is None:
        return []
    result = []
    for match in registry.pattern.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        result.append((start, match.end(), registry.by_surface[match.group()]))
    return result


class _Resolver:
    """Turns candidate pieces into entities, in text order, using what came before."""

    def __init__(self, paragraphs, registry: Registry, table: EntityTable):
        self.paragraphs = paragraphs
        self.registry = registry
        self.table = table
        self.local: dict[str, str] = {}
        """Surface form → entity id learnt in this article (acronyms, surnames)."""

    def resolve(self, pieces: list[Piece]) -> None:
        seen_mid_sentence = {p.text for p in pieces if not p.initial}
        by_head: dict[tuple[str, ...], list[Piece]] = {}
        for piece in pieces:  # a longer form of a name differs in the end of its last word only
            by_head.setdefault((*piece.words[:-1], piece.words[-1][:2]), []).append(piece)
        pieces = [p for p in pieces
                  if not self._adjective_of_name(p, by_head.get((*p.words[:-1], p.words[-1][:2]), ()))]
        self._learn_surnames(pieces)
        # Full names first, so that a surname used before its full name ("Sitharaman said …
        # Finance Minister Nirmala Sitharaman") still finds it; output order is by position.
        for piece in sorted(pieces, key=lambda p: len(p.words) == 1):
            if piece.text in self.local:
                self._add_existing(self.local[piece.text], piece)
            elif piece.text in self.given and (piece.kind == "person" and not piece.role
                                               or piece.kind == "name" and self._given_name_of_person(piece)):
                # "Mr Harun" for Harun Iskandar; "Jim" alone after Jim Cantrell, the one Jim here
                self._add_existing(self.given[piece.text], piece)
            elif self._acronym_definition(piece):
                continue
            elif self._expansion_of(piece):
                self._add_existing(self._expansion_of(piece), piece)
            elif self._is_speaker(piece):
                self._add_new(piece, self._speaker_type(piece))
            elif (piece.initial and len(piece.words) == 1 and piece.text not in seen_mid_sentence
                  and not is_place(piece.text)):
                continue  # "Officials said": capital only because the sentence starts there
            elif piece.kind == "name" and len(piece.words) == 1 and not self._plausible_single(piece):
                continue
            else:
                self._add_new(piece)

    def _adjective_of_name(self, piece: Piece, pieces) -> bool:
        """ "the Saxon environment agency" beside "Saxony", "East Antarctic ice sheet" beside
        "East Antarctica": a name's adjective, before a lower-case noun, is not another entity.
        ``pieces``: those whose words before the last, and the last one's first letters, are this one's."""
        text = self.paragraphs[piece.paragraph]
        if not _LOWER_WORD_AFTER.match(text, piece.end) or piece.kind != "name":
            return False
        return any(0 < len(other.text) - len(piece.text) <= 3 and other.text.startswith(piece.text)
                   and len(other.words) == len(piece.words) for other in pieces)

    def _is_speaker(self, piece: Piece) -> bool:
        """ "Sitharaman said", "said Sitharaman": anyone quoted is a person worth listing, even
        when the only mention opens a sentence. Organisations and acronyms keep their type."""
        if piece.type_hint or not 1 <= len(piece.words) <= 4 or piece.text in lx.CAPITALISED_FUNCTION_WORDS:
            return False
        if piece.initial and len(piece.words) == 1 and (piece.words[0] in lx.CAPITALISED_FUNCTION_WORDS
                                                        or piece.words[0] in lx.GROUP_NOUNS):
            return False
        text = self.paragraphs[piece.paragraph]
        # "said Rubio," is an inverted attribution; in "said Norway would …" the name opens
        # the reported clause and says nothing about who spoke.
        return bool(_SPEAKS_AFTER.match(text, piece.end) or
                    (_SPEAKS_BEFORE.search(text, max(0, piece.start - 20), piece.start)
                     and _ENDS_CLAUSE.match(text, piece.end)))

    def _speaker_type(self, piece: Piece) -> str:
        """ "Coastal Air said it was disappointed": a speaker that refers to itself as "it" is
        an organisation; any other named speaker is a person."""
        text = self.paragraphs[piece.paragraph]
        if _SAYS_IT.match(text, piece.end) or (len(piece.words) == 1 and _BRAND_CAPITALS.match(piece.text)):
            return "organisation"
        return "person"

    def _learn_surnames(self, pieces: list[Piece]) -> None:
        """A person's last name stands for them once the full name is in the article."""
        present = set(self.table.entities)
        for surname, ids in self.registry.short_forms.items():
            ids = ids & present
            if len(ids) == 1:
                self.local.setdefault(surname, next(iter(ids)))
        people: dict[str, set[str]] = {}
        given: dict[str, set[str]] = {}
        orgs: dict[str, set[str]] = {}
        for piece in pieces:
            if len(piece.words) not in (2, 3, 4):
                continue
            if piece.kind == "person" or piece.type_hint == "person" or self._name_like(piece):
                people.setdefault(piece.words[-1], set()).add(piece.text)
                if len(piece.words) > 2 and piece.words[-2] in lx.NAME_CONNECTORS:
                    # "Pieter de Vries" is "de Vries", or "De Vries" at a sentence start.
                    particle = " ".join(piece.words[-2:])
                    people.setdefault(particle, set()).add(piece.text)
                    people.setdefault(particle[:1].upper() + particle[1:], set()).add(piece.text)
                given.setdefault(piece.words[0], set()).add(piece.text)
            elif piece.type_hint in (None, "organisation") and self._name_like_first(piece.words[0]):
                orgs.setdefault(piece.words[0], set()).add(piece.text)
        # Resolved when the full name is added ("?" marks a person, "!" an organisation).
        for marker, forms in (("?", people), ("!", orgs)):
            for short, names in forms.items():
                if len(names) == 1 and short not in self.local:
                    self.local[short] = marker + next(iter(names))
        self.given = {first: "?" + next(iter(names)) for first, names in given.items() if len(names) == 1}
        """First names, for "Mr Harun" where the name is given name first and no surname."""

    def _given_name_of_person(self, piece: Piece) -> bool:
        """A lone word that opens exactly one name in the article, when that name is already a
        person's: "Jim" after "Jim Cantrell said", but not "Boston" after "Boston Marathon"."""
        entity = self.table.entities.get(make_slug(self.given[piece.text][1:], "entity"))
        return entity is not None and entity.type == "person" and not is_place(piece.text)

    @staticmethod
    def _name_like_first(word: str) -> bool:
        return not (word in lx.CAPITALISED_FUNCTION_WORDS or word in lx.DEMONYMS or word.isupper()
                    or word in lx.TITLE_MODIFIERS or word in lx.PLACE_WORDS)

    @staticmethod
    def _name_like(piece: Piece) -> bool:
        return piece.type_hint is None and all((w[:1].isupper() and not w.isupper()) or w in _PARTICLES
                                               for w in piece.words)

    def _plausible_single(self, piece: Piece) -> bool:
        word = piece.words[0]
        if word.isupper() and len(word) > 1:
            return looks_like_acronym(word)
        return not (word in lx.CAPITALISED_FUNCTION_WORDS or word in lx.DEMONYMS or
                    word in lx.MONTHS or word in lx.WEEKDAYS or word in lx.TITLE_MODIFIERS)

    def _expansion_of(self, piece: Piece) -> str | None:
        """ "European Union … EU ports": an acronym that is exactly the initials of one
        organisation already named in the article stands for it, defined or not."""
        word = piece.text
        if len(piece.words) != 1 or not looks_like_acronym(word) or not 2 <= len(word) <= 6:
            return None
        found = [entity_id for entity_id, entity in self.table.entities.items()
                 if entity.type == "organisation" and _initials(entity.name) == word]
        return found[0] if len(found) == 1 else None

    def _acronym_definition(self, piece: Piece) -> bool:
        """ "Forum on Resource Geostategic Engagement (FORGE)": long form and acronym are one."""
        text = self.paragraphs[piece.paragraph]
        match = _ACRONYM_DEF.match(text, piece.end)
        if not match or len(piece.words) < 2 or not _initials_fit(piece.words, match.group(1)):
            return False
        acronym = match.group(1)
        entity = (self.registry.lookup(acronym) or self.registry.lookup(piece.text)
                  or self.registry.fuzzy_lookup(piece.text))
        if entity:
            found = Found(entity.id, entity.name, entity.type, entity.role, True)
        else:
            found = self._new_found(piece, piece.type_hint or "organisation")
        self.table.add(found, piece.paragraph, piece.start, piece.end, piece.text)
        self.local[acronym] = found.id
        self.local[piece.text] = found.id
        return True

    def _add_existing(self, entity_id: str, piece: Piece) -> None:
        if entity_id[0] in "?!":
            name = entity_id[1:]
            if name == piece.text:
                self._add_new(piece)
                return
            marker, entity_id = entity_id[0], make_slug(name, "entity")
            if entity_id not in self.table.entities:
                return  # the full name was dropped; a lone surname is not evidence enough
            entity = self.table.entities[entity_id]
            if marker == "!" and (piece.type_hint == "place" or entity.first > (piece.paragraph, piece.start)):
                self._add_new(piece)  # "in Thornbury" before "Thornbury Council": the place itself
                return
            if entity.type == "other":
                entity.type = "person" if marker == "?" else "organisation"
        if entity_id in self.table.entities:
            self.table.add(self.table.entities[entity_id], piece.paragraph, piece.start, piece.end, piece.text)

    def _new_found(self, piece: Piece, entity_type: str) -> Found:
        return Found(make_slug(piece.text, "entity"), piece.text, entity_type, piece.role, False)

    def _add_new(self, piece: Piece, entity_type: str | None = None) -> None:
        found = self._new_found(piece, entity_type or piece.type_hint or "other")
        existing = self.table.entities.get(found.id)
        if existing and existing.in_registry:
            return  # an unknown name whose slug is a registry id: not evidence of that entity
        if existing and piece.role and not existing.role:
            existing.role = piece.role
        if existing and existing.type == "other" and found.type != "other":
            existing.type = found.type
        self.table.add(found, piece.paragraph, piece.start, piece.end, piece.text)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _initials_fit(words: list[str], acronym: str) -> bool:
    """Schwartz and Hearst's test (2003) that a long form can stand for an acronym: the
    acronym's letters are found right to left in the long form, the first one at the start of
    a word ("NATional Federation of State COoperative Banks" → NAFSCOB)."""
    long = " ".join(words).lower()
    short = [c.lower() for c in acronym if c.isalnum()]
    if not short or long[:1] != short[0]:
        return False
    li = len(long) - 1
    for si in range(len(short) - 1, -1, -1):
        char = short[si]
        while li >= 0 and (long[li] != char or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def unknown_candidates(briefings, include_registry: bool = False) -> list[tuple[str, str, int, int]]:
    """Names found in the briefings that the registry lacks: (name, type, mentions, briefings),
    most frequent first, so that contributors can add the common ones to the registry.
    ``include_registry`` lists the registry's entities too."""
    mentions: dict[str, int] = {}
    articles: dict[str, int] = {}
    types: dict[str, dict[str, int]] = {}
    for briefing in briefings:
        for entity in briefing.entities:
            if entity.in_registry and not include_registry:
                continue
            mentions[entity.name] = mentions.get(entity.name, 0) + len(entity.mentions)
            articles[entity.name] = articles.get(entity.name, 0) + 1
            counts = types.setdefault(entity.name, {})
            counts[entity.type] = counts.get(entity.type, 0) + 1
    rows = [(name, _commonest_type(types[name]), count, articles[name]) for name, count in mentions.items()]
    return sorted(rows, key=lambda row: (-row[2], -row[3], row[0]))


def _commonest_type(counts: dict[str, int]) -> str:
    """The type given most often, a specific one before "other" on a tie."""
    return max(sorted(counts), key=lambda t: (counts[t], t != "other"))
