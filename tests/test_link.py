"""The link stage: related briefings, entity records across briefings, timelines, tags."""

from __future__ import annotations

import json
import math

from generator.dates import display_event_date
from generator.dates import event_sort_key
from generator.link.entities import sentence_at
from generator.export import archive_json
from generator.link import link
from generator.link.related import CANDIDATE_DF_CAP, rarity
from generator.render import render
from tests.linkfixtures import briefing, event, quote, sample


def test_related_are_ranked_by_rarity_weighted_shared_entities_and_explained():
    archive = link(sample())
    one = archive.by_slug["one"]
    assert [r.slug for r in one.related] == ["two", "three", "four"]
    two, three, four = one.related
    # "two" shares the pact, Ana and Delta City; "three" only Bo and Delta City; "four" only Delta.
    assert two.shared[-1] == "delta"  # the ubiquitous entity explains least: listed last
    assert set(two.shared) == {"ana", "pact", "delta"}
    weights = rarity(list(archive.pages))
    assert math.isclose(two.score, sum(weights[e] for e in two.shared), rel_tol=1e-6)
    assert two.score > three.score > four.score > 0


def test_a_rare_shared_entity_outranks_several_common_ones():
    common = ["delta", "acme", "bo"]
    briefings = [briefing(f"filler-{i}", f"2026-01-{i + 1:02d}", ["Delta City, Acme Council, Bo Chen."], common)
                 for i in range(6)]
    briefings.append(briefing("target", "2026-02-01", ["Delta City, Acme Council, Bo Chen, Rare Thing."],
                              [*common, "rare"]))
    briefings.append(briefing("rare-partner", "2026-02-02", ["A Rare Thing."], ["rare"]))
    related = link(briefings).by_slug["target"].related
    assert related[0].slug == "rare-partner"
    assert related[0].shared == ("rare",)


def test_related_never_lists_itself_and_ties_prefer_newer():
    archive = link(sample())
    four = archive.by_slug["four"]
    assert "four" not in [r.slug for r in four.related]
    assert [r.slug for r in four.related] == ["three", "two", "one"]  # equal scores: newest first


def test_ubiquitous_entities_do_not_generate_candidates():
    n = CANDIDATE_DF_CAP + 1
    briefings = [briefing(f"b-{i}", f"2025-01-01", ["Delta City."], ["delta"]) for i in range(n)]
    archive = link(briefings)
    assert all(page.related == () for page in archive.pages)


def test_entity_records_gather_sightings_sayings_timeline_and_co_mentions():
    archive = link(sample())
    ana = archive.by_entity["ana"]
    assert ana.path == "entities/people/ana.md"
    assert [s.slug for s in ana.sightings] == ["two", "one"]  # newest first
    assert ana.sightings[1].sentence == "Ana Silva met Bo Chen in Delta City."
    assert ana.sightings[1].count == 2
    assert [s.quote.text for s in ana.sayings] == ["It was overdue", "We stand by it"]  # date order
    assert [t.event.date for t in ana.timeline] == ["2025-11", "2026", "2026-01-09"]
    assert ana.co_mentions[:2] == (("delta", 2), ("pact", 2))
    assert archive.by_entity["delta"].path == "entities/places/delta.md"
    assert archive.by_entity["pact"].path == "entities/initiatives/pact.md"


def test_unattributed_quotes_belong_to_nobody():
    archive = link(sample())
    assert all(s.quote.speaker for e in archive.entities for s in e.sayings)


def test_archive_timeline_is_chronological_with_mixed_precision():
    archive = link(sample())
    assert [(t.slug, t.event.date) for t in archive.timeline] == [
        ("one", "2025-11"), ("two", "2026"), ("one", "2026-01-09"), ("two", "2026-01-20")]
    approx = event("2026-05-20", "day", "around then", "s", 0, approximate=True)
    exact = event("2026-05-20", "day", "on the 20th", "s", 0)
    month = event("2026-05", "month", "in May", "s", 0)
    assert sorted([approx, exact, month], key=event_sort_key) == [month, exact, approx]


def test_month_and_approximate_dates_are_never_shown_as_the_first():
    assert display_event_date("2026-02", "month") == "February 2026"
    assert display_event_date("2026-05-20", "day", True) == "around 20 May 2026"
    assert display_event_date("2026", "year") == "2026"
    assert display_event_date("2026-05", "month", True) == "around May 2026"


def test_tags_are_topics_then_main_entities_by_type():
    b = briefing("x", "2026-01-01", ["Ana Silva and Ana Silva met in Delta City."], ["ana", "delta", "rare"],
                 tags=("trade",))
    page = link([b]).pages[0]
    assert page.tags == ("Topics/trade", "People/Ana Silva", "Places/Delta City")  # type "other" gets no tag


def test_a_name_detected_in_one_briefing_only_is_no_tag():
    # Registry entities are tags from the first briefing; a detected name only once a second
    # briefing names it too (a one-briefing detection is as often a misreading as a name).
    one = briefing("one", "2026-01-01", ["Ana Silva met Bo Chen."], ["ana", "bo"], detected=("bo",))
    assert link([one]).pages[0].tags == ("People/Ana Silva",)
    two = briefing("two", "2026-01-02", ["Bo Chen spoke."], ["bo"], detected=("bo",))
    pages = {page.slug: page for page in link([one, two]).pages}
    assert pages["one"].tags == ("People/Ana Silva", "People/Bo Chen")
    assert pages["two"].tags == ("People/Bo Chen",)


