"""Annotations in the site: the "Orphaned annotations" page, and the annotation format's JSON
Schema published for editors (the markers in a briefing's text: decorators.py)."""

from __future__ import annotations

from ..annotations import all_orphans, schema_text
from ..model import Archive
from . import pages

ORPHANS_PAGE = "annotations/orphaned.md"
SCHEMA_PATH = "schemas/annotation.schema.json"


def render_orphans(archive: Archive) -> str:
    meta = pages.front_matter({"title": "Orphaned annotations"})
    return meta + pages.ENV.get_template("orphans.md.j2").render(
        orphans=all_orphans(archive), archive=archive, link=pages.Linker(ORPHANS_PAGE, archive.engine))


def files(archive: Archive) -> dict[str, str]:
    """The orphaned-annotations page and the published JSON Schema."""
    return {ORPHANS_PAGE: render_orphans(archive), SCHEMA_PATH: schema_text()}
