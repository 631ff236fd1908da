"""What a cached per-seed result depends on is the import closure of the code that makes it
(generator/incremental/code.py): editing any module in it invalidates the cache, editing a later
stage keeps it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from generator.incremental import code
from generator.incremental.seeds import MAKER

from .conftest import ROOT


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of generator/ that code.py reads instead of the real one."""
    copy = tmp_path / "generator"
    shutil.copytree(code.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(code, "PACKAGE", copy)
    code.closure.cache_clear()
    code.code_digest.cache_clear()
    yield copy
    code.closure.cache_clear()
    code.code_digest.cache_clear()


def _digest() -> str:
    code.closure.cache_clear()
    code.code_digest.cache_clear()
    return code.code_digest(MAKER)


def test_every_module_the_per_seed_work_imports_is_in_the_closure():
    """The closure read from the source covers every module that importing the maker loads."""
    loaded = subprocess.run(
        [sys.executable, "-c", f"import json, sys, {MAKER}; "
         "print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items() if n.startswith('generator'))))"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    closure = {str(p) for p in code.closure(MAKER)}
    missing = [p for p in json.loads(loaded.stdout) if p not in closure]
    assert missing == []
    names = {p.relative_to(code.PACKAGE).as_posix() for p in code.closure(MAKER)}
    assert {"perseed.py", "ingest/locate.py", "extract/entities.py", "inputfiles.py", "registry.py"} <= names
    assert not any(n.startswith(("render/", "incremental/", "annotations/")) for n in names)
    assert {"build.py", "write.py", "cli.py", "export.py"}.isdisjoint(names)
    assert not any(n.startswith("link/") for n in names)


def test_editing_any_module_in_the_closure_invalidates_and_any_other_keeps(package_copy):
    before = _digest()
    inside = {p.relative_to(package_copy) for p in code.closure(MAKER)}
    for path in sorted(package_copy.rglob("*.py")):
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        changed = _digest() != before
        path.write_bytes(original)
        assert changed == (path.relative_to(package_copy) in inside), path.relative_to(package_copy)
    assert _digest() == before


def test_a_new_import_brings_its_module_into_the_key(package_copy):
    before = _digest()
    perseed = package_copy / "perseed.py"
    perseed.write_text(perseed.read_text(encoding="utf-8") + "\nfrom .render import inline  # noqa\n", encoding="utf-8")
    assert _digest() != before
    assert package_copy / "render" / "inline.py" in code.closure(MAKER)
    assert package_copy / "render" / "__init__.py" in code.closure(MAKER)  # importing a.b runs a/__init__
