"""One seed to one briefing: ingest, the sidecar's corrections, extract.

This is the per-seed work of a build: pure (bytes in, a Briefing or the error that stops it
out), run on worker processes, and cached (:mod:`.incremental.seeds`, whose keys hold the digest
of this module's import closure, so that editing any code it runs invalidates the cache).
"""

from __future__ import annotations

from .errors import InputError, SeedError
from .extract import extract
from .ingest import ingest
from .ingest import sidecar as sidecars
from .ingest.sidecar import Sidecar
from .inputfiles import check_paragraphs
from .model import Briefing
from .registry import Registry


def process_seed(name: str, data: bytes, registry: Registry, sidecar: Sidecar | None = None) -> Briefing | InputError:
    """Ingest and extract one seed's bytes, corrected by its sidecar."""
    try:
        article = ingest(data, name, overrides=sidecar)
        if sidecar is not None:
            article = sidecars.apply(article, sidecar)
        check_paragraphs(article)
        return extract(article, registry)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 — see below
        # Seeds are untrusted: a bug that one of them trips must not take the archive down. It is
        # reported against the seed (exit code 1, every other seed built) instead of a traceback.
        return SeedError(name, None, f"internal error while reading this seed: {type(error).__name__}: "
                         f"{str(error)[:200]}", "this is a bug in the generator: please report it with the seed")
