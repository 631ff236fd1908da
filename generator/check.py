"""``python -m generator check``: validate every input without building anything.

Reads the entity registry, every seed (ingest and extract, with its sidecar) and every
annotation, anchors the annotations in their briefings, and reports every problem found in one run, as
``file:line:col: what is wrong — how to fix it``. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import attach_annotations, orphan_sidecars, read_seeds, seed_files
from .config import read_mkdocs_yml
from .errors import InputError, Problems
from .link import link
from .registry import load_registry


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 briefing", "2 briefings": a count with its noun in the right number."""
    return f"{n} {one if n == 1 else many or one + 's'}"


@dataclass
class CheckResult:
    """What a check looked at and what it found."""

    problems: Problems = field(default_factory=Problems)
    seeds: int = 0
    """Seed files read."""
    briefings: int = 0
    """Seeds that became briefings."""
    entities: int = 0
    """Valid entities in the registry."""
    anchored: int = 0
    """Annotations placed in their briefing's text."""
    orphaned: int = 0
    """Annotations that could not be placed (each is also an error)."""
    refused: int = 0
    """Annotation files refused for errors of their own (unreadable, not YAML, invalid fields,
    template placeholders): neither anchored nor orphaned."""

    def summary(self) -> str:
        return (f"checked {counted(self.seeds, 'seed')} ({counted(self.briefings, 'briefing')}), "
                f"{counted(self.entities, 'registry entity', 'registry entities')}, "
                f"{counted(self.anchored + self.orphaned + self.refused, 'annotation')} "
                f"({self.anchored} anchored, {self.orphaned} orphaned, {self.refused} refused)")


def check(seeds: Path, annotations: Path, registry_dir: Path, config: Path | None = None,
          jobs: int = 0) -> CheckResult:
    """Validate the registry, seeds and annotations (and repo_url in ``config``, an mkdocs.yml)."""
    result = CheckResult()
    problems = result.problems
    registry, registry_errors = load_registry(registry_dir)
    problems.extend(registry_errors)
    result.entities = len(registry)
    paths = seed_files(seeds)
    result.seeds = len(paths)
    problems.extend(orphan_sidecars(seeds))
    briefings = read_seeds(paths, registry, problems, jobs=jobs, cache_dir=None)
    result.briefings = len(briefings)
    repo_url = ""
    if config is not None:
        settings = read_mkdocs_yml(config)
        repo_url = settings.repo_url
        if settings.error:
            problems.add(settings.error)
        if settings.site_url_error:  # the build would refuse it
            problems.add(InputError(config.name, None, settings.site_url_error,
                                    "write site_url as an absolute http(s) address, or leave it out"))
    archive, result.refused = attach_annotations(link(briefings, registry), annotations, problems, repo_url)
    placed = [note for page in archive.pages for note in page.annotations] + list(archive.orphaned_annotations)
    result.anchored = sum(note.anchored for note in placed)
    result.orphaned = len(placed) - result.anchored
    return result
