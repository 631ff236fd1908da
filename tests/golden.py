"""The golden docs/ tree: what the generator writes for the real seeds, committed and reviewed.

Regenerate deliberately with ``make golden`` (``python -m tests.golden``), then read the diff
(`git diff tests/golden/`) before committing it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.sitebuild import ROOT, generate, prepare
from generator.write import MANIFEST, read_manifest

GOLDEN = ROOT / "tests" / "golden" / "docs"


def generated_tree(workdir: Path) -> dict[str, bytes]:
    """Generate docs for seeds/ in ``workdir`` and return the generated files."""
    prepare(workdir)
    code = generate(workdir, ROOT / "seeds")
    if code != 0:
        raise RuntimeError(f"the generator reported errors on seeds/ (exit {code})")
    docs = workdir / "docs"
    return {rel: (docs / rel).read_bytes() for rel in sorted(read_manifest(docs))}


def golden_tree() -> dict[str, bytes]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
            for p in sorted(GOLDEN.rglob("*")) if p.is_file() and p.name != MANIFEST}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        files = generated_tree(Path(tmp))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, data in files.items():
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files to {GOLDEN.relative_to(ROOT)}; review with: git diff --stat tests/golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
