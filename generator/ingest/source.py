"""A seed's bytes as numbered lines: decoding, line endings and whitespace, nothing else.

Seeds come from scrapers and editors on every platform, so we accept a UTF-8 byte-order mark,
CRLF, CR or LF line endings, and Unicode spaces (no-break, narrow no-break, thin, ideographic),
which become plain spaces; zero-width spaces and word joiners are dropped. That is the only change
to the text: letters, punctuation and words are never touched. Line numbers count line endings
the way an editor does, so errors and :class:`generator.model.Removed` point at the right line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import SeedError
from .inline import plain

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACE_RUN = re.compile(r"[ \t\x0b\x0c]{2,}|[\t\x0b\x0c]")
# Zero-width non-joiner (U+200C) and joiner (U+200D) are left alone: they shape Indic and
# Persian script and emoji, so they belong to the words.
_WHITESPACE = {cp: " " for cp in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000)}
_WHITESPACE.update({cp: " " for cp in range(0x2000, 0x200B)})
_WHITESPACE.update({0x200B: None, 0x2060: None, 0xFEFF: None})
_HEADING = re.compile(r"(?:#{1,6}|>)\s+")


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line of a seed: where it is, what it says, and its plain text."""

    line: int
    """1-based line number in the seed."""
    raw: str
    """The line with whitespace normalised and trimmed, inline Markdown and all."""
    text: str
    """Its plain text: inline Markdown resolved (:func:`.inline.plain`), heading marks dropped."""


def decode(data: bytes, source_file: str) -> str:
    """The seed as text; a SeedError naming the line and column of any byte that is not UTF-8."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line_start = max(data.rfind(b"\n", 0, offset) + 1, bom)  # an editor hides the BOM
        raise SeedError(
            source_file,
            data.count(b"\n", 0, offset) + 1,
            f"not valid UTF-8 (byte 0x{data[offset]:02x})",
            "save the file with UTF-8 encoding",
            col=offset - line_start + 1,
        ) from None


def make_line(number: int, raw: str) -> SourceLine:
    """A SourceLine for already normalised text (also used by tests)."""
    heading = _HEADING.match(raw)
    return SourceLine(number, raw, plain(raw[heading.end():] if heading else raw))


def read_lines(data: bytes, source_file: str) -> list[SourceLine]:
    """The seed's non-blank lines, in order; a SeedError if there are none."""
    lines = []
    for number, line in enumerate(_LINE_BREAK.split(decode(data, source_file)), start=1):
        if not line.isascii():
            line = line.translate(_WHITESPACE)
        raw = _SPACE_RUN.sub(" ", line).strip()
        if raw:
            lines.append(make_line(number, raw))
    if not lines:
        raise SeedError(
            source_file, 1, "the seed is empty",
            "put the headline on the first line, the date line under it, then the article text",
        )
    return lines
