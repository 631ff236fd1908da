"""Notes about an article rather than the article: who reported it, where it was printed, how the
site earns from it, promotions for the site. Part of the junk rules (:mod:`.junk`).

Each rule is tried only on a short line holding one of its keywords (``NOTE_RULES``: cheap string
tests first, since the patterns scan the whole line and most lines are long paragraphs without
those words); a line that reports speech ("…, officials said") is never a note:

``credits``
    Who did the reporting: "Reporting by A; Editing by B" (with a semicolon, in brackets or with
    no closing full stop, so "Reporting by the Times showed…." stays), "(With inputs from PTI)",
    "Source: Al Jazeera and news agencies". ("Jane Doe contributed to this report." is the
    article's own last line, as readers of the real-world corpus's pages marked it, and stays.)
``syndication-note``, ``print-note``, ``affiliate-note``, ``privacy-notice``, ``standards-note``
    "…published from a syndicated feed", "This post originally appeared on Grist.", "A version of this article appears in print…", "…we
    receive a commission" (with a link or purchase named), a newsletter's privacy notice, "Our
    Standards: …" / "Why you can trust …".
``promo``
    A promotion for the site: "Get Latest India News along with…", "Track Latest News Live on …",
    "…only on example.com".
"""

from __future__ import annotations

import re

from .meta import WIRE_AGENCIES

_I = re.I
CLOSERS = "\"'\u201d\u2019)]*_ "
"""Closing quotes, brackets and emphasis markers that may follow a line's last word."""
REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|added|asked|according\s+to)\b[,:]?", _I)
"""A verb of reporting: a line that has one is the article talking, never a note or a teaser."""


def words(text: str) -> int:
    """Number of words in a line. Lines come with white space folded to single spaces
    (:mod:`.source`), so counting spaces is enough, and much cheaper than splitting."""
    return text.count(" ") + 1 if text else 0


_words = words


# Who did the reporting, as a wire story's tail: "Reporting by A; Editing by B", "(Writing by C)".
_CREDIT_LINE = re.compile(
    r"[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|fact-checking)\s+by\s+\S",
    _I,
)
_AGENCY_INPUTS = re.compile(
    r"\W*(?:with\s+(?:agency\s+)?inputs?(?:\s+from\s+[^()\[\]]{1,60})?|inputs?\s+from\s+[^()\[\]]{1,40}"
    r"|with\s+(?:assistance|additional\s+reporting)\s+(?:from|by)\s+[^()\[\]]{1,80})\W*",
    _I,
)
# "Source: Al Jazeera and news agencies" closing a story (no full stop inside: not a sentence).
_SOURCE_NOTE = re.compile(r"\W*sources?\s*:\s*[^.:]{1,80}", _I)
_SYNDICATION = re.compile(
    r".*\b(?:syndicated\s+feed|auto-?generated\s+from"
    r"|(?:has|have)\s+not\s+been\s+edited\s+by\s+(?:[\w\-]+\s+){0,3}(?:staff|editors|team))\b"
    # "This post originally appeared on Grist.": the article is republished from elsewhere
    r"|\W*this\s+(?:article|story|post|piece|column|essay)\s+(?:was\s+)?(?:originally|first)\s+"
    r"(?:appeared|ran|published|posted)\s+(?:on|in|at)\s+[^,;]{1,60}?[.!]?$",
    _I,
)
_PRINT_NOTE = re.compile(
    r"(?=.*\b(?:this|a\s+version\s+of\s+this)\s+(?:article|story|column|piece|review|essay)\b)"
    r".*\b(?:appears?|appeared|ran|runs|was\s+published|is\s+published)\s+in\s+(?:the\s+)?(?:[\w\-]+\s+){0,6}"
    r"print\b",
    _I,
)
_AFFILIATE = re.compile(
    r"(?=.*\b(?:links?|buy|purchas|shop))"  # the link or purchase that earns it
    r".*\b(?:we|may|site|publication)\s+(?:may\s+)?(?:receive|earn|get|make|collect)\s+(?:a\s+)?(?:small\s+)?"
    r"(?:commission|share\s+of\s+(?:the\s+)?(?:sales|revenue)|affiliate)",
    _I,
)
_PRIVACY = re.compile(
    r"(?=.*\bprivacy\s+(?:policy|notice)\b).*\b(?:newsletters?|recaptcha|terms\s+of\s+(?:service|use)|cookies"
    r"|unsubscribe)\b",
    _I,
)
_STANDARDS = re.compile(r"\W*(?:our|editorial)\s+standards\b.*|why\s+you\s+can\s+trust\b.*", _I)
# "Get Latest India News along with…", "Track Latest News Live on …", "Stay up to date with …".
_PROMO = re.compile(
    r"\W*(?:(?:get|track|catch|read|check\s+out|listen\s+to|watch|see|follow)\s+(?:all\s+)?(?:the\s+)?latest\b"
    r"|(?:get|track|catch|check\s+out|follow)\s+(?:all\s+)?(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:news|updates|headlines)\b"
    r".{0,80}\b(?:on|at|from)\s+(?:the\s+)?[A-Z]"
    r"|stay\s+(?:up\s+to\s+date|updated|informed|tuned)\b"
    r"|.{0,80}\bonly\s+on\s+[\w\-]+\.(?:com|in|co|net|org)\b"
    r"|.{0,80}\bon\s+(?:ios|android)(?:\s+(?:or|and|&)\s+(?:ios|android))\b"
    r"|for\s+(?:the\s+)?(?:latest|more)\b.{0,100}\b(?:head|go|visit|log\s+on)\s+to\b)",
    _I,
)

