"""Rendering: templates print only escaped values, front matter is safe, links are relative."""

from __future__ import annotations

import jinja2
import pytest
import yaml

from generator.mdtext import Md, escape_html
from generator.render.inline import Insert, Wrap, decorate
from generator.render.pages import _ENV, front_matter, relative


def test_template_refuses_unescaped_values():
    template = _ENV.from_string("{{ value }}")
    with pytest.raises(jinja2.TemplateError, match="unescaped"):
        template.render(value="<script>")
    assert _ENV.from_string("{{ value|md }}").render(value="<b>") == "&lt;b>"
    assert _ENV.from_string("{{ value|html }}").render(value="<b>") == "&lt;b&gt;"


def test_template_refuses_undefined_names():
    with pytest.raises(jinja2.UndefinedError):
        _ENV.from_string("{{ missing|md }}").render()


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
