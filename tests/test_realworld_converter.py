"""The corpus converter (tools/realworld/htmlseed.py): a saved page becomes a seed in both styles,
as scrapers make them, and every Markdown seed reads back as its plain twin."""

from __future__ import annotations

import pytest

from generator.ingest.source import read_lines
from tools.realworld.htmlseed import convert

from .conftest import ROOT

PAGE = b"""<html><head><title>Council approves the bridge | Example News</title>
<style>p { color: red }</style><script>var x = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves the bridge</h1>
<p class="byline">By <a href="/ann-lee">Ann Lee</a></p>
<p>The council approved the <em>new</em> bridge, which will cost <strong>$30 million</strong>.</p>
<ol><li>1. Borrow most of the money</li></ol>
<p>1. The vote was close.</p>
<p>## Not a heading either</p>
<p>A star, 5 * 3, is not emphasis.</p>
<div hidden>Hidden text</div>
<p>Residents who spoke at the meeting said the old ferry had become far too slow.</p>
</article><footer>&copy; 2019 Example News</footer></body></html>"""


@pytest.fixture(scope="module")
def seed():
    return convert(PAGE)


def test_the_markdown_style_keeps_links_emphasis_and_escapes(seed):
    lines = seed.markdown.split("\n\n")
    assert "# Council approves the bridge" in lines
    assert "By [Ann Lee](/ann-lee)" in lines
    assert "The council approved the *new* bridge, which will cost **\\$30 million**." in lines
    # A line start Markdown would read as a list or a heading is escaped before its punctuation,
    # as Turndown and html2text write it (CommonMark does not take "\1." as an escape).
    assert "1\\. The vote was close." in lines
    assert "\\## Not a heading either" in lines and "A star, 5 \\* 3, is not emphasis." in lines


def test_the_plain_style_is_a_browsers_copy(seed):
    lines = seed.plain.splitlines()
    assert "By Ann Lee" in lines and "1. The vote was close." in lines
    assert "The council approved the new bridge, which will cost $30 million." in lines
    assert not any("Hidden text" in line or "var x" in line or "color: red" in line for line in lines)


def test_the_markdown_seed_reads_as_the_plain_seed(seed):
    """What ingest reads of each Markdown line is the browser's copy of the same block (but for
    the list and quote markers, which ingest keeps in the line's text)."""
    markdown = [line.text.removeprefix("- ").removeprefix("> ") for line in read_lines(seed.markdown.encode(), "x.txt")]
    plain = [line.raw for line in read_lines(seed.plain.encode(), "x.txt")]  # (raw: "## …" is text here)
    assert markdown == plain


@pytest.mark.parametrize("page_id", ["hellogiggles-com-1", "flavorwire-com-1", "broadwayworld-com-1"])
def test_the_corpus_seeds_with_numbered_lines_read_alike_in_both_styles(page_id):
    seeds = ROOT / "tests" / "realworld" / "seeds"
    markdown = [line.text for line in read_lines((seeds / "markdown" / f"{page_id}.txt").read_bytes(), "m.txt")]
    plain = {line.text for line in read_lines((seeds / "plain" / f"{page_id}.txt").read_bytes(), "p.txt")}
    numbered = [text for text in markdown if text[:1].isdigit() and text[1:3] in (". ", ") ")]
    assert numbered and all(text in plain for text in numbered)
