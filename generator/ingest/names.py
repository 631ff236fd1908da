"""Names in bylines and datelines: people, outlets, job titles and places, told apart by shape
and, where shape cannot tell, by the gazetteer (generator/gazetteer.py). Used by :mod:`.meta` (metadata
lines) and :mod:`.header` (bylines printed without "By").
"""

from __future__ import annotations

import re

from ..gazetteer import is_known_place
from .inline import plain

NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)
_NAME_WORD = re.compile(
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|[A-Z]\.|(?:de|da|del|della|der|den|di|du|la|le|van|von"
    r"|bin|binti|al|el|ibn|y|dos|das)|[a-z]{1,3}['\u2019][A-Z][\w'\u2019\-]*)"
)
_PLACE_WORD = re.compile(r"[A-Z][A-Za-z.'\u2019\-]*|of|upon|on|de|la|am|an|der")
# A byline's affiliation or a section, not a person or a place: "BBC News", "CNN Politics".
OUTLET_WORDS = frozenset(
    "news times post press media herald tribune journal network agency bureau service services staff "
    "desk online digital daily gazette chronicle observer magazine today tv radio wire group politics "
    "business sport sports world opinion edition express standard telegraph mail mirror review "
    "insider newsroom".split()
)
# A writer's job ("Transport correspondent", "Senior Staff Writer", "Local Democracy Reporting
# Service"): printed under or after the name, it is neither a name nor prose.
PERSON_JOBS = (
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer|analyst|critic"
    r"|photographer|commentator|blogger)s?|chief"
)
PERSON_ROLE_END = re.compile(rf"\b(?:{PERSON_JOBS})$", re.I)
"""A person's job ending a line: "Jane Doe Transport correspondent" ("Reporting Service" is not)."""
_ROLE = re.compile(
    rf"(?:[A-Za-z&'\u2019.\-]+\s+){{0,5}}?(?:{PERSON_JOBS}|reporting\s+service|news\s+service|desk)"
    r"(?:\s+(?:at|for|of|in)\s+[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3})?",
    re.I,
)
_DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.(?:com|net|org|in|co\.uk|co\.in|news)", re.I)
HANDLE = re.compile(r"\s*@\w{1,30}")
_MIXED_CAPS = re.compile(r"(?P<head>[A-Z][a-z]{1,2})(?P<rest>[A-Z]{2,})")
# Wire agencies often stand alone in a byline line; they are neither a name nor a place here.
WIRE_AGENCIES = frozenset({
    "reuters", "ap", "afp", "pti", "ians", "ani", "upi", "dpa", "efe", "xinhua", "bloomberg",
    "agencies", "associated press", "press trust of india", "agence france-presse",
})


_GLUED = re.compile(r"[a-z]{4}[A-Z]")
"""Words the scraper ran together ("Andrew HusbandTwitterNews", "MagazinesRyan GoslingGQ"): a
capital after four small letters, which no name has ("MacArthur", "FitzGerald" have fewer)."""


def valid_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or not name[:1].isupper() or _GLUED.search(name):
        return False
    return all(_NAME_WORD.fullmatch(word) for word in words)


def name_text(piece: str) -> str:
    """A name piece without surrounding punctuation; "Inc." and "Jr." keep their full stop."""
    name = plain(piece).strip(" ,;")
    return name if _KEEPS_STOP.search(name) else name.rstrip(".").rstrip()


_KEEPS_STOP = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Jr|Sr|[A-Z])\.$")


def split_names(text: str) -> list[str] | None:
    """Names in a byline's name list ("A, B and C"), or None if any piece is not a name."""
    names = [name_text(piece) for piece in NAME_SPLIT.split(text.strip(" ,;"))]
    names = [name for name in names if name]
    if not names or not all(valid_name(name) for name in names):
        return None
    return names


def place_name(text: str) -> str | None:
    """The text as a place name (up to four capitalised words), in Title Case, or None."""
    if len(text) > 120:
        return None  # checked before plain(): parsing a long paragraph's Markdown is slow
    text = plain(text).strip(" ,;:")
    head, comma, region = text.partition(",")
    if comma and place_name(region) is not None and "," not in region:
        text = head  # "WASHINGTON, DC", "Springfield, Ill.": the place is the part before the comma
    words = text.split()
    if not 1 <= len(words) <= 4 or len(text) > 40 or not text[:1].isupper():
        return None
    if not all(_PLACE_WORD.fullmatch(word) for word in words):
        return None
    if any(word.lower() in OUTLET_WORDS for word in words):
        return None
    return " ".join(display_case(w) if len(w) > 2 else w for w in words)


