"""The contributor's way in: where a briefing's annotation files live and the link that opens one.

One file per annotation, under ``annotations/<seed name>/``: two contributors annotating the same
briefing add two different files, so their pull requests never conflict (one file per briefing
would have both editing the same list). The folder is named after the seed file, not the slug,
because a seed's name never changes while a slug may when a headline is corrected.

The "Annotate this page" link opens a pre-filled file (:func:`skeleton`) whose stand-in values
(:data:`PLACEHOLDERS`) the check refuses until they are replaced (:func:`placeholder_errors`).
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlencode, urlsplit

from ..errors import AnnotationError
from ..model import Page
from ..safeyaml import YamlDoc
from ..schemacheck import field_name

BRANCH = "main"
"""Branch that pull requests target (the deploy workflow builds it)."""
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schemas/annotation.schema.json"
"""First line of an annotation file: editors with the YAML language server validate as you type."""


def annotation_folder(page: Page) -> str:
    """``annotations/<seed name>`` — where this briefing's annotation files go."""
    return f"annotations/{posixpath.splitext(posixpath.basename(page.briefing.article.source_file))[0]}"


PLACEHOLDERS: dict[str, str] = {
    "anchor.exact": "the words you are annotating, copied from the page",
    "body": "Your note, in Markdown.",
    "author": "your-name-or-handle",
    "sources": "https://example.org/where-this-comes-from",
    "date": "YYYY-MM-DD",
}
"""The template's stand-ins, by field (``sources``: any of its items). The check refuses a file
that still has one (annotations/load.py), so a note cannot go in half filled in."""
PLACEHOLDER_FILE = "my-note.yml"
"""The file name the "create new file" page suggests; two notes left so would overwrite each other."""
_REPLACE_WITH = {
    "anchor.exact": "the words your note is about, copied exactly from the briefing's text",
    "body": "your note",
    "author": "your name or handle",
    "sources": "the address of a page that backs the note, or remove it (only a fact-check or a correction "
               "needs a source)",
    "date": "the day you wrote the note, as YYYY-MM-DD",
}


def skeleton(page: Page) -> str:
    """A new annotation file for this briefing, for the contributor to fill in."""
    seed = "seeds/" + posixpath.basename(page.briefing.article.source_file)
    return (f"{SCHEMA_COMMENT}\n"
            f"briefing: {seed}\n"
            "anchor:\n"
            f"  exact: \"{PLACEHOLDERS['anchor.exact']}\"\n"
            "kind: context  # context, fact-check, correction, background or definition\n"
            "body: |\n"
            f"  {PLACEHOLDERS['body']}\n"
            f"author: {PLACEHOLDERS['author']}\n"
            "sources:\n"
            f"  - {PLACEHOLDERS['sources']}\n"
            f"date: {PLACEHOLDERS['date']}\n")


def annotate_url(page: Page, repo_url: str) -> str | None:
    """GitHub's "create new file" page in this briefing's annotation folder, pre-filled with
    :func:`skeleton`; None when the repository is not on GitHub or unknown."""
    parts = urlsplit(repo_url or "")
    if parts.scheme != "https" or parts.hostname not in ("github.com", "www.github.com") \
            or len([p for p in parts.path.split("/") if p]) != 2:
        return None
    base = repo_url.rstrip("/")
    folder = quote(annotation_folder(page), safe="/")
    query = urlencode({"filename": PLACEHOLDER_FILE, "value": skeleton(page)}, quote_via=quote)
    return f"{base}/new/{BRANCH}/{folder}?{query}"


def placeholder_errors(doc: YamlDoc, text: str) -> dict[tuple, AnnotationError]:
    """Each value of an annotation file (``doc``, read from ``text``) that still holds one of the
    template's :data:`PLACEHOLDERS`, by its path; the error is at the placeholder's own line and
    column. A value that only contains one (a note written under the placeholder line) counts too."""
    data = doc.data if isinstance(doc.data, dict) else {}
    anchor = data.get("anchor") if isinstance(data.get("anchor"), dict) else {}
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    values = {("anchor", "exact"): anchor.get("exact"), ("body",): data.get("body"),
              ("author",): data.get("author"), ("date",): data.get("date")}
    values |= {("sources", i): item for i, item in enumerate(sources)}
    found = {}
    for path, value in values.items():
        name = ".".join(p for p in path if isinstance(p, str))
        placeholder = PLACEHOLDERS[name]
        if isinstance(value, str) and placeholder in " ".join(value.split()):
            line, col = _find(text, placeholder, doc.where(path))
            found[path] = AnnotationError(doc.file, line, f"{field_name(path)} is still the template's placeholder "
                                          f"“{placeholder}”", f"replace it with {_REPLACE_WITH[name]}", col=col)
    if posixpath.basename(doc.file) == PLACEHOLDER_FILE:
        found[()] = AnnotationError(doc.file, None, f"the file still has the template's name {PLACEHOLDER_FILE!r}",
                                    "rename it after what the note is about (rare-earths.yml, say), so that it "
                                    "cannot overwrite another contributor's note")
    return found


def _find(text: str, words: str, near: tuple[int, int]) -> tuple[int, int]:
    """Line and column of ``words`` in ``text`` at or after ``near`` (its field), else ``near``."""
    line, col = near
    offset = sum(len(row) + 1 for row in text.split("\n")[:line - 1]) + col - 1
    at = text.find(words, offset)
    if at < 0:
        return near
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1
