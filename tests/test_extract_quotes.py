"""Quotes and speakers: before, after, pronouns, organisations, split quotes, partial quotes,
paragraphs that continue a quotation, and unknown speakers left unknown."""

from generator.registry import Registry
from tests.test_extract_support import run


def quotes(*paragraphs, registry=None):
    briefing = run(*paragraphs) if registry is None else run(*paragraphs, registry=registry)
    return [(q.paragraph, q.text[:25], q.speaker) for q in briefing.quotes]


def test_before_after_pronoun_and_organisation_it():
    found = quotes(
        'At the signing ceremony on Tuesday, Jaishankar said, "We are today signing a framework. It is timely."',
        '"This particular framework aims to deepen our cooperation," he said.',
        'Marco Rubio said, "This is a very important step."',
        'The US embassy said that the initiative marks a "milestone" in the partnership.',
        'The US and India will fight "coercive market practices and reduce our vulnerability", it said.',
        'Rubio recalled that it began in February. "It gained momentum later that month," he said.',
    )
    assert found == [
        (0, "We are today signing a fr", "s-jaishankar"),
        (1, "This particular framework", "s-jaishankar"),
        (2, "This is a very important ", "marco-rubio"),
        (3, "milestone", "us-embassy"),
        (4, "coercive market practices", "us-embassy"),
        (5, "It gained momentum later ", "marco-rubio"),
    ]


def test_term_in_quotation_marks_is_not_a_quote():
    assert quotes("India and the US signed a bilateral “critical minerals framework” on Tuesday.") == []


def test_inverted_split_and_continuing_quotes():
    found = quotes('"For too long, families were left behind," said Sen. Laura Whitfield, the Montana '
                   'Democrat who wrote the bill. "This is how we catch them up."',
                   '"We are ready to talk," Mr Harun said after the meeting, "but we need goodwill."',
                   registry=Registry())
    assert [speaker for *_, speaker in found] == ["laura-whitfield", "laura-whitfield", "harun", "harun"]


def test_colon_introduces_multi_paragraph_quotation():
    found = quotes("Judge Helen Marsh of the US District Court in Boston wrote in her ruling:",
                   '"The evidence shows that the carriers compete on 31 routes.',
                   '"The merged company would be free to raise prices."', registry=Registry())
    assert found == [(1, "The evidence shows that t", "helen-marsh"),
                     (2, "The merged company would ", "helen-marsh")]


def test_definite_descriptions_name_the_organisation_or_role():
    found = quotes("The National Public Health Agency (NPHA) said cases doubled.",
                   '"The outbreak is not under control," the agency said.',
                   "Chief Executive Officer Jane Park spoke.",
                   '"We cannot keep up," the chief executive said.', registry=Registry())
    assert [speaker for *_, speaker in found] == ["national-public-health-agency", "jane-park"]


def test_organisation_that_says_it_and_coordinated_verbs():
    found = quotes("Coastal Air said it was disappointed. \"We will appeal,\" it said in a statement.",
                   'The Chamber of Shipping, which represents shipowners, welcomed the deal but warned '
                   'that the sums were "a start, not a solution".', registry=Registry())
    assert [speaker for *_, speaker in found] == ["coastal-air", "chamber-of-shipping"]


def test_a_role_set_off_before_the_name_after_the_verb():
    found = quotes('"This terminal will carry 2.5 million passengers a year," said the authority\'s chief '
                   'executive, Marika Lindqvist.',
                   '"We will appeal," said the head of communications at the port, Ana Ruiz.',
                   '"It is done," said the minister, who declined to say more.', registry=Registry())
    assert [speaker for *_, speaker in found] == ["marika-lindqvist", "ana-ruiz", None]


def test_unknown_speaker_stays_unknown():
    found = quotes('"Nobody knows what comes next," one trader remarked.',
                   '"It is a long road."', registry=Registry())
    assert [speaker for *_, speaker in found] == [None, None]


def test_single_curly_quotes():
    found = quotes("Council leader Janet Moss spoke. ‘We have to be honest about the money,’ she said.",
                   registry=Registry())
    assert found == [(0, "We have to be honest abou", "janet-moss")]
