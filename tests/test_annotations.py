"""Annotations: loading and schema errors (file:line:col), anchoring (exact, ambiguous, moved,
orphaned) with the exact messages, attaching to the archive, and safe bodies."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator.annotations import anchor, annotate_url, load_annotations, parse_annotation, render_body
from generator.annotations.anchor import FUZZY_THRESHOLD
from generator.annotations.attach import attach, place_all
from generator.annotations.contribute import PLACEHOLDERS, skeleton
from generator.annotations.load import read_annotation
from generator.config import MkDocsSettings, read_mkdocs_yml
from generator.model import Annotation, Archive, Article, Briefing, Page, Subheading, TextQuote

# Paragraphs of our own writing, shaped like a briefing's clean text.
PARAGRAPHS = (
    "The harbour committee met on Tuesday. The committee agreed to publish its report before the recess.",
    "A spokesperson said the report would be “comprehensive” and that the committee had heard forty witnesses.",
    "The report's authors thanked the committee staff for their work on the Kessel Bay survey.",
)
SOURCE = "seeds/01_harbour.txt"

VALID = """\
briefing: seeds/01_harbour.txt
anchor:
  exact: Kessel Bay survey
kind: background
body: |
  The survey mapped the *whole* bay in 2019.
author: A. Contributor
sources:
  - https://example.org/survey