def test_tags_carry_no_html_significant_characters():
    # Material prints tag names without escaping them.
    from generator.link.tags import tag_text
    hostile = '<img src=x onerror="alert(1)"> & `x` a/b\u202e\x00'
    safe = tag_text(hostile)
    assert not set(safe) & set("<>&\"'`/\u202e\x00")
    assert safe.startswith("‹img src=x onerror=”alert(1)”› ＆")
    b = briefing("x", "2026-01-01", ["Ana Silva."], ["ana"], tags=("<b>", "   "))
    assert link([b]).pages[0].tags == ("Topics/‹b›", "People/Ana Silva")


def test_entity_paths_are_unique_and_never_reserved():
    b = briefing("x", "2026-01-01", ["Ana Silva."], ["ana"])
    from generator.link.entities import entity_paths
    paths = entity_paths({"index": "person", "entity-index": "person", "a/b": "place"})
    assert len(set(paths.values())) == 3
    assert "entities/people/index.md" not in paths.values()
    assert all(".." not in p and p.count("/") == 2 for p in paths.values())
    assert link([b]).by_entity["ana"].path == "entities/people/ana.md"


def test_sentence_at_finds_the_mentioning_sentence():
    text = "First one here. Then Ana Silva spoke. Last."
    assert sentence_at(text, text.index("Ana")) == "Then Ana Silva spoke."


def test_archive_json_carries_related_tags_and_entities():
    data = json.loads(archive_json(link(sample())))
    one = next(b for b in data["briefings"] if b["slug"] == "one")
    assert one["related"] == ["two", "three", "four"]
    assert "People/Ana Silva" in one["tags"]
    ana = next(e for e in data["entities"] if e["id"] == "ana")
    assert ana["briefings"] == ["two", "one"]
    assert {"id", "name", "type", "aliases", "description", "briefings"} <= set(ana)


def test_link_is_independent_of_input_order():
    forward = render(link(sample()))
    backward = render(link(list(reversed(sample()))))
    assert forward == backward


def test_first_mention_of_each_entity_links_to_its_page():
    files = render(link(sample()))
    one = files["briefings/2026/01/one.md"].decode()
    assert one.count("](../../../entities/people/ana.md){ .entity-link }") == 1
    assert "[Ana Silva](../../../entities/people/ana.md){ .entity-link } met" in one
    # The second paragraph's "Ana Silva" is a later mention: plain text.
    assert "\nAna Silva said the Harbour Pact was overdue.\n{ #p2" in one


def test_entity_page_lists_are_paginated():
    from generator.render.entities import ITEMS_PER_PAGE
    n = ITEMS_PER_PAGE + 3
    briefings = [briefing(f"b-{i}", f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", ["Ana Silva spoke."], ["ana"],
                          quotes=[quote(f"Words {i}", "ana", 0)],
                          events=[event("2024-01", "month", "then", "Ana Silva spoke.", 0, ["ana"])])
                 for i in range(n)]
    files = render(link(briefings))
    main = files["entities/people/ana.md"].decode()
    events = '<span class="timeline-date">'
    assert main.count("<li><a") == ITEMS_PER_PAGE and main.count("<li>“Words") == ITEMS_PER_PAGE
    assert main.count(events) == ITEMS_PER_PAGE
    assert "[2](ana/briefings-2.md)" in main and "[2](ana/said-2.md)" in main
    more = files["entities/people/ana/briefings-2.md"].decode()
    assert more.count("<li><a") == 3 and "Words" not in more
    said = files["entities/people/ana/said-2.md"].decode()
    # Oldest first: the last page holds the three newest quotes.
    assert [f"Words {i}" in said for i in (n - 3, n - 2, n - 1, 0)] == [True, True, True, False]
    assert files["entities/people/ana/timeline-2.md"].decode().count(events) == 3


def test_timeline_marks_the_date_expression_in_its_sentence():
    from generator.render.events import marked_sentence
    e = event("2026-01-20", "day", "around 20 January", "Around 20 January *they* met.", 0, approximate=True)
    assert marked_sentence(e) == "<mark>Around 20 January</mark> *they* met."  # raw HTML: * is text
    missing = event("2026", "year", "elsewhere", "<b>No</b> match.", 0)
    assert marked_sentence(missing) == "&lt;b&gt;No&lt;/b&gt; match."


def test_entity_timelines_show_the_words_around_the_date():
    from generator.render.events import marked_excerpt
    words = "one two three four five six seven eight nine ten"
    e = event("2026-03", "month", "in March", f"{words} in March {words}.", 0)
    assert marked_excerpt(e, words=3) == "… eight nine ten <mark>in March</mark> one two three …"
    short = event("2026-03", "month", "in March", "They met in March.", 0)
    assert marked_excerpt(short, words=3) == "They met <mark>in March</mark>."
    first = event("2026-03", "month", "In March", "In March *they* met, said one two three four.", 0)
    assert marked_excerpt(first, words=3) == "<mark>In March</mark> *they* met, said …"
    missing = event("2026", "year", "elsewhere", "<b>No</b> match at all in this one.", 0)
    assert marked_excerpt(missing, words=2) == "&lt;b&gt;No&lt;/b&gt; match at all …"
