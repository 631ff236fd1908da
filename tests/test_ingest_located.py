"""Ingest that finds the article on the page (generator/ingest/locate.py) and what it adds: the
text run, the headline by its byline and date lines, page furniture by position and shape,
subheadings, dates read in more forms, and inferred years said out loud.

Seeds here are written for the test (never real articles); the real-world corpus and its scores
are in tests/test_realworld.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build
from generator.config import BuildConfig
from generator.errors import SeedError
from generator.ingest import ingest
from generator.ingest.dates import find_dates
from generator.ingest.locate import text_run
from generator.ingest.shapes import shapes_of
from generator.ingest.sidecar import Sidecar
from generator.ingest.source import read_lines

REGISTRY = Path(__file__).resolve().parent.parent / "registry"

PARAGRAPHS = [
    "The city council approved a new bridge over the river on Tuesday, ending years of debate about how the crossing should be paid for.",
    "Work on the bridge will begin in the autumn, and it should open two years later, the council's engineers told the meeting.",
    "Residents who spoke at the meeting said the old ferry had become too slow for the number of people who now cross the river each day.",
    "The council will borrow most of the money, and the state has promised a grant that covers about a third of the cost of the bridge.",
]


def _seed(*lines: str) -> bytes:
    return "\n\n".join(lines).encode("utf-8")


def _page(*above: str, below: tuple[str, ...] = ()) -> bytes:
    return _seed(*above, *PARAGRAPHS, *below)


def test_menus_and_teasers_above_the_headline_are_page_furniture():
    article = ingest(_page(
        "Home", "News", "Sport", "Council to vote on parking fees next month",  # a teaser in the menu
        "Politics", "Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
    ), "x.txt")
    assert article.title == "Council approves the new bridge over the river"
    assert article.paragraphs == tuple(PARAGRAPHS)
    removed = {r.text: r.rule for r in article.removed}
    assert removed["Council to vote on parking fees next month"] == "above-headline"


def test_a_widgets_labels_run_together_are_not_the_headline():
    article = ingest(_page(
        "My BridgesManage ProfileEmail PreferencesSign Out", "Council approves the new bridge over the river",
        "12 March 2019 09:30 GMT", "Bridge Updates Email AlertsSign UpRiver News",
    ), "x.txt")
    assert article.title == "Council approves the new bridge over the river"
    # one join is a name, not a widget
    article = ingest(_page("Council approves the new bridge on YouTube", "12 March 2019 09:30 GMT"), "x.txt")
    assert article.title == "Council approves the new bridge on YouTube"


def test_the_headline_is_the_title_that_the_text_is_about_not_a_masthead():
    article = ingest(_page(
        "Menu", "Council approves the new bridge over the river", "By Ann Lee",
        "EASTBROOK EVENING GAZETTE", "12 March 2019 09:30 GMT",
    ), "x.txt")
    assert article.title == "Council approves the new bridge over the river"
    assert article.published == "2019-03-12T09:30:00+00:00"


def test_the_headline_stands_above_its_dek_though_the_dek_shares_more_of_the_leads_words():
    headline = "Eastbrook finally gets its new bridge"
    dek = "The city council approved a new bridge over the river on Tuesday after years of debate"
    article = ingest(_page("Menu", headline, dek, "By Ann Lee", "12 March 2019"), "x.txt")
    assert (article.title, article.dek) == (headline, dek)
    # a label of fewer than three content words over the headline is not the headline
    headline = "The city council approves a new bridge over the river"
    article = ingest(_page("Menu", "U.S. Bridge Weekly", headline, "By Ann Lee", "12 March 2019"), "x.txt")
    assert article.title == headline


def test_a_caption_with_its_credit_tail_by_the_byline_is_not_the_headline():
    headline = "Jury clears the Eastbrook council in bridge dispute"
    for caption in ("The city council approved the new bridge over the river. Ann Roe/AP hide caption",
                    "The city council approved the new bridge over the river. | AP Photo Close"):
        article = ingest(_page("Menu", headline, "Facebook", "Twitter", "12 March 2019", "Share", caption), "x.txt")
        assert article.title == headline, caption
    # an initial's full stop is no sentence's end, and a headline of two sentences stays whole
    for title in ("Jury finds the driver guilty in S.C. bridge crash", "The bridge was closed for a decade. Now it is open."):
        assert ingest(_page("Menu", title, "12 March 2019"), "x.txt").title == title


def test_a_caption_labelled_photo_is_neither_the_headline_nor_the_text():
    headline = "Chilli contest leaves two in hospital"
    caption = "Competitors at the chilli contest on Leonard Place, Eastbrook Photo: DEADLINE"
    article = ingest(_seed(headline, "A chilli competition left two people in hospital.", caption, "12 March 2019",
                           *PARAGRAPHS[:2], caption.replace("Competitors", "Judges"), *PARAGRAPHS[2:]), "x.txt")
    assert article.title == headline
    assert article.caption == "Competitors at the chilli contest on Leonard Place, Eastbrook"
    assert {r.rule for r in article.removed if r.text.startswith("Judges")} == {"photo-caption"}


def test_a_byline_whose_names_cannot_be_read_is_not_the_headline():
    """The hostile seed's byline holds markup, so it reads as no byline; its names are the text's
    first words, where the headline's are script: "By" and two names still make it no headline."""
    seed = (Path(__file__).parent / "fixtures" / "hostile" / "seeds" / "html-and-script.txt").read_bytes()
    assert ingest(seed, "seeds/html-and-script.txt").title.startswith("Council <script>")


