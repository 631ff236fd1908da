"""Digest of the generated docs/ for the real seeds and a synthetic corpus: ``python -m tools.snapshot``.

A restructure must not change a byte of the output. Run this before (``--save FILE``) and after
(``--compare FILE``): it generates docs/ for ``seeds/`` and for a ``--seeds N``-seed synthetic
corpus (200 by default) in temporary folders, without a cache, and prints the SHA-256 of each
generated tree (every file's path and bytes), with the files that differ on ``--compare``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from tests.sitebuild import ROOT, generate, prepare
from generator.write import read_manifest


def tree(seeds: Path, registry: Path | None = None, annotations: Path | None = None) -> dict[str, str]:
    """SHA-256 of every generated file for ``seeds`` (and ``registry``), by path under docs/."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = prepare(Path(tmp) / "site")
        if generate(workdir, seeds, annotations, registry, extra_args=["--no-cache"]) not in (0, 1):
            raise SystemExit(f"the generator failed on {seeds}")
        docs = workdir / "docs"
        return {rel: hashlib.sha256((docs / rel).read_bytes()).hexdigest() for rel in sorted(read_manifest(docs))}


def snapshot(count: int) -> dict[str, dict[str, str]]:
    from tools.synthetic import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, count, 0)
        (Path(tmp) / "no-annotations").mkdir()
        return {"seeds": tree(ROOT / "seeds"),
                f"synthetic-{count}": tree(corpus, corpus / "registry", Path(tmp) / "no-annotations")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200, metavar="N", help="synthetic corpus size")
    parser.add_argument("--save", type=Path, metavar="FILE", help="write the digests as JSON")
    parser.add_argument("--compare", type=Path, metavar="FILE", help="compare with saved digests")
    args = parser.parse_args(argv)
    current = snapshot(args.seeds)
    for name, files in current.items():
        whole = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
        print(f"{name}: {len(files)} files, sha256 {whole}")
    if args.save:
        args.save.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [f"{name}/{rel}" for name in saved for rel in sorted(set(saved[name]) | set(current.get(name, {})))
                  if saved[name].get(rel) != current.get(name, {}).get(rel)]
        for rel in differ:
            print(f"differs: {rel}")
        print("identical" if not differ else f"{len(differ)} files differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
