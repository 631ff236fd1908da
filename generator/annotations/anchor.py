"""Anchoring: finding an annotation's words in its briefing's clean paragraphs, even after edits.

A W3C TextQuoteSelector (exact words, optional prefix and suffix) is matched in three steps, so
that a note survives a re-scrape or a cleaning fix:

1. **exact** — the words as written (white space and typographic quotes/dashes compared loosely);
   when they occur more than once, the prefix and suffix pick one;
2. **context** — when the words themselves changed, the text between the prefix and the suffix;
3. **fuzzy** — the most similar passage, if it scores at least :data:`FUZZY_THRESHOLD`.

What none of these place exactly once is an orphan: an error that shows the nearest passages.
A note re-anchored by context or fuzzy match is a warning asking to update ``exact``, unless the
passage found has other numbers than ``exact`` ("2.1 million" for "2.5 million"): then the note is
an orphan and the error asks a person to check it, since it may no longer hold.
Anchors never span paragraphs: a note is about words a reader sees together.

Words found (exactly) only in what the page shows besides the text, the headline, dek, photo
caption, byline, dateline or a subheading, are refused before the fuzzy step, with a message
that says where they are. A note's place is a paragraph of the text and offsets in it (the ¶
of the page's Annotations section, the position archive.json publishes, the paragraph whose
Material annotation list the marker opens); those parts of the page are not paragraphs of the
text, and a fuzzy match would put the note on other words of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..errors import AnnotationError
from ..sentences import trim_span
from ..model import Annotation, PlacedAnnotation

FUZZY_THRESHOLD = 85.0
"""Least similarity (rapidfuzz partial ratio, 0–100) for a fuzzy re-anchor."""
CONTEXT_THRESHOLD = 50.0
"""Least similarity between ``exact`` and the text found between prefix and suffix."""
MIN_FUZZY_LENGTH = 8
"""Shorter anchors are never matched fuzzily: a near match of a short word is a different word."""
TIE_MARGIN = 2.0
"""Fuzzy candidates scoring within this of the best one are equally good (ambiguous)."""
SHOWN = 3
"""How many nearest passages or candidate places an error shows."""

# One character for one, so that offsets into the normalised text are offsets into the original.
_SAME_WIDTH = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                             "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                             "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Straight quotes and plain hyphens for their typographic forms, same length as ``text``."""
    return text.translate(_SAME_WIDTH)


def _collapse(text: str) -> str:
    return " ".join(normalise(text).split())


@dataclass(frozen=True)
class Span:
    """A candidate place: paragraph index and offsets, with its similarity to the anchor."""

    paragraph: int
    start: int
    end: int
    score: float = 100.0


