"""Score ingest on the real-world corpus, both halves, beside trafilatura: ``make eval``.

The corpus is split **by site** (a site's pages all fall in one half, so a rule cannot learn a
site's furniture on one half and be scored on it in the other): a site is in the locked half
when the first byte of the SHA-256 of its name is odd. Rules are tuned on the tuning half only;
the locked half is scored for changes meant to be kept.

Per page and per seed style (``markdown``, ``plain``) the fields are scored against
``tests/realworld/gold/<id>.yml`` (conventions in its README):

* **built**: the seed was ingested without an error, counted over pages whose gold has a date;
* **headline**, **byline**: equal to the gold once case, spacing and punctuation are folded;
* **date**: the published time equals the gold at the gold's precision (day; minute; offset when
  the gold has one); **date (day)** the calendar day alone, which is all trafilatura reports;
* **junk removed**: of the seed's junk lines (lines that are no gold text), the share that is not
  in the body; a junk line whose words stand inside a gold paragraph is left out as ambiguous;
* **body sentences kept**: of the gold body's sentences, the share that is in the body;
* **subheadings found**: of the gold subheadings, the share given as subheadings; and of the
  subheadings given, the share that are gold (precision: a wrong one is a ``##`` on the page);
* **dates given where the page shows none**: of the pages whose gold has no date, the share
  given one anyway (lower is better; such a date is a guess from a caption or another story).

Text is compared as whole words once case, spacing and punctuation are folded.

A page that is refused scores 0 on every field but *built* (all its gold sentences are lost and
none of its junk counts as removed). A page whose gold has no date is refused by design (a seed
with no date is an error, and its message names the sidecar that gives one); its other fields
are scored as the maintainer then sees them: ingested again with a sidecar giving a stand-in date,
which is not scored. Micro-averages over lines and sentences, page shares for the
rest. trafilatura is scored the same way on the saved HTML (``tests/realworld/anchor``): it sees
the markup, our text ingest only the text.

The **html** column is our ingest of the saved page itself, as a ``seeds/*.html`` seed
(:mod:`generator.ingest.html`), scored the same way against the same gold and the plain seed's
junk lines. The pages are not committed: they are read from the source repositories' git copies
(``--mirrors``, as :mod:`tools.realworld.corpus` reads them) and checked against the SHA-256 in
``provenance.json``; a page that is not there is left out of the column, and the report says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import yaml

from generator.errors import SeedError
from generator.ingest import ingest
from generator.inputfiles import strip_control_bytes
from generator.ingest.inline import plain as inline_plain
from generator.ingest.sidecar import Sidecar, sidecar_name

from .corpus import saved_pages

ROOT = Path(__file__).resolve().parents[2] / "tests" / "realworld"
STYLES = ("markdown", "plain")
HALVES = ("tuning", "locked")
FIELDS = (
    ("built", "seeds built"), ("headline", "headline"), ("date", "date"), ("date_day", "date (day)"),
    ("byline", "byline"), ("junk", "junk lines removed"), ("sentences", "body sentences kept"),
    ("subheadings", "subheadings found"), ("subheading_precision", "subheadings given that are gold"),
    ("invented", "dates given where the page shows none (lower is better)"),
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def half_of(site: str) -> str:
    """The half a site belongs to (see the module docstring)."""
    return "locked" if hashlib.sha256(site.encode()).digest()[0] % 2 else "tuning"


def fold(text: str) -> str:
    """Text with case, spacing and punctuation folded, for comparing."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'").replace("'", "")).split())


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if len(fold(s).split()) >= 2]


@dataclass(frozen=True)
class Reading:
    """What one extractor made of one page."""

    built: bool
    """False when the seed was refused."""
    headline: str | None = None
    """The headline it found."""
    published: str | None = None
    """The publication time, ISO 8601 (a date alone when that is all it gives)."""
    byline: tuple[str, ...] = ()
    """The credited names."""
    body: tuple[str, ...] = ()
    """Body paragraphs and subheadings, plain text."""
    subheadings: tuple[str, ...] = ()
    """The body's subheadings."""


@dataclass
class Tally:
    """Counts for one extractor over a set of pages: hits and totals per field."""

    hits: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in FIELDS})
    totals: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in FIELDS})
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, hit: int, total: int = 1) -> None:
        self.hits[key] += hit
        self.totals[key] += total

    def score(self, key: str) -> float | None:
        return self.hits[key] / self.totals[key] if self.totals[key] else None


_STAND_IN_DATE = "2000-01-01"
"""The date a maintainer's sidecar gives a page that shows none (see the module docstring)."""


