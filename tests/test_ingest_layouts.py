"""Ingest rules for other publishers' layouts, one at a time (the whole layouts are fixture seeds
in tests/fixtures/ingest/): notes and credits, bylines, headlines, captions, datelines, dates."""

from __future__ import annotations

import pytest

from generator.errors import SeedError
from generator.ingest import ingest
from generator.ingest.dates import find_dates
from generator.ingest.header import read_caption, strip_site_name
from generator.ingest.junk import classify, line_rule
from generator.ingest.meta import display_case, read_meta_line, unlabelled_byline
from generator.ingest.source import make_line


def _seed(*lines: str) -> bytes:
    return "\n\n".join(lines).encode("utf-8")


# --- junk: notes, credits and page chrome --------------------------------------------------------

@pytest.mark.parametrize(("line", "rule"), [
    ("Reporting by Jane Doe; Editing by Sam Poe", "credits"),
    ("(Writing by Ann Lee)", "credits"),
    ("(With inputs from PTI)", "credits"),
    ("With agency inputs", "credits"),
    ("Source: Al Jazeera and news agencies", "credits"),
    ("Reuters", "credits"),
    ("(AFP)", "credits"),
    ("(Except for the headline, this story has not been edited by NDTV staff and is published from a "
     "syndicated feed.)", "syndication-note"),
    ("This post originally appeared on Example Review.", "syndication-note"),
    ("This article first appeared in The Eastbrook Times", "syndication-note"),
    ("This story first ran in The Eastbrook Times in 1990, and it changed how people saw the war.", None),
    ("A version of this article appears in print on March 13, 2019, Section A, Page 18.", "print-note"),
    ("When you buy a book using a link on this page, we receive a commission.", "affiliate-note"),
    ("Privacy Notice: Newsletters may contain info about charities. See our Privacy Policy.", "privacy-notice"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "standards-note"),
    ("Why you can trust Sky News", "standards-note"),
    ("Get Latest India News along with Latest News and Top Headlines from India.", "promo"),
    ("Track Latest News Live on Example.com and get news updates from around the world", "promo"),
    ("Media Contact:", "contact"),
    ("Jane Doe, jane.doe@example.com, +1 555 0100", "contact"),
    ("SOURCE Acme Robotics Inc.", "contact"),
    ("Illustration by John Roe", "media-label"),
    ("(Photo by Ann Lee/AFP via Getty Images)", "media-label"),
    ("after newsletter promotion", "subscribe-prompt"),
    ("Get our free Morning Headlines email", "subscribe-prompt"),
    ("Join our commenting forum", "social-prompt"),
    ("Please use Chrome browser for a more accessible video player", "social-prompt"),
    ("Text Size", "share-bar"),
    ("Comment 112", "share-bar"),
    ("4 min", "share-bar"),
    ("Add to your saved stories", "share-bar"),
    ("Order Reprints | Today's Paper | Subscribe", "share-bar"),
])
def test_note_and_chrome_rules(line, rule):
    assert line_rule(line) == rule


@pytest.mark.parametrize("line", [
    "Reporting by the Times showed that crime fell in 2019.",
    "Read more about how the monsoon is forecast in the explainer, an official said.",
    "Follow the heat coverage here as the week goes on, officials said, because it could change.",
    "Source: the ministry said 40 people died",
    "The ministry contributed to this report's cost, officials said.",
    "Associated Press writer Ann Lee in Austin contributed to this report.",  # the article's own line
    "The letter first appeared in print in 1998, when the paper was still a weekly.",
    "We receive a commission on every sale, the company's chief executive said.",
    "The privacy policy change angered readers of the newsletter, regulators said.",
    "The report has not been edited by the court, lawyers said.",
    "Get the ball rolling, the coach told his players before the match.",
    "Large crowds gathered outside the court on Monday.",
    "12 people were hurt in the crash.",
])
def test_notes_never_take_prose(line):
    assert line_rule(line) is None