class Anchoring:
    """Anchors one annotation in one briefing's paragraphs; see the module docstring."""

    def __init__(self, annotation: Annotation, paragraphs: tuple[str, ...], source: str,
                 outside: tuple[tuple[str, str], ...] = ()):
        self.annotation = annotation
        self.quote = annotation.anchor
        self.paragraphs = paragraphs
        self.normal = [normalise(p) for p in paragraphs]
        self.source = source
        self.outside = outside

    def place(self) -> tuple[PlacedAnnotation, AnnotationError | None, AnnotationError | None]:
        """(placed annotation, error or None, warning or None)."""
        hits = self.exact_hits()
        if hits:
            chosen = self.choose(hits)
            if isinstance(chosen, Span):
                warning = None if self.context_fits(chosen) else self.warning(
                    f"prefix or suffix of anchor {_show(self.quote.exact)} no longer fits the text in "
                    f"¶{chosen.paragraph + 1}", "update 'prefix' and 'suffix' to the words around it now")
                return self.placed(chosen, "exact"), None, warning
            return self.ambiguous(chosen)
        found = self.context_hits()
        if found:
            return self.reanchored("context", found)
        # Words the page shows above or beside the text are what was copied, not a changed
        # passage of the text that a fuzzy match would find.
        elsewhere = self.outside_hit()
        if elsewhere:
            return self.not_in_text(elsewhere)
        found = self.fuzzy_hits()
        return self.reanchored("fuzzy", found) if found else self.missing()

    def reanchored(self, method: str, found: list[Span]):
        """Placed by ``method`` (context or fuzzy) among ``found``, with a warning, or ambiguous."""
        chosen = self.choose(found)
        if not isinstance(chosen, Span):
            return self.ambiguous(chosen)
        text = self.paragraphs[chosen.paragraph][chosen.start:chosen.end]
        how = "its prefix and suffix" if method == "context" else f"fuzzy match ({chosen.score:.0f}%)"
        if _numbers(self.quote.exact) != _numbers(text):
            # "2.5 million" and "2.1 million" are a few characters apart and a different claim: a
            # note on the one may be wrong about the other, so a person must look.
            error = self.error(f"anchor {_show(self.quote.exact)} is not in the text word for word, and the "
                               f"passage found by {how}, {_show(text)} in ¶{chosen.paragraph + 1}, has other "
                               "numbers", "check that the note still holds for the text as it is now, "
                               "then set anchor.exact to the words it discusses")
            return self.orphan("its numbers changed"), error, None
        warning = self.warning(f"anchor {_show(self.quote.exact)} is not in the text word for word; "
                               f"re-anchored by {how} to {_show(text)} in ¶{chosen.paragraph + 1}",
                               "update anchor.exact to the words the briefing has now")
        return self.placed(chosen, method), None, warning

    # --- the three kinds of candidate -------------------------------------------------------

    def exact_hits(self) -> list[Span]:
        pattern = _words_pattern(self.quote.exact)
        return [Span(i, start, end) for i, text in enumerate(self.normal)
                for start, end in _overlapping(pattern, text)] if pattern else []

    def context_hits(self) -> list[Span]:
        """Text between an occurrence of the prefix and the next occurrence of the suffix."""
        prefix, suffix = _words_pattern(self.quote.prefix), _words_pattern(self.quote.suffix)
        if not (prefix and suffix):
            return []
        exact = _collapse(self.quote.exact)
        found = []
        for i, text in enumerate(self.normal):
            for before in prefix.finditer(text):
                after = suffix.search(text, before.end(), before.end() + 2 * len(self.quote.exact) + 40)
                if not after:
                    continue
                start, end = trim_span(text, before.end(), after.start())
                score = fuzz.ratio(exact, _collapse(text[start:end])) if end > start else 0.0
                if score >= CONTEXT_THRESHOLD:
                    found.append(Span(i, start, end, score))
        return _best(found)

    def fuzzy_hits(self) -> list[Span]:
        exact = _collapse(self.quote.exact)
        if len(exact) < MIN_FUZZY_LENGTH:
            return []
        found = [span for span in self.nearest() if span.score >= FUZZY_THRESHOLD]
        return _best(found)

    def nearest(self) -> list[Span]:
        """For each paragraph, its passage most similar to the anchor, best first."""
        exact = _collapse(self.quote.exact)
        spans = []
        for i, text in enumerate(self.normal):
            if len(text) <= len(exact):
                start, end = trim_span(text, 0, len(text))
            else:
                aligned = fuzz.partial_ratio_alignment(exact, text)
                start, end = _snap_to_words(text, aligned.dest_start, aligned.dest_end, exact)
            if end > start:
                spans.append(Span(i, start, end, fuzz.ratio(exact, _collapse(text[start:end]))))
        return sorted(spans, key=lambda s: (-s.score, s.paragraph))

    # --- choosing among candidates -----------------------------------------------------------

    def has_context(self) -> bool:
        return bool(self.quote.prefix.strip() or self.quote.suffix.strip())

    def context_fits(self, span: Span) -> bool:
        text = self.normal[span.paragraph]
        return _collapse(text[:span.start]).endswith(_collapse(self.quote.prefix)) \
            and _collapse(text[span.end:]).startswith(_collapse(self.quote.suffix))

    def context_score(self, span: Span) -> float:
        text = self.normal[span.paragraph]
        prefix, suffix = _collapse(self.quote.prefix), _collapse(self.quote.suffix)
        before, after = _collapse(text[:span.start]), _collapse(text[span.end:])
        score = fuzz.ratio(prefix, before[-len(prefix):]) if prefix else 0.0
        return score + (fuzz.ratio(suffix, after[:len(suffix)]) if suffix else 0.0)

    def choose(self, spans: list[Span]) -> Span | list[Span]:
        """The one span meant, or the list of spans that cannot be told apart."""
        if len(spans) == 1:
            return spans[0]
        fitting = [s for s in spans if self.context_fits(s)] if self.has_context() else []
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return fitting
        if self.has_context():
            ranked = sorted(spans, key=lambda s: -self.context_score(s))
            if self.context_score(ranked[0]) > self.context_score(ranked[1]) + 20:
                return ranked[0]
        return spans

    # --- results ------------------------------------------------------------------------------

    def placed(self, span: Span, method: str) -> PlacedAnnotation:
        return PlacedAnnotation(self.annotation, "anchored", span.paragraph, span.start, span.end,
                                method, round(span.score, 1))

    def orphan(self, reason: str) -> PlacedAnnotation:
        return PlacedAnnotation(self.annotation, "orphaned", reason=reason)

    def error(self, message: str, hint: str) -> AnnotationError:
        line, col = self.annotation.anchor_at
        return AnnotationError(self.annotation.file, line, message, hint, col=col)

    warning = error

    def ambiguous(self, spans: list[Span]):
        places = "; ".join(self.excerpt(s) for s in spans[:SHOWN]) + ("; …" if len(spans) > SHOWN else "")
        what = "make 'prefix' or 'suffix' longer" if self.has_context() else "add a 'prefix' or 'suffix'"
        error = self.error(f"anchor {_show(self.quote.exact)} matches {len(spans)} places in {self.source}",
                           f"{what} with the words just before or after the place you mean: {places}")
        return self.orphan(f"matches {len(spans)} places"), error, None

    def outside_hit(self) -> str | None:
        """What the page shows outside the text (the headline, say) that has the exact words."""
        pattern = _words_pattern(self.quote.exact)
        return next((what for what, text in self.outside if pattern and pattern.search(normalise(text))), None)

    def not_in_text(self, where: str):
        error = self.error(f"anchor {_show(self.quote.exact)} is in the {where} of {self.source}; notes anchor "
                           "to the text of the article", "quote words from the body, the paragraphs under the "
                           "headline")
        return self.orphan(f"in the {where}, not the text"), error, None

    def missing(self):
        near = [s for s in self.nearest()[:SHOWN] if s.score > 0]
        hint = "copy the words exactly as the briefing shows them"
        if near:
            hint += "; nearest passages: " + "; ".join(f"{self.excerpt(s)} ({s.score:.0f}%)" for s in near)
        error = self.error(f"anchor {_show(self.quote.exact)} matches nowhere in {self.source}", hint)
        return self.orphan("matches nowhere"), error, None

    def excerpt(self, span: Span, context: int = 30) -> str:
        """``¶3 “…words before [the words] words after…”`` for messages."""
        text = self.paragraphs[span.paragraph]
        before = text[max(0, span.start - context):span.start]
        after = text[span.end:span.end + context]
        if span.start > context and " " in before:  # start and end the excerpt on whole words
            before = before[before.index(" ") + 1:]
        if span.end + context < len(text) and " " in after:
            after = after[:after.rindex(" ")]
        lead = "…" if span.start > context else ""
        tail = "…" if span.end + context < len(text) else ""
        inner = f"{lead}{before}[{text[span.start:span.end]}]{after}{tail}"
        return f"¶{span.paragraph + 1} {_show(inner, limit=200)}"


