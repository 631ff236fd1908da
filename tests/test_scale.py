"""Scale (issue 9) at smoke size: corpus determinism, the seed cache, parallel = serial, the
paginated index, the search switch, and `make bench` end to end at N = 50. Speed itself is
measured by `make bench`, never here."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import build
from generator.config import BuildConfig
from tools.synthetic import MARKER, generate, registry_files, write_corpus
from generator.link import link
from generator.registry import load_registry
from generator.render import parallel
from generator.render.pages import index_page_path, render_briefing_index
from generator.sitesearch import SEARCH_THRESHOLD, choose_engine

from .conftest import ROOT

N = 50


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scale") / "corpus"
    write_corpus(out, N, seed=7)
    return out


def _build(corpus: Path, docs: Path, cache: Path | None, jobs: int = 1):
    return build(BuildConfig(corpus, docs, corpus / "registry", None, jobs=jobs, cache_dir=cache))


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_corpus_is_deterministic_and_prefix_stable():
    first = list(generate(12, seed=3))
    assert first == list(generate(12, seed=3))
    assert first[:5] == list(generate(5, seed=3))  # article i does not depend on N
    assert first != list(generate(12, seed=4))
    assert registry_files(3) == registry_files(3)


def test_corpus_has_the_scraped_features(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    assert len(texts) == N
    joined = "\n".join(texts)
    for feature in ("Also Read |", "STORIES YOU MAY LIKE", "CURATED FOR YOU", "(Synthetic Photo)",
                    ' said, "', '," ', "Published: ", "Updated", "\\$", "crore"):
        assert feature in joined, feature
    # Entities recur across articles with a long tail: the commonest name is in many articles.
    registry, errors = load_registry(corpus / "registry")
    assert not errors and len(registry) > 50
    counts = sorted((sum(e.name in t for t in texts) for e in registry.entities.values()), reverse=True)
    assert counts[0] >= N // 5 and counts[-1] <= 2


def test_corpus_never_replaces_seeds_or_foreign_folders(tmp_path):
    with pytest.raises(ValueError, match="real articles"):
        write_corpus(tmp_path / "seeds", 1)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="not made by"):
        write_corpus(foreign, 1)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    write_corpus(tmp_path / "ok", 2)
    assert (tmp_path / "ok" / MARKER).is_file()
    write_corpus(tmp_path / "ok", 1)  # its own folder is replaced
    assert len(list((tmp_path / "ok").glob("*.txt"))) == 1


def test_cache_hits_misses_and_corrupt_entries(corpus, tmp_path, monkeypatch):
    calls = []
    real = build_module.process_seed
    monkeypatch.setattr(build_module, "process_seed", lambda *a: calls.append(a[0]) or real(*a))
    cache = tmp_path / "cache"
    first = _build(corpus, tmp_path / "a", cache)
    assert len(calls) == N and not first.problems.warnings
    calls.clear()
    second = _build(corpus, tmp_path / "b", cache)
    assert calls == [] and _tree(tmp_path / "a") == _tree(tmp_path / "b")
    entries = sorted(cache.rglob("*.pickle"))
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(pickle.dumps((1, "another key", "briefing", None)))
    third = _build(corpus, tmp_path / "c", cache)
    assert len(calls) == 2 and len(third.problems.warnings) == 2
    assert "corrupt cache entry ignored" in str(third.problems.warnings[0])
    assert _tree(tmp_path / "a") == _tree(tmp_path / "c")
    assert second.report.unchanged == 0  # b was a fresh folder: everything written once


def test_changed_seed_is_reprocessed_alone(corpus, tmp_path, monkeypatch):
    calls = []
    real = build_module.process_seed
    monkeypatch.setattr(build_module, "process_seed", lambda *a: calls.append(a[0]) or real(*a))
    work = tmp_path / "corpus"
    write_corpus(work, 20, seed=7)
    _build(work, tmp_path / "docs", tmp_path / "cache")
    seed = work / "000004.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("CURATED FOR YOU", "Officials declined to comment.\n"),
                    encoding="utf-8")
    calls.clear()
    result = _build(work, tmp_path / "docs", tmp_path / "cache")
    assert [Path(c).name for c in calls] == ["000004.txt"]
    assert result.report.written and result.report.unchanged  # only what changed is rewritten


def test_parallel_output_is_byte_identical_to_serial(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)  # force the parallel render at smoke size
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setattr(build_module, "PARALLEL_MIN", 1)
    serial = _build(corpus, tmp_path / "serial", None, jobs=1)
    two = _build(corpus, tmp_path / "two", None, jobs=2)
    three = _build(corpus, tmp_path / "three", None, jobs=3)
    assert len(serial.archive.pages) == N
    assert _tree(tmp_path / "serial") == _tree(tmp_path / "two") == _tree(tmp_path / "three")
    assert [str(e) for e in serial.problems.sorted()] == [str(e) for e in two.problems.sorted()]


def test_briefings_index_is_paginated(corpus, tmp_path):
    result = _build(corpus, tmp_path / "docs", None)
    pages = render_briefing_index(result.archive, page_size=20)
    assert list(pages) == ["briefings/index.md", "briefings/page/2.md", "briefings/page/3.md"]
    assert [index_page_path(n) for n in (1, 3)] == ["briefings/index.md", "briefings/page/3.md"]
    listed = [page.path for page in result.archive.pages]
    text = "\n".join(pages.values())
    for path in listed:  # every briefing on exactly one page, newest first across the pages
        target = path.removeprefix("briefings/")
        assert sum(t.count(f"{target})") for t in pages.values()) == 1
    assert "[Older →](page/2.md)" in pages["briefings/index.md"]
    assert "[← Newer](../index.md)" in pages["briefings/page/2.md"]
    assert "Older" not in pages["briefings/page/3.md"] and "41–50" in pages["briefings/page/3.md"]
    assert text.index(listed[0].rsplit("/", 1)[1]) < text.index(listed[-1].rsplit("/", 1)[1])
    empty = render_briefing_index(link([]))
    assert list(empty) == ["briefings/index.md"]


def test_search_engine_choice(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = [f"briefings/2026/01/b{i}.md" for i in range(SEARCH_THRESHOLD + 1)] + ["briefings/index.md"]
    (docs / ".generated").write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    assert choose_engine("auto", docs) == "material"  # exactly the threshold
    (docs / ".generated").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert choose_engine("auto", docs) == "pagefind"
    assert choose_engine("material", docs) == "material"
    with pytest.raises(ValueError, match="unknown search setting"):
        choose_engine("lunr", docs)


@pytest.mark.slow
def test_bench_smoke(tmp_path):
    """`make bench` end to end at N = 50: every stage runs and the table is written."""
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", str(N),
                           "--repeat", "1", "--baseline", "--browser-size", "0",
                           "--work", str(tmp_path / "work"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    size = results["sizes"][0]
    assert size["briefings"] == N and size["errors"] == 0
    for key in ("ingest_1core", "extract_1core", "read", "link", "render", "write", "generator_cold",
                "generator_warm", "generator_one_changed", "site_build", "whole_build"):
        assert size[key] > 0, key
    assert size["material_index_bytes"] > 0 and size["pagefind_bytes"] == 0  # small: Material search
    table = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "| **generator, warm**, nothing changed |" in table


def test_writer_fast_path_keeps_its_guarantees(tmp_path):
    """The writer checks 10,000 files by lstat and size first; unchanged files keep their mtime,
    a same-size change is still caught, and a generated file that is a link out of docs/ is
    refused."""
    from generator.write import UnsafePath, write_files

    docs = tmp_path / "docs"
    write_files(docs, {"a/x.md": b"one", "a/y.md": b"two"})
    before = (docs / "a/x.md").stat().st_mtime_ns
    report = write_files(docs, {"a/x.md": b"one", "a/y.md": b"TWO"})
    assert report.written == ("a/y.md",) and report.unchanged == 1
    assert (docs / "a/x.md").stat().st_mtime_ns == before and (docs / "a/y.md").read_bytes() == b"TWO"
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"one")
    (docs / "a/x.md").unlink()
    (docs / "a/x.md").symlink_to(outside)
    with pytest.raises(UnsafePath, match="outside docs"):
        write_files(docs, {"a/x.md": b"one", "a/y.md": b"TWO"})
    assert outside.read_bytes() == b"one"
