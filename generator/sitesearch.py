"""Which search the site gets, and the Pagefind index for large archives.

Material's built-in search loads one JSON index of the whole site into the browser: fine for a
small archive, but 6.5 MB at 1,000 briefings and 32 MB at 5,000 (measured; indexes of 80-150 MB
freeze browsers). Pagefind splits its index into chunks that a query fetches piece by piece, so
the first query at 10,000 briefings transfers well under 1 MB (benchmarks/). ``auto`` picks
Pagefind above SEARCH_THRESHOLD briefings; ``material`` or ``pagefind`` force one or the other.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .write import read_manifest

SEARCH_THRESHOLD = 500
"""Above this many briefings ``auto`` selects Pagefind: Material's index is about 3 MB here."""
SETTINGS = ("auto", "material", "pagefind")
_BRIEFING_PAGE = re.compile(r"briefings/\d{4}/\d{2}/[^/]+\.md\Z")

PAGEFIND_ROOT = "article.md-content__inner"
"""Only a page's own content is indexed, not the header, navigation or footer around it."""
PAGEFIND_EXCLUDE = (".headerlink, .md-content__button, .md-source-file, [data-pagefind-ignore], "
                    # Lists that repeat what the briefings themselves say (indexed there once):
                    ".briefing-glance, .briefing-entities, .briefing-quotes, .timeline, .timeline-note, "
                    ".briefing-related, .entity-briefings, .entity-quotes")
"""Parts of a page Pagefind leaves out. Pages that only list others are left out whole (their
front matter says ``search: exclude``; overrides/main.html marks the rest ``data-pagefind-body``).
Pagefind's selectors have no sibling combinators, so each left-out list has its own wrapper."""


def briefing_count(docs: Path) -> int:
    """How many briefing pages the last generator run wrote into ``docs`` (from its manifest)."""
    return sum(1 for path in read_manifest(docs) if _BRIEFING_PAGE.match(path))


def choose_engine(setting: str, docs: Path) -> str:
    """``material`` or ``pagefind`` for a setting (see SETTINGS) and the archive in ``docs``."""
    if setting not in SETTINGS:
        raise ValueError(f"unknown search setting {setting!r}: use one of {', '.join(SETTINGS)}")
    if setting != "auto":
        return setting
    return "pagefind" if briefing_count(docs) > SEARCH_THRESHOLD else "material"


def pagefind_command(site: Path) -> list[str]:
    """The Pagefind run that indexes a built site in place (into ``site/pagefind/``)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", PAGEFIND_ROOT,
            "--exclude-selectors", PAGEFIND_EXCLUDE, "--force-language", "en", "--quiet"]


def index_site(site: Path) -> None:
    """Index ``site`` with Pagefind; raises CalledProcessError when Pagefind fails."""
    subprocess.run(pagefind_command(site), check=True)
