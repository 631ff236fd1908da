"""The docs/ writer: only generated files change, stale ones go, nothing escapes docs/."""

from __future__ import annotations

import os

import pytest

from generator.write import MANIFEST, UnsafePath, read_manifest, write_files


def test_writes_files_and_manifest(tmp_path):
    report = write_files(tmp_path, {"a.md": b"A", "sub/b.md": b"B"})
    assert (tmp_path / "a.md").read_bytes() == b"A"
    assert (tmp_path / "sub/b.md").read_bytes() == b"B"
    assert read_manifest(tmp_path) == {"a.md", "sub/b.md"}
    assert report.written == ("a.md", "sub/b.md") and report.unchanged == 0


def test_unchanged_files_are_not_rewritten(tmp_path):
    write_files(tmp_path, {"a.md": b"A", "b.md": b"B"})
    os.utime(tmp_path / "a.md", (1, 1))
    report = write_files(tmp_path, {"a.md": b"A", "b.md": b"B2"})
    assert report.written == ("b.md",) and report.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime == 1


def test_stale_generated_files_are_removed_with_empty_folders(tmp_path):
    write_files(tmp_path, {"briefings/2026/05/x.md": b"X", "index.md": b"I"})
    report = write_files(tmp_path, {"index.md": b"I"})
    assert report.deleted == ("briefings/2026/05/x.md",)
    assert not (tmp_path / "briefings").exists()


def test_hand_written_pages_are_never_touched(tmp_path):
    (tmp_path / "about.md").write_text("mine")
    write_files(tmp_path, {"index.md": b"I"})
    write_files(tmp_path, {})
    assert (tmp_path / "about.md").read_text() == "mine"
    with pytest.raises(UnsafePath, match="no record of writing it"):
        write_files(tmp_path, {"about.md": b"overwritten"})
    assert (tmp_path / "about.md").read_text() == "mine"


@pytest.mark.parametrize("bad", ["../x.md", "/etc/x", "a/../../x", "a\\b", ".hidden", "a//b", ""])
def test_paths_outside_docs_are_refused(tmp_path, bad):
    with pytest.raises(UnsafePath):
        write_files(tmp_path / "docs", {bad: b"x"})
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.md").exists()


def test_symlinked_folder_out_of_docs_is_refused(tmp_path):
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    docs.mkdir(), outside.mkdir()
    (docs / "briefings").symlink_to(outside)
    with pytest.raises(UnsafePath, match="outside"):
        write_files(docs, {"briefings/x.md": b"x"})
    assert list(outside.iterdir()) == []


def test_tampered_manifest_never_deletes_outside(tmp_path):
    docs = tmp_path / "docs"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    write_files(docs, {"a.md": b"A"})
    (docs / MANIFEST).write_text("a.md\n../victim.txt\n")
    write_files(docs, {})
    assert victim.read_text() == "keep"


def test_failed_run_leaves_previous_docs_intact(tmp_path, monkeypatch):
    write_files(tmp_path, {"a.md": b"old", "b.md": b"old"})
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".generated"):
            return real_replace(src, dst)
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_files(tmp_path, {"a.md": b"new", "b.md": b"new"})
    monkeypatch.undo()
    assert (tmp_path / "a.md").read_bytes() == b"old"
    # the next run completes normally
    write_files(tmp_path, {"a.md": b"new"})
    assert (tmp_path / "a.md").read_bytes() == b"new" and not (tmp_path / "b.md").exists()
