"""Extraction rules added while tuning on the real-world corpus's tuning half (issue 14): each is
tested here on sentences of its own (other names, other words), so that the rule, not the
article, is what passes. A rule is kept only when the locked half does not get worse."""

from tests.test_extract_support import run


def names(*paragraphs: str) -> dict[str, str]:
    return {e.name: e.type for e in run(*paragraphs).entities}


def test_a_plural_possessive_ends_the_name_before_it():
    found = names("Sky News’ Anna Berrow asked the minister, and Sky News' Tom Hale agreed.")
    assert "Anna Berrow" in found and "Tom Hale" in found
    assert not any("News’ " in name or "News' " in name for name in found)


def test_a_capitalised_word_with_a_lower_case_tail_opening_a_run_is_not_a_name():
    found = names("The Senate-approved plan failed. Labour-backed councils objected.",
                  "Democrat-drafted rules and an A-list cast were mentioned, as was Lee Kuan-yew.")
    assert not any(name.startswith(("Senate-approved", "Democrat-drafted", "A-list")) for name in found)
    assert "Lee Kuan-yew" in found  # after a name, the lower-case half of a given name


def test_plural_and_compound_demonyms_are_not_names():
    found = names("Many Iranians and Afro-Americans voted; Kenyans did too, said Omar Bakri.")
    assert not {"Iranians", "Afro-Americans"} & set(found)
    assert "Omar Bakri" in found


def test_a_run_of_words_in_capitals_is_a_display_line_not_a_name():
    found = names("SUMMER FUN IN THE PARK was the caption. The WHO and NASA JPL took part.")
    assert not any("SUMMER" in name for name in found)
    assert "WHO" in found


def test_a_sentence_opening_gerund_is_not_part_of_the_name_after_it():
    found = names("Quoting the Royal Society of Chemistry, she left. Gosling said no more.")
    assert "Royal Society of Chemistry" in found
    assert not any(name.startswith("Quoting") for name in found)
    assert "Gosling" in found  # alone, a word ending in -ing may be a name


def test_and_joins_an_institution_whose_first_words_open_its_name():
    found = names("The National Maritime and Coastal Authority said the Federal Rail and Transit "
                  "Commission agreed. Wen Bo and National Grain Bureau staff met.")
    assert found.get("National Maritime and Coastal Authority") == "organisation"
    assert "Federal Rail and Transit Commission" in found
    assert "Wen Bo" in found and not any(name.startswith("Wen Bo and") for name in found)


def test_on_joins_a_topic_only_after_an_institution_or_forum_word():
    found = names("The Panel on Ocean Acidification met the Council on Arctic Affairs in Oslo on Friday.",
                  "She flew to Lisbon on TP1352 and met Lars Berg on Tuesday.")
    assert {"Panel on Ocean Acidification", "Council on Arctic Affairs"} <= set(found)
    assert not any(" on " in name for name in found if not name.startswith(("Panel", "Council")))


def test_a_spokesman_speaks_for_the_organisation_named_before_him():
    briefing = run('A Harbour Rail spokesman said: "Services will resume on Monday."',
                   '"We apologise," a Northway Water spokeswoman said.')
    assert [q.speaker_name for q in briefing.quotes] == ["Harbour Rail", "Northway Water"]


def test_a_place_is_never_a_speaker():
    briefing = run('"We will respond," Canada said on Monday.', '"It is over," said Ruth Amsel.')
    assert [q.speaker_name for q in briefing.quotes] == [None, "Ruth Amsel"]


def test_a_capital_inside_one_word_marks_a_brand_speaker_not_a_person():
    found = names('"Launches resume in May," BlueOrbit said.', '"No comment," McAllister said.')
    assert found == {"BlueOrbit": "organisation", "McAllister": "person"}


def dated(published, sentence):
    from generator.extract.dates import DateResolver
    return [(sentence[a:b], r.label(), r.precision) for a, b, r in DateResolver(published).scan(sentence, sentence)]


def test_holidays_of_fixed_date_and_thanksgiving_take_the_year_the_tense_picks():
    from datetime import date
    assert dated(date(2019, 12, 30), "Flights were cancelled on Christmas Day.")[0][1] == "2019-12-25"
    assert dated(date(2019, 12, 20), "The shops will close on Christmas Eve.")[0][1] == "2019-12-24"
    assert dated(date(2021, 12, 1), "Sales rose after Thanksgiving.")[0][1] == "2021-11-25"
    assert dated(date(2022, 10, 2), "The parade returns on Thanksgiving Day.")[0][1] == "2022-11-24"
    assert dated(date(2018, 3, 1), "It opened on Halloween 2016.")[0][1] == "2016-10-31"


def test_a_year_as_a_modifier_is_a_date():
    from datetime import date
    assert [d[1] for d in dated(date(2020, 5, 1), "She cited a 2009 report and his 2012 memo.")] == ["2009", "2012"]


def test_a_gap_after_another_event_is_not_counted_from_publication():
    from datetime import date
    assert dated(date(2020, 5, 1), "Hours after the fire, four months after the flood, crews left.") == []
    assert dated(date(2020, 5, 1), "It comes days after the two leaders met.")[0][1:] == ("2020-04", "month")


def test_an_anaphor_counts_from_a_written_date_not_from_today():
    from datetime import date
    found = dated(date(2014, 12, 29), "The law passed in 1986. Critics today say it failed, almost 30 years later.")
    assert ("30 years later", "2044", "year") not in found


def test_rumoured_and_likely_to_look_ahead():
    from datetime import date
    assert dated(date(2017, 1, 18), "The device is rumored to launch in March.")[0][1] == "2017-03"
    assert dated(date(2017, 1, 18), "The vote is likely to be held in March.")[0][1] == "2017-03"


