"""The cache folder's one store: signed files, atomic writes, record names, pruning, the format.

Everything the incremental build keeps (per-seed results, the whole-build record, the render
record) goes through here, so that each of these is done one way:

* **signing**: every file starts with an HMAC-SHA-256 of its contents under a random key kept
  outside the repository (:func:`machine_key`), with the file's *purpose* in the signed text, so
  that a file of one kind can never pass for another. A pull request can commit files under
  ``.cache/`` but cannot sign them; an unsigned file is never trusted, and a pickle never loaded.
* **atomic writes**: a temporary file in the same folder, then a rename: a reader sees the old
  file or the new one, never half of one.
* **record names**: the records kept per docs folder are named by a hash of its resolved path.
* **pruning**: records of docs folders that no longer exist (test runs build into temporary
  ones) are deleted, and so are the folders of earlier formats. (Per-seed entries are not
  pruned: an entry no build asks for any more stays until the cache folder is deleted.)
* **the format**: :data:`FORMAT` names the folder (``.cache/v<FORMAT>/``): a new layout starts
  afresh instead of reading the old one as corrupt.

Deleting the cache folder is always safe: it changes nothing but speed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from ..write import MANIFEST

FORMAT = 3
"""Bumped when the layout of any file in the store changes (2: the render record's first layout)."""

_OLD_LAYOUTS = ("seeds", "fingerprints", "renders", *(f"v{n}" for n in range(1, FORMAT)))
"""What earlier formats kept in the cache folder, removed by :meth:`Store.drop_old_formats`."""


class Unsigned(ValueError):
    """A file in the store that this machine did not sign (or that was changed since)."""


KEY_BYTES = 32


@lru_cache(maxsize=1)
def machine_key() -> bytes:
    """A random key kept outside the repository (the user's cache home), created on first use.
    Pull requests can add files under the checkout, .cache/ included, but cannot know this key.
    It is written to a temporary file and linked into place, so no build ever reads a key file
    half written; one of the wrong length (a crash of an older version) is replaced."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-archive"
    path = home / "cache-signing.key"
    try:
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
        path.unlink()  # empty or cut short: every entry signed with it is rebuilt
    except FileNotFoundError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=home, prefix=".key-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
        try:
            os.link(tmp, path)  # fails if another process linked its key first: use that one
        except FileExistsError:
            pass
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path.read_bytes()


def file_stamp(folder: Path, rel: str) -> list[int] | None:
    """[size, modification time in ns] of ``folder/rel`` (not following a link), None when it is
    missing: what a record keeps to tell a file as a build left it from one touched since."""
    try:
        info = os.lstat(os.path.join(folder, rel))
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _signature(purpose: str, blob: bytes) -> bytes:
    return hmac.new(machine_key(), purpose.encode() + b"\0" + blob, hashlib.sha256).hexdigest().encode()


class Store:
    """The store under a cache folder; ``cache_dir=None`` is a store that keeps nothing."""

    def __init__(self, cache_dir: Path | None):
        self.root = cache_dir / f"v{FORMAT}" if cache_dir is not None else None

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def drop_old_formats(self) -> None:
        """Delete what earlier formats kept (never read again): the cache folder stays small."""
        if self.root is not None:
            for name in _OLD_LAYOUTS:
                shutil.rmtree(self.root.parent / name, ignore_errors=True)

    def path(self, kind: str, name: str) -> Path:
        """Where the ``kind`` file ``name`` lives (``seeds/ab/abcd….pickle``, ``renders/….json``)."""
        assert self.root is not None, "a disabled store has no paths"
        return self.root / kind / name

    def record_path(self, kind: str, docs: Path) -> Path | None:
        """The ``kind`` record of builds into ``docs``: one file per docs folder; None when disabled."""
        if self.root is None:
            return None
        return self.path(kind, hashlib.sha256(os.fsencode(docs.resolve())).hexdigest()[:32] + ".json")

    @staticmethod
    def write(path: Path, purpose: str, blob: bytes) -> None:
        """Store ``blob`` signed for ``purpose``, atomically (a temporary file, then a rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_signature(purpose, blob) + b"\n" + blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @staticmethod
    def read(path: Path, purpose: str) -> bytes | None:
        """The blob stored at ``path`` for ``purpose``; None when there is none; raises
        :class:`Unsigned` when the file is not this machine's signed ``purpose`` file."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        signature, _, blob = data.partition(b"\n")
        if not hmac.compare_digest(signature, _signature(purpose, blob)):
            raise Unsigned("not signed on this machine")
        return blob

    @staticmethod
    def forget(path: Path | None) -> None:
        if path is not None:
            path.unlink(missing_ok=True)

    @staticmethod
    def prune(keep: Path) -> None:
        """Delete the records beside ``keep`` whose docs folder is gone, or that cannot be read."""
        for other in keep.parent.glob("*.json"):
            if other == keep:
                continue
            try:
                docs = json.loads(other.read_bytes().partition(b"\n")[2])["docs"]
                gone = not os.path.isfile(os.path.join(docs, MANIFEST))
            except (OSError, ValueError, KeyError, TypeError):
                gone = True
            if gone:
                other.unlink(missing_ok=True)