def test_an_images_alt_text_without_its_credit_is_not_the_headline():
    headline = "Eastbrook votes for its crossing at last"
    article = ingest(_page(headline, "The council's new bridge over the river ( )", "By Ann Lee", "12 March 2019"),
                     "x.txt")
    assert article.title == headline


def test_a_menu_of_one_line_blurbs_above_the_header_is_not_the_text():
    """The section menu describes each section in a sentence, so the run of prose starts there and
    takes in the header; the article's text starts past its date and byline."""
    blurbs = ("Reporting on what you care about. We hold the powerful to account every day.",
              "Self care and ideas to help you live a healthier, happier life at home and at work.")
    headline = "Eastbrook votes for its new bridge at last"
    article = ingest(_seed("Contact", *blurbs, "News", "Posted on 12 March 2019", headline,
                           "The river crossing was promised for a decade.", "by Ann Lee", *PARAGRAPHS, *PARAGRAPHS[:2]
                           [::-1]), "x.txt")
    assert article.title == headline
    assert article.paragraphs == (*PARAGRAPHS, *PARAGRAPHS[:2][::-1])
    assert article.authors == ("Ann Lee",)


def test_an_abbreviations_stop_is_no_captions_end():
    headline = "Police release photos of the bridge robbery suspect from Dec. 22 at Eastbrook Bank"
    article = ingest(_page("The Eastbrook Times", "The Westbrook Gazette", headline, "By Ann Lee", "12 March 2019"),
                     "x.txt")
    assert article.title == headline


def test_the_headline_shares_the_articles_words_not_the_footers():
    """A short article's lead is its own text: a promotion printed above the headline and again in
    the footer under the text shares no word with the article and stays furniture."""
    promo = "Bridge Pass: One Month for Only $1"
    headline = "Ferry crossing to close when the council opens the bridge"
    footer = ("Special Offer", promo, "Bridge Pass gives you a month of crossings for only one dollar",
              "Offer for new members only, one month, one dollar, any crossing")
    article = ingest(_page("Special Offer", promo, "Join Today", headline, "By Ann Lee 12 March 2019",
                           below=footer), "x.txt")
    assert article.title == headline


def test_the_headline_the_page_repeats_above_the_text_wins_over_a_dek_by_the_byline():
    headline = "Council approves a new bridge over the river after years of debate"
    seed = _page(
        f"{headline} | Eastbrook News", "News", headline,
        "The city council approved a new bridge over the river on Tuesday.",  # the dek
        "Share this story", "Work on the bridge over the river will begin in the autumn",  # a second dek
        "By Ann Lee", "12 March 2019",
    )
    assert ingest(seed, "x.txt").title == headline