def test_writer_bio_and_subheading_after_a_block():
    lines = ["CURATED FOR YOU", "How the monsoon shapes India's economy", "What changes now?",
             "Farmers can now fly drones, the ministry said.", "The writer is a professor of planning."]
    assert classify(lines) == ["recommendations", "recommended-headline", None, None, "author-bio"]


def test_topic_list_takes_short_items_in_any_case():
    lines = ["Explore more on these topics", "Rail transport", "news", "Operators said the cuts would cost money."]
    assert classify(lines) == ["recommendations", "topic", "topic", None]


def test_author_bio_only_at_the_end_and_only_for_byline_names():
    lines = [
        "Jane Doe is a witness in the case, the court heard.",
        "The trial continues.",
        "Jane Doe covers transportation for the Metro desk.",
        "John Roe covers technology policy.",
    ]
    assert classify(lines, ("Jane Doe", "John Roe")) == [None, None, "author-bio", "author-bio"]
    assert classify(lines, ("Ann Lee",)) == [None, None, None, None]


# --- headlines -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "clean"), [
    ("Council to close three libraries as budget gap widens - BBC News",
     "Council to close three libraries as budget gap widens"),
    ("State lawmakers pass overhaul of water rules | CNN Politics", "State lawmakers pass overhaul of water rules"),
    ("Central bank raises rates again | Markets | Example Times", "Central bank raises rates again"),
    ("Why the night train is back \u2013 example.com", "Why the night train is back"),
    ("Hamlet review \u2013 a prince for our times", "Hamlet review \u2013 a prince for our times"),
    ("Prices rise - again", "Prices rise - again"),
    ("Rubio and Jaishankar meet - and agree", "Rubio and Jaishankar meet - and agree"),
])
def test_site_name_suffix(title, clean):
    assert strip_site_name(title)[0] == clean


# --- bylines -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "authors", "dateline"), [
    ("By Jane Doe, CNN", ["Jane Doe"], None),
    ("By Jane Doe and John Roe, Example News", ["Jane Doe", "John Roe"], None),
    ("By HT Correspondent, New Delhi", ["HT Correspondent"], "New Delhi"),
    ("By Jane Doe New Delhi", ["Jane Doe"], "New Delhi"),
    ("By JANE DOE and JOHN ROE", ["Jane Doe", "John Roe"], None),
    ("By JANE DOE and JOHN ROE Associated Press", ["Jane Doe", "John Roe"], None),
    ("By Jane Doe, Transport correspondent", ["Jane Doe"], None),
    ("TNN / Updated: Jun 3, 2021, 18:45 IST", [], None),
    ("Reporting from Springfield, Ill.", [], "Springfield"),
    ("Written by: Express News Service", ["Express News Service"], None),
    ("By Jane Doe in Kyiv | 3 June 2021", ["Jane Doe"], "Kyiv"),
    ("Reported by Jane Doe | Edited by John Roe", ["Jane Doe"], None),
    ("Edited by John Roe", ["John Roe"], None),
    ("By health reporter Jane Doe", ["Jane Doe"], None),
    ("By JANE DOE FOR MAILONLINE", ["Jane Doe"], None),
    ("Jane Doe @janedoe / 6:45 PM GMT+1\u2022June 3, 2021", ["Jane Doe"], None),
    ("Jun 3rd 2021 | WASHINGTON, DC", [], "Washington"),
    ("Jun 3, 2021 - Energy & Environment", [], None),
    ("ByJane Doe | June 3, 2021", ["Jane Doe"], None),  # the label run into the name
    ("By Jane Doe, Example.com Contributor | June 3, 2021", ["Jane Doe"], None),
    ("By John Writer", ["John Writer"], None),  # a job that reads as a name, with no outlet, stays
    ("Jane Doe By Jane Doe", ["Jane Doe"], None),  # the author photo's alt text, then the byline
    ("Jane Doe | jdoe@example.com By Jane Doe | jdoe@example.com", ["Jane Doe"], None),
    ("By Jane Doe | jane@example.com | 3 June 2021", ["Jane Doe"], None),
])
def test_byline_forms(text, authors, dateline):
    meta = read_meta_line(text)
    assert (meta.authors, meta.dateline) == (authors, dateline)


