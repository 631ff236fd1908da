"""Files: slugs and output paths never leave docs/ or site/; hostile input files are refused at the
edge with a stated limit; a failed site build keeps the previous site/."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SeedError
from generator.inputfiles import (MAX_LINE_BYTES, MAX_PARAGRAPH_CHARS, MAX_SEED_BYTES, MAX_SEED_LINES,
                                  check_paragraphs, read_seed_bytes, strip_control_bytes)
from generator.ingest import ingest
from generator.slug import MAX_SLUG, RESERVED, make_slug, unique_slugs
from generator.write import UnsafePath, check_path, write_files
from tests.hostile import FRAGMENTS, ROOT, hostile_line

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
bounded = settings(max_examples=300, deadline=None, derandomize=True)


@bounded
@given(st.one_of(hostile_line, st.text(), st.sampled_from(FRAGMENTS)))
def test_every_slug_is_a_safe_file_name(text):
    slug = make_slug(text)
    assert SLUG.fullmatch(slug), slug
    assert slug not in RESERVED and not slug.isdigit()
    assert len(slug) <= MAX_SLUG + len("briefing-") + 8
    assert make_slug(text) == slug, "slugs must be deterministic"
    check_path(f"briefings/2026/05/{slug}.md")


@pytest.mark.parametrize("headline, expected", [
    ("..", "briefing-"), ("...", "briefing-"), ("!!!", "briefing-"), ("😀😀😀", "briefing-"),
    ("con", "briefing-con"), ("CON", "briefing-con"), ("Ｃｏｎ", "briefing-con"), ("404", "briefing-404"),
    ("search", "briefing-search"), ("assets", "briefing-assets"), ("index", "briefing-index"),
    ("../../etc/passwd", "etc-passwd"), ("\u202eevil\u202c", "evil"), ("C\u043euncil", "council"),
])
def test_slug_traps(headline, expected):
    assert make_slug(headline).startswith(expected)


@bounded
@given(st.lists(st.sampled_from(["x", "x-2", "x-3", "briefing-con", "a"]), max_size=12))
def test_unique_slugs_are_unique_and_keep_the_first(slugs):
    unique = unique_slugs(slugs)
    assert len(set(unique)) == len(unique) == len(slugs)
    for original, made in zip(slugs, unique):
        assert made == original or made.startswith(original + "-")


@pytest.mark.parametrize("path", ["../x.md", "/etc/passwd", "a/../../x.md", "a\\..\\x.md", "", ".generated",
                                  "a/.staging/x.md", "x\x00.md", "a//b.md", "./x.md"])
def test_writer_refuses_paths_that_leave_docs(tmp_path, path):
    with pytest.raises(UnsafePath):
        write_files(tmp_path / "docs", {path: b"x"})
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_writer_does_not_follow_a_symlinked_folder_out_of_docs(tmp_path):
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    docs.mkdir(), outside.mkdir()
    (docs / "briefings").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePath):
        write_files(docs, {"briefings/x.md": b"x"})
    assert list(outside.iterdir()) == []


def test_writer_does_not_overwrite_through_a_symlinked_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (docs / "index.md").symlink_to(victim)
    with pytest.raises(UnsafePath):
        write_files(docs, {"index.md": b"x"}, hand_written=set())
    assert victim.read_text() == "keep"


def test_a_tampered_manifest_never_deletes_outside_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (docs / ".generated").write_text("../victim.txt\n/etc/hostname\n")
    write_files(docs, {"index.md": b"x"})
    assert victim.read_text() == "keep"


@pytest.mark.parametrize("name, data, words", [
    ("big.txt", b"x" * (MAX_SEED_BYTES + 1), "limit of 524,288"),
    ("lines.txt", b"Hi.\n" * (MAX_SEED_LINES + 1), "more than the limit of 20,000"),
    ("line.txt", b"Headline\n\n" + b"[" * (MAX_LINE_BYTES + 1) + b"\n", "line of 65,537 bytes"),
])
def test_seed_limits_are_clear_errors(tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    start = time.process_time()
    with pytest.raises(SeedError, match=re.escape(words)) as caught:
        read_seed_bytes(tmp_path / name, f"seeds/{name}")
    assert caught.value.file == f"seeds/{name}" and " — " in str(caught.value)
    # Refused before any parsing; CPU time, which other processes on a busy machine do not stretch.
    assert time.process_time() - start < 5


@pytest.mark.parametrize(("data", "clean", "where", "words"), [
    (b"Headline\n\nbody \x00 here\n", b"Headline\n\nbody  here\n", (3, 6), "U+0000 from"),
    (b"Headline\n\n\x1b[31mred\x1b[0m\n", b"Headline\n\n[31mred[0m\n", (3, 1), "U+001B and 1 more"),
    ("Head\n\u00e9t\u00e9 \ufffe.\n".encode(), "Head\n\u00e9t\u00e9 .\n".encode(), (2, 5), "U+FFFE or U+FFFF"),
])
def test_control_characters_are_removed_with_one_warning_at_the_first(data, clean, where, words):
    """A scraped page may carry a stray control character: the article is built without it, and
    the warning names the first one's line and column (in characters, not bytes)."""
    stripped, warnings = strip_control_bytes(data, "seeds/x.txt")
    assert stripped == clean
    [warning] = warnings
    assert (warning.line, warning.col) == where and words in str(warning)
    assert strip_control_bytes(clean, "seeds/x.txt") == (clean, [])


