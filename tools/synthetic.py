"""Synthetic corpora for benchmarks and scale tests: ``python -m tools.synthetic N`` (``make corpus``).

``generate(n, seed)`` makes a fictional world — people, organisations, places and agreements
with invented names — and N articles about it, laid out the way a scraper copies a news page:
headline, dek, a metadata line in one of several layouts and date formats, a photo caption,
page junk ("Also Read | …", "STORIES YOU MAY LIKE" and its headlines, lone numbers, ad markers),
paragraphs split mid-sentence, quotes attributed before and after, relative dates and amounts in
several currencies. Entities are drawn with a Zipf-like long tail, so a few recur in thousands of
articles and most in a handful, as in a real archive. A registry of the most frequent entities is
written too, so extraction exercises both the registry and candidate detection.

Everything is invented (names are built from syllables; the credit line says "Synthetic"), and
corpora are written outside ``seeds/`` (``build/corpus/`` by default), which holds real articles
only. Same ``n`` and ``seed`` → byte-identical files: only :class:`random.Random` seeded here.
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.slug import make_slug

DEFAULT_OUT = Path("build/corpus")
REGISTRY_DIR = "registry"
MARKER = ".synthetic-corpus"
REGISTRY_SIZE = 120
"""How many of the most frequent entities get a registry file; the rest are left to detection."""
ZIPF_EXPONENT = 1.1

_ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s",
           "st", "t", "th", "v", "z", "el", "or", "al", "an")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "ai", "ei")
_CODAS = ("", "", "", "n", "r", "s", "l", "nd", "th", "m")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ROLES = ("Foreign Minister", "Trade Minister", "Finance Minister", "President", "Prime Minister",
          "Energy Secretary", "Governor", "Chief Executive", "Ambassador", "Defence Minister")
_ORG_KINDS = ("Ministry of Trade", "Port Authority", "Mining Corporation", "Development Bank",
              "Shipping Consortium", "Energy Agency", "Chamber of Commerce", "Railways Board",
              "Statistics Office", "Workers' Union")
_AGREEMENT_KINDS = ("Accord", "Framework", "Compact", "Partnership", "Treaty", "Initiative")
_TOPICS = ("critical minerals", "grain exports", "rail freight", "offshore wind", "fisheries",
           "water sharing", "port tariffs", "rare-earth processing", "semiconductor supply",
           "border trade", "drought relief", "shipping insurance")
_RELATIVE = ("on {weekday}", "last week", "earlier this month", "later that month", "last month",
             "earlier this year", "next month", "on {month} {day}", "in {month} {year}",
             "in {year}", "days after the summit")
_JUNK_PROMPTS = ("Make us preferred source on Google", "ADVERTISEMENT",
                 "Follow us on X and Instagram for more updates", "Advertisement")
_BACKGROUND = (
    "Analysts say the outcome will depend on how quickly new capacity can be built.",
    "The details of the arrangement have not been made public.",
    "Prices for {topic} have swung sharply over the past two years.",
    "Industry groups have asked for clearer rules before they commit new money.",
    "Several smaller producers say they were not consulted.",
    "The question has divided opinion in {place} for much of the decade.",
    "Shipping costs remain high, and insurers have raised their premiums.",
    "Negotiators are expected to return to the table before the end of the season.",
    "Local officials say roads and ports will need upgrading first.",
    "Opposition lawmakers want the terms to be debated in parliament.",
    "Supply chains for {topic} remain concentrated in a handful of countries.",
    "Economists caution that the benefits may take years to show.",
    "Environmental groups have called for an independent review.",
    "The move is seen as part of a wider effort to diversify partners.",
    "Officials insisted that existing contracts would be honoured.",
    "Demand is expected to grow as new factories come on line.",
)
_TIME_ZONES = ("IST", "GMT", "ET", "BST", "UTC", "CET")


@dataclass(frozen=True)
class FakeEntity:
    """An invented entity of the synthetic world."""

    name: str
    type: str
    role: str | None
    short: str
    """What the text calls it after the first mention: surname, acronym or the name itself."""


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)]
    return "".join(parts).capitalize()


def _unique_words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(_word(rng, rng.randint(*syllables)), None)
    return list(seen)


class World:
    """The fictional people, organisations, places and agreements that articles talk about."""

    def __init__(self, rng: random.Random, size: int):
        size = max(size, 40)
        countries = _unique_words(rng, max(12, size // 40), (2, 3))
        cities = _unique_words(rng, max(20, size // 15), (2, 3))
        self.countries = countries
        self.places = [FakeEntity(c, "place", None, c) for c in countries + cities]
        given = _unique_words(rng, 300, (1, 2))
        family = _unique_words(rng, max(200, size), (2, 3))
        self.people = []
        for surname in family[:size]:
            role = f"{rng.choice(countries)}'s {rng.choice(_ROLES)}"
            self.people.append(FakeEntity(f"{rng.choice(given)} {surname}", "person", role, surname))
        self.organisations = []
        for country, kind in itertools.islice(
                ((rng.choice(countries), rng.choice(_ORG_KINDS)) for _ in itertools.count()), size // 4):
            name = f"{country} {kind}"
            acronym = "".join(w[0] for w in name.replace("'", "").split() if w[0].isupper())
            self.organisations.append(FakeEntity(name, "organisation", None, acronym))
        self.organisations = list({o.name: o for o in self.organisations}.values())
        self.agreements = [FakeEntity(name, "agreement", None, name)
                           for name in (f"{w} {rng.choice(_AGREEMENT_KINDS)}" for w in _unique_words(rng, max(10, size // 20), (2, 3)))]
        self._weights = {kind: list(itertools.accumulate(1 / (r + 1) ** ZIPF_EXPONENT for r in range(len(pool))))
                         for kind, pool in self.pools().items()}

    def pools(self) -> dict[str, list[FakeEntity]]:
        return {"person": self.people, "organisation": self.organisations, "place": self.places,
                "agreement": self.agreements}

    def pick(self, rng: random.Random, kind: str, k: int) -> list[FakeEntity]:
        """``k`` distinct entities of a kind, drawn with Zipf weights (rank 1 most often)."""
        pool, weights = self.pools()[kind], self._weights[kind]
        chosen: dict[str, FakeEntity] = {}
        while len(chosen) < min(k, len(pool)):
            entity = rng.choices(pool, cum_weights=weights)[0]
            chosen.setdefault(entity.name, entity)
        return list(chosen.values())


def _amount(rng: random.Random) -> str:
    n = rng.choice((1.2, 2.5, 3, 4.8, 12, 30, 45, 150, 600))
    return rng.choice((f"\\${n} billion", f"${n} million", f"Rs {int(n * 100):,} crore", f"€{n}bn",
                       f"{n} million tonnes", f"£{n} million", f"{int(n * 1000):,} tonnes"))


def _relative_date(rng: random.Random, year: int) -> str:
    return rng.choice(_RELATIVE).format(weekday=rng.choice(_WEEKDAYS), month=rng.choice(_MONTHS),
                                        day=rng.randint(1, 28), year=rng.randint(year - 6, year))


class ArticleWriter:
    """Writes one article about a handful of entities drawn from the world."""

    def __init__(self, world: World, rng: random.Random):
        self.world, self.rng = world, rng

    def cast(self) -> dict[str, list[FakeEntity]]:
        rng, world = self.rng, self.world
        return {"person": world.pick(rng, "person", rng.randint(2, 4)),
                "organisation": world.pick(rng, "organisation", rng.randint(1, 3)),
                "place": world.pick(rng, "place", rng.randint(2, 3)),
                "agreement": world.pick(rng, "agreement", 1)}

    def headline(self, cast: dict, topic: str) -> str:
        a, b = cast["place"][0].name, cast["place"][1].name
        return self.rng.choice((
            f"{a} and {b} sign {cast['agreement'][0].name} on {topic}",
            f"Amid {topic} concerns, {a} turns to {b}",
            f"{cast['person'][0].name} defends {topic} plan as talks with {b} stall",
            f"{cast['organisation'][0].name} warns of {topic} shortfall",
        ))

    def sentence(self, cast: dict, topic: str, year: int, seen: set[str]) -> str:
        """One sentence. Most are background with no name or date, as in real reporting; the
        rest name people and organisations, quote them, give dates or amounts. Templates are
        lambdas so that only the chosen one marks its entities as mentioned."""
        rng = self.rng
        person = rng.choice(cast["person"])
        org = rng.choice(cast["organisation"])
        place = rng.choice(cast["place"]).name
        who = lambda: self._mention(person, seen)  # noqa: E731
        group = lambda: self._mention(org, seen)  # noqa: E731
        when = lambda: _relative_date(rng, year)  # noqa: E731
        kinds = {
            "background": (lambda: rng.choice(_BACKGROUND).format(topic=topic, place=place),),
            "named": (
                lambda: f"{who()} met officials of the {group()} in {place} {when()} to discuss {topic}.",
                lambda: f"Trade between {place} and {rng.choice(self.world.countries)} rose by "
                        f"{rng.randint(2, 40)} per cent last year, according to the {group()}.",
                lambda: f"The {group()} said the plan marks a \"milestone\" for {topic} in {place}.",
                lambda: f"The groundwork was laid {when()} when delegations from {place} gathered for a forum.",
            ),
            "quote": (
                lambda: f'{who()} said, "We are committed to {topic} and to every partner who shares '
                        f'that aim. This is a tangible step."',
                lambda: f'"The talks {when()} were difficult but useful," {who()} said.',
                lambda: f'"We will not accept terms that hurt our farmers," {who()} told reporters. '
                        f'"There is still time," {rng.choice(("he", "she"))} said.',
            ),
            "amount": (
                lambda: f"The {self._mention(cast['agreement'][0], seen)} covers {topic} worth "
                        f"{_amount(rng)} over five years.",
                lambda: f"Officials in {place} expect exports of {_amount(rng)} by {rng.randint(year, year + 5)}.",
            ),
        }
        kind = rng.choices(tuple(kinds), weights=(62, 20, 10, 8))[0]
        return rng.choice(kinds[kind])()

    @staticmethod
    def _mention(entity: FakeEntity, seen: set[str]) -> str:
        """Full name (with role for people) the first time, the short form afterwards."""
        if entity.name in seen:
            return entity.short
        seen.add(entity.name)
        if entity.type == "person" and entity.role:
            return f"{entity.role} {entity.name}"
        if entity.type == "organisation" and entity.short != entity.name:
            return f"{entity.name} ({entity.short})"
        return entity.name

    def paragraphs(self, cast: dict, topic: str, year: int) -> list[str]:
        seen: set[str] = set()
        count = self.rng.randint(12, 17)
        return [" ".join(self.sentence(cast, topic, year, seen) for _ in range(self.rng.randint(3, 5)))
                for _ in range(count)]


def _published(rng: random.Random) -> tuple[int, int, int, int, int]:
    year = rng.randint(2019, 2026)
    return year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)


def _meta_line(rng: random.Random, authors: list[str], dateline: str, when: tuple) -> str:
    year, month, day, hour, minute = when
    zone = rng.choice(_TIME_ZONES)
    h12, ampm = (hour % 12 or 12), ("AM" if hour < 12 else "PM")
    name = _MONTHS[month - 1]
    byline = " and ".join(authors)
    layouts = (
        f"Written by: {' and '.join(f'**{a}**' for a in authors)} {rng.randint(2, 9)} min read {dateline} Updated: {name} {day}, {year} "
        f"{h12:02d}:{minute:02d} {ampm} {zone}",
        f"By {byline} | Updated: {name} {day}, {year} {h12}:{minute:02d} {ampm} {zone}",
        f"Published: {day} {name} {year}",
        f"By {byline} | Updated {hour:02d}:{minute:02d} {zone}, {day} {name} {year}",
        f"{name} {day}, {year} {h12}:{minute:02d} {ampm} {zone}",
    )
    return rng.choice(layouts)


def _split_mid_sentence(rng: random.Random, paragraph: str) -> list[str]:
    """The scraper's habit of breaking a paragraph mid-sentence before a lower-case word."""
    words = paragraph.split(" ")
    cuts = [i for i in range(4, len(words) - 4) if words[i][:1].islower() and not words[i - 1].endswith((".", '"'))]
    if not cuts:
        return [paragraph]
    cut = rng.choice(cuts)
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def article_text(world: World, rng: random.Random) -> str:
    """One synthetic seed in the scraped layout."""
    writer = ArticleWriter(world, rng)
    cast = writer.cast()
    topic = rng.choice(_TOPICS)
    when = _published(rng)
    lines = ["", writer.headline(cast, topic), ""]
    if rng.random() < 0.8:
        lines += [f"The move comes as {cast['place'][0].name} seeks new partners on {topic}.", ""]
    authors = [p.name for p in world.pick(rng, "person", rng.choice((1, 1, 2)))]
    lines += [_meta_line(rng, authors, cast["place"][0].name, when), "", ""]
    lines += [f"{cast['person'][0].name} speaks in {cast['place'][0].name}. (Synthetic Photo)", ""]
    lines += [rng.choice(_JUNK_PROMPTS), "", str(rng.randint(1, 9)), "", ""]
    for i, paragraph in enumerate(writer.paragraphs(cast, topic, when[0])):
        pieces = _split_mid_sentence(rng, paragraph) if rng.random() < 0.15 else [paragraph]
        for piece in pieces:
            lines += [piece, ""]
        if i == 2:
            lines += [f"Also Read | {writer.headline(writer.cast(), rng.choice(_TOPICS))}", ""]
        if i == 5 and rng.random() < 0.6:
            lines += ["STORIES YOU MAY LIKE", "", ""]
            lines += [x for _ in range(3) for x in (writer.headline(writer.cast(), rng.choice(_TOPICS)), "", "")]
    lines.append("CURATED FOR YOU")
    return "\n".join(lines)


