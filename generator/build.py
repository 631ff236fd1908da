"""One build: read all inputs, link, write. The only place that runs every stage in order.

File reading happens here and file writing in write.py; the stages in between are pure.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .annotations import attach, load_annotations
from .config import BuildConfig
from .errors import InputError, Problems, SeedError
from .incremental.renders import RenderCache
from .incremental.seeds import SeedCache, code_hash, entry_key, error_from, error_record, registry_hash
from .incremental.skip import fingerprint, forget, recall, record_path, remember
from .incremental.store import Store
from .ingest import sidecar as sidecars
from .ingest.sidecar import Sidecar
from .inputfiles import HTML_SUFFIX, SEED_SUFFIXES, read_input_file, read_seed_bytes, strip_control_bytes
from .link import link
from .model import Archive, Briefing
from .perseed import process_seed
from .registry import Registry, load_registry
from .render import render
from .render.parallel import worker_count
from .write import WriteReport, read_manifest, write_files

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); the CLI draws it on a terminal."""


@dataclass
class BuildResult:
    """What a build produced and what went wrong."""

    archive: Archive | None
    """None when the build was skipped: nothing changed since the last one (see incremental/skip.py)."""
    report: WriteReport | None
    problems: Problems = field(default_factory=Problems)
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds per stage (read, link, render, write), for benchmarks; never in output."""
    skipped: bool = False
    """True when docs/ already held this build's output, so link, render and write did not run."""
    pages: int = 0
    """How many briefings the archive has (also when skipped)."""


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path for messages and output: relative to the working directory when inside it, else
    the folder's own name and the file, so that no machine path reaches the output."""
    cwd = cwd or Path.cwd().resolve()
    try:
        # The folder is resolved, not the file: a symbolic link is named as itself, not its target.
        resolved = path.parent.resolve() / path.name
        return Path(os.path.relpath(resolved, cwd)).as_posix() \
            if resolved.is_relative_to(cwd) else f"{path.parent.name}/{path.name}"
    except ValueError:
        return f"{path.parent.name}/{path.name}"


