"""The contributor's way in: where a briefing's annotation files live and the link that opens one.

One file per annotation, under ``annotations/<seed name>/``: two contributors annotating the same
briefing add two different files, so their pull requests never conflict (one file per briefing
would have both editing the same list). The folder is named after the seed file, not the slug,
because a seed's name never changes while a slug may when a headline is corrected.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlencode, urlsplit

from ..model import Page

BRANCH = "main"
"""Branch that pull requests target (the deploy workflow builds it)."""
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schemas/annotation.schema.json"
"""First line of an annotation file: editors with the YAML language server validate as you type."""


def annotation_folder(page: Page) -> str:
    """``annotations/<seed name>`` — where this briefing's annotation files go."""
    return f"annotations/{posixpath.splitext(posixpath.basename(page.briefing.article.source_file))[0]}"


def skeleton(page: Page) -> str:
    """A new annotation file for this briefing, for the contributor to fill in."""
    seed = "seeds/" + posixpath.basename(page.briefing.article.source_file)
    return (f"{SCHEMA_COMMENT}\n"
            f"briefing: {seed}\n"
            "anchor:\n"
            "  exact: \"the words you are annotating, copied from the page\"\n"
            "kind: context  # context, fact-check, correction, background or definition\n"
            "body: |\n"
            "  Your note, in Markdown.\n"
            "author: your-name-or-handle\n"
            "sources:\n"
            "  - https://example.org/where-this-comes-from\n"
            "date: YYYY-MM-DD\n")


def annotate_url(page: Page, repo_url: str) -> str | None:
    """GitHub's "create new file" page in this briefing's annotation folder, pre-filled with
    :func:`skeleton`; None when the repository is not on GitHub or unknown."""
    parts = urlsplit(repo_url or "")
    if parts.scheme != "https" or parts.hostname not in ("github.com", "www.github.com") \
            or len([p for p in parts.path.split("/") if p]) != 2:
        return None
    base = repo_url.rstrip("/")
    folder = quote(annotation_folder(page), safe="/")
    query = urlencode({"filename": "my-note.yml", "value": skeleton(page)}, quote_via=quote)
    return f"{base}/new/{BRANCH}/{folder}?{query}"
