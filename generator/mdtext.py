"""Putting untrusted text into the Markdown that MkDocs renders, so that it stays text.

Templates write Markdown with some raw HTML. Every value a template prints must say how it is
escaped: ``|md`` for Markdown context, ``|html`` for raw-HTML context (attribute values too).
The Jinja environment refuses to print an unescaped str (see render.py), so forgetting to escape
is a build error rather than a hole.

Why hand-written: no library escapes text for Python-Markdown with MkDocs' extensions. Python-
Markdown honours a backslash before its ESCAPED_CHARS (plus those extensions register); every other
significant character is written as an HTML character reference, which Markdown passes through as
text and the browser shows as the character.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape as _html_escape


class Md(str):
    """A string that is already safe Markdown (produced by :func:`escape_md` or a template)."""


# Inline syntax anywhere in a line: code, emphasis, links and images ("!" needs "["), attribute
# lists, the backslash itself, and "#" (a heading drops trailing "#"s: "C# and F# #").
# Python-Markdown honours a backslash before each of these.
_INLINE = set("\\`*_[]{}#")
# Raw HTML and entities: written as character references, which Markdown passes through as text.
_ENTITY = {"<": "&lt;", "&": "&amp;"}
# Block syntax only counts at the start of a line (paragraphs are written as one line): headings,
# quotes, lists, rules, setext underlines, admonitions, tables, definition lists, snippets.
_LINE_START = set("#>-+=*|:!~%")
_ORDERED = re.compile(r"^(\d+)([.)])")
_REPLACEMENT = {**{ch: "\\" + ch for ch in _INLINE}, **_ENTITY}
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENT)) + "]")
_WS = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def escape_md(value: object) -> Md:
    """Escape text for Markdown inline context: a single line that renders as exactly that text.

    Newlines and runs of white space become one space (a paragraph is one line, so block syntax
    can only start at its first character), control and bidi-override characters are dropped.
    """
    # str.split() and one regex pass over the few special characters: this runs for every
    # paragraph of every briefing, and a per-character loop was a tenth of a 10,000-page render.
    text = _CONTROL.sub("", " ".join(str(value).split())).strip()
    escaped = _SPECIAL.sub(lambda m: _REPLACEMENT[m.group()], text)
    if text and text[0] in _LINE_START:
        first = _REPLACEMENT.get(text[0], text[0])
        escaped = _LINE_START_ESCAPE.get(text[0], "\\" + text[0]) + escaped[len(first):]
    return Md(_ORDERED.sub(r"\1\\\2", escaped, count=1))


# '|', ':', '~', '%' and '=' cannot be backslash-escaped in Python-Markdown: use references.
_LINE_START_ESCAPE = {"|": "&#124;", ":": "&#58;", "~": "&#126;", "%": "&#37;", "=": "&#61;"}


def escape_html(value: object) -> Markup:
    """Escape text for raw-HTML context (element text or a quoted attribute value).

    White space is folded as in :func:`escape_md`: a blank line would end a raw-HTML block and
    hand the rest of the value to Markdown.
    """
    text = _CONTROL.sub("", _WS.sub(" ", str(value)))
    return Markup(_html_escape(text))


def md_url(url: str) -> Md:
    """A link target produced by the generator itself (never from input): percent-encode the
    characters that would end a Markdown link destination."""
    return Md(url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E"))