def seed_files(seeds: Path) -> list[Path]:
    """The seed files of a folder, in name order: ``*.txt`` and saved pages, ``*.html``
    (sidecars, ``*.meta.yml``, are not seeds)."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.suffix in SEED_SUFFIXES)


def orphan_sidecars(seeds: Path, cwd: Path | None = None) -> list[SeedError]:
    """An error for each sidecar in ``seeds`` that belongs to no seed (``x.meta.yml`` without
    ``x.txt`` or ``x.html``), for each named ``.meta.yaml``, which would be silently ignored, and
    for a saved page ``x.html`` beside a text seed ``x.txt`` (both would take ``x.meta.yml``)."""
    if not seeds.is_dir():
        return []
    errors = []
    for path in sorted(seeds.iterdir()):
        twin = path.with_suffix(".txt")
        if path.suffix == HTML_SUFFIX and os.path.lexists(twin):
            errors.append(SeedError(
                display_path(path, cwd), None, f"{twin.name} is a seed of the same name: the two would share "
                f"{sidecars.sidecar_name(twin.name)} and annotations/{twin.stem}/",
                "keep one of them, or rename the saved page"))
        if path.name.endswith(".meta.yaml"):
            errors.append(SeedError(display_path(path, cwd), None, "a sidecar's name ends in .meta.yml, not .meta.yaml",
                                    f"rename it to {path.name.removesuffix('.meta.yaml')}{sidecars.SUFFIX}"))
        elif path.name.endswith(sidecars.SUFFIX):
            stem = path.name.removesuffix(sidecars.SUFFIX)
            if not any(os.path.lexists(seeds / (stem + suffix)) for suffix in SEED_SUFFIXES):
                errors.append(SeedError(
                    display_path(path, cwd), None, f"sidecar without a seed: there is no {stem}.txt or {stem}.html",
                    f"name it after its seed (<name>.txt or <name>.html → <name>{sidecars.SUFFIX}), or delete it"))
    return errors


def load_seed(path: Path, cwd: Path | None = None) -> tuple[str, bytes | SeedError, list[SeedError]]:
    """A seed's display name, its bytes (control characters removed) or the error that stops it
    being read, and the warnings reading it gave."""
    name = display_path(path, cwd)
    try:  # symbolic links, devices and files over the stated limits are refused unread
        data = read_seed_bytes(path, name)
    except SeedError as error:
        return name, error, []
    data, warnings = strip_control_bytes(data, name)
    return name, data, warnings


def load_sidecar(seed: Path, cwd: Path | None = None) -> tuple[Sidecar | None, list[InputError]]:
    """The validated sidecar of the seed at ``seed`` (``x.meta.yml`` beside ``x.txt`` or ``x.html``): None and
    no errors when there is none, None and every problem in it when it is invalid."""
    path = seed.with_name(sidecars.sidecar_name(seed.name))
    if not os.path.lexists(path):
        return None, []
    name = display_path(path, cwd)
    try:  # like a seed: a symbolic link, a device or an oversized file is refused unread
        data = read_input_file(path, name, SeedError, sidecars.MAX_BYTES)
    except SeedError as error:
        return None, [error]
    try:
        return sidecars.parse_sidecar(data, name)
    except Exception as error:  # noqa: BLE001 — untrusted input: a bug it trips is its error, as in perseed.process_seed
        return None, [SeedError(name, None, f"internal error while reading this sidecar: {type(error).__name__}: "
                                f"{str(error)[:200]}",
                                "this is a bug in the generator: please report it with the file")]


def read_seed(path: Path, registry: Registry) -> Briefing:
    """Ingest and extract one seed file with its sidecar (raises the first InputError of a bad one)."""
    item = load_seeds([path], "")[0]
    result = item.errors[0] if item.errors else process_seed(item.name, item.data, registry, item.sidecar)
    if isinstance(result, InputError):
        raise result
    return result


_worker_registry: Registry | None = None


def _init_worker(registry: Registry) -> None:
    global _worker_registry
    _worker_registry = registry


def _work(item: tuple[str, bytes, Sidecar | None]):
    # Runs in a worker process. InputError does not pickle back (its constructor takes several
    # arguments), so errors travel as records.
    result = process_seed(item[0], item[1], _worker_registry, item[2])
    return ("error", error_record(result)) if isinstance(result, InputError) else ("ok", result)


PARALLEL_MIN = 16
"""Fewer cache misses than this are processed in this process: a pool costs more to start."""


def _process_all(items: list[tuple[str, bytes, Sidecar | None]], registry: Registry, jobs: int, progress,
                 total: int):
    """Results for ``items`` in the same order, from a process pool when it pays off."""
    workers = min(worker_count(jobs), len(items))
    if workers <= 1 or len(items) < PARALLEL_MIN:
        for done, (name, data, sidecar) in enumerate(items, 1):
            yield process_seed(name, data, registry, sidecar)
            if progress:
                progress("read", total - len(items) + done, total)
        return
    chunk = max(1, min(64, len(items) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(registry,)) as pool:
        # map() yields in input order whatever order workers finish in: output never depends on
        # the number of workers.
        for done, (kind, value) in enumerate(pool.map(_work, items, chunksize=chunk), 1):
            yield error_from(value) if kind == "error" else value
            if progress:
                progress("read", total - len(items) + done, total)


@dataclass(frozen=True)
class Loaded:
    """One seed as read at the build's edge, before anything of it is ingested or unpickled."""

    name: str
    """Its display name (``seeds/x.txt``)."""
    data: bytes
    """Its bytes (empty when it cannot be read)."""
    sidecar: Sidecar | None
    """Its validated sidecar (``seeds/x.meta.yml``), or None when it has none."""
    errors: tuple[InputError, ...]
    """Why it cannot be built: it cannot be read, or its sidecar is invalid; empty when it can."""
    key: str
    """Its cache key (name, bytes, sidecar, code and registry), or its errors when it has any."""
    warnings: tuple[InputError, ...] = ()
    """What reading it changed and said (control characters removed); empty when nothing."""


def load_seeds(paths: list[Path], context: str) -> list[Loaded]:
    """Read every seed's bytes and sidecar, and its cache key (``context`` = code_hash() +
    registry_hash()): cheap, and all that the build fingerprint needs; nothing is unpickled or
    processed yet."""
    cwd = Path.cwd().resolve()
    loaded = []
    for path in paths:
        name, data, warnings = load_seed(path, cwd)
        sidecar, errors = load_sidecar(path, cwd)
        if isinstance(data, InputError):
            errors, data = [data, *errors], b""
        key = ("unread\0" + "\0".join(map(str, errors))) if errors else entry_key(data, name, context, sidecar)
        loaded.append(Loaded(name, data, sidecar, tuple(errors), key, tuple(warnings)))
    return loaded


