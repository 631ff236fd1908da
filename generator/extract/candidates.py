"""Finding capitalised name candidates in a paragraph and reading what kind of name each is.

A candidate is a run of capitalised words, possibly joined by "of", "the", "bin" and the like
("Reserve Bank of India", "Secretary of State Marco Rubio"). Runs are cut at possessives and at
names the registry already knows, function words that only start a sentence are stripped, and a
leading title ("US President", "Mr") marks the rest as a person and becomes their role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import is_known_place, is_place
from . import lexicon as lx

_UPPER = "A-ZÀ-ÖØ-Þ"
_TITLE_ABBREVIATIONS = "Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Supt|Insp|Det|Maj|Adm|Cmdr|Brig|Prof|Dr|Mr|Mrs|Ms|Rev|Hon|Pres"
_PLACE_ABBREVIATIONS = "St|Mt|Ft"
_NAME = (rf"(?:(?:{_TITLE_ABBREVIATIONS}|{_PLACE_ABBREVIATIONS})\.(?=[ \t][{_UPPER}])|[{_UPPER}]\.(?:[{_UPPER}]\.)*"
         rf"|[{_UPPER}][\w'’&-]*|[a-z]{{1,4}}[{_UPPER}][a-z][\w'’&-]*)")
"""A capitalised word, an initialism ("U.S."), a title or place abbreviation with its dot
("Sen. Warren", "St. Louis", "Mt. Kenya"), or a brand's camel case ("iPhone", "eBay")."""
_CONNECTOR = "|".join(sorted(lx.NAME_CONNECTORS | {"and"}))
CANDIDATE = re.compile(rf"(?<![^\W_]){_NAME}(?:[ \t]+(?:(?:{_CONNECTOR})[ \t]+){{0,2}}{_NAME})*")
"""A run of names, never starting inside a word ("OS" of "iOS", "Pad" of "iPad")."""
_TOKEN = re.compile(r"\S+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]s?\Z")
_POSSESSIVE = ("'s", "’s")
_PLURAL_POSSESSIVE = ("s'", "s’")
"""'Fox News’ Bill O’Reilly': a plural's possessive ends the name before it too."""
_OPENERS = "\"“‘'([—–-"
_LOWER_TITLES = frozenset(w.lower() for w in lx.TITLE_HEADS if len(w) > 3) | lx.ROLE_NOUNS
_HYPHEN_SUFFIX = re.compile(
    r"(.+?)-(based|born|headquartered|led|backed|owned|listed|registered|made|funded|run|bound|linked"
    r"|focused|era|style|controlled|affiliated|aligned|sponsored|dominated|centric|wide)\Z")
