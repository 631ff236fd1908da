"""The command line: documented, helpful, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import main, make_parser

from .conftest import ROOT


def _commands():
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def test_every_command_and_option_has_help():
    for name, sub in _commands().items():
        assert sub.description or sub.format_help(), name
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings} has no help text"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"python -m generator {name}" in readme, f"README does not document `{name}`"


def test_help_exits_zero(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--help"])
    assert exit_info.value.code == 0
    assert "--seeds" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["build", "--no-such-option"]])
def test_usage_errors_exit_two(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_missing_seeds_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "nope"), "--docs", str(tmp_path / "docs")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_every_tool_is_documented_in_the_readme():
    """The tools outside the product (tools/) are run by hand or by make: each one the README
    does not name would be a tool nobody finds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "tools").rglob("*.py")):
        if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            assert f"python -m {module}" in readme or f"`{module}`" in readme, f"README does not name {module}"


def test_the_product_package_holds_no_corpus_tools():
    """generator/ is the pipeline; the synthetic corpus and the evaluators live under tools/."""
    for name in ("corpus.py", "evaluate.py"):
        assert not (ROOT / "generator" / name).exists(), name


def test_every_part_of_the_generator_is_described_in_the_readme():
    """`ls generator/` reads as the pipeline, and the README's tree says what each part is."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The pipeline"):readme.index("## What ties the archive together")]
    for path in sorted((ROOT / "generator").iterdir()):
        if path.name == "__pycache__":
            continue
        name = f"generator/{path.name}" + ("/" if path.is_dir() else "")
        assert f"`{name}`" in section, f"the README's pipeline section does not describe {name}"


def _project(tmp_path, mkdocs_yml: str):
    import shutil

    (tmp_path / "seeds").mkdir()
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), tmp_path / "seeds")
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return ["build", "--quiet", "--no-cache", "--seeds", "seeds", "--docs", "docs",
            "--registry", str(ROOT / "registry")]  # no annotations folder here: none are read


def test_build_reads_mkdocs_yml_once_and_passes_its_settings_down(tmp_path, monkeypatch):
    from generator import build, config

    argv = _project(tmp_path, "site_url: https://example.org/a\nrepo_url: https://github.com/o/r\n")
    monkeypatch.chdir(tmp_path)
    reads, seen = [], []
    real_read, real_build = config.read_mkdocs_yml, build.build
    monkeypatch.setattr(config, "read_mkdocs_yml", lambda path: reads.append(path) or real_read(path))
    monkeypatch.setattr(build, "build", lambda cfg, progress=None: seen.append(cfg) or real_build(cfg, progress))
    assert main(argv) == 0
    assert len(reads) == 1
    assert (seen[0].site_url, seen[0].repo_url) == ("https://example.org/a/", "https://github.com/o/r")


def test_a_broken_mkdocs_yml_is_a_located_error_and_the_rest_still_builds(tmp_path, monkeypatch, capsys):
    argv = _project(tmp_path, "site_name: x\nrepo_url: [unclosed\n")
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    assert "error: mkdocs.yml:3:1: cannot read site_url and repo_url" in capsys.readouterr().err
    assert (tmp_path / "docs" / "archive.json").is_file()


def test_site_url_on_the_command_line_stands_in_for_an_unusable_one_in_mkdocs_yml(tmp_path, monkeypatch, capsys):
    argv = _project(tmp_path, "site_url: /archive/\n")
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2  # refused: the feeds would get a wrong address
    assert "mkdocs.yml: site URL '/archive/' is not an absolute http(s) address" in capsys.readouterr().err
    assert main([*argv, "--site-url", "https://example.org/"]) == 0


@pytest.mark.parametrize("yml", ["repo_url: https://[oops\n", "site_url: !ENV {A: B}\n", "site_url: !ENV [[A], B]\n"])
def test_odd_mkdocs_yml_values_are_errors_not_tracebacks(tmp_path, monkeypatch, capsys, yml):
    argv = _project(tmp_path, yml)
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "error: mkdocs.yml" in err and "Traceback" not in err


def test_counts_in_messages_take_the_right_number():
    from generator.check import counted

    assert counted(1, "briefing") == "1 briefing"
    assert counted(0, "briefing") == "0 briefings"
    assert counted(2, "registry entity", "registry entities") == "2 registry entities"
