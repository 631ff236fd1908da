"""The data that flows through the pipeline: small frozen dataclasses, one per stage output.

seeds/*.txt --ingest--> Article --extract--> Briefing --link--> Archive --render--> docs/

Every field is plain data (str, int, tuples, other dataclasses) so that results can be cached by
content hash, compared in tests and serialised to ``archive.json`` without custom code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Removed:
    """A line that ingest dropped as page junk, kept so evaluation and `check` can report it."""

    line: int
    """1-based line number in the seed file."""
    text: str
    """The line as it stood in the seed."""
    rule: str
    """Name of the junk rule that removed it (see generator.ingest.junk)."""


@dataclass(frozen=True)
class Article:
    """A seed as scraped, parsed into its parts; the output of ingest."""

    source_file: str
    """Path of the seed relative to the project root, with forward slashes (``seeds/x.txt``)."""
    title: str
    """The headline, as published."""
    dek: str | None
    """The standfirst under the headline, or None when the seed has none."""
    authors: tuple[str, ...]
    """Byline names in order; empty when the seed has no byline."""
    reading_time: int | None
    """Minutes of reading time the source states ("4 min read"), or None."""
    dateline: str | None
    """Place the story was filed from ("New Delhi"), or None."""
    published: str
    """Publication (or, if only that is given, update) time: ISO 8601, with the source's offset
    when the source states a time zone; a date alone (``2019-03-12``) when it gives no time."""
    updated: str | None
    """Update time in the same form, when the source labels its date "Updated"; else None."""
    caption: str | None
    """Photo caption without its credit, or None."""
    caption_credit: str | None
    """Photo credit from the caption's trailing parenthesis ("AP Photo"), or None."""
    paragraphs: tuple[str, ...]
    """Clean body paragraphs in order: junk removed, split sentences joined, inline Markdown
    resolved to plain text. The article's own words are never rewritten."""
    paragraph_lines: tuple[int, ...]
    """1-based seed line on which each paragraph starts (same length as ``paragraphs``)."""
    removed: tuple[Removed, ...] = ()
    """Junk lines that were dropped, in file order."""
    time_zone: str | None = None
    """The time-zone abbreviation as the source printed it ("IST"), for display; None if none."""
    subheadings: tuple["Subheading", ...] = ()
    """The text's own subheadings, in order."""
    inferred: tuple["Inference", ...] = ()
    """Parts of the publication date the page does not print, which ingest filled in."""


@dataclass(frozen=True)
class Inference:
    """A part of the publication date the page does not print, and how ingest filled it in."""

    part: str
    """What was inferred: "year", or "date" when the date came from away from the header."""
    value: str
    """The value taken ("2019")."""
    source: str
    """Where it came from, for readers: "another date on the page", "the page's copyright line"."""
    line: int
    """1-based seed line of the date it concerns."""


@dataclass(frozen=True)
class Subheading:
    """A subheading inside the article's text ("An infinite arsenal")."""

    before: int
    """0-based index of the paragraph it stands above (``len(paragraphs)`` at the very end)."""
    text: str
    """Its plain text."""
    line: int
    """1-based seed line it stands on."""


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named."""

    paragraph: int
    """0-based index into the article's paragraphs."""
    start: int
    """Character offset of the mention within that paragraph."""
    end: int
    """Offset one past the mention's last character."""
    text: str
    """The surface form exactly as in the text ("Jaishankar")."""


@dataclass(frozen=True)
class EntityRef:
    """An entity as found in one briefing: canonical identity plus the mentions of it there."""

    id: str
    """Stable id: the registry id, or a slug of the name for entities not in the registry."""
    name: str
    """Canonical name."""
    type: str
    """One of person, organisation, place, agreement, event, other."""
    role: str | None
    """Title or role as known from the registry or the text ("US Secretary of State")."""
    mentions: tuple[Mention, ...]
    """Every mention in this briefing, in text order."""
    in_registry: bool
    """True when the entity comes from the curated registry, False when it was detected."""


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    text: str
    """The quoted words, without the quotation marks."""
    speaker: str | None
    """Entity id of the speaker, or None when it cannot be told."""
    speaker_name: str | None
    """Canonical name of the speaker, or None."""
    paragraph: int
    """0-based paragraph index where the quote starts."""