def anchor(annotation: Annotation, paragraphs: tuple[str, ...], source: str,
           outside: tuple[tuple[str, str], ...] = ()):
    """Place ``annotation`` in ``paragraphs`` (the clean text of briefing ``source``). ``outside``
    is what the page shows besides them, as (what, text) pairs such as ("headline", …): words
    found only there are refused, saying where they are.

    Returns ``(PlacedAnnotation, error or None, warning or None)``; pure.
    """
    return Anchoring(annotation, paragraphs, source, outside).place()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    """The numbers in ``text``, in order, with their separators ("2.5", "1,200")."""
    return _NUMBER.findall(text)


def _words_pattern(words: str) -> re.Pattern | None:
    parts = normalise(words).split()
    return re.compile(r"\s+".join(map(re.escape, parts))) if parts else None


def _overlapping(pattern: re.Pattern, text: str):
    # finditer skips overlapping matches, but "the the" occurs twice in "the the the": both
    # places count, or an ambiguous anchor would look unique.
    match = pattern.search(text)
    while match:
        yield match.start(), match.end()
        match = pattern.search(text, match.start() + 1)


def _snap_to_words(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    # A fuzzy alignment may cut a word, or take in a bracket or comma the anchor does not have;
    # a reader should see whole words marked.
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    start, end = trim_span(text, start, end)
    while start < end and not text[start].isalnum() and exact[:1].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and exact[-1:].isalnum():
        end -= 1
    return trim_span(text, start, end)


def _best(spans: list[Span]) -> list[Span]:
    """The spans scoring within TIE_MARGIN of the best one (all equally good candidates)."""
    if not spans:
        return []
    top = max(s.score for s in spans)
    return [s for s in spans if s.score >= top - TIE_MARGIN]


def _show(text: str, limit: int = 80) -> str:
    """Quoted for a message: one line, no control characters, cut to ``limit``."""
    text = "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"“{text}”"
