"""Property tests: untrusted text put into Markdown by generator/mdtext.py stays text.

Each example is rendered by Python-Markdown with exactly the extensions of mkdocs.yml (see
tests/hostile.py). The property: the HTML holds no markup from the input, and a reader sees the
input's own characters (white space folded, control and direction-override characters dropped).
Hypothesis runs derandomized so that CI is deterministic; SECURITY_EXAMPLES raises the count for a
longer local run.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.mdtext import escape_html, escape_md
from tests.hostile import FRAGMENTS, hostile_line, live_markup, markdown_to_html, parse, shown_as, visible_text

EXAMPLES = int(os.environ.get("SECURITY_EXAMPLES", "150"))
bounded = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=2), derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])


def _contexts(value: str) -> dict[str, str]:
    """The places templates put escaped text, each as a tiny Markdown page."""
    md, html_text = escape_md(value), escape_html(value)
    return {
        "paragraph": f"{md}\n",
        "heading": f"# {md}\n",
        "list item link": f"- [{md}](x.md) <small>{md}</small>\n",
        "attr-list paragraph": f"{md}\n{{ #p1 .briefing-paragraph }}\n",
        "raw html block": f'<p class="x">{html_text}</p>\n',
        "raw html attribute": f'<p class="x"><time datetime="{html_text}">t</time></p>\n',
        "md_in_html": f'<article class="c" markdown>\n\n### [{md}](x.md)\n\n'
                      f'<p class="m">{html_text}</p>\n\n{md}\n\n</article>\n',
        "quote": f"> {md}\n",
        "table cell": f"| a |\n|---|\n| {md} |\n",
    }


@bounded
@given(hostile_line)
@example("<script>xss()</script>")
@example("C# and F#")
@example("[TOC]")
@example("x {: onclick=xss() }")
@example("1. not a list")
@example("\x02wzxhzdk:0\x03")
def test_escaped_text_renders_as_itself_in_every_context(value):
    for context, page in _contexts(value).items():
        html_out = markdown_to_html(page)
        assert live_markup(html_out) == [], (context, page, html_out)


@bounded
@given(hostile_line)
@example("C# and F# #")
@example("[TOC]")
@example("<b>&amp;</b> &copy; &#60;")
def test_escaped_paragraph_and_heading_show_exactly_the_input(value):
    expected = shown_as(value)
    for page in (f"{escape_md(value)}\n", f"# {escape_md(value)}\n"):
        html_out = markdown_to_html(page)
        assert visible_text(html_out) == expected, (page, html_out)
        tags = [tag for tag, _ in parse(html_out).elements]
        assert tags in ([], ["p"], ["h1"]), (page, html_out)


@bounded
@given(hostile_line)
def test_escaped_html_shows_exactly_the_input(value):
    html_out = markdown_to_html(f'<p class="x">{escape_html(value)}</p>\n')
    assert live_markup(html_out) == []
    assert visible_text(html_out) == shown_as(value)


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_every_fragment_alone_is_inert_and_shown(fragment):
    html_out = markdown_to_html(f"{escape_md(fragment)}\n")
    assert live_markup(html_out) == []
    assert visible_text(html_out) == shown_as(fragment)


def test_inspector_sees_live_markup():
    # The property tests are only as good as the inspector: it must flag what escaping prevents.
    assert live_markup(markdown_to_html("<img src=x onerror=xss()>\n"))
    assert live_markup(markdown_to_html("[x](javascript:xss())\n"))
    assert live_markup(markdown_to_html("x\n{: onclick=xss() }\n"))
    assert live_markup(markdown_to_html('<p>[x](java&#x09;script:xss())</p>\n<a href="java&#x09;script:x">y</a>\n'))
