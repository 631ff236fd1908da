"""Inline Markdown in a seed line, resolved to the plain text a reader sees.

Scraped seeds carry a little Markdown: ``**bold**`` and ``*italic*`` from the page's emphasis,
``[Donald Trump](#)`` for links, backslash escapes such as ``\\$30`` and HTML entities. We parse
it with markdown-it-py's CommonMark inline parser (rather than regexes, which get nesting,
flanking rules and escapes wrong) and keep only the text:

* emphasis and strong emphasis are always dropped (the words stay, the markers go);
* links keep their text and lose their target (entity links are added later by link/render);
* images are dropped: their alt text is not part of the article's prose;
* escapes and entities are resolved (``\\$`` → ``$``, ``&amp;`` → ``&``);
* raw HTML is *not* interpreted: ``<b>`` stays as the literal characters, to be escaped on output;
* the typographer is off, so quotes, dashes and the words themselves are never rewritten.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False, "typographer": False})

# Text without any of these characters has no inline Markdown: skip the parser (most lines).
_MARKUP = re.compile(r"[*_\[\]\\`<&!]")


# A link whose text and target hold nothing CommonMark could read otherwise: "[Donald Trump](#)",
# "[Julia Carrie Wong](//www.example.com/profile/jcw)". Most Markdown scrapes are text and links
# of this kind only, and markdown-it spends most of ingest's time on them.
# markdown-it refuses links to these (its validateLink) and leaves their Markdown as text.
_BAD_PROTOCOL = re.compile(r"\]\(\s*(?:javascript|vbscript|file|data):", re.I)
_SIMPLE_LINK = re.compile(r"\[([^\[\]\\`<>*_&!]*)\]\(([^\s()<>\\]*)\)")


def plain(text: str) -> str:
    """The plain text of one line of inline Markdown, stripped of surrounding whitespace."""
    if not _MARKUP.search(text):
        return text.strip()
    if "[" in text and not _BAD_PROTOCOL.search(text):
        # Fast path: with its simple links replaced by their text, a line that holds no other
        # markup reads the same as markdown-it reads it (tests/test_ingest_rules.py checks this
        # on every line of the real-world corpus and the fixtures).
        unlinked = _SIMPLE_LINK.sub(lambda m: m.group(1), text)
        if not _MARKUP.search(unlinked):
            return _SPACES.sub(" ", unlinked).strip()
    return _parsed(text)


def _parsed(text: str) -> str:
    """The plain text of a line, as markdown-it's CommonMark inline parser reads it."""
    parts: list[str] = []
    for block in _PARSER.parseInline(text):
        for token in block.children or ():
            # An image's alt text lives in its own children, which we never visit: dropped.
            if token.type in ("text", "code_inline", "html_inline"):
                parts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    # A dropped image can leave two spaces side by side.
    return _SPACES.sub(" ", "".join(parts)).strip()


_SPACES = re.compile(r"  +")
