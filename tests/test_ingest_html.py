"""Saved pages as seeds (generator/ingest/html.py): ``seeds/*.html`` is read by trafilatura and
htmldate into the same Article a text seed makes, with the same sidecar, limits, ``file:line``
errors and annotation anchoring, and no markup of the page reaches the briefing.

The pages under tests/fixtures/html/ are written for these tests (DEVELOPERS.md: no invented news
in seeds/); ``hostile.html`` carries scripts, ``javascript:`` links and event handlers.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.annotations import attach
from generator.annotations.load import parse_annotation
from generator.build import build, orphan_sidecars, seed_files
from generator.config import BuildConfig
from generator.errors import NoHeadlineError, SeedError
from generator.extract import extract
from generator.ingest import ingest
from generator.inputfiles import MAX_HTML_BYTES, MAX_SEED_BYTES, read_seed_bytes, strip_control_bytes
from generator.link import link
from generator.registry import build_registry
from generator.render import render
from tests.hostile import live_markup, page_to_html, visible_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
FERRY = (FIXTURES / "ferry.html").read_bytes()
HOSTILE = (FIXTURES / "hostile.html").read_bytes()
# The ferry page with every date its markup gives taken out (meta tag, <time>, the address).
UNDATED = (FERRY.replace(b'<meta property="article:published_time" content="2019-03-12T14:05:00+05:30">\n', b"")
           .replace(b'<p><time datetime="2019-03-12T14:05:00+05:30">12 March 2019, 14:05 IST</time></p>\n', b"")
           .replace(b"/2019/03/12/", b"/local/"))


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def test_a_saved_page_becomes_the_article_a_text_seed_would():
    article = ingest(FERRY, "seeds/ferry.html")
    assert article.source_file == "seeds/ferry.html"
    assert article.title == "Harbour authority approves new ferry timetable for the winter"  # the <h1>, no site name
    assert (article.published, article.time_zone) == ("2019-03-12T14:05:00+05:30", "IST")  # as the page prints it
    assert article.authors == ("Ann Lee",)
    assert article.paragraphs[0].startswith("The harbour authority approved a new ferry timetable on Tuesday")
    # Text only: emphasis resolved, a <br> ends a paragraph, nothing of the menu or footer.
    assert '"We listened to the people who use the ferries every day," the authority\'s chair, Maria Costa, said ' \
           "at a meeting on the quay." in article.paragraphs
    assert article.paragraphs[-1] == "Tickets bought for the old times stay valid."
    assert not any(word in " ".join(article.paragraphs) for word in ("Home", "Weather", "All rights reserved", "analytics"))
    # The headline is not a subheading of its own text; the <h2> is, above its paragraph.
    assert [(h.text, article.paragraphs[h.before][:15]) for h in article.subheadings] == \
        [("What changes in April", "The first saili")]
    assert {(r.text, r.rule) for r in article.removed} >= {("Advertisement", "ad-marker")}
    # Line numbers are the page file's.
    assert article.paragraph_lines[0] == _line_of(FERRY, b"<p>The harbour authority")
    assert all(a <= b for a, b in zip(article.paragraph_lines, article.paragraph_lines[1:]))



def test_the_printed_time_is_read_under_the_headline_and_an_updated_time_when_it_is_the_only_one():
    """The markup gives the day alone; the page prints the time in a line no class names, under
    the headline; and where it prints only an "Updated" time, that is the publication time."""
    day_only = FERRY.replace(b'content="2019-03-12T14:05:00+05:30"', b'content="2019-03-12"')
    plain_line = day_only.replace(b'<p><time datetime="2019-03-12T14:05:00+05:30">12 March 2019, 14:05 IST</time></p>',
                                  b"<p>12 March 2019, 2:05 pm</p>")
    assert ingest(plain_line, "seeds/ferry.html").published == "2019-03-12T14:05:00"
    updated = day_only.replace(b">12 March 2019, 14:05 IST<", b">Updated: 12 March 2019, 16:40 IST<")
    assert ingest(updated, "seeds/ferry.html").published == "2019-03-12T16:40:00+05:30"

def test_headline_and_subheadings_are_told_by_what_the_page_prints():
    headline = b"<h1>Harbour authority approves new ferry timetable for the winter</h1>"
    page = (FERRY.replace(b"<h2>What changes in April</h2>", b"<p><strong>What changes in April</strong></p>")
            .replace(b'<meta property="og:title" content="Harbour authority approves new ferry timetable for the winter">\n', b"")
            .replace(headline, b"<h2>The new timetable is the first change to the winter sailings in a decade, officials said.</h2>")
            .replace(b"<header>", b"<header><h1>Example Coast News Logo</h1>"))
    article = ingest(page.replace(b"<article>", b"<article>" + headline.replace(b"h1", b"h2")), "seeds/ferry.html")
    # The logo's <h1> is not what the <title> names; the heading that opens the text is.
    assert article.title == "Harbour authority approves new ferry timetable for the winter"
    # A bold line between paragraphs is a subheading; a sentence set as a heading is a paragraph.
    assert [h.text for h in article.subheadings] == ["What changes in April"]
    assert "The new timetable is the first change to the winter sailings in a decade, officials said." \
        in article.paragraphs


@pytest.mark.parametrize("credit, names", [
    ("Ann Lee Senior Transport Editor", ("Ann Lee",)),  # a job title after the name
    ("Ann Lee; Example Coast News", ("Ann Lee",)),  # an outlet beside a person
    ("Example Coast News", ("Example Coast News",)),  # an outlet alone is the credit
    ("Ann Lee; Updated Mar 12", ("Ann Lee",)),  # a date label is no name
])
def test_the_byline_is_told_apart_as_a_text_seed_s(credit, names):
    page = FERRY.replace(b'content="Ann Lee"', f'content="{credit}"'.encode()).replace(
        b'<p class="byline">By <a href="/authors/ann-lee">Ann Lee</a></p>', b"")
    assert ingest(page, "seeds/ferry.html").authors == names


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """seeds/ with the ferry page and a text seed beside it; the working directory is the project."""
    for folder in ("seeds", "registry", "annotations"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seeds" / "ferry.html").write_bytes(FERRY)
    (tmp_path / "seeds" / "bus.txt").write_text(
        "Council extends the night bus to the harbour\n\nBy Ann Lee\n\nPublished: 14 March 2019\n\n"
        "The council extended the night bus to the harbour on Thursday, after the ferry timetable changed. "
        "The last bus will now meet the last ferry, the council said.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(project: Path, docs: str = "docs"):
    return build(BuildConfig(project / "seeds", project / docs, project / "registry", project / "annotations",
                             jobs=1, cache_dir=None, site_url="https://example.org/",
                             repo_url="https://github.com/example/archive"))


def _briefings(project: Path, docs: str = "docs") -> dict[str, dict]:
    data = json.loads((project / docs / "archive.json").read_text(encoding="utf-8"))
    return {b["source_file"]: b for b in data["briefings"]}


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_a_saved_page_is_found_beside_text_seeds_and_builds_into_a_briefing(project):
    assert [p.name for p in seed_files(project / "seeds")] == ["bus.txt", "ferry.html"]
    result = _build(project)
    assert not result.problems.errors and result.pages == 2
    ferry = _briefings(project)["seeds/ferry.html"]
    assert ferry["title"] == "Harbour authority approves new ferry timetable for the winter"
    pages = [p.read_text(encoding="utf-8") for p in (project / "docs" / "briefings").rglob("*.md")]
    [text] = [t for t in pages if "fewer sailings in the early morning" in t]
    assert "# Harbour authority approves new ferry timetable for the winter" in text
    assert "## What changes in April" in text


def test_the_same_page_builds_the_same_bytes_twice(project):
    assert ingest(FERRY, "seeds/ferry.html") == ingest(FERRY, "seeds/ferry.html")
    _build(project, "docs")
    _build(project, "again")
    assert _tree(project / "docs") == _tree(project / "again")


def test_a_page_without_a_date_is_refused_naming_the_file_and_its_sidecar():
    with pytest.raises(SeedError) as caught:
        ingest(UNDATED, "seeds/ferry.html")
    message = str(caught.value)
    assert message.startswith(f"seeds/ferry.html:{_line_of(UNDATED, b'<h1>')}: no publication date found — ")
    assert "set it in seeds/ferry.meta.yml (published: " in message


def test_the_sidecar_gives_a_missing_date_and_overrides_what_the_page_says(project):
    (project / "seeds" / "ferry.html").write_bytes(UNDATED)
    refused = _build(project)
    assert [str(e).split(" — ")[0] for e in refused.problems.sorted()] == \
        [f"seeds/ferry.html:{_line_of(UNDATED, b'<h1>')}: no publication date found"]
    (project / "seeds" / "ferry.meta.yml").write_text(
        "published: 2019-03-12T14:05+05:30\nheadline: Ferry timetable approved\nbyline: [Ann Lee, Ravi Nair]\n",
        encoding="utf-8")
    result = _build(project)
    assert not result.problems.errors and result.pages == 2
    ferry = _briefings(project)["seeds/ferry.html"]
    assert (ferry["title"], ferry["published"], ferry["byline"]) == \
        ("Ferry timetable approved", "2019-03-12T14:05:00+05:30", ["Ann Lee", "Ravi Nair"])
    assert orphan_sidecars(project / "seeds") == []  # a saved page's sidecar belongs to it


def test_a_saved_page_beside_a_text_seed_of_the_same_name_is_reported(project):
    shutil.copy(project / "seeds" / "bus.txt", project / "seeds" / "ferry.txt")
    errors = [str(e) for e in orphan_sidecars(project / "seeds")]
    assert errors == ["seeds/ferry.html: ferry.txt is a seed of the same name: the two would share ferry.meta.yml "
                      "and annotations/ferry/ — keep one of them, or rename the saved page"]


def test_a_page_over_the_size_limit_is_refused_unread_and_control_characters_by_line(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(FERRY.replace(b"</body>", b"<!--" + b"x" * MAX_HTML_BYTES + b"--></body>"))
    with pytest.raises(SeedError, match=rf"^seeds/big.html: file is [\d,]+ bytes, more than the limit of {MAX_HTML_BYTES:,}"):
        read_seed_bytes(big, "seeds/big.html")
    # A page larger than a text seed may be (scripts and menus) is within its own limit, on one line.
    long = tmp_path / "long.html"
    long.write_bytes(FERRY.replace(b"\n", b" ").replace(b"</body>", b"<script>" + b"x" * MAX_SEED_BYTES + b"</script></body>"))
    assert ingest(read_seed_bytes(long, "seeds/long.html"), "seeds/long.html").title.startswith("Harbour authority")
    # A control character written as itself is removed at the edge, with a warning at its place.
    bad = FERRY.replace(b"early morning", b"early\x10 morning")
    stripped, [warning] = strip_control_bytes(bad, "seeds/bad.html")
    assert stripped == FERRY.replace(b"early morning", b"early morning")
    assert str(warning).startswith(f"seeds/bad.html:{_line_of(FERRY, b'early')}:")
    assert "removed control character U+0010" in str(warning)


def test_a_page_nested_past_the_parser_depth_builds_or_is_refused_never_crashes():
    from generator.perseed import process_seed

    registry, _ = build_registry([])
    for page in (FERRY.replace(b"<article>", b"<div>" * 100_000 + b"<article>")
                 .replace(b"</article>", b"</article>" + b"</div>" * 100_000),
                 b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep text.</p>" + b"</div>" * 100_000 + b"</body></html>"):
        result = process_seed("seeds/deep.html", page, registry)
        assert "internal error" not in str(result), str(result)[:300]


@pytest.mark.parametrize("written", ["&#8;", "&#x1F;", "&#xfffe;"])
def test_a_control_character_written_as_a_reference_is_refused_at_its_place(written):
    page = FERRY.replace(b"early morning", f"early{written} morning".encode())
    line = _line_of(FERRY, b"early morning")
    col = FERRY.split(b"\n")[line - 1].index(b"early morning") + len("early") + 1
    with pytest.raises(SeedError, match=rf"^seeds/ferry.html:{line}:{col}: control character U\+00(08|1F)|"
                                          rf"^seeds/ferry.html:{line}:{col}: control character U\+FFFE"):
        ingest(page, "seeds/ferry.html")


def test_the_page_encoding_is_utf8_or_the_declared_charset_else_an_error_at_the_byte():
    latin = FERRY.replace(b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">').replace(
        b"Maria Costa", "María Costa".encode("latin-1"))
    assert "María Costa" in " ".join(ingest(latin, "seeds/ferry.html").paragraphs)
    undeclared = FERRY.replace(b"Maria Costa", "María Costa".encode("latin-1"))
    with pytest.raises(SeedError, match=rf"^seeds/ferry.html:{_line_of(FERRY, b'Maria')}:\d+: not valid UTF-8 \(byte 0xed\)"):
        ingest(undeclared, "seeds/ferry.html")


def test_a_page_without_text_or_headline_is_refused_with_a_message():
    with pytest.raises(SeedError, match=r"^seeds/empty.html:1: the page is empty"):
        ingest(b"<html><body>  </body></html>", "seeds/empty.html")
    with pytest.raises(SeedError, match="no article text found in the page"):
        ingest(b"<html><head><title>A title</title></head><body><script>var page = 'app';</script></body></html>",
               "seeds/app.html")
    untitled = FERRY.replace(b"<title>", b"<x>").replace(b"</title>", b"</x>").replace(b"og:title", b"og:none")
    untitled = untitled.replace(b"<h1>Harbour authority approves new ferry timetable for the winter</h1>", b"")
    untitled = untitled.replace(b"<h2>What changes in April</h2>", b"")  # trafilatura would take it
    with pytest.raises(NoHeadlineError, match=r"no headline found in the page .* set it in seeds/ferry.meta.yml"):
        ingest(untitled, "seeds/ferry.html")


def _rendered(seed: bytes, name: str, notes=()) -> tuple[dict[str, bytes], object]:
    registry, _ = build_registry([])
    archive = link([extract(ingest(seed, name), registry)], registry)
    archive, errors, _warnings = attach(archive, list(notes), "https://github.com/o/r")
    return render(archive), (archive, errors)


def test_no_script_link_or_handler_of_a_hostile_page_is_live_in_the_briefing():
    files, _ = _rendered(HOSTILE, "seeds/hostile.html")
    pages = {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".md")}
    briefing = next(text for text in pages.values() if "harbour budget" in text and "dredging" in text)
    for path, text in pages.items():
        assert live_markup(page_to_html(text)) == [], path
    feed = json.loads(files["feeds/feed.json"])
    assert "&lt;script&gt;" in feed["items"][0]["content_html"]  # the text is in the feed, escaped
    assert all(live_markup(item.get("content_html", "")) == [] for item in feed["items"])
    atom = ET.fromstring(files["feeds/atom.xml"])
    assert all(live_markup(e.text) == [] for e in atom.iter() if e.get("type") == "html" and e.text)
    for path, data in files.items():  # pages, feeds, archive.json: not even a script's text
        assert b"__xss" not in data and b"evil.example" not in data, path
    # The page's text that reads like markup is shown as the text it is.
    shown = visible_text(page_to_html(briefing))
    assert '<script>alert("x")</script>' in shown and "<img src=x onerror=alert(1)>" in shown
    assert "the budget was agreed" in shown


def test_an_annotation_anchors_in_a_saved_page_text():
    note, errors = parse_annotation(
        "briefing: seeds/ferry.html\nanchor:\n  exact: fewer sailings in the early morning\nkind: context\n"
        "body: The early sailings carried few passengers in the consultation's figures.\nauthor: Tester\n"
        "date: 2026-11-25\n", "annotations/ferry/early.yml", "ferry/early")
    assert errors == [] and note is not None
    _files, (archive, attach_errors) = _rendered(FERRY, "seeds/ferry.html", [note])
    assert attach_errors == []
    [placed] = archive.pages[0].annotations
    paragraph = archive.pages[0].briefing.article.paragraphs[placed.paragraph]
    assert placed.anchored and paragraph[placed.start:placed.end] == "fewer sailings in the early morning"
