"""Every command met with what a newcomer gives it by mistake: a mistyped command, a file where a
folder belongs, a path that is not there, generated pages the generator has no record of, a reader
that closes the pipe. Each ends in one line saying what to do, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.cli import main

from .conftest import ROOT


def _usage_error(argv, capsys) -> str:
    """Run a command that must fail as a usage error (exit 2); its stderr."""
    try:
        code = main(argv)
    except SystemExit as exit_info:  # argparse's own errors
        code = exit_info.code
    assert code == 2, argv
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(("argv", "suggestion"), [
    (["biuld"], "did you mean 'build'?"),
    (["entites"], "did you mean 'entities'?"),
    (["search-engine", "--setting", "pagefnd"], "did you mean 'pagefind'?"),
])
def test_a_mistyped_command_or_choice_gets_did_you_mean(argv, suggestion, capsys):
    assert suggestion in _usage_error(argv, capsys)


def test_nothing_is_suggested_when_nothing_is_close(capsys):
    assert "did you mean" not in _usage_error(["zzzzzz"], capsys)


@pytest.mark.parametrize("command", ["build", "check", "entities"])
def test_seeds_that_are_a_file_are_not_a_folder(command, tmp_path, capsys):
    seed = tmp_path / "story.txt"
    seed.write_text("A headline\n", encoding="utf-8")
    err = _usage_error([command, "--seeds", str(seed)], capsys)
    assert f"seeds folder {seed} is a file, not a folder" in err
    assert f"usage: python -m generator {command} " in err  # the command's usage, not the top level's


@pytest.mark.parametrize(("command", "option", "message"), [
    ("build", "--seeds", "seeds folder {path} does not exist"),
    ("build", "--registry", "registry folder {path} does not exist"),
    ("build", "--annotations", "annotations folder {path} does not exist"),
    ("check", "--registry", "registry folder {path} does not exist"),
    ("check", "--annotations", "annotations folder {path} does not exist"),
    ("check", "--config", "MkDocs configuration {path} does not exist"),
    ("entities", "--seeds", "seeds folder {path} does not exist"),
    ("entities", "--registry", "registry folder {path} does not exist"),
    ("search-engine", "--docs", "docs folder {path} does not exist"),
    ("search-index", "--site", "site folder {path} does not exist"),
])
def test_a_path_given_that_is_not_there_is_named(command, option, message, tmp_path, capsys):
    missing = tmp_path / "nowhere"
    argv = [command, option, str(missing)]
    if option != "--seeds" and command in ("build", "check", "entities"):
        argv += ["--seeds", str(ROOT / "seeds")]
    if command == "build":
        argv += ["--docs", str(tmp_path / "docs")]
    err = _usage_error(argv, capsys)
    assert message.format(path=missing) in err
    assert f"usage: python -m generator {command} " in err


def test_docs_that_are_a_file_are_refused_before_anything_is_read(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.write_text("not a folder", encoding="utf-8")
    err = _usage_error(["build", "--seeds", str(ROOT / "seeds"), "--docs", str(docs)], capsys)
    assert f"docs folder {docs} is a file, not a folder" in err
    assert docs.read_text(encoding="utf-8") == "not a folder"


def test_the_config_given_as_a_folder_is_not_a_file(tmp_path, capsys):
    err = _usage_error(["check", "--seeds", str(ROOT / "seeds"), "--config", str(tmp_path)], capsys)
    assert f"MkDocs configuration {tmp_path} is not a file" in err


def test_generated_pages_without_the_record_of_writing_them_say_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    seed = next((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    argv = ["build", "--quiet", "--no-cache", "--seeds", "seeds", "--docs", "docs", "--registry", str(ROOT / "registry")]
    assert main(argv) == 0
    (tmp_path / "docs" / ".generated").unlink()  # as after a checkout that kept the pages but lost the record
    before = {path: path.read_bytes() for path in (tmp_path / "docs").rglob("*") if path.is_file()}
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "UnsafePath" not in err
    assert "refusing to overwrite docs/" in err and "other files" in err
    assert "git clean -fdX docs/" in err and "move them out of the generator's way" in err
    after = {path: path.read_bytes() for path in (tmp_path / "docs").rglob("*") if path.is_file()}
    assert after == before  # nothing was written or removed


def test_a_reader_that_closes_the_pipe_ends_the_listing_quietly():
    """`python -m generator entities | head`: the listing (over 100 KB, more than a pipe holds)
    stops when its reader goes, with exit 0 and nothing on stderr but the seeds' own errors."""
    listing = subprocess.Popen(
        [sys.executable, "-m", "generator", "entities", "--seeds", "tests/realworld/seeds/plain",
         "--registry", "registry"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout.readline().startswith(b"mentions")
    listing.stdout.close()  # as head does after its lines
    err = listing.stderr.read().decode()
    assert listing.wait(timeout=300) == 0, err
    assert "Traceback" not in err and "BrokenPipeError" not in err
