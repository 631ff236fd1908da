"""The whole pipeline on the hostile corpus (tests/fixtures/hostile/): generator, then a real
`mkdocs build --strict`, then every built file is inspected.

Guarantees checked here (SECURITY.md lists them): bad inputs are refused with file and line while
everything else builds; no tag, attribute or URL from input is live anywhere in the site (pages,
head, search index, feeds); every page carries the same Content-Security-Policy and no inline
script; nothing is written outside the output folders.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.write import MANIFEST, read_manifest
from tests.hostile import (HOSTILE, REFUSED_INPUTS, build_hostile_site, csp_problems, live_markup,
                           live_markup_in_pages, visible_text)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile")
    outside_before = _outside_snapshot()
    site, code, errors = build_hostile_site(workdir)
    return {"site": site, "code": code, "errors": errors, "workdir": workdir,
            "outside_before": outside_before}


def _outside_snapshot() -> set[str]:
    # Places a path-traversal payload ("../../../../tmp/xss", "/tmp/pwned") would write to.
    return {p for p in ("/tmp/xss", "/tmp/xss.md", "/tmp/pwned", "/tmp/xss/index.html") if Path(p).exists()}


def test_bad_inputs_are_reported_and_the_rest_is_built(hostile_site):
    assert hostile_site["code"] == 1, hostile_site["errors"]
    lines = hostile_site["errors"].splitlines()
    for file, words in REFUSED_INPUTS.items():
        mine = [line for line in lines if line.startswith(f"error: {file}:")]
        assert mine, f"{file} was not reported:\n{hostile_site['errors']}"
        assert any(words in line for line in mine), mine
    # One report, every problem in it, and a count at the end.
    assert re.search(r"^\d+ errors; everything else was built\.$", lines[-1]), lines[-1]
    built = {p.parent.name for p in (hostile_site["site"] / "briefings").glob("*/*/*/index.html")}
    assert len(built) >= 8, "the hostile seeds that can be parsed must still be built"
    # Every other hostile seed (slug traps included) is either built or refused with its name.
    archive = json.loads((hostile_site["site"] / "archive.json").read_text(encoding="utf-8"))
    sources = {b["source_file"] for b in archive["briefings"]}
    for seed in (HOSTILE / "seeds").iterdir():
        name = f"seeds/{seed.name}"
        assert name in sources or any(line.startswith(f"error: {name}:") for line in lines), name


def test_control_characters_are_removed_with_a_warning_and_the_seed_is_built(hostile_site):
    warned = [line for line in hostile_site["errors"].splitlines()
              if line.startswith("warning: seeds/control-characters.txt:5:20: removed control character U+0001")]
    assert warned, hostile_site["errors"]
    archive = json.loads((hostile_site["site"] / "archive.json").read_text(encoding="utf-8"))
    built = [b for b in archive["briefings"] if b["source_file"] == "seeds/control-characters.txt"]
    assert built and not re.search("[\x00-\x08\x0e-\x1f\x7f]", json.dumps(built, ensure_ascii=False))


def test_no_markup_from_input_is_live_in_any_page(hostile_site):
    assert live_markup_in_pages(hostile_site["site"]) == {}


def test_every_page_has_the_csp_first_and_no_inline_script(hostile_site):
    assert csp_problems(hostile_site["site"]) == []


def test_payloads_are_shown_to_readers_as_text(hostile_site):
    site = hostile_site["site"]
    pages = {p: visible_text(p.read_text(encoding="utf-8")) for p in (site / "briefings").rglob("index.html")}
    shown = " ".join(pages.values())
    for words in ("<script>window.__xss=1</script>", "<img src=x onerror=\"window.__xss=2\">",
                  "{: onclick=\"window.__xss=26\" .md-button #overwritten }", "{{ 7*7 }}",
                  "--8<-- \".env\"", "!!! warning", "[TOC]",
                  # ingest resolves the seed's entities and escapes (it reads scraped Markdown):
                  "<script>window.__xss=32</script>", "<script>window.__xss=35</script>",
                  "C# and F# #", "Acme <Widgets> & Co"):
        assert words in shown, words
    assert "49" not in re.findall(r"\{\{ 7\*7 \}\}|49", shown), "a template expression was evaluated"


def test_snippets_and_includes_never_read_files(hostile_site):
    secret_words = ("site_name: Briefing Archive", "root:x:0:0", "markdown_extensions")
    for path in hostile_site["site"].rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for words in secret_words:
                assert words not in text, (path, words)


def test_search_index_holds_no_live_markup(hostile_site):
    index = json.loads((hostile_site["site"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material renders a result's title and text as HTML: both must be inert.
    for doc in index["docs"]:
        assert live_markup(doc["title"]) == [], doc["location"]
        assert live_markup(doc["text"]) == [], doc["location"]


def test_feeds_hold_no_live_markup(hostile_site):
    site = hostile_site["site"]
    checked = 0
    for feed in site.rglob("*.xml"):
        if feed.name.startswith("sitemap"):
            continue
        for element in ET.parse(feed).iter():
            if element.get("type") == "html" and element.text:
                assert live_markup(element.text) == [], feed
                checked += 1
    for feed in site.rglob("*.json"):
        data = json.loads(feed.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "jsonfeed" in str(data.get("version", "")):
            for item in data.get("items", []):
                assert live_markup(item.get("content_html", "")) == [], feed
                checked += 1
    assert checked, "no feed content was found to check"


def test_nothing_is_written_outside_the_output_folders(hostile_site):
    project = hostile_site["workdir"] / "project"
    docs = project / "docs"
    generated = read_manifest(docs)
    for path in docs.rglob("*"):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel != MANIFEST:
            assert rel in generated or (Path(__file__).parent.parent / "docs" / rel).is_file(), rel
    assert all(not path.is_symlink() for path in project.rglob("*"))
    top = {p.name for p in project.iterdir()}
    assert top <= {"mkdocs.yml", "overrides", "docs", "site"}, top
    assert _outside_snapshot() <= hostile_site["outside_before"]
    # Every generated path is made of safe names: slugs, numbers, fixed file names.
    for rel in generated:
        for part in rel.split("/"):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)*", part), rel


def test_check_reports_the_same_problems_without_building(tmp_path):
    from tests.hostile import ROOT, hostile_inputs

    seeds, annotations, registry = hostile_inputs(tmp_path)
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--seeds", str(seeds),
                             "--annotations", str(annotations), "--registry", str(registry)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    for file in REFUSED_INPUTS:
        assert f"error: {file}:" in result.stderr, file
