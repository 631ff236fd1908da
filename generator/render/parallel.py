"""Rendering on several cores: briefing pages and page families spread over worker processes.

Workers are forked, so they inherit the archive instead of receiving it pickled; each task renders a slice of the briefing
pages or one whole page family and sends back encoded bytes. render() merges the parts and sorts
by path, so the output is byte-identical to a serial render whatever the number of workers.
Where fork is not available (macOS defaults, Windows), render() stays serial.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from ..model import Archive

MIN_PAGES = 200
"""Below this many briefings a serial render is faster than starting workers."""
CHUNK = 250
"""Briefing pages per task: large enough to amortise the round trip, small enough to balance."""

_archive: Archive | None = None
"""The archive being rendered, set in the parent before the fork so that workers inherit it."""


def worker_count(jobs: int) -> int:
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def usable(jobs: int, pages: int) -> bool:
    return (worker_count(jobs) > 1 and pages >= MIN_PAGES
            and "fork" in multiprocessing.get_all_start_methods())


def _task(archive: Archive, spec: tuple) -> dict[str, bytes]:
    # Runs in a forked worker; imports are local so that the parent's module state is used.
    from ..export import archive_json
    from . import PAGE_FAMILIES, pages

    kind, *args = spec
    if kind == "briefings":
        start, stop = args
        selected = archive.pages[start:stop]
        return {p.path: pages.render_briefing(p, archive).encode("utf-8") for p in selected}
    if kind == "archive.json":
        return {"archive.json": archive_json(archive).encode("utf-8")}
    family = PAGE_FAMILIES[args[0]]
    texts = family.files(archive, briefings=False) if family is pages else family.files(archive)
    return {path: text.encode("utf-8") for path, text in texts.items()}


def render_parts(archive: Archive, jobs: int) -> list[dict[str, bytes]]:
    """Every generated file, as parts rendered by forked workers (see render())."""
    from . import PAGE_FAMILIES

    specs = [("archive.json",)] + [("family", i) for i in range(len(PAGE_FAMILIES))]
    specs += [("briefings", start, start + CHUNK) for start in range(0, len(archive.pages), CHUNK)]
    return run_forked(archive, _task, specs, jobs)


_task_function: Callable[[Archive, Any], Any] | None = None
"""What run_forked's workers call, set with _archive before the fork."""


def _call(spec):
    return _task_function(_archive, spec)


def run_forked(archive: Archive, task: Callable[[Archive, Any], Any], specs: list, jobs: int) -> list:
    """``task(archive, spec)`` for every spec on forked workers, which inherit the archive instead
    of receiving it pickled; results in the order of ``specs`` whatever order workers finish in."""
    global _archive, _task_function
    _archive, _task_function = archive, task
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(worker_count(jobs)) as pool:
            return pool.map(_call, specs, chunksize=1)
    finally:
        _archive = _task_function = None
