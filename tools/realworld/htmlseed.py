"""A saved news page becomes a seed, the way scrapers make them: the converter of the real-world corpus.

A scraper (or a reader copying from the browser) does not grab the article alone: it grabs a
region of the page around it, with the menu tail and section labels above the headline, the
captions, share widgets and "most read" lists inside, and the bios, related headlines and footer
after. This module imitates that, deterministically, from the page's own markup:

1. the page is parsed (lxml), its title read (``og:title``, else ``<title>``), and what a browser does not show is dropped: scripts, styles,
   ``<noscript>``, ``<template>``, forms' inputs, inline SVG and frames, ``hidden`` elements and
   those styled ``display:none``;
2. the rest is laid out as **blocks**, one per block-level element (``p``, ``div``, ``li``,
   ``h1``–``h6``, ``figcaption``, ``td``, …), their inline text run together exactly as the
   markup has it, so share buttons written side by side become one word ("FacebookTwitter"), as
   they do in real scrapes;
3. the **region** is the headline's block (or the main text container's first block, when that
   comes first) with up to ``BEFORE`` blocks above it, through the last block of the page's main
   text container plus up to ``AFTER`` blocks below (the container is the
   element holding the most paragraph text directly; nothing here knows the gold);
4. the region is written in two styles:

   * ``markdown``: as the seed in ``seeds/`` and Markdown-writing scrapers make it: a blank line
     between blocks, headings as ``#``/``##``, list items as ``- ``, quotes as ``> ``, links as
     ``[text](url)``, emphasis as ``*``/``**``, and Markdown's special characters (``$`` among
     them) escaped;
   * ``plain``: as a browser's copy: one block per line, text only.

The converter is a tool for building the corpus (``tools/realworld/corpus.py``); the build never
imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

BEFORE = 10
"""Blocks kept above the headline: the end of the menu, section labels, breadcrumbs."""
AFTER = 60
"""Blocks kept after the article text: tags, bios, share bars, related lists, the footer's top."""

_DROPPED = {
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "select", "input", "textarea", "head", "link", "meta", "video", "audio", "source", "track",
    "map", "math",
}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "ul", "summary", "caption", "center", "menu", "html",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")
# CommonMark's inline specials, and `$` (math in some renderers); `&` only where it would read as
# an entity.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<$])|&(?=#?\w+;)")
# What would turn a line into a block construct in Markdown: escaped at the start of a line.
_MD_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s)")


@dataclass(frozen=True)
class Block:
    """One block of the laid-out page."""

    kind: str
    """The block element that holds the text: "p", "h2", "li", "blockquote", "div", …"""
    markdown: str
    """Its text as inline Markdown: links, emphasis and escapes."""
    plain: str
    """Its text as a browser shows it."""
    element: object
    """The lxml element the block belongs to (to test containment; never written)."""


@dataclass(frozen=True)
class Seed:
    """A page converted: the region's blocks and the seed text in both styles."""

    blocks: tuple[Block, ...]
    """The region's blocks, in page order."""
    markdown: str
    """The seed in the Markdown-like style."""
    plain: str
    """The seed in the browser-copy style."""


def clean(root: etree._Element) -> etree._Element:
    """The page's document element, with what a browser would not show removed (in place)."""
    for element in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if (
            tag in _DROPPED
            or element.get("hidden") is not None
            or _HIDDEN_STYLE.search(element.get("style") or "")
            or (tag == "div" and element.get("aria-hidden") == "true" and not (element.text_content() or "").strip())
        ):
            _drop(element)
    return root


