"""Photo captions and credits inside an article's text.

Scrapers keep the caption beside the photo, and ingest cannot always tell it from the body ("In
this image released by …", "X speaks at a rally on Sept. 28"). A caption describes a picture:
it is not the article's lead, and the day it names is when the photo was taken, not an event of
the story. Key points and the timeline leave such sentences out.
"""

from __future__ import annotations

import re

_CAPTION = re.compile(
    r"\b(?:[Ii]n this (?:\w+ )?(?:photo|image|picture|frame|still)|(?:[Pp]hoto|[Ii]mage|[Pp]icture)s? "
    r"(?:by|courtesy|credit|via)\b|(?:AP|AFP|Reuters|Getty|EPA|PA) (?:Photo|Images)\b|this (?:shot|photo|image|picture)\b"
    r"|(?:is|are) (?:pictured|seen|shown|escorted)\b|(?:[Pp]ublished|[Uu]pdated):?\s+\w+\.? \d)"
    r"|^(?:Left|Right|Top|Above|Below|Main|Pictured|File|Image|Photo|Credit)(?: (?:image|photo|picture))?:")
"""Photo captions and credits, which scrapers leave beside the lead: "In this image released by
…", "… is escorted from …"."""
_CAPTION_VERB = re.compile(r"(?:[\w.'’-]+ ){1,6}(?:speaks|arrives|attends|waves|gestures|looks on|walks|poses"
                           r"|reacts|listens|smiles|delivers|testifies|signs|holds|stands|sits|greets|shakes)\b")
"""A caption's present tense near its start: "X speaks at a rally on Sept. 28" (unless someone
"said" in it, which a caption does not report)."""
_SAYS = re.compile(r"\b(?:said|says)\b")


def is_caption(text: str) -> bool:
    """``text`` (one sentence) reads as a photo caption or credit."""
    return bool(_CAPTION.search(text) or (_CAPTION_VERB.match(text) and not _SAYS.search(text)))