"""Adjective-forming suffixes ("London-based"), not the lower-case half of a given name ("Wei-ming")."""
_LOWER_TAIL = re.compile(r"-[a-z]+\Z")
_PLACE_SUFFIXES = ("based", "born", "headquartered")
"""'Bengaluru-based': the name before the suffix is a place of its own."""
_BARE_HONORIFICS = frozenset(w.rstrip(".") for w in lx.HONORIFICS)
_GENERIC_BEFORE = re.compile(r"\b(?:an?|one|every|each|any)\s+\Z", re.I)
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][a-z]*\.?\Z|(?:Q[1-4]|H[12])?FY\d{2,4}(?:-\d{2})?\Z|Q[1-4]\Z")
"""US party and state after a legislator's name ("D-Mass."), fiscal periods ("FY25", "Q3FY26"):
not names."""
_CONTRACTION = re.compile(r"(?:['’](?:m|re|ve|ll|d)|n['’]t)\Z")
_APPOSITIVE_ROLE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+|[A-Z][\w.-]*['’]s\s+)((?:[a-z-]+\s+){0,2}([a-z-]+)),\s*\Z")
"""'the health minister, Abdullahi Bello,': a role noun, then the name in apposition."""
_ROLE_BEFORE = re.compile(r"(?:\b[a-z-]+\s+)?\b([a-z-]+)\s+\Z")
_INSTITUTION_TAIL = re.compile(r"\s+(" + "|".join(re.escape(t) for t in lx.INSTITUTION_TAILS) + r")\b")
_ENDS_APPOSITION = re.compile(r"(?:\s+(?:" + "|".join(sorted(lx.POSTNOMINALS)) + r"))?\s*(?:[,.;:)]|\Z)")
_COMPASS = frozenset("North South East West Northeast Northwest Southeast Southwest Central".split())
_AGREEMENT_TAIL = re.compile(r"\s+(?:" + "|".join(sorted(lx.AGREEMENT_TAILS)) + r")\b")
_QUOTE_OPEN = re.compile(r"[“‘:\"] *")


@dataclass
class Piece:
    """A candidate name after cutting and stripping."""

    paragraph: int
    start: int
    end: int
    text: str
    words: list[str]
    initial: bool
    """True when the first word starts a sentence (so its capital proves nothing)."""
    kind: str
    """person (a title or honorific precedes it), or name."""
    role: str | None = None
    type_hint: str | None = None
    """organisation / place / acronym evidence from the words and their context."""


def sentence_starts(text: str, spans) -> set[int]:
    """Offsets at which a capital letter is expected anyway: sentence and quotation starts."""
    starts = set()
    for start, _ in spans:
        while start < len(text) and text[start] in _OPENERS:
            start += 1
        starts.add(start)
    for match in _QUOTE_OPEN.finditer(text):
        at = match.start()
        if text[at] != "\"" or at == 0 or not text[at - 1].isalnum():  # not a closing mark
            starts.add(match.end())
    return starts


def pieces_of(paragraph: int, text: str, covered, starts: set[int], absorbed: list) -> list[tuple[Piece, int | None]]:
    """Candidate pieces of ``text``, each with the start of a registry name it is a title of.

    ``covered`` is a sorted list of (start, end, type) spans the registry matched; tokens
    overlapping them are not candidates, but a title just before one is kept as that entity's
    role. Registry places that turn out to be part of an organisation's name ("Reserve Bank of
    India", "US District Court") are appended to ``absorbed``.
    """
    result = []
    for match in CANDIDATE.finditer(text):
        tokens = [(m.start() + match.start(), m.end() + match.start(), m.group())
                  for m in _TOKEN.finditer(match.group())]
        for run, hint in _split_hyphen_suffixes(tokens):
            result += _pieces_of_run(paragraph, text, run, hint, covered, starts, absorbed)
    return result


def _split_hyphen_suffixes(tokens):
    """ "New York-based Clearwater Partners" is two names: a word with an adjective suffix
    ("-based", "-led") ends the name it is in; (run, type hint of that name) pairs. A word
    whose last part is lower case ("Republican-drafted", "HomeKit-ready", "A-list") is an
    adjective or a common noun when it opens a run; after a name it is a given name's
    second half ("Kim Jong-un")."""
    runs, current = [], []
    for start, end, word in tokens:
        if (_LOWER_TAIL.search(word) and not _HYPHEN_SUFFIX.match(word)
                and all(w in lx.NAME_CONNECTORS or _is_filler(w) for _, _, w in current)):
            current = []
            continue
        match = _HYPHEN_SUFFIX.match(word)
        if match and match.group(1)[:1].isupper() and "-" not in match.group(1):
            head = match.group(1)
            runs.append((current + [(start, start + len(head), head)],
                         "place" if match.group(2) in _PLACE_SUFFIXES else None))
            current = []
        else:
            current.append((start, end, word))
    if current:
        runs.append((current, None))
    return runs


def _pieces_of_run(paragraph, text, tokens, hint, covered, starts, absorbed):
    result = []
    for part in _split_connectors(tokens):
        inside = [c for c in covered if c[0] < part[-1][1] and part[0][0] < c[1]]
        if inside and _is_org_named_after_place(part, inside):
            absorbed += inside
            groups = [(part, None)]
        else:
            groups = _cut(part, inside)
        for group, next_start in groups:
            piece = _make_piece(paragraph, text, group, starts)
            if piece is not None:
                piece.type_hint = hint or piece.type_hint
                result.append((piece, next_start))
    return result


def _overlaps(start: int, end: int, covered) -> bool:
    return any(s < end and start < e for s, e, _ in covered)


def _is_org_named_after_place(tokens, covered) -> bool:
    """ "Reserve Bank of India", "US District Court": an organisation named after a place the
    registry knows is one name, not an organisation fragment plus a mention of the place."""
    while tokens and tokens[0][2] in ("the", "The"):
        tokens = tokens[1:]
    if not tokens or any(kind != "place" for *_, kind in covered) or tokens[-1][2].endswith(_POSSESSIVE):
        return False
    flags = [_overlaps(s, e, covered) for s, e, _ in tokens]
    words = [w for _, _, w in tokens]
    if flags[-1]:  # "<organisation> of <place>"
        for i, word in enumerate(words):
            if i and word in ("of", "for"):
                return (not any(flags[:i]) and any(w in lx.ORG_WORDS for w in words[:i])
                        and all(f or w == "the" for f, w in zip(flags[i + 1:], words[i + 1:])))
        return False
    if flags[0]:  # "<place> … <organisation word>"
        rest = words[flags.index(False):]
        return (not any(flags[flags.index(False):]) and any(w in lx.ORG_WORDS for w in rest)
                and not any(w.rstrip(".") in lx.TITLE_HEADS for w in rest))
    return False


def _cut(tokens, covered):
    """Split a run at registry names and possessives; yields (group, start of what follows)."""
    groups, current = [], []
    for start, end, word in tokens:
        if _overlaps(start, end, covered):
            if current:
                groups.append((current, start))
            current = []
            continue
        if word.endswith(_POSSESSIVE) or word.endswith(_PLURAL_POSSESSIVE):
            cut = 2 if word.endswith(_POSSESSIVE) else 1
            current.append((start, end - cut, word[:-cut]))
            groups.append((current, None))
            current = []
            continue
        current.append((start, end, word))
    if current:
        groups.append((current, None))
    return groups


def _split_connectors(tokens):
    """ "Harun Iskandar of Malaysia" is two names, "Bank of England" one: "of"/"for" joins only
    after an institution, place or title word; "on" does not join a street ("Library on Market
    Street") to what comes before."""
    for i, (_, _, word) in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and word == "and":
            # "Department of Health and Human Services" and "Food and Drug Administration" are one
            # name; "Greece and Malta", "Germany and Siemens Energy" are two.
            left = [t[2] for t in tokens[:i] if t[2] not in ("the", "The")]
            right = [t[2] for t in tokens[i + 1:]]
            joint = next((w for w in left if w in ("of", "for")), None)
            of_complement = (joint is not None and right[0] != "the"
                             and any(w in lx.ORG_WORDS for w in left[:left.index(joint)]))
            # "National Oceanic and Atmospheric Administration"; "Li Qiang and National People's
            # Congress" is two names: the words before "and" open an institution's name.
            compound = ((len(left) == 1 or left[0] in lx.TITLE_MODIFIERS and len(left) <= 3
                         and left[-1] not in lx.ORG_WORDS)
                        and right[0] != "the" and right[-1] in lx.ORG_WORDS and not is_place(" ".join(left))
                        and not any(w in lx.DEMONYMS or is_place(w) for w in left))
            if not (of_complement or compound):
                return [tokens[:i], *_split_connectors(tokens[i + 1:])]
            continue
        if 0 < i < len(tokens) - 1 and word in ("of", "for", "on"):
            left = [t[2] for t in tokens[:i]]
            right = [t[2] for t in tokens[i + 1:]]
            if word == "on":  # "Council on Foreign Relations", not "Glasgow on BA1478"
                joined = (left[-1] in lx.TOPIC_HEADS and right[-1] not in lx.PLACE_WORDS
                          and not is_place(" ".join(right)))
            else:  # "Secretary of State", "Bank of England", "Strait of Hormuz"
                joined = (left[-1].rstrip(".") in lx.TITLE_HEADS or left[-1] in lx.TITLE_MODIFIERS
                          or any(w in lx.ORG_WORDS or w in lx.PLACE_WORDS for w in left))
            if not joined:
                return [tokens[:i], *_split_connectors(tokens[i + 1:])]
    return [tokens]


def _make_piece(paragraph, text, tokens, starts) -> Piece | None:
    while tokens and (tokens[0][2] in lx.NAME_CONNECTORS or _is_filler(tokens[0][2])):
        if tokens[0][2] in lx.MONTHS and len(tokens) > 1 and tokens[1][2] not in lx.MONTHS:
            break  # "Jan van Leeuwen", "August Lindqvist": a month is followed by a number, not a name
        tokens = tokens[1:]
    while tokens and (tokens[-1][2] in lx.NAME_CONNECTORS or _is_filler(tokens[-1][2])
                      or len(tokens) > 1 and tokens[-1][2] in lx.DEMONYMS
                      or len(tokens) > 2 and tokens[-1][2].rstrip(",") in lx.POSTNOMINALS):
        tokens = tokens[:-1]
    if tokens and tokens[0][0] in starts and _opens_with_gerund(tokens):
        return _make_piece(paragraph, text, tokens[1:], starts)  # "Citing the Global Fire …"
    if not tokens or _is_shouted(tokens):
        return None
    words = [t[2] for t in tokens]
    start, end = tokens[0][0], tokens[-1][1]
    piece = Piece(paragraph, start, end, text[start:end], words, start in starts, "name")
    _read_title(piece, tokens, text)
    if piece.kind == "title":
        return piece
    if piece.kind == "name" and all(_is_non_name(w) for w in piece.words) and not _demonym_institution(words):
        return None
    if len(words) == 1 and words[0] in lx.ORG_WORDS and words[0] not in lx.STANDALONE_INSTITUTIONS:
        return None  # "the Ministry said": a generic head word, not a name
    if piece.kind == "name":
        _take_institution_tail(piece, text)
    piece.type_hint = _type_hint(piece, text)
    return piece


def _take_institution_tail(piece: Piece, text: str) -> None:
    """ "Leeds crown court", "Calderbridge metropolitan borough council": British papers write
    the institution word in lower case; it is still part of the name."""
    match = _INSTITUTION_TAIL.match(text, piece.end)
    if not match or _GENERIC_BEFORE.search(text, max(0, piece.start - 8), piece.start):
        return
    if not any(w in lx.ORG_WORDS for w in piece.words):
        piece.end = match.end()
        piece.text = text[piece.start:piece.end]
        piece.words = piece.words + match.group(1).split()
        piece.type_hint = "organisation"


def _opens_with_gerund(tokens) -> bool:
    """ "Citing the …", "Working on …": a sentence opening with a verb's -ing form and its
    object, capitalised only because it starts the sentence. Alone, such a word may be a name
    ("Gosling said")."""
    word = tokens[0][2]
    return (len(tokens) > 1 and tokens[1][2] in lx.NAME_CONNECTORS and len(word) > 5 and word.endswith("ing")
            and word[1:].islower() and not is_known_place(word))


def _is_shouted(tokens) -> bool:
    """ "BEACH BABE", "SO WHAT IS THE POINT": a run of words in capitals is a caption or a
    display line, not a name (acronyms are short, and seldom come several in a row)."""
    words = [t[2] for t in tokens]
    return len(words) > 1 and all(w.isupper() for w in words) and any(len(w) >= 5 for w in words)


def _demonym_institution(words: list[str]) -> bool:
    """ "European Union", "Arab League": a nationality word and an institution word make a name."""
    return len(words) > 1 and words[0] in lx.DEMONYMS and words[-1] in lx.ORG_WORDS


def _is_filler(word: str) -> bool:
    return (word in lx.CAPITALISED_FUNCTION_WORDS or word in lx.WEEKDAYS or bool(_CONTRACTION.search(word)) or
            (word in lx.MONTHS and word != "May"))


def _is_demonym(word: str) -> bool:
    """ "Iranian", "Iranians", "African-American", "Afro-Americans": a nationality or group word."""
    last = word.rsplit("-", 1)[-1]
    return last in lx.DEMONYMS or (last.endswith("s") and last[:-1] in lx.DEMONYMS)


def _is_non_name(word: str) -> bool:
    return (bool(_PARTY_STATE.match(word)) or _is_demonym(word) or word in lx.TITLE_HEADS or word in lx.TITLE_MODIFIERS or
            word in lx.NON_ENTITY_ACRONYMS or word in lx.MONTHS or word in lx.HONORIFICS or
            word in lx.NAME_CONNECTORS or len(word) < 2)


def _title_head(words) -> int | None:
    """Index of the last word that ends a title, if any."""
    head = None
    for i, word in enumerate(words):
        bare = word.rstrip(".")
        if bare in lx.TITLE_HEADS or (bare == "General" and i and words[i - 1] in lx.GENERAL_TITLE_BEFORE):
            head = i
    if head is None and words[0].rstrip(".") in _BARE_HONORIFICS:
        head = 0
    return head


def _read_title(piece: Piece, tokens, text: str) -> None:
    """Turn "Secretary of State Marco Rubio" into the person "Marco Rubio" with a role; a title
    with no name after it ("Prime Minister") becomes kind "title"."""
    words = piece.words
    head = _title_head(words)
    if head is None or any(w in lx.ORG_WORDS for w in words[head + 1:]):
        return  # "Justice Department": an organisation, not a person
    rest = [i for i in range(head + 1, len(words)) if words[i] not in lx.NAME_CONNECTORS]
    if head + 1 < len(words) and words[head + 1] in ("of", "for"):
        rest = _name_after_complement(words, rest)
    name = rest
    title_end = tokens[name[0] - 1][1] if name else tokens[-1][1]
    is_honorific = words[0].rstrip(".") in _BARE_HONORIFICS and head == 0
    role = None if is_honorific else text[tokens[0][0]:title_end]
    possessor = _possessor_before(text, tokens[0][0])
    if role and possessor:
        role = f"{possessor} {role}"
    if not name:
        piece.kind, piece.role = "title", role
        return
    first = tokens[name[0]]
    piece.start, piece.end = first[0], tokens[-1][1]
    piece.text = text[piece.start:piece.end]
    piece.words = words[name[0]:]
    piece.kind, piece.role = "person", role
    piece.initial = False


def _name_after_complement(words, rest) -> list[int]:
    """In "Secretary of State Marco Rubio" the complement ("State") ends where the name starts:
    the name is the last two words (three with an initial) that are not title words, and the
    complement keeps at least one word ("Minister of External Affairs" has no name)."""
    name: list[int] = []
    for i in reversed(rest[1:]):
        word = words[i]
        limit = 3 if any(len(words[j].rstrip(".")) == 1 for j in name + [i]) else 2
        if word in lx.TITLE_MODIFIERS or word in lx.ORG_WORDS or len(name) >= limit:
            break
        name.insert(0, i)
    return name


def _possessor_before(text: str, start: int) -> str | None:
    """ "India's" in "India's External Affairs Minister": part of the role."""
    match = re.search(r"([A-Z][\w.-]*['’]s) $", text[max(0, start - 40):start])
    return match.group(1) if match else None


def _type_hint(piece: Piece, text: str) -> str | None:
    words = piece.words
    if piece.kind == "person":
        return "person"
    if piece.type_hint or any(w in lx.ORG_WORDS for w in words):
        return piece.type_hint or "organisation"
    if len(words) > 1 and words[-1] in lx.CLUB_TAILS:
        return "organisation"
    if len(words) == 1 and words[0] in lx.STANDALONE_INSTITUTIONS:
        return "organisation"  # "the Kremlin", "the Bundestag"
    if words[-1] in lx.PLACE_WORDS or words[0] in ("Mount", "Lake", "Port", "Gulf", "Strait", "Cape"):
        return "place"
    if _AGREEMENT_TAIL.match(text, piece.end) and not text[piece.end:piece.end + 1].isalnum():
        return "agreement"  # "under the FAME scheme"
    if _INSTITUTION_TAIL.match(text, piece.end):
        return "place"  # "a Yorkshire council": the place an institution of its kind serves
    if is_place(piece.text):
        return "place"  # before the acronym rule: "UK", "UAE"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return "organisation"
    if "&" in words:
        return "organisation"  # "Bergman & Lowe": firms, not people, are joined by "&"
    if len(words) == 2 and words[0] in _COMPASS and is_place(words[1]):
        return "place"  # "Southeast Asia", "East Antarctica"
    before = text[max(0, piece.start - 24):piece.start].split()
    if before and before[-1] in lx.PLACE_PREPOSITIONS and len(words) <= 3:
        return "place"
    if len(before) > 1 and before[-1] == "to" and before[-2] in lx.MOTION_VERBS and len(words) <= 3:
        return "place"  # "travel to Newcastle"
    if is_place(piece.text):
        return "place"
    if before and before[-1].lower() in lx.ORG_CLASSIFIERS:
        return "organisation"  # "shipping data firm Kpler", "the journal Nature Geoscience"
    classed = _APPOSITIVE_ROLE.search(text[max(0, piece.start - 40):piece.start])
    if classed and classed.group(2) in lx.ORG_CLASSIFIERS | lx.GENERIC_ORG_NOUNS:
        return "organisation"  # "the regulator, Ofcom,"
    if 2 <= len(words) <= 3 and _person_by_role(piece, text):
        return "person"
    return None


def _person_by_role(piece: Piece, text: str) -> bool:
    """ "chief executive Arjun Khanna", "the health minister, Abdullahi Bello,": a lower-case
    role right before the name, or before it in apposition, makes a person, with that role."""
    window = text[max(0, piece.start - 60):piece.start]
    match = _APPOSITIVE_ROLE.search(window)
    if match and match.group(2) in _LOWER_TITLES and _ENDS_APPOSITION.match(text, piece.end):
        piece.role = piece.role or match.group(1)
        return True
    match = _ROLE_BEFORE.search(window)
    if match and match.group(1) in _LOWER_TITLES:
        piece.role = piece.role or match.group().strip()
        return True  # "council leader Janet Moss", "chief executive Piotr Nowak"
    return False


def looks_like_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and word not in lx.NON_ENTITY_ACRONYMS
