"""The benchmark table's extrapolation of the naive baseline (benchmarks/table.py)."""

from benchmarks.table import extrapolate


def test_extrapolation_is_quadratic_through_the_two_largest_sizes():
    # t = 0.01·n + 0.0001·n², sampled at three sizes: the fit through the two largest is exact.
    t = lambda n: 0.01 * n + 0.0001 * n * n  # noqa: E731
    points = [(500, t(500) * 3), (1000, t(1000)), (2000, t(2000))]  # the smallest one is off
    assert abs(extrapolate(points, 10_000) - t(10_000)) < 1e-6


def test_extrapolation_is_linear_without_curvature():
    assert extrapolate([(1000, 10.0), (2000, 19.0)], 10_000) == 95.0  # 19 s × 5
    assert extrapolate([(1000, 10.0)], 10_000) == 100.0
