"""Shared support for the extraction tests: Articles built by hand (ingest is tested on its own)."""

from __future__ import annotations

from generator.extract import extract
from generator.model import Article
from generator.registry import Entity, Registry


def article(*paragraphs: str, published: str = "2026-05-27T04:37:00+05:30", dateline: str | None = None) -> Article:
    return Article(source_file="tests/x.txt", title="A headline", dek=None, authors=(), reading_time=None,
                   dateline=dateline, published=published, updated=None, caption=None, caption_credit=None,
                   paragraphs=tuple(paragraphs), paragraph_lines=tuple(range(1, len(paragraphs) + 1)))


REGISTRY = Registry([
    Entity("marco-rubio", "Marco Rubio", "person", roles=("US Secretary of State",)),
    Entity("s-jaishankar", "S. Jaishankar", "person", ("Jaishankar",), ("India's External Affairs Minister",)),
    Entity("donald-trump", "Donald Trump", "person", roles=("US President",)),
    Entity("united-states", "United States", "place", ("US",)),
    Entity("india", "India", "place"),
    Entity("us-embassy", "US Embassy in India", "organisation", ("US embassy",)),
    Entity("forge", "Forum on Resource Geostrategic Engagement", "agreement", ("FORGE",)),
])


def run(*paragraphs: str, registry: Registry = REGISTRY, **kwargs):
    return extract(article(*paragraphs, **kwargs), registry)
