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
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
"""The fixture corpus of the cross-link tests (seeds/, and registry/ and annotations/ if any)."""


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


def mkdocs_build(workdir: Path, engine: str = "mkdocs", site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``workdir`` (or the same build with another ``engine``, see
    ``ENGINES``); the site lands in ``workdir/site``. ``site_url``, when given, is passed the way
    the deploy workflow passes it: as SITE_URL, which the project's mkdocs.yml reads."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    config, site = str(workdir / "mkdocs.yml"), str(workdir / "site")
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", site]
    elif engine == "properdocs":
        command = [str(engine_venv(engine) / "bin" / "properdocs"), "build", "--strict", "-q", "-f", config, "-d", site]
    else:  # Zensical has no -d: it writes site_dir, which mkdocs.yml leaves at its default, site/
        command = [str(engine_venv(engine) / "bin" / "zensical"), "build", "--strict", "-f", config]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=workdir)


ENGINES = ("mkdocs", "properdocs", "zensical")
"""The engines the site is built with: MkDocs from .venv (requirements.lock); ProperDocs and
Zensical each from its own environment (.venv-properdocs, .venv-zensical), which `make engines`
makes from requirements-<engine>.lock (README, "Engines")."""


def engine_venv(engine: str) -> Path:
    """The virtual environment an engine runs from."""
    return Path(sys.prefix) if engine == "mkdocs" else ROOT / f".venv-{engine}"


def engine_missing(engine: str) -> str | None:
    """Why ``engine`` cannot build here (its environment is not made), or None when it can."""
    executable = engine_venv(engine) / "bin" / ("python" if engine == "mkdocs" else engine)
    if executable.exists():
        return None
    return f"{executable.relative_to(ROOT) if executable.is_relative_to(ROOT) else executable} not found: run `make engines`"


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


def _corpus_dir(name: str) -> Path | None:
    path = CORPUS / name
    return path if path.is_dir() else None


def _gather_seeds(target: Path) -> Path:
    """The real seeds and the corpus seeds in one folder named ``seeds`` (the generator records
    ``seeds/<file>`` as each briefing's source, which is what annotations refer to)."""
    target.mkdir(parents=True)
    sources = [SEEDS, _corpus_dir("seeds") or CORPUS]
    for folder in sources:
        for seed in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            shutil.copy(seed, target / seed.name)
    return target


def _merge_dirs(target: Path, *folders: Path | None) -> Path:
    target.mkdir(parents=True)
    for folder in folders:
        if folder:
            shutil.copytree(folder, target, dirs_exist_ok=True)
    return target


def build_corpus_site(workdir: Path, engine: str = "mkdocs", site_url: str = "") -> Path:
    """The site of the browser tests and the engine canaries, built in ``workdir`` by ``engine``:
    the real seeds and the fixture corpus, with the project's annotations and registry and the
    corpus's own, and ``site_url`` (the feeds', and the engine's, as the deploy workflow sets it).
    Returns the site folder; raises with the engine's output if the build fails."""
    prepare(workdir)
    seeds = _gather_seeds(workdir / "seeds")
    annotations = _merge_dirs(workdir / "annotations-in", ROOT / "annotations", _corpus_dir("annotations"))
    registry = _merge_dirs(workdir / "registry-in", ROOT / "registry", _corpus_dir("registry"))
    extra = ["--engine", engine] + (["--site-url", site_url] if site_url else [])
    if generate(workdir, seeds, annotations, registry, extra) == 2:
        raise RuntimeError("generator usage error")
    result = mkdocs_build(workdir, engine, site_url)
    if result.returncode != 0:
        raise RuntimeError(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
    return workdir / "site"
