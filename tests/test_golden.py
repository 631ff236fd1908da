"""The generated docs/ for the real seeds equals the reviewed golden tree, byte for byte.

If this fails after an intended change, run `make golden`, read `git diff tests/golden/`, and
commit the new golden files with the change.
"""

from __future__ import annotations

import difflib

from .golden import golden_tree, generated_tree


def test_generated_docs_match_golden(tmp_path):
    expected = golden_tree()
    actual = generated_tree(tmp_path)
    assert sorted(actual) == sorted(expected), "generated file set differs from tests/golden/docs"
    for rel in expected:
        if actual[rel] != expected[rel]:
            diff = difflib.unified_diff(
                expected[rel].decode("utf-8").splitlines(), actual[rel].decode("utf-8").splitlines(),
                f"golden/{rel}", f"generated/{rel}", lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:80]) + "\n(run `make golden` if intended)")


def test_two_builds_are_byte_identical(tmp_path):
    first = generated_tree(tmp_path / "one")
    second = generated_tree(tmp_path / "two")
    assert first == second
