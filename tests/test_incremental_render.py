"""The render cache (generator/incremental/renders.py): after any kind of change to the inputs, a build that
reuses unchanged pages writes exactly the docs/ of a clean build; the digests' contract holds (a
page reads no more of other entities and briefings than their faces and cards); a corrupt or
foreign record is ignored with a warning."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import build, read_seeds, seed_files
from generator.config import BuildConfig
from generator.errors import Problems
from generator.export import annotation_record, archive_json, briefing_record, entity_record
from generator.incremental.store import Store
from generator.link import link
from generator.registry import load_registry
from generator.render import entities, pages, parallel
from generator.render.units import Digests, page_units
from tools.synthetic import write_corpus

from .conftest import ROOT

SEEDS = 14
REAL = "000_e80ecc7bd58d023e"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """A small synthetic corpus, the real seed and its annotations."""
    root = tmp_path_factory.mktemp("incremental")
    write_corpus(root / "corpus", SEEDS, seed=11)
    (root / "seeds").mkdir()
    for path in sorted((root / "corpus").glob("*.txt")):
        shutil.copy(path, root / "seeds" / path.name)
    shutil.copy(ROOT / "seeds" / f"{REAL}.txt", root / "seeds")
    shutil.copytree(root / "corpus" / "registry", root / "registry")
    shutil.copytree(ROOT / "annotations", root / "annotations")
    return root


def _build(root: Path, docs: str, cache: bool, jobs: int = 1):
    return build(BuildConfig(root / "seeds", root / docs, root / "registry", root / "annotations", jobs=jobs,
                 cache_dir=root / "cache" if cache else None, site_url="https://example.org/",
                 repo_url="https://github.com/example/archive"))


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def _longest_line(path: Path, extra: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[index] += extra
    path.write_text("\n".join(lines), encoding="utf-8")


def _registry_entity(root: Path) -> Path:
    """The registry's person named in the most seeds: a change to them shows on many pages."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    return max(sorted((root / "registry" / "person").glob("*.yml")),
               key=lambda path: sum(_name(path) in text for text in texts))


def _name(path: Path) -> str:
    return re.search(r"^name: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)


def _seed(root: Path, n: int) -> Path:
    return root / "seeds" / f"{n:06d}.txt"


def change_text(root):
    _longest_line(_seed(root, 3), " Officials declined to comment further.")


def _seed_without(root: Path, name: str) -> Path:
    return next(p for p in sorted((root / "seeds").glob("0*.txt")) if name not in p.read_text(encoding="utf-8"))


def change_entities(root):
    """A briefing starts naming a much-mentioned person: their count changes on other pages."""
    name = _name(_registry_entity(root))
    _longest_line(_seed_without(root, name), f" {name} said the talks would resume in Zeizas.")


def add_event(root):
    _longest_line(_seed(root, 6), f" On 3 March 2021, {_name(_registry_entity(root))} met the envoys in Zeizas.")


def change_title(root):
    path = _seed(root, 7)
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.split("\n") if line.strip())
    path.write_text(text.replace(first, "Talks on grain exports resume after a long pause", 1), encoding="utf-8")


def change_date(root):
    path = _seed(root, 9)
    text = path.read_text(encoding="utf-8")
    year = re.search(r"\b(20\d\d)\b", text)
    path.write_text(text[:year.start()] + str(int(year.group(1)) - 3) + text[year.end():], encoding="utf-8")


def change_registry(root):
    path = _registry_entity(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^description: .*$", "description: Changed by the test.", text, flags=re.M),
                    encoding="utf-8")


def change_annotation(root):
    path = root / "annotations" / REAL / "quad.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("diplomatic", "diplomatic (edited)"), encoding="utf-8")


def delete_annotation(root):
    (root / "annotations" / REAL / "forge.yml").unlink()


def delete_seed(root):
    _seed(root, 11).unlink()


def add_seed(root):
    shutil.copy(root / "corpus" / f"{12:06d}.txt", root / "seeds" / "zz-added.txt")


CHANGES = [change_text, change_entities, add_event, change_title, change_date, change_registry, change_annotation,
           delete_annotation, delete_seed, add_seed]


@pytest.fixture
def built(inputs, tmp_path, monkeypatch) -> Path:
    """A copy of the inputs, built once with a cache into ``docs``; entity lists paginated by 3 so
    that the small corpus has entities with several pages."""
    monkeypatch.setattr(entities, "ITEMS_PER_PAGE", 3)
    for name in ("seeds", "registry", "annotations", "corpus"):
        shutil.copytree(inputs / name, tmp_path / name)
    _build(tmp_path, "docs", cache=True)
    return tmp_path


def test_incremental_builds_equal_clean_builds_after_every_kind_of_change(built):
    root = built
    first = _build(root, "first", cache=False)
    assert not first.problems.errors and first.pages == SEEDS + 1
    for change in CHANGES:
        change(root)
        result = _build(root, "docs", cache=True)
        assert not result.skipped, change.__name__
        clean = _build(root, f"clean-{change.__name__}", cache=False)
        assert _tree(root / "docs") == _tree(root / f"clean-{change.__name__}"), change.__name__
        assert sorted(map(str, result.problems.warnings)) == sorted(map(str, clean.problems.warnings))
        # Only what the change touched was written; the rest stayed as it was.
        assert len(result.report.written) < len(first.report.written) // 2, change.__name__
        shutil.rmtree(root / f"clean-{change.__name__}")