COMMENTS = (  # readers' comments about the story: they share its words, but each has its time
    "Top Comments",
    "riverfan", "3 hours ago",
    "The council approved the bridge at last, and the ferry over the river has been slow for years; the queue on a Monday is longer than ever.",
    "Score: 12 Votes",
    "bridgewatcher", "5 hours ago",
    "The council promised a bridge over the river ten years ago and nothing happened, so I will believe it when the engineers begin the work.",
    "Score: 9 Votes",
    "eastbrook_mum", "6 hours ago",
    "A bridge over the river is great news for the school run, the children spend an hour a day on the ferry and the council never cared.",
    "Score: 4 Votes",
)


def test_comments_under_their_times_are_not_the_text_but_a_video_in_the_text_is_bridged():
    article = ingest(_page("Council approves the new bridge", "By Ann Lee", "12 March 2019", below=COMMENTS), "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS)
    video = ("Watch: the council's vote on the bridge", "11 March 2019 02:46")
    seed = _seed("Council approves the new bridge", "By Ann Lee", "12 March 2019", PARAGRAPHS[0], *video, *PARAGRAPHS[1:])
    assert ingest(seed, "x.txt").paragraphs == tuple(PARAGRAPHS)


LONG_COMMENTS = tuple(line for n in range(4) for line in (
    f"Reader{n} says:" if n % 2 else f"Reader {n} ({n + 1} hours ago)",
    "I have crossed the river on that ferry for twenty years and the bridge is the best news the town has had in a "
    "very long time, because the ferry is slow and the council has been promising a crossing since my children were small.",
))


def test_a_comment_section_of_long_comments_ends_the_text():
    """Each comment says as much as a paragraph, and the bridge is its topic too: past the
    article's 150 words of prose, the items' heads ("Reader0 says:") end the text."""
    more = ("Engineers expect the crossing to carry about twelve thousand cars a day once it opens, and the ferry "
            "company has said that it will stop its service on the morning the bridge opens to traffic.",
            "The council's leader said the vote closed a debate that had lasted longer than most of its members had "
            "served, and that the town would now turn to the question of what to build on the old ferry landing.")
    article = ingest(_page("Council approves the new bridge", "By Ann Lee", "12 March 2019",
                           below=more + LONG_COMMENTS), "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS) + more


def test_a_list_of_dated_headlines_inside_the_text_is_bridged_and_an_embedded_posts_credit_too():
    related = ("Related Articles", "School board names a new head", "30 Dec 2014", "Flooding closes two roads",
               "30 Dec 2014", "Police seek witnesses after a fire", "30 Dec 2014")
    seed = _seed("Council approves the new bridge", "By Ann Lee", "12 March 2019", *PARAGRAPHS[:2], *related,
                 *PARAGRAPHS[2:])
    assert ingest(seed, "x.txt").paragraphs == tuple(PARAGRAPHS)  # the items have no text of their own
    posts = [line for n in range(3) for line in (
        f"The bridge will change how the town gets to work, number {n}, said a resident on social media today.",
        f"\u2014 Ann Roe (@annroe{n}) March {n + 10}, 2019")]
    seed = _seed("Council approves the new bridge", "By Ann Lee", "12 March 2019", *PARAGRAPHS[:2], *posts,
                 *PARAGRAPHS[2:])
    assert ingest(seed, "x.txt").paragraphs[-2:] == tuple(PARAGRAPHS[2:])


def test_related_headlines_and_footer_after_the_text_are_removed():
    article = ingest(_page(
        "Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
        below=("School board names a new head", "Flooding closes two roads south of the river",
               "Police seek witnesses after a fire", "About us", "Contact", "Terms of use"),
    ), "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS)
    rules = {r.text: r.rule for r in article.removed}
    # no widget title above them, so no phrase rule knows them: they go by position and shape
    assert set(rules.values()) == {"after-text"} and len(rules) == 6


def test_a_short_title_line_with_prose_under_it_is_a_subheading_and_one_without_is_not():
    article = ingest(_seed(
        "Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
        PARAGRAPHS[0], PARAGRAPHS[1], "What it will cost", "Advertisement", PARAGRAPHS[2],
        "Ferry service to end next year", "[Read the full story on the ferry](https://example.com/ferry)", PARAGRAPHS[3],
    ), "x.txt")
    assert [(h.text, h.before) for h in article.subheadings] == [("What it will cost", 2)]
    assert article.paragraphs == tuple(PARAGRAPHS)
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Ferry service to end next year"] == "short-line"


def test_markdown_heading_inside_the_text_is_a_subheading():
    article = ingest(_seed(
        "# Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
        PARAGRAPHS[0], PARAGRAPHS[1], "## The cost", PARAGRAPHS[2], PARAGRAPHS[3],
    ), "x.txt")
    assert [h.text for h in article.subheadings] == ["The cost"]


def test_text_run_is_the_run_with_most_prose():
    lines = read_lines(_seed("Home", "News", *PARAGRAPHS, "About us", "Contact", "Long teaser headline here"), "x")
    assert text_run(shapes_of(lines)) == (2, 5)


def test_dates_run_into_words_and_spelled_out_zones_are_read():
    assert [d.iso for d in find_dates("December 15, 20163:33 PM ET")] == ["2016-12-15T15:33:00-05:00"]
    assert [d.iso for d in find_dates("ReutersDecember 15, 2016 3:33 PM ET")] == ["2016-12-15T15:33:00-05:00"]
    assert [d.iso for d in find_dates("Published 8:15 AM Eastern Time, March 3, 2021")] == ["2021-03-03T08:15:00-05:00"]
    assert [d.iso for d in find_dates("3 June 2021 18:45 (GMT+05:30)")] == ["2021-06-03T18:45:00+05:30"]
    assert [d.iso for d in find_dates("14 January '15, 11:57pm")] == ["2015-01-14T23:57:00"]
    assert [d.iso for d in find_dates("10/9/10 7:15 AM EDT")] == ["2010-10-09T07:15:00-04:00"]
    assert [d.iso for d in find_dates("12.18.14 10:00AM")] == ["2014-12-18T10:00:00"]
    assert [d.iso for d in find_dates("By PHILLIP RAWLS 10/ 5/11 09:19 PM ET")] == ["2011-10-05T21:19:00-04:00"]
    assert [d.iso for d in find_dates("12.22.14 | 12:03 pm |")] == ["2014-12-22T12:03:00"]
    assert find_dates("Version 3.14.15 is out") == []  # dotted, but next to no time: a version
    assert find_dates("v1.2.14 10:00") == [] and find_dates("05.12.14 10:00") == []  # a version; day first?
    assert [d.iso for d in find_dates("by Jane Roe @janeroe November 29, 2016: 3:42 PM ET")] == [
        "2016-11-29T15:42:00-05:00"]
    assert [d.iso for d in find_dates("Updated on 3-Jun-2021")] == ["2021-06-03"]
    assert [d.iso for d in find_dates("2021/06/03 10:45 GMT")] == ["2021-06-03T10:45:00+00:00"]
    assert find_dates("Remember 15, 2016 as a score of 3/4/20") == []


def test_a_date_printed_away_from_the_header_still_builds():
    article = ingest(_page(
        "Council approves the new bridge over the river", "By Ann Lee",
        below=("Share this story", "Posted on 12 March 2019 in Local News"),
    ), "x.txt")
    assert article.published == "2019-03-12"


def test_a_first_published_line_under_the_text_dates_the_article_and_the_header_time_is_the_update():
    page = _page(
        "Council approves the new bridge over the river", "By Ann Lee March 12, 2019: 3:42 PM ET",
        below=(*(p.replace("bridge", "tunnel") for p in PARAGRAPHS), "Eastbrook (Local) First published March 12, 2019: 9:05 AM ET"),
    )
    article = ingest(page, "x.txt")
    assert (article.published, article.updated) == ("2019-03-12T09:05:00-04:00", "2019-03-12T15:42:00-04:00")
    # A "first published" date after the header's day is another story's, not this one's.
    later = _page(
        "Council approves the new bridge over the river", "By Ann Lee March 12, 2019: 3:42 PM ET",
        below=(*(p.replace("bridge", "tunnel") for p in PARAGRAPHS), "Eastbrook (Local) First published March 20, 2019: 9:05 AM ET"),
    )
    assert ingest(later, "x.txt").published == "2019-03-12T15:42:00-04:00"


def test_a_date_inside_a_byline_or_with_a_source_builds():
    article = ingest(_page(
        "Council approves the new bridge over the river", "Ann Lee / Eastbrook Desk / Updated: Oct 9, 2019, 11:05 IST",
    ), "x.txt")
    assert article.published == "2019-10-09T11:05:00+05:30"
    article = ingest(_page(
        "Council approves the new bridge over the river", "Last Updated : Oct 9, 2019 11:05 IST | Source: PTI",
    ), "x.txt")
    assert article.published.startswith("2019-10-09T11:05")


def test_a_year_from_the_copyright_line_is_said_on_the_page_and_in_a_warning(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bridge.txt").write_bytes(_page(
        "Council approves the new bridge over the river", "By Ann Lee", "Updated: 3 June, 18:45 BST",
        below=("© 2019 Eastbrook Gazette. All rights reserved.",),
    ))
    article = ingest((seeds / "bridge.txt").read_bytes(), "seeds/bridge.txt")
    assert article.published == "2019-06-03T18:45:00+01:00"
    assert [(i.part, i.value, i.line) for i in article.inferred] == [("year", "2019", 5)]
    result = build(BuildConfig(seeds, tmp_path / "docs", REGISTRY, None, jobs=1, cache_dir=tmp_path / "cache"))
    [warning] = result.problems.warnings
    assert warning.file.endswith("bridge.txt") and warning.line == 5
    assert "took 2019 from the page's copyright line" in warning.message
    page = next((tmp_path / "docs" / "briefings" / "2019").rglob("*.md")).read_text(encoding="utf-8")
    assert "year not printed on the page: 2019" in page
    again = build(BuildConfig(seeds, tmp_path / "docs", REGISTRY, None, jobs=1, cache_dir=tmp_path / "cache"))
    assert [str(w) for w in again.problems.warnings] == [str(warning)]  # said again on a skipped build


def test_a_seed_with_no_date_at_all_is_still_an_error():
    import pytest

    from generator.errors import SeedError

    with pytest.raises(SeedError, match="no publication date"):
        ingest(_page("Council approves the new bridge over the river", "By Ann Lee"), "x.txt")


def _subheadings_of(*middle: str) -> list[str]:
    article = ingest(_seed(
        "Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
        PARAGRAPHS[0], *middle, PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3],
    ), "x.txt")
    return [h.text for h in article.subheadings]


def test_subheading_shapes():
    assert _subheadings_of("3. Long-distance drones") == ["3. Long-distance drones"]
    assert _subheadings_of("Physical characteristics", "Regolith") == ["Physical characteristics", "Regolith"]
    assert _subheadings_of("What changes now?") == ["What changes now?"]
    assert _subheadings_of("Ava, who did you look up to when you were a young girl?") == []  # an interview question
    assert _subheadings_of("No, it is not overpaid. Here is why") == []  # two sentences
    assert _subheadings_of("ISOLATION: Roads were shut around the hospital") == []  # a caption's label
    assert _subheadings_of("Sept. 2, 2016 02:06") == []  # a date
    assert _subheadings_of("Ferry service to end next year", "Read more") == []  # a teaser's card
    assert _subheadings_of("About the Gazette|Corrections|Contact us") == []  # a bar of links
    assert _subheadings_of("By Ann Lee and Ben Roe") == []  # a byline
    assert _subheadings_of("Instagram: @annlee") == []  # an embedded post's credit
    assert _subheadings_of("Ann Lee (2 hours ago)") == []  # a comment's head


def test_an_embedded_post_and_an_authors_bio_are_page_furniture():
    article = ingest(_page(
        "Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
        below=("Finally a bridge! The ferry queue this morning was an hour long.",
               "\u2014 Sam Roe (@samroe) March 12, 2019",
               "Ann Lee is the Gazette's city hall reporter.",
               "Jo Park is a contributing editor at the Gazette and teaches journalism."),
    ), "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS)
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Finally a bridge! The ferry queue this morning was an hour long."] == "social-embed"
    assert rules["Jo Park is a contributing editor at the Gazette and teaches journalism."] == "author-bio"


def test_a_last_paragraph_about_someone_in_the_past_tense_is_kept():
    last = "Jo Park was the Gazette's editor when the ferry first ran, and she campaigned for the bridge for years."
    article = ingest(_page("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           below=(last,)), "x.txt")
    assert article.paragraphs[-1] == last


def test_review_cases_never_crash_and_never_lose_a_short_headline():
    from generator.errors import SeedError

    for data in (
        "Head line here\n\n29 February, 18:45\n\n" + PARAGRAPHS[0] + "\n\n© 2019 Acme",  # no 29 Feb in 2019
        "Bridge opens\n\nPublished: 3 June 2019\n\nUpdated: 29 February, 18:45\n\n" + PARAGRAPHS[0],
        "Bridge opens\n\nMay 3, 2019 8:15 AM \u017fingapore time\n\n" + PARAGRAPHS[0],  # long s under re.I
    ):
        try:
            ingest(data.encode(), "x.txt")
        except SeedError:
            pass
    article = ingest(_seed("Brexit delayed", "May 3, 2019", *PARAGRAPHS), "x.txt")
    assert article.title == "Brexit delayed" and article.paragraphs == tuple(PARAGRAPHS)


def test_a_date_taken_from_a_sentence_away_from_the_header_is_said_to_be_so():
    article = ingest(_seed(
        "Council approves the new bridge over the river", "By Ann Lee",
        "The old bridge was opened by the mayor on August 14, 1935",  # a caption, not a date line
        *PARAGRAPHS,
    ), "x.txt")
    assert article.published == "1935-08-14"
    assert [(i.part, i.line) for i in article.inferred] == [("date", 5)]


def test_two_digit_years_outside_the_us_are_not_guessed():
    assert find_dates("01/09/17 10:00 IST") == []
    assert [d.iso for d in find_dates("01/09/17 10:00 EST")] == ["2017-01-09T10:00:00-05:00"]


def test_short_whole_sentences_stay():
    article = ingest(_seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           PARAGRAPHS[0], "He agreed.", *PARAGRAPHS[1:]), "x.txt")
    assert "He agreed." in article.paragraphs


def test_the_date_and_byline_printed_at_the_texts_foot_date_the_article():
    """Some pages print "December 17, 2014 at 08:01PM EST by Rachel Evans" under the article,
    after a source line; with no date in the header, that one is the article's."""
    article = ingest(_seed("Menu", "Council approves the new bridge over the river", "Share Tweet", *PARAGRAPHS,
                           "Source: City Hall", "March 12, 2019 at 02:05PM EST by Ann Lee", "Related:",
                           "Tags, Bridges, River"), "x.txt")
    assert article.title == "Council approves the new bridge over the river"
    assert article.published == "2019-03-12T14:05:00-05:00" and not article.inferred
    assert article.paragraphs[-3:] == tuple(PARAGRAPHS[1:])  # (the first, under no byline, reads as a dek)
    far = _seed("Council approves the new bridge over the river", *PARAGRAPHS, "Related:", "More", "Most read",
                "Share", "March 12, 2019 at 02:05PM EST by Ann Lee")
    with pytest.raises(SeedError, match="no publication date found"):
        ingest(far, "x.txt")  # further down it may be another item's (a comment's, a teaser's)


def test_a_list_after_the_text_and_the_line_that_opens_it_are_the_texts():
    items = ("1. Wrap blouse, Net-A-Porter, $167", "2. Feline festive socks, Modcloth, $8",
             "3. Wedgie fit jeans, Levi’s, $89.50")
    article = ingest(_seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           *PARAGRAPHS, "What the council will pay for:", *items, "Sponsored Content",
                           "FROM THE WEB", "Most read"), "x.txt")
    assert article.paragraphs[-3:] == items
    assert "Sponsored Content" not in article.paragraphs


def test_a_headline_and_byline_over_a_long_menu_still_head_the_text():
    """Thirty lines of a section's menu between the byline and the text: the header stands
    further up than the header window, with no prose between, and is still the article's."""
    menu = [f"Bed and breakfasts in region {n}" for n in range(30)]
    seed = _seed("Travel", "Council approves the new bridge over the river", "By Ann Lee", *menu,
                 "Find a Bed and Breakfast", "Sign up", *PARAGRAPHS, "Related Articles", "12 March 2019")
    article = ingest(seed, "x.txt")
    assert article.title == "Council approves the new bridge over the river"
    assert article.authors == ("Ann Lee",)


def test_a_caption_with_its_credit_run_in_is_not_the_headline():
    """Printed twice and sharing the lead's words, "… in an undated picture.Facebook" outscored
    the headline; its credit run into its last word says it is a caption."""
    seed = _seed("News", "Years of talk end at last", "Published March 12, 2019", "Fox News Latino",
                 "The city council approved the bridge over the river in an undated picture.Facebook",
                 "The city council approved the bridge over the river in an undated picture.Facebook", *PARAGRAPHS)
    assert ingest(seed, "x.txt").title == "Years of talk end at last"


def test_teaser_titles_after_the_text_are_furniture_though_they_end_with_a_full_stop():
    """"27 People Who Shouldn't Have Bothered Getting Out Of Bed." reads as a sentence by its
    stop; its capitals say it is a headline of another story. A sentence of names is not one."""
    teasers = ("30 Facts That Are So Irresistibly Weird You’ll Want To Tell Your Friends.",
               "27 People Who Shouldn't Have Bothered Getting Out Of Bed.",
               "These 32 Brilliant Vintage Ads Will Immediately Blow You Away. I Would’ve Bought #27!")
    article = ingest(_seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           *PARAGRAPHS, "More from Ann Lee in Springfield.", "Going Viral", *teasers), "x.txt")
    assert not set(teasers) & set(article.paragraphs)
    assert shapes_of(read_lines(b"More from Tom Phillips in Indonesia.", "x.txt"))[0].sentence


def test_paragraphs_a_page_set_as_headings_are_its_text():
    """BuzzFeed marks most paragraphs up as "##": a heading that long, ending as a sentence does,
    is a paragraph of the text (and never a subheading), not furniture before the plain ones."""
    seed = "\n\n".join(["# Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                        f"## {PARAGRAPHS[0]}", "Advertisement", f"## {PARAGRAPHS[1]}",
                        "Instagram: @annroe", PARAGRAPHS[2], PARAGRAPHS[3], "Share This Article"]).encode()
    article = ingest(seed, "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS) and article.subheadings == ()


def test_a_subheading_may_trail_off_with_an_ellipsis():
    article = ingest(_seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           PARAGRAPHS[0], PARAGRAPHS[1], "And then the money...", PARAGRAPHS[2], PARAGRAPHS[3]),
                     "x.txt")
    assert [s.text for s in article.subheadings] == ["And then the money..."]
    assert article.paragraphs == tuple(PARAGRAPHS)


def test_the_writers_bio_closes_the_article_and_what_follows_is_the_pages():
    article = ingest(_seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019",
                           *PARAGRAPHS, "Ann Lee is the senior city writer for the Gazette. Before that she "
                           "covered the courts for ten years.", "Add some good news to your morning and evening.",
                           "To encourage thoughtful and respectful conversations, first and last names will "
                           "appear with each submission.", "Comments"), "x.txt")
    assert article.paragraphs == tuple(PARAGRAPHS)
    rules = {r.text[:20]: r.rule for r in article.removed}
    assert rules["Ann Lee is the senio"] == "author-bio" and rules["To encourage thought"] == "after-bio"


