"""Paragraph decorators: markup a briefing's paragraphs get beside their text.

Each is called as ``decorator(page, archive, link)`` and yields ``(paragraph index, Wrap | Insert)``
(:mod:`.inline` applies them); ``link(path)`` makes a relative link from the briefing to another
docs/ file. :data:`PARAGRAPH_DECORATORS` lists them, in the order they apply (the first of two
overlapping wraps wins).

* :func:`entity_links`: the first mention of each entity links to its page;
* :func:`annotation_markers`: Material's content annotations. A paragraph with notes gets the
  ``annotate`` class (see templates/partials/paragraph.md.j2) and, after its annotated words, a
  marker ``(n)`` that opens item n of the list that follows the paragraph. Material's script
  turns every ``(digits)`` in the text of such a paragraph into a marker, so the article's own
  "(1)"-like text there is split by an empty element, and each marker sits in its own element so
  that a "!" after it in the article (Material's "(1)!" syntax) cannot change it. The marker
  stands after the punctuation that closes the annotated words ("(FORGE)⊕", "earth,⊕ which"),
  never inside a bracket or between a word and its comma (:func:`marker_offset`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ..mdtext import Md
from ..model import Archive, Page
from .inline import Insert, Wrap

Decorator = Callable[[Page, Archive, Callable[[str], Md]], Iterable[tuple[int, Wrap | Insert]]]

_LOOKS_LIKE_MARKER = re.compile(r"\(\d+\)")
_BREAK = Md("<span></span>")


def annotation_markers(page: Page, archive: Archive, link: Callable[[str], Md]) -> Iterator[tuple[int, Insert]]:
    """A numbered marker after each anchored annotation's words; numbering restarts in each
    paragraph, in the order of page.annotations (text order), as the list after it does."""
    numbers: dict[int, int] = {}
    for note in page.annotations:
        if not note.anchored:
            continue
        numbers[note.paragraph] = numbers.get(note.paragraph, 0) + 1
        at = marker_offset(page.briefing.article.paragraphs[note.paragraph], note.start, note.end)
        yield note.paragraph, Insert(at, Md(f'<span class="briefing-note-ref">({numbers[note.paragraph]})</span>'))
    paragraphs = page.briefing.article.paragraphs
    for index in numbers:
        for match in _LOOKS_LIKE_MARKER.finditer(paragraphs[index]):
            yield index, Insert(match.start() + 1, _BREAK)


_OPENING = "([{«‹“‘\"'"
"""Characters that open a bracket or quotation."""
_CLOSING = ")]}»›”’\"'.,;:!?…"
"""Characters that close a bracket, quotation or clause, and so stay with the word before them."""


def marker_offset(text: str, start: int, end: int) -> int:
    """Where the marker of the annotated words ``text[start:end]`` goes: after the words and the
    punctuation that sticks to them ("(FORGE)." → after the full stop), so that the marker never
    splits a bracket or a word from its punctuation; the space after them stays after it, which
    leaves one gap, not two. Words that end in white space or an opening bracket ("Forum (") end
    before it. A possessive stays with its word ("China's" → after the s); any other apostrophe
    followed by a letter is inside a word ("rock'n'roll"), which the marker does not enter."""
    while end > start + 1 and (text[end - 1].isspace() or text[end - 1] in _OPENING):
        end -= 1
    while end < len(text) and text[end] in _CLOSING:
        if text[end] in "’'" and end + 1 < len(text) and text[end + 1].isalnum():
            if text[end + 1] not in "sS" or (end + 2 < len(text) and text[end + 2].isalnum()):
                break
            end += 1  # the possessive's s, then go on past what closes it ("China's.")
        end += 1
    return end


def entity_links(page: Page, archive: Archive, link: Callable[[str], Md]) -> Iterator[tuple[int, Wrap]]:
    """Wrap the first mention of each entity in the briefing's text in a link to its page."""
    paragraphs = page.briefing.article.paragraphs
    for ref in page.briefing.entities:
        record = archive.by_entity.get(ref.id)
        if record is None or not ref.mentions:
            continue
        first = ref.mentions[0]
        if first.paragraph < len(paragraphs) and 0 <= first.start < first.end <= len(paragraphs[first.paragraph]):
            yield first.paragraph, Wrap(first.start, first.end, Md("["), Md(f"]({link(record.path)}){{ .entity-link }}"))


PARAGRAPH_DECORATORS: tuple[Decorator, ...] = (annotation_markers, entity_links)
"""Every decorator, in the order they apply."""
