"""The render stage: an Archive becomes the generated files of docs/.

``render(archive)`` is pure: it returns ``{path under docs/: bytes}``; write.py puts them on disk.
Each module here renders one family of pages and exposes ``files(archive) -> {path: str}``.
"""

from __future__ import annotations

from ..export import archive_json
from ..model import Archive
from . import annotation_pages
from . import archive_pages, entities, feeds, pages, timeline

PAGE_FAMILIES = (pages, entities, timeline, archive_pages, feeds, annotation_pages)
"""Modules whose ``files(archive)`` together make every generated page."""


def render(archive: Archive) -> dict[str, bytes]:
    """Every generated file under docs/, as ``{relative path: bytes}`` in path order."""
    out: dict[str, str] = {"archive.json": archive_json(archive)}
    for family in PAGE_FAMILIES:
        for path, text in family.files(archive).items():
            if path in out:
                raise ValueError(f"two page families both generate {path}")
            out[path] = text
    return {path: out[path].encode("utf-8") for path in sorted(out)}
