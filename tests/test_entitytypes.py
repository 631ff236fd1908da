"""One table of entity types (generator/entitytypes.py): folders, labels, index titles and tag
groups come from it, and no other module keeps a table of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.entitytypes import ENTITY_TYPES, NAMES, entity_type
from generator.registry import ENTITY_TYPES as REGISTRY_TYPES

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def test_the_registry_accepts_the_tables_types():
    assert REGISTRY_TYPES == NAMES == tuple(t.name for t in ENTITY_TYPES)


def test_every_type_has_its_own_folder_and_title_and_unknown_names_are_other():
    assert len({t.folder for t in ENTITY_TYPES}) == len({t.title for t in ENTITY_TYPES}) == len(ENTITY_TYPES)
    assert entity_type("no-such-type").name == "other"
    assert [t.name for t in ENTITY_TYPES if t.tag_group is None] == ["other"]


def _type_tables(tree: ast.AST) -> list[int]:
    """Lines of dict literals keyed by three or more type names, and of sequences listing them."""
    names = set(NAMES)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            keys = {e.value for e in node.elts if isinstance(e, ast.Constant)}
        else:
            continue
        if len(keys & names) >= 3:
            found.append(node.lineno)
    return found


def test_no_module_but_the_table_keeps_a_table_of_types():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "entitytypes.py":
            continue
        lines = _type_tables(ast.parse(path.read_text(encoding="utf-8")))
        assert lines == [], f"{path.relative_to(PACKAGE)}:{lines[0]} lists entity types: use entitytypes.py"
    for path in sorted((PACKAGE / "templates").rglob("*.j2")):
        listed = set(re.findall(r'\("(\w+)", "', path.read_text(encoding="utf-8"))) & set(NAMES)
        assert len(listed) < 3, f"{path.name} lists entity types: use entity_types"


def test_the_checker_finds_a_table():
    assert _type_tables(ast.parse('LABELS = {"person": "P", "place": "Pl", "event": "E"}')) == [1]