def test_a_short_text_that_is_the_pages_only_prose_bounds_it():
    """A video page: one paragraph under its headline, no date, and a list of other videos'
    titles and sources; none of those is the article's."""
    titles = [line for n in range(10) for line in (f"Other video number {n} about the river", "AP")]
    caption = f"{PARAGRAPHS[0]} {PARAGRAPHS[1]}"
    seed = _seed("News", "Health", "Council approves the new bridge over the river", caption,
                 "Source: Reuters", "Top Trending Videos", *titles)
    article = ingest(seed, "x.txt", Sidecar("x.meta.yml", published="2019-03-12"))
    assert article.paragraphs == (caption,)


def test_a_pitch_printed_twice_above_the_headline_is_not_taken_for_it():
    """A newsletter's pitch, a long sentence printed twice over the headline, got the bonus of
    a headline the page repeats."""
    pitch = "Delivered daily by 8 a.m., Morning Money examines the city council's bridge over the river."
    seed = _seed("My Account", "Morning Money", pitch, "Morning Money", pitch,
                 "By signing up you agree to allow us to collect your user information.", "Sign Up", "Facebook",
                 "Twitter", "Print", "Grim outlook for the bridge", "By Kate Davidson",
                 "10/11/2022 08:00 AM EDT", *PARAGRAPHS)
    assert ingest(seed, "x.txt").title == "Grim outlook for the bridge"