def test_a_lone_given_name_is_the_one_person_it_opens():
    found = run("Marta Quiroga, a harbour pilot, said the channel was silting up.",
                "Boston Harbor officials agreed. Marta said dredging would start soon, and Boston voted.")
    by_name = {e.name: e for e in found.entities}
    assert "Marta" not in by_name and len(by_name["Marta Quiroga"].mentions) == 2
    assert "Boston" in by_name or "Boston Harbor" in by_name  # not folded into a person
    assert all(e.type != "person" for name, e in by_name.items() if name.startswith("Boston"))


def test_units_file_formats_and_common_technical_acronyms_are_not_entities():
    found = names("The malware encrypts DOC, PNG and JPEG files under 20 MB, sent by SMS over USB, "
                  "said Ines Varga of the NSA.")
    assert not {"DOC", "PNG", "JPEG", "MB", "SMS", "USB"} & set(found)
    assert "NSA" in found and "Ines Varga" in found


def test_a_camel_case_brand_is_one_word_and_no_name_starts_inside_a_word():
    found = names("The new iPad Mini runs tvOS apps, and eBay sells it; the 35A ruling stood.",
                  "Mirela Costa said shipments grew.")
    assert "iPad Mini" in found and "eBay" in found
    assert not {"Pad Mini", "Pad", "OS", "Bay", "A"} & set(found)


def test_a_speaker_named_before_tense_and_adverbs_is_still_the_speaker():
    found = run("Oskar Lind met the envoy. His counterpart Hana Ruzicka had then said: “We will wait.”",
                "Tomas Bek has also said: “Nothing is agreed.”")
    assert [q.speaker_name for q in found.quotes] == ["Hana Ruzicka", "Tomas Bek"]
    assert {e.name: e.type for e in found.entities}["Hana Ruzicka"] == "person"


def test_he_or_she_goes_to_the_nearest_person_the_article_shows_takes_that_pronoun():
    found = run("Maren Holt runs the clinic, and her staff of nine keep it open at night.",
                "Holt hired Dr Piotr Zalewski in May. “We could not cope alone,” she said.")
    assert [q.speaker_name for q in found.quotes] == ["Maren Holt"]


def test_a_pronoun_continues_the_subject_of_the_sentence_before_not_the_last_name_in_it():
    found = run("Dario Venn said his film was finished.",
                "Venn also confirms that Dr Ugo Brass punched him on set, but he laughs about it. "
                "“It was a rite of passage,” he says.")
    assert [q.speaker_name for q in found.quotes] == ["Dario Venn"]


def test_a_pronoun_after_a_nameless_subject_is_no_evidence_for_the_name_in_the_sentence():
    from generator.extract.pronouns import pronouns_of
    from generator.sentences import split_article

    paragraphs = ["The first lady said the election of Tom Reyes drained her husband's hope."]
    start = paragraphs[0].index("Tom Reyes")
    mentions = [(0, start, start + 9, "tom-reyes")]
    sentences = split_article(paragraphs)
    assert pronouns_of(paragraphs, sentences, mentions, lambda i: True, {}) == {}
    paragraphs = ["Tom Reyes said his hope had drained away."]
    assert pronouns_of(paragraphs, split_article(paragraphs), [(0, 0, 9, "tom-reyes")], lambda i: True, {}) \
        == {"tom-reyes": "he"}


def dated_on(published: str, *paragraphs: str) -> list[tuple[str, str, bool]]:
    return [(e.date, e.precision, e.approximate) for e in run(*paragraphs, published=published + "T12:00:00+00:00").events]


def test_an_adjective_or_participle_in_ed_does_not_make_a_clause_past():
    assert dated_on("2014-12-29", "The film is out on Dec. 31 in limited release.",
                 "It hits theaters on Dec. 31, followed by a wider release in January.") == [
        ("2014-12-31", "day", False), ("2014-12-31", "day", False), ("2015-01", "month", False)]


def test_earlier_this_month_is_this_month_and_late_last_month_is_approximately_last_month():
    assert dated_on("2010-10-12", "Earlier this month the board met.", "A study released late last month found it.",
                 "Production was stable throughout 2009.") == [
        ("2010-10", "month", False), ("2010-09", "month", True), ("2009", "year", False)]


def test_months_through_a_span_and_a_month_of_a_year_and_a_weekday_with_its_date_in_brackets():
    assert dated_on("2019-08-21", "The season runs from August through October.",
                    "Visits since January of 2013 rose.", "On Friday (Aug. 23) the band will play.") == [
        ("2019-08", "month", False), ("2019-10", "month", False), ("2013-01", "month", False),
        ("2019-08-23", "day", False)]


def test_a_short_quote_ending_in_a_comma_is_speech_and_joked_or_remembers_attribute_it():
    found = run("“Those hens were clever,” remembers Ines Halloran, the farm's keeper, with a laugh.",
                "“I have signed away my weekends,” Tomas Ruehl joked.")
    assert [(q.text, q.speaker_name) for q in found.quotes] == [
        ("Those hens were clever", "Ines Halloran"), ("I have signed away my weekends", "Tomas Ruehl")]


def test_an_organisation_named_as_a_persons_title_after_said_is_not_the_speaker():
    found = run("“Half the oil is gone,” said NOAA head Imke Sorensen.",
                "“We will appeal,” said the Harbour Authority, which runs the port.")
    assert [q.speaker_name for q in found.quotes] == ["Imke Sorensen", "Harbour Authority"]


def test_a_name_that_only_qualifies_a_noun_is_not_the_speaker_and_an_adverb_does_not_hide_one():
    found = run("“Send letters,” the Blue Harbor Story actress wrote.",
                "“I keep the house,” Ilona Varga famously said.")
    assert [q.speaker_name for q in found.quotes] == [None, "Ilona Varga"]
