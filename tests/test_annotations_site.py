"""Annotations end to end: the check command, generated pages, archive.json, the orphaned page,
the published schema, and the contributor workflows."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.cli import main
from generator.mdtext import Md
from generator.model import PlacedAnnotation
from generator.render.decorators import annotation_markers, marker_offset
from generator.render.inline import decorate

from .conftest import REAL_SEED, ROOT
from .sitebuild import generate, prepare
from .test_annotations import VALID, _archive, note

SEED_FOLDER = "annotations/000_e80ecc7bd58d023e"


def _project(tmp_path: Path, seed_text: str | None = None, annotations: bool = True) -> Path:
    """A project folder: seeds/ with the real seed (optionally edited), the real registry and
    annotations, and mkdocs.yml; returns it."""
    (tmp_path / "seeds").mkdir()
    text = REAL_SEED.read_text(encoding="utf-8")
    (tmp_path / "seeds" / REAL_SEED.name).write_text(seed_text(text) if seed_text else text, encoding="utf-8")
    shutil.copytree(ROOT / "registry", tmp_path / "registry")
    if annotations:
        shutil.copytree(ROOT / "annotations", tmp_path / "annotations")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _check(project: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.chdir(project)
    code = main(["check"])
    out = capsys.readouterr()
    return code, out.out, out.err


# --- check ------------------------------------------------------------------------------------------

def test_check_passes_on_the_repository(in_root, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "5 annotations (5 anchored, 0 orphaned, 0 refused)" in out.out


def test_check_reports_every_problem_in_one_run(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    (project / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    (project / "registry" / "person" / "nobody.yml").write_text("id: nobody\nname: No Body\ntype: person\ntitles: [x]\n")
    notes = project / SEED_FOLDER
    (notes / "bad-kind.yml").write_text(VALID.replace("kind: background", "kind: opinion")
                                        .replace("seeds/01_harbour.txt", "seeds/000_e80ecc7bd58d023e.txt"))
    (notes / "ambiguous.yml").write_text((notes / "quad.yml").read_text().replace('  prefix: "discussed today at the "\n', "")
                                         .replace('  suffix: " meeting"\n', ""))
    (notes / "gone.yml").write_text((notes / "forge.yml").read_text().replace('exact: "FORGE"', 'exact: "FORGED"'))
    (notes / "elsewhere.yml").write_text((notes / "forge.yml").read_text().replace("000_e80ecc7bd58d023e.txt", "000_e80ecc7bd58d023f.txt"))
    code, out, err = _check(project, monkeypatch, capsys)
    assert code == 1
    lines = err.splitlines()
    assert lines[-1] == "7 errors.", err
    located = [line.split(": ", 2)[1] for line in lines if line.startswith("error: ")]
    # bad-kind.yml is invalid, and its anchor (from another briefing) is reported with it.
    assert located == [
        f"{SEED_FOLDER}/ambiguous.yml:5:3", f"{SEED_FOLDER}/bad-kind.yml:3:3", f"{SEED_FOLDER}/bad-kind.yml:4:1",
        f"{SEED_FOLDER}/elsewhere.yml:2:1",
        f"{SEED_FOLDER}/gone.yml:4:3", "registry/person/nobody.yml:4:1", "seeds/empty.txt:1"]
    assert (f"error: {SEED_FOLDER}/ambiguous.yml:5:3: anchor “Quad” matches 2 places in "
            "seeds/000_e80ecc7bd58d023e.txt — add a 'prefix' or 'suffix' with the words just before or after "
            "the place you mean: ¶3 “…also discussed today at the [Quad] meeting. And whether we're…”; "
            "¶3 “…whether we're doing it as a [Quad] format, or in fact as a…”") in lines
    assert (f"error: {SEED_FOLDER}/elsewhere.yml:2:1: no briefing for seed 'seeds/000_e80ecc7bd58d023f.txt' "
            "in the archive — did you mean 'seeds/000_e80ecc7bd58d023e.txt'?") in lines
    gone = next(line for line in lines if "gone.yml" in line)
    assert "anchor “FORGED” matches nowhere in seeds/000_e80ecc7bd58d023e.txt" in gone
    assert "nearest passages: ¶7 “…Geostategic Engagement ([FORGE]). Through this framework,…” (91%)" in gone
    # bad-kind.yml is invalid: refused, so neither anchored nor orphaned (nor shown on the site).
    assert "9 annotations (5 anchored, 3 orphaned, 1 refused)" in out


def test_edited_seed_reanchors_by_context_with_a_warning(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path, lambda text: text.replace("Geostategic", "Geostrategic"))
    code, out, err = _check(project, monkeypatch, capsys)
    assert code == 0
    assert err == (f"warning: {SEED_FOLDER}/geostategic-spelling.yml:4:3: anchor “Geostategic” is not in the text "
                   "word for word; re-anchored by its prefix and suffix to “Geostrategic” in ¶7 — update "
                   "anchor.exact to the words the briefing has now\n")


def test_removed_words_orphan_the_note_in_check_build_and_archive_json(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path, lambda text: text.replace("key objectives set established by", "key objectives of"))
    code, _, err = _check(project, monkeypatch, capsys)
    assert code == 1
    assert f"error: {SEED_FOLDER}/set-established.yml:4:3: anchor “set established” matches nowhere" in err
    prepare(project / "site")
    assert generate(project / "site", project / "seeds", project / "annotations", project / "registry") == 1
    docs = project / "site" / "docs"
    orphans = (docs / "annotations" / "orphaned.md").read_text(encoding="utf-8")
    assert "1 orphaned annotation." in orphans
    assert "\n## annotations/000\\_e80ecc7bd58d023e/set-established.yml\n" in orphans  # escaped Markdown
    assert "— matches nowhere." in orphans
    record = json.loads((docs / "archive.json").read_text(encoding="utf-8"))["briefings"][0]
    orphan = next(a for a in record["annotations"] if a["id"].endswith("set-established"))
    assert (orphan["status"], orphan["position"], orphan["reason"]) == ("orphaned", None, "matches nowhere")
    page = next(docs.glob("briefings/*/*/*.md")).read_text(encoding="utf-8")
    assert "1 annotation could not be placed in the current text of this briefing" in page


# --- generated files ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    workdir = prepare(tmp_path_factory.mktemp("annotations-site"))
    assert generate(workdir, ROOT / "seeds") == 0
    return workdir / "docs"


def test_briefing_marks_annotated_words_and_lists_the_notes_after_the_paragraph(built):
    page = next(built.glob("briefings/*/*/*.md")).read_text(encoding="utf-8")
    p7 = page[page.index("where Rubio launched the"):page.index("{ #p7 ")]
    assert p7.count('<span class="briefing-note-ref">') == 2
    # The marker of "FORGE" stands after the bracket and full stop that close it, not inside them.
    assert '<span class="briefing-note-ref">(1)</span> (FORGE).<span class="briefing-note-ref">(2)</span> Through' in p7
    after = page[page.index("{ #p7 "):]
    assert after.startswith("{ #p7 .briefing-paragraph .annotate }\n\n<ol class=\"briefing-notes\"><li>")
    notes = after.split("\n")[2]
    assert notes.count("<li>") == 2 and notes.index("Geostategic</em> is spelled so") < notes.index("is the acronym")
    # Each note (which Material opens in place) starts with the words it is about.
    assert [item.split("</p>")[0] for item in notes.split("<li>")[1:]] == [
        '<p class="briefing-note-about">On “Geostategic”', '<p class="briefing-note-about">On “FORGE”']
    assert "{ #p2 .briefing-paragraph }" in page  # no notes, no .annotate


def test_annotations_section_lists_every_note_with_kind_author_date_and_sources(built):
    page = next(built.glob("briefings/*/*/*.md")).read_text(encoding="utf-8")
    section = page[page.index("## Annotations { #annotations }"):]
    items = section.split('<li id="note-')[1:]
    assert [item.split("</strong>")[0].rsplit(">", 1)[1] for item in items] == [
        "Definition", "Background", "Context", "Definition", "Context"]
    assert ('“rare earth” <a class="briefing-para-link" href="#p1" title="Go to paragraph 1 of the article" '
            'aria-label="Go to paragraph 1 of the article">¶&nbsp;1</a>') in items[0]
    assert '<a href="https://en.wikipedia.org/wiki/Quadrilateral_Security_Dialogue" rel="nofollow ugc noopener ' \
           'noreferrer">en.wikipedia.org</a>' in items[1]
    assert all("Briefing Archive team" in item and '<time datetime="2026-11-25">' in item for item in items)
    assert ('<a class="md-button briefing-annotate" href="https://github.com/briefing-archive/briefing-archive/new/main/'
            'annotations/000_e80ecc7bd58d023e?filename=my-note.yml&amp;value=') in section
    assert "[How to annotate](../../../how-to-annotate.md)" in section


def test_the_annotate_links_file_as_github_opens_it_is_refused_until_filled_in(built, tmp_path, monkeypatch, capsys):
    page = next(built.glob("briefings/*/*/*.md")).read_text(encoding="utf-8")
    link = html.unescape(page.split('class="md-button briefing-annotate" href="', 1)[1].split('"', 1)[0])
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    project = _project(tmp_path)
    folder = project / parts.path.split("/new/main/", 1)[1]
    (folder / query["filename"][0]).write_text(query["value"][0], encoding="utf-8")
    code, _, err = _check(project, monkeypatch, capsys)
    name = f"{SEED_FOLDER}/my-note.yml"
    assert code == 1 and [line.split(" — ")[0] for line in err.splitlines()] == [
        f"error: {name}: the file still has the template's name 'my-note.yml'",
        f"error: {name}:4:11: anchor.exact is still the template's placeholder “the words you are annotating, copied "
        "from the page”",
        f"error: {name}:7:3: body is still the template's placeholder “Your note, in Markdown.”",
        f"error: {name}:8:9: author is still the template's placeholder “your-name-or-handle”",
        f"error: {name}:10:5: sources[0] is still the template's placeholder "
        "“https://example.org/where-this-comes-from”",
        f"error: {name}:11:7: date is still the template's placeholder “YYYY-MM-DD”",
        "6 errors."]


def test_words_of_the_photo_caption_are_refused_by_check_and_shown_as_orphaned_by_build(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    (project / SEED_FOLDER / "caption.yml").write_text((project / SEED_FOLDER / "forge.yml").read_text().replace(
        'exact: "FORGE"', 'exact: "shakes hands with India\'s External Affairs Minister"'), encoding="utf-8")
    code, _, err = _check(project, monkeypatch, capsys)
    assert code == 1 and err.splitlines() == [
        f"error: {SEED_FOLDER}/caption.yml:4:3: anchor “shakes hands with India's External Affairs Minister” is in "
        "the photo caption of seeds/000_e80ecc7bd58d023e.txt; notes anchor to the text of the article — quote words "
        "from the body, the paragraphs under the headline", "1 error."]
    prepare(project / "site")
    assert generate(project / "site", project / "seeds", project / "annotations", project / "registry") == 1
    orphans = (project / "site" / "docs" / "annotations" / "orphaned.md").read_text(encoding="utf-8")
    assert "— in the photo caption, not the text." in orphans


def test_archive_json_carries_anchor_status_and_position(built):
    record = json.loads((built / "archive.json").read_text(encoding="utf-8"))
    notes = {a["id"]: a for a in record["briefings"][0]["annotations"]}
    quad = notes["000_e80ecc7bd58d023e/quad"]
    paragraph = record["briefings"][0]["paragraphs"][quad["position"]["paragraph"]]
    assert quad["anchor"] == {"type": "TextQuoteSelector", "exact": "Quad",
                              "prefix": "discussed today at the ", "suffix": " meeting"}
    assert quad["status"] == "anchored" and quad["position"]["method"] == "exact"
    assert paragraph[quad["position"]["start"]:quad["position"]["end"]] == "Quad"
    assert paragraph[:quad["position"]["start"]].endswith("discussed today at the ")
    assert quad["body_html"].startswith("<p>The <strong>Quad</strong>")
    assert record["orphaned_annotations"] == []


def test_schema_is_published_and_orphans_page_is_empty(built):
    published = (built / "schemas" / "annotation.schema.json").read_bytes()
    assert published == (ROOT / "generator" / "schemas" / "annotation.schema.json").read_bytes()
    assert "There are no orphaned annotations." in (built / "annotations" / "orphaned.md").read_text(encoding="utf-8")


def test_marker_like_text_in_an_annotated_paragraph_is_split_for_materials_script():
    archive = _archive()
    text = "Clause (1) applies; see (23) too."
    briefing = replace(archive.pages[0].briefing, article=replace(archive.pages[0].briefing.article, paragraphs=(text,)))
    placed = PlacedAnnotation(note("applies"), "anchored", 0, 11, 18, "exact", 100.0)
    page = replace(archive.pages[0], briefing=briefing, annotations=(placed,))
    items = [item for _, item in annotation_markers(page, archive, lambda path: Md(path))]
    out = decorate(text, [], items)
    # escape_md writes ")" after digits as "\\)" (it could start an ordered list item): same text once rendered.
    assert out == ('Clause (<span></span>1\\) applies;<span class="briefing-note-ref">(1)</span> '
                   'see (<span></span>23\\) too.')


@pytest.mark.parametrize("text, words, expected", [
    ("launched the Forum (FORGE). Through", "FORGE", "launched the Forum (FORGE).|| Through"),
    ("curbs on rare earth which are", "rare earth", "curbs on rare earth|| which are"),
    ("said “milestone” in", "milestone", "said “milestone”|| in"),
    ("China's export curbs", "China", "China's|| export curbs"),
    ("curbs (by China’s).", "China", "curbs (by China’s).||"),
    ("rock'n'roll band", "rock", "rock||'n'roll band"),
    ("Forum (FORGE) met", "Forum (", "Forum|| (FORGE) met"),
    ("the end.", "end.", "the end.||"),
])
def test_a_marker_keeps_brackets_and_punctuation_with_the_words(text, words, expected):
    start = text.index(words)
    at = marker_offset(text, start, start + len(words))
    assert text[:at] + "||" + text[at:] == expected


def test_real_annotations_carry_the_schema_comment_and_validate():
    files = sorted((ROOT / "annotations").rglob("*.yml"))
    assert len(files) >= 3
    for path in files:
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../generator/schemas/annotation.schema.json\n")
        assert (path.parent / "../../generator/schemas/annotation.schema.json").resolve().is_file()


# --- contributor path ---------------------------------------------------------------------------------

WORKFLOWS = ROOT / ".github" / "workflows"


def test_workflows_are_valid_github_actions():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOWS / "ci.yml"), str(WORKFLOWS / "deploy.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_checks_tests_and_builds_pull_requests_and_deploy_publishes_main():
    ci = yaml.safe_load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))
    deploy = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert "pull_request" in ci[True]  # YAML 1.1 reads the key `on` as True
    runs = [step.get("run", "") for job in ci["jobs"].values() for step in job["steps"]]
    assert ["make check", "make test", "make build"] == [r for r in runs if r.startswith("make ")]
    assert deploy[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "").split("@")[0] for job in deploy["jobs"].values() for step in job["steps"]]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"} <= set(uses)
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_how_to_annotate_is_in_the_nav_and_its_example_is_a_real_annotation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "How to annotate: how-to-annotate.md" in config
    page = (ROOT / "docs" / "how-to-annotate.md").read_text(encoding="utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example == (ROOT / SEED_FOLDER / "geostategic-spelling.yml").read_text(encoding="utf-8")


def test_how_to_annotates_example_error_is_what_check_prints(in_root, tmp_path, monkeypatch, capsys):
    page = (ROOT / "docs" / "how-to-annotate.md").read_text(encoding="utf-8")
    documented = page.split("```text\n", 1)[1].split("\n```", 1)[0]
    project = _project(tmp_path)
    example = project / SEED_FOLDER / "geostategic-spelling.yml"
    example.write_text(example.read_text(encoding="utf-8").replace('exact: "Geostategic"', 'exact: "Geostrategic Forum"')
                       .replace('  prefix: "Forum on Resource "\n  suffix: " Engagement (FORGE)"\n', ""))
    _, _, err = _check(project, monkeypatch, capsys)
    assert err.splitlines()[0] == documented


def test_the_check_command_names_file_line_and_column_and_exits_1(tmp_path):
    folder = tmp_path / "annotations" / "000_e80ecc7bd58d023e"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text("briefing: seeds/000_e80ecc7bd58d023e.txt\nanchor:\n  exact: FORGE\n"
                                       "kind: definition\nbody: x\nauthor: me\ndate: 2026-13-45\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--annotations", str(tmp_path / "annotations")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("error: annotations/000_e80ecc7bd58d023e/broken.yml:7:7: ")