def test_a_dated_teaser_below_the_text_never_replaces_the_article():
    """With no byline or date by the headline, a teaser's title and date further down are not a
    header the article stands under (found in review: its two sentences became the text)."""
    menu = ["Weather", "Traffic", "Sports", "Business", "Opinion", "Obituaries", "Contact us", "Advertise"]
    seed = _seed("Home", "News", "Council approves the new bridge over the river", *PARAGRAPHS, *menu,
                 "School board delays a vote on the new calendar", "March 2, 2019 9:00 AM ET",
                 "The school board said on Monday that it would wait another month before voting on the plan.",
                 "Parents at the meeting said the plan moved the first day of school too early in the year.")
    article = ingest(seed, "x.txt", Sidecar("x.meta.yml", published="2019-03-12"))
    assert article.title == "Council approves the new bridge over the river"
    assert article.paragraphs[:4] == tuple(PARAGRAPHS)


def test_a_date_taken_from_the_texts_foot_is_said_out_loud():
    seed = _seed("Council approves the new bridge over the river", *PARAGRAPHS, *PARAGRAPHS[:2],
                 "School board delays a vote on the calendar", "By John Roe | March 1, 2019 9:00 AM ET")
    article = ingest(seed, "x.txt")
    assert article.published == "2019-03-01T09:00:00-05:00"
    assert [i.part for i in article.inferred] == ["date"]  # a teaser's byline could stand there


