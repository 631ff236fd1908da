"""Hand-built briefings for link and render tests: small, exact, independent of ingest/extract."""

from __future__ import annotations

from generator.model import Article, Briefing, EntityRef, Event, KeyPoint, Mention, Quote

TYPES = {"ana": "person", "bo": "person", "acme": "organisation", "delta": "place", "rare": "other",
         "pact": "agreement"}
NAMES = {"ana": "Ana Silva", "bo": "Bo Chen", "acme": "Acme Council", "delta": "Delta City",
         "rare": "Rare Thing", "pact": "Harbour Pact"}


def briefing(slug: str, published: str, paragraphs: list[str], entity_ids: list[str],
             quotes=(), events=(), key_points=(), tags=(), detected=()) -> Briefing:
    """A briefing whose entities are found in its paragraphs by exact name (first mention kept);
    those in ``detected`` are not in the registry."""
    refs = []
    for entity_id in entity_ids:
        name = NAMES[entity_id]
        mentions = []
        for i, text in enumerate(paragraphs):
            start = text.find(name)
            while start >= 0:
                mentions.append(Mention(paragraph=i, start=start, end=start + len(name), text=name))
                start = text.find(name, start + 1)
        refs.append(EntityRef(id=entity_id, name=name, type=TYPES[entity_id], role=None,
                              mentions=tuple(mentions), in_registry=entity_id not in detected))
    article = Article(source_file=f"tests/{slug}.txt", title=slug.replace("-", " ").title(), dek=None,
                      authors=("Reporter",), reading_time=2, dateline="Delta City", published=published,
                      updated=None, caption=None, caption_credit=None, paragraphs=tuple(paragraphs),
                      paragraph_lines=tuple(range(1, len(paragraphs) + 1)))
    return Briefing(article=article, slug=slug, entities=tuple(refs), quotes=tuple(quotes),
                    events=tuple(events), key_points=tuple(key_points), tags=tuple(tags))


def event(date: str, precision: str, text: str, sentence: str, paragraph: int, entities=(),
          approximate: bool = False) -> Event:
    return Event(date=date, precision=precision, approximate=approximate, text=text, sentence=sentence,
                 paragraph=paragraph, entities=tuple(entities))


def quote(text: str, speaker: str | None, paragraph: int) -> Quote:
    return Quote(text=text, speaker=speaker, speaker_name=NAMES.get(speaker) if speaker else None,
                 paragraph=paragraph)


def sample() -> list[Briefing]:
    """Four briefings: "one" and "two" share the rare pact; everyone shares Delta City."""
    one = briefing("one", "2026-01-10", [
        "Ana Silva met Bo Chen in Delta City. They signed the Harbour Pact.",
        "Ana Silva said the Harbour Pact was overdue."], ["ana", "bo", "delta", "pact"],
        quotes=[quote("It was overdue", "ana", 1)],
        events=[event("2025-11", "month", "last November", "They met last November.", 0, ["ana"]),
                event("2026-01-09", "day", "on Friday", "Ana Silva signed on Friday.", 0, ["ana", "pact"])],
        key_points=[KeyPoint("They signed the Harbour Pact.", 0)])
    two = briefing("two", "2026-02-03", [
        "The Acme Council debated the Harbour Pact in Delta City.",
        "Ana Silva defended the Harbour Pact."], ["acme", "pact", "delta", "ana"],
        quotes=[quote("We stand by it", "ana", 1), quote("No comment", None, 1)],
        events=[event("2026", "year", "this year", "Talks continue this year.", 1, ["ana"]),
                event("2026-01-20", "day", "around 20 January", "Around 20 January they met.", 0, [],
                      approximate=True)])
    three = briefing("three", "2026-03-15", ["Bo Chen toured Delta City."], ["bo", "delta"])
    four = briefing("four", "2026-03-20", ["Delta City held a vote. A Rare Thing happened."],
                    ["delta", "rare"])
    return [three, one, four, two]
