"""Money and physical quantities, normalised to base units.

"$30 billion" → 30000000000 USD, "Rs 5,000 crore" → 50000000000 INR, "€2.5bn" → 2500000000 EUR,
"1.2 million tonnes" → 1200000 tonne. Counts of things ("4,000 people"), percentages and
durations are not amounts. One precompiled pattern finds them; no library does this for
Indian-English scales (lakh, crore) and currency prefixes together, hence the table below.
"""

from __future__ import annotations

import re
from decimal import Decimal

import regex

from ..model import Amount

_PREFIX = {  # symbol or code written before the number → ISO 4217
    "US$": "USD", "$": "USD", "USD": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "JPY": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "CNY": "CNY",
    "RMB": "CNY", "AUD": "AUD", "CAD": "CAD", "SGD": "SGD", "HKD": "HKD",
    "₩": "KRW", "CHF": "CHF", "AED": "AED", "SAR": "SAR", "₽": "RUB", "Tk": "BDT",
    "₦": "NGN", "NGN": "NGN", "₱": "PHP", "₺": "TRY", "₴": "UAH", "₪": "ILS", "R$": "BRL",
    "KSh": "KES", "Ksh": "KES", "KES": "KES", "ZAR": "ZAR", "BRL": "BRL", "MXN": "MXN", "RUB": "RUB",
}
_SUFFIX = {  # currency word written after the number → ISO 4217
    "US dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB",
    "won": "KRW", "Swiss francs": "CHF", "dirhams": "AED", "riyals": "SAR", "Australian dollars": "AUD",
    "Canadian dollars": "CAD", "Singapore dollars": "SGD", "Hong Kong dollars": "HKD",
    "naira": "NGN", "rand": "ZAR", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "lira": "TRY",
    "Kenyan shillings": "KES", "Mexican pesos": "MXN", "Philippine pesos": "PHP", "reais": "BRL",
}
_SCALE = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "million": 1e6, "mn": 1e6,
    "m": 1e6, "mln": 1e6, "crore": 1e7, "crores": 1e7, "cr": 1e7, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_UNITS = {  # quantity word → normalised unit
    "tonnes": "tonne", "tonne": "tonne", "metric tons": "tonne", "metric tonnes": "tonne", "tons": "ton",
    "ton": "ton", "barrels": "barrel", "barrel": "barrel", "kilometres": "km", "kilometers": "km",
    "km": "km", "miles": "mile", "mile": "mile", "kilograms": "kg", "kg": "kg", "megawatts": "MW",
    "MW": "MW", "gigawatts": "GW", "GW": "GW", "hectares": "hectare", "acres": "acre", "litres": "litre",
    "liters": "litre", "cubic metres": "cubic metre", "cubic meters": "cubic metre", "kWh": "kWh",
    "GWh": "GWh", "TWh": "TWh", "bpd": "barrels per day", "barrels per day": "barrels per day",
    "square kilometres": "km²", "metres": "metre", "meters": "metre", "sq km": "km²",
    "tonnes per annum": "tonnes per annum", "mtpa": "mtpa", "barrels a day": "barrels per day",
    "MWh": "MWh", "megawatt-hours": "MWh", "gigawatt-hours": "GWh", "kilowatts": "kW", "kW": "kW",
    "square feet": "sq ft", "sq ft": "sq ft", "square miles": "sq mi", "square metres": "m²",
    "square meters": "m²", "feet": "foot", "gallons": "gallon", "kilometre": "km", "kilometer": "km",
    "metre": "metre", "meter": "metre", "hectare": "hectare", "acre": "acre",
}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALES = rf"(?:[\s-]?(?P<scale>{_alternation(_SCALE)})(?:\s(?P<scale2>crore))?(?![\w]))?"
# A range ("$20-30 billion") is kept whole; its value is the lower bound.
_MONEY_BEFORE = rf"(?P<cur>{_alternation(_PREFIX)})\s?{_NUMBER}(?:\s?[-–]\s?\d+(?:\.\d+)?)?{_SCALES}"
_MONEY_AFTER = (rf"{_NUMBER}{_SCALES}\s+(?:(?P<cur2>{_alternation(_SUFFIX)})"
                rf"|(?P<code>USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|CHF))(?!\w)")
_QUANTITY = rf"{_NUMBER}{_SCALES}\s?(?P<unit>{_alternation(_UNITS)})(?![\w²])"
# `regex`, unlike `re`, lets the three alternatives share the group names "num" and "scale".
PATTERN = regex.compile(rf"(?<![\w$€£¥₹.,])(?:{_MONEY_BEFORE}|{_MONEY_AFTER}|{_QUANTITY})")


def find_amounts(paragraph: int, text: str) -> list[Amount]:
    """Every amount in a paragraph, in text order."""
    amounts = []
    for match in PATTERN.finditer(text):
        prefix = match.group("cur")
        if prefix and prefix[0].isalpha() and match.start() and text[match.start() - 1].isalpha():
            continue
        # Decimal: 8.2 * 1e9 in binary floating point is 8199999999.999999.
        value = Decimal(match.group("num").replace(",", ""))
        scale = match.group("scale")
        if scale:
            if scale in ("m", "b", "k", "cr") and not prefix:
                continue  # "5 m" is metres, "5 b" nothing: short scales only after a currency sign
            value *= Decimal(_SCALE[scale.lower()]) * (10 ** 7 if match.group("scale2") else 1)  # "lakh crore"
        currency = _PREFIX.get(prefix) or _SUFFIX.get(match.group("cur2") or "") or match.group("code")
        unit = None if currency else _UNITS[match.group("unit")]
        amounts.append(Amount(match.group(), _clean(value), currency, unit, paragraph))
    return amounts


def _clean(value: Decimal) -> float:
    return float(round(value, 6))
