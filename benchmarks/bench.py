"""`make bench`: the whole pipeline on synthetic corpora, per stage, written to benchmarks/.

For each size N (default 1,000 and 10,000) it writes a synthetic corpus (tools/synthetic.py)
under build/bench/, then, ``--repeat`` times (median reported): a cold generator run (no cache,
empty docs), a warm run (nothing changed), a run after one seed changed, ``mkdocs build`` and
Pagefind indexing. Ingest and extract are also timed apart on one core. The naive baseline —
every page in MkDocs' automatic navigation, Material's search — is built from the same docs at
500 and 1,000 briefings (its nav makes it quadratic, and at our page counts 2,000 takes too
long to run); the quadratic through those two points estimates it at 10,000.
Last, a headless browser runs a first query against the 10,000-briefing site and counts the bytes
transferred. Results go to benchmarks/results.json and benchmarks/RESULTS.md (see table.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import table  # noqa: E402
from tools.synthetic import write_corpus  # noqa: E402
from generator.sitesearch import SEARCH_THRESHOLD, pagefind_command  # noqa: E402
from generator.write import _hand_written, read_manifest  # noqa: E402

RUNNER = Path(__file__).with_name("runner.py")
STAGE_SAMPLE = 1000
"""Ingest and extract are timed apart, on one core, over the first this-many seeds."""


def measure(*args: str, env: dict | None = None) -> dict:
    """Run runner.py in a fresh process and return its JSON report."""
    done = subprocess.run([sys.executable, str(RUNNER), *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"runner {args[0]} failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report.get("returncode"):
        raise RuntimeError(f"{' '.join(args[1:4])} … failed:\n{report['stderr']}")
    return report


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


class Workspace:
    """The folders of one size under build/bench/: corpus, docs, cache, site and configs."""

    def __init__(self, base: Path, n: int):
        self.n = n
        self.root = base / f"n{n}"
        self.corpus = base / f"corpus-{n}"
        self.docs, self.cache, self.site = self.root / "docs", self.root / "cache", self.root / "site"

    def ensure_corpus(self) -> None:
        if len(list(self.corpus.glob("*.txt"))) != self.n:
            write_corpus(self.corpus, self.n)

    def fresh_docs(self) -> None:
        """Empty docs/ holding only the project's hand-written pages, and no cache."""
        shutil.rmtree(self.root, ignore_errors=True)
        source = ROOT / "docs"
        for rel in sorted(_hand_written(source, read_manifest(source))):
            target = self.docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / rel, target)

    def config(self, naive: bool) -> Path:
        """An MkDocs config that inherits mkdocs.yml and points at this docs folder. Its text is
        fixed here (never input text). The naive one drops the fixed nav (automatic nav of every
        page) and keeps Material's search."""
        rel = os.path.relpath(ROOT, self.root)
        text = (f"INHERIT: {rel}/mkdocs.yml\ndocs_dir: docs\nsite_dir: site\n"
                f"theme:\n  custom_dir: {rel}/overrides\n" + ("nav: null\n" if naive else ""))
        path = self.root / ("mkdocs.naive.yml" if naive else "mkdocs.bench.yml")
        path.write_text(text, encoding="utf-8")
        return path

    def generator(self) -> dict:
        return measure("generator", str(self.corpus), str(self.corpus / "registry"), str(self.docs),
                       str(self.cache))

    def site_build(self, naive: bool = False) -> dict:
        shutil.rmtree(self.site, ignore_errors=True)
        pagefind = not naive and self.n > SEARCH_THRESHOLD
        args = [str(ROOT / ".venv/bin/mkdocs"), "build", "--quiet", "-f", str(self.config(naive))]
        env = {"MATERIAL_SEARCH": "false" if pagefind else "true", "NO_MKDOCS_2_WARNING": "1"}
        return measure("command", *args + ([] if naive else ["--strict"]), env=env)

    def index(self) -> dict:
        return measure("command", *pagefind_command(self.site))


def change_one_seed(corpus: Path, n: int) -> tuple[Path, bytes]:
    """Edit one body paragraph of the middle seed; returns the file and its original bytes."""
    path = corpus / f"{n // 2:06d}.txt"
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    index = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[index] += " Officials declined to comment further."
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, original


def one_round(ws: Workspace, site: bool = True) -> dict:
    ws.fresh_docs()
    cold = ws.generator()
    warm = ws.generator()
    path, original = change_one_seed(ws.corpus, ws.n)
    try:
        changed = ws.generator()
    finally:
        path.write_bytes(original)
    if not site:
        return {"cold": cold, "warm": warm, "one_changed": changed, "site": None, "index": None}
    ws.generator()  # back to the corpus as written, so the site is built from it
    built = ws.site_build()
    index = ws.index() if ws.n > SEARCH_THRESHOLD else None
    return {"cold": cold, "warm": warm, "one_changed": changed, "site": built, "index": index}


def median_of(rounds: list[dict], *keys: str) -> float | None:
    values = []
    for r in rounds:
        value = r
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            values.append(value)
    return statistics.median(values) if values else None


