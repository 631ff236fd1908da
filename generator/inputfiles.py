"""Reading untrusted input files at the I/O edge, with stated limits, before any parsing.

Seeds, annotations and registry files come by pull request. A file may be a symbolic link to
something outside the repository (``/etc/passwd``, ``../.env``), a FIFO that blocks a reader
forever, or simply huge. Ingest and extract are written for articles: a 5 MB paragraph or a
100,000-line file would make them crawl (their work grows faster than the text), so such inputs
are refused here with the limit in the message, instead of hanging the build.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import InputError, SeedError
from .model import Article

SEED_SUFFIXES = (".txt", ".html")
"""The endings of seed files: text as scraped (``.txt``) and saved web pages (``.html``)."""
HTML_SUFFIX = ".html"
"""A seed whose name ends so is a saved page, read with the HTML limits below."""

MAX_SEED_BYTES = 512 * 1024
"""Largest seed accepted. A long read is under 100 KB; the limit leaves five times that."""
MAX_SEED_LINES = 20_000
"""Most lines accepted in a seed (a scraped article has a few hundred)."""
MAX_LINE_BYTES = 64 * 1024
"""Longest line accepted, checked before parsing: inline Markdown parsing of one line grows faster
than its length on crafted input (100 KB of "[" took 1.4 s, 500 KB 18 s)."""
MAX_HTML_BYTES = 4 * 1024 * 1024
"""Largest saved page accepted (``*.html``). A page carries its scripts, styles and menus: the
largest of the real-world corpus's 109 is 737 KB; the limit leaves five times that. The line
limits above do not apply to it: they guard the Markdown parser, which a page never reaches,
and a saved page is often a few lines of many kilobytes each."""
MAX_PARAGRAPH_CHARS = 20_000
"""Longest body paragraph accepted after split sentences are joined (about 3,000 words; the
longest paragraph of a real article is a few hundred)."""

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def read_input_file(path: Path, name: str, error_class: type[InputError], max_bytes: int) -> bytes:
    """The bytes of one input file, or ``error_class`` naming ``name``: a symbolic link, anything
    but a regular file, or more than ``max_bytes`` is refused without reading it."""
    kind = "a symbolic link" if path.is_symlink() else None
    if kind is None:
        try:
            # O_NOFOLLOW closes the gap between the check above and the open; O_NONBLOCK keeps a
            # FIFO from blocking the open, so that fstat can refuse it.
            fd = os.open(path, _FLAGS)
        except OSError as error:
            raise error_class(name, None, f"cannot read file: {error.strerror}",
                              "check that it is a readable file") from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            kind = "not a regular file"
        elif info.st_size > max_bytes:
            os.close(fd)
            raise error_class(name, None, f"file is {info.st_size:,} bytes, more than the limit of "
                              f"{max_bytes:,}", "split it or remove what is not part of the article")
        else:
            with os.fdopen(fd, "rb") as handle:
                data = handle.read(max_bytes + 1)
    if kind is not None:
        raise error_class(name, None, f"input file is {kind}", "commit the file itself, not a link or device")
    if len(data) > max_bytes:  # grew while we read it
        raise error_class(name, None, f"file is more than the limit of {max_bytes:,} bytes", "split it")
    return data


def read_seed_bytes(path: Path, name: str) -> bytes:
    """A seed's bytes within :data:`MAX_SEED_BYTES`, :data:`MAX_SEED_LINES` and
    :data:`MAX_LINE_BYTES` (a saved page, ``*.html``: within :data:`MAX_HTML_BYTES`), SeedError
    naming the line if not; control characters are for :func:`strip_control_bytes`."""
    if name.endswith(HTML_SUFFIX):
        return read_input_file(path, name, SeedError, MAX_HTML_BYTES)
    data = read_input_file(path, name, SeedError, MAX_SEED_BYTES)
    # Line endings as ingest counts them (LF, CRLF or a lone CR); a final line ending ends a line.
    lines = max(data.count(b"\n"), data.count(b"\r")) + (0 if data.endswith((b"\n", b"\r")) else 1)
    if lines > MAX_SEED_LINES:
        raise SeedError(name, MAX_SEED_LINES + 1, f"seed has {lines:,} lines, more than the limit of "
                        f"{MAX_SEED_LINES:,}", "a seed is one article; split or trim it")
    longest = max(data.splitlines() or [b""], key=len)
    if len(longest) > MAX_LINE_BYTES:
        line = data.splitlines().index(longest) + 1
        raise SeedError(name, line, f"line of {len(longest):,} bytes, more than the limit of {MAX_LINE_BYTES:,}",
                        "put blank lines between paragraphs, or trim text that is not the article's")
    return data


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]|\xef\xbf[\xbe\xbf]")
"""C0 control characters (tab, line endings, vertical tab and form feed are white space to ingest)
and the noncharacters U+FFFE and U+FFFF: invisible in a browser, invalid in XML (the feeds), and
never part of an article. In UTF-8 each is its own byte sequence, so bytes are searched directly."""


def text_position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column, in characters as an editor counts them, of the byte at
    ``offset`` of UTF-8 ``data``."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def strip_control_bytes(data: bytes, name: str) -> tuple[bytes, list[SeedError]]:
    """The seed's bytes without control characters, and a warning naming the first one's line
    and column when there were any. A scraped page carries them now and then (a stray U+0010
    from a copy of a PDF): they are removed rather than the article refused, and said once."""
    first = _CONTROL_BYTES.search(data)
    if first is None:
        return data, []
    stripped, count = _CONTROL_BYTES.subn(b"", data)
    line, col = text_position(data, first.start())
    shown = "U+FFFE or U+FFFF" if first.group().startswith(b"\xef") else f"U+{first.group()[0]:04X}"
    more = f" and {count - 1:,} more" if count > 1 else ""
    warning = SeedError(name, line, f"removed control character {shown}{more} from the text",
                        "they are invisible to readers and not allowed in feeds; remove them from the seed "
                        "to silence this", col=col)
    return stripped, [warning]


def check_paragraphs(article: Article) -> None:
    """Refuse an article with a paragraph over :data:`MAX_PARAGRAPH_CHARS` (after ingest joined
    split sentences), naming the seed line where it starts."""
    for text, line in zip(article.paragraphs, article.paragraph_lines):
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise SeedError(article.source_file, line, f"paragraph of {len(text):,} characters, more than "
                            f"the limit of {MAX_PARAGRAPH_CHARS:,}",
                            "put blank lines between paragraphs, or trim text that is not the article's")


def decode_utf8(data: bytes, name: str, error_class: type[InputError]) -> str:
    """``data`` as text (a leading byte-order mark dropped), or ``error_class`` naming the line and
    column of the first byte that is not UTF-8."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        raise error_class(name, data.count(b"\n", 0, offset) + 1, f"not valid UTF-8 (byte 0x{data[offset]:02x})",
                          "save the file with UTF-8 encoding", col=offset - line_start + 1) from None