def test_a_colon_opens_a_list_of_the_text_only_when_short_and_over_list_items():
    seed = _seed("Council approves the new bridge over the river", "By Ann Lee", "12 March 2019", *PARAGRAPHS,
                 "Readers who liked this story about the bridge went on to read these two:",
                 "Man bites dog in Ohio after a long night out.", "Local bakery wins award for its bread.",
                 "Copyright 2019 Example News. All rights reserved.")
    assert ingest(seed, "x.txt").paragraphs == tuple(PARAGRAPHS)


def test_numbered_section_titles_over_bulleted_lists_are_subheadings():
    seed = "\n\n".join(["Gift guide for the holidays this winter", "By Jane Doe | March 3, 2019 10:00 AM ET",
                        PARAGRAPHS[0], PARAGRAPHS[1], "1. Gifts for the traveller", "- A leather passport holder",
                        "- A small packing cube set", PARAGRAPHS[2], "2. Gifts for the cook",
                        "- A cast iron skillet", "- A good knife", PARAGRAPHS[3]]).encode()
    assert [s.text for s in ingest(seed, "x.txt").subheadings] == ["1. Gifts for the traveller",
                                                                  "2. Gifts for the cook"]


def test_a_heading_that_is_all_link_text_or_capitals_is_not_prose():
    link = "## [" + PARAGRAPHS[0][:-1] + "](https://example.com/story)."
    assert not shapes_of(read_lines(link.encode(), "x.txt"))[0].prose
    shout = "THE PRESIDENT SAID ON MONDAY THAT THE BRIDGE WOULD OPEN IN MAY."
    assert shapes_of(read_lines(shout.encode(), "x.txt"))[0].sentence
