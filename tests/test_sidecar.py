"""Seed sidecars (generator/ingest/sidecar.py): ``seeds/<name>.meta.yml`` sets or corrects a seed's
headline, dates, byline and dateline while the scraped text stays as it is; a bad sidecar is a
``file:line:col`` error that fails its own seed only; a seed that ingest refuses for want of a
headline or a date builds from its sidecar; the sidecar is part of the seed's cache key, so an
incremental build after changing one equals a clean build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.build import build, seed_files
from generator.config import BuildConfig
from generator.check import check
from generator.errors import NoHeadlineError, SeedError
from generator.ingest import ingest
from generator.ingest.sidecar import Sidecar, apply, parse_sidecar, sidecar_name

from .test_incremental import _problems, _tree

# Fixture text written for these tests (DEVELOPERS.md: no invented news in seeds/).
HEADER = """Harbour authority approves new ferry timetable for the winter

The changes take effect next month after a public consultation.

By Ann Lee

"""
DATE = "Published: 12 March 2019 14:05 IST\n\n"
BODY = """The harbour authority approved a new ferry timetable on Tuesday, with fewer sailings in the early morning and more in the evening. Officials said the changes follow a consultation in which most travellers asked for later departures.

"We listened to the people who use the ferries every day," the authority's chair, Maria Costa, said at a meeting on the quay.

