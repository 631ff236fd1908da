"""Key points are the article's own sentences, in text order, never quotes or dependent clauses."""

from tests.test_extract_support import run


def test_key_points_are_verbatim_sentences_in_order():
    paragraphs = (
        "India and the US signed a critical minerals framework in New Delhi on Tuesday, as Jaishankar met Marco Rubio.",
        "This is significant since there are concerns over supply chains for rare earths and magnets.",
        '"We are today signing a framework on critical minerals and rare earths," Jaishankar said at the ceremony.',
        "The United States is supporting projects with more than $30 billion in letters of interest and loans.",
    )
    briefing = run(*paragraphs)
    points = [(k.paragraph, k.text) for k in briefing.key_points]
    assert points[0] == (0, paragraphs[0])
    assert (3, paragraphs[3]) in points
    assert all(not text.startswith(("This", '"')) for _, text in points)
    assert all(text in paragraphs[i] for i, text in points)
    assert [i for i, _ in points] == sorted(i for i, _ in points)


def test_at_a_glance_opens_with_the_lead_not_a_caption_or_a_teaser_above_it():
    paragraphs = (
        "Harbour cranes could be back at work by spring, officials hope.",                   # teaser
        "Dock workers Lena Osei and Tom Wilde walk past the idle cranes on March 3, 2024.",  # caption
        "In this photo released by the port authority, a crane stands idle at the North Quay on Monday.",
        "The port authority of Kestrel Bay agreed on Monday to spend $40 million repairing the four cranes "
        "that storm damage closed in January, its chairman, Ada Moss, said after the vote.",
        "Repairs will start in April and should take about eight weeks, the authority said in a statement.",
    )
    points = [k.text for k in run(*paragraphs).key_points]
    assert points[0] == paragraphs[3]
    assert not any("photo" in p or "walk past" in p or "officials hope" in p for p in points)


def test_a_short_first_paragraph_still_leads_when_no_paragraph_is_long_enough():
    paragraphs = ("The council approved the Kestrel Bay budget on Monday night.",
                  "Ada Moss said the vote was close and the mayor abstained.")
    assert run(*paragraphs).key_points[0].text == paragraphs[0]


def test_a_caption_sentence_is_never_a_key_point_even_inside_a_long_paragraph():
    paragraph = ("In this image released by Northlight Films, Mara Vell and Ossie Kant appear in a scene from "
                 "the film. The studio said on Friday that the film earned $12 million in its first weekend in "
                 "cinemas across Canada and Britain, more than twice what it had forecast.")
    points = [k.text for k in run(paragraph).key_points]
    assert points and not any(p.startswith("In this image") for p in points)
