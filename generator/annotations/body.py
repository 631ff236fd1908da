"""Annotation bodies: untrusted Markdown made into HTML that cannot run anything.

Two layers, each enough on its own for what it covers:

1. markdown-it-py in CommonMark mode with raw HTML off and images off, so a body's ``<script>``
   or ``<img onerror>`` is shown as text and never parsed as markup; markdown-it also refuses
   ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` link targets.
2. nh3 (the ammonia sanitiser) on the result, with a short list of tags and attributes and only
   http, https and mailto links (relative links are dropped too: a note may not point into the
   site's own files), so that a future markdown-it rule or option cannot let markup through.

The HTML is written into the page as a raw HTML block (see templates/partials/annotation_*.j2),
which Python-Markdown passes through untouched; it is therefore folded onto one line so that a
blank line in a code block cannot end the block early.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"}
"""Tags a body may produce; headings, tables and images are not among them (text is kept)."""
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
"""No ``title``: Material's content.tooltips shows a link's title on hover by inserting it as
HTML, so an escaped ``<img onerror>`` in a title would come alive again (found by the browser
tests; docs/assets/a11y.js also escapes titles in the page as a second guard)."""
LINK_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener noreferrer"
"""rel on every body link: contributed content, not endorsed, no window.opener."""

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")


def _only_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("title", "lang"):
        return None  # ammonia allows these on every tag (its generic attributes); see above
    if tag == "a" and attribute == "href":
        parts = urlsplit(value)
        if parts.scheme.lower() not in LINK_SCHEMES or (parts.scheme.lower() != "mailto" and not parts.netloc):
            return None
    return value


_CLEANER = nh3.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                       attribute_filter=_only_absolute_links, link_rel=LINK_REL, strip_comments=True,
                       clean_content_tags={"script", "style"})


def sanitise_html(html: str) -> Markup:
    """``html`` reduced to the allowed tags and links, on one line (see module docstring)."""
    clean = _CLEANER.clean(html).strip()
    # A newline is written as a character reference: the same character to the browser (inside
    # <pre> too), but no line break for Python-Markdown to see.
    return Markup(clean.replace("\r", "").replace("\n", "&#10;"))


def render_body(markdown: str) -> Markup:
    """An annotation body (untrusted Markdown) as safe, single-line HTML."""
    return sanitise_html(_MARKDOWN.render(markdown))
