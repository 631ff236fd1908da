"""What code a cached result depends on: the import closure of the module that makes it.

A hand-kept list of "modules after extract" had drifted (it left out code that changes per-seed
results). Instead, the modules a result depends on are read from the code itself: every module of
the ``generator`` package that the maker's module imports, at any depth and wherever the import
stands (inside a function too), found with :mod:`ast` without running anything. The digest of
their sources is part of the cache key, so editing any of them invalidates the cached results and
editing any other module keeps them.
"""

from __future__ import annotations

import ast
import hashlib
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
"""The ``generator`` package's folder."""


def module_file(module: str) -> Path | None:
    """The source file of a dotted ``generator`` module name, or None if it is not one."""
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _module_name(path: Path) -> str:
    parts = ["generator", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """The ``generator`` modules that the module at ``path`` imports (each parent package too,
    since importing ``a.b`` runs ``a/__init__.py``)."""
    name = _module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    modules = {m for m in _imported_names(path.read_text(encoding="utf-8"), tuple(package)) if module_file(m) is not None}
    return modules | {".".join(m.split(".")[:n]) for m in modules for n in range(1, m.count(".") + 1)}


@lru_cache(maxsize=1024)
def _imported_names(source: str, package: tuple[str, ...]) -> frozenset[str]:
    """Every dotted name a module's source imports, resolved against its ``package``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            target = ".".join(p for p in (base, node.module or "") if p)
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # "from . import errors"
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return frozenset(found)


@lru_cache(maxsize=None)
def closure(*modules: str) -> tuple[Path, ...]:
    """The source files of ``modules`` and of everything they import in the package, sorted."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        module = todo.pop()
        if module in seen or module_file(module) is None:
            continue
        seen.add(module)
        todo.extend(imported_modules(module_file(module)))
    return tuple(sorted(module_file(m) for m in seen))


@lru_cache(maxsize=None)
def code_digest(*modules: str) -> str:
    """SHA-256 of the sources of :func:`closure` ``(*modules)``, by path and bytes."""
    digest = hashlib.sha256()
    for path in closure(*modules):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def libraries_digest() -> str:
    """SHA-256 of the Python version and of every installed distribution's name and version:
    the code outside the package that the generator runs (a new slugify or GeoNames release
    can change a briefing)."""
    digest = hashlib.sha256(f"{sys.version}\n".encode())
    for line in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()
