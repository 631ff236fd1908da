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
