"""Photo captions and credits as scraped: "… (AP Photo)", "… Photograph: X/Reuters", "… [File: X]",
"…Credit...X for The Times", a caption with its credit alone on the next line ("Ann Roe/NPR"),
and BBC-style "Image caption, …" / "Image source, …" labels (see :mod:`.header`, which decides
where a caption may stand, and :mod:`generator.ingest` for captions left in the body).
"""

from __future__ import annotations

import re

from .inline import plain
from .source import SourceLine

_CREDIT_WORDS = re.compile(
    r"\b(?:photo(?:graph)?s?|image|pic(?:ture)?|file|credit|courtesy|getty|reuters|ap|afp|pti|ani"
    r"|ians|epa|efe|bloomberg|shutterstock|alamy|screengrab|screenshot|grab|via|illustration"
    r"|representational|handout)\b",
    re.I,
)
_PHOTO_WORDS = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|pic|illustration|getty|shutterstock|alamy|credit)\b", re.I
)
_CREDIT_PAREN = re.compile(r"\s*[(\[](?P<credit>[^()\[\]]{1,80})[)\]]\W{0,2}$")  # "(AP Photo)", "[File: X/Reuters]"
_CREDIT_LABEL = re.compile(
    r"\s*[|\-\u2013\u2014]?\s*(?:(?:photo|image|picture|pic|photograph)s?(?:\s+credit)?|credit)\s*:"
    r"\s*(?P<credit>[^|:()]{1,60}?)\s*$",
    re.I,
)
# A credit in the "Photographer/Agency" form: "(Ann Poe/The Example Post)", "(Eric Gay/AP)".
_SLASH_CREDIT = re.compile(r"[A-Z][\w.'\u2019\-]*(?:\s+[\w.'\u2019\-]+){0,4}\s*/\s*[A-Z][\w.'\u2019&\- ]{1,40}")
# "…by a fifth.Credit...Ann Roe for The Example Times": a credit glued to the caption.
_CREDIT_DOTS = re.compile(r"\s*credit(?:\.{3}|\u2026)\s*(?P<credit>[^|()]{1,60}?)\s*$", re.I)
# BBC-style media labels: "Image caption, Swifts return…", "Image source, Getty Images".
MEDIA_CAPTION = re.compile(r"(?:image|photo|picture)\s+caption\s*[,:]\s*(?P<text>\S.*)", re.I)
MEDIA_SOURCE = re.compile(r"(?:image|photo|picture)\s+(?:source|credit)\s*[,:]\s*(?P<text>\S.{0,60})", re.I)
_LABEL_IN_CREDIT = re.compile(r"(?:(?:photo|image|picture|pic|file)s?(?:\s+credit)?|credit)\s*:\s*", re.I)


def read_caption(line: SourceLine) -> tuple[str, str] | None:
    """(caption, credit) when a line ends with a photo credit, else None."""
    # The patterns are slow to search for on a long line, and most lines have neither a closing
    # bracket at the end nor a label, so cheap string tests come first.
    raw = line.raw
    match = _CREDIT_PAREN.search(raw) if ")" in raw[-4:] or "]" in raw[-4:] else None
    if not (match and (_CREDIT_WORDS.search(match.group("credit")) or _is_slash_credit(match.group("credit")))):
        match = None
        if ":" in raw or "redit" in raw:
            low = raw.lower()
            if any(w in low for w in ("photo", "image", "picture", "pic", "credit")):
                match = _CREDIT_LABEL.search(raw) or ("credit" in low and _CREDIT_DOTS.search(raw)) or None
    if not match:
        return None
    caption = plain(line.raw[: match.start()]).rstrip(" |-\u2013\u2014")
    credit = _LABEL_IN_CREDIT.sub("", plain(match.group("credit"))).strip(" .")
    return (caption, credit) if caption and credit else None


def photo_caption(line: SourceLine) -> tuple[str, str] | None:
    """(caption, credit) for a line that ends with a credit that can only be a photo's: one that
    names a photo or an agency's library (:func:`is_photo_credit`), or one labelled as a photo's
    ("… Photo: DEADLINE"); else None."""
    caption = read_caption(line)
    if caption is None:
        return None
    labelled = ":" in line.raw and _CREDIT_LABEL.search(line.raw) is not None
    return caption if labelled or is_photo_credit(caption[1]) else None


def is_photo_credit(credit: str) -> bool:
    """True for a credit that can only be a photo's: it names a photo, an image library or has
    the "Photographer/Agency" form. Used for captions found inside the body."""
    return _PHOTO_WORDS.search(credit) is not None or _is_slash_credit(credit)


def credit_below(lines: list[SourceLine], index: int) -> str | None:
    """The photo credit standing alone on the line after ``index`` ("Ann Roe/NPR"), if any."""
    if index + 1 >= len(lines) or len(lines[index].text.split()) > 60:
        return None
    below = lines[index + 1].text
    return below if len(below) <= 60 and _is_slash_credit(below) else None


def _is_slash_credit(text: str) -> bool:
    return " " in text and _SLASH_CREDIT.fullmatch(text) is not None
