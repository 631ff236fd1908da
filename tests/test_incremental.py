"""The whole-build fingerprint (generator/incremental/skip.py): a warm build with nothing changed skips
link, render and write and leaves docs/ byte-identical to a cold build; any changed input, any
touched or missing docs file and any corrupt or forged record means a full, correct build."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import build
from generator.config import BuildConfig
from generator.incremental.store import Store

from .conftest import ROOT

SEED = "000_e80ecc7bd58d023e"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """The real seed, with copies of the registry and annotations that a test may change; the
    working directory is the project root, as for `make build` (source names are relative to it)."""
    monkeypatch.chdir(ROOT)
    for folder in ("registry", "annotations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def _build(project: Path, docs: str = "docs", cache: str | None = "cache", site_url: str = "https://example.org/",
           seeds: Path = ROOT / "seeds"):
    return build(BuildConfig(seeds, project / docs, project / "registry", project / "annotations", jobs=1,
                 cache_dir=project / cache if cache else None, site_url=site_url,
                 repo_url="https://github.com/example/archive"))


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def _problems(result) -> tuple[list[str], list[str]]:
    return [str(e) for e in result.problems.sorted()], sorted(str(w) for w in result.problems.warnings)


def _assert_same_as_cold(project: Path, result, **options) -> None:
    """docs/ and the problems reported equal those of a cold build (no cache) of the same inputs."""
    cold = _build(project, docs="cold", cache=None, **options)
    assert not cold.skipped
    assert _tree(project / "docs") == _tree(project / "cold")
    assert _problems(result) == _problems(cold) and result.pages == cold.pages
    shutil.rmtree(project / "cold")


def _skips(project: Path, monkeypatch, **options):
    """Build once more and say whether link/render/write were skipped (render must not run then)."""
    calls = []
    real, cached = build_module.render, build_module.RenderCache.render
    monkeypatch.setattr(build_module, "render", lambda *a: calls.append(1) or real(*a))
    monkeypatch.setattr(build_module.RenderCache, "render", lambda *a: calls.append(1) or cached(*a))
    result = _build(project, **options)
    assert result.skipped == (not calls)
    return result


def test_warm_build_with_nothing_changed_skips_and_matches_cold(project, monkeypatch):
    first = _build(project)
    assert not first.skipped and first.report.written
    before = {p: os.stat(p).st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    second = _skips(project, monkeypatch)
    assert second.skipped and second.archive is None and second.pages == first.pages == 1
    assert second.report.written == () and second.report.unchanged == len(first.report.written)
    assert {p: os.stat(p).st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == before
    assert _problems(second) == _problems(first)  # linking problems are replayed, not lost
    _assert_same_as_cold(project, second, site_url="https://example.org/")


def test_annotation_problems_are_replayed_on_a_skip(project, monkeypatch):
    (project / "annotations" / "broken.yml").write_text("briefing: [unclosed\n", encoding="utf-8")
    first = _build(project)
    assert any("broken.yml" in e for e in _problems(first)[0])
    second = _skips(project, monkeypatch)
    assert second.skipped and _problems(second) == _problems(first)


def test_a_seeds_reading_warnings_are_replayed_on_a_skip(project, monkeypatch):
    seeds = project / "seeds"
    seeds.mkdir()
    seed = next((ROOT / "seeds").glob("*.txt"))
    (seeds / seed.name).write_bytes(seed.read_bytes().replace(b". ", b".\x10 ", 1))
    monkeypatch.chdir(project)
    first = _build(project, seeds=seeds)
    assert any("removed control character U+0010" in w for w in _problems(first)[1])
    second = _skips(project, monkeypatch, seeds=seeds)
    assert second.skipped and _problems(second) == _problems(first)


@pytest.mark.parametrize("change", ["seed", "registry", "annotation", "new annotation", "site_url"])
def test_any_changed_input_rebuilds_correctly(project, monkeypatch, change):
    seeds = project / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    monkeypatch.chdir(project)  # so that the copied seed keeps the name the annotations use
    site_url = "https://example.org/"
    _build(project, seeds=seeds, site_url=site_url)
    assert _skips(project, monkeypatch, seeds=seeds, site_url=site_url).skipped
    if change == "seed":
        path = seeds / f"{SEED}.txt"
        path.write_bytes(path.read_bytes().replace(b"something very timely", b"something very urgent", 1))
    elif change == "registry":
        path = project / "registry" / "agreement" / "forge.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("US-led forum", "A forum"), encoding="utf-8")
    elif change == "annotation":
        path = project / "annotations" / SEED / "quad.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("diplomatic", "strategic"), encoding="utf-8")
    elif change == "new annotation":
        (project / "annotations" / "orphan.yml").write_text("not: [valid\n", encoding="utf-8")
    else:
        site_url = "https://elsewhere.example/archive/"
    result = _skips(project, monkeypatch, seeds=seeds, site_url=site_url)
    assert not result.skipped and (bool(result.report.written) or change == "new annotation")  # that one: an error only
    _assert_same_as_cold(project, result, seeds=seeds, site_url=site_url)
    assert _skips(project, monkeypatch, seeds=seeds, site_url=site_url).skipped  # and warm again


@pytest.mark.parametrize("damage", ["same size", "other size", "missing", "symlink", "staging left"])
def test_touched_or_missing_docs_file_rebuilds(project, monkeypatch, damage):
    _build(project)
    page = next((project / "docs" / "briefings").rglob("*.md"))
    good = page.read_bytes()
    if damage == "same size":
        page.write_bytes(good.replace(b"#", b"!", 1))
        os.utime(page, ns=(1, 1))  # whatever the clock's granularity, the time differs from the record
    elif damage == "other size":
        page.write_bytes(good + b"\ninjected\n")
    elif damage == "missing":
        page.unlink()
    elif damage == "symlink":
        page.unlink()
        page.symlink_to(project / "docs" / "index.md")  # inside docs/: one outside is refused (write.py)
    else:
        (project / "docs" / ".staging").mkdir()
    result = _skips(project, monkeypatch)
    assert not result.skipped and page.read_bytes() == good and not page.is_symlink()
    _assert_same_as_cold(project, result, site_url="https://example.org/")


def test_corrupt_forged_or_missing_record_means_a_full_build(project, monkeypatch):
    _build(project)
    [record] = Store(project / "cache").path("fingerprints", "").iterdir()
    signature, blob = record.read_bytes().split(b"\n", 1)
    data = json.loads(blob)
    for text in (b"", b"garbage", signature + b"\n{not json", b"0" * 64 + b"\n" + blob,
                 signature + b"\n" + json.dumps(dict(data, pages=99)).encode()):
        record.write_bytes(text)
        assert not _skips(project, monkeypatch).skipped  # rebuilt, and the record rewritten
        assert _skips(project, monkeypatch).skipped
    shutil.rmtree(project / "cache")
    assert not _skips(project, monkeypatch).skipped
    _assert_same_as_cold(project, _skips(project, monkeypatch), site_url="https://example.org/")


def test_no_cache_or_another_docs_folder_never_skips(project, monkeypatch):
    _build(project)
    assert not _skips(project, monkeypatch, cache=None).skipped
    assert not _skips(project, monkeypatch, docs="other").skipped
    assert _skips(project, monkeypatch, docs="other").skipped


def test_seed_errors_are_replayed_on_a_skip(project, monkeypatch):
    seeds = project / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "link.txt").symlink_to(seeds / f"{SEED}.txt")  # refused unread
    first = _build(project, seeds=seeds)
    assert any("empty.txt" in e for e in _problems(first)[0]) and any("link.txt" in e for e in _problems(first)[0])
    second = _skips(project, monkeypatch, seeds=seeds)
    assert second.skipped and _problems(second) == _problems(first)
    (seeds / "link.txt").unlink()
    third = _skips(project, monkeypatch, seeds=seeds)
    assert not third.skipped and not any("link.txt" in e for e in _problems(third)[0])


def test_records_of_vanished_docs_folders_are_pruned(project):
    _build(project, docs="a")
    _build(project, docs="b")
    assert len(list(Store(project / "cache").path("fingerprints", "").glob("*.json"))) == 2
    shutil.rmtree(project / "a")
    _build(project, docs="b", site_url="https://changed.example/")  # a full build writes its record
    assert len(list(Store(project / "cache").path("fingerprints", "").glob("*.json"))) == 1


def test_a_build_drops_what_earlier_cache_formats_kept(tmp_path):
    from generator.incremental.store import FORMAT

    cache = tmp_path / "cache"
    for old in ("seeds/ab", "fingerprints", "renders", f"v{FORMAT - 1}/seeds"):
        (cache / old).mkdir(parents=True)
        (cache / old / "x").write_bytes(b"old")
    (tmp_path / "seeds").mkdir()
    build(BuildConfig(tmp_path / "seeds", tmp_path / "docs", ROOT / "registry", None, cache_dir=cache, jobs=1))
    assert sorted(p.name for p in cache.iterdir()) == [f"v{FORMAT}"]


def test_another_engine_is_a_full_build_of_its_links(project):
    # build --engine zensical writes the raw-HTML lists' links another way (README, "Engines"):
    # neither the whole-build skip nor the render cache may hand back the other engine's pages.
    def engine_build(engine):
        return build(BuildConfig(ROOT / "seeds", project / "docs", project / "registry", project / "annotations",
                                 jobs=1, cache_dir=project / "cache", engine=engine))

    engine_build("mkdocs")
    before = _tree(project / "docs")
    again = engine_build("zensical")
    assert not again.skipped
    after = _tree(project / "docs")
    changed = [path for path in after if after[path] != before.get(path)]
    assert changed and all(path.endswith(".md") for path in changed)
    briefing = after[next(p for p in changed if p.startswith("briefings/"))]
    assert re.search(rb'<a href="(\.\./){3}entities/people/[a-z0-9-]+\.md">', briefing)  # the file, not its URL
    cold = build(BuildConfig(ROOT / "seeds", project / "cold", project / "registry", project / "annotations",
                             jobs=1, engine="zensical"))
    assert _tree(project / "cold") == after and cold.pages == again.pages
