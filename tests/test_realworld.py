"""The real-world corpus (tests/realworld): its make-up, its gold, and the scores make eval prints.

The corpus is real published pages from public extraction projects' tests, converted to seeds by
tools/realworld (see its README in tests/realworld/gold/). These tests check that the corpus is
what the project promises (enough pages, sites and countries, provenance for each, gold for each,
gold that copies the seeds), that the scorer scores, and that ingest does not fall below the
figures measured when the located-text ingest landed (floors, not targets: the targets are in
issue 12 and the README, and make eval shows how far each half is from them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tools.realworld import evaluate
from tools.realworld.corpus import is_reserved, load_pages
from tools.realworld.evaluate import date_matches, fold, half_of

ROOT = Path(__file__).resolve().parent / "realworld"
PAGES = yaml.safe_load((ROOT / "pages.yml").read_text(encoding="utf-8"))["pages"]


def test_corpus_size_sites_and_countries():
    assert len(PAGES) >= 100
    assert len({p["site"] for p in PAGES}) >= 40
    assert sum(p["country"] != "US" for p in PAGES) >= 20
    assert len({p["id"] for p in PAGES}) == len(PAGES)


def test_reserved_sources_are_refused():
    assert load_pages() == PAGES  # the committed list passes the guard
    from tools.realworld.corpus import RESERVED_PATHS, RESERVED_REPOS

    repo, prefix = RESERVED_PATHS[0]
    assert is_reserved({"repo": repo, "path": f"{prefix}/x.html"})
    assert is_reserved({"repo": RESERVED_REPOS[0], "path": "any.html"})
    assert not is_reserved({"repo": repo, "path": "tests/cache/x.html"})


def test_every_page_has_provenance_seeds_anchor_and_gold():
    provenance = {p["id"]: p for p in json.loads((ROOT / "provenance.json").read_text(encoding="utf-8"))}
    for page in PAGES:
        record = provenance[page["id"]]
        assert (record["repo"], record["commit"], record["path"]) == (page["repo"], page["commit"], page["path"])
        assert len(record["sha256"]) == 64
        assert not is_reserved(page)
        for style in ("markdown", "plain"):
            assert (ROOT / "seeds" / style / f"{page['id']}.txt").is_file()
        assert (ROOT / "anchor" / f"{page['id']}.json").is_file()
        assert (ROOT / "gold" / f"{page['id']}.yml").is_file(), page["id"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p["id"])
def test_gold_copies_the_seed(page):
    gold = yaml.safe_load((ROOT / "gold" / f"{page['id']}.yml").read_text(encoding="utf-8"))
    assert gold["id"] == page["id"]
    assert set(gold) <= {"id", "headline", "dek", "byline", "published", "published_shown",
                         "published_inferred", "updated", "captions", "body"}
    seed = (ROOT / "seeds" / "plain" / f"{page['id']}.txt").read_text(encoding="utf-8")
    folded_lines = {fold(line) for line in seed.splitlines()}
    assert gold["body"], "an article has a body"
    for item in gold["body"]:
        (kind, text), = item.items()
        assert kind in ("p", "h")
        assert fold(text) in folded_lines, text[:80]
    assert fold(gold["headline"]) in fold(seed)
    if gold.get("published") is not None:
        assert date_matches(str(gold["published"]), str(gold["published"])) == (True, True)


def test_halves_split_by_site_and_both_hold_pages_from_outside_the_us():
    halves = {half_of(p["site"]) for p in PAGES}
    assert halves == {"tuning", "locked"}
    for half in halves:
        pages = [p for p in PAGES if half_of(p["site"]) == half]
        assert len(pages) >= 40 and sum(p["country"] != "US" for p in pages) >= 10


def test_date_matching_follows_the_gold_precision():
    assert date_matches("2016-11-29T07:46:00-05:00", "2016-11-29T07:46-05:00") == (True, True)
    assert date_matches("2016-11-29T07:46:00", "2016-11-29T07:46-05:00") == (False, True)
    assert date_matches("2016-11-29T07:46:00-05:00", "2016-11-29") == (True, True)
    assert date_matches("2016-11-30", "2016-11-29") == (False, False)
    assert date_matches(None, "2016-11-29") == (False, False)


# Floors: a little under what each style scored when the located-text ingest landed. A change
# that falls below one breaks what the corpus showed working. (The locked half has been scored
# for every change kept, so it is a validation set by now, not an unseen one.) The locked date
# floors were lowered when 47 new pages joined the corpus (2026-12-04): the 26 new locked pages
# showed date forms no rule had seen, and the floors follow what the corpus shows.
FLOORS = {
    # Raised on 2026-12-04 with the corpus at 217 pages, a little under what each column scored
    # then (tuning plain 1.000, 0.933, 0.989, 0.980, 0.981; tuning Markdown 0.989, 0.933, 0.989,
    # 0.981, 0.959; locked plain 0.951, 0.750, 0.893, 0.918, 0.952; locked Markdown 0.951,
    # 0.893, 0.883, 0.915, 0.940: built, headline, date, junk, sentences).
    ("tuning", "plain"): {"built": 0.98, "headline": 0.90, "date": 0.97, "junk": 0.96, "sentences": 0.96},
    ("tuning", "markdown"): {"built": 0.97, "headline": 0.90, "date": 0.97, "junk": 0.96, "sentences": 0.94},
    ("locked", "plain"): {"built": 0.94, "headline": 0.72, "date": 0.87, "junk": 0.90, "sentences": 0.93},
    ("locked", "markdown"): {"built": 0.94, "headline": 0.86, "date": 0.86, "junk": 0.90, "sentences": 0.92},
}


@pytest.fixture(scope="module")
def tallies():
    return evaluate.evaluate(ROOT)


@pytest.mark.parametrize("column", list(FLOORS), ids=lambda c: " ".join(c))
def test_ingest_stays_above_the_measured_floors(tallies, column):
    tally = tallies[column]
    low = {k: round(tally.score(k), 3) for k in FLOORS[column] if tally.score(k) < FLOORS[column][k]}
    assert not low, f"{column} below its floor: {low}"


def test_no_date_is_invented_for_a_tuning_page_that_shows_none(tallies):
    assert tallies[("tuning", "plain")].score("invented") == 0


def test_a_page_without_a_date_is_refused_but_its_other_fields_are_scored():
    seed = b"Bridge to reopen in May, officials say\n\nThe bridge that closed in March will reopen in May, the city's engineers said on a visit.\n"
    assert evaluate.read_ours(seed, "seeds/bridge.txt") == evaluate.Reading(built=False)
    reading = evaluate.read_ours(seed, "seeds/bridge.txt", dated=False)
    assert reading.built and reading.published is None  # the stand-in date is not scored
    assert reading.headline == "Bridge to reopen in May, officials say"


HTML_FLOORS = {
    # Our ingest of the saved pages themselves (generator/ingest/html.py), measured 2026-12-04:
    # tuning built 1.000, headline 0.945, date 0.868, date (day) 0.981, byline 0.764, junk 0.975,
    # sentences 0.997, subheadings found 0.950; locked 0.980, 0.944, 0.686, 0.863, 0.574, 0.959,
    # 0.958, 0.914. The floors sit a little below. With the 47 pages added the same day (156 in
    # all): tuning byline 0.680, locked subheadings found 0.789; those two floors follow. With
    # the 32 pages added on 2026-12-04 (188 in all; no html rule tuned on them): tuning byline
    # 0.648, subheadings found 0.852, locked subheadings found 0.745; those floors follow. With
    # the 29 of the second batch (217 in all): tuning byline 0.600, subheadings found 0.776; with
    # the 26 of the third (243): tuning date (day) 0.943, subheadings found 0.613 (a page of book
    # reviews has twenty).
    "tuning": {"built": 0.98, "headline": 0.92, "date": 0.84, "date_day": 0.92, "byline": 0.56, "junk": 0.95,
               "sentences": 0.97, "subheadings": 0.58},
    "locked": {"built": 0.95, "headline": 0.90, "date": 0.65, "date_day": 0.83, "byline": 0.54, "junk": 0.93,
               "sentences": 0.93, "subheadings": 0.72},
}


def test_html_ingest_stays_above_the_measured_floors():
    from tools.realworld.corpus import saved_pages

    pages, missing = saved_pages(Path("/work/.mirror"))
    if missing:
        pytest.skip(f"the saved pages are not all here ({len(missing)} missing): fetch the source repositories")
    tallies = evaluate.evaluate(ROOT, html_pages=pages)
    low = {(half, k): round(tallies[(half, "html")].score(k), 3) for half, floors in HTML_FLOORS.items()
           for k in floors if tallies[(half, "html")].score(k) < floors[k]}
    assert not low, f"html below its floor: {low}"


def test_the_table_has_every_field_and_the_anchor(tallies):
    table = evaluate.table(tallies)
    for _, label in evaluate.FIELDS:
        assert label in table
    assert "locked trafilatura" in table and "tuning plain" in table


def test_extraction_quotes_are_told_apart_as_right_wrong_or_missing():
    from types import SimpleNamespace

    from tools.realworld.extraction import Quotes, score_quotes

    said = [SimpleNamespace(text="We will build it.", speaker_name="Ann Lee"),
            SimpleNamespace(text="Not this year, said nobody", speaker_name="Ben Roe"),
            SimpleNamespace(text="It is a start", speaker_name=None)]
    entities = [{"name": "Ann Lee", "aliases": ["Lee"]}, {"name": "Ben Roe"}]
    gold = [{"text": "We will build", "speaker": "Ann Lee"},   # right
            {"text": "Not this year", "speaker": None},        # wrong: a speaker the article does not name
            {"text": "It is a start", "speaker": "Ben Roe"},   # missing: found without its speaker
            {"text": "Never again", "speaker": "Ann Lee"}]     # missing: not found
    tally = Quotes()
    score_quotes(SimpleNamespace(quotes=said), gold, entities, tally, "x")
    assert (tally.right, tally.wrong, tally.missing, tally.total) == (1, 1, 2, 4)

    # A gold opening copied with the comma before the closing mark ("That was it," Roof said)
    # matches the quote, whose text leaves the attribution's comma out.
    tally = Quotes()
    score_quotes(SimpleNamespace(quotes=[SimpleNamespace(text="That was it", speaker_name="Ben Roe")]),
                 [{"text": "That was it,", "speaker": "Ben Roe"}], entities, tally, "x")
    assert (tally.right, tally.total) == (1, 1)


def test_every_pages_clean_text_reads_back_as_its_gold_paragraphs():
    """The "clean" reading of the extraction scores builds for every dated page, with its gold
    headline and date (its text is the gold body, so what extraction finds there is its own)."""
    from generator.ingest import ingest
    from tools.realworld.extraction import clean_seed

    for path in sorted((ROOT / "gold").glob("*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not gold.get("published"):
            continue
        article = ingest(clean_seed(gold), f"clean/{path.stem}.txt")
        assert article.title == gold["headline"], path.stem
        assert article.published.startswith(str(gold["published"])[:10]), path.stem
        assert article.paragraphs, path.stem
