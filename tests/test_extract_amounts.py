"""Amounts: money in several currencies and scales, physical quantities; not percentages or counts."""

import pytest

from generator.extract.amounts import find_amounts


@pytest.mark.parametrize("text, expected", [
    ("more than $30 billion in letters", ("$30 billion", 30_000_000_000, "USD", None)),
    ("a Rs 5,000 crore fund", ("Rs 5,000 crore", 50_000_000_000, "INR", None)),
    ("the €2.5bn deal", ("€2.5bn", 2_500_000_000, "EUR", None)),
    ("1.2 million tonnes of coal", ("1.2 million tonnes", 1_200_000, None, "tonne")),
    ("up to ₹1.2 lakh crore", ("₹1.2 lakh crore", 1_200_000_000_000, "INR", None)),
    ("Rs. 25 lakh each", ("Rs. 25 lakh", 2_500_000, "INR", None)),
    ("repairs costing £1.8m.", ("£1.8m", 1_800_000, "GBP", None)),
    ("US$4.5 million", ("US$4.5 million", 4_500_000, "USD", None)),
    ("500 million euros", ("500 million euros", 500_000_000, "EUR", None)),
    ("2.5 billion yuan", ("2.5 billion yuan", 2_500_000_000, "CNY", None)),
    ("a cost of ¥45 billion", ("¥45 billion", 45_000_000_000, "JPY", None)),
    ("3,00,000 tonnes", ("3,00,000 tonnes", 300_000, None, "tonne")),
    ("a 1.2 GW project", ("1.2 GW", 1.2, None, "GW")),
    ("each taller than 250 metres", ("250 metres", 250, None, "metre")),
    ("$20-30 billion", ("$20-30 billion", 20_000_000_000, "USD", None)),
])
def test_amounts(text, expected):
    [amount] = find_amounts(3, text)
    assert (amount.text, amount.value, amount.currency, amount.unit) == expected
    assert amount.paragraph == 3


@pytest.mark.parametrize("text", [
    "12 per cent", "48 percent", "4 min read", "1,400 cooperative banks", "billions of dollars",
    "5 m away", "in 2019", "NRs5",
])
def test_not_amounts(text):
    assert find_amounts(0, text) == []