def read_ours(data: bytes, name: str, dated: bool = True) -> Reading:
    """What ingest makes of a seed; ``dated``: the page shows a date (its gold has one)."""
    data, _warnings = strip_control_bytes(data, name)  # as the build's edge does
    try:
        article = ingest(data, name)
    except SeedError:
        if dated:
            return Reading(built=False)
        try:
            article = ingest(data, name, Sidecar(file=sidecar_name(name), published=_STAND_IN_DATE))
        except SeedError:
            return Reading(built=False)
        article = replace(article, published=None)
    heading_texts = tuple(heading.text for heading in article.subheadings)
    return Reading(
        built=True, headline=article.title, published=article.published, byline=tuple(article.authors),
        body=tuple(article.paragraphs) + heading_texts, subheadings=heading_texts,
    )


def read_anchor(record: dict) -> Reading:
    lines = [line.strip() for line in record.get("body", "").splitlines() if line.strip()]
    heads = tuple(inline_plain(l.lstrip("#").strip()) for l in lines if l.startswith("#"))
    body = tuple(inline_plain(re.sub(r"^(?:[-*+]|\d+\.)\s+|^>\s*", "", l.lstrip("#").strip())) for l in lines)
    author = record.get("author") or ""
    return Reading(
        built=bool(body), headline=record.get("title"), published=record.get("date"),
        byline=tuple(n.strip() for n in re.split(r";|,| and ", author) if n.strip()),
        body=body, subheadings=heads,
    )


