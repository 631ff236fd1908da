"""Score extraction on the real-world corpus's hand-written gold: ``python -m tools.realworld.extraction``.

The gold (``tests/realworld/extraction/<id>.yml``, conventions in its README) names each article's
entities, dated events, quotes with their speakers and sums of money. Each article is scored twice:

* **scraped**: its Markdown seed through ingest and extract, as a build reads it;
* **clean**: its clean text (the ingest gold's headline, date and body paragraphs, made into a
  seed here), so that extraction is measured apart from what ingest gets wrong.

Halves are the ingest corpus's (by site, see :mod:`.evaluate`); the locked half is for measuring,
not for looking at misses. Fields, micro-averaged over articles: entities (precision, recall;
matched by name or any surface form), entity types (of the matched), dates (value, precision,
approximate), amounts of money (value, currency), and quotes: of the gold quotes, the share whose
speaker is right, wrong (another speaker, or one where the gold has none) or missing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import InputError
from generator.extract import extract
from generator.ingest import ingest
from generator.inputfiles import strip_control_bytes
from generator.registry import load_registry
from tools.evaluate import Score, multiset, norm, quote_opening, score_entities, speaker_names

from .corpus import load_pages
from .evaluate import HALVES, ROOT, fold, half_of

GOLD = ROOT / "extraction"
REPO = ROOT.parents[1]
READINGS = ("scraped", "clean")
FIELDS = ("entities", "entity types", "dates", "amounts")


@dataclass
class Quotes:
    """Gold quotes by what became of their speaker."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    """Quotes found without a speaker where the gold has one, and gold quotes not found at all."""
    total: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass
class Glance:
    """Briefings by where their "At a glance" box opens (issue 14: with the article's lead)."""

    in_lead: int = 0
    """The first key point is a sentence of the gold body's first two paragraphs."""
    in_body: int = 0
    """It is a sentence of the gold body at all (not a caption, teaser or page furniture)."""
    total: int = 0

    def add(self, briefing, page: dict) -> None:
        if not briefing.key_points:
            return
        body = [fold(item["p"]) for item in page.get("body") or [] if "p" in item]
        first = fold(briefing.key_points[0].text)
        self.total += 1
        self.in_body += any(first in paragraph for paragraph in body)
        self.in_lead += any(first in paragraph for paragraph in body[:2])


def clean_seed(gold: dict) -> bytes:
    """A seed of the article's clean text: headline, date line, body paragraphs."""
    paragraphs = [item["p"] for item in gold.get("body") or [] if "p" in item]
    return "\n\n".join([gold["headline"], f"Published: {gold['published']}", *paragraphs]).encode("utf-8")


def score_quotes(briefing, gold: list[dict], entities: list[dict], tally: Quotes, label: str) -> None:
    aliases = speaker_names(entities)
    used: set[int] = set()
    for item in gold:
        tally.total += 1
        opening, speaker = quote_opening(item["text"]), item.get("speaker")
        names = aliases.get(norm(speaker), {norm(speaker)}) if speaker else None
        found = next((i for i, q in enumerate(briefing.quotes) if i not in used and norm(q.text).startswith(opening)), None)
        if found is None:
            tally.missing += 1
            tally.misses.append(f"{label}: not found {item['text']!r} by {speaker!r}")
            continue
        used.add(found)
        given = briefing.quotes[found].speaker_name
        said = norm(given) if given else None
        if (names is None and said is None) or (names is not None and said in names):
            tally.right += 1
        elif said is None:
            tally.missing += 1
            tally.misses.append(f"{label}: no speaker for {item['text']!r} (gold {speaker!r})")
        else:  # another speaker, or one where the article names none
            tally.wrong += 1
            tally.misses.append(f"{label}: {item['text']!r} given to {given!r} (gold {speaker!r})")


def _score(briefing, gold: dict, scores: dict[str, Score], quotes: Quotes, label: str) -> None:
    entities, types = score_entities(briefing, gold.get("entities") or [])
    dates = multiset([(e.date, e.precision, e.approximate) for e in briefing.events],
                     [(str(g["date"]), g["precision"], bool(g["approximate"])) for g in gold.get("events") or ()])
    money = multiset([(round(a.value, 3), a.currency) for a in briefing.amounts if a.currency],
                     [(round(float(g["value"]), 3), g["currency"]) for g in gold.get("amounts") or ()])
    for name, score in (("entities", entities), ("entity types", types), ("dates", dates), ("amounts", money)):
        scores[name].add(score, label)
    score_quotes(briefing, gold.get("quotes") or [], gold.get("entities") or [], quotes, label)


def evaluate(gold_dir: Path = GOLD) -> dict[tuple[str, str], tuple[dict[str, Score], Quotes, Glance]]:
    """(half, reading) → (scores per field, quotes, "At a glance" openings)."""
    registry, _ = load_registry(REPO / "registry", REPO)
    sites = {p["id"]: p["site"] for p in load_pages()}
    out: dict[tuple[str, str], tuple[dict[str, Score], Quotes]] = {}
    for path in sorted(gold_dir.glob("*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = yaml.safe_load((ROOT / "gold" / path.name).read_text(encoding="utf-8"))
        half = half_of(sites[path.stem])
        for reading in READINGS:
            scores, quotes, glance = out.setdefault((half, reading), ({n: Score() for n in FIELDS}, Quotes(), Glance()))
            name = gold["source"] if reading == "scraped" else f"clean/{path.stem}.txt"
            data = (REPO / gold["source"]).read_bytes() if reading == "scraped" else clean_seed(page)
            data, _warnings = strip_control_bytes(data, name)  # as the build's edge does
            try:
                article = ingest(data, name)
            except InputError as error:  # a refused seed: every gold item is missed
                scores["entities"].add(Score(0, 0, len(gold.get("entities") or []), [f"refused: {error}"]), path.stem)
                quotes.total += len(gold.get("quotes") or [])
                quotes.missing += len(gold.get("quotes") or [])
            else:
                briefing = extract(article, registry)
                _score(briefing, gold, scores, quotes, path.stem)
                glance.add(briefing, page)
    return out


def table(results) -> str:
    columns = [(h, r) for h in HALVES for r in READINGS if (h, r) in results]
    rows = ["| field | " + " | ".join(f"{h} {r}" for h, r in columns) + " |", "|---|" + "---:|" * len(columns)]
    for name in FIELDS:
        rows.append(f"| {name} (P / R) | " + " | ".join(
            f"{results[c][0][name].precision:.3f} / {results[c][0][name].recall:.3f}" for c in columns) + " |")
    for label, attr in (("quote speakers right", "right"), ("quote speakers wrong", "wrong"),
                        ("quote speakers missing", "missing")):
        rows.append(f"| {label} | " + " | ".join(
            f"{getattr(results[c][1], attr) / results[c][1].total:.3f}" if results[c][1].total else "–"
            for c in columns) + " |")
    for label, attr in (("at a glance opens with the lead", "in_lead"), ("at a glance opens in the body", "in_body")):
        rows.append(f"| {label} | " + " | ".join(
            f"{getattr(results[c][2], attr) / results[c][2].total:.3f}" if results[c][2].total else "–"
            for c in columns) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES, help="score one half only")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss (tuning half only)")
    args = parser.parse_args(argv)
    if not any(GOLD.glob("*.yml")):
        print("no extraction gold yet under tests/realworld/extraction/")
        return 0
    results = evaluate()
    if args.half:
        results = {k: v for k, v in results.items() if k[0] == args.half}
    print("Extraction on the real-world corpus (tests/realworld/extraction), scraped seeds and clean text\n")
    print(table(results))
    if args.verbose:
        for (half, reading), (scores, quotes, _) in sorted(results.items()):
            if half != "tuning":
                continue  # the locked half is measured, never read miss by miss
            print(f"\n{half} {reading}:")
            for name in FIELDS:
                for miss in scores[name].misses:
                    print(f"  {name}: {miss}")
            for miss in quotes.misses:
                print(f"  quotes: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
