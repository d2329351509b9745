"""nationalities.txt: every inflected form of the nationality adjectives in
demonyms.tsv (hand-written base forms), derived by one rule per language:

- en: adjectives do not inflect; the base form is the only form.
- sv: -sk adjectives take -a (plural/definite), -t (neuter) and -e (masculine
  definite, "den svenske"): svensk, svenska, svenskt, svenske.
- de: strong/weak/mixed declension adds -e, -em, -en, -er, -es to the stem; a form
  marked "!" ("Schweizer") is indeclinable.
- fr: masculine singular -> feminine (+e; -ien -> -ienne, -éen -> -éenne, a final -e
  stays), plurals (+s unless the form ends in -s/-x); the noun for the people is the
  same word capitalized ("les Suédois", "une Française")."""

from __future__ import annotations

from pathlib import Path

from lexlib import Source, fail, write_pack_file

DATA = Path(__file__).with_name("demonyms.tsv")
SOURCES = [Source("scripts/lexicons/demonyms.tsv (hand-written base forms; no published source has them inflected)",
                  "project licence")]
LANGS = ("en", "sv", "fr", "de")


def read_rows() -> list[tuple[int, str, dict[str, list[str]]]]:
    rows = []
    seen = set()
    for n, raw in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if not raw or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 1 + len(LANGS):
            raise fail(DATA, f"expected {1 + len(LANGS)} tab-separated columns, got {len(cols)}", n)
        code = cols[0]
        if len(code) != 2 or not code.isupper() or code in seen:
            raise fail(DATA, f"bad or repeated country code {code!r}", n)
        seen.add(code)
        cells = {lang: [f for f in cell.split("|") if f] for lang, cell in zip(LANGS, cols[1:])}
        for lang, forms in cells.items():
            if not forms:
                raise fail(DATA, f"{code}: empty {lang} cell", n)
        rows.append((n, code, cells))
    return rows


def inflect(lang: str, base: str, line: int) -> set[str]:
    if base.endswith("!"):
        return {base[:-1]}
    if lang == "en":
        return {base}
    if lang == "sv":
        if not base.endswith("sk"):
            raise fail(DATA, f"sv form {base!r} does not end in -sk; mark it '!' if indeclinable", line)
        return {base, base + "a", base + "t", base + "e"}
    if lang == "de":
        return {base + ending for ending in ("", "e", "em", "en", "er", "es")}
    if lang == "fr":
        return french(base)
    raise fail(DATA, f"no rule for language {lang}", line)


def french(masc: str) -> set[str]:
    if masc.endswith("e"):
        fem = masc
    elif masc.endswith(("ien", "éen")):
        fem = masc + "ne"
    elif masc == "grec":
        fem = "grecque"
    elif masc.endswith("c"):
        fem = masc[:-1] + "que"  # "turc" -> "turque"
    else:
        fem = masc + "e"
    masc_pl = masc if masc.endswith(("s", "x")) else masc + "s"
    forms = {masc, fem, masc_pl, fem + "s"}
    return forms | {f[:1].upper() + f[1:] for f in forms}


def generate() -> dict[str, int]:
    rows = read_rows()
    counts = {}
    for lang in sorted(LANGS):
        entries = {form for n, _, cells in rows for base in cells[lang] for form in inflect(lang, base, n)}
        counts[lang] = write_pack_file(lang, "nationalities.txt", SOURCES, entries)
    return counts