The new timetable will be reviewed after six months, the authority said, and the first sailings under it will leave in April.
"""
SEED = HEADER + DATE + BODY
UNDATED = HEADER + BODY
NO_HEADLINE = "By Ann Lee\n\n" + DATE + BODY


def _article(text: str = SEED, sidecar: Sidecar | None = None):
    article = ingest(text.encode(), "seeds/ferry.txt", overrides=sidecar)
    return apply(article, sidecar) if sidecar else article


def _sidecar(text: str, file: str = "seeds/ferry.meta.yml") -> Sidecar:
    sidecar, errors = parse_sidecar(text.encode(), file)
    assert errors == [] and sidecar is not None
    return sidecar


def _errors(text: str) -> list[str]:
    sidecar, errors = parse_sidecar(text.encode(), "seeds/ferry.meta.yml")
    assert sidecar is None and errors and all(isinstance(e, SeedError) for e in errors)
    return [str(e) for e in errors]


# --- the pure parts: parse and apply ------------------------------------------------------------

@pytest.mark.parametrize(("yaml", "field", "value"), [
    ("headline: Ferry  timetable   changes for winter\n", "title", "Ferry timetable changes for winter"),
    ("published: 2019-03-11\n", "published", "2019-03-11"),
    ("updated: 2019-03-13T09:30+05:30\n", "updated", "2019-03-13T09:30:00+05:30"),
    ("byline: [Ann Lee, Ben Roe]\n", "authors", ("Ann Lee", "Ben Roe")),
    ("byline: []\n", "authors", ()),
    ("dateline: Porto Velho\n", "dateline", "Porto Velho"),
])
def test_each_field_is_applied_and_nothing_else_changes(yaml, field, value):
    before = _article()
    after = _article(sidecar=_sidecar(yaml))
    assert getattr(after, field) == value != getattr(before, field)
    unchanged = [name for name in before.__dataclass_fields__ if name not in (field, "time_zone")]
    assert [getattr(after, name) for name in unchanged] == [getattr(before, name) for name in unchanged]
    assert after.paragraphs == before.paragraphs and after.removed == before.removed  # the text as scraped


@pytest.mark.parametrize(("written", "stored"), [
    ("2016-11-29", "2016-11-29"),
    ("'2016-11-29'", "2016-11-29"),
    ("2016-11-29T07:46", "2016-11-29T07:46:00"),
    ("2016-11-29T07:46-05:00", "2016-11-29T07:46:00-05:00"),
    ("2016-11-29T07:46:30Z", "2016-11-29T07:46:30+00:00"),  # a YAML timestamp
    ("2016-11-29 07:46:00", "2016-11-29T07:46:00"),          # so is this
])
def test_dates_are_stored_as_ingest_writes_them(written, stored):
    assert _sidecar(f"published: {written}\nupdated: {written}\n").published == stored
    assert _sidecar(f"updated: {written}\n").updated == stored


@pytest.mark.parametrize(("published", "zone"), [
    ("2019-03-12T15:05+05:30", "IST"),  # same offset: the printed zone is still true
    ("2019-03-12", "IST"),              # a date alone is shown without a time or zone
    ("2019-03-12T15:05-05:00", None),   # another offset: "IST" would be false
    ("2019-03-12T15:05", None),         # no offset: the zone is not known
])
def test_printed_time_zone_stays_only_while_true(published, zone):
    assert _article().time_zone == "IST"
    assert _article(sidecar=_sidecar(f"published: {published}\n")).time_zone == zone
    assert _article(sidecar=_sidecar("headline: Another headline for the ferry story\n")).time_zone == "IST"


def test_sidecar_name_sits_beside_its_seed():
    assert sidecar_name("seeds/000_e80ecc7bd58d023e.txt") == "seeds/000_e80ecc7bd58d023e.meta.yml"


# --- refused sidecars: file:line:col and how to fix ----------------------------------------------

def test_unknown_field_is_refused_with_its_line():
    assert _errors("headline: Ferry timetable changes\nbylines: [Ann Lee]\n") == [
        "seeds/ferry.meta.yml:2:1: unknown field 'bylines' — did you mean 'byline'?"]
    assert _errors("headline: Ferry\n\nauthor: Ann Lee\n") == [
        "seeds/ferry.meta.yml:3:1: unknown field 'author' — allowed fields: headline, published, updated, byline, dateline"]


@pytest.mark.parametrize(("yaml", "line", "words"), [
    ("headline: Ferry\npublished: 12 March 2019\n", 2, "published '12 March 2019' is not valid — write it as YYYY-MM-DD"),
    ("headline: Ferry\nupdated: 2019/03/12\n", 2, "updated '2019/03/12' is not valid"),
    ("headline: Ferry\npublished: '2019-02-30'\n", 2, "not a real date or time (day is out of range for month)"),
    ("published: 2019-03-12T25:00\n", 1, "not a real date or time (hour must be in 0..23)"),
    ("byline: [Ann Lee]\npublished: 2019-02-30\n", 2, "value cannot be read: day is out of range"),  # a YAML date
    ("published: 2019-03-12T14:05+25:00\n", 1, "not a real date or time"),
    ("published: 2019-03-12T14:05:00.5\n", 1, "is not valid"),
])
def test_bad_date_is_refused_with_its_line(yaml, line, words):
    [error] = _errors(yaml)
    assert error.startswith(f"seeds/ferry.meta.yml:{line}:") and words in error


@pytest.mark.parametrize(("yaml", "line"), [
    ("headline: Ferry\nbyline: [Ann Lee\ndateline: Lima\n", 2),  # where the list opened
    ("headline: Ferry\npublished: 2019-03-12\n  dateline: Lima\n", 3),
    ("headline: Ferry\n\nbyline:\n  - Ann Lee\n - Ben Roe\n", 5),
])
def test_yaml_syntax_error_points_at_its_line(yaml, line):
    [error] = _errors(yaml)
    assert error.startswith(f"seeds/ferry.meta.yml:{line}:") and "invalid YAML" in error


@pytest.mark.parametrize(("yaml", "words"), [
    ("byline: Ann Lee\n", "1:1: byline must be a list"),
    ("headline: 2019\n", "1:1: headline must be text — write it as text, in quotes"),
    ("headline: |\n  Two\n  lines\n", "1:1: headline 'Two\\nlines\\n' is not valid — write it on one line"),
    ("dateline: ''\n", "1:1: dateline is empty"),
    ("byline: [Ann Lee, Ann Lee]\n", "1:1: byline lists the same item twice"),
    ("- headline\n", "1:1: the file must be a mapping of fields"),
    ("headline: &h Ferry\ndateline: *h\n", "2:11: YAML anchors and aliases"),
    ("headline: !!python/object:os.system x\n", "1:11: YAML tag"),
])
def test_other_bad_values_are_refused(yaml, words):
    [error] = _errors(yaml)
    assert words in error


def test_every_problem_of_a_sidecar_is_reported_at_once():
    assert [e.split(" — ")[0] for e in _errors("headline: 7\nbyline: Ann\ncolour: blue\n")] == [
        "seeds/ferry.meta.yml:1:1: headline must be text",
        "seeds/ferry.meta.yml:2:1: byline must be a list",
        "seeds/ferry.meta.yml:3:1: unknown field 'colour'"]


# --- what ingest refuses, the sidecar rescues ----------------------------------------------------

def test_refusals_say_how_the_sidecar_helps():
    with pytest.raises(SeedError) as undated:
        ingest(UNDATED.encode(), "seeds/ferry.txt")
    assert "no publication date found" in undated.value.message
    assert undated.value.hint.startswith("set it in seeds/ferry.meta.yml (published: 2019-03-12T14:05+00:00), which leaves the seed as scraped; or, ")
    with pytest.raises(NoHeadlineError) as headless:
        ingest(NO_HEADLINE.encode(), "seeds/ferry.txt")
    assert headless.value.hint.startswith("set it in seeds/ferry.meta.yml (headline: The headline as published), which leaves the seed as scraped; or, ")


def test_sidecar_gives_what_the_seed_lacks():
    undated = _article(UNDATED, _sidecar("published: 2019-03-12T14:05+05:30\n"))
    assert (undated.published, undated.updated, undated.time_zone) == ("2019-03-12T14:05:00+05:30", None, None)
    assert undated.paragraphs == _article().paragraphs
    headless = _article(NO_HEADLINE, _sidecar("headline: Harbour authority approves a winter timetable\n"))
    assert headless.title == "Harbour authority approves a winter timetable"
    assert (headless.authors, headless.published) == (("Ann Lee",), "2019-03-12T14:05:00+05:30")
    assert headless.paragraphs == _article().paragraphs
    with pytest.raises(SeedError, match="no publication date"):  # a headline alone does not date it
        _article(UNDATED, _sidecar("headline: Harbour authority approves a winter timetable\n"))


# --- at the build's edge -------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """seeds/ with two seeds, an empty registry; the working directory is the project, so files
    are named seeds/… as for `make build`."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "registry").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "seeds" / "ferry.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "seeds" / "other.txt").write_text(
        SEED.replace("ferry timetable", "bus timetable").replace("ferries", "buses"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(project: Path, docs: str = "docs", cache: bool = True):
    return build(BuildConfig(project / "seeds", project / docs, project / "registry", project / "annotations", jobs=1,
                 cache_dir=project / "cache" if cache else None, site_url="https://example.org/",
                 repo_url="https://github.com/example/archive"))


def _archive(project: Path, docs: str = "docs") -> dict[str, dict]:
    data = json.loads((project / docs / "archive.json").read_text(encoding="utf-8"))
    return {b["source_file"]: b for b in data["briefings"]}


def _front_matter(project: Path, source: str, docs: str = "docs") -> str:
    for page in (project / docs / "briefings").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if f"\nsource: {source}\n" in text:
            return text.split("\n---\n", 1)[0]
    raise AssertionError(f"no briefing of {source}")


def test_corrected_values_reach_front_matter_and_archive_json(project):
    seed = project / "seeds" / "ferry.txt"
    scraped = seed.read_bytes()
    (project / "seeds" / "ferry.meta.yml").write_text(
        "# corrections by a maintainer\nheadline: Harbour authority sets winter ferry timetable\n"
        "published: 2019-03-11T08:00+05:30\nupdated: 2019-03-12T14:05+05:30\n"
        "byline: [Ann Lee, Ben Roe]\ndateline: Porto Velho\n", encoding="utf-8")
    result = _build(project)
    assert not result.problems and result.pages == 2
    briefing = _archive(project)["seeds/ferry.txt"]
    assert (briefing["title"], briefing["published"], briefing["updated"], briefing["byline"], briefing["dateline"]) == (
        "Harbour authority sets winter ferry timetable", "2019-03-11T08:00:00+05:30", "2019-03-12T14:05:00+05:30",
        ["Ann Lee", "Ben Roe"], "Porto Velho")
    front = _front_matter(project, "seeds/ferry.txt")
    assert "title: Harbour authority sets winter ferry timetable\n" in front
    assert "date: '2019-03-11T08:00:00+05:30'\n" in front and "- Ben Roe\n" in front
    assert seed.read_bytes() == scraped  # the seed is never written
    assert _archive(project)["seeds/other.txt"]["byline"] == ["Ann Lee"]  # its neighbour is untouched


def test_seed_without_a_date_builds_with_its_sidecar(project):
    (project / "seeds" / "ferry.txt").write_text(UNDATED, encoding="utf-8")
    refused = _build(project)
    [error] = [str(e) for e in refused.problems.sorted()]
    assert error.startswith("seeds/ferry.txt:3: no publication date found") and "seeds/ferry.meta.yml" in error
    assert refused.pages == 1
    (project / "seeds" / "ferry.meta.yml").write_text("published: 2019-03-12T14:05+05:30\n", encoding="utf-8")
    built = _build(project)
    assert not built.problems and built.pages == 2
    assert _archive(project)["seeds/ferry.txt"]["published"] == "2019-03-12T14:05:00+05:30"


def test_bad_sidecar_fails_only_its_own_seed(project):
    (project / "seeds" / "ferry.meta.yml").write_text("headline: Fine\nauthor: [Ann Lee]\nupdated: soon\n",
                                                      encoding="utf-8")
    result = _build(project)
    assert [str(e).split(" — ")[0] for e in result.problems.sorted()] == [
        "seeds/ferry.meta.yml:2:1: unknown field 'author'", "seeds/ferry.meta.yml:3:1: updated 'soon' is not valid"]
    assert result.pages == 1 and list(_archive(project)) == ["seeds/other.txt"]


def test_sidecars_are_not_seeds_and_a_sidecar_without_seed_is_reported(project):
    seeds = project / "seeds"
    (seeds / "gone.meta.yml").write_text("headline: A seed that was deleted\n", encoding="utf-8")
    (seeds / "other.meta.yaml").write_text("headline: Misnamed\n", encoding="utf-8")
    assert [p.name for p in seed_files(seeds)] == ["ferry.txt", "other.txt"]
    result = _build(project)
    assert [str(e) for e in result.problems.sorted()] == [
        "seeds/gone.meta.yml: sidecar without a seed: there is no gone.txt or gone.html — name it after its "
        "seed (<name>.txt or <name>.html → <name>.meta.yml), or delete it",
        "seeds/other.meta.yaml: a sidecar's name ends in .meta.yml, not .meta.yaml — rename it to other.meta.yml"]
    assert result.pages == 2
    assert [str(e) for e in _build(project).problems.sorted()] == [str(e) for e in result.problems.sorted()]  # replayed
    assert [str(e) for e in check(seeds, project / "annotations", project / "registry").problems.sorted()] == \
        [str(e) for e in result.problems.sorted()]


def test_check_validates_sidecars(project):
    (project / "seeds" / "ferry.meta.yml").write_text("headline: [Ferry\n", encoding="utf-8")
    [error] = check(project / "seeds", project / "annotations", project / "registry").problems.sorted()
    assert str(error).startswith("seeds/ferry.meta.yml:1:11: invalid YAML: the list opened here with '['")


def test_symlinked_sidecar_is_refused_unread(project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("outside") / "secret.yml"
    secret.write_text("headline: read from outside the repository\n", encoding="utf-8")
    os.symlink(secret, project / "seeds" / "ferry.meta.yml")
    result = _build(project)
    assert [str(e) for e in result.problems.sorted()] == [
        "seeds/ferry.meta.yml: input file is a symbolic link — commit the file itself, not a link or device"]


@pytest.mark.parametrize("change", ["add", "edit", "edit comment only", "make invalid", "fix", "remove"])
def test_incremental_build_after_changing_a_sidecar_equals_a_clean_build(project, change):
    sidecar = project / "seeds" / "ferry.meta.yml"
    if change != "add":
        sidecar.write_text("headline: Harbour authority sets winter ferry timetable\nbyline: [Ann Lee]\n"
                           if change != "fix" else "headline: [broken\n", encoding="utf-8")
    first = _build(project)
    before = _tree(project / "docs")
    assert _build(project).skipped  # warm, nothing changed
    if change == "add":
        sidecar.write_text("headline: Harbour authority sets winter ferry timetable\n", encoding="utf-8")
    elif change == "edit":
        sidecar.write_text("headline: Harbour authority sets winter ferry timetable\nbyline: [Ben Roe]\n"
                           "dateline: Porto Velho\npublished: 2019-03-11\n", encoding="utf-8")
    elif change == "edit comment only":
        sidecar.write_text("# checked against the page\n" + sidecar.read_text(encoding="utf-8"), encoding="utf-8")
    elif change == "make invalid":
        sidecar.write_text("headline: Harbour authority sets winter ferry timetable\nbyline: Ann Lee\n",
                           encoding="utf-8")
    elif change == "fix":
        sidecar.write_text("headline: Harbour authority sets winter ferry timetable\n", encoding="utf-8")
    else:
        sidecar.unlink()
    cached = _build(project)
    clean = _build(project, docs="clean", cache=False)
    assert _tree(project / "docs") == _tree(project / "clean")
    assert _problems(cached) == _problems(clean) and cached.pages == clean.pages
    if change == "edit comment only":  # same values, same key: the build is rightly skipped
        assert cached.skipped and _tree(project / "docs") == before
    else:
        assert not cached.skipped and _tree(project / "docs") != before
        assert _problems(cached) != _problems(first) or change in ("add", "edit", "remove")
    assert _build(project).skipped  # and warm again


def test_sidecars_reach_worker_processes(project, monkeypatch):
    from generator import build as build_module

    monkeypatch.setattr(build_module, "PARALLEL_MIN", 1)  # a process pool at this size
    (project / "seeds" / "ferry.meta.yml").write_text("byline: [Ben Roe]\n", encoding="utf-8")
    parallel = build(BuildConfig(project / "seeds", project / "parallel", project / "registry", None, jobs=2))
    serial = build(BuildConfig(project / "seeds", project / "serial", project / "registry", None, jobs=1))
    assert not parallel.problems and _archive(project, "parallel")["seeds/ferry.txt"]["byline"] == ["Ben Roe"]
    assert _tree(project / "parallel") == _tree(project / "serial")


def test_oversized_sidecar_and_a_bug_it_trips_are_its_own_errors(project, monkeypatch):
    from generator.ingest import sidecar as sidecar_module

    (project / "seeds" / "ferry.meta.yml").write_text("headline: x\n" + "#" * sidecar_module.MAX_BYTES, encoding="utf-8")
    [error] = _build(project, cache=False).problems.sorted()
    assert str(error).startswith("seeds/ferry.meta.yml: file is 16,396 bytes, more than the limit of 16,384")

    def broken(data, file):
        raise KeyError("headline")

    (project / "seeds" / "ferry.meta.yml").write_text("headline: A headline\n", encoding="utf-8")
    monkeypatch.setattr(sidecar_module, "parse_sidecar", broken)
    result = _build(project, cache=False)
    assert [str(e).split(" — ")[0] for e in result.problems.sorted()] == [
        "seeds/ferry.meta.yml: internal error while reading this sidecar: KeyError: 'headline'"]
    assert result.pages == 1


def test_an_unreadable_date_line_says_how_the_sidecar_helps_and_builds_with_one():
    unreadable = HEADER + "Published: 31 February 2019 14:05 IST\n\n" + BODY
    with pytest.raises(SeedError) as caught:
        ingest(unreadable.encode(), "seeds/ferry.txt")
    assert caught.value.message.startswith("unreadable date")
    assert caught.value.hint.startswith("set it in seeds/ferry.meta.yml (published: 2019-03-12T14:05+00:00), which leaves the seed as scraped; or, ")
    article = _article(unreadable, _sidecar("published: 2019-03-01T14:05+05:30\n"))
    assert article.published == "2019-03-01T14:05:00+05:30"
    assert article.paragraphs == _article().paragraphs
    assert [r.rule for r in article.removed if r.text.startswith("Published")] == ["unreadable-date"]
