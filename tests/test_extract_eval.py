"""The gold set: the real seed scores 100% on every field; the fixture articles at least 95% on
the fields extraction owns (junk lines and sentences measure ingest, tested in test_ingest*)."""

from pathlib import Path

import pytest

from tools.evaluate import FIELDS, evaluate, main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scores():
    groups, problems = evaluate(ROOT, ROOT / "tests" / "gold")
    assert problems == []
    return groups


@pytest.mark.parametrize("field", FIELDS)
def test_real_seed_is_perfect(scores, field):
    score = scores["seed"][field]
    assert (score.precision, score.recall) == (1.0, 1.0), score.misses


@pytest.mark.parametrize("field", ["entities", "dates", "quote speakers", "amounts"])
def test_fixtures_at_least_95_percent(scores, field):
    score = scores["fixtures"][field]
    assert score.gold >= 20
    assert score.precision >= 0.95 and score.recall >= 0.95, score.misses


def test_command_prints_every_field(capsys):
    assert main(["--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    for field in FIELDS:
        assert out.count(field) == 2