date: 2026-05-27
"""


def note(exact: str, prefix: str = "", suffix: str = "", **fields) -> Annotation:
    return Annotation(id=fields.get("id", "01_harbour/x"), file=fields.get("file", "annotations/01_harbour/x.yml"),
                      briefing=fields.get("briefing", SOURCE), anchor=TextQuote(exact, prefix, suffix),
                      kind="context", body="A note.", author="me", sources=(), date="2026-05-27",
                      anchor_at=(4, 3), briefing_at=(1, 1))


def place(exact: str, prefix: str = "", suffix: str = "", paragraphs=PARAGRAPHS):
    return anchor(note(exact, prefix, suffix), paragraphs, SOURCE)


# --- loading and validation --------------------------------------------------------------------

def test_valid_file_loads_every_field():
    annotation, errors = parse_annotation(VALID, "annotations/01_harbour/survey.yml", "01_harbour/survey")
    assert errors == []
    assert annotation == Annotation(
        id="01_harbour/survey", file="annotations/01_harbour/survey.yml", briefing="seeds/01_harbour.txt",
        anchor=TextQuote("Kessel Bay survey"), kind="background", body="The survey mapped the *whole* bay in 2019.\n",
        author="A. Contributor", sources=("https://example.org/survey",), date="2026-05-27",
        anchor_at=(3, 3), briefing_at=(1, 1))


@pytest.mark.parametrize("text, expected", [
    (VALID.replace("kind: background", "kind: factcheck"),
     "x.yml:4:1: kind 'factcheck' is not one of the allowed values — use one of: context, fact-check, "
     "correction, background, definition"),
    (VALID.replace("author:", "auther:"),
     "x.yml:7:1: unknown field 'auther' — did you mean 'author'?"),
    (VALID.replace("  exact: Kessel Bay survey\n", "  exact: Kessel Bay survey\n  sufix: x\n"),
     "x.yml:4:3: unknown field 'anchor.sufix' — did you mean 'suffix'?"),
    (VALID.replace("date: 2026-05-27", "date: 27/05/2026"),
     "x.yml:10:1: date '27/05/2026' is not valid — write the date as YYYY-MM-DD, e.g. 2026-05-27"),
    (VALID.replace("date: 2026-05-27", "date: '2026-02-30'"),
     "x.yml:10:1: date '2026-02-30' is not valid — write the date as YYYY-MM-DD, e.g. 2026-05-27"),
    (VALID.replace("https://example.org/survey", "javascript:alert(1)"),
     "x.yml:9:5: sources[0] 'javascript:alert(1)' is not valid — give the full address, starting with "
     "http:// or https://"),
    (VALID.replace("briefing: seeds/01_harbour.txt\n", ""),
     "x.yml:1:1: missing required field 'briefing' — add 'briefing: …' (see annotations/README.md for every field)"),
    (VALID.replace("  exact: Kessel Bay survey\n", "  prefix: the\n"),
     "x.yml:2:1: missing required field 'anchor.exact' — add 'exact:' with the annotated words, indented "
     "under 'anchor:'"),
    (VALID.replace("anchor:\n  exact: Kessel Bay survey", "anchor: Kessel Bay survey"),
     "x.yml:2:1: anchor must be a mapping of fields — put its fields on the following lines, indented by two spaces"),
    (VALID.replace("kind: background", "kind: correction").replace("sources:\n  - https://example.org/survey\n", ""),
     "x.yml:1:1: a fact-check or correction needs 'sources' — add 'sources:' with at least one http(s) URL "
     "that backs it"),
    (VALID.replace("kind: background", "kind: fact-check").replace("  - https://example.org/survey", "  []")
     .replace("sources:\n  []", "sources: []"),
     "x.yml:8:1: a fact-check or correction needs at least one source — add an http(s) URL under 'sources:'"),
    (VALID.replace("author: A. Contributor", "author: 1984"),
     "x.yml:7:1: author must be text — write it as text, in quotes if YAML would read it as a number, date or yes/no"),
    (VALID.replace("author: A. Contributor", "author: ''"),
     "x.yml:7:1: author is empty — write something, or leave the field out if it is optional"),
    (VALID + "extra: &a [1]\nmore: *a\n",
     "x.yml:12:7: YAML anchors and aliases (&name, *name) are not allowed — write the value out in full"),
    (VALID.replace("kind: background", "kind: !!python/name:os.system background"),
     "x.yml:4:7: YAML tag tag:yaml.org,2002:python/name:os.system is not allowed — remove the tag and write a "
     "plain value"),
    ("- just\n- a list\n",
     "x.yml:1:1: the file must be a mapping of fields — put its fields on the following lines, indented by two spaces"),
])
def test_invalid_files_name_line_column_and_fix(text, expected):
    annotation, errors = parse_annotation(text, "x.yml", "x")
    assert annotation is None
    assert str(errors[0]) == expected


def test_every_schema_problem_is_reported_at_once():
    text = VALID.replace("kind: background", "kind: nonsense").replace("author:", "auther:") \
        .replace("date: 2026-05-27", "date: soon")
    _, errors = parse_annotation(text, "x.yml", "x")
    # The misspelt 'auther' is reported once, with a suggestion, not also as a missing 'author'.
    assert [(e.line, e.message) for e in errors] == [
        (4, "kind 'nonsense' is not one of the allowed values"),
        (7, "unknown field 'auther'"),
        (10, "date 'soon' is not valid"),
    ]


def test_load_reads_a_folder_reports_bad_files_and_keeps_good_ones(tmp_path):
    folder = tmp_path / "annotations" / "01_harbour"
    folder.mkdir(parents=True)
    (folder / "good.yml").write_text(VALID, encoding="utf-8")
    (folder / "bad.yml").write_text(VALID.replace("kind: background", "kind: rumour"), encoding="utf-8")
    (folder / "latin1.yml").write_bytes(VALID.replace("A. Contributor", "Zoë").encode("latin-1"))
    (folder / "README.md").write_text("not an annotation", encoding="utf-8")
    outside = tmp_path / "secret.yml"
    outside.write_text(VALID, encoding="utf-8")
    os.symlink(outside, folder / "link.yml")
    annotations, errors, drafts, _ = load_annotations(tmp_path / "annotations")
    assert [a.id for a in annotations] == ["01_harbour/good"]
    assert [(d.id, d.anchor.exact, d.kind) for d in drafts] == [("01_harbour/bad", "Kessel Bay survey", "")]
    assert [(e.file, e.line) for e in errors] == [
        ("annotations/01_harbour/bad.yml", 4), ("annotations/01_harbour/latin1.yml", 7),
        ("annotations/01_harbour/link.yml", None)]
    assert "symbolic link" in errors[2].message


# A 20-line file whose anchor's closing quote is missing: PyYAML finds out only at the end.
UNCLOSED = VALID.replace("  exact: Kessel Bay survey", '  exact: "Kessel Bay survey') + "".join(
    f"# line {n}\n" for n in range(11, 21))


@pytest.mark.parametrize("text, expected", [
    (UNCLOSED, "x.yml:3:10: invalid YAML: the quote (\") opened here is never closed — close it at the end of the "
               "value; a quote mark inside the text is written \\\" between double quotes (or quote the whole value "
               "with ' instead)"),
    # ... or at the next quote mark, lines later, where the quoted text it took for one value ends
    (VALID.replace("  exact: Kessel Bay survey", '  exact: "Kessel Bay survey').replace("A. Contributor", '"A. C."'),
     "x.yml:3:10: invalid YAML: the quote (\") opened here is not closed on its line: the text runs on to the \" on "
     "line 7 — close it at the end of the value; a quote mark inside the text is written \\\" between double "
     "quotes (or quote the whole value with ' instead)"),
    (VALID.replace("  exact: Kessel Bay survey", "  exact: 'Kessel Bay survey").replace("*whole*", "bay's"),
     "x.yml:3:10: invalid YAML: the quote (') opened here is not closed on its line: the text runs on to the ' on "
     "line 6 — close it at the end of the value; an apostrophe inside the text is written '' between single quotes "
     "(or quote the whole value with \" instead)"),
    (VALID.replace("  exact: Kessel Bay survey", "  exact: 'the bay's survey'"),
     "x.yml:3:19: invalid YAML: text goes on after the closing quote — an apostrophe inside the text is written '' "
     "between single quotes (or quote the whole value with \" instead)"),
    (VALID.replace("sources:\n  - https://example.org/survey", "sources: [https://example.org/survey"),
     "x.yml:8:10: invalid YAML: the list opened here with '[' is not closed — close it with ']' on this line, or "
     "write one item per line"),
])
def test_a_yaml_error_is_reported_where_the_mistake_is_not_where_yaml_gave_up(text, expected):
    annotation, errors = parse_annotation(text, "x.yml", "x")
    assert annotation is None and [str(e) for e in errors] == [expected]


def _template() -> str:
    return skeleton(_archive().pages[0])


def test_the_annotate_links_template_is_refused_at_each_placeholder_until_it_is_replaced():
    template = _template()
    assert all(text in template for text in PLACEHOLDERS.values())
    _, errors = parse_annotation(template, "annotations/01_harbour/my-note.yml", "01_harbour/my-note")
    assert [(e.line, e.col, e.message) for e in errors] == [
        (None, None, "the file still has the template's name 'my-note.yml'"),
        (4, 11, "anchor.exact is still the template's placeholder "
                "“the words you are annotating, copied from the page”"),
        (7, 3, "body is still the template's placeholder “Your note, in Markdown.”"),
        (8, 9, "author is still the template's placeholder “your-name-or-handle”"),
        (10, 5, "sources[0] is still the template's placeholder “https://example.org/where-this-comes-from”"),
        (11, 7, "date is still the template's placeholder “YYYY-MM-DD”"),  # not also "date is not valid"
    ]
    assert [e.hint for e in errors][1:3] == ["replace it with the words your note is about, copied exactly from the "
                                             "briefing's text", "replace it with your note"]
    filled = (template.replace(PLACEHOLDERS["anchor.exact"], "Kessel Bay survey")
              .replace(PLACEHOLDERS["body"], "The survey mapped the bay.").replace(PLACEHOLDERS["author"], "A. C.")
              .replace(PLACEHOLDERS["sources"], "https://example.org/survey")
              .replace(PLACEHOLDERS["date"], "2026-05-27"))
    annotation, errors = parse_annotation(filled, "annotations/01_harbour/survey.yml", "01_harbour/survey")
    assert errors == [] and annotation.anchor.exact == "Kessel Bay survey"


def test_a_placeholder_left_above_the_note_is_still_refused():
    text = _template().replace("  Your note, in Markdown.\n",
                               "  Your note, in Markdown.\n  The survey mapped the bay.\n")
    _, errors = parse_annotation(text, "annotations/01_harbour/survey.yml", "01_harbour/survey")
    assert (errors[1].line, errors[1].col, errors[1].message) == (
        7, 3, "body is still the template's placeholder “Your note, in Markdown.”")


def test_an_invalid_note_is_still_looked_up_and_anchored_so_every_problem_shows_at_once():
    texts = {
        "kind": VALID.replace("kind: background", "kind: opinion").replace("Kessel Bay survey", "Kessel Bay map"),
        "briefing": VALID.replace("kind: background", "kind: opinion").replace("01_harbour.txt", "01_harbor.txt"),
        "anchor": VALID.replace("date: 2026-05-27", "date: soon")
                       .replace("  exact: Kessel Bay survey\n", "  exact: x\n"),
        "skeleton": _template().replace(PLACEHOLDERS["anchor.exact"], "Kessel Bay survey"),
    }
    parsed = {name: read_annotation(text, f"annotations/01_harbour/{name}.yml", f"01_harbour/{name}")
              for name, text in texts.items()}
    assert all(p.annotation is None for p in parsed.values())
    archive, errors, warnings = attach(_archive(), [], "", [p.draft for p in parsed.values()])
    assert [str(e).split(" — ")[0] for e in errors] == [
        "annotations/01_harbour/briefing.yml:1:1: no briefing for seed 'seeds/01_harbor.txt' in the archive",
        "annotations/01_harbour/kind.yml:3:3: anchor “Kessel Bay map” matches nowhere in seeds/01_harbour.txt",
    ]  # anchor.yml's 'x' is itself invalid (too short): only its briefing is looked up; the skeleton anchors
    assert warnings == []
    assert archive.pages[0].annotations == () and archive.orphaned_annotations == ()  # drafts are never shown
    assert [e.message for e in parsed["anchor"].errors] == ["anchor.exact is empty", "date 'soon' is not valid"]


# --- anchoring -----------------------------------------------------------------------------------

def test_exact_words_anchor_once():
    placed, error, warning = place("Kessel Bay survey")
    assert (placed.status, placed.paragraph, placed.method, error, warning) == ("anchored", 2, "exact", None, None)
    assert PARAGRAPHS[2][placed.start:placed.end] == "Kessel Bay survey"


def test_quotes_and_white_space_are_compared_loosely():
    placed, error, _ = place('would be  "comprehensive"')
    assert error is None and placed.method == "exact"
    assert PARAGRAPHS[1][placed.start:placed.end] == "would be “comprehensive”"


def test_repeated_words_are_ambiguous_and_the_error_shows_each_place():
    placed, error, _ = place("committee")
    assert placed.status == "orphaned" and placed.reason == "matches 4 places"
    assert str(error) == (
        "annotations/01_harbour/x.yml:4:3: anchor “committee” matches 4 places in seeds/01_harbour.txt — add a "
        "'prefix' or 'suffix' with the words just before or after the place you mean: "
        "¶1 “The harbour [committee] met on Tuesday. The…”; "
        "¶1 “…met on Tuesday. The [committee] agreed to publish its report…”; "
        "¶2 “…“comprehensive” and that the [committee] had heard forty witnesses.”; …")


@pytest.mark.parametrize("prefix, suffix, paragraph", [
    ("The harbour ", "", 0), ("", " agreed", 0), ("", " had heard", 1), ("thanked the ", " staff", 2),
])
def test_prefix_or_suffix_picks_one_of_repeated_words(prefix, suffix, paragraph):
    placed, error, warning = place("committee", prefix, suffix)
    assert (placed.paragraph, placed.method, error, warning) == (paragraph, "exact", None, None)


def test_unique_words_whose_context_changed_still_anchor_with_a_warning():
    placed, error, warning = place("Kessel Bay survey", prefix="work on their ", suffix=" map")
    assert (placed.paragraph, placed.method, error) == (2, "exact", None)
    assert str(warning) == ("annotations/01_harbour/x.yml:4:3: prefix or suffix of anchor “Kessel Bay survey” no "
                            "longer fits the text in ¶3 — update 'prefix' and 'suffix' to the words around it now")


def test_prefix_that_still_fits_several_places_is_ambiguous():
    _, error, _ = place("committee", prefix="the ")
    assert error.message == "anchor “committee” matches 2 places in seeds/01_harbour.txt"
    assert error.hint.startswith("make 'prefix' or 'suffix' longer")


def test_moved_words_reanchor_by_prefix_and_suffix():
    edited = (PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2].replace("Kessel Bay survey", "Kessel Bay coastal survey"))
    placed, error, warning = place("Kessel Bay survey", "work on the ", ".", paragraphs=edited)
    assert error is None and placed.method == "context"
    assert edited[2][placed.start:placed.end] == "Kessel Bay coastal survey"
    assert str(warning) == (
        "annotations/01_harbour/x.yml:4:3: anchor “Kessel Bay survey” is not in the text word for word; "
        "re-anchored by its prefix and suffix to “Kessel Bay coastal survey” in ¶3 — update anchor.exact to the "
        "words the briefing has now")


def test_moved_words_without_context_reanchor_by_fuzzy_match():
    edited = tuple(p.replace("forty witnesses", "fourty witness") for p in PARAGRAPHS)
    placed, error, warning = place("heard forty witnesses", paragraphs=edited)
    assert error is None and placed.method == "fuzzy" and placed.score >= FUZZY_THRESHOLD
    assert edited[1][placed.start:placed.end] == "heard fourty witness"
    assert "re-anchored by fuzzy match (93%) to “heard fourty witness” in ¶2" in warning.message


def test_a_passage_found_with_other_numbers_is_an_error_not_a_reanchor():
    """A note on "2.5 million" may be wrong about "2.1 million", however similar the words."""
    before = (PARAGRAPHS[0], PARAGRAPHS[1].replace("forty witnesses", "2.5 million submissions"), PARAGRAPHS[2])
    after = tuple(p.replace("2.5 million", "2.1 million") for p in before)
    assert place("heard 2.5 million submissions", paragraphs=before)[0].method == "exact"
    placed, error, warning = place("heard 2.5 million submissions", paragraphs=after)
    assert placed.status == "orphaned" and warning is None
    assert error.message == ("anchor “heard 2.5 million submissions” is not in the text word for word, and the "
                             "passage found by fuzzy match (97%), “heard 2.1 million submissions” in ¶2, has "
                             "other numbers")
    assert error.hint.startswith("check that the note still holds")
    by_context = place("2.5 million", "heard ", " submissions", paragraphs=after)
    assert by_context[0].status == "orphaned" and "by its prefix and suffix" in by_context[1].message
    assert place("heard 2.5 milion submissions", paragraphs=before)[0].method == "fuzzy"  # same numbers


def test_text_moved_to_another_paragraph_is_still_found():
    moved = (PARAGRAPHS[2], PARAGRAPHS[0], PARAGRAPHS[1])
    placed, error, _ = place("Kessel Bay survey", paragraphs=moved)
    assert (placed.paragraph, placed.method, error) == (0, "exact", None)


def test_words_that_are_gone_orphan_the_note_and_show_the_nearest_passages():
    placed, error, warning = place("budget for the lighthouse repairs")
    assert (placed.status, placed.reason, warning) == ("orphaned", "matches nowhere", None)
    assert error.message == "anchor “budget for the lighthouse repairs” matches nowhere in seeds/01_harbour.txt"
    assert error.hint.startswith("copy the words exactly as the briefing shows them; nearest passages: ¶")
    assert error.hint.count("¶") == 3 and "%)" in error.hint
    assert (error.file, error.line, error.col) == ("annotations/01_harbour/x.yml", 4, 3)


def test_short_words_are_never_matched_fuzzily():
    placed, error, _ = place("Tuesdy")
    assert placed.status == "orphaned" and "matches nowhere" in error.message


def test_a_close_match_below_the_threshold_is_an_orphan():
    placed, _, _ = place("the committee refused to publish anything")
    assert placed.status == "orphaned"


def test_control_characters_never_reach_the_message():
    _, error, _ = place("no such \x1b[2J words here")
    assert "\x1b" not in str(error)


# --- attaching to the archive ------------------------------------------------------------------

def _archive() -> Archive:
    article = Article(source_file=SOURCE, title="Harbour report", dek=None, authors=(), reading_time=None,
                      dateline=None, published="2026-05-27", updated=None, caption=None, caption_credit=None,
                      paragraphs=PARAGRAPHS, paragraph_lines=(1, 3, 5))
    page = Page(briefing=Briefing(article=article, slug="harbour-report"), slug="harbour-report",
                url="briefings/2026/05/harbour-report/", path="briefings/2026/05/harbour-report.md")
    return Archive(pages=(page,))


def test_attach_places_notes_in_text_order_and_keeps_orphans():
    notes = [note("Kessel Bay survey", id="b"), note("harbour committee", id="c", briefing="harbour-report"),
             note("not there at all, really", id="a"), note("survey", id="d", briefing="seeds/02_other.txt",
                                                            file="annotations/02_other/d.yml")]
    archive, errors, warnings = attach(_archive(), notes, "https://github.com/o/r")
    placed = archive.pages[0].annotations
    assert [(p.annotation.id, p.status, p.paragraph) for p in placed] == [
        ("c", "anchored", 0), ("b", "anchored", 2), ("a", "orphaned", None)]
    assert [(p.annotation.id, p.reason) for p in archive.orphaned_annotations] == [("d", "briefing not found")]
    assert archive.repo_url == "https://github.com/o/r"
    assert [str(e) for e in errors if "no briefing" in e.message] == [
        "annotations/02_other/d.yml:1:1: no briefing for seed 'seeds/02_other.txt' in the archive — "
        "name the briefing by its seed file (seeds/<name>.txt or .html) or the end of its URL"]  # nothing close
    assert len(errors) == 2 and warnings == []


def _page_with_header():
    article = replace(_archive().pages[0].briefing.article, dek="Survey of Kessel Bay is published at last.",
                      caption="Boats moored in the harbour at dawn, May 2026.", caption_credit="Port Photo",
                      authors=("Ana Silva", "Ben Roe"), dateline="Port Kessel",
                      subheadings=(Subheading(2, "What the witnesses said", 4),))
    return replace(_archive().pages[0], briefing=Briefing(article=article, slug="harbour-report"))


@pytest.mark.parametrize("exact, where", [
    ("Harbour report", "headline"), ("is published at last", "dek"), ("moored in the harbour", "photo caption"),
    ("(Port Photo)", "photo caption"), ("Ben Roe", "byline"), ("Port Kessel", "dateline"),
    ("What the witnesses said", "subheading"),
])
def test_words_of_the_headline_dek_or_caption_are_refused_saying_where_they_are(exact, where):
    [placed], [error], [] = place_all(_page_with_header(), [note(exact)])
    assert (placed.status, placed.reason) == ("orphaned", f"in the {where}, not the text")
    assert str(error) == (f"annotations/01_harbour/x.yml:4:3: anchor “{exact}” is in the {where} of "
                          "seeds/01_harbour.txt; notes anchor to the text of the article — quote words from the "
                          "body, the paragraphs under the headline")


def test_words_both_in_the_text_and_above_it_anchor_in_the_text():
    [placed], [], [] = place_all(_page_with_header(), [note("Kessel Bay survey")])
    assert (placed.status, placed.paragraph) == ("anchored", 2)


def test_a_caption_close_to_a_passage_of_the_text_is_not_fuzzily_anchored_to_it():
    page = _page_with_header()
    article = replace(page.briefing.article, caption="Its authors thanked the committee staff for work on the survey.")
    page = replace(page, briefing=Briefing(article=article, slug="harbour-report"))
    copied = "thanked the committee staff for work on the survey"  # ¶3: "… for their work on the Kessel Bay survey"
    assert anchor(note(copied), PARAGRAPHS, SOURCE)[0].method == "fuzzy"  # what the text alone would do
    [placed], [error], [] = place_all(page, [note(copied)])
    assert placed.status == "orphaned" and "is in the photo caption" in error.message


# --- bodies, links, configuration ----------------------------------------------------------------

@pytest.mark.parametrize("markdown, expected", [
    ("Plain *text* and **bold**", "<p>Plain <em>text</em> and <strong>bold</strong></p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>[x](data:text/html;base64,PHNjcmlwdD4=)</p>"),
    ("[x](/etc/passwd) [y](../../archive.json)",
     '<p><a rel="nofollow ugc noopener noreferrer">x</a> <a rel="nofollow ugc noopener noreferrer">y</a></p>'),
    ("[ok](https://example.org/a?b=1&c=2)",
     '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener noreferrer">ok</a></p>'),
    ("![pic](https://example.org/p.png)",
     '<p>!<a href="https://example.org/p.png" rel="nofollow ugc noopener noreferrer">pic</a></p>'),
    ("line one\n\n```\ncode\n\nmore\n```", "<p>line one</p>&#10;<pre><code>code&#10;&#10;more&#10;</code></pre>"),
    ("text {: onclick=alert(1) }", "<p>text {: onclick=alert(1) }</p>"),
])
def test_bodies_render_to_safe_single_line_html(markdown, expected):
    html = render_body(markdown)
    assert str(html) == expected
    assert "\n" not in html


def test_annotate_url_opens_a_prefilled_file_in_the_briefings_folder():
    page = _archive().pages[0]
    url = annotate_url(page, "https://github.com/briefing-archive/briefing-archive")
    assert url.startswith("https://github.com/briefing-archive/briefing-archive/new/main/annotations/01_harbour"
                          "?filename=my-note.yml&value=")
    assert "briefing%3A%20seeds%2F01_harbour.txt" in url
    assert annotate_url(page, "https://gitlab.com/o/r") is None
    assert annotate_url(page, "") is None


def test_repo_url_is_read_safely_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("repo_url: https://github.com/o/r\nx: !!python/name:os.system\ny: !ENV HOME\n")
    assert read_mkdocs_yml(config) == MkDocsSettings("", "https://github.com/o/r")
    config.write_text("repo_url: javascript:alert(1)\n")
    settings = read_mkdocs_yml(config)
    assert settings.repo_url == "" and str(settings.error) == (
        "mkdocs.yml: repo_url 'javascript:alert(1)' is not an http(s) URL — write it as https://github.com/<owner>/<repo>")
    config.write_text("site_name: x\nrepo_url: [unclosed\n")
    settings = read_mkdocs_yml(config)
    assert settings.repo_url == "" and settings.error.location() == "mkdocs.yml:3:1"
    assert "cannot read site_url and repo_url" in settings.error.message
    assert read_mkdocs_yml(tmp_path / "missing.yml") == MkDocsSettings("", "")


# --- properties --------------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.lists(st.sampled_from(["the", "bay", "survey", "“quoted”", "forty", "(1)", "it's", "—", "x"]),
                  min_size=1, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(_WORDS, min_size=1, max_size=4), data=st.data())
def test_words_copied_from_the_text_anchor_where_they_are_or_are_ambiguous(paragraphs, data):
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    words = paragraphs[index].split(" ")
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    exact = " ".join(words[first:last + 1])
    start = len(" ".join(words[:first])) + (1 if first else 0)
    occurrences = sum(1 for p in paragraphs for at in range(len(p)) if p.startswith(exact, at))
    placed, error, warning = anchor(note(exact), tuple(paragraphs), SOURCE)
    if occurrences == 1:
        assert (placed.paragraph, placed.start, placed.end, error, warning) == (index, start, start + len(exact), None, None)
    else:
        assert placed.status == "orphaned" and f"matches {occurrences} places" in error.message


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(st.text(min_size=0, max_size=120), min_size=0, max_size=4),
       exact=st.text(min_size=1, max_size=40), prefix=st.text(max_size=10), suffix=st.text(max_size=10))
def test_any_text_anchors_inside_a_paragraph_or_is_reported(paragraphs, exact, prefix, suffix):
    placed, error, warning = anchor(note(exact, prefix, suffix), tuple(paragraphs), SOURCE)
    if placed.anchored:
        text = paragraphs[placed.paragraph]
        assert 0 <= placed.start < placed.end <= len(text) and error is None
        assert placed.method == "exact" or warning is not None
    else:
        assert error is not None and error.file == "annotations/01_harbour/x.yml"


def test_note_links_lose_their_titles():
    # Material's tooltips insert a title as HTML on hover: a body's link title must not survive.
    from generator.annotations.body import render_body

    html = render_body('[x](https://example.org "<img src=x onerror=alert(1)>")')
    assert "title" not in html and 'href="https://example.org"' in html
