"""The dateline that opens a wire-style body ("WASHINGTON (Reuters) -"): found, never removed. Pure.

The place stays in the text exactly as printed ("McALLEN, Texas (AP) — …"); only the recorded
field is given ordinary case ("McAllen"). Text seeds and saved pages share it.
"""

from __future__ import annotations

import re

from ..gazetteer import is_known_place
from .meta import WIRE_AGENCIES, place_name

# The dateline that opens a wire-style body: "NEW DELHI:", "WASHINGTON (Reuters) -", "LONDON, June
# 3 (Reuters) -", "McALLEN, Texas (AP) —", "EASTBROOK, Ohio, June 3, 2021 /PRNewswire/ --",
# "Washington CNN —", "Mumbai:". A place in capitals may stand alone before its dash or colon; a
# place in Title Case only with an agency after it, or before a colon when it is a known place
# (otherwise "Officials —" or "Update:" would be taken for one).
_CAPS_PLACE = r"[A-Z](?:[a-z]{1,2})?[A-Z.'\u2019\-]+(?:\s+[A-Z][A-Z.'\u2019\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z.'\u2019\-]+(?:\s+[A-Z][a-z.'\u2019\-]+){0,2}"
_DATELINE_TAIL = (
    r"(?P<region>,\s+[A-Z][A-Za-z.]*[a-z.](?:\s+[A-Z][A-Za-z.]*[a-z.])?)?"  # "Ill.", "D.C.", not "CNN"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    # An agency in brackets may stand without a dash after it (PTI: "Lucknow, Jun 3 (PTI) Twelve…");
    # otherwise a dash or colon must end the dateline.
    r"(?:\s*\((?P<paren>[A-Za-z][A-Za-z .&\-]{0,30})\)(?:\s*(?P<paren_sep>:|\u2014|\u2013|--?))?"
    r"|(?:\s+/(?P<wire>[A-Za-z][\w .&\-]{0,30})/|\s+(?P<bare>[A-Z]{2,5}|Reuters|Bloomberg))?"
    r"\s*(?P<sep>:|\u2014|\u2013|--?))(?:\s|$)"
)
_BODY_DATELINE = re.compile(rf"(?P<place>{_CAPS_PLACE}){_DATELINE_TAIL}")
_TITLE_DATELINE = re.compile(rf"(?P<place>{_TITLE_PLACE}){_DATELINE_TAIL}")


def opens_with_dateline(text: str) -> bool:
    """Whether a line opens with a dateline (on its own line it is the text's, not furniture):
    one that :func:`body_dateline` reads, so "Instagram: @vladyart" (a Title Case word before a
    colon that is no known place, with no agency) is not one."""
    return body_dateline(text) is not None


def body_dateline(text: str | None) -> str | None:
    """The place in the wire-style opening of a body's first paragraph; the text is left as is."""
    if not text:
        return None
    match = _BODY_DATELINE.match(text) or _TITLE_DATELINE.match(text)
    if match and match.group("paren") and not match.group("paren_sep"):
        # Without a dash only a news agency closes a dateline ("Apple (AAPL) shares rose" is text).
        return place_name(match.group("place")) if match.group("paren").lower() in WIRE_AGENCIES else None
    match = _BODY_DATELINE.match(text)
    if match is None:
        match = _TITLE_DATELINE.match(text)
        agency = match and (match.group("paren") or match.group("wire") or match.group("bare"))
        if match is None or not (agency or (match.group("sep") == ":" and is_known_place(match.group("place")))):
            return None
    if match.group("place").lower() in WIRE_AGENCIES:
        return None
    return place_name(match.group("place"))
