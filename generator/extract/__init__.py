"""Extract: from an Article's clean paragraphs to a Briefing — entities, quotes, dates, amounts,
key points and topics. Pure: no I/O; the registry is passed in.

One rule family per module: sentences, entities (with candidates and lexicon), quotes, dates,
amounts, keypoints, topics. Quotes come before dates because relative dates inside a quotation count from
when the words were spoken, not from publication.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Article, Briefing, Event
from ..registry import Registry
from ..slug import slugify_title
from .amounts import find_amounts
from .dates import DateResolver
from .entities import EntityTable, find_entities, unknown_candidates
from .keypoints import select_key_points
from .quotes import find_quotes
from .topics import topics
from ..sentences import Sentence, split_article

__all__ = ["extract", "unknown_candidates"]


def extract(article: Article, registry: Registry) -> Briefing:
    """Everything this stage learns from one article."""
    paragraphs = article.paragraphs
    sentences = split_article(paragraphs)
    table = find_entities(paragraphs, sentences, registry, dateline_length(article))
    quotes, quoted = find_quotes(paragraphs, sentences, table)
    events = _events(article, sentences, table, quoted)
    amounts = [a for i, text in enumerate(paragraphs) for a in find_amounts(i, text)]

    def facts(sentence: Sentence) -> float:
        entities = len(table.within(sentence.paragraph, sentence.start, sentence.end))
        dated = sum(e.sentence == sentence.text and e.paragraph == sentence.paragraph for e in events)
        money = sum(a.paragraph == sentence.paragraph and a.text in sentence.text for a in amounts)
        return min(entities, 4) + dated + 2 * money

    return Briefing(article=article, slug=slugify_title(article.title), entities=table.refs(),
                    quotes=tuple(quotes), events=tuple(events), amounts=tuple(amounts),
                    key_points=tuple(select_key_points(sentences, facts, quoted)), tags=topics(article))


_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?:\s\d{1,2})?)?\s*"
                       r"(?:\([^)]{1,30}\))?\s*(?:—|–|--?|:)\s+")


def dateline_length(article: Article) -> int:
    """Length of the dateline that opens the first paragraph ("WASHINGTON (AP) — "), when ingest
    found one; ingest keeps the article's words, so the prefix is still in the text."""
    if not article.dateline or not article.paragraphs:
        return 0
    match = _DATELINE.match(article.paragraphs[0])
    return match.end() if match else 0


def publication_date(article: Article) -> date:
    """The calendar day of publication in the source's own time zone (ISO date prefix)."""
    return date.fromisoformat(article.published[:10])


def _events(article: Article, sentences: list[Sentence], table: EntityTable, quoted) -> list[Event]:
    resolver = DateResolver(publication_date(article))
    # A wire dateline's date ("BRUSSELS, Oct 16 (Reuters) -") is the filing day, not an event.
    dateline_end = dateline_length(article)
    events = []
    for sentence in sentences:
        spans = [(max(s, sentence.start) - sentence.start, e - sentence.start)
                 for s, e in quoted.get(sentence.paragraph, ()) if s < sentence.end and e > sentence.start]
        for start, end, resolved in resolver.scan(sentence.text, sentence.text, spans):
            if sentence.paragraph == 0 and sentence.start + start < dateline_end:
                continue
            events.append(Event(resolved.label(), resolved.precision, resolved.approximate,
                                sentence.text[start:end], sentence.text, sentence.paragraph,
                                tuple(table.within(sentence.paragraph, sentence.start, sentence.end))))
    return events
