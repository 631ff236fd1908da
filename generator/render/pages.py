"""Briefing pages, the home page and the briefings index.

Pages are Jinja2 templates (generator/templates/, one per page type plus partials) rendered with
StrictUndefined and an escaping guard: a template may print only values that went through
``|md`` (Markdown context) or ``|html`` (raw-HTML context), numbers, or links made by ``link``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

import jinja2
import yaml
from markupsafe import Markup

from .. import dates
from ..annotations import annotate_url, render_body
from ..entitytypes import ENTITY_TYPES
from ..mdtext import Md, escape_html, escape_md, md_url
from ..model import Archive, Page, Quote
from . import events
from .decorators import PARAGRAPH_DECORATORS
from .inline import Insert, Wrap, decorate

HOME_LATEST = 20
"""How many briefings the home page lists; the rest are reached through the briefings index."""

FRONT_MATTER_KEYS = ("title", "description", "date", "updated", "authors", "dateline", "source", "tags", "hide",
                     "search")
"""Front-matter keys in the fixed order they are written."""




class QuoteGroup(NamedTuple):
    """One speaker's quotes in a briefing, for the "Who said what" section."""

    speaker: str | None
    """Entity id of the speaker, when the speaker is an entity."""
    name: str | None
    """The speaker's canonical name, when known (shown when the speaker has no entity page)."""
    quotes: list[tuple[str, list[int]]]
    """Each distinct quote text with the paragraphs (0-based) it appears in, in text order."""


def quote_groups(quotes: Iterable[Quote]) -> list[QuoteGroup]:
    """Quotes grouped by speaker in order of first quote, unidentified speakers last; a text said
    twice by one speaker (a repeated line, a quote and its paraphrase) is listed once."""
    groups: dict[tuple[str | None, str | None], dict[str, list[int]]] = {}
    for quote in quotes:
        key = (quote.speaker, quote.speaker_name)
        paragraphs = groups.setdefault(key, {}).setdefault(quote.text, [])
        if quote.paragraph not in paragraphs:
            paragraphs.append(quote.paragraph)
    ordered = sorted(groups.items(), key=lambda item: item[0] == (None, None))  # stable
    return [QuoteGroup(speaker, name, list(texts.items())) for (speaker, name), texts in ordered]


def _guard(value: object) -> object:
    if isinstance(value, (Md, Markup)) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    if value is None:
        raise jinja2.TemplateError("a template printed None; guard it with {% if %}")
    raise jinja2.TemplateError(f"unescaped value {str(value)[:40]!r} printed by a template: use |md or |html")


def paragraph_link(index: int) -> Md:
    """The one form of a link to a paragraph of the briefing on its own page (``index``: 0-based):
    "¶ 3", with a tooltip and an accessible name that say what the mark is, since "¶" alone
    means nothing to many readers (Material's content.tooltips shows the title on hover and
    focus; screen readers read the label instead of "pilcrow 3")."""
    number = int(index) + 1
    label = f"Go to paragraph {number} of the article"
    return Md(f'<a class="briefing-para-link" href="#p{number}" title="{label}" aria-label="{label}">'
              f'¶&nbsp;{number}</a>')


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=_guard,
        autoescape=False,  # the output is Markdown; escaping is explicit, see _guard
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_md
    env.filters["html"] = escape_html
    env.filters["date"] = lambda v: escape_html(dates.display_date(v))
    env.globals["decorate"] = decorate
    env.globals["quote_groups"] = quote_groups
    env.globals["paragraph_link"] = paragraph_link
    env.globals["entity_types"] = ENTITY_TYPES
    env.globals.update(timeline_of=events.timeline_of, timeline_path=events.timeline_path,
                       timeline_anchor=events.timeline_anchor, marked_sentence=events.marked_sentence,
                       marked_excerpt=events.marked_excerpt)
    env.filters["datetime"] = lambda v, zone=None: escape_html(dates.display_datetime(v, zone))
    # A timeline Event's date at its own precision ("February 2026", "around 20 May 2026").
    env.filters["when"] = lambda e: escape_html(dates.display_event_date(e.date, e.precision, e.approximate))
    # Annotation bodies are untrusted Markdown: rendered and sanitised to HTML (annotations.body).
    env.filters["note_body"] = lambda annotation: render_body(annotation.body)
    env.filters["annotate_url"] = lambda page, repo_url: escape_html(annotate_url(page, repo_url) or "")
    return env