@pytest.mark.parametrize(("text", "authors", "dateline"), [
    ("Jane Doe Transport correspondent", ["Jane Doe"], None),
    ("Jane Doe | Mumbai", ["Jane Doe"], "Mumbai"),
    ("Jane Doe in Eastbrook", ["Jane Doe"], "Eastbrook"),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
])
def test_byline_without_by(text, authors, dateline):
    meta = unlabelled_byline(text)
    assert (meta.authors, meta.dateline) == (authors, dateline)


@pytest.mark.parametrize("text", [
    "Local Democracy Reporting Service", "New Delhi", "The council voted on Tuesday.", "Background",
    "The Big Picture", "What Happens Next", "Political Commentator",
    "Jane DoeTwitterNews & Culture Writer", "MagazinesJane DoeCelebrities",  # labels run into names
])
def test_not_a_byline_without_by(text):
    assert unlabelled_byline(text) is None


@pytest.mark.parametrize("label", ["Social Sharing", "See All Articles", "View all stories", "Continue Reading",
                                   "Add your comment", "Your comment:", "Top Comment", "Loading Related Articles...",
                                   "Reply Retweet Favorite"])
def test_page_chrome_labels_are_share_bar_junk(label):
    assert line_rule(label) == "share-bar"


def test_a_widgets_label_in_capitals_is_not_a_byline():
    article = ingest(_seed(
        "Harbour dredging to start", "READ MORE", "READ MORE", "3 June 2021", "Work will start next month.",
    ), "x.txt")
    assert article.authors == ()


def test_topic_list_among_the_metadata():
    article = ingest(_seed(
        "Harbour dredging to start", "By Jane Doe", "BBC News, Eastbrook", "3 June 2021", "Related Topics",
        "Eastbrook", "Work will start next month.",
    ), "x.txt")
    assert (article.authors, article.dateline) == (("Jane Doe",), "Eastbrook")
    assert article.paragraphs == ("Work will start next month.",)
    assert [r.rule for r in article.removed] == ["byline-role", "recommendations", "topic"]


def test_byline_over_several_lines_with_role_and_lone_labels():
    article = ingest(_seed(
        "Senate panel advances drone bill", "The measure passed 18-10.", "By Jane Doe", "and", "John Roe",
        "Congressional reporter", "Published", "3 June 2021", "The committee voted on Thursday.",
    ), "x.txt")
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.published == "2021-06-03"
    assert article.paragraphs == ("The committee voted on Thursday.",)
    assert [r.rule for r in article.removed] == ["byline-role"]


@pytest.mark.parametrize(("word", "shown"), [("McALLEN", "McAllen"), ("NEW", "New"), ("O'NEIL", "O'Neil"),
                                             ("Delhi", "Delhi"), ("JEAN-PAUL", "Jean-Paul")])
def test_display_case(word, shown):
    assert display_case(word) == shown


# --- captions ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "caption", "credit"), [
    ("A delivery drone in Springfield. (Ann Poe/The Example Post)", "A delivery drone in Springfield.",
     "Ann Poe/The Example Post"),
    ("Traffic on Main Street.Credit...Ann Roe for The Example Times", "Traffic on Main Street.",
     "Ann Roe for The Example Times"),
    ("Farmers on a dried riverbed [File: Ann Lee/Reuters]", "Farmers on a dried riverbed", "Ann Lee/Reuters"),
])
def test_more_caption_credits(raw, caption, credit):
    assert read_caption(make_line(1, raw)) == (caption, credit)


def test_not_a_slash_credit():
    assert read_caption(make_line(1, "Sales rose in the quarter (Jan/Feb).")) is None