@dataclass(frozen=True)
class Event:
    """A date expression resolved to a calendar date: one point on a timeline."""

    date: str
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` according to precision."""
    precision: str
    """day, month or year."""
    approximate: bool
    """True when the text only places it near that date ("days after", "later that month")."""
    text: str
    """The date expression as written ("on Tuesday")."""
    sentence: str
    """The sentence it comes from."""
    paragraph: int
    """0-based paragraph index."""
    entities: tuple[str, ...]
    """Ids of the entities named in the same sentence."""


@dataclass(frozen=True)
class Amount:
    """A sum of money or a quantity, normalised."""

    text: str
    """The expression as written ("$30 billion")."""
    value: float
    """Numeric value in base units (30000000000)."""
    currency: str | None
    """ISO 4217 code for money, else None."""
    unit: str | None
    """Unit for quantities ("tonne"), else None."""
    paragraph: int
    """0-based paragraph index."""


@dataclass(frozen=True)
class KeyPoint:
    """An "At a glance" line: a sentence of the article's own words."""

    text: str
    """The sentence, verbatim."""
    paragraph: int
    """0-based paragraph index it comes from."""


@dataclass(frozen=True)
class Briefing:
    """Everything learnt from one article on its own; the output of extract."""

    article: Article
    """The ingested article."""
    slug: str
    """URL-safe base slug from the headline (made unique across the archive by link)."""
    entities: tuple[EntityRef, ...] = ()
    """Entities mentioned, in order of first mention."""
    quotes: tuple[Quote, ...] = ()
    """Direct quotations in text order."""
    events: tuple[Event, ...] = ()
    """Resolved dates in text order."""
    amounts: tuple[Amount, ...] = ()
    """Money and quantities in text order."""
    key_points: tuple[KeyPoint, ...] = ()
    """The "At a glance" sentences."""
    tags: tuple[str, ...] = ()
    """Topic tags (the phrases the article keeps coming back to: extract/topics.py), sorted."""


@dataclass(frozen=True)
class Related:
    """Another briefing that shares entities with this one, and why it was chosen."""

    slug: str
    """Unique slug of the related briefing."""
    score: float
    """Sum of the rarity weights (inverse document frequency) of the shared entities."""
    shared: tuple[str, ...]
    """Ids of the shared entities, rarest (most telling) first."""


@dataclass(frozen=True)
class TextQuote:
    """Where an annotation points: a W3C Web Annotation TextQuoteSelector."""

    exact: str
    """The annotated words, exactly as in the briefing's text."""
    prefix: str = ""
    """Words just before ``exact``, to tell repeated words apart ("" when not needed)."""
    suffix: str = ""
    """Words just after ``exact`` ("" when not needed)."""


@dataclass(frozen=True)
class Annotation:
    """A contributor's note, as loaded and validated from one ``annotations/**/*.yml`` file."""

    id: str
    """File path under annotations/ without extension (``000_e80ecc7bd58d023e/forge``)."""
    file: str
    """The file as named in messages (``annotations/000_e80ecc7bd58d023e/forge.yml``)."""
    briefing: str
    """The briefing it is about, as written: a seed file (``seeds/x.txt``) or a briefing slug."""
    anchor: TextQuote
    """The words it is anchored to."""
    kind: str
    """context, fact-check, correction, background or definition."""
    body: str
    """The note in Markdown, untrusted (rendered and sanitised only by annotations.body)."""
    author: str
    """Contributor's name or handle."""
    sources: tuple[str, ...]
    """http(s) URLs backing the note, in the order given."""
    date: str
    """``YYYY-MM-DD`` the note was written."""
    anchor_at: tuple[int, int] = (1, 1)
    """Line and column of ``anchor.exact`` in the file, for anchoring errors."""
    briefing_at: tuple[int, int] = (1, 1)
    """Line and column of ``briefing`` in the file."""


@dataclass(frozen=True)
class PlacedAnnotation:
    """An annotation after anchoring against its briefing's current text."""

    annotation: Annotation
    """The annotation as contributed."""
    status: str
    """``anchored`` or ``orphaned`` (its words could not be found, or found more than once)."""
    paragraph: int | None = None
    """0-based paragraph the anchor is in; None when orphaned."""
    start: int | None = None
    """Offset of the anchored words within the paragraph; None when orphaned."""
    end: int | None = None
    """Offset one past the anchored words; None when orphaned."""
    method: str | None = None
    """How it was found: ``exact``, ``context`` (by prefix and suffix) or ``fuzzy``; None if orphaned."""
    score: float | None = None
    """Similarity (0–100) of the words found to ``anchor.exact``; 100 for an exact match."""
    reason: str | None = None
    """Why it is orphaned, in a few words; None when anchored."""

    @property
    def anchored(self) -> bool:
        return self.status == "anchored"


@dataclass(frozen=True)
class Page:
    """A briefing placed in the archive: its final slug and URL."""

    briefing: Briefing
    """The per-seed result."""
    slug: str
    """Unique slug across the archive."""
    url: str
    """Site-relative URL with a trailing slash (``briefings/2026/05/slug/``)."""
    path: str
    """Markdown path under docs/ (``briefings/2026/05/slug.md``)."""
    related: tuple[Related, ...] = ()
    """Related briefings, best first (filled by link)."""
    tags: tuple[str, ...] = ()
    """Tags for the front matter: the briefing's topics, then its main entities as
    ``Type/Name`` (filled by link)."""
    annotations: tuple[PlacedAnnotation, ...] = ()
    """Annotations on this briefing, anchored ones in text order (paragraph, start), then
    orphaned ones by file (filled by annotations.attach)."""


@dataclass(frozen=True)
class Sighting:
    """One briefing that mentions an entity, for the entity's page."""

    slug: str
    """Slug of the briefing."""
    paragraph: int
    """0-based paragraph of the first mention."""
    sentence: str
    """The sentence holding the first mention, verbatim."""
    count: int
    """How many times the briefing mentions the entity."""


@dataclass(frozen=True)
class Saying:
    """A quotation placed in the archive: what was said, where and when."""

    slug: str
    """Slug of the briefing it appears in."""
    quote: Quote
    """The quotation as extracted."""


@dataclass(frozen=True)
class TimelineEntry:
    """An event placed in the archive: the event and the briefing it comes from."""

    slug: str
    """Slug of the briefing."""
    index: int
    """0-based position of the event in its briefing's events (its anchor there is ``e<index+1>``)."""
    event: Event
    """The resolved date and its sentence."""


@dataclass(frozen=True)
class EntityRecord:
    """One entity across the whole archive: what its page shows."""

    id: str
    """Entity id as in the briefings (registry id or detected-name slug)."""
    name: str
    """Canonical name."""
    type: str
    """person, organisation, place, agreement, event or other."""
    role: str | None
    """Main title or role, or None."""
    description: str | None
    """Short description from the registry, or None."""
    aliases: tuple[str, ...]
    """Other names: registry aliases plus every surface form met in the text, sorted."""
    in_registry: bool
    """True when the curated registry knows it."""
    path: str
    """Markdown path of its page under docs/ (``entities/people/marco-rubio.md``)."""
    sightings: tuple[Sighting, ...]
    """Briefings that mention it, newest first."""
    sayings: tuple[Saying, ...]
    """Everything it said across the archive, oldest briefing first, in text order."""
    timeline: tuple[TimelineEntry, ...]
    """Events whose sentence names it, in date order."""
    co_mentions: tuple[tuple[str, int], ...]
    """(entity id, number of briefings mentioning both), most frequent first."""


ENGINES = ("mkdocs", "properdocs", "zensical")
"""The site engines docs/ can be written for (``build --engine``). The Markdown, front matter and
JSON are the same for all; they differ in one thing: MkDocs and ProperDocs leave a link in raw HTML
as written (relative to the page's URL), Zensical resolves it against the Markdown file as it does
a Markdown link (render/pages.href)."""


@dataclass(frozen=True)
class Archive:
    """The whole archive after link: every page, newest first, and what ties them together."""

    pages: tuple[Page, ...]
    """Briefing pages, newest first (ties broken by source file)."""
    entities: tuple[EntityRecord, ...] = ()
    """Every entity met in any briefing, sorted by id (filled by link)."""
    timeline: tuple[TimelineEntry, ...] = ()
    """Every event of every briefing in date order (filled by link)."""
    site_url: str = ""
    """Absolute base URL of the published site (``https://example.org/archive/``), or "" when
    unknown; only feeds need it."""
    orphaned_annotations: tuple[PlacedAnnotation, ...] = ()
    """Annotations whose briefing is not in the archive, by file (filled by annotations.attach)."""
    repo_url: str = ""
    """The source repository (``repo_url`` in mkdocs.yml), for "Annotate this page" links; ""
    when unknown."""
    engine: str = "mkdocs"
    """The site engine that builds docs/ (one of ``ENGINES``): how links in raw HTML are written."""

    @cached_property
    def by_slug(self) -> dict[str, Page]:
        """Pages by slug (built once on first use; the archive is immutable)."""
        return {page.slug: page for page in self.pages}

    @cached_property
    def by_entity(self) -> dict[str, EntityRecord]:
        """Entity records by id."""
        return {entity.id: entity for entity in self.entities}
