"""A seed's sidecar, ``seeds/<name>.meta.yml``: a maintainer's corrections to its header. Pure.

A seed stays exactly as it was scraped. When its headline, dates, byline or dateline were printed
wrongly, or in a form ingest cannot read, a maintainer writes the right values beside it::

    # seeds/2016-11-29-bridge.meta.yml, beside seeds/2016-11-29-bridge.txt (or .html)
    headline: Bridge to reopen in May, officials say
    published: 2016-11-29T07:46-05:00
    byline: [Jane Doe, John Roe]

Every field is optional (``generator/schemas/sidecar.schema.json``); a field given replaces what
ingest read, and only that. :func:`parse_sidecar` validates the file's bytes like an annotation
(safe YAML, the JSON Schema, ``file:line:col`` errors); :func:`apply` puts the values on the
article ingest made. A seed without a headline line or without a readable publication date can
still be built from its sidecar's ``headline`` and ``published``: ingest takes them as
``overrides`` where it would otherwise refuse the seed. Reading the file is the build's (build.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from .. import safeyaml, schemacheck
from ..errors import SeedError
from ..inputfiles import SEED_SUFFIXES, decode_utf8
from ..model import Article

SUFFIX = ".meta.yml"
"""A sidecar's name is its seed's with this in place of ``.txt`` (or ``.html``, a saved page)."""
MAX_BYTES = 16 * 1024
"""Largest sidecar accepted: five short fields take a few hundred bytes."""
SCHEMA_FILE = "sidecar.schema.json"
MOMENTS = ("published", "updated")
"""The fields that hold a date or a date and time."""


@dataclass(frozen=True)
class Sidecar:
    """A seed's validated sidecar; a field is None when the sidecar does not give it."""

    file: str
    """The sidecar's name in messages (``seeds/x.meta.yml``)."""
    headline: str | None = None
    """The headline, white space collapsed."""
    published: str | None = None
    """Publication time in the form ingest gives it: ``2016-11-29``, ``2016-11-29T07:46:00`` or
    ``2016-11-29T07:46:00-05:00``."""
    updated: str | None = None
    """Update time, in the same form."""
    byline: tuple[str, ...] | None = None
    """The writers' names in order (empty: the article has no byline)."""
    dateline: str | None = None
    """The place the story was filed from."""


def seed_stem(seed_file: str) -> str:
    """``seeds/x.txt`` or ``seeds/x.html`` → ``seeds/x``: what its sidecar is named after."""
    for suffix in SEED_SUFFIXES:
        if seed_file.endswith(suffix):
            return seed_file.removesuffix(suffix)
    return seed_file


def sidecar_name(seed_file: str) -> str:
    """``seeds/x.txt`` (or ``seeds/x.html``) → ``seeds/x.meta.yml``."""
    return seed_stem(seed_file) + SUFFIX


DATE_EXAMPLE = "published: 2019-03-12T14:05+00:00"
"""The sidecar line a hint shows for a seed without a readable date."""


def hint(seed_file: str, example: str, otherwise: str = "") -> str:
    """The hint for a seed that lacks a value its sidecar can give: the sidecar first, since a
    seed stays as scraped, then ``otherwise`` (what to do when the scrape itself lost the value)."""
    sidecar = f"set it in {sidecar_name(seed_file)} ({example}), which leaves the seed as scraped"
    return f"{sidecar}; or, {otherwise}" if otherwise else sidecar


_MOMENT_HINT = ("write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM, with the UTC offset if known, "
                "e.g. 2019-03-12 or 2019-03-12T14:05+00:00")
FORMAT = schemacheck.SchemaFormat(
    name="sidecar", schema_file=SCHEMA_FILE, error_class=SeedError, guide="generator/schemas/sidecar.schema.json",
    value_hints={"published": _MOMENT_HINT, "updated": _MOMENT_HINT, "headline": "write it on one line, not blank",
                 "byline": "write each name on one line, not blank", "dateline": "write it on one line, not blank"},
)
"""The sidecar format: its schema and the hints its errors carry."""


def parse_sidecar(data: bytes, file: str) -> tuple[Sidecar | None, list[SeedError]]:
    """A sidecar file's bytes validated: the sidecar, or None and every problem in it."""
    try:
        doc = safeyaml.load(decode_utf8(data, file, SeedError), file, SeedError)
    except SeedError as error:
        return None, [error]
    values = _moments_as_text(doc.data)
    errors = schemacheck.schema_errors(doc, values, FORMAT)
    if not errors:  # the right form: do the dates exist?
        errors = [error for field in MOMENTS if field in values
                  if (error := _impossible(doc, field, values[field])) is not None]
    if errors:
        return None, errors
    return Sidecar(
        file=file,
        headline=_one_line(values["headline"]) if "headline" in values else None,
        published=_normal(values["published"]) if "published" in values else None,
        updated=_normal(values["updated"]) if "updated" in values else None,
        byline=tuple(map(_one_line, values["byline"])) if "byline" in values else None,
        dateline=_one_line(values["dateline"]) if "dateline" in values else None,
    ), []


def _one_line(text: str) -> str:
    """White space collapsed, as ingest gives a header's text."""
    return " ".join(text.split())


def _moments_as_text(data: object) -> object:
    # YAML reads an unquoted 2016-11-29 as a date and 2016-11-29T07:46:00-05:00 as a datetime;
    # the format (and JSON) has them as text. (2016-11-29T07:46 stays text: YAML wants seconds.)
    if not isinstance(data, dict):
        return data
    return data | {field: data[field].isoformat() for field in MOMENTS
                   if isinstance(data.get(field), datetime.date)}


def _parse(value: str) -> datetime.date:
    return datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value)


def _impossible(doc: safeyaml.YamlDoc, field: str, value: str) -> SeedError | None:
    """An error when a date or time of the right form does not exist (30 February, 25:00)."""
    try:
        _parse(value)
    except ValueError as exc:
        return doc.error(SeedError, (field,), f"{field} {value!r} is not a real date or time ({exc})",
                         "check the day, month, hour and offset")
    return None


def _normal(value: str) -> str:
    """A date or time in the form ingest writes: seconds always, ``Z`` as ``+00:00``."""
    return _parse(value).isoformat()


def apply(article: Article, sidecar: Sidecar) -> Article:
    """The article with every field its sidecar gives replaced; its text stays as scraped."""
    changes: dict[str, object] = {}
    for field, value in (("title", sidecar.headline), ("published", sidecar.published),
                         ("updated", sidecar.updated), ("authors", sidecar.byline),
                         ("dateline", sidecar.dateline)):
        if value is not None and value != getattr(article, field):
            changes[field] = value
    if changes.keys() & set(MOMENTS):
        changes["time_zone"] = _zone_label(article, changes)
    if sidecar.published is not None:
        changes["inferred"] = ()  # the maintainer's date: nothing of it is inferred
    return replace(article, **changes) if changes else article


def _offset(value: str | None) -> datetime.timedelta | None:
    return _parse(value).utcoffset() if value and "T" in value else None


def _zone_label(article: Article, changes: dict[str, object]) -> str | None:
    """The zone abbreviation the seed printed ("IST") is shown beside every time of the page, so
    it stays only while each corrected time still has the offset it stood for (ingest takes the
    zone of the published time before the updated one's)."""
    if article.time_zone is None:
        return None
    stood_for = _offset(article.published)
    if stood_for is None:
        stood_for = _offset(article.updated)
    for field in MOMENTS:
        value = changes.get(field)
        if isinstance(value, str) and "T" in value and _offset(value) != stood_for:
            return None
    return article.time_zone
