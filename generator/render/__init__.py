"""The render stage: an Archive becomes the generated files of docs/.

``render(archive)`` is pure: it returns ``{path under docs/: bytes}``; write.py puts them on disk.
Each module here renders one family of pages and exposes ``files(archive) -> {path: str}``.
"""

from __future__ import annotations

import re

from ..export import archive_json
from ..model import Archive
from . import annotation_pages
from . import archive_pages, entities, feeds, pages, parallel, timeline

PAGE_FAMILIES = (pages, entities, timeline, archive_pages, feeds, annotation_pages)
"""Modules whose ``files(archive)`` together make every generated page."""


def render(archive: Archive, jobs: int = 1) -> dict[str, bytes]:
    """Every generated file under docs/, as ``{relative path: bytes}`` in path order.

    ``jobs`` > 1 (or 0: every core) renders on worker processes; the bytes are the same."""
    if parallel.usable(jobs, len(archive.pages)):
        parts = parallel.render_parts(archive, jobs)
    else:
        parts = [{"archive.json": archive_json(archive)}]
        parts += [family.files(archive) for family in PAGE_FAMILIES]
    return merge(parts)


def merge(parts: list[dict[str, str | bytes]], kept: set[str] = frozenset()) -> dict[str, bytes]:
    """The parts as one ``{path: bytes}`` in path order, checked: no path twice (``kept``: files
    that the render cache keeps on disk, also counted) and a title on every page."""
    out: dict[str, str | bytes] = {}
    for part in parts:
        for path, text in part.items():
            if path in out or path in kept:
                raise ValueError(f"two page families both generate {path}")
            head = text[:20] if isinstance(text, str) else text[:20].decode("utf-8", "replace")
            if path.endswith(".md") and not _TITLED.match(head):
                raise ValueError(f"generated page {path} has no title in its front matter")
            out[path] = text
    return {path: _encoded(out[path]) for path in sorted(out)}


_TITLED = re.compile(r"---\ntitle: ")
"""Every generated page starts with front matter whose first key is its title. Without one, MkDocs
takes the title from the page's first heading and Material prints it into <title> through
``striptags``, which turns the heading's escaped ``&lt;script&gt;`` back into live markup
(see SECURITY.md)."""


def _encoded(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")