def test_a_joined_paragraph_over_the_limit_names_its_line():
    lines = "and then the council met again and\n\n" * (MAX_PARAGRAPH_CHARS // 30)
    article = ingest(f"A headline for the paragraph test\n\nPublished: 12 March 2019\n\nIt began\n\n{lines}ended.\n"
                     .encode(), "seeds/p.txt")
    with pytest.raises(SeedError, match="paragraph of") as caught:
        check_paragraphs(article)
    assert caught.value.line == 5


@pytest.mark.parametrize("kind", ["symlink", "fifo", "directory"])
def test_special_files_are_refused_unread(tmp_path, kind):
    path = tmp_path / "x.txt"
    if kind == "symlink":
        path.symlink_to("/etc/passwd")
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would block forever
    else:
        path.mkdir()
    with pytest.raises(SeedError, match="symbolic link" if kind == "symlink" else "not a regular file"):
        read_seed_bytes(path, "seeds/x.txt")


def _fake_project(tmp_path: Path, mkdocs_script: str) -> Path:
    """A copy of the Makefile with a venv whose python is ours and whose mkdocs is a stand-in."""
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    for name in ("requirements.lock", "pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    (project / "seeds").mkdir()
    python = project / ".venv" / "bin" / "python"
    python.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} \"$@\"\n")
    mkdocs = project / ".venv" / "bin" / "mkdocs"
    mkdocs.write_text("#!/bin/sh\n" + mkdocs_script)
    python.chmod(0o755), mkdocs.chmod(0o755)
    # make must see the venv stamp as newer than requirements.lock and pyproject.toml (or it runs
    # pip): the copies are dated an hour back instead of sleeping and trusting the clock's step.
    past = time.time() - 3600
    for name in ("requirements.lock", "pyproject.toml"):
        os.utime(project / name, (past, past))
    (project / ".venv" / ".installed").touch()
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site")
    return project


def _make_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "build", "SEARCH=material"], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_failed_site_build_keeps_the_previous_site(tmp_path):
    # The stand-in writes half a site and fails, as mkdocs --strict does on a warning.
    project = _fake_project(tmp_path, 'mkdir -p site.new && echo half > site.new/index.html; exit 1\n')
    result = _make_build(project)
    assert result.returncode == 2, result.stderr
    assert (project / "site" / "index.html").read_text() == "previous site"
    assert not (project / "site.new").exists() and not (project / "site.old").exists()
    assert "previous site/ is kept" in result.stderr


def test_successful_site_build_swaps_the_new_site_in(tmp_path):
    script = 'while [ "$1" != "-d" ]; do shift; done; mkdir -p "$2" && echo new > "$2/index.html"\n'
    project = _fake_project(tmp_path, script)
    result = _make_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").read_text() == "new\n"
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


def test_a_bug_tripped_by_one_seed_is_reported_against_it(monkeypatch):
    from generator import perseed
    from generator.registry import Registry

    def broken(article, registry):
        raise IndexError("list index out of range")

    monkeypatch.setattr(perseed, "extract", broken)
    result = perseed.process_seed("seeds/x.txt", b"A headline for a test\n\nPublished: 12 March 2019\n\nBody.\n",
                                Registry())
    assert isinstance(result, SeedError)
    assert str(result).startswith("seeds/x.txt: internal error while reading this seed: IndexError")


class _Planted:
    """What a malicious pickle looks like: unpickling it runs a call (here: touch a marker file)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_committed_into_the_cache_is_never_loaded(tmp_path, monkeypatch):
    import pickle

    from generator.incremental.seeds import SeedCache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    cache = SeedCache(tmp_path / ".cache", "context")
    key = "ab" + "0" * 62  # keys are public: the SHA-256 of the seed, the code and the registry
    marker = tmp_path / "pwned"
    planted = cache.path(key)
    planted.parent.mkdir(parents=True)
    planted.write_bytes(pickle.dumps(_Planted(marker)))
    assert cache.get(key) is None
    assert not marker.exists(), "an unsigned pickle was unpickled"
    assert "not signed" in str(cache.warnings[0])
    # What this machine wrote still round-trips.
    error = SeedError("seeds/x.txt", 3, "message", "hint")
    cache.put(key, error)
    assert str(cache.get(key)) == str(error)


def test_a_signing_key_file_cut_short_is_replaced_not_trusted(tmp_path, monkeypatch):
    from generator.incremental import store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key_file = tmp_path / "briefing-archive" / "cache-signing.key"
    key_file.parent.mkdir()
    key_file.write_bytes(b"")  # what a crash between creating and writing the file left
    store.machine_key.cache_clear()
    try:
        key = store.machine_key()
        assert len(key) == store.KEY_BYTES and key_file.read_bytes() == key
    finally:
        store.machine_key.cache_clear()
