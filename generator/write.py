"""Writing the generated files into docs/ without losing anything.

The generator owns only the files it wrote last time, listed in ``docs/.generated``; hand-written
pages beside them are never touched. A run proceeds in two phases:

1. stage: every new or changed file is written under ``docs/.staging/`` (MkDocs ignores dot
   folders). Rendering already happened in memory, so a failure before this point leaves docs/
   exactly as it was.
2. commit: staged files are moved into place with ``os.replace`` (atomic per file), files from the
   previous manifest that are no longer generated are deleted (so a deleted seed's page never
   lingers), and the new manifest is written last, atomically.

Unchanged files are not rewritten, so their modification times stay and ``mkdocs serve`` rebuilds
only what changed. If a run is killed during the short commit phase, the next run finishes the job:
the manifest is the union of old and new until it is replaced.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".generated"
STAGING = ".staging"


@dataclass(frozen=True)
class WriteReport:
    """What a write did to docs/."""

    written: tuple[str, ...]
    """Paths (relative to docs/) that were created or changed."""
    deleted: tuple[str, ...]
    """Paths removed because they are no longer generated."""
    unchanged: int
    """How many generated files already had the right bytes."""


class UnsafePath(ValueError):
    """A generated path would land outside the output folder or on a hand-written file."""


def check_path(rel: str) -> PurePosixPath:
    """Refuse absolute paths, '..', backslashes, empty parts and dot-files in generated paths."""
    path = PurePosixPath(rel)
    if (not rel or "\\" in rel or "\x00" in rel or path.is_absolute()
            or any(part in ("", ".", "..") or part.startswith(".") for part in rel.split("/"))):
        raise UnsafePath(f"refusing to write generated file {rel!r}: not a plain relative path")
    return path


def read_manifest(docs: Path) -> set[str]:
    try:
        text = (docs / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line for line in text.splitlines() if line}


def write_files(docs: Path, files: dict[str, bytes], hand_written: set[str] | None = None,
                keep: set[str] = frozenset()) -> WriteReport:
    """Make the generated part of ``docs`` hold exactly ``files`` (relative path → bytes) and
    ``keep``: generated files of the last run that the render cache found unchanged, left as
    they are (never read: that is the point of the cache)."""
    docs.mkdir(parents=True, exist_ok=True)
    root = docs.resolve()
    previous = read_manifest(docs)
    for rel in keep:
        check_path(rel)
        if rel not in previous or rel in files:
            raise UnsafePath(f"refusing to keep docs/{rel}: not a generated file of the last run")
    protected = hand_written if hand_written is not None else _hand_written(docs, previous)
    clashes = sorted(rel for rel in files if rel in protected)
    if clashes:
        raise UnsafePath(_clash_message(clashes))
    changed = [rel for rel in sorted(files) if _differs(root, rel, files[rel], protected, folders={})]
    staging = root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    for rel in changed:
        staged = staging / rel
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(files[rel])
    # Commit phase: record the union first, so that an interrupted run still knows every file
    # it may have placed.
    _write_manifest(root, previous | set(files))
    for rel in changed:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
    generated = set(files) | keep
    deleted = sorted(previous - generated)
    for rel in deleted:
        _remove(root, rel)
    _write_manifest(root, generated)
    shutil.rmtree(staging, ignore_errors=True)
    return WriteReport(tuple(changed), tuple(deleted), len(generated) - len(changed))


def _differs(root: Path, rel: str, data: bytes, protected: set[str], folders: dict[str, bool]) -> bool:
    """True when docs/``rel`` must be (re)written; raises UnsafePath for a path it must not touch.

    Cheap on purpose, since a warm build of 10,000 briefings checks every file: one lstat per
    file, folders resolved once each (``folders`` caches them), and bytes read only when the
    sizes agree."""
    check_path(rel)
    if rel in protected:
        raise UnsafePath(f"refusing to overwrite hand-written page docs/{rel}")
    target = os.path.join(root, rel)
    parent = os.path.dirname(target)
    if parent not in folders:
        folders[parent] = Path(os.path.realpath(parent)).is_relative_to(root)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    linked = info is not None and stat.S_ISLNK(info.st_mode)
    if not folders[parent] or (linked and not Path(os.path.realpath(target)).is_relative_to(root)):
        raise UnsafePath(f"refusing to write docs/{rel}: it resolves outside docs/")
    if linked:
        return not (os.path.isfile(target) and Path(target).read_bytes() == data)
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return True
    with open(target, "rb") as existing:
        return existing.read() != data


def _clash_message(clashes: list[str]) -> str:
    """What to do when generated pages would overwrite files the generator has no record of."""
    more = f" and {len(clashes) - 1} other file{'s' if len(clashes) > 2 else ''}" if len(clashes) > 1 else ""
    return (f"refusing to overwrite docs/{clashes[0]}{more}: the generator has no record of writing "
            f"{'them' if more else 'it'} (docs/{MANIFEST} lists what it wrote, and is missing or lacks "
            f"{'them' if more else 'it'}) — if these are pages of an earlier build, delete them "
            f"(in a git checkout, 'git clean -fdX docs/' removes every generated file it ignores) and build "
            f"again; if you wrote them by hand, move them out of the generator's way")


def _hand_written(docs: Path, generated: set[str]) -> set[str]:
    """Files under docs/ that the generator did not write: never to be overwritten."""
    found = set()
    for folder, _, names in os.walk(docs):
        prefix = os.path.relpath(folder, docs).replace(os.sep, "/") + "/"
        for name in names:
            rel = name if prefix == "./" else prefix + name
            if rel not in generated and not rel.startswith((MANIFEST, STAGING)) \
                    and os.path.isfile(os.path.join(folder, name)):
                found.add(rel)
    return found


def _remove(root: Path, rel: str) -> None:
    try:
        check_path(rel)
    except UnsafePath:
        return  # a tampered manifest line: never delete outside the generated tree
    target = root / rel
    if target.is_file() and target.resolve().is_relative_to(root):
        target.unlink()
    parent = target.parent
    while parent != root and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def _write_manifest(root: Path, paths: set[str]) -> None:
    tmp = root / (MANIFEST + ".tmp")
    tmp.write_text("".join(f"{p}\n" for p in sorted(paths)), encoding="utf-8")
    os.replace(tmp, root / MANIFEST)
