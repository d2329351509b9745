"""countries.txt: country names as the pack's language writes them, from Debian
iso-codes (ISO 3166-1 names and their translations) and CLDR territory names."""

from __future__ import annotations

import gettext
import json

import babel
from babel import Locale

from lexlib import Source, write_pack_file
from sources import ISO_CODES_JSON, LOCALE_DIR

SOURCES = [
    Source("Debian iso-codes iso_3166-1.json and its iso_3166-1.mo translations", "LGPL-2.1+"),
    Source(f"Unicode CLDR territory names via PyPI babel {babel.__version__}", "Unicode licence; babel BSD-3-Clause"),
]

LANGS = ("de", "en", "fr", "sv")


def iso_countries() -> list[dict[str, str]]:
    return json.loads((ISO_CODES_JSON / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]


def translator(domain: str, lang: str) -> gettext.NullTranslations:
    """English is the msgid language of iso-codes; other languages read the .mo catalogue."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir=str(LOCALE_DIR), languages=[lang])


def usable(name: str) -> bool:
    """ISO's inverted catalogue forms ("Korea, Republic of", "Taiwan, provins i Kina")
    never occur in running text, so they would only cost matching time."""
    return "," not in name and "(" not in name and "[" not in name


def names_for(lang: str) -> dict[str, set[str]]:
    """alpha-2 -> every usable name of that country in `lang`."""
    t = translator("iso_3166-1", lang)
    territories = Locale.parse(lang).territories
    out: dict[str, set[str]] = {}
    for c in iso_countries():
        names = {t.gettext(c[key]) for key in ("name", "official_name", "common_name") if key in c}
        if c["alpha_2"] in territories:
            names.add(territories[c["alpha_2"]])
        out[c["alpha_2"]] = {n for n in names if usable(n)}
    return out


def generate() -> dict[str, int]:
    counts = {}
    for lang in LANGS:
        entries = set().union(*names_for(lang).values())
        counts[lang] = write_pack_file(lang, "countries.txt", SOURCES, entries)
    return counts
