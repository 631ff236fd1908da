"""Giving each briefing of the archive its annotations, anchored against its current text.

Runs after link, because an annotation may name its briefing by slug and slugs are only final
there. The anchoring itself is per briefing and pure (see anchor.py).
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from rapidfuzz import process

from ..errors import AnnotationError
from ..inputfiles import SEED_SUFFIXES
from ..model import Annotation, Archive, Article, Page, PlacedAnnotation
from .anchor import anchor


def _seed_name(ref: str) -> str | None:
    return posixpath.basename(ref) if ref.endswith(SEED_SUFFIXES) else None


def find_page(annotation: Annotation, by_seed: dict[str, Page], by_slug: dict[str, Page]) -> Page | None:
    seed = _seed_name(annotation.briefing)
    return by_seed.get(seed) if seed else by_slug.get(annotation.briefing)


def _unknown_briefing(annotation: Annotation, by_seed: dict, by_slug: dict) -> AnnotationError:
    seed = _seed_name(annotation.briefing)
    choices = list(by_seed if seed else by_slug)
    # 80: a typo or a shortened name ("rubio-visit" for "rubio-visits-india" scores 81); an unrelated
    # name that shares digits and ".txt" ("000023.txt" for "000_e80e….txt") scores 70
    best = process.extractOne(seed or annotation.briefing, choices, score_cutoff=80) if choices else None
    what = f"seed {annotation.briefing!r}" if seed else f"slug {annotation.briefing!r}"
    hint = f"did you mean {('seeds/' + best[0]) if seed else best[0]!r}?" if best else \
        "name the briefing by its seed file (seeds/<name>.txt or .html) or the end of its URL"
    line, col = annotation.briefing_at
    return AnnotationError(annotation.file, line, f"no briefing for {what} in the archive", hint, col=col)


def shown_outside_the_text(article: Article) -> tuple[tuple[str, str], ...]:
    """What the briefing page shows of the article besides its paragraphs, which notes cannot
    anchor to: (what it is, its text)."""
    caption = article.caption or ""
    if caption and article.caption_credit:
        caption += f" ({article.caption_credit})"
    shown = [("headline", article.title), ("dek", article.dek or ""), ("photo caption", caption)]
    shown += [("byline", name) for name in article.authors] + [("dateline", article.dateline or "")]
    shown += [("subheading", heading.text) for heading in article.subheadings]
    return tuple((what, text) for what, text in shown if text)


def place_all(page: Page, annotations: list[Annotation]):
    """Anchor ``annotations`` in ``page``: (placed in page order, errors, warnings)."""
    article = page.briefing.article
    outside = shown_outside_the_text(article)
    placed, errors, warnings = [], [], []
    for annotation in annotations:
        result, error, warning = anchor(annotation, article.paragraphs, article.source_file, outside)
        placed.append(result)
        errors += [error] if error else []
        warnings += [warning] if warning else []
    return sorted(placed, key=page_order), errors, warnings


def page_order(placed: PlacedAnnotation) -> tuple:
    """Anchored ones in text order, then orphans; ties broken by file so order is stable."""
    if placed.anchored:
        return (0, placed.paragraph, placed.start, placed.end, placed.annotation.id)
    return (1, 0, 0, 0, placed.annotation.id)


def attach(archive: Archive, annotations: list[Annotation], repo_url: str = "", drafts: list[Annotation] = ()):
    """The archive with every page's annotations placed, plus (errors, warnings).

    An annotation that cannot be placed is kept as an orphan (on its page, or on the archive when
    its briefing is missing) and reported as an error: it is never dropped silently. ``drafts``
    (invalid files, see annotations/load.py) are looked up and anchored for their errors and
    warnings only, and never placed; a draft with an empty anchor is only looked up.
    """
    by_seed = {posixpath.basename(p.briefing.article.source_file): p for p in archive.pages}
    by_slug = {p.slug: p for p in archive.pages}
    wanted: dict[str, list[Annotation]] = {}
    orphans, errors, warnings = [], [], []
    for annotation in sorted(annotations, key=lambda a: a.id):
        page = find_page(annotation, by_seed, by_slug)
        if page is None:
            errors.append(_unknown_briefing(annotation, by_seed, by_slug))
            orphans.append(PlacedAnnotation(annotation, "orphaned", reason="briefing not found"))
        else:
            wanted.setdefault(page.slug, []).append(annotation)
    pages = []
    for page in archive.pages:
        placed, page_errors, page_warnings = place_all(page, wanted.get(page.slug, []))
        errors += page_errors
        warnings += page_warnings
        pages.append(replace(page, annotations=tuple(placed)) if placed or page.annotations else page)
    for draft in sorted(drafts, key=lambda a: a.id):
        page = find_page(draft, by_seed, by_slug)
        if page is None:
            errors.append(_unknown_briefing(draft, by_seed, by_slug))
        elif draft.anchor.exact:
            _, draft_errors, draft_warnings = place_all(page, [draft])
            errors += draft_errors
            warnings += draft_warnings
    result = replace(archive, pages=tuple(pages), orphaned_annotations=tuple(orphans), repo_url=repo_url)
    return result, errors, warnings


def all_orphans(archive: Archive) -> list[tuple[Page | None, PlacedAnnotation]]:
    """Every orphaned annotation with its page (None when the briefing is missing), by file."""
    found = [(page, placed) for page in archive.pages for placed in page.annotations if not placed.anchored]
    found += [(None, placed) for placed in archive.orphaned_annotations]
    return sorted(found, key=lambda item: item[1].annotation.id)
