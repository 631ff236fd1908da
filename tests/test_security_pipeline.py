"""Property test of the whole pipeline on random hostile input: a seed, a registry entity and an
annotation, each built from random text and markup fragments (tests/hostile.py), go through
ingest → extract → link → anchor → render, every generated page through Python-Markdown with
mkdocs.yml's extensions, and the files through the writer into a temporary docs/.

Properties: the pipeline either builds or refuses with an InputError (never another exception);
no tag, attribute or URL from input is live in any page, feed or search text; front matter holds
only the generator's keys (never ``template``); nothing is written outside docs/.
Bounded for CI: derandomized, a few dozen examples, a deadline per example. SECURITY_EXAMPLES
raises the count for a longer local run.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import timedelta

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.annotations import attach
from generator.annotations.load import parse_annotation
from generator.errors import InputError
from generator.extract import extract
from generator.ingest import ingest
from generator.inputfiles import check_paragraphs, strip_control_bytes
from generator.link import link
from generator.registry import build_registry, parse_entity
from generator.render import render
from generator.render.pages import FRONT_MATTER_KEYS
from generator.write import write_files
from tests.hostile import front_matter_of, hostile_line, live_markup, page_to_html, single_line

EXAMPLES = int(os.environ.get("SECURITY_EXAMPLES", "25"))
pipeline_settings = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=10), derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

printable = single_line.map(lambda s: "".join(ch for ch in s if ch.isprintable()))


@st.composite
def hostile_inputs(draw):
    """(seed bytes, registry YAML text, annotation YAML text) built around one hostile name."""
    name = "Mallory " + draw(printable).strip()[:40] + " Payload"
    headline = "Hostile " + draw(single_line) + " headline"
    body = draw(st.lists(hostile_line, min_size=1, max_size=4))
    anchor_words = "the budget was agreed"
    paragraphs = [f"{name} said \"{body[0]}\" on Tuesday, and {anchor_words}.", *body]
    byline = draw(st.sampled_from(["", "By " + draw(printable) + "\n\n"]))
    seed = f"{headline}\n\n{byline}Published: 12 March 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    entity = {"id": "mallory-payload", "name": " ".join(name.split()), "type": "person",
              "roles": [draw(printable) or "x"], "description": draw(hostile_line) or "x"}
    note = {"briefing": "seeds/hostile.txt", "anchor": {"exact": anchor_words}, "kind": "context",
            "body": draw(hostile_line).strip() or "x", "author": draw(printable).strip() or "x",
            "sources": ["https://example.org/" + draw(st.sampled_from(["a", "<script>", "\"onmouseover=x"]))],
            "date": "2026-11-25"}
    return (seed.encode("utf-8", "surrogatepass"), yaml.safe_dump(entity, allow_unicode=True),
            yaml.safe_dump(note, allow_unicode=True))


def _pipeline(seed: bytes, entity_yaml: str, note_yaml: str) -> dict[str, bytes] | None:
    entity, _errors = parse_entity(entity_yaml, "registry/person/mallory-payload.yml")
    registry, _clashes = build_registry([entity] if entity else [])
    try:
        seed, _warnings = strip_control_bytes(seed, "seeds/hostile.txt")  # as build.py's edge does before ingest
        article = ingest(seed, "seeds/hostile.txt")
        check_paragraphs(article)
        briefing = extract(article, registry)
    except InputError:
        return None  # refused with a clear error: allowed
    note, _errors = parse_annotation(note_yaml, "annotations/hostile/note.yml", "hostile/note")
    archive = link([briefing], registry)
    archive, _errors, _warnings = attach(archive, [note] if note else [], "https://github.com/o/r")
    return render(archive)


def _check_file(path: str, data: bytes) -> list[str]:
    text = data.decode("utf-8")
    if path.endswith(".md"):
        meta = front_matter_of(text)
        assert set(meta) <= set(FRONT_MATTER_KEYS), (path, meta)
        return live_markup(page_to_html(text))
    if path.endswith(".xml"):
        return [p for e in ET.fromstring(data).iter() if e.get("type") == "html" and e.text
                for p in live_markup(e.text)]
    if path.endswith(".json"):
        parsed = json.loads(text)
        items = parsed.get("items", []) if isinstance(parsed, dict) else []
        return [p for item in items for p in live_markup(item.get("content_html", ""))]
    return []


@pipeline_settings
@given(hostile_inputs())
def test_random_hostile_input_never_becomes_markup(tmp_path_factory, inputs):
    files = _pipeline(*inputs)
    if files is None:
        return
    problems = {path: found for path, data in files.items() if (found := _check_file(path, data))}
    assert not problems, problems
    root = tmp_path_factory.mktemp("write")
    write_files(root / "docs", files)
    assert [p.name for p in root.iterdir()] == ["docs"]
    written = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*") if p.is_file()}
    assert set(files) <= written


@pipeline_settings
@given(st.lists(st.sampled_from(["---", "template: x.html", "title: <script>", "hide: [toc]", "..."]),
                min_size=1, max_size=6).map("\n".join), hostile_line)
def test_seed_text_never_adds_front_matter_keys(head, rest):
    seed = f"Headline of a seed {rest}\n{head}\n\nPublished: 12 March 2019\n\n{head}\n\n{rest}\n".encode()
    files = _pipeline(seed, "", "")
    for path, data in (files or {}).items():
        if path.endswith(".md"):
            meta = front_matter_of(data.decode("utf-8"))
            assert "template" not in meta and set(meta) <= set(FRONT_MATTER_KEYS), (path, meta)