def reading_warnings(loaded: list[Loaded]) -> list[InputError]:
    """What reading the seeds changed and said (:attr:`Loaded.warnings`), in seed order."""
    return [warning for item in loaded for warning in item.warnings]


def read_seeds(paths: list[Path], registry: Registry, problems: Problems,
               progress: Progress | None = None, jobs: int = 0, cache_dir: Path | None = None,
               loaded: list[Loaded] | None = None) -> list[Briefing]:
    """Ingest and extract every seed, in path order: cached results where the seed, the code and
    the registry are unchanged, the rest on ``jobs`` worker processes (0 = every core).
    ``loaded`` is load_seeds(paths, …) when the caller already has it, and then reports the
    warnings reading them gave; read here, they go to ``problems``."""
    cache = SeedCache(cache_dir, code_hash() + registry_hash(registry))
    if loaded is None:
        loaded = load_seeds(paths, cache.context)
        for warning in reading_warnings(loaded):
            problems.warn(warning)
    results: list[Briefing | InputError | tuple[InputError, ...] | None] = []
    misses: list[tuple[int, Loaded]] = []
    with _no_cycle_collection():
        for item in loaded:
            if item.errors:
                results.append(item.errors)
                continue
            results.append(cache.get(item.key))
            if results[-1] is None:
                misses.append((len(results) - 1, item))
    if progress and len(misses) < len(loaded):
        progress("read", len(loaded) - len(misses), len(loaded))
    computed = _process_all([(item.name, item.data, item.sidecar) for _, item in misses], registry, jobs, progress,
                            len(loaded))
    # strict: the generator is run to its end, so that its process pool shuts down here and not
    # at interpreter exit (which printed "OSError: Bad file descriptor" after the report).
    for (index, item), result in zip(misses, computed, strict=True):
        results[index] = result
        cache.put(item.key, result)
    for warning in cache.warnings:
        problems.warn(warning)
    briefings = []
    for result in results:
        if isinstance(result, tuple):
            problems.extend(result)
        elif isinstance(result, InputError):
            problems.add(result)
        else:
            briefings.append(result)
    return briefings


def inference_warnings(briefings: list[Briefing]) -> list[SeedError]:
    """A warning for each briefing whose publication date is partly inferred, naming the line
    of the date (the briefing's page says so too)."""
    return [
        SeedError(b.article.source_file, inference.line,
                  f"no date line by the headline: took {inference.value} from {inference.source}"
                  if inference.part == "date" else
                  f"the date has no {inference.part}: took {inference.value} from {inference.source}",
                  f"if that is wrong, set published: in {sidecars.sidecar_name(b.article.source_file)}")
        for b in briefings for inference in b.article.inferred
    ]


def attach_annotations(archive: Archive, folder: Path | None, problems: Problems,
                       repo_url: str = "") -> tuple[Archive, int]:
    """Load and validate the annotation files in ``folder`` and anchor them in the archive's
    briefings; errors (orphans included) and warnings (re-anchored notes) go to ``problems``.
    ``repo_url`` is kept for the "Annotate this page" links. Returns the archive and how many
    files were refused for errors of their own (they are neither anchored nor orphaned)."""
    loaded = load_annotations(folder)
    problems.extend(loaded.errors)
    archive, errors, warnings = attach(archive, loaded.annotations, repo_url, loaded.drafts)
    problems.extend(errors)
    for warning in warnings:
        problems.warn(warning)
    return archive, len(loaded.refused)