def display_case(word: str) -> str:
    """A word printed in capitals ("NEW", "McALLEN", "O'NEIL") as it is written in running text.


    Only for metadata fields (dateline, byline names): capitals there are a typographic style of
    the page, not a different name. The article's own text is never recased.
    """
    mixed = _MIXED_CAPS.fullmatch(word)
    if mixed:
        return mixed.group("head") + mixed.group("rest").capitalize()
    if not word.isupper():
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


def is_role(text: str) -> bool:
    """True for a writer's job title alone ("Transport correspondent", "BBC News, Eastbrook")."""
    if len(text) > 120:
        return False
    text = HANDLE.sub("", plain(text)).strip(" ,;.")  # "Political reporter @janedoe"
    if not text or len(text) > 80 or text.endswith(("!", "?")):
        return False
    if _ROLE.fullmatch(text):
        return True
    pieces = [p.strip() for p in text.split(",")]
    return 1 <= len(pieces) <= 2 and is_outlet(pieces[0]) and (len(pieces) == 1 or place_name(pieces[1]) is not None)


def is_outlet(piece: str) -> bool:
    """A news organisation or agency named in a byline ("Reuters", "CNN", "BBC News", "TNN")."""
    if len(piece) > 80:
        return False
    text = plain(piece).strip(" .,;")
    words = text.split()
    if text.lower() in WIRE_AGENCIES:
        return True
    if len(words) == 1 and text.isupper() and 2 <= len(text) <= 5 and text.isalpha():
        return not is_known_place(text)
    if len(words) == 1 and _DOMAIN.fullmatch(text):
        return True  # "TIMESOFINDIA.COM"
    return 1 <= len(words) <= 4 and text[:1].isupper() and any(w.lower() in OUTLET_WORDS for w in words)


def person_name(name: str) -> str:
    """A byline name as written, except that a name printed all in capitals is given Title Case."""
    if name.isupper():
        return " ".join(display_case(word) for word in name.split())
    return name


def without_outlet(name: str) -> str:
    """"John Roe Associated Press" → "John Roe": an outlet printed after the name, unseparated."""
    words = name.split()
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        if len(words) - size >= 2 and (tail.lower() in WIRE_AGENCIES or (
                any(w.lower() in OUTLET_WORDS for w in words[-size:]) and not tail.isupper())):
            return " ".join(words[:-size])
    return name


def split_name_and_place(name: str) -> tuple[str, str | None]:
    """("Jane Doe", "New Delhi") for "Jane Doe New Delhi": a byline name whose last words are a
    known place (see :mod:`.places`) and whose first two or more words are left as the name."""
    words = name.split()
    for size in (3, 2, 1):
        if len(words) - size >= 2:
            tail = " ".join(words[-size:])
            head_caps = all(w.isupper() for w in words[:-size])
            if (tail.isupper() and not head_caps) or is_known_place(tail):
                place = place_name(tail)
                if place is not None:
                    return " ".join(words[:-size]), place
    return name, None


def _person_like(name: str) -> bool:
    """A name of two words or more that is not an outlet, a job title or a place, and has none of
    the small words of a Title Case phrase ("The Big Picture", "What Happens Next")."""
    words = name.split()
    if len(words) < 2 or any(word.lower() in _PHRASE_WORDS for word in words):
        return False
    return not (is_outlet(name) or is_role(name) or is_known_place(name))


_PHRASE_WORDS = frozenset(
    "the a an in on at to for with from into is are was were be how why what when where who which "
    "after before over under about this that these those our your my its their new not no".split()
)


def names_and_role(text: str) -> list[str] | None:
    """Byline names from a line of names alone ("Jane Doe and John Roe", each of two words or
    more) or a name followed by a job title ("Jane Doe Transport correspondent"); else None."""
    if len(text) > 120:
        return None
    words = plain(text).split()
    for size in (2, 3):
        role = " ".join(words[size:])
        if len(words) > size and PERSON_ROLE_END.search(role) and is_role(role):
            names = split_names(" ".join(words[:size]))
            if names and len(names) == 1:
                return names
    if is_role(text):
        return None
    names = split_names(text)
    if names and len(names) <= 4 and all(_person_like(n) for n in names):
        return names
    return None
