"""One build: read all inputs, link, write. The only place that runs every stage in order.

File reading happens here and file writing in write.py; the stages in between are pure.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problems, SeedError
from .extract import extract
from .ingest import ingest
from .link import link
from .model import Archive, Briefing
from .registry import Registry, load_registry
from .render import render
from .write import WriteReport, write_files

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); the CLI draws it on a terminal."""


@dataclass
class BuildResult:
    """What a build produced and what went wrong."""

    archive: Archive
    report: WriteReport | None
    problems: Problems = field(default_factory=Problems)


def display_path(path: Path) -> str:
    """A path for messages and output: relative to the working directory when inside it, else
    the folder's own name and the file, so that no machine path reaches the output."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd().resolve())).as_posix() \
            if path.resolve().is_relative_to(Path.cwd().resolve()) else f"{path.parent.name}/{path.name}"
    except ValueError:
        return f"{path.parent.name}/{path.name}"


def seed_files(seeds: Path) -> list[Path]:
    """The seed files of a folder, in name order (``*.txt``)."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.suffix == ".txt")


def read_seed(path: Path, registry: Registry) -> Briefing:
    """Ingest and extract one seed file (raises InputError for a bad seed)."""
    name = display_path(path)
    if path.is_symlink():
        raise SeedError(name, None, "seed is a symbolic link", "commit the article itself, not a link")
    data = path.read_bytes()
    return extract(ingest(data, name), registry)


def read_seeds(paths: list[Path], registry: Registry, problems: Problems,
               progress: Progress | None = None) -> list[Briefing]:
    briefings = []
    for done, path in enumerate(paths, 1):
        try:
            briefings.append(read_seed(path, registry))
        except InputError as error:
            problems.add(error)
        if progress:
            progress("read", done, len(paths))
    return briefings


def build(seeds: Path, docs: Path, registry_dir: Path, annotations: Path | None = None,
          progress: Progress | None = None, site_url: str = "") -> BuildResult:
    """Build the generated part of ``docs`` from every seed; bad inputs are reported, not fatal.
    ``site_url`` is the published site's absolute base URL, used only for the feeds."""
    problems = Problems()
    registry, registry_errors = load_registry(registry_dir)
    problems.extend(registry_errors)
    briefings = read_seeds(seed_files(seeds), registry, problems, progress)
    archive = link(briefings, registry, site_url)
    files = render(archive)
    report = write_files(docs, files)
    return BuildResult(archive=archive, report=report, problems=problems)
