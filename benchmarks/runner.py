"""Run one measured step in a fresh process and print what it cost as one JSON line.

Used by benchmarks/bench.py: ``python benchmarks/runner.py generator SEEDS REGISTRY DOCS CACHE`` runs
the generator (ingest → render into DOCS) and reports per-stage wall times; ``stages SEEDS
REGISTRY`` times ingest and extract separately on one core; ``command ARGS…`` runs any command.
Every mode reports the peak resident memory of this process and of its largest child (the
worker processes), from getrusage.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def _peaks() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"peak_rss_main": own, "peak_rss_child": children}


def run_generator(seeds: str, registry: str, docs: str, cache: str) -> dict:
    from generator.build import build
    from generator.config import BuildConfig

    start = time.perf_counter()
    result = build(BuildConfig(Path(seeds), Path(docs), Path(registry), None, cache_dir=Path(cache), jobs=0))
    wall = time.perf_counter() - start
    return {"wall": wall, "timings": result.timings, "briefings": result.pages, "skipped": result.skipped,
            "written": len(result.report.written), "unchanged": result.report.unchanged,
            "errors": len(result.problems.errors), "warnings": len(result.problems.warnings)}


def run_stages(seeds: str, registry: str) -> dict:
    """Ingest, then extract, every seed in this one process: the per-core cost of each stage."""
    from generator.extract import extract
    from generator.ingest import ingest
    from generator.registry import load_registry

    reg, _ = load_registry(Path(registry))
    data = [(p.read_bytes(), p.as_posix()) for p in sorted(Path(seeds).glob("*.txt"))]
    start = time.perf_counter()
    articles = []
    for raw, name in data:
        try:
            articles.append(ingest(raw, name))
        except Exception:  # a seed the ingest stage refuses is simply not timed further
            pass
    ingest_wall = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        try:
            extract(article, reg)
        except Exception:
            pass
    return {"ingest": ingest_wall, "extract": time.perf_counter() - start, "seeds": len(data),
            "articles": len(articles)}


def run_command(args: list[str]) -> dict:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    return {"wall": time.perf_counter() - start, "returncode": done.returncode,
            "stderr": done.stderr[-2000:]}


def main(argv: list[str]) -> int:
    mode, *args = argv
    if mode == "generator":
        report = run_generator(*args)
    elif mode == "stages":
        report = run_stages(*args)
    else:
        report = run_command(args)
    print(json.dumps(report | _peaks()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
