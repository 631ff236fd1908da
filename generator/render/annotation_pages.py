"""Annotations in the site: markers in a briefing's text, the "Orphaned annotations" page, and
the annotation format's JSON Schema published for editors.

Markers use Material's content annotations: a paragraph with notes gets the ``annotate`` class
(see templates/partials/paragraph.md.j2) and, after its annotated words, a marker ``(n)`` that
opens item n of the list that follows the paragraph. Material's script turns every ``(digits)``
in the text of such a paragraph into a marker, so the article's own "(1)"-like text there is
split by an empty element, and each marker sits in its own element so that a "!" after it in the
article (Material's "(1)!" syntax) cannot change it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..annotations import all_orphans, schema_text
from ..mdtext import Md
from ..model import Archive, Page
from . import pages
from .inline import Insert

ORPHANS_PAGE = "annotations/orphaned.md"
SCHEMA_PATH = "schemas/annotation.schema.json"
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
        yield note.paragraph, Insert(note.end, Md(f'<span class="briefing-note-ref">({numbers[note.paragraph]})</span>'))
    paragraphs = page.briefing.article.paragraphs
    for index in numbers:
        for match in _LOOKS_LIKE_MARKER.finditer(paragraphs[index]):
            yield index, Insert(match.start() + 1, _BREAK)


if annotation_markers not in pages.PARAGRAPH_DECORATORS:
    pages.PARAGRAPH_DECORATORS.append(annotation_markers)


def render_orphans(archive: Archive) -> str:
    meta = pages.front_matter({"title": "Orphaned annotations"})
    return meta + pages._ENV.get_template("orphans.md.j2").render(
        orphans=all_orphans(archive), archive=archive, link=pages.Linker(ORPHANS_PAGE))


def files(archive: Archive) -> dict[str, str]:
    """The orphaned-annotations page and the published JSON Schema."""
    return {ORPHANS_PAGE: render_orphans(archive), SCHEMA_PATH: schema_text()}
