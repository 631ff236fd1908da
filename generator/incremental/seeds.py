"""Per-seed results (ingest + extract) on disk, so unchanged seeds are not read again.

An entry's key is the SHA-256 of everything the result depends on:

- the seed's bytes and the name it is reported under (``Article.source_file`` holds the name);
- its sidecar's values (``seeds/x.meta.yml``, :mod:`..ingest.sidecar`), when it has one;
- the source of every module that the per-seed work can run (:func:`code_hash`: the import
  closure of :mod:`..perseed`, see :mod:`.code`), so editing any rule invalidates every entry
  with no version number to forget to bump, and editing a later stage keeps them; and the
  Python version and installed libraries;
- the entity registry (:func:`registry_hash`), since extraction matches its names.

Entries are pickles of the frozen dataclasses (``model.Briefing``) or of a seed's error, under
``.cache/v<FORMAT>/seeds/<2 hex>/<key>.pickle``. The cache is local and written only by this
module, never committed or shared; pickle is used because it round-trips the dataclasses exactly
and loads a 10,000-seed archive in about a second. Because unpickling runs code, every entry is
signed (:mod:`.store`), and an entry without this machine's signature is never unpickled
(SECURITY.md). A corrupt or foreign entry is ignored with a warning and rewritten.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .. import errors
from ..errors import InputError
from ..model import Briefing
from .code import code_digest, libraries_digest
from .store import Store, Unsigned

Result = Briefing | InputError

MAKER = "generator.perseed"
"""The module whose work the entries hold: their key holds the digest of its import closure."""


def code_hash() -> str:
    """Digest of the source of every module the per-seed work can run (see :mod:`.code`), and of
    the Python version and installed libraries it runs on."""
    return code_digest(MAKER) + libraries_digest()


def registry_hash(registry) -> str:
    """Hash of the registry's entities (their dataclass reprs are deterministic) and of its
    steering (sorted, since a set's order changes from one process to the next)."""
    digest = hashlib.sha256()
    for entity_id in sorted(registry.entities):
        digest.update(repr(registry.entities[entity_id]).encode("utf-8", "surrogatepass") + b"\n")
    steering = registry.steering
    for part in (sorted(steering.not_entities), sorted(steering.types.items()), sorted(steering.same_as.items())):
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\n")
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


class SeedCache:
    """Per-seed results on disk. ``folder=None`` makes a cache that never hits or stores."""

    PURPOSE = "seed-result"

    def __init__(self, folder: Path | None, context: str):
        self.store = Store(folder)
        self.context = context
        self.warnings: list[InputError] = []
        self.hits = self.misses = 0

    def path(self, key: str) -> Path:
        """Where the entry of ``key`` lives."""
        return self.store.path("seeds", f"{key[:2]}/{key}.pickle")

    def get(self, key: str) -> Result | None:
        """The stored result for ``key``, or None (a corrupt entry is reported and ignored)."""
        if not self.store.enabled:
            return None
        path = self.path(key)
        try:
            blob = self.store.read(path, self.PURPOSE)
        except Unsigned:
            # Unpickling runs code: only entries this machine wrote (signed with its own key) are
            # read. A pickle committed by a pull request under .cache/ is never loaded.
            self._ignore(path, "corrupt cache entry ignored (not signed on this machine)",
                         "it is rebuilt now; a cache folder is never shared or committed")
            return None
        if blob is None:
            self.misses += 1
            return None
        try:
            stored_key, kind, value = pickle.loads(blob)
            if stored_key != key or kind not in ("briefing", "error"):
                raise ValueError("entry of another key")
            result = value if kind == "briefing" else error_from(value)
            if kind == "briefing" and not isinstance(result, Briefing):
                raise ValueError("entry does not hold a briefing")
        except Exception as error:  # any unpickling failure means a corrupt entry
            self._ignore(path, f"corrupt cache entry ignored ({type(error).__name__})",
                         "it is rebuilt now; deleting the cache folder is always safe")
            return None
        self.hits += 1
        return result

    def _ignore(self, path: Path, message: str, hint: str) -> None:
        self.warnings.append(InputError(path.as_posix(), None, message, hint))
        self.misses += 1

    def put(self, key: str, result: Result) -> None:
        """Store the result of ``key`` (atomically and signed, see :mod:`.store`)."""
        if not self.store.enabled:
            return
        record = ((key, "error", error_record(result)) if isinstance(result, InputError)
                  else (key, "briefing", result))
        self.store.write(self.path(key), self.PURPOSE, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
