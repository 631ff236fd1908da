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


def plain(text: str) -> str:
    """The plain text of one line of inline Markdown, stripped of surrounding whitespace."""
    if not _MARKUP.search(text):
        return text.strip()
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
