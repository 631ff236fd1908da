"""Sentence splitting: abbreviations, initials, quotations."""

import pytest

from generator.sentences import split_article, split_paragraph


@pytest.mark.parametrize("text, expected", [
    ("He met S. Jaishankar. They talked.", ["He met S. Jaishankar.", "They talked."]),
    ("Mr. Rubio left on Jan. 5 for Delhi. Dr Lee stayed.", ["Mr. Rubio left on Jan. 5 for Delhi.", "Dr Lee stayed."]),
    ('He said, "We are ready. This is timely." Then he left.',
     ['He said, "We are ready.', 'This is timely."', "Then he left."]),
    ('"Is it?" he asked. "Yes!" She left.', ['"Is it?" he asked.', '"Yes!"', "She left."]),
    ("Talks in Washington, D.C. on Friday ended. Talks in the U.S. The end.",
     ["Talks in Washington, D.C. on Friday ended.", "Talks in the U.S.", "The end."]),
    ("It cost Rs. 500. No. 10 agreed.", ["It cost Rs. 500.", "No. 10 agreed."]),
    ("The vote was 14-8. Mr. Daniels voted no.", ["The vote was 14-8.", "Mr. Daniels voted no."]),
    ("  Trailing spaces.  ", ["Trailing spaces."]),
    ("", []),
])
def test_split_paragraph(text, expected):
    assert [text[a:b] for a, b in split_paragraph(text)] == expected


def test_split_article_keeps_paragraph_and_offsets():
    sentences = split_article(["One. Two.", "Three."])
    assert [(s.paragraph, s.start, s.end, s.text) for s in sentences] == [
        (0, 0, 4, "One."), (0, 5, 9, "Two."), (1, 0, 6, "Three.")]


def test_a_time_of_day_does_not_end_a_sentence_unless_one_plainly_starts():
    def texts(text):
        return [text[a:b] for a, b in split_paragraph(text)]

    assert texts("The vote was held at 9 a.m. Monday in the hall.") == ["The vote was held at 9 a.m. Monday in the hall."]
    assert texts("Polls close at 8 p.m. Results follow.") == ["Polls close at 8 p.m. Results follow."]
    assert texts("It ended at 9 a.m. The talks resume today.") == ["It ended at 9 a.m.", "The talks resume today."]