def _date_parts(value: str) -> tuple:
    """(date, "HH:MM" or None, UTC offset in minutes or None) of an ISO 8601 string."""
    value = value.strip().replace("Z", "+00:00")
    if len(value) == 10:
        return value, None, None
    moment = datetime.fromisoformat(value)
    offset = moment.utcoffset()
    return moment.date().isoformat(), moment.strftime("%H:%M"), (
        None if offset is None else int(offset.total_seconds() // 60)
    )


def date_matches(found: str | None, gold: str) -> tuple[bool, bool]:
    """(right at the gold's precision, right calendar day)."""
    if not found:
        return False, False
    try:
        want, got = _date_parts(str(gold)), _date_parts(found)
    except ValueError:
        return False, False
    day = want[0] == got[0]
    exact = day and (want[1] is None or want[1] == got[1]) and (want[2] is None or want[2] == got[2])
    return exact, day


def gold_texts(gold: dict) -> list[str]:
    texts = [gold.get("headline") or "", gold.get("dek") or "", gold.get("published_shown") or ""]
    texts += gold.get("captions") or []
    texts += [next(iter(item.values())) for item in gold.get("body") or []]
    return [t for t in texts if t]


def _is_meta_line(line: str, gold: dict) -> bool:
    """A byline or date line: holds a credited name or the shown date, and little else."""
    folded = fold(line)
    if len(folded.split()) > 25:
        return False
    shown = fold(gold.get("published_shown") or "")
    if shown and (shown in folded or folded in shown):
        return True
    return any(fold(name) and fold(name) in folded for name in gold.get("byline") or [])


def _kept(line: str, body: list[str]) -> bool:
    folded = fold(line)
    for paragraph in body:
        if folded == paragraph or (len(folded.split()) >= 4 and _within(folded, paragraph)):
            return True
        if paragraph.startswith(folded + " ") or paragraph.endswith(" " + folded):
            return True
    return False


def score_page(tally: Tally, reading: Reading, gold: dict, seed_lines: list[str], page_id: str) -> None:
    has_date = gold.get("published") is not None
    if has_date:
        tally.add("built", int(reading.built))
    if not reading.built:
        tally.misses.append(f"{page_id}: refused")
    tally.add("headline", int(reading.built and fold(reading.headline or "") == fold(gold["headline"])))
    if has_date:
        exact, day = date_matches(reading.published, gold["published"]) if reading.built else (False, False)
        tally.add("date", int(exact))
        tally.add("date_day", int(day))
    else:
        tally.add("invented", int(reading.built and bool(reading.published)))
    want = sorted(fold(n) for n in gold.get("byline") or [])
    tally.add("byline", int(reading.built and sorted(fold(n) for n in reading.byline) == want))
    body = [fold(p) for p in reading.body]
    gold_body = [fold(next(iter(item.values()))) for item in gold.get("body") or []]
    known = {fold(t) for t in gold_texts(gold)}
    # A junk line whose words stand inside a gold paragraph (a pull quote, a repeated sentence)
    # is ambiguous and left out; words, not characters: "Share" inside "shareholders" counts.
    junk = [
        line for line in seed_lines
        if fold(line) and fold(line) not in known and not _is_meta_line(line, gold)
        and not any(_within(fold(line), g) for g in gold_body)
    ]
    tally.add("junk", sum(not _kept(l, body) for l in junk) if reading.built else 0, len(junk))
    text = "\n".join(body)
    wanted = [fold(s) for item in gold.get("body") or [] for s in sentences(next(iter(item.values())))]
    tally.add("sentences", sum(_within(s, text) for s in wanted) if reading.built else 0, len(wanted))
    heads = {fold(h) for h in reading.subheadings}
    gold_heads = [fold(item["h"]) for item in gold.get("body") or [] if "h" in item]
    tally.add("subheadings", sum(h in heads for h in gold_heads), len(gold_heads))
    tally.add("subheading_precision", len(heads & set(gold_heads)), len(heads))


def _within(words: str, text: str) -> bool:
    """Folded ``words`` stand in folded ``text`` as whole words."""
    return f" {words} " in f" {text.replace(chr(10), ' ')} "


def evaluate(root: Path = ROOT, html_pages: dict[str, bytes] | None = None) -> dict[tuple[str, str], Tally]:
    """Tallies by (half, extractor), extractor being a seed style, "html" (our ingest of the
    saved page, for the pages in ``html_pages``) or "trafilatura"."""
    pages = yaml.safe_load((root / "pages.yml").read_text(encoding="utf-8"))["pages"]
    tallies: dict[tuple[str, str], Tally] = {}
    for page in pages:
        gold_file = root / "gold" / f"{page['id']}.yml"
        if not gold_file.exists():
            continue
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        half = half_of(page["site"])
        plain_lines = (root / "seeds" / "plain" / f"{page['id']}.txt").read_text(encoding="utf-8").splitlines()
        for style in STYLES:
            path = root / "seeds" / style / f"{page['id']}.txt"
            name = str(path.relative_to(root.parents[1]))
            reading = read_ours(path.read_bytes(), name, dated=gold.get("published") is not None)
            score_page(tallies.setdefault((half, style), Tally()), reading, gold, plain_lines, page["id"])
        if html_pages and page["id"] in html_pages:
            reading = read_ours(html_pages[page["id"]], f"{root.relative_to(root.parents[1]).as_posix()}/pages/"
                                f"{page['id']}.html", dated=gold.get("published") is not None)
            score_page(tallies.setdefault((half, "html"), Tally()), reading, gold, plain_lines, page["id"])
        record = json.loads((root / "anchor" / f"{page['id']}.json").read_text(encoding="utf-8"))
        score_page(tallies.setdefault((half, "trafilatura"), Tally()), read_anchor(record), gold, plain_lines, page["id"])
    return tallies


def table(tallies: dict[tuple[str, str], Tally]) -> str:
    columns = [(h, e) for h in HALVES for e in (*STYLES, "html", "trafilatura") if (h, e) in tallies]
    head = "| field | " + " | ".join(f"{h} {e}" for h, e in columns) + " |"
    rows = [head, "|---|" + "---:|" * len(columns)]
    for key, label in FIELDS:
        cells = []
        for column in columns:
            # trafilatura gives the day alone: its "date" at the page's precision means nothing
            value = None if (column[1] == "trafilatura" and key == "date") else tallies[column].score(key)
            cells.append("–" if value is None else f"{value:.3f}")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    pages = {h: tallies[(h, "plain")].totals["headline"] for h in HALVES if (h, "plain") in tallies}
    rows.append("")
    rows.append("pages with gold: " + ", ".join(f"{h} {n}" for h, n in pages.items()))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES, help="score one half only")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder of the source repositories' git copies, which hold the saved pages "
                             "the html column ingests (see tools/realworld/corpus.py)")
    args = parser.parse_args(argv)
    html_pages, missing = saved_pages(args.mirrors)
    tallies = evaluate(html_pages=html_pages)
    if args.half:
        tallies = {k: v for k, v in tallies.items() if k[0] == args.half}
    if args.json:
        print(json.dumps({f"{h} {e}": {k: t.score(k) for k, _ in FIELDS} for (h, e), t in tallies.items()}, indent=1))
    else:
        print("Ingest on the real-world corpus (tests/realworld), beside trafilatura on the same pages' HTML\n")
        print(table(tallies))
        if missing:
            print(f"\nhtml: {len(missing)} saved pages not scored (the column covers the rest): "
                  + "; ".join(sorted(set(missing))[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
