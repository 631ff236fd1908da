"""Dates resolved against publication and the text's own reference points (issue 4's cases and
the same rules in articles published on other weekdays and in other years)."""

import pytest

from tests.test_extract_support import run

WED_27_MAY_2026 = "2026-05-27T04:37:00+05:30"


def events(*paragraphs, published=WED_27_MAY_2026):
    return [(e.text, e.date, e.precision, e.approximate) for e in run(*paragraphs, published=published).events]


def test_issue_cases_in_article_published_wednesday_27_may_2026():
    found = events(
        "India and the US signed a framework on Tuesday, as Jaishankar met Marco Rubio.",
        "It comes days after Donald Trump and Xi Jinping met in Beijing.",
        "The groundwork was laid in February 2026 in Washington.",
        "Rubio recalled that it began on February 4. \"It gained momentum later that month,\" he said.",
    )
    assert found == [
        ("on Tuesday", "2026-05-26", "day", False),
        ("days after", "2026-05", "month", True),
        ("in February 2026", "2026-02", "month", False),
        ("on February 4", "2026-02-04", "day", False),
        ("later that month", "2026-02", "month", True),
    ]


@pytest.mark.parametrize("published, text, expected", [
    # Published on a Monday: "on Saturday" is two days back, "on Monday" is the same day.
    ("2021-01-04", "They agreed on Saturday.", ("2021-01-02", "day", False)),
    ("2021-01-04", "They agreed on Monday.", ("2021-01-04", "day", False)),
    # The future tense looks ahead; "next"/"last" always do.
    ("2019-11-08", "The vote will be held on Thursday.", ("2019-11-14", "day", False)),
    ("2020-02-29", "It reports again next Friday.", ("2020-03-06", "day", False)),
    ("2020-02-29", "It last reported last Saturday.", ("2020-02-22", "day", False)),
    # Year boundaries: a bare date is the last one unless the clause looks ahead.
    ("2021-01-04", "It was their first meeting since December 28.", ("2020-12-28", "day", False)),
    ("2021-01-04", "Talks are expected to resume on January 18.", ("2021-01-18", "day", False)),
    ("2018-12-01", "The deal was announced on March 3.", ("2018-03-03", "day", False)),
    ("2024-03-14", "Firms had until 30 April to apply.", ("2024-04-30", "day", False)),
    ("2014-12-29", "The film opens in theaters on Dec. 31.", ("2014-12-31", "day", False)),  # two days on, not last year
    ("2024-10-31", "Orders had doubled since January.", ("2024-01", "month", False)),
    ("2025-01-09", "The council would publish its report by June.", ("2025-06", "month", False)),
    ("2023-08-20", "Work is due to begin in mid-March.", ("2024-03", "month", True)),
    # Relative to publication.
    ("2025-01-09", "He said last week that it had lost deposits.", ("2025-01-02", "day", True)),
    ("2021-01-04", "Officials will meet next month.", ("2021-02", "month", False)),
    ("2021-01-04", "The ministry said last month it had acted.", ("2020-12", "month", False)),
    ("2023-08-20", "She said earlier this year that it would grow.", ("2023", "year", False)),  # still this year
    ("2023-08-20", "Sales fell late last year.", ("2022", "year", True)),
    ("2020-02-29", "He spoke three days ago.", ("2020-02-26", "day", False)),
    ("2022-06-05", "The council said yesterday that it would close.", ("2022-06-04", "day", False)),
    ("2022-06-05", "A campaign began last year.", ("2021", "year", False)),
    # Absolute forms.
    ("2019-11-08", "It passed the House on Oct. 30.", ("2019-10-30", "day", False)),
    ("2019-11-08", "It began in 2019.", ("2019", "year", False)),
    ("2019-11-08", "The first awards could go out as early as March 2020.", ("2020-03", "month", False)),
    ("2020-02-29", "Cases rose from 2020-02-01.", ("2020-02-01", "day", False)),
    ("2026-05-27", "It was signed on Tuesday, May 26, 2026.", ("2026-05-26", "day", False)),
    ("2026-05-27", "It was signed on 26 May 2026.", ("2026-05-26", "day", False)),
    ("2023-08-20", "It will be finished in late 2028.", ("2028", "year", True)),
    ("2024-03-14", "Hubs will be built by the end of 2027.", ("2027", "year", True)),
])
def test_resolution(published, text, expected):
    [(_, *value)] = events(text, published=published)
    assert tuple(value) == expected


def test_anaphora_use_the_last_date_of_their_precision():
    found = events("Councillors voted on Thursday night, ending a campaign that began last year.",
                   "Campaigners gathered outside the town hall the next day.", published="2022-06-05")
    assert found[-1] == ("the next day", "2022-06-03", "day", False)


def test_year_earlier_in_sentence_dates_a_bare_day():
    found = events("In 2019, talks began on March 3 in Oslo.", published="2024-03-14")
    assert found == [("In 2019", "2019", "year", False), ("on March 3", "2019-03-03", "day", False)]


def test_relative_dates_inside_quotations_are_left_alone_absolute_ones_kept():
    found = events('"We are today signing it, five years ago we could not," he said.',
                   '"In 2015 we spent millions," he said.', published="2019-11-08")
    assert found == [("In 2015", "2015", "year", False)]


@pytest.mark.parametrize("text", [
    "We are here.", "4 min read", "$30 billion", "The Sun said on Sat", "Sales rose 2019 units",
    "the 1990s", "May we go?", "February 30, 2026", "That day was fine.",
])
def test_not_dates(text):
    assert events(text) == []


def test_events_carry_sentence_paragraph_and_entities():
    [event] = run("Intro.", "Marco Rubio met Jaishankar in India on Tuesday. Then he left.").events
    assert event.paragraph == 1
    assert event.sentence == "Marco Rubio met Jaishankar in India on Tuesday."
    assert event.entities == ("marco-rubio", "s-jaishankar", "india")