def test_bbc_image_labels_give_caption_and_credit():
    article = ingest(_seed(
        "Libraries to close", "Jane Doe", "Published", "3 June 2021", "Image source, Getty Images",
        "Image caption, The branch opened in 1962", "Three libraries will close.",
    ), "x.txt")
    assert (article.caption, article.caption_credit) == ("The branch opened in 1962", "Getty Images")
    assert article.authors == ("Jane Doe",) and article.paragraphs == ("Three libraries will close.",)


def test_caption_left_in_the_body_is_taken_out():
    article = ingest(_seed(
        "Heat grips the border", "By Ann Lee", "March 12, 2019", "Officials opened cooling centers.",
        "A worker sprays water on a street. (AP Photo/Eric Gay)", "Demand peaked at 5 p.m.",
    ), "x.txt")
    assert article.caption_credit == "AP Photo/Eric Gay"
    assert article.paragraphs == ("Officials opened cooling centers.", "Demand peaked at 5 p.m.")


# --- datelines: recorded, never rewritten in the text --------------------------------------------

@pytest.mark.parametrize(("opening", "dateline"), [
    ("McALLEN, Texas (AP) \u2014 Officials opened cooling centers.", "McAllen"),
    ("LONDON, June 3 (Reuters) - Shipping lines are studying a route.", "London"),
    ("EASTBROOK, Ohio, June 3, 2021 /PRNewswire/ -- Acme opened a plant.", "Eastbrook"),
    ("Washington CNN \u2014 Lawmakers passed the bill.", "Washington"),
    ("Mumbai: The civic body extended water cuts.", "Mumbai"),
    ("Lucknow, Jun 3 (PTI) Twelve people were killed.", "Lucknow"),
    ("Apple (AAPL) shares rose 3% on Monday.", None),
    ("Update: The civic body extended water cuts.", None),
    ("Officials said \u2014 after a long debate \u2014 that the plan would pass.", None),
])
def test_body_dateline(opening, dateline):
    article = ingest(_seed("Headline of the story", "Published: 3 June 2021", opening), "x.txt")
    assert article.dateline == dateline
    assert article.paragraphs == (opening,)  # the text keeps its dateline exactly as printed


def test_dateline_split_from_its_paragraph_is_joined():
    article = ingest(_seed("Headline of the story", "Published: 3 June 2021", "Springfield, Illinois CNN \u2014",
                           "State lawmakers passed the bill."), "x.txt")
    assert article.paragraphs == ("Springfield, Illinois CNN \u2014 State lawmakers passed the bill.",)


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso"), [
    ("06/03/2021 06:45 PM EDT", "2021-06-03T18:45:00-04:00"),  # US zone: month first
    ("03/06/2021 18:45 IST", "2021-06-03T18:45:00+05:30"),  # elsewhere: day first
    ("25/12/2021", "2021-12-25"),  # unambiguous
    ("Thursday 3 June 2021 18:45, UK", "2021-06-03T18:45:00+01:00"),
    ("Published - June 03, 2021 06:45 pm IST", "2021-06-03T18:45:00+05:30"),
    ("First published on: 03-06-2026 at 18:45 IST", "2026-06-03T18:45:00+05:30"),
    ("03.06.2021", "2021-06-03"),
    ("Jun 3rd 2021 | WASHINGTON, DC", "2021-06-03"),
])
def test_more_date_forms(text, iso):
    assert find_dates(text)[0].iso == iso


def test_year_taken_from_another_header_date():
    article = ingest(_seed("Ferries cancelled", "Published: 2 June 2021", "Updated: 3 June, 18:45 BST", "Text."),
                     "x.txt")
    assert (article.published, article.updated) == ("2021-06-02", "2021-06-03T18:45:00+01:00")


def test_date_without_any_year_is_an_error():
    with pytest.raises(SeedError) as caught:
        ingest(_seed("Ferries cancelled", "Updated: 3 June, 18:45 BST", "Text."), "seeds/x.txt")
    assert "no year" in caught.value.message and caught.value.line == 3


