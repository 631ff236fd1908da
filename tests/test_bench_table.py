"""The benchmark tables (benchmarks/table.py): the naive baseline's extrapolation, and
RESULTS.md rewritten by a run with its hand-written notes kept."""

import json

from benchmarks.bench import save
from benchmarks.table import NOTES_MARKER, extrapolate, markdown

from .conftest import ROOT


def test_extrapolation_is_quadratic_through_the_two_largest_sizes():
    # t = 0.01·n + 0.0001·n², sampled at three sizes: the fit through the two largest is exact.
    t = lambda n: 0.01 * n + 0.0001 * n * n  # noqa: E731
    points = [(500, t(500) * 3), (1000, t(1000)), (2000, t(2000))]  # the smallest one is off
    assert abs(extrapolate(points, 10_000) - t(10_000)) < 1e-6


def test_extrapolation_is_linear_without_curvature():
    assert extrapolate([(1000, 10.0), (2000, 19.0)], 10_000) == 95.0  # 19 s × 5
    assert extrapolate([(1000, 10.0)], 10_000) == 100.0


def test_a_new_run_rewrites_the_tables_and_keeps_the_notes_written_by_hand(tmp_path):
    """`make bench` rewrites RESULTS.md; what the README sends readers there for (the targets,
    why the misses) is written by hand below NOTES_MARKER and must survive the rewrite."""
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    notes = f"{NOTES_MARKER}\n\n## Targets\n\nwritten by hand\n"
    (tmp_path / "RESULTS.md").write_text("# an older run's tables\n\n" + notes, encoding="utf-8")
    save(tmp_path, results)
    page = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert page == markdown(results) + "\n" + notes
    save(tmp_path, results)  # and again: the notes are not doubled
    assert (tmp_path / "RESULTS.md").read_text(encoding="utf-8") == page


def test_a_first_run_writes_the_tables_alone(tmp_path):
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    save(tmp_path, results)
    assert (tmp_path / "RESULTS.md").read_text(encoding="utf-8") == markdown(results)


def test_the_committed_results_keep_their_notes():
    page = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert NOTES_MARKER in page and page.index(NOTES_MARKER) > page.index("### 10,000 briefings")
