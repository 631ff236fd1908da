"""benchmarks/RESULTS.md from results.json: one table per concern, numbers straight from the run."""

from __future__ import annotations

MIB = 1024 * 1024
# RESULTS.md ends in notes written by hand (what the figures mean, the targets, why the misses):
# `make bench` rewrites the tables above this line and keeps everything from it on.
NOTES_MARKER = "<!-- Written by hand from here on: make bench rewrites the tables above and keeps this part. -->"


def _s(value) -> str:
    return "–" if value is None else f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _rate(n: int, seconds) -> str:
    return "–" if not seconds else f"{n / seconds:,.0f}/s"


def _mib(value) -> str:
    return "–" if not value else f"{value / MIB:,.1f} MiB"


def extrapolate(points: list[tuple[int, float]], n: int) -> float | None:
    """t(n) = a·n + b·n² through the two largest measured points (MkDocs' nav makes the naive
    build quadratic); linear scaling when the points show no curvature."""
    if len(points) < 2:
        return points[0][1] * n / points[0][0] if points else None
    (n1, t1), (n2, t2) = sorted(points)[-2:]
    b = (t2 - t1 * n2 / n1) / (n2 * n2 - n1 * n2)
    a = (t1 - b * n1 * n1) / n1
    return a * n + b * n * n if b > 0 else t2 * n / n2


def stage_rows(size: dict) -> list[tuple[str, str, str, str]]:
    n, sample = size["briefings"], size["stage_sample"]
    return [
        (f"ingest (1 core, {sample} seeds)", _s(size["ingest_1core"]), _rate(sample, size["ingest_1core"]), "–"),
        (f"extract (1 core, {sample} seeds)", _s(size["extract_1core"]), _rate(sample, size["extract_1core"]), "–"),
        ("read: ingest + extract, all cores, cold", _s(size["read"]), _rate(n, size["read"]), "–"),
        ("link", _s(size["link"]), _rate(n, size["link"]), "–"),
        ("render", _s(size["render"]), _rate(n, size["render"]), "–"),
        ("write docs/", _s(size["write"]), _rate(n, size["write"]), "–"),
        ("**generator, cold** (no cache)", _s(size["generator_cold"]), _rate(n, size["generator_cold"]),
         f"{_mib(size['peak_rss_generator_main'])} + workers {_mib(size['peak_rss_generator_worker'])}"),
        ("**generator, warm**, nothing changed", _s(size["generator_warm"]), _rate(n, size["generator_warm"]), "–"),
        ("**generator, one seed changed**", _s(size["generator_one_changed"]), "–", "–"),
        ("site build (mkdocs build --strict)", _s(size["site_build"]), _rate(n, size["site_build"]),
         _mib(size["peak_rss_site"])),
        ("search indexing (Pagefind)", _s(size["search_index"]), _rate(n, size["search_index"]),
         _mib(size["peak_rss_index"])),
        ("**whole build, cold** (generator + site + search)", _s(size["whole_build"]),
         _rate(n, size["whole_build"]), "–"),
    ]


def size_table(size: dict) -> str:
    lines = [f"### {size['briefings']:,} briefings (median of {size['repeat']})", "",
             "| stage | wall time | briefings/s | peak memory |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in stage_rows(size)]
    lines += ["", "| output | size |", "| --- | ---: |",
              f"| docs/ (Markdown + archive.json) | {_mib(size['docs_bytes'])} |",
              f"| site/ | {_mib(size['site_bytes'])} |",
              f"| search index: Pagefind (chunked) | {_mib(size['pagefind_bytes'])} |",
              f"| search index: Material (one file) | {_mib(size['material_index_bytes'])} |"]
    browser = size.get("browser")
    if browser:
        rank = browser["found_rank"]
        lines += [f"| first browser query: bytes transferred ({browser['requests']} requests) | "
                  f"{browser['transferred_bytes'] / 1024:,.0f} KiB |", "",
                  f"Browser check: the query “{browser['query']}” "
                  + (f"found `{browser['expected']}` at rank {rank}." if rank else
                     f"did **not** find `{browser['expected']}` in the top results.")]
    return "\n".join(lines) + "\n"


def baseline_table(results: dict) -> str:
    base = results["baseline"]
    if not base:
        return ""
    lines = ["### Naive baseline: every page in MkDocs' automatic navigation, Material search", "",
             "| briefings | naive site build | our site build | naive search index |",
             "| ---: | ---: | ---: | ---: |"]
    lines += [f"| {b['n']:,} | {_s(b['naive_site_build'])} | {_s(b['our_site_build'])} | "
              f"{_mib(b['naive_search_index_bytes'])} |" for b in base]
    points = [(b["n"], b["naive_site_build"]) for b in base]
    for size in results["sizes"]:
        n = size["briefings"]
        measured = next((b for b in base if b["n"] == size["n"]), None)
        naive_site = measured["naive_site_build"] if measured else extrapolate(points, n)
        largest = max(points)
        linear = largest[1] * n / largest[0]
        how = "measured" if measured else (
            f"extrapolated through the two largest measured sizes, quadratic when they show curvature; "
            f"scaled linearly from {largest[0]:,}, a lower bound, it would be {_s(linear)}, "
            f"{(size['generator_cold'] + linear) / size['whole_build']:.1f}× our whole build" if size["whole_build"] else "")
        if size["whole_build"] is None:
            continue
        naive_whole = size["generator_cold"] + naive_site
        lines += ["", f"At {n:,} briefings, naive site build {_s(naive_site)} ({how}); naive whole build "
                  f"(same generator + naive site) {_s(naive_whole)}; ours {_s(size['whole_build'])}: "
                  f"**{naive_whole / size['whole_build']:.1f}× faster** whole build, "
                  f"{naive_site / (size['site_build'] + (size['search_index'] or 0)):.1f}× faster site + search."]
    return "\n".join(lines) + "\n"


def markdown(results: dict) -> str:
    machine = results["machine"]
    head = ["# Benchmark results", "",
            f"Written by `make bench` (benchmarks/bench.py) on {machine['cpus']} CPU cores, Python "
            f"{machine['python']}; synthetic corpora from `python -m tools.synthetic` (~830 words a "
            f"seed). The bench took {results.get('bench_seconds', 0) / 60:.0f} minutes; the machine's "
            f"1-minute load average was {machine.get('load_average_at_start', '?')} at the start and "
            f"{machine.get('load_average_at_end', '?')} at the end (above {machine['cpus']} means other "
            f"work competed for the cores and every time below is inflated).", ""]
    for run in results.get("runs", ()):  # results merged from separate runs of bench.py
        head.append(f"- {run['what']}: {run['minutes']} minutes, load average {run['load_average_at_start']} "
                    f"→ {run['load_average_at_end']}")
    head += [""] if results.get("runs") else []
    body = [size_table(size) for size in results["sizes"]]
    return "\n".join(head) + "\n" + "\n".join(body) + "\n" + baseline_table(results)


def with_notes(generated: str, previous: str | None) -> str:
    """The new tables, then the hand-written notes of the previous RESULTS.md (``previous``, from
    NOTES_MARKER on) unchanged; the tables alone when there are none."""
    if not previous or NOTES_MARKER not in previous:
        return generated
    return generated + "\n" + previous[previous.index(NOTES_MARKER):]
