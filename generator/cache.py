"""Content-hash cache of per-seed results (ingest + extract), so unchanged seeds are not re-read.

An entry's key is the SHA-256 of everything the result depends on:

- the seed's bytes and the name it is reported under (``Article.source_file`` holds the name);
- its sidecar's values (``seeds/x.meta.yml``, :mod:`.ingest.sidecar`), when it has one;
- the source of every generator module that ingest and extract can reach (:func:`code_hash`):
  editing any rule invalidates every entry, with no version number to forget to bump;
- the entity registry (:func:`registry_hash`), since extraction matches its names.

Entries are pickles of the frozen dataclasses (``model.Briefing``) or of a seed's error, under
``.cache/seeds/<2 hex>/<key>.pickle``. The cache is local and written only by this module, never
committed or shared; pickle is used because it round-trips the dataclasses exactly and loads a
10,000-seed archive in about a second. Because unpickling runs code, every entry is signed with
HMAC-SHA-256 under a random key kept outside the repository (see :func:`machine_key`), and an
entry without this machine's signature is never unpickled (SECURITY.md). A corrupt or foreign entry is ignored with a warning and
rewritten; deleting the folder changes nothing but speed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from . import errors
from .errors import InputError
from .model import Briefing

FORMAT = 1
"""Bumped when the layout of an entry changes."""

_DOWNSTREAM = ("render", "templates", "link.py", "export.py", "write.py", "cli.py",
               "cache.py", "build.py", "fingerprint.py", "__main__.py")
"""Modules after extract: they cannot change a per-seed result, so editing them keeps the cache."""

Result = Briefing | InputError


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the generator's source, less the stages that run after extract."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/", 1)[0] in _DOWNSTREAM or "__pycache__" in rel:
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def registry_hash(registry) -> str:
    """Hash of the registry's entities (their dataclass reprs are deterministic)."""
    digest = hashlib.sha256()
    for entity_id in sorted(registry.entities):
        digest.update(repr(registry.entities[entity_id]).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def entry_key(data: bytes, name: str, context: str, sidecar: object | None = None) -> str:
    """The cache key of one seed; ``context`` is code_hash() + registry_hash(), ``sidecar`` the
    seed's validated sidecar (ingest.sidecar.Sidecar: plain frozen data, so its repr is stable)."""
    digest = hashlib.sha256(context.encode())
    digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    if sidecar is not None:
        digest.update(b"\0sidecar\0" + repr(sidecar).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def error_record(error: InputError) -> tuple:
    # Exceptions with keyword-rich constructors do not pickle back; store their fields instead.
    return (type(error).__name__, error.file, error.line, error.message, error.hint, error.col)


def error_from(record: tuple) -> InputError:
    cls_name, file, line, message, hint, col = record
    cls = getattr(errors, cls_name, InputError)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    return cls(file, line, message, hint, col)


_SIG = hashlib.sha256().digest_size


@lru_cache(maxsize=1)
def machine_key() -> bytes:
    """A random key kept outside the repository (the user's cache home), created on first use.
    Pull requests can add files under the checkout, .cache/ included, but cannot know this key."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-archive"
    path = home / "cache-signing.key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        home.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_bytes()
        with os.fdopen(fd, "wb") as out:
            out.write(key)
        return key


def _sign(blob: bytes) -> bytes:
    return hmac.new(machine_key(), blob, hashlib.sha256).digest()


class SeedCache:
    """Per-seed results on disk. ``folder=None`` makes a cache that never hits or stores."""

    def __init__(self, folder: Path | None, context: str):
        self.folder = folder / "seeds" if folder is not None else None
        self.context = context
        self.warnings: list[InputError] = []
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Result | None:
        """The stored result for ``key``, or None (a corrupt entry is reported and ignored)."""
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        signature, blob = blob[:_SIG], blob[_SIG:]
        if not hmac.compare_digest(signature, _sign(blob)):
            # Unpickling runs code: only entries this machine wrote (signed with its own key) are
            # read. A pickle committed by a pull request under .cache/ is never loaded.
            self.warnings.append(InputError(
                path.as_posix(), None, "corrupt cache entry ignored (not signed on this machine)",
                "it is rebuilt now; a cache folder is never shared or committed"))
            self.misses += 1
            return None
        try:
            fmt, stored_key, kind, value = pickle.loads(blob)
            if fmt != FORMAT or stored_key != key or kind not in ("briefing", "error"):
                raise ValueError("entry of another format or key")
            result = value if kind == "briefing" else error_from(value)
            if kind == "briefing" and not isinstance(result, Briefing):
                raise ValueError("entry does not hold a briefing")
        except Exception as error:  # any unpickling failure means a corrupt entry
            self.warnings.append(InputError(
                path.as_posix(), None, f"corrupt cache entry ignored ({type(error).__name__})",
                "it is rebuilt now; deleting the cache folder is always safe"))
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: Result) -> None:
        """Store atomically (write a temporary file, then rename), so readers never see half."""
        if self.folder is None:
            return
        record = ((FORMAT, key, "error", error_record(result)) if isinstance(result, InputError)
                  else (FORMAT, key, "briefing", result))
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                blob = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
                out.write(_sign(blob) + blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
