"""Ingest and extraction throughput on one core, on the real-world corpus: ``make bench-ingest``.

Reads every seed of ``tests/realworld/seeds`` (both styles) and the seeds in ``seeds/`` into
memory, then times ``ingest`` alone and ``ingest`` + ``extract`` over all of them in this one
process (one core), ``--repeat`` rounds after one warm-up round, and reports the median seeds a
second with the spread and the load average. Speed is measured here, never in a unit test: the
machines are noisy, so a median of rounds and the load average go with every figure. The targets
(issue 12: ingest >= 500 seeds/s; issue 14: extraction >= 200 seeds/s) are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.errors import SeedError  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.ingest import ingest  # noqa: E402
from generator.registry import load_registry  # noqa: E402

TARGETS = {"ingest": 500, "ingest+extract": 200}


def corpus(folder: Path | None = None) -> list[tuple[str, bytes]]:
    """The real-world corpus and seeds/ by default, else every *.txt under ``folder``."""
    if folder is None:
        paths = sorted((ROOT / "tests" / "realworld" / "seeds").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    else:
        paths = sorted(folder.rglob("*.txt"))
    return [(path.as_posix(), path.read_bytes()) for path in paths]


def _clear_caches() -> None:
    """Empty the generator's per-line caches, so that a round does not reuse what an earlier
    round of the same seeds computed (a real build reads each seed once); tables loaded once per
    process (place names) stay loaded, as they do in a build's worker."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("generator"):
            for value in vars(module).values():
                info = getattr(value, "cache_parameters", None)
                # Caches of per-line results are cleared; one that takes no argument (or is
                # unbounded) loads a table once per process (place names) and stays loaded.
                wrapped = getattr(value, "__wrapped__", None)
                takes_arguments = wrapped is not None and wrapped.__code__.co_argcount > 0
                if callable(info) and info()["maxsize"] is not None and takes_arguments:
                    value.cache_clear()


def one_round(seeds: list[tuple[str, bytes]], registry, with_extract: bool) -> float:
    """Seconds for one pass over every seed (a refused seed costs what refusing it costs),
    starting with empty caches."""
    _clear_caches()
    start = time.perf_counter()
    for name, data in seeds:
        try:
            article = ingest(data, name)
        except SeedError:
            continue
        if with_extract:
            extract(article, registry)
    return time.perf_counter() - start


def measure(repeat: int, folder: Path | None = None) -> dict:
    seeds = corpus(folder)
    registry, errors = load_registry(ROOT / "registry")
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    results = {"seeds": len(seeds), "load_average": os.getloadavg()[0], "repeat": repeat}
    for label, with_extract in (("ingest", False), ("ingest+extract", True)):
        one_round(seeds, registry, with_extract)  # warm-up: imports, caches, regex compilation
        rates = sorted(len(seeds) / one_round(seeds, registry, with_extract) for _ in range(repeat))
        results[label] = {
            "median_seeds_per_s": round(statistics.median(rates), 1),
            "min": round(rates[0], 1), "max": round(rates[-1], 1), "target": TARGETS[label],
        }
    results["load_average_after"] = os.getloadavg()[0]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds; the median is reported")
    parser.add_argument("--seeds", type=Path, default=None,
                        help="folder of seeds to read instead of the real-world corpus (e.g. build/corpus from make corpus)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "ingest_speed.json")
    args = parser.parse_args(argv)
    results = measure(args.repeat, args.seeds)
    results["corpus"] = "real-world corpus and seeds/" if args.seeds is None else str(args.seeds)
    args.out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{results['seeds']} seeds ({results['corpus']}), one core, median of {args.repeat} rounds "
          f"(load average {results['load_average']:.2f} before, {results['load_average_after']:.2f} after)")
    for label in TARGETS:
        r = results[label]
        verdict = "met" if r["median_seeds_per_s"] >= r["target"] else "missed"
        print(f"  {label:15} {r['median_seeds_per_s']:8.1f} seeds/s (range {r['min']}–{r['max']}); "
              f"target {r['target']}: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