def summarise(ws: Workspace, rounds: list[dict], stages: dict) -> dict:
    m = lambda *keys: median_of(rounds, *keys)  # noqa: E731
    whole = [r["cold"]["wall"] + r["site"]["wall"] + (r["index"]["wall"] if r["index"] else 0)
             for r in rounds if r["site"]]
    per_core = stages["seeds"] and STAGE_SAMPLE
    return {
        "n": ws.n, "repeat": len(rounds), "briefings": rounds[0]["cold"]["briefings"],
        "errors": rounds[0]["cold"]["errors"],
        "ingest_1core": stages["ingest"], "extract_1core": stages["extract"], "stage_sample": stages["seeds"],
        "read": m("cold", "timings", "read"), "link": m("cold", "timings", "link"),
        "render": m("cold", "timings", "render"), "write": m("cold", "timings", "write"),
        "generator_cold": m("cold", "wall"), "generator_warm": m("warm", "wall"),
        "generator_one_changed": m("one_changed", "wall"),
        "write_warm": m("warm", "timings", "write"),
        "site_build": m("site", "wall"), "search_index": m("index", "wall"), "whole_build": statistics.median(whole) if whole else None,
        "peak_rss_generator_main": max(r["cold"]["peak_rss_main"] for r in rounds),
        "peak_rss_generator_worker": max(r["cold"]["peak_rss_child"] for r in rounds),
        "peak_rss_site": max((r["site"] or {}).get("peak_rss_child", 0) for r in rounds),
        "peak_rss_index": max((r["index"] or {}).get("peak_rss_child", 0) for r in rounds),
        "docs_bytes": tree_size(ws.docs), "site_bytes": tree_size(ws.site),
        "pagefind_bytes": tree_size(ws.site / "pagefind"),
        "material_index_bytes": tree_size(ws.site / "search"),
        "sample_note": per_core and f"first {stages['seeds']} seeds",
    }


def run_size(base: Path, n: int, repeat: int, site: bool = True) -> tuple[Workspace, dict]:
    ws = Workspace(base, n)
    ws.ensure_corpus()
    sample = base / f"sample-{n}"
    if not sample.exists():  # ingest/extract timed apart on a fixed sample of the corpus
        sample.mkdir(parents=True)
        for path in sorted(ws.corpus.glob("*.txt"))[:STAGE_SAMPLE]:
            shutil.copy2(path, sample / path.name)
    stages = measure("stages", str(sample), str(ws.corpus / "registry"))
    rounds = []
    for i in range(repeat):
        print(f"  N={n}: round {i + 1}/{repeat}", flush=True)
        rounds.append(one_round(ws, site))
    return ws, summarise(ws, rounds, stages)


def run_baseline(base: Path, n: int, measured: dict | None) -> dict:
    """The naive site build (automatic nav of every page, Material search) on our docs at n;
    a size already measured lends its docs and its own site-build time."""
    ws = Workspace(base, n)
    if measured is None:
        ws.ensure_corpus()
        ws.fresh_docs()
        ws.generator()
        ours = ws.site_build()["wall"]
    else:
        ours = measured["site_build"]
    naive = ws.site_build(naive=True)
    return {"n": n, "naive_site_build": naive["wall"], "naive_peak_rss": naive["peak_rss_child"],
            "naive_search_index_bytes": tree_size(ws.site / "search"), "our_site_build": ours}


def save(out: Path, results: dict) -> None:
    """Write results.json and RESULTS.md (after every size, so a long run keeps what it has);
    RESULTS.md keeps its hand-written notes (table.NOTES_MARKER)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    page = out / "RESULTS.md"
    previous = page.read_text(encoding="utf-8") if page.exists() else None
    page.write_text(table.with_notes(table.markdown(results), previous), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes to run")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size; medians are reported")
    parser.add_argument("--large-repeat", type=int, default=None,
                        help="rounds for sizes over 2,000 when fewer are affordable (default: --repeat)")
    parser.add_argument("--baseline", type=int, nargs="*", default=[500, 1000],
                        help="sizes for the naive baseline (two sizes allow the extrapolation)")
    parser.add_argument("--browser-size", type=int, default=10000,
                        help="size whose site gets the browser first-query check (0: none)")
    parser.add_argument("--generator-only", action="store_true",
                        help="measure the generator only (no site build, search index or browser)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench", help="scratch folder")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks", help="where results go")
    args = parser.parse_args(argv)
    started = time.time()
    results = {"machine": {"cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                           "system": platform.system(), "load_average_at_start": round(os.getloadavg()[0], 1)},
               "sizes": [], "baseline": []}
    for n in args.sizes:
        print(f"N={n}", flush=True)
        repeat = args.large_repeat if n > 2000 and args.large_repeat else args.repeat
        ws, summary = run_size(args.work, n, repeat, site=not args.generator_only)
        if n == args.browser_size and not args.generator_only:
            from benchmarks.browser import first_query

            summary["browser"] = first_query(ws.corpus, ws.site)
        results["sizes"].append(summary)
        save(args.out, results)
    for n in args.baseline:
        print(f"baseline N={n}", flush=True)
        measured = next((size for size in results["sizes"] if size["n"] == n), None)
        results["baseline"].append(run_baseline(args.work, n, measured))
        save(args.out, results)
    results["bench_seconds"] = round(time.time() - started)
    # Other work on the machine slows every stage; the 1-minute load average says how much.
    results["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 1)
    save(args.out, results)
    print(table.markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
