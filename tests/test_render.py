"""Rendering: templates print only escaped values, front matter is safe, links are relative."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
import yaml

from generator.mdtext import Md, escape_html
from generator.render.inline import Insert, Wrap, decorate
from generator.render.pages import ENV, front_matter, relative


def test_template_refuses_unescaped_values():
    template = ENV.from_string("{{ value }}")
    with pytest.raises(jinja2.TemplateError, match="unescaped"):
        template.render(value="<script>")
    assert ENV.from_string("{{ value|md }}").render(value="<b>") == "&lt;b>"
    assert ENV.from_string("{{ value|html }}").render(value="<b>") == "&lt;b&gt;"


def test_template_refuses_undefined_names():
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{{ missing|md }}").render()


def test_a_missing_partial_is_an_error():
    with pytest.raises(jinja2.TemplateNotFound):
        ENV.from_string('{% include "partials/no-such-partial.md.j2" %}').render()


def test_every_include_names_a_partial_that_exists():
    """``ignore missing`` would drop a whole section without a word when a partial is misnamed."""
    templates = Path(__file__).resolve().parents[1] / "generator" / "templates"
    for path in sorted(templates.rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        assert "ignore missing" not in source, path.name
        for name in re.findall(r'{%-?\s*(?:include|extends|import|from)\s+"([^"]+)"', source):
            assert (templates / name).is_file(), f"{path.name} includes {name}, which does not exist"


def test_front_matter_cannot_be_injected():
    title = 'x\n---\ntemplate: evil.html\nhide: [toc]\n"'
    text = front_matter({"title": title, "description": "d", "evil": "ignored"})
    assert text.startswith("---\n") and text.endswith("---\n\n")
    block = text.split("---\n")
    assert len(block) == 3, "the title must not add a front-matter delimiter"
    # Text is stored HTML-escaped, because Material prints it unescaped (see SECURITY.md).
    assert yaml.safe_load(block[1]) == {"title": str(escape_html(" ".join(title.split()))), "description": "d"}


def test_front_matter_key_order_is_fixed():
    text = front_matter({"tags": ["a"], "title": "T", "date": "2026-01-01"})
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith(("-", " "))]
    assert keys == ["title", "date", "tags"]


@pytest.mark.parametrize("source, target, expected", [
    ("index.md", "briefings/2026/05/x.md", "briefings/2026/05/x.md"),
    ("briefings/2026/05/x.md", "entities/people/y.md", "../../../entities/people/y.md"),
    ("briefings/2026/05/x.md", "briefings/2026/05/z.md", "z.md"),
])
def test_relative_links(source, target, expected):
    assert relative(source, target) == expected


def test_decorate_wraps_and_inserts_at_offsets():
    text = "Rubio said *this* at [home]."
    out = decorate(text, [Wrap(0, 5, Md("["), Md("](rubio.md)"))],
                   [Insert(3, Md("(1)")), Insert(len(text), Md(" (2)"))])
    assert out == "[Rubio](rubio.md)(1) said \\*this\\* at \\[home\\]. (2)"


def test_decorate_drops_overlapping_wraps_keeps_first():
    out = decorate("Marco Rubio", [Wrap(0, 11, Md("<"), Md(">")), Wrap(6, 11, Md("{"), Md("}"))])
    assert out == "<Marco Rubio>"


def test_raw_html_links_follow_mkdocs_directory_urls():
    # The generated lists are raw HTML, so their hrefs are final site URLs: each page is served
    # at its folder (use_directory_urls, MkDocs' default), e.g. entities/people/x.md → x/.
    from generator.render.pages import href, page_url

    assert page_url("index.md") == "" and page_url("briefings/index.md") == "briefings/"
    assert page_url("briefings/2026/05/pact.md") == "briefings/2026/05/pact/"
    assert href("entities/people/ana.md", "briefings/2026/05/pact.md", "p3") == "../../../briefings/2026/05/pact/#p3"
    assert href("briefings/2026/05/pact.md", "briefings/2026/05/pact.md", "p3") == "#p3"
    assert href("briefings/2026/05/pact.md", "timeline/2026/index.md", "t-x") == "../../../../timeline/2026/#t-x"
    assert href("index.md", "entities/people/ana.md") == "entities/people/ana/"
    assert href("entities/people/ana/timeline-2.md", "entities/people/ana.md", "timeline") == "../#timeline"


def test_raw_html_links_for_zensical_name_the_markdown_file():
    # Zensical rewrites relative links in raw HTML against the Markdown file, as it does Markdown
    # links (README, "Engines"): the href names the target file and Zensical makes it a URL.
    from generator.render.pages import Linker, href

    assert href("entities/people/ana.md", "briefings/2026/05/pact.md", "p3", "zensical") == "../../briefings/2026/05/pact.md#p3"
    assert href("briefings/2026/05/pact.md", "briefings/2026/05/pact.md", "p3", "zensical") == "#p3"
    assert href("briefings/2026/05/pact.md", "timeline/2026/index.md", "t-x", "zensical") == "../../../timeline/2026/index.md#t-x"
    assert href("index.md", "entities/people/ana.md", "", "zensical") == "entities/people/ana.md"
    assert Linker("index.md", "zensical").url("entities/people/ana.md") == "entities/people/ana.md"
    assert Linker("index.md", "properdocs").url("entities/people/ana.md") == "entities/people/ana/"


def test_mkdocs_config_keeps_directory_urls():
    # href() above assumes it; turning it off would break every raw-HTML link (the site crawl
    # in test_site_links.py would catch it too, this says why).
    text = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "use_directory_urls" not in text


def test_byline_parts_read_apart_without_css():
    # The byline is a flex box (no drawn spaces); search excerpts and screen readers read its text.
    import re

    page = next((Path(__file__).parent / "golden" / "docs" / "briefings").glob("*/*/*.md")).read_text(encoding="utf-8")
    byline = re.search(r'<p class="briefing-byline">(.*?)</p>', page).group(1)
    assert re.sub(r"<[^>]+>", "", byline) == "By Shubhajit Roy New Delhi Updated 27 May 2026 04:37 IST 4 min read"


def _golden_briefing() -> str:
    return next((Path(__file__).parent / "golden" / "docs" / "briefings").glob("*/*/*.md")).read_text(encoding="utf-8")


def test_paragraph_links_are_written_one_way_and_say_what_they_are():
    # Glance, quotes, timeline and annotations all link to paragraphs of the article; each link is
    # pages.paragraph_link's, whose title and accessible name explain the "¶".
    from generator.render.pages import paragraph_link

    page = _golden_briefing()
    targets = re.findall(r'(?:href="|\]\()#p(\d+)', page)
    one_way = re.findall(r'<a class="briefing-para-link" href="#p(\d+)" title="Go to paragraph \1 of the article" '
                         r'aria-label="Go to paragraph \1 of the article">¶&nbsp;\1</a>', page)
    assert len(targets) >= 20 and one_way == targets
    assert paragraph_link(2) == ('<a class="briefing-para-link" href="#p3" title="Go to paragraph 3 of the article" '
                                 'aria-label="Go to paragraph 3 of the article">¶&nbsp;3</a>')
    # no other "¶" on the page but the timeline's note, which says what the mark is
    assert page.count("¶") == len(one_way) + page.count('<p class="timeline-note">') == len(one_way) + 1


def test_a_caption_without_its_photo_reads_as_a_photo_caption():
    page = _golden_briefing()
    caption = re.search(r'<figure class="briefing-caption">\n<figcaption>(.*?)</figcaption>\n</figure>', page).group(1)
    assert caption.startswith('<span class="briefing-caption-label">Photo:</span> US Secretary of State Marco Rubio')
    # Styled as a framed figure caption, not with the accent bar on the left that marks a quote.
    css = (Path(__file__).parent.parent / "docs" / "assets" / "briefing.css").read_text(encoding="utf-8")
    rules = dict(re.findall(r"\n(\.md-typeset [^{]+?) \{([^}]*)\}", css))
    quote_bar = "border-left: 3px solid var(--md-accent-fg-color)"
    assert quote_bar in rules[".md-typeset blockquote"]
    assert "border-left" not in rules[".md-typeset .briefing-caption"]
    assert "border: 1px solid" in rules[".md-typeset .briefing-caption"]