# The page talking to its reader about the page: "Oops! Looks like you have exceeded the limit to
# bookmark the image…", "Your session has expired, please login again.", "You are now subscribed…".
_PAGE_MESSAGE = re.compile(
    r"\W*(?:(?:oops|sorry)\b.{0,200}\b(?:bookmark|limit|log\s*in|sign\s+in|session|try\s+again)"
    r"|your\s+session\s+(?:has\s+)?expired|you\s+are\s+now\s+subscribed"
    r"|.{0,200}\bcheck\s+(?:your|the)\s+spam\s+folder)",
    _I,
)
# (name, most words, keywords, pattern), tried in order (see the module docstring).
NOTE_RULES: tuple[tuple[str, int, tuple[str, ...], re.Pattern], ...] = (
    ("syndication-note", 50, ("syndicated", "generated", "edited by", "originally", "first "), _SYNDICATION),
    ("print-note", 60, ("print",), _PRINT_NOTE),
    ("affiliate-note", 60, ("commission", "affiliate", "share of"), _AFFILIATE),
    ("privacy-notice", 90, ("privacy",), _PRIVACY),
    ("standards-note", 25, ("standards", "trust"), _STANDARDS),
    ("promo", 30, ("latest", "stay ", "only on", "news", "updates", "headlines", "android"), _PROMO),
    ("page-message", 40, ("oops", "session", "subscribed", "spam folder", "bookmark"), _PAGE_MESSAGE),
)
MAX_NOTE_CHARS = 900
MAX_NOTE_WORDS = max(limit for _, limit, _, _ in NOTE_RULES)
# Words that some note or credit rule needs; a line with none of them is no note (most lines).
_NOTE_KEYWORDS = tuple(dict.fromkeys(
    [k for _, _, keywords, _ in NOTE_RULES for k in keywords]
    + [" by ", "input", "source", "assistance", "additional"]
))


def note_rule(text: str) -> str | None:
    """The name of the first of ``NOTE_RULES`` or the credits rule that matches, or None."""
    count = _words(text)
    if len(text) > MAX_NOTE_CHARS or count > MAX_NOTE_WORDS:
        return None
    low = text.lower()
    if count <= 4 and low.strip(" .()-\u2014") in WIRE_AGENCIES:
        return "credits"  # "Reuters" alone at the end: the agency's sign-off
    found = [k for k in _NOTE_KEYWORDS if k in low]
    if not found:
        return None
    if _is_credit_line(text, low, count):
        return "credits"
    for name, max_words, keywords, pattern in NOTE_RULES:
        if count <= max_words and any(k in found for k in keywords) and pattern.match(text):
            # A note never reports speech; "…, the company said" is the article talking.
            if name in ("syndication-note", "print-note") or not REPORTED_SPEECH.search(text):
                return name
    return None


def _is_credit_line(text: str, low: str, count: int) -> bool:
    """A wire story's reporting credits (not prose: a
    sentence such as "Reporting by the Times showed…" ends with a full stop and has no second credit)."""
    if count > 60:
        return False
    if ("input" in low or "with " in low) and _AGENCY_INPUTS.fullmatch(text):
        return True
    if "source" in low and count <= 12 and _SOURCE_NOTE.fullmatch(text) and not REPORTED_SPEECH.search(text):
        return True
    if " by " not in low or not _CREDIT_LINE.match(text):
        return False
    return ";" in text or text.startswith(("(", "[")) or not text.rstrip(CLOSERS).endswith(".")


