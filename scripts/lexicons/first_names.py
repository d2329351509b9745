"""first-names.txt: first names with some frequency in the pack's countries, from
Jörg Michael's first-name dictionary (nam_dict.txt, shipped by PyPI gender-guesser).

Format of nam_dict.txt (its own header documents it): a gender code in columns 1-2,
the name in columns 4-29, a sort marker in column 30 ('+' lines duplicate '-' lines
sorted by expanded umlauts and are skipped), then one hexadecimal frequency digit per
country column (1 = rare ... D = extremely common). Lines starting with '=' pair
short and long forms and carry no frequencies.

Character codes: the upstream file writes letters outside Latin-1 as codes (e.g.
"<ä>"-style and "<IJ>"); gender-guesser 0.4.0 ships it already decoded to UTF-8,
except that the Dutch digraph IJ became the ligature U+0132/U+0133 ("Ĳsbrand"),
which text never uses: it is expanded back to "IJ"/"ij". A '+' inside a name (Arabic,
Chinese, Korean) stands for '-', ' ' or nothing ("Jun+Wei"): the '-' and joined
forms are kept; the spaced form is two tokens, which the extractor reads as a first
name followed by another capitalized word anyway."""

from __future__ import annotations

import babel
from babel import Locale
from wordfreq import top_n_list

import policy
from lexlib import Source, fail, write_pack_file
from sources import NAM_DICT

SOURCES = [
    Source("Jörg Michael's nam_dict.txt in PyPI gender-guesser 0.4.0", "GNU FDL 1.2 or later"),
    Source("PyPI wordfreq 3.1.1 top words (filter only)", "wordfreq data CC BY-SA 4.0"),
    Source(f"Unicode CLDR month and weekday names via PyPI babel {babel.__version__} (filter only)",
           "Unicode licence"),
]

#: Column order of nam_dict.txt, as its header lists the countries.
COLUMNS = """great_britain ireland usa italy malta portugal spain france belgium luxembourg
the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland
estonia latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand
croatia kosovo macedonia montenegro serbia slovenia albania greece russia belarus moldova
ukraine armenia azerbaijan georgia the_stans turkey arabia israel china india japan korea
vietnam other_countries""".split()

LIGATURES = str.maketrans({"Ĳ": "IJ", "ĳ": "ij"})
GENDER_CODES = {"M", "1M", "?M", "F", "1F", "?F", "?"}


def read_dictionary() -> dict[str, dict[str, int]]:
    """name -> {country column: highest frequency seen for it}."""
    names: dict[str, dict[str, int]] = {}
    with open(NAM_DICT, encoding="utf-8", newline="") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            if line[:2].strip() not in GENDER_CODES or len(line) < 31:
                raise fail(NAM_DICT, f"unexpected line {line[:40]!r}", n)
            if line[29] == "+":
                continue
            name = line[3:29].strip().translate(LIGATURES)
            freqs = line[30:30 + len(COLUMNS)]
            seen = names.setdefault(name, {})
            for col, digit in zip(COLUMNS, freqs):
                if digit != " ":
                    try:
                        value = int(digit, 16)
                    except ValueError:
                        raise fail(NAM_DICT, f"frequency {digit!r} is not a hex digit", n)
                    seen[col] = max(seen.get(col, 0), value)
    return names


def spellings(name: str) -> list[str]:
    if "+" in name:
        return [name.replace("+", "-"), name.replace("+", "")]
    return [name]


def calendar_words(lang: str) -> set[str]:
    """Month and weekday names as the language writes them: "May", "August" are
    capitalized in English and German text, so they must not start a person."""
    loc = Locale.parse(lang)
    words: set[str] = set()
    for context in ("format", "stand-alone"):
        words |= set(loc.months[context]["wide"].values())
        words |= set(loc.days[context]["wide"].values())
    return words


def generate() -> dict[str, int]:
    names = read_dictionary()
    counts = {}
    for lang, (home, international) in sorted(policy.FIRST_NAME_COLUMNS.items()):
        thresholds = {**international, **home}
        common = set(top_n_list(lang, policy.FUNCTION_WORD_RANK))
        calendar = calendar_words(lang)
        keep = policy.FIRST_NAME_KEEP[lang]
        entries: set[str] = set()
        for name, freqs in names.items():
            if not any(freqs.get(col, 0) >= t for col, t in thresholds.items()):
                continue
            for spelling in spellings(name):
                if spelling in calendar:
                    continue
                if spelling.lower() in common and spelling not in keep:
                    continue
                entries.add(spelling)
        counts[lang] = write_pack_file(lang, "first-names.txt", SOURCES, entries)
    return counts
