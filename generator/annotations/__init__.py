"""Annotations: contributors' notes anchored to the exact words of a briefing.

- :mod:`.load` reads ``annotations/**/*.yml`` safely and validates them against the published
  JSON Schema (``generator/schemas/annotation.schema.json``);
- :mod:`.anchor` places each note's W3C TextQuoteSelector in the briefing's clean text (exact,
  then prefix/suffix context, then fuzzy), or makes it an orphan;
- :mod:`.attach` gives every page of the archive its placed notes;
- :mod:`.body` renders a note's untrusted Markdown to sanitised HTML;
- :mod:`.contribute` says where a briefing's notes live and links contributors there.
"""

from .anchor import anchor
from .attach import all_orphans, attach
from .body import render_body
from .contribute import annotate_url
from .load import load_annotations, parse_annotation, schema_text

__all__ = ["all_orphans", "anchor", "annotate_url", "attach", "load_annotations", "parse_annotation",
           "render_body", "schema_text"]