ENV = _environment()


@lru_cache(maxsize=1 << 16)
def relative(from_path: str, to_path: str) -> Md:
    """A Markdown link target from one docs/ file to another (MkDocs validates and rewrites it)."""
    # Called for every link of every page (millions at 10,000 briefings), mostly with pairs seen
    # before, hence the cache; on absolute paths relpath skips the os.getcwd() it otherwise makes.
    target = posixpath.relpath("/" + to_path, "/" + posixpath.dirname(from_path))
    return md_url(target)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's safe dumper when PyYAML has it (same output, six times faster: front matter is
written for every page); the pure-Python one otherwise."""


LISTING = {"search": {"exclude": True}}
"""Front matter of a page that only lists what other pages hold (indexes, month and timeline
pages, further pages of an entity's lists): kept out of search, so that a query finds the
briefing or the entity itself rather than every list that repeats its title. Material's search
reads the key; for Pagefind, overrides/main.html marks only the other pages as searchable."""


def front_matter(fields: dict) -> str:
    """YAML front matter in the fixed key order, written by the YAML dumper (never by hand)."""
    ordered = {key: _one_line(fields[key]) for key in FRONT_MATTER_KEYS
               if fields.get(key) not in (None, [], "")}
    body = yaml.dump(ordered, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{body}---\n\n"


def _one_line(value):
    # Front-matter values are single lines: no value can look like the closing "---" line.
    # Text is HTML-escaped: MkDocs renders theme templates without autoescaping and Material
    # prints page.meta.title, description and tags as raw HTML (<title>, <meta content>, header,
    # tag chips), so front-matter text must already be HTML-safe. See SECURITY.md.
    if isinstance(value, str):
        return str(escape_html(" ".join(value.split())))
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    return value


def page_url(path: str) -> str:
    """The site URL of a docs/ file, relative to the site root, as MkDocs writes it with
    ``use_directory_urls`` (its default, and this project's): ``a/b.md`` → ``a/b/``,
    ``a/index.md`` → ``a/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-5]
    return stem if not stem or stem.endswith("/") else stem + "/"


@lru_cache(maxsize=1 << 16)
def href(from_path: str, to_path: str, anchor: str = "", engine: str = "mkdocs") -> Md:
    """An HTML ``href`` from one docs/ file's page to another's (``#anchor`` optional), for the
    raw-HTML lists of large pages (see ``Linker``). Cached, on absolute paths, like ``relative``.

    MkDocs and ProperDocs leave raw HTML as written, so the href is relative to the page's URL
    (``a/b.md`` is served at ``a/b/``). Zensical rewrites relative links in raw HTML as it does
    Markdown links, against the Markdown file, so for ``engine="zensical"`` the href names the
    target file (``../c.md#x``) and Zensical turns it into the page's URL."""
    if engine == "zensical":
        target = "" if to_path == from_path and anchor else posixpath.relpath("/" + to_path, "/" + posixpath.dirname(from_path))
    else:
        target = posixpath.relpath("/" + page_url(to_path), "/" + page_url(from_path))
        target = "" if target == "." and anchor else ("./" if target == "." else target + "/")
    return escape_html(target + (f"#{anchor}" if anchor else ""))


class Linker:
    """Links from one docs/ file, for templates: ``link(to)`` is a Markdown link target (MkDocs
    validates and rewrites it); ``link.url(to, anchor)`` an HTML href for raw-HTML lists.

    Why raw HTML at all: Python-Markdown converts about 1.5 MB of Markdown a second, and passes
    a raw HTML block through at roughly twice that (measured on entity pages: 4.4 ms against 2.2 ms
    a page), with no per-link rewriting. The long generated lists (timelines, an entity's briefings
    and quotes, a briefing's people, quotes and related briefings) are therefore written as HTML,
    every text HTML-escaped; MkDocs does not check links in raw HTML, so the tests crawl every link
    of a built site instead (tests/linkcheck.py)."""

    def __init__(self, from_path: str, engine: str = "mkdocs"):
        self.from_path = from_path
        self.engine = engine
        """The site engine docs/ is written for (``Archive.engine``): how ``url`` writes an href."""

    def __call__(self, to_path: str) -> Md:
        return relative(self.from_path, to_path)

    def url(self, to_path: str, anchor: str | int = "") -> Md:
        return href(self.from_path, to_path, str(anchor), self.engine)



def render_briefing(page: Page, archive: Archive) -> str:
    article = page.briefing.article
    meta = front_matter({
        "title": article.title,
        "description": article.dek or (article.paragraphs[0][:200] if article.paragraphs else None),
        "date": article.published,
        "updated": article.updated,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "source": article.source_file,
        "tags": list(page.tags),  # topics and main entities, chosen by the link stage
    })
    link = Linker(page.path, archive.engine)
    wraps: dict[int, list[Wrap]] = {}
    inserts: dict[int, list[Insert]] = {}
    for decorator in PARAGRAPH_DECORATORS:
        for paragraph, item in decorator(page, archive, link):
            (wraps if isinstance(item, Wrap) else inserts).setdefault(paragraph, []).append(item)
    body = ENV.get_template("briefing.md.j2").render(
        page=page, briefing=page.briefing, article=article, archive=archive, link=link,
        paragraph_wraps=lambda i: wraps.get(i, []), paragraph_inserts=lambda i: inserts.get(i, []))
    return meta + body


def render_home(archive: Archive) -> str:
    meta = front_matter({"title": "Home", "hide": ["navigation", "toc"]})
    return meta + ENV.get_template("home.md.j2").render(
        archive=archive, latest=archive.pages[:HOME_LATEST], link=Linker("index.md", archive.engine))


INDEX_PAGE_SIZE = 100
"""Briefings per page of the briefings index: each page stays small however large the archive
grows, so rendering and building the index is linear in the number of briefings."""


def index_page_path(number: int) -> str:
    """docs/ path of page ``number`` (1-based) of the briefings index."""
    return "briefings/index.md" if number == 1 else f"briefings/page/{number}.md"


def render_briefing_index(archive: Archive, page_size: int = INDEX_PAGE_SIZE) -> dict[str, str]:
    """The briefings index, newest first, ``page_size`` briefings a page, grouped by month."""
    chunks = [archive.pages[i:i + page_size] for i in range(0, len(archive.pages), page_size)] or [()]
    out = {}
    for number, chunk in enumerate(chunks, 1):
        months: dict[str, list[Page]] = {}
        for page in chunk:
            months.setdefault(page.briefing.article.published[:7], []).append(page)
        path = index_page_path(number)
        title = "All briefings" if number == 1 else f"All briefings, page {number}"
        meta = front_matter({"title": title, **LISTING})
        out[path] = meta + ENV.get_template("briefings_index.md.j2").render(
            archive=archive, months=months, link=Linker(path, archive.engine), number=number, count=len(chunks),
            first=(number - 1) * page_size + 1, last=(number - 1) * page_size + len(chunk),
            pager=_pager(number, len(chunks)), page_path=index_page_path,
            month_name=lambda ym: escape_html(dates.display_date(ym + "-01").split(" ", 1)[1]))
    return out


def _pager(number: int, count: int) -> list[int | None]:
    """Page numbers to offer: first, last and two either side of the current; None marks a gap."""
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    pager: list[int | None] = []
    for n in shown:
        if pager and n - pager[-1] > 1:
            pager.append(None)
        pager.append(n)
    return pager


def files(archive: Archive, briefings: bool = True) -> dict[str, str]:
    """The briefing pages, the home page and the briefings index. ``briefings=False`` leaves out
    the briefing pages, which render() then spreads over worker processes."""
    out = {"index.md": render_home(archive), **render_briefing_index(archive)}
    for page in archive.pages if briefings else ():
        out[page.path] = render_briefing(page, archive)
    return out