def test_year_less_day_in_prose_is_not_a_date():
    assert find_dates("On March 3 the council voted") == []


def test_only_a_relative_time_is_an_error_that_says_so():
    with pytest.raises(SeedError) as caught:
        ingest(_seed("Ferries cancelled", "By Ann Lee", "Updated 2 hours ago", "Text."), "seeds/x.txt")
    assert "relative time" in caught.value.message


PROSE_THAT_LOOKS_LIKE_JUNK = (
    "Read the full budget and you will find that roads get a third of the money.",
    "Follow the money, the auditor said, and the priorities become clear.",
    "Share prices of local builders rose after the vote.",
    "Sign language interpreters will be hired for council meetings.",
    "Watch repairs begin on Monday in the north of the city.",
    "Join the queue early: permits will be limited.",
    "Get ready for roadworks, the council warned residents.",
    "Reporting by the local paper first revealed the cost overrun.",
    "More roads will be repaired next year than in any year since 2010.",
    "Comments from residents were mostly positive.",
    "Large parts of the ring road will close in July.",
    "Updated figures show the cost rose by 4%.",
    "Published reports suggested the plan would be delayed.",
    "Source code for the council's road map is public, its website says.",
    "Jane Roe is a resident who campaigned for the repairs.",
)


def test_prose_that_looks_like_junk_is_kept():
    article = ingest(_seed(
        "Council approves new budget for road repairs", "The Plan Covers Three Years",
        "By Ann Lee | Published: 3 June 2021", *PROSE_THAT_LOOKS_LIKE_JUNK,
    ), "x.txt")
    assert article.dek == "The Plan Covers Three Years" and article.authors == ("Ann Lee",)
    assert article.paragraphs == PROSE_THAT_LOOKS_LIKE_JUNK and article.removed == ()


@pytest.mark.parametrize(("line", "rule"), [
    ("Oops! Looks like you have exceeded the limit to bookmark the image. Remove some to bookmark this image.",
     "page-message"),
    ("Your session has expired, please login again.", "page-message"),
    ("You are now subscribed to our newsletters. Please check the spam folder.", "page-message"),
    ("Watch Video | What the new courts mean for pending cases", "related-link"),
    ("End of Article", "share-bar"),
])
def test_page_messages_and_links(line, rule):
    assert line_rule(line) == rule


def test_sorry_in_prose_is_kept():
    assert line_rule("Sorry, the minister said, is not a word this government uses.") is None


@pytest.mark.parametrize(("text", "authors"), [
    ("TOI City Desk / TIMESOFINDIA.COM / Updated: Jun 3, 2026, 18:45 IST", ["TOI City Desk"]),
    ("Jane Doe Transport correspondent | 3 June 2021", ["Jane Doe"]),
    ("Mumbai News | Press Trust of India | Updated: June 03, 2021 6:45 pm IST", []),
    ("Will Leitch/November 18, 2016", ["Will Leitch"]),
    ("Jefferson Graham, USA TODAY 3:53 p.m. EST January 25, 2014", ["Jefferson Graham"]),
    ("Updated: 3 June 2021, London", []),
])
def test_byline_on_a_dated_line(text, authors):
    assert read_meta_line(text).authors == authors


def test_metadata_above_the_headline():
    article = ingest(_seed(
        "Jane Doe", "Business", "Jun 3, 2021 6:45 AM", "The Battery Shortage Nobody Saw Coming",
        "Carmakers bought up the supply.", "Photograph: Getty Images", "Makers of drills cannot get cells.",
    ), "x.txt")
    assert (article.title, article.dek, article.authors) == (
        "The Battery Shortage Nobody Saw Coming", "Carmakers bought up the supply.", ("Jane Doe",))
    assert article.published == "2021-06-03T06:45:00" and article.paragraphs == ("Makers of drills cannot get cells.",)