def test_render_on_worker_processes_gives_the_same_bytes(built, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    _build(built, "parallel", cache=True, jobs=2)
    assert _tree(built / "parallel") == _tree(built / "docs")


def test_deleting_or_corrupting_the_record_changes_nothing_but_speed(built):
    root = built
    expected = _tree(root / "docs")
    record = next(Store(root / "cache").path("renders", "").glob("*.json"))
    record.write_bytes(record.read_bytes().replace(b'"units"', b'"units" ', 1))  # breaks the signature
    _longest_line(_seed(root, 2), " A new sentence.")
    result = _build(root, "docs", cache=True)
    assert any("render cache record ignored" in str(w) for w in result.problems.warnings)
    clean = _build(root, "clean", cache=False)
    assert _tree(root / "docs") == _tree(root / "clean") != expected
    shutil.rmtree(Store(root / "cache").path("renders", ""))
    _longest_line(_seed(root, 2), " And another.")
    _build(root, "docs", cache=True)
    _build(root, "clean2", cache=False)
    assert _tree(root / "docs") == _tree(root / "clean2")


def test_touched_or_deleted_page_is_rendered_again(built):
    root = built
    expected = _tree(root / "docs")
    page = next((root / "docs" / "briefings").rglob("*.md"))
    page.write_text("tampered", encoding="utf-8")
    entity = next((root / "docs" / "entities" / "people").glob("*-*.md"))
    entity.unlink()
    _longest_line(_seed(root, 4), " Something else happened.")  # so that the build is not skipped
    result = _build(root, "docs", cache=True)
    written = set(result.report.written)
    assert {page.relative_to(root / "docs").as_posix(), entity.relative_to(root / "docs").as_posix()} <= written
    assert _tree(root / "docs").keys() == expected.keys()


def _archive(inputs: Path):
    registry, _ = load_registry(inputs / "registry")
    return link(read_seeds(seed_files(inputs / "seeds"), registry, Problems()), registry)


def _scrambled(record, keep=None):
    """The record with everything but its face (and the list items ``keep(list, i)`` selects)
    replaced: lists of the same lengths, other content."""
    def items(name, values, change):
        return tuple(value if keep and keep(name, i) else change(value) for i, value in enumerate(values))

    return replace(
        record, sightings=items("briefings", record.sightings, lambda s: replace(s, sentence="scrambled", paragraph=0, count=99)),
        sayings=items("said", record.sayings, lambda s: replace(s, quote=replace(s.quote, text="scrambled"))),
        timeline=items("timeline", record.timeline, lambda t: replace(t, index=99)),
        co_mentions=record.co_mentions if keep else tuple(("scrambled", 0) for _ in record.co_mentions))


def test_pages_read_only_faces_of_other_entities_and_cards_of_other_briefings(inputs):
    """The contract the digests rely on (render/units.py's docstring): if a template starts reading
    more of another entity or briefing, this fails; then add what it reads to the digest."""
    archive = _archive(inputs)
    others = replace(archive, entities=tuple(_scrambled(r) for r in archive.entities),
                     pages=tuple(replace(p, tags=(), related=(), annotations=()) for p in archive.pages))
    for original, bare in zip(archive.pages, others.pages):
        own = replace(others, pages=tuple(original if p.slug == original.slug else p for p in others.pages))
        assert pages.render_briefing(original, own) == pages.render_briefing(original, archive), original.path
    for i, record in enumerate(archive.entities):
        own = replace(others, entities=tuple(record if r.id == record.id else r for r in others.entities))
        assert entities.files(own, i, i + 1) == entities.files(archive, i, i + 1), record.path


def test_archive_json_is_the_json_of_its_records_and_its_unit_assembles_it(inputs):
    import json

    archive = _archive(inputs)
    data = {"version": 1, "briefings": [briefing_record(p) for p in archive.pages],
            "entities": [entity_record(e) for e in archive.entities],
            "orphaned_annotations": [annotation_record(a) for a in archive.orphaned_annotations]}
    assert archive_json(archive) == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    [unit] = [u for u in page_units(archive, {}) if u.parts]
    assert unit.render() == {"archive.json": archive_json(archive).encode()}
    assembled, where = unit.assemble({part.key: part.render() for part in unit.parts})
    for part in unit.parts:  # each record stands where the unit says, so it can be reused from disk
        start, end = where[part.key]
        assert assembled[start:end] == part.render()
    empty = replace(archive, pages=(), entities=())
    assert archive_json(empty) == json.dumps({**data, "briefings": [], "entities": []}, ensure_ascii=False, indent=1) + "\n"


def test_entity_pages_are_the_family_s_pages_and_read_only_the_items_they_list(inputs, monkeypatch):
    """Each entity page is its own unit (render.units.Digests.entity_pages): the units are exactly
    the pages entities.files() makes, and a page's text depends on no list item beyond its own."""
    size = 2
    monkeypatch.setattr(entities, "ITEMS_PER_PAGE", size)
    archive = _archive(inputs)
    digests = Digests(archive, {})
    entity_paths = {path for path in entities.files(archive)}
    rendered = {path: data for unit in page_units(archive, {}) if set(unit.paths) & entity_paths
                for path, data in unit.render().items()}
    assert rendered == {path: text.encode() for path, text in entities.files(archive).items()}
    assert any("/briefings-2.md" in path for path in rendered)
    for record in archive.entities:
        for section, number in digests.entity_pages(record):
            def keep(name, i):
                return (name == section and (number - 1) * size <= i < number * size) if section else i < size
            own = _scrambled(record, keep)
            scrambled = replace(archive, entities=tuple(own if r.id == record.id else r for r in archive.entities))
            assert entities.render_entity(own, scrambled, section, number) == \
                entities.render_entity(record, archive, section, number), (record.path, section, number)
