"""Writing one paragraph of article text as Markdown, with markup placed at exact offsets.

Later stages decorate the article's words without rewriting them: the link stage wraps the first
mention of an entity in a link, annotations put a marker after the words they discuss, and the
timeline links to a paragraph. Each of those is given here as character offsets into the clean
paragraph; the text between them is escaped with :func:`escape_md`, so only the generator's own
markup is live.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..mdtext import Md, escape_md


@dataclass(frozen=True)
class Wrap:
    """Markup around ``text[start:end]`` (an entity link, say). Wraps never overlap: of two that
    do, the one that starts first (then the longer) wins."""

    start: int
    end: int
    before: Md
    after: Md


@dataclass(frozen=True)
class Insert:
    """Markup placed at one offset (an annotation marker, say). One that falls inside a wrap is
    moved to the wrap's end, so that it never splits a link."""

    at: int
    markup: Md


def decorate(text: str, wraps: list[Wrap] = (), inserts: list[Insert] = ()) -> Md:
    """``text`` as escaped Markdown with ``wraps`` and ``inserts`` placed at their offsets.

    White space inside the paragraph is kept as it is, so offsets computed on the clean text stay
    valid; the caller guarantees the paragraph is a single line (ingest joins lines).
    """
    chosen: list[Wrap] = []
    for wrap in sorted(wraps, key=lambda w: (w.start, -(w.end - w.start))):
        if 0 <= wrap.start < wrap.end <= len(text) and (not chosen or wrap.start >= chosen[-1].end):
            chosen.append(wrap)
    points: dict[int, list[Md]] = {}
    for insert in inserts:
        at = max(0, min(insert.at, len(text)))
        for wrap in chosen:
            if wrap.start < at < wrap.end:
                at = wrap.end
        points.setdefault(at, []).append(insert.markup)
    cuts = sorted({0, len(text), *points, *(w.start for w in chosen), *(w.end for w in chosen)})
    starts = {w.start: w for w in chosen}
    ends = {w.end: w for w in chosen}
    out: list[str] = []
    for i, cut in enumerate(cuts):
        if cut in ends and ends[cut] is not starts.get(cut):
            out.append(ends[cut].after)
        out.extend(points.get(cut, ()))
        if cut in starts:
            out.append(starts[cut].before)
        if i + 1 < len(cuts):
            out.append(_escape_piece(text[cut:cuts[i + 1]]))
    return Md("".join(out))


def _escape_piece(piece: str) -> str:
    # escape_md strips and folds white space; keep the piece's own edges so joins stay exact.
    if not piece.strip():
        return piece
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()):]
    # A piece in mid-line gets the line-start escape too: harmless there, and simpler than two
    # escapers.
    return lead + escape_md(piece) + trail
