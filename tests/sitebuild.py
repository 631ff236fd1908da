"""Build a whole site in a temporary folder, as `make build` does, for end-to-end tests.

The project's mkdocs.yml, hand-written docs/ pages and theme overrides are copied next to a fresh
docs folder, the generator writes into it, and `mkdocs build --strict` builds the site. Nothing in
the working tree is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.cli import main as generator_main

ROOT = Path(__file__).resolve().parent.parent


def hand_written_docs() -> list[Path]:
    """docs/ files tracked by git (the hand-written pages and assets)."""
    out = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines() if line]


def prepare(workdir: Path) -> Path:
    """Copy mkdocs.yml, overrides/ and the hand-written docs into ``workdir``; return it."""
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    for extra in ("overrides",):
        if (ROOT / extra).is_dir():
            shutil.copytree(ROOT / extra, workdir / extra, dirs_exist_ok=True)
    for path in hand_written_docs():
        target = workdir / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return workdir


def generate(workdir: Path, seeds: Path, annotations: Path | None = None,
             registry: Path | None = None, extra_args: list[str] = ()) -> int:
    """Run the generator into ``workdir/docs``; returns its exit code.

    The build's cache is ``workdir/.cache``, not the default ``.cache`` of the project root (the
    working directory here): a site built by a test then reads only cache entries its own process
    wrote. A shared cache was state shared by the xdist workers, by earlier runs and by a
    developer's `make build`, and an entry signed with another key (another HOME, or, before the
    key was linked into place whole, two workers creating it at once) is reported as a warning:
    exit code 1, a failed test."""
    argv = ["build", "--quiet", "--seeds", str(seeds), "--docs", str(workdir / "docs"),
            "--cache", str(workdir / ".cache"),
            "--annotations", str(annotations or ROOT / "annotations"),
            "--registry", str(registry or ROOT / "registry"), *extra_args]
    cwd = os.getcwd()
    os.chdir(ROOT)  # source paths in the output are relative to the project root
    try:
        return generator_main(argv)
    finally:
        os.chdir(cwd)


def mkdocs_build(workdir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``workdir``; the site lands in ``workdir/site``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                           str(workdir / "mkdocs.yml"), "-d", str(workdir / "site")],
                          capture_output=True, text=True, env=env, cwd=workdir)


def build_site(workdir: Path, seeds: Path, annotations: Path | None = None,
               registry: Path | None = None) -> Path:
    """Generate and build a complete site; raise with mkdocs' output if the build fails."""
    prepare(workdir)
    code = generate(workdir, seeds, annotations, registry)
    if code == 2:
        raise RuntimeError("generator usage error")
    result = mkdocs_build(workdir)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return workdir / "site"
