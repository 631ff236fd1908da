"""The import graph follows the pipeline: no stage imports a later one or another module's private names.

Data flows one way (seeds → ingest → extract → annotations → link → render → write), and the
incremental build, the build itself and the command line sit on top. :data:`LAYERS` is that order,
read from the code's own imports (``ast``, nothing is run): a module may import modules of its own
layer or of an earlier one. Every module of ``generator/`` must have a layer, so a new one is placed
deliberately.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

LAYERS = (
    # shared vocabulary and helpers every stage may use
    ("errors", "model", "mdtext", "slug", "safeyaml", "schemacheck", "inputfiles", "dates", "config",
     "registry", "steering", "entitytypes", "sentences", "gazetteer"),
    ("ingest",),
    ("extract",),
    ("perseed",),
    ("annotations",),
    ("link",),
    ("render", "export"),
    ("write", "sitesearch"),
    ("incremental",),
    ("build",),
    ("check", "cli", "__main__", "__init__"),
)
"""Top-level modules and packages of ``generator/``, in pipeline order."""


def _layer_of(unit: str) -> int:
    for index, names in enumerate(LAYERS):
        if unit in names:
            return index
    raise KeyError(unit)


def _modules() -> dict[str, Path]:
    """Dotted names under the package (``ingest.header``, ``cli``) by file."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES: dict[str, Path] = {}


def _imports(name: str, path: Path) -> list[tuple[str, str, int]]:
    """(imported module, imported name or "", line) for every import of the package by ``name``."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    if name == "__init__":
        package = []
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("generator"):
                target = node.module.removeprefix("generator").lstrip(".")
            else:
                continue
            for alias in node.names:
                # "from . import errors" and "from .extract import sentences" import modules
                module = f"{target}.{alias.name}".lstrip(".")
                found.append((module, "", node.lineno) if module in MODULES else (target, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((alias.name.removeprefix("generator").lstrip("."), "", node.lineno)
                         for alias in node.names if alias.name.startswith("generator"))
    return found


def _unit(module: str) -> str:
    return module.split(".")[0] if module else "__init__"


MODULES.update(_modules())


def test_every_module_has_a_layer():
    units = {_unit(name) for name in MODULES}
    placed = {unit for names in LAYERS for unit in names}
    assert units - placed == set(), "give these modules a place in LAYERS"
    assert placed - units == set(), "LAYERS names modules that no longer exist"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_a_later_stage(name):
    here = _layer_of(_unit(name))
    for target, _, line in _imports(name, MODULES[name]):
        there = _layer_of(_unit(target))
        assert there <= here, f"generator/{MODULES[name].relative_to(PACKAGE)}:{line} imports {target or 'generator'}, a later stage"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_another_modules_private_names(name):
    for target, imported, line in _imports(name, MODULES[name]):
        if imported.startswith("_") and not imported.startswith("__") and target != name:
            raise AssertionError(f"generator/{MODULES[name].relative_to(PACKAGE)}:{line} imports {target}.{imported}")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_reads_another_modules_private_names_through_it(name):
    """``from . import pages`` then ``pages._env``: the same reach into another module."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    modules = {alias.asname or alias.name.split(".")[-1]
               for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
               for alias in node.names if _is_module(name, MODULES[name], node, alias)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            raise AssertionError(f"generator/{MODULES[name].relative_to(PACKAGE)}:{node.lineno} reads "
                                 f"{node.value.id}.{node.attr}")


def _is_module(name: str, path: Path, node, alias) -> bool:
    if isinstance(node, ast.Import):
        return alias.name.startswith("generator")
    imported = [i for i in _imports(name, path) if i[2] == node.lineno]
    return any(target.split(".")[-1] == alias.name and not imported_name for target, imported_name, _ in imported)


def test_the_checker_sees_a_violation(tmp_path, monkeypatch):
    """The test above can fail: an import of a later stage's private helper is caught."""
    bad = tmp_path / "generator" / "ingest" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from ..render.pages import _environment\n", encoding="utf-8")
    (imported,) = _imports("ingest.bad", bad)
    assert imported == ("render.pages", "_environment", 1)
    assert _layer_of(_unit(imported[0])) > _layer_of("ingest")