def generate(n: int, seed: int = 0):
    """Yield ``(file name, text)`` for ``n`` articles; the same ``n`` and ``seed`` give the same
    texts, and the first k articles of a corpus do not depend on ``n``."""
    world = World(random.Random(f"world-{seed}"), 2000)
    for i in range(n):
        rng = random.Random(f"article-{seed}-{i}")
        yield f"{i:06d}.txt", article_text(world, rng)


def registry_files(seed: int = 0, size: int = REGISTRY_SIZE) -> dict[str, str]:
    """Registry YAML for the most frequent entities of each kind (``type/id.yml`` → text)."""
    world = World(random.Random(f"world-{seed}"), 2000)
    out = {}
    shorts = [e.short for pool in world.pools().values() for e in pool]
    ambiguous = {short for short in shorts if shorts.count(short) > 1}
    for kind, pool in world.pools().items():
        for entity in pool[: max(1, size * len(pool) // sum(map(len, world.pools().values())))]:
            ident = make_slug(entity.name, fallback=kind)
            data = {"id": ident, "name": entity.name, "type": kind}
            if entity.short != entity.name and entity.short not in ambiguous:
                data["aliases"] = [entity.short] if kind != "person" else [f"{entity.name.split()[0][0]}. {entity.short}"]
            if entity.role:
                data["roles"] = [entity.role]
            data["description"] = "A fictional entity of the synthetic benchmark corpus."
            out[f"{kind}/{ident}.yml"] = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return out


def write_corpus(out: Path, n: int, seed: int = 0) -> int:
    """Replace ``out`` with a fresh corpus of ``n`` seeds plus ``registry/``; returns n."""
    if out.resolve().name == "seeds":
        raise ValueError(f"refusing to write a synthetic corpus into {out}: seeds/ holds real articles only")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ValueError(f"refusing to replace {out}: it is not empty and was not made by tools.synthetic")
        shutil.rmtree(out)  # only a folder this function made (it holds the marker file)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("synthetic corpus made by `python -m tools.synthetic`\n", encoding="utf-8")
    for name, text in generate(n, seed):
        (out / name).write_text(text, encoding="utf-8")
    for rel, text in registry_files(seed).items():
        path = out / REGISTRY_DIR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.synthetic",
        description="Write N synthetic seed articles in the scraped style (invented names, junk lines, split "
                    "paragraphs, quotes, dates, amounts) plus a registry of their most frequent entities. "
                    "Deterministic from --seed. Never writes into seeds/.")
    parser.add_argument("n", type=int, metavar="N", help="number of seed articles to write")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help="folder to (re)create; its registry goes in DIR/registry (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="random seed: the same N and S give byte-identical files (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    try:
        write_corpus(args.out, args.n, args.seed)
    except ValueError as error:
        parser.error(str(error))
    print(f"{args.n} synthetic seeds written to {args.out} (registry in {args.out / REGISTRY_DIR})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
