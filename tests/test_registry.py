"""The entity registry: loading, validation errors with file:line:col, alias matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RegistryError
from generator.registry import Entity, Registry, build_registry, load_registry, parse_entity

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
id: marco-rubio
name: Marco Rubio
type: person
aliases:
  - Senator Rubio
roles:
  - US Secretary of State
description: Secretary of State.
wikidata: Q324546
"""


def write(root: Path, rel: str, text: str) -> None:
    path = root / "registry" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_real_registry_is_valid():
    registry, errors = load_registry(ROOT / "registry")
    assert [str(e) for e in errors] == []
    assert len(registry) >= 10
    assert registry.lookup("S Jaishankar").id == registry.lookup("S. Jaishankar").id


def test_good_file_loads_all_fields(tmp_path):
    write(tmp_path, "person/marco-rubio.yml", GOOD)
    registry, errors = load_registry(tmp_path / "registry")
    assert errors == []
    entity = registry.get("marco-rubio")
    assert entity == Entity("marco-rubio", "Marco Rubio", "person", ("Senator Rubio",),
                            ("US Secretary of State",), "Secretary of State.", "Q324546",
                            "registry/person/marco-rubio.yml")
    assert entity.role == "US Secretary of State"


@pytest.mark.parametrize("text, line, col, words", [
    (GOOD + "titles: [x]\n", 10, 1, "unknown field 'titles' — did you mean 'roles'?"),
    (GOOD + "alaises: [x]\n", 10, 1, "did you mean 'aliases'?"),
    (GOOD.replace("wikidata: Q324546", "wikidata: https://www.wikidata.org/wiki/Q324546"), 9, 1, "not a Q-id"),
    (GOOD.replace("type: person", "type: human"), 3, 1, "unknown type 'human' — use one of"),
    (GOOD.replace("  - Senator Rubio", "  - 1984"), 5, 5, "aliases[0] must be non-empty text"),
    (GOOD.replace("aliases:\n  - Senator Rubio", "aliases: Senator Rubio"), 4, 1, "'aliases' must be a list"),
    (GOOD.replace("name: Marco Rubio\n", ""), 1, 1, "missing required field 'name'"),
    (GOOD.replace("  - Senator Rubio", "  - Senator Rubio\n  - Senator Rubio"), 6, 5, "listed twice"),
    (GOOD.replace("name: Marco Rubio", "name: [Marco]"), 2, 1, "'name' must be non-empty text"),
    (GOOD.replace("roles:", "roles: &r").replace("description: Secretary of State.", "description: *r"), 8, 14,
     "anchors and aliases"),
    ("id: marco-rubio\nname: 'unclosed\n", 2, 7, "invalid YAML: the quote (') opened here is never closed"),
    ("- just\n- a list\n", 1, 1, "must be a mapping"),
])
def test_invalid_file_reports_file_line_col(text, line, col, words):
    entity, errors = parse_entity(text, "registry/person/marco-rubio.yml")
    assert entity is None
    assert errors, "expected an error"
    first = errors[0]
    assert isinstance(first, RegistryError)
    assert (first.file, first.line, first.col) == ("registry/person/marco-rubio.yml", line, col)
    assert words in str(first)
    assert str(first).startswith(f"registry/person/marco-rubio.yml:{line}:{col}: ")


def test_file_name_and_folder_must_match_id_and_type():
    _, errors = parse_entity(GOOD, "registry/place/rubio.yml")
    messages = [str(e) for e in errors]
    assert any("does not match the file name 'rubio.yml'" in m and "rename the file" in m for m in messages)
    assert any("is in folder 'place'" in m and "move the file to registry/person/" in m for m in messages)


def test_duplicate_ids_and_aliases_reported_and_rest_kept(tmp_path):
    write(tmp_path, "person/marco-rubio.yml", GOOD)
    write(tmp_path, "person/other-rubio.yml", GOOD.replace("marco-rubio", "other-rubio")
          .replace("name: Marco Rubio", "name: Other Rubio"))
    write(tmp_path, "place/india.yml", "id: india\nname: India\ntype: place\n")
    write(tmp_path, "place/broken.yml", "id: broken\nname: Broken\ntype: place\ncolour: red\n")
    registry, errors = load_registry(tmp_path / "registry")
    messages = [str(e) for e in errors]
    assert any(m.startswith("registry/person/other-rubio.yml:1:1: name or alias 'Senator Rubio' is also used by "
                            "'marco-rubio'") for m in messages)
    assert any(m.startswith("registry/place/broken.yml:4:1: unknown field 'colour'") for m in messages)
    assert set(registry.entities) == {"marco-rubio", "india"}


def test_duplicate_id_across_folders():
    a = Entity("quad", "Quad", "organisation", file="registry/organisation/quad.yml")
    b = Entity("quad", "Quad group", "other", file="registry/other/quad.yml")
    registry, errors = build_registry([a, b])
    assert len(registry) == 1
    assert "duplicate id 'quad'" in str(errors[0])


def test_alias_pattern_prefers_longest_and_whole_words():
    registry = Registry([Entity("us", "United States", "place", ("US",)),
                         Entity("emb", "US Embassy", "organisation", ("US embassy",))])
    found = [m.group() for m in registry.pattern.finditer("The US embassy said; thus US, USB and us.")]
    assert found == ["US embassy", "US"]


def test_surnames_are_short_forms_of_people_only():
    registry = Registry([Entity("marco-rubio", "Marco Rubio", "person"),
                         Entity("new-delhi", "New Delhi", "place")])
    assert registry.short_forms == {"Rubio": {"marco-rubio"}}


def test_fuzzy_lookup_tolerates_typos_in_long_names_only():
    registry = Registry([Entity("forge", "Forum on Resource Geostrategic Engagement", "agreement", ("FORGE",))])
    assert registry.fuzzy_lookup("Forum on Resource Geostategic Engagement").id == "forge"
    assert registry.fuzzy_lookup("Forum on Trade Engagement") is None
    assert registry.fuzzy_lookup("FORG") is None
