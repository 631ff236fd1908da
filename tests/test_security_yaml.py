"""Hostile YAML: every file in tests/fixtures/hostile/yaml/ is refused with file:line:col, fast,
through safeyaml and through the real consumer (the entity registry loader); generated bombs
(100,000 levels of nesting, a file over the size limit) too."""

from __future__ import annotations

import datetime
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import safeyaml
from generator.errors import InputError, RegistryError
from generator.annotations.load import parse_annotation
from generator.registry import load_registry, parse_entity
from tests.hostile import HOSTILE

YAML = HOSTILE / "yaml"
REFUSED = {
    "billion-laughs.yml": (3, "anchors and aliases"),
    "merge-key.yml": (3, "anchors and aliases"),
    "python-tag.yml": (2, "tag"),
    "python-tag-mapping.yml": (2, "tag"),
    "set-tag.yml": (2, "tag"),
    "escaped-control.yml": (2, "control character"),
    "lone-surrogate.yml": (2, "lone surrogate"),
    "huge-integer.yml": (1, "cannot be read"),
    "null-key.yml": (1, "not text"),
    "two-documents.yml": (2, "another document"),
    "tab-indent.yml": (3, "invalid YAML"),
    "empty.yml": (1, "empty"),
    "comment-only.yml": (1, "empty"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_yaml_is_a_clear_error(name):
    line, words = REFUSED[name]
    text = (YAML / name).read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        safeyaml.load(text, f"x/{name}", RegistryError)
    error = caught.value
    assert isinstance(error, RegistryError)
    assert (error.file, error.line) == (f"x/{name}", line), str(error)
    assert error.col is not None and words in str(error), str(error)
    assert str(error).startswith(f"x/{name}:{line}:{error.col}: ") and " — " in str(error)


def test_every_hostile_yaml_fixture_is_covered():
    on_disk = {p.name for p in YAML.iterdir()}
    assert on_disk - set(REFUSED) == {"invalid-utf8.yml", "bom.yml", "nested-alias-list.yml"}


def test_wrong_type_inside_a_list_is_a_registry_error():
    # A nested list among aliases crashed the registry check (unhashable), taking every build down.
    entity, errors = parse_entity((YAML / "nested-alias-list.yml").read_text(), "registry/person/x.yml")
    assert entity is None and [(e.line, e.col) for e in errors] == [(5, 5)], [str(e) for e in errors]


@pytest.mark.parametrize("text, words", [
    ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "nesting deeper"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)), "nesting deeper"),
    ("a: " + "{b: " * 50_000 + "1" + "}" * 50_000 + "\n", "nesting deeper"),
    ("a: '" + "x" * (safeyaml.MAX_BYTES + 1) + "'\n", "larger than"),
    ("a: " + "&x " * 10 + "1\n", "invalid YAML"),
    ("- &a [*a]\n", "anchors and aliases"),
])
def test_yaml_bombs_are_refused_quickly(text, words):
    start = time.process_time()
    with pytest.raises(InputError, match=words):
        safeyaml.load(text, "bomb.yml")
    # Not a benchmark: a generous bound that only a hang or an expansion would break. CPU time of
    # this process, not the wall clock: on a busy machine the deepest bomb took 3 s of wall time
    # for 0.12 s of CPU (other processes had the cores), close to failing a 5 s wall-clock bound.
    assert time.process_time() - start < 5


def test_registry_reports_every_hostile_file_in_one_run(tmp_path):
    root = tmp_path / "registry"
    (root / "person").mkdir(parents=True)
    for path in YAML.iterdir():
        (root / "person" / path.name).write_bytes(path.read_bytes())
    registry, errors = load_registry(root, relative_to=tmp_path)
    files = {error.file for error in errors}
    expected = {f"registry/person/{name}" for name in REFUSED} | {"registry/person/invalid-utf8.yml"}
    assert expected <= files
    assert all(isinstance(error, RegistryError) for error in errors)
    assert not list(registry.entities) if hasattr(registry, "entities") else True


def test_unknown_fields_and_wrong_types_name_the_line():
    text = "id: marco-rubio\nname: Marco Rubio\ntype: person\ntemplate: evil.html\nroles: {a: 1}\n"
    entity, errors = parse_entity(text, "registry/person/marco-rubio.yml")
    assert entity is None
    messages = {(e.line, e.message.split(":")[0]) for e in errors}
    assert any(line == 4 and "unknown field 'template'" in msg for line, msg in messages), messages
    assert any(e.line == 5 for e in errors), [str(e) for e in errors]


def test_safe_values_still_load():
    doc = safeyaml.load("name: \"Tab\\there\"\nlist: [1, 2.5, true, null, 2026-05-27]\nnote: |\n  two\n  lines\n", "ok.yml")
    assert doc.data["name"] == "Tab\there"
    assert doc.data["note"] == "two\nlines\n"
    assert doc.where(("list", 1)) == (2, 11)


YAML_BITS = ("&a ", "*a", "<<: ", "!!python/object:os.system ", "!!binary ", "!!set ", "? ", ": ", "- ",
             "[", "]", "{", "}", ",", "'", '"', "\\x00", "\\ud800", "\n", "\n  ", "\t", "#", "---\n",
             "...\n", "|\n  ", ">\n  ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "!x ", "~", "0x1F",
             "1e999", "9" * 40, "key", "id", "name: ", "2026-13-45", "\ufeff", "\u2028", "\x85")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=4)), max_size=40).map("".join))
def test_random_yaml_loads_or_is_a_clear_error(text):
    try:
        doc = safeyaml.load(text, "random.yml", RegistryError)
    except RegistryError as error:
        assert error.file == "random.yml" and error.line >= 1 and error.col >= 1, str(error)
        return
    # Whatever loads is plain data with text keys: nothing else can come out.
    def plain(value, depth=0):
        assert depth <= safeyaml.MAX_DEPTH + 1
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            return all(plain(v, depth + 1) for v in value.values())
        if isinstance(value, list):
            return all(plain(v, depth + 1) for v in value)
        return value is None or isinstance(value, (str, int, float, bool, datetime.date))
    assert plain(doc.data)
    # ...and it goes through the real validators without any other exception.
    parse_entity(text, "registry/person/random.yml")
    parse_annotation(text, "annotations/x/random.yml", "x/random")


values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                      max_leaves=8)
FIELDS = ("briefing", "anchor", "kind", "body", "author", "sources", "date", "exact", "prefix", "suffix",
          "id", "name", "type", "aliases", "roles", "description", "wikidata", "template")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=8))
def test_wrong_types_in_any_field_are_errors_not_crashes(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    for errors in (parse_entity(text, "registry/person/x.yml")[1],
                   parse_annotation(text, "annotations/x/y.yml", "x/y")[1]):
        assert all(e.line is not None and e.line >= 1 for e in errors), [str(e) for e in errors]


def test_an_impossible_date_names_its_place_and_the_date_format():
    from generator import safeyaml
    from generator.errors import AnnotationError

    with pytest.raises(AnnotationError) as info:
        safeyaml.load("author: x\ndate: 2026-13-01\n", "annotations/a/b.yml", AnnotationError)
    assert str(info.value).startswith("annotations/a/b.yml:2:7: value cannot be read")
    assert str(info.value).endswith("write a real date as YYYY-MM-DD")
