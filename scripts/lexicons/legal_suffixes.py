"""legal-suffixes.txt: legal-form terms that follow a company name ("Volvo AB",
"Siemens AG", "Apple Inc."), from PyPI cleanco's cleanco.termdata, cased as text writes
them, plus the statutory EU/US forms cleanco lacks (policy.LEGAL_STATUTORY)."""

from __future__ import annotations

from cleanco import termdata

import policy
from lexlib import Source, fail, write_pack_file

SOURCES = [
    Source("PyPI cleanco 2.3 cleanco.termdata (terms_by_country, terms_by_type)", "MIT"),
    Source("scripts/lexicons/policy.py LEGAL_STATUTORY: SE and SCE (EU regulations 2157/2001, 1435/2003), PBC (Delaware GCL §362)",
           "facts from statute"),
]

#: Words written in full, capitalized like a name's word ("Limited", "Company").
CONNECTIVES = {"and", "&", "de", "en", "s", "z"}


def cased(term: str) -> list[str]:
    """How a lower-case cleanco term is written after a company name.

    policy.LEGAL_CASING holds the forms the generic rule gets wrong (GmbH, plc, S.p.A.).
    Otherwise: a word of six letters or more is a word ("limited" -> "Limited"); a
    dotted abbreviation is upper case with its dots ("s.a." -> "S.A.") and, since news
    drops the dots, also without them ("SA"); any other short term is an acronym ("AB")."""
    if term in policy.LEGAL_CASING:
        return list(policy.LEGAL_CASING[term])
    words = term.split(" ")
    if all(w in CONNECTIVES or (w.isalpha() and len(w) >= 6) for w in words):
        return [" ".join(w if w in CONNECTIVES else w.capitalize() for w in words)]
    upper = term.upper()
    if "." in term and " " not in term:
        letters = term.replace(".", "")
        forms = [upper]
        if letters.isalpha() and all(len(p) == 1 for p in term.strip(".").split(".")):
            forms.append(letters.upper())
        return forms
    return [upper]


def terms_for(lang: str) -> set[str]:
    countries = termdata.terms_by_country
    for name in policy.LEGAL_HOME[lang] + policy.LEGAL_INTERNATIONAL:
        if name not in countries:
            raise fail("scripts/lexicons/policy.py", f"cleanco has no country {name!r}")
    share_forms = {t for kind in policy.LEGAL_INTERNATIONAL_TYPES
                   for t in termdata.terms_by_type[kind]}
    terms = {t for c in policy.LEGAL_HOME[lang] for t in countries[c]}
    terms |= {t for c in policy.LEGAL_INTERNATIONAL for t in countries[c] if t in share_forms}
    return {t.strip() for t in terms} - policy.LEGAL_DROP


def generate() -> dict[str, int]:
    counts = {}
    for lang in sorted(policy.LEGAL_HOME):
        entries = {form for t in terms_for(lang) for form in cased(t)}
        entries |= set(policy.LEGAL_STATUTORY)
        counts[lang] = write_pack_file(lang, "legal-suffixes.txt", SOURCES, entries)
    return counts
