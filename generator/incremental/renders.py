"""The render cache: a page whose inputs did not change since the last build is not rendered again.

Render cuts the generated files into page units (``generator.render.units``), each with a key,
an inputs digest and a render function; this module knows nothing more of the pages. A unit is
reused when its digest, with the generator's own (:func:`.skip.environment_hash`: every file of
the generator, templates included, and the installed libraries), equals the one recorded at the
last build into the same docs folder and each of its files is still what that build wrote (size
and modification time). A unit without a digest is rendered on every build. A unit made of parts
(archive.json) reuses the bytes of each unchanged part from the file on disk, where the last
build recorded it, and assembles the file anew.

The record (``.cache/v<FORMAT>/renders/``) is signed with the cache's machine key like every cache
file; a missing record means rendering everything, a corrupt or foreign one the same with a
warning. Deleting it changes nothing but speed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import InputError
from ..model import Archive
from ..render import merge, parallel
from ..render.units import PageUnit, digest_of, page_units
from ..write import read_manifest
from .skip import environment_hash
from .store import Store, file_stamp

KIND = "renders"
PURPOSE = "renders"

UNITS_PER_TASK = 200
"""Units (or parts) per task of a parallel render."""


class RenderCache:
    """The units of the last build into ``docs``, and this build's."""

    def __init__(self, cache_dir: Path, docs: Path):
        self.path = Store(cache_dir).record_path(KIND, docs)
        self.docs = docs
        self.warnings: list[InputError] = []
        self.reused = 0
        self._last = self._load()
        self._units: dict[str, list] = {}
        self._composites: dict[str, dict] = {}

    def _load(self) -> dict:
        try:
            blob = Store.read(self.path, PURPOSE)  # store.Unsigned (a ValueError) when not signed here
            if blob is None:
                return {}  # no record yet
            record = json.loads(blob)
            if not all(isinstance(record[k], dict) for k in ("units", "files", "composites")):
                raise ValueError("record of another format")
            return record
        except (ValueError, KeyError, TypeError) as error:
            self.warnings.append(InputError(
                self.path.as_posix(), None, f"render cache record ignored ({error})",
                "every page is rendered now; deleting the cache folder is always safe"))
            return {}

    def _intact(self, paths, manifest: set[str]) -> bool:
        last_files = self._last.get("files", {})
        return all(p in manifest and file_stamp(self.docs, p) == last_files.get(p) for p in paths)

    def render(self, archive: Archive, jobs: int, seed_keys: dict[str, str]) -> tuple[dict[str, bytes], set[str]]:
        """(files to write, files to keep as they are on disk): together every generated file."""
        env = environment_hash()
        units = page_units(archive, seed_keys)
        manifest = read_manifest(self.docs) if self._last else set()
        last_units = self._last.get("units", {})
        # With the generator's own digest: an edit to the code or a template renders everything.
        signed = {i: digest_of(env, unit.digest) for i, unit in enumerate(units)
                  if unit.digest is not None and not unit.parts}
        kept: set[str] = set()
        missing: list[int] = []
        for i, unit in enumerate(units):
            if unit.parts:
                continue
            old = last_units.get(unit.key)
            if i in signed and old and old[0] == signed[i] and self._intact(old[1], manifest):
                kept.update(old[1])
                self._units[unit.key] = old
            else:
                missing.append(i)
        self.reused = len(self._units)
        composites = [i for i, unit in enumerate(units) if unit.parts]
        fragments = {i: self._old_parts(units[i], env, manifest) for i in composites}
        wanted = [(i, n) for i in composites for n, part in enumerate(units[i].parts) if part.key not in fragments[i]]
        rendered, new_parts = _render_all(archive, units, missing, wanted, jobs)
        for i, files in rendered.items():
            if i in signed:
                self._units[units[i].key] = [signed[i], sorted(files)]
        for (i, n), data in new_parts.items():
            fragments[i][units[i].parts[n].key] = data
        built = []
        for i in composites:
            unit = units[i]
            data, where = unit.assemble(fragments[i])
            built.append({unit.paths[0]: data})
            self._composites[unit.key] = {"path": unit.paths[0], "parts": {
                part.key: [digest_of(env, part.digest), *where[part.key]] for part in unit.parts}}
        files = merge([*rendered.values(), *built], kept)
        return files, kept

    def _old_parts(self, unit: PageUnit, env: str, manifest: set[str]) -> dict[str, bytes]:
        """The parts of a composite unit's file on disk whose digest is unchanged, if the file is
        as the last build wrote it."""
        last = self._last.get("composites", {}).get(unit.key)
        path = unit.paths[0]
        if not last or last.get("path") != path or path not in manifest or file_stamp(self.docs, path) != last.get("stat"):
            return {}
        old = (self.docs / path).read_bytes()
        wanted = {part.key: digest_of(env, part.digest) for part in unit.parts}
        return {key: old[start:end] for key, (digest, start, end) in last["parts"].items() if wanted.get(key) == digest}

    def remember(self) -> None:
        """Record this build (after write.py wrote docs/), atomically and signed."""
        paths = {p for _, unit_paths in self._units.values() for p in unit_paths}
        composites = {key: {**value, "stat": file_stamp(self.docs, value["path"])} for key, value in self._composites.items()}
        record = {"docs": os.fsdecode(self.docs.resolve()), "units": self._units,
                  "files": {p: file_stamp(self.docs, p) for p in sorted(paths)}, "composites": composites}
        Store.write(self.path, PURPOSE, json.dumps(record, sort_keys=True).encode())
        Store.prune(self.path)


def _task(units: list[PageUnit], spec: tuple) -> dict:
    kind, items = spec
    if kind == "units":
        return {i: units[i].render() for i in items}
    return {(i, n): units[i].parts[n].render() for i, n in items}


def _render_all(archive: Archive, units: list[PageUnit], missing: list[int], parts: list[tuple[int, int]], jobs: int):
    """({unit index: its files} for the ``missing`` units, {(unit, part): bytes} for the ``parts``),
    on forked workers when there is enough to do. A unit without a digest (a whole family's lists)
    is one task of its own, so that a cold build spreads them over the workers."""
    rest = [i for i in missing if units[i].digest is None]
    cached = [i for i in missing if units[i].digest is not None]
    specs = [("units", [i]) for i in rest]
    specs += [("parts", parts[i:i + UNITS_PER_TASK]) for i in range(0, len(parts), UNITS_PER_TASK)]
    specs += [("units", cached[i:i + UNITS_PER_TASK]) for i in range(0, len(cached), UNITS_PER_TASK)]
    if parallel.usable(jobs, len(cached) + len(parts) // 4):
        results = parallel.run_forked(archive, lambda _archive, spec: _task(units, spec), specs, jobs)
    else:
        results = [_task(units, spec) for spec in specs]
    rendered: dict[int, dict[str, bytes]] = {}
    fragments: dict[tuple[int, int], bytes] = {}
    for (kind, _), result in zip(specs, results, strict=True):
        (rendered if kind == "units" else fragments).update(result)
    return rendered, fragments
