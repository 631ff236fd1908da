"""Topics: the two-word lower-case phrases an article keeps coming back to become its topic tags."""

from __future__ import annotations

from dataclasses import replace

from generator.extract.topics import TOPICS_MAX, topics
from generator.ingest import ingest

from .conftest import REAL_SEED
from .linkfixtures import briefing


def _article(*paragraphs: str, title: str = "Council meets", dek: str | None = None):
    return replace(briefing("x", "2026-01-01", list(paragraphs), []).article, title=title, dek=dek)


def test_the_real_seeds_topics_are_its_subject():
    article = ingest(REAL_SEED.read_bytes(), "seeds/" + REAL_SEED.name)
    assert topics(article) == ("Critical minerals", "Rare earth", "Supply chains")


def test_a_phrase_repeated_across_paragraphs_is_a_topic_in_its_commonest_form():
    article = _article("The council approved the shore power plan.",
                       "Shore power lets ships switch engines off; the first shore-power berth opens in May.",
                       "Ships at berth burn fuel without shore power.")
    assert topics(article) == ("Shore power",)


def test_singular_and_plural_count_as_one_phrase():
    article = _article("Ports worry about supply chains.", "One supply chain broke.", "Supply chains recover.")
    assert topics(article) == ("Supply chains",)


def test_a_phrase_of_one_paragraph_only_is_wording_not_a_topic():
    article = _article("Shore power here, shore power there, shore power everywhere.", "Ships came.")
    assert topics(article) == ()


def test_names_titles_time_and_reporting_words_are_never_topics():
    article = _article("Prime minister Ana Silva said last year that the prime minister would act. Ana Silva spoke.",
                       "Last year the prime minister said so. Ana Silva said it again last year.",
                       "The prime minister, Ana Silva, told reporters. She told reporters more.",
                       title="Ana Silva speaks")
    assert topics(article) == ()


def test_the_halves_of_one_longer_phrase_give_one_topic():
    article = _article("Law enforcement officials met.", "Law enforcement officials spoke.",
                       "Law enforcement officials left.")
    assert topics(article) in {("Law enforcement",), ("Enforcement officials",)}


def test_at_most_a_few_topics_sorted():
    phrases = ["harbour dues", "shore power", "ferry routes", "berth fees", "cargo volumes"]
    article = _article(*[" and ".join(phrases) + "." for _ in range(3)])
    found = topics(article)
    assert len(found) == TOPICS_MAX and list(found) == sorted(found)
    assert set(found) <= {phrase.capitalize() for phrase in phrases}