def _drop(element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def layout(root: etree._Element) -> list[Block]:
    """The page's blocks, in order, empty ones left out."""
    blocks: list[Block] = []
    body = root.find("body")
    _walk(body if body is not None else root, _Buffer("div", body if body is not None else root), blocks)
    return blocks


class _Buffer:
    """The inline text of the block being laid out."""

    def __init__(self, kind: str, element) -> None:
        self.kind, self.element = kind, element
        self.markdown: list[str] = []
        self.plain: list[str] = []

    def add(self, markdown: str, plain: str) -> None:
        self.markdown.append(markdown)
        self.plain.append(plain)

    def flush(self, blocks: list[Block]) -> None:
        plain = _SPACE.sub(" ", "".join(self.plain)).strip()
        markdown = _SPACE.sub(" ", "".join(self.markdown)).strip()
        if plain:
            blocks.append(Block(self.kind, markdown, plain, self.element))
        self.markdown, self.plain = [], []


def _walk(element, buffer: _Buffer, blocks: list[Block]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _BLOCKS:
        buffer.flush(blocks)
        inner = _Buffer(tag, element)
        _text(element.text, inner)
        for child in element:
            _walk(child, inner, blocks)
            _text(child.tail, inner)
        inner.flush(blocks)
        return
    if tag == "br":
        buffer.flush(blocks)
        return
    if tag == "img":
        return
    # An inline element: its text joins the buffer, marked up in the Markdown style.
    inner = _Buffer(buffer.kind, buffer.element)
    _text(element.text, inner)
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() in _BLOCKS | {"br"}:
            # A block inside an inline element (a link around a whole card): lay it out as blocks.
            buffer.add("".join(inner.markdown), "".join(inner.plain))
            inner = _Buffer(buffer.kind, buffer.element)
            _walk(child, buffer, blocks)
        else:
            _walk(child, inner, blocks)
        _text(child.tail, inner)
    markdown, plain = "".join(inner.markdown), "".join(inner.plain)
    buffer.add(_mark(tag, element, markdown, plain), plain)


def _mark(tag: str, element, markdown: str, plain: str) -> str:
    """The Markdown of one inline element whose content is ``markdown``."""
    core = markdown.strip()
    if not core:
        return markdown
    lead = markdown[: len(markdown) - len(markdown.lstrip())]
    trail = markdown[len(markdown.rstrip()):]
    if tag == "a":
        href = (element.get("href") or "").strip()
        if href and not href.lower().startswith("javascript:"):
            href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"{lead}[{core}]({href}){trail}"
    elif tag in ("strong", "b"):
        return f"{lead}**{core}**{trail}"
    elif tag in ("em", "i"):
        return f"{lead}*{core}*{trail}"
    return markdown


def _text(text: str | None, buffer: _Buffer) -> None:
    if text:
        buffer.add(_MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text), text)


def main_container(blocks: list[Block]):
    """The element that holds the most paragraph text directly (its own ``<p>`` children)."""
    weight: dict[object, int] = {}
    for block in blocks:
        if block.kind == "p" and len(block.plain) >= 60:
            parent = block.element.getparent()
            if parent is not None:
                weight[parent] = weight.get(parent, 0) + len(block.plain)
    if not weight:
        return None
    return max(weight, key=lambda element: (weight[element], -_depth(element)))


def _depth(element) -> int:
    depth = 0
    while element.getparent() is not None:
        element, depth = element.getparent(), depth + 1
    return depth


def headline_index(blocks: list[Block], title: str | None) -> int:
    """The headline's block: the ``h1`` (else any heading, else any block) nearest the page title."""
    wanted = _norm(title or "")

    def score(block: Block) -> tuple:
        text = _norm(block.plain)
        shared = len(set(text.split()) & set(wanted.split())) / max(len(set(wanted.split())), 1)
        return (shared >= 0.6, block.kind == "h1", shared, block.kind in ("h1", "h2", "h3"))

    candidates = [i for i, b in enumerate(blocks) if len(b.plain) <= 300]
    if not candidates:
        return 0
    return max(candidates, key=lambda i: (score(blocks[i]), -i))


def _norm(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text.lower())


def page_title(root: etree._Element) -> str | None:
    """The page's own idea of its headline: og:title, else <title>."""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            return meta.get("content")
    title = root.find(".//title")
    return title.text_content() if title is not None else None


def _decode(html: bytes) -> str | bytes:
    """The page as text when it is UTF-8 (as most saved pages are, whatever their meta tags say
    or fail to say, and as a browser would detect), else the bytes for lxml to decode by the
    page's own declaration."""
    try:
        return html.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return html


def region(blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks a scraper grabs around the article (see the module docstring)."""
    start = headline_index(blocks, title)
    container = main_container(blocks)
    end = start
    if container is not None:
        elements = set(container.iter())
        inside = [i for i, b in enumerate(blocks) if b.element in elements]
        if inside:
            start, end = min(start, inside[0]), max(start, inside[-1])
    return blocks[max(0, start - BEFORE): end + 1 + AFTER]


def _escape_line_start(match: re.Match) -> str:
    """A line start that Markdown would read as a block, escaped as Turndown and html2text do:
    the backslash before the punctuation ("1\\. ", "\\# "), since CommonMark escapes only that."""
    marker = match.group(0)
    if marker[0].isdigit():
        digits = marker.rstrip()[:-1]
        return f"{digits}\\{marker[len(digits):]}"
    return "\\" + marker


def markdown_line(block: Block) -> str:
    """One block in the Markdown-like style."""
    text = block.markdown
    if block.kind in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "#" * int(block.kind[1]) + " " + text
    text = _MD_LINE_START.sub(_escape_line_start, text)
    if block.kind == "li":
        return "- " + text
    if block.kind == "blockquote":
        return "> " + text
    return text


def convert(html: bytes) -> Seed:
    """A saved page as a seed in both styles."""
    root = lxml.html.document_fromstring(_decode(html))
    title = page_title(root)
    root = clean(root)
    blocks = region(layout(root), title)
    markdown = "\n\n".join(markdown_line(b) for b in blocks) + "\n"
    plain = "\n".join(b.plain for b in blocks) + "\n"
    return Seed(tuple(blocks), markdown, plain)
