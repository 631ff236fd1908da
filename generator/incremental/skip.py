"""The whole-build fingerprint: skip link, render and write when nothing the output depends on changed.

A warm build of 10,000 briefings reads every seed from the cache in about a second, but linking and
rendering the whole archive took a minute. The generated docs depend only on: every seed (its name,
bytes and sidecar, through the cache's entry key; a sidecar without its seed is an error), the
entity registry, the annotation files, the generator's whole source (templates included), the
installed libraries, ``site_url``, ``repo_url`` and the engine. After a successful write the hash of all of
them is stored in the cache folder (``.cache/v<FORMAT>/fingerprints/``, one record per docs folder: never in
docs/, which stays byte-identical for the same inputs), with the size and modification time of
every generated file and the problems that linking reported. The next build skips straight to
"nothing changed" only if the stored fingerprint equals the new one and every generated file is
still there, untouched; any doubt (no record, a corrupt or foreign record, a missing, resized or
touched file, a leftover staging folder) means a full build. Deleting the record or the cache
changes nothing but speed; without a cache folder every build is a full one.

The record is signed with the cache's machine key (see :mod:`.store`): the inputs are public, so
without a signature a pull request could commit a record matching a forged ``docs/`` and have the
build keep it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..write import MANIFEST, STAGING, read_manifest
from .code import PACKAGE, libraries_digest
from .seeds import error_from, error_record, registry_hash
from .store import Store, file_stamp

KIND = "fingerprints"
PURPOSE = "fingerprint"


@lru_cache(maxsize=1)
def environment_hash() -> str:
    """Hash of the generator's every file (not only the upstream stages that the seed cache keys
    on), the Python version and every installed distribution's version: all code that writes output."""
    digest = hashlib.sha256(f"fingerprint\n{libraries_digest()}\n".encode())
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE).as_posix()
        if "__pycache__" in rel or not path.is_file():
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _folder_hash(digest, label: bytes, folder: Path | None) -> None:
    """Every file under an input folder, by relative path and bytes (links by target)."""
    if folder is None:
        digest.update(label + b": none\0")
        return
    root = folder.resolve()
    digest.update(label + b": " + os.fsencode(root) + b"\0")  # error messages name files relative to it
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        rel = os.fsencode(path.relative_to(root).as_posix())
        if path.is_symlink():
            digest.update(b"link\0" + rel + b"\0" + os.fsencode(os.readlink(path)) + b"\0")
        elif path.is_file():
            data = path.read_bytes()
            digest.update(b"file\0" + rel + b"\0" + str(len(data)).encode() + b"\0" + data)


def fingerprint(seed_keys: list[str], registry, registry_dir: Path, annotations: Path | None,
                site_url: str, repo_url: str, engine: str = "mkdocs") -> str:
    """The fingerprint of one build's inputs; ``seed_keys`` says, per seed in order, its cache
    entry key (name + bytes + upstream code + registry) or the error that stopped it being read.
    The registry's files are hashed as well as its entities: with any doubt, build."""
    digest = hashlib.sha256(environment_hash().encode() + b"\0" + registry_hash(registry).encode() + b"\0")
    digest.update(json.dumps([site_url, repo_url, engine]).encode("utf-8", "surrogatepass") + b"\0")
    for key in seed_keys:
        digest.update(key.encode("utf-8", "surrogatepass") + b"\n")
    _folder_hash(digest, b"registry", registry_dir)
    _folder_hash(digest, b"annotations", annotations)
    return digest.hexdigest()


def record_path(cache_dir: Path | None, docs: Path) -> Path | None:
    """Where the record of builds into ``docs`` lives: one file per docs folder, under the cache."""
    return Store(cache_dir).record_path(KIND, docs)


def forget(record: Path | None) -> None:
    """Remove the record before docs/ is written, so that an interrupted write is never skipped."""
    Store.forget(record)


def _stats(docs: Path, paths) -> dict[str, list[int] | None]:
    return {rel: file_stamp(docs, rel) for rel in sorted(paths)}


def remember(record_file: Path | None, docs: Path, stamp: str, pages: int, errors: list[InputError], warnings: list[InputError]) -> None:
    """Record a successful build (after write.py wrote its manifest), atomically and signed."""
    if record_file is None:
        return
    record = {"fingerprint": stamp, "pages": pages, "docs": os.fsdecode(docs.resolve()),
              "files": _stats(docs, read_manifest(docs)),
              "errors": [error_record(e) for e in errors], "warnings": [error_record(w) for w in warnings]}
    Store.write(record_file, PURPOSE, json.dumps(record, sort_keys=True).encode())
    Store.prune(record_file)


def _files_intact(docs: Path, files) -> bool:
    if not isinstance(files, dict) or set(files) != read_manifest(docs) or os.path.lexists(docs / STAGING):
        return False
    for rel, recorded in files.items():
        try:
            info = os.lstat(os.path.join(docs, rel))
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode) or [info.st_size, info.st_mtime_ns] != recorded:
            return False
    return True


def recall(record_file: Path | None, docs: Path, stamp: str) -> tuple[int, list[InputError], list[InputError]] | None:
    """(pages, errors, warnings) of the last build if its fingerprint is ``stamp`` and docs/ still
    holds exactly what it wrote; None (build everything) on any doubt."""
    if record_file is None:
        return None
    try:
        blob = Store.read(record_file, PURPOSE)
        if blob is None:
            return None
        record = json.loads(blob)
        if record["fingerprint"] != stamp or not (docs / MANIFEST).is_file():
            return None
        if not _files_intact(docs, record["files"]):
            return None
        return (int(record["pages"]), [error_from(tuple(e)) for e in record["errors"]],
                [error_from(tuple(w)) for w in record["warnings"]])
    except (OSError, ValueError, KeyError, TypeError):  # corrupt, or unsigned (store.Unsigned): build everything
        return None