def build(config: BuildConfig, progress: Progress | None = None) -> BuildResult:
    """Build the generated part of ``config.docs`` from every seed; bad inputs are reported, not fatal.

    ``config.jobs`` worker processes read the seeds (0 = one per core); ``config.cache_dir`` keeps
    per-seed results between runs (None = no cache). Neither changes a byte of the output.
    ``site_url`` is the published site's absolute address, used only by the feeds ("" = unknown).
    When no input changed since the last build into ``docs`` with this cache and docs/ is intact,
    link, render and write are skipped (incremental/skip.py): no seed is even unpickled, and the
    problems the last build reported for these inputs are reported again."""
    seeds, docs, registry_dir, annotations = config.seeds, config.docs, config.registry, config.annotations
    jobs, cache_dir, site_url, repo_url = config.jobs, config.cache_dir, config.site_url, config.repo_url
    Store(cache_dir).drop_old_formats()
    problems = Problems()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    registry, registry_errors = load_registry(registry_dir)
    problems.extend(registry_errors)
    paths = seed_files(seeds)
    loaded = load_seeds(paths, code_hash() + registry_hash(registry))
    orphans = orphan_sidecars(seeds)
    stamp = fingerprint([item.key for item in loaded] + [f"orphan\0{error}" for error in orphans],
                        registry, registry_dir, annotations, site_url, repo_url, config.engine)
    record = record_path(cache_dir, docs)
    last = recall(record, docs, stamp)
    if last is not None:  # nothing the output depends on changed, and docs/ is as last written
        timings["read"] = time.perf_counter() - clock
        return _replay(last, docs, problems, timings)
    forget(record)
    # Seed and linking problems are kept apart: they are stored with the fingerprint and replayed
    # on a skip (cache warnings are not: a skip reads no cache entry).
    seed_problems, linking = Problems(), Problems()
    seed_problems.extend(orphans)
    briefings = read_seeds(paths, registry, seed_problems, progress, jobs, cache_dir, loaded)
    for warning in reading_warnings(loaded) + inference_warnings(briefings):
        linking.warn(warning)  # kept with the fingerprint, so a skipped build says it again
    timings["read"], clock = time.perf_counter() - clock, time.perf_counter()
    with _no_cycle_collection():
        archive, _ = attach_annotations(link(briefings, registry, site_url, config.engine), annotations, linking, repo_url)
    for found in (seed_problems, linking):
        problems.extend(found.errors)
        for warning in found.warnings:
            problems.warn(warning)
    timings["link"] = time.perf_counter() - clock
    gc.freeze()  # the archive lives to the end: later collections (and forked workers) skip it
    try:
        report = _render_and_write(archive, docs, cache_dir, jobs, {item.name: item.key for item in loaded},
                                   problems, timings)
    finally:
        gc.unfreeze()
    clock = time.perf_counter()
    remember(record, docs, stamp, len(archive.pages), seed_problems.errors + linking.errors, linking.warnings)
    timings["write"] += time.perf_counter() - clock
    return BuildResult(archive=archive, report=report, problems=problems, timings=timings, pages=len(archive.pages))


@contextmanager
def _no_cycle_collection():
    """The cyclic garbage collector off while cached briefings are unpickled and linked: that makes
    millions of long-lived objects, and each collection they trigger walks all that exist so far
    (unpickling 2,000 cached briefings took 1.08 s with it, 0.17 s without). They form no
    reference cycles, so nothing is kept meanwhile that would otherwise be freed. (Not around
    ingest and extract, whose worker processes would inherit it.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render_and_write(archive: Archive, docs: Path, cache_dir: Path | None, jobs: int,
                      seed_keys: dict[str, str], problems: Problems, timings: dict[str, float]) -> WriteReport:
    """Render, with the render cache when there is a cache folder (pages whose inputs are
    unchanged since the last build stay as they are: incremental/renders.py), and write docs/."""
    clock = time.perf_counter()
    renders = RenderCache(cache_dir, docs) if cache_dir is not None else None
    if renders is None:
        files, kept = render(archive, jobs), set()
    else:
        files, kept = renders.render(archive, jobs, seed_keys)
        for warning in renders.warnings:
            problems.warn(warning)
    timings["render"], clock = time.perf_counter() - clock, time.perf_counter()
    report = write_files(docs, files, keep=kept)
    if renders is not None:
        renders.remember()
    timings["write"] = time.perf_counter() - clock
    return report


def _replay(last: tuple[int, list[InputError], list[InputError]], docs: Path, problems: Problems,
            timings: dict[str, float]) -> BuildResult:
    """The result of a skipped build: the problems the last build reported for these same inputs."""
    pages, errors, warnings = last
    problems.extend(errors)
    for warning in warnings:
        problems.warn(warning)
    return BuildResult(archive=None, report=WriteReport((), (), len(read_manifest(docs))), problems=problems,
                       timings=timings, skipped=True, pages=pages)
