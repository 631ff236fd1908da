"""Ingest rules one at a time: junk, joining, dates and time zones, inline Markdown, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import ingest
from generator.ingest.dates import DateError, find_dates, starts_with_label
from generator.ingest.header import read_caption
from generator.ingest.inline import plain
from generator.ingest.junk import classify, is_headline_like, line_rule
from generator.ingest.meta import place_name, read_meta_line, split_names
from generator.ingest.paragraphs import continues, join_split_sentences
from generator.ingest.source import make_line, read_lines
from generator.ingest.timezones import zone_for

# --- junk: line rules ----------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "rule"), [
    ("Advertisement", "ad-marker"),
    ("- ADVERTISEMENT -", "ad-marker"),
    ("Story continues below this ad", "ad-marker"),
    ("Article continues after advertisement", "ad-marker"),
    ("Sponsored content", "ad-marker"),
    ("1", "no-words"),
    ("1,204", "no-words"),
    ("\u2022", "no-words"),
    ("Also Read | Quad ministers meet in Delhi today: What is the Quad?", "related-link"),
    ("READ MORE: Council to vote on budget", "related-link"),
    ("Watch \u2014 The minister's speech in full", "related-link"),
    ("Follow us on Instagram and X", "social-prompt"),
    ("Click here to join our channel", "social-prompt"),
    ("Make us preferred source on Google", "social-prompt"),
    ("Add Example News as a preferred source on Google", "social-prompt"),
    ("Download the Example News app for the latest updates", "social-prompt"),
    ("Join our WhatsApp channel", "social-prompt"),
    ("For the latest updates, follow us on Telegram", "social-prompt"),
    ("Subscribe now for unlimited access", "subscribe-prompt"),
    ("Sign up for the Morning Brief newsletter", "subscribe-prompt"),
    ("Get the best stories delivered to your inbox every week", "subscribe-prompt"),
    ("Log in to continue reading", "subscribe-prompt"),
    ("Share", "share-bar"),
    ("WhatsApp | Facebook | Email | Print", "share-bar"),
    ("Listen to this article", "social-prompt"),
    ("Listen", "share-bar"),
    ("Skip to main content", "share-bar"),
    ("Supported by", "ad-marker"),
    ("Share full article", "social-prompt"),
    ("Leave a comment", "social-prompt"),
    ("Home / News / India", "breadcrumb"),
    ("News \u203a World \u203a Asia", "breadcrumb"),
    ("Image source, Getty Images", "media-label"),
    ("(AP Photo)", "media-label"),
    ("Photo: Reuters", "media-label"),
    ("Tags: India, United States, Critical minerals", "tag-list"),
    ("\u00a9 2026 Example Media Ltd", "copyright"),
    ("Copyright 2019 County Times. All rights reserved.", "copyright"),
])
def test_line_rule_removes(line, rule):
    assert line_rule(line) == rule


@pytest.mark.parametrize("line", [
    "The advertisement campaign cost the party $2 million, its treasurer said.",
    "Read the full statement, the ministry said, before judging the deal.",
    "Subscribers to the service complained about the price rise on Monday.",
    "Follow-up talks are planned for June in Geneva.",
    "Officials said they would follow the court's ruling closely and share details later this week "
    "once the legal team had reviewed the judgment, which runs to more than 200 pages.",
    "Share prices fell 3% on the news.",
    "Copyright lawyers say the ruling will be appealed.",
    "In 2019, 12 people were hurt.",
    "1998.",
    "42%.",
    "Related parties must disclose their holdings.",
    "Watch out for the fine print, she said.",
    "Home prices rose 4% in March.",
    "News / Analysis of the budget shows that spending rose by a third over the decade",
    "Photographs taken at the scene: dozens of them, all blurred.",
])
def test_line_rule_keeps_prose(line):
    assert line_rule(line) is None


# --- junk: recommendation blocks -----------------------------------------------------------------

def test_recommendation_block_stops_at_prose():
    lines = [
        "Turnout was high.",
        "STORIES YOU MAY LIKE",
        "'We were ready': Coach on the final",
        "3",
        "Rain delays harvest in the north",
        "The minister said the talks would resume on Friday.",
        "More headline-like text after prose stays",
    ]
    assert classify(lines) == [
        None, "recommendations", "recommended-headline", "no-words", "recommended-headline", None, None,
    ]


@pytest.mark.parametrize("prose", [
    "our national interest in the United States, and today is a tangible example of it",  # lower case
    "Talks resume on Friday.",  # full stop
    "The deal, officials said, covers three sectors",  # reported speech
    'Rubio said, "I have spoken often during my time here about the strategic alliance between the '
    "United States and India and how important that is for",  # long
    "He left. Nobody followed him",  # two sentences
    "The plan has three parts:",  # colon
])
def test_recommendation_block_never_eats_prose(prose):
    assert classify(["You may also like", prose]) == ["recommendations", None]
    assert not is_headline_like(prose)


@pytest.mark.parametrize("marker", [
    "STORIES YOU MAY LIKE", "CURATED FOR YOU", "You might also like:", "Recommended for you",
    "Trending", "Most read", "More from Politics", "Related stories", "Editor's picks",
    "In case you missed it", "Read next", "Further Reading", "Related article \u00bb",
])
def test_recommendation_markers(marker):
    assert classify([marker, "Headline of another story"]) == ["recommendations", "recommended-headline"]


def test_a_teaser_in_a_headlines_present_tense_is_in_the_block():
    teasers = ["Related Coverage", "Fed's Yellen says bank safety rules should be kept in place",
               "Highlights: Fed chief Yellen's news conference after FOMC meeting"]
    assert classify(teasers) == ["recommendations", "recommended-headline", "recommended-headline"]
    # Prose reports in the past tense, or ends as a sentence does: never a teaser.
    for prose in ("The chair says the rules should stay, and she said so twice.", "She said rules should stay"):
        assert classify(["Related Coverage", prose]) == ["recommendations", None]


def test_recommendation_block_has_a_limit():
    headlines = [f"Teaser headline number {n}" for n in range(20)]
    rules = classify(["Trending", *headlines])
    assert rules.count("recommended-headline") == 12 and rules[-1] is None


# --- joining split sentences ---------------------------------------------------------------------

@pytest.mark.parametrize(("before", "after", "joined"), [
    ("This is significant since there are legitimate", "concerns over China's curbs.", True),
    ('Rubio said, "how important that is for', 'our national interest."', True),
    ("Grants came from the U.S.", "government last year.", True),  # abbreviation, lower case next
    ("He spoke with", "Prime Minister Modi on Tuesday.", True),  # dangling function word
    ("The figure rose by", "30 per cent.", True),
    ("The work was done by Prairie Paving Inc.", "The company has repaved streets.", False),
    ("It ended.", "then it began again", False),  # full stop: a true paragraph break
    ("What happens next?", "nobody knows", False),
    ("The plan has three parts:", "roads, rail and ports.", False),  # colon introduces
    ("What Happens Next", "The council meets in May.", False),  # heading-like
    ("She said it was a \u201cmilestone\u201d", "in relations.", True),
])
def test_continues(before, after, joined):
    assert continues(before, after) is joined


def _lines(*raws):
    return [make_line(n, raw) for n, raw in enumerate(raws, start=1)]


def test_join_keeps_first_line_and_resolves_emphasis_across_the_split():
    paragraphs = join_split_sentences(_lines("It cost **more than", "\\$30 billion**, it said.", "Next."))
    assert [(p.line, p.text) for p in paragraphs] == [(1, "It cost more than $30 billion, it said."), (3, "Next.")]


def test_join_chains_and_never_joins_list_items():
    paragraphs = join_split_sentences(_lines("A sentence split", "in three", "places.", "- an item", "- another"))
    assert [p.text for p in paragraphs] == ["A sentence split in three places.", "- an item", "- another"]


def test_join_hyphenated_word_without_space():
    assert [p.text for p in join_split_sentences(_lines("a long-", "term plan."))] == ["a long-term plan."]


# --- dates and time zones ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso", "kind"), [
    ("Updated: May 27, 2026 04:37 AM IST", "2026-05-27T04:37:00+05:30", "updated"),
    ("Published: 12 March 2019", "2019-03-12", "published"),
    ("March 12, 2019 9:14 PM ET", "2019-03-12T21:14:00-04:00", "unlabelled"),
    ("Updated 18:45 GMT, 3 June 2021", "2021-06-03T18:45:00+00:00", "updated"),
    ("Published 22:00, 11 July 2021 BST", "2021-07-11T22:00:00+01:00", "published"),  # the zone after the date
    ("Published 22:00, 11 July 2021 (GMT+1)", "2021-07-11T22:00:00+01:00", "published"),
    ("Published 22:00, 11 July 2021 NEW DELHI", "2021-07-11T22:00:00", "published"),  # a place, not a zone
    ("Published on Mon 3 Jun 2019 14.05 BST", "2019-06-03T14:05:00+01:00", "published"),
    ("First published on Wed 13 Mar 2019 09.00 GMT", "2019-03-13T09:00:00+00:00", "first"),
    ("Last modified on Thu 14 Mar 2019 10.30 GMT", "2019-03-14T10:30:00+00:00", "updated"),
    ("2019-03-12T14:05:00Z", "2019-03-12T14:05:00+00:00", "unlabelled"),
    ("Published 2019-03-12 14:05 +05:30", "2019-03-12T14:05:00+05:30", "published"),
    ("Posted at 9:14 p.m. PT on Nov. 5, 2019", "2019-11-05T21:14:00-08:00", "published"),
    ("Jul 4th, 2020, 10:15am EDT", "2020-07-04T10:15:00-04:00", "unlabelled"),
    ("Sept 1, 2020 12:05 AM CET", "2020-09-01T00:05:00+01:00", "unlabelled"),
    ("June 1, 2020 08:00 GMT+5:30", "2020-06-01T08:00:00+05:30", "unlabelled"),
    ("Tuesday, May 26, 2026", "2026-05-26", "unlabelled"),
    ("14 March 2019 14:05", "2019-03-14T14:05:00", "unlabelled"),  # no zone: no offset
    ("By Jo Roe Dec 12, 2016 2:00 PMTags", "2016-12-12T14:00:00", "unlabelled"),  # a label run in
    ("Dec 12, 2016 2:00 amazing scenes", "2016-12-12T02:00:00", "unlabelled"),  # "am…" is no meridiem
])
def test_find_dates(text, iso, kind):
    [found] = find_dates(text)
    assert (found.iso, found.kind) == (iso, kind)


def test_dateparser_ist_trap_is_avoided():
    # dateparser reads IST as Israel (+02:00); our table means India.
    assert find_dates("May 27, 2026 04:37 AM IST")[0].iso.endswith("+05:30")


def test_region_zones_follow_daylight_saving():
    assert find_dates("March 9, 2019 9:00 AM ET")[0].iso.endswith("-05:00")
    assert find_dates("March 11, 2019 9:00 AM ET")[0].iso.endswith("-04:00")
    assert find_dates("July 1, 2019 9:00 AM UK")[0].iso.endswith("+01:00")


def test_unknown_word_after_time_is_not_a_zone():
    [found] = find_dates("March 12, 2019 9:14 PM NEW DELHI")
    assert found.iso == "2019-03-12T21:14:00" and found.zone is None


def test_24_hour_time_with_pm_is_read_as_24_hour():
    [found] = find_dates("March 12, 2019 13:14 PM ET")
    assert found.iso == "2019-03-12T13:14:00-04:00"


@pytest.mark.parametrize("text", ["31 February 2019", "March 12, 2019 25:14 PM ET", "2019-13-01"])
def test_impossible_dates_raise(text):
    with pytest.raises(DateError):
        if not find_dates(text):
            raise DateError("not found")  # "2019-13-01": no month 13, so no date shape either


def test_zone_table():
    assert zone_for("ist").utcoffset(None).total_seconds() == 5.5 * 3600
    assert zone_for("XYZ") is None


@pytest.mark.parametrize(("text", "labelled"), [
    ("Updated: yesterday", True), ("Published on 3 June", True), ("Updated 18:45 GMT", True),
    ("Updated figures show a rise", False), ("Posted at the border, soldiers waited", False),
])
def test_starts_with_label(text, labelled):
    assert starts_with_label(text) is labelled


# --- inline Markdown -----------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "text"), [
    ("signed a **\u201cframework\u201d on Tuesday**, as", "signed a \u201cframework\u201d on Tuesday, as"),
    ("US President [Donald Trump](#) and", "US President Donald Trump and"),
    ("more than \\$30 billion", "more than $30 billion"),
    ("*italic* and __bold__ and `code`", "italic and bold and code"),
    ("Geostategic Engagement (FORGE)", "Geostategic Engagement (FORGE)"),
    ("a photo ![alt text](p.jpg) here", "a photo here"),
    ("<b>raw html</b> stays literal", "<b>raw html</b> stays literal"),
    ("AT&amp;T", "AT&T"),
    ('"Straight quotes" -- and dashes... stay', '"Straight quotes" -- and dashes... stay'),
    ("5 * 3 and snake_case_name", "5 * 3 and snake_case_name"),
])
def test_plain(raw, text):
    assert plain(raw) == text


# --- metadata lines and captions -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("Written by: **Shubhajit Roy** 4 min read New Delhi", ["Shubhajit Roy"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Written by: Ann Lee, Bo Park and Cy Diaz", ["Ann Lee", "Bo Park", "Cy Diaz"]),
    ("By [Jane Doe](https://example.com/jane) & **John Roe**", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, Reuters", ["Jane Doe"]),
    ("By Reuters", ["Reuters"]),
    ("By Ludwig van der Berg and S. Jaishankar", ["Ludwig van der Berg", "S. Jaishankar"]),
])
def test_byline_names(text, names):
    assert read_meta_line(text).authors == names


@pytest.mark.parametrize("text", [
    "By 2030, the plan will be done.",
    "On March 3, 2019 the council voted to close the pool.",
    "by the time we arrived it had gone",
    "Written by hand, the letter ran to six pages.",
    "New Delhi",
])
def test_prose_is_not_a_metadata_line(text):
    assert read_meta_line(text) is None


def test_reading_time_forms():
    assert read_meta_line("By Ann Lee \u00b7 6 min read").reading_time == 6
    assert read_meta_line("Reading time: 7 minutes").reading_time == 7


def test_split_names_rejects_prose():
    assert split_names("the council and the mayor") is None
    assert place_name("NEW DELHI") == "New Delhi" and place_name("the city") is None


@pytest.mark.parametrize(("raw", "caption", "credit"), [
    ("Rubio shakes hands in New Delhi, Tuesday, May 26, 2026. (AP Photo)",
     "Rubio shakes hands in New Delhi, Tuesday, May 26, 2026.", "AP Photo"),
    ("Workers at the port. (Photo: PTI)", "Workers at the port.", "PTI"),
    ("A fan in an office. Photograph: Tom Hill/Reuters", "A fan in an office.", "Tom Hill/Reuters"),
    ("The minister in Delhi (Express Photo by Tashi Tobgyal)", "The minister in Delhi", "Express Photo by Tashi Tobgyal"),
])
def test_caption_and_credit(raw, caption, credit):
    assert read_caption(make_line(1, raw)) == (caption, credit)


@pytest.mark.parametrize("raw", [
    "The talks ended without agreement (as expected).",
    "The company (Acme Ltd) said nothing.",
])
def test_not_a_caption(raw):
    assert read_caption(make_line(1, raw)) is None


# --- decoding and whitespace ---------------------------------------------------------------------

def test_read_lines_normalises_whitespace_only():
    data = "\ufeffA\tb\u00a0\u00a0c\u200bd\r\n\r\n  Rs\u202f5  crore\u200c \rlast".encode("utf-8")
    lines = read_lines(data, "x.txt")
    assert [(l.line, l.raw) for l in lines] == [(1, "A b cd"), (3, "Rs 5 crore\u200c"), (4, "last")]


@pytest.mark.parametrize("line", [
    "Advertisement · Scroll to continue",
    "ADVERTISEMENT | Story continues below",
    "Sponsored content - Advertisement",
])
def test_ad_labels_run_together_are_one_marker(line):
    assert line_rule(line) == "ad-marker"


def test_teaser_headline_with_trailing_attribution_stays_in_the_block():
    lines = ["STORIES YOU MAY LIKE", "Rains likely to arrive early in the south, says weather office",
             "Two held for cheating investors in a port city",
             "The federation welcomed the move, its director said on Monday."]
    assert classify(lines) == ["recommendations", "recommended-headline", "recommended-headline", None]


@pytest.mark.parametrize("line", [
    'The minister said, "We are signing a framework on',  # split prose: reporting verb mid-line
    "Officials said the talks would resume",
])
def test_split_prose_with_a_reporting_verb_is_not_a_headline(line):
    assert not is_headline_like(line)


def test_a_bare_name_after_a_labelled_byline_is_the_dateline_not_a_second_author():
    # "Written by: Name  N min read  Place  Updated: …": the place is unknown to GeoNames.
    meta = read_meta_line("Written by: **Ada Quill** 3 min read Norbridge Falls Updated: January 14, 2026 09:15 AM GMT")
    assert meta.authors == ["Ada Quill"] and meta.dateline == "Norbridge Falls"


def test_inline_fast_path_reads_every_corpus_line_as_markdown_it_does():
    from generator.ingest.inline import _MARKUP, _parsed, plain

    root = Path(__file__).resolve().parent
    files = [*root.glob("realworld/seeds/*/*.txt"), *root.glob("fixtures/**/*.txt"), *root.parent.glob("seeds/*.txt")]
    lines = {line.strip() for f in files for line in f.read_text(encoding="utf-8", errors="replace").splitlines()}
    lines |= {"[a](javascript:alert(1)) b", "[a](data:x) [b](#)", "[x *y*](#)", "[a](b c)", "[[a]](#)", "[a](#)_b_"}
    checked = [line for line in lines if _MARKUP.search(line)]
    assert len(checked) > 1000
    assert [line for line in checked if plain(line) != _parsed(line)] == []


def test_a_date_line_over_a_paragraph_cut_short_is_not_a_section_label():
    """Two words over a line without a full stop read as a kicker over a headline, but
    "Published: 2014-12-28" is the date line, and the line above it the headline."""
    seed = (b"Glenn Maxwell's unbelievable leave\n\nPublished: 2014-12-28\n\nThe Brisbane Heat's Ryan Duffield "
            b"had his second wicket in as many balls when Glenn Maxwell left a ball swinging back into the stumps\n")
    article = ingest(seed, "x.txt")
    assert (article.title, article.published[:10]) == ("Glenn Maxwell's unbelievable leave", "2014-12-28")
