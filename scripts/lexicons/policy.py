"""Hand-made decisions, kept apart from the data they act on.

Everything here is a choice (which countries count, which reading an ambiguous
symbol gets, how a legal term is cased), never data a source already publishes.
Each table says why it exists; SOURCES.md repeats the choices for readers of the packs.
"""

# --- Countries per pack language (ISO 3166-1 alpha-2) --------------------------------

#: Countries whose people, firms and places a pack's news names most: the first-name
#: columns, legal-form countries and home regions are taken from these.
HOME_COUNTRIES = {
    "en": ("GB", "IE", "US", "CA", "AU", "NZ"),
    "sv": ("SE", "NO", "DK", "FI"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "LU"),
}

#: Currencies are kept only for these economies (OECD members, G20 members, and the
#: financial centres and Nordic/central European states the brief names), so that the
#: 180 ISO codes' rarer names ("ouguiya", "pa'anga") do not add noise.
MAJOR_ECONOMIES = (
    # OECD (38)
    "AU", "AT", "BE", "CA", "CL", "CO", "CR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
    "HU", "IS", "IE", "IL", "IT", "JP", "KR", "LV", "LT", "LU", "MX", "NL", "NZ", "NO",
    "PL", "PT", "SK", "SI", "ES", "SE", "CH", "TR", "GB", "US",
    # G20 members outside the OECD
    "AR", "BR", "CN", "IN", "ID", "RU", "SA", "ZA",
    # financial centres and large trading economies
    "HK", "SG", "AE", "TW",
)

# --- First names (gender-guesser's nam_dict.txt columns) ----------------------------

#: nam_dict.txt frequency columns per pack, and the lowest frequency kept
#: (1 = rare ... 13 = extremely common; each step about a factor of two).
#: Home columns keep everything but the rarest (>= 2); the international columns of the
#: English pack need >= 4, since English news names people worldwide but only the
#: common names of each country are worth the false-positive risk.
FIRST_NAME_COLUMNS = {
    "en": ({"great_britain": 2, "ireland": 2, "usa": 2},
           {c: 4 for c in ("india", "china", "israel", "poland", "spain", "italy",
                           "portugal", "the_netherlands", "germany", "france", "sweden",
                           "norway", "denmark", "finland", "japan", "korea", "arabia",
                           "turkey", "russia", "greece", "vietnam", "other_countries")}),
    "sv": ({"sweden": 2, "norway": 2, "denmark": 2, "finland": 2, "iceland": 3}, {}),
    "de": ({"germany": 2, "austria": 2, "swiss": 2}, {}),
    "fr": ({"france": 2, "belgium": 2, "swiss": 2, "luxembourg": 2}, {}),
}

#: A first name is dropped when its lower-case form is among this many most frequent
#: words of the pack's language (wordfreq): such a name ("Will", "May", "Can") starts
#: ordinary sentences in front of a capitalized word far more often than it names a person.
FUNCTION_WORD_RANK = 150

#: Names kept although they fail the rank test: very common first names of the pack's
#: own countries whose homograph is a function word written in lower case mid-sentence,
#: so it only collides at a sentence start (Swedish "Dag", "Hans", "Per").
FIRST_NAME_KEEP = {
    "sv": {"Dag", "Hans", "Per"},
    "en": set(),
    "de": set(),
    "fr": set(),
}

# --- Currencies -----------------------------------------------------------------------

#: The usual reading of a surface that CLDR gives to more than one kept currency.
#: Surfaces ambiguous in a pack and not listed here are dropped from that pack
#: (an unmapped "kr" in English text is better unread than read as the wrong krone).
CURRENCY_READINGS = {
    "en": {"$": "USD", "dollar": "USD", "dollars": "USD", "¥": "JPY", "yen": "JPY",
           "pound": "GBP", "pounds": "GBP"},
    "sv": {"$": "USD", "dollar": "USD", "kr": "SEK", "krona": "SEK", "kronor": "SEK",
           "¥": "JPY", "yen": "JPY", "pund": "GBP"},
    "de": {"$": "USD", "Dollar": "USD", "¥": "JPY", "Yen": "JPY", "Pfund": "GBP"},
    "fr": {"$": "USD", "dollar": "USD", "dollars": "USD", "¥": "JPY", "yen": "JPY",
           "yens": "JPY", "livre": "GBP", "livres": "GBP"},
}

#: Short head-noun forms that are ordinary words of the pack's language in their own
#: right; they stay only inside a full name ("South Korean won"), never alone.
CURRENCY_HEAD_STOP = {
    "en": {"won", "real", "rand", "reals", "mark", "crown", "crowns", "sol"},
    "sv": {"real", "won", "rand"},
    "de": {"Real", "Won", "Rand", "Mark"},
    "fr": {"réal", "won", "rand", "réals"},
}

# --- Legal-form suffixes (cleanco.termdata country names) -----------------------------

#: cleanco's country keys per pack: every term of these countries is kept.
LEGAL_HOME = {
    "en": ("United Kingdom", "United States of America", "Ireland", "Australia",
           "New Zealand", "Hong Kong", "Singapore", "India", "Pakistan", "Nigeria"),
    "sv": ("Sweden", "Finland"),
    "de": ("Germany", "Austria", "Switzerland"),
    "fr": ("France", "Belgium", "Switzerland", "Luxemborg"),
}

#: Countries whose share-company forms appear in every language's business news
#: ("Siemens AG", "Volvo AB", "Nokia Oyj", "Apple Inc."). Only terms cleanco files
#: under a share-company type (LEGAL_INTERNATIONAL_TYPES) are taken from them.
LEGAL_INTERNATIONAL = (
    "United States of America", "United Kingdom", "Germany", "Austria", "Switzerland",
    "France", "Italy", "Spain", "Netherlands", "Belgium", "Luxemborg", "Sweden",
    "Norway", "Denmark", "Finland", "Poland", "Japan",
)
LEGAL_INTERNATIONAL_TYPES = (
    "Corporation", "Limited", "Limited Liability Company", "Joint Stock / Unlimited",
)

#: Terms not kept: homographs of common words or abbreviations once cased
#: ("e.g." is German eG in cleanco but "e.g." in every English text), cleanco
#: entries that are names of bodies rather than legal forms (sogepa, etat), and forms
#: never written after a firm's name (Austrian "stille Gesellschaft", stg).
LEGAL_DROP = {"e.g.", "sogepa", "etat", "as oy", "as.oy", "ok", "stg"}

#: How a term is written in text when the generic rule (see legal_suffixes.py) is wrong.
LEGAL_CASING = {
    "gmbh": ("GmbH",), "g.m.b.h.": ("G.m.b.H.",), "g.m.b.h": ("G.m.b.H.",),
    "gmbh & co. kg": ("GmbH & Co. KG",), "mbh & co. kg": ("mbH & Co. KG",),
    "kgaa": ("KGaA",), "gbr": ("GbR",), "partg": ("PartG",), "e.v.": ("e.V.",),
    "e.u.": ("e.U.",), "gesbr": ("GesbR",),
    "plc": ("plc", "PLC"), "plc.": ("plc.",), "p.l.c.": ("p.l.c.",),
    "inc": ("Inc",), "inc.": ("Inc.",), "corp": ("Corp",), "corp.": ("Corp.",),
    "co": ("Co",), "co.": ("Co.",), "& co": ("& Co",), "& co.": ("& Co.",),
    "ltd": ("Ltd", "LTD"), "ltd.": ("Ltd.",), "pty ltd": ("Pty Ltd",),
    "pty. ltd.": ("Pty. Ltd.",), "pvt. ltd.": ("Pvt. Ltd.",), "pte ltd": ("Pte Ltd",),
    "pte. ltd.": ("Pte. Ltd.",), "pte": ("Pte",), "bhd": ("Bhd",), "sdn bhd": ("Sdn Bhd",),
    "bhd.": ("Bhd.",), "sdn. bhd.": ("Sdn. Bhd.",), "sm pte ltd.": ("SM Pte Ltd.",),
    "s.p.a.": ("S.p.A.", "SpA"), "s.a.r.l.": ("S.à r.l.", "S.A.R.L."),
    "sarl": ("SARL", "Sàrl", "S.à r.l."), "sagl": ("Sagl",), "oy": ("Oy",),
    "oyj": ("Oyj",), "ab": ("AB", "Ab"), "comm.v": ("Comm.V",), "ultd.": ("Ultd.",),
    "ultd": ("Ultd",), "unltd": ("Unltd",), "gte.": ("Gte.",), "s.coop": ("S.Coop.",),
    "s.cra": ("S.Cra.",), "tapui": ("Tapui",), "t:mi": ("T:mi",), "tmi": ("Tmi",),
    "teo": ("Teo", "Teo."), "ay": ("Ay",), "ky": ("Ky",), "b.m.": ("B.M.",), "k.k.": ("K.K.",), "g.k.": ("G.K.",),
    "y.k.": ("Y.K.",), "s. en c.": ("S. en C.",), "s.a. de c.v.": ("S.A. de C.V.",),
    "s. de r.l.": ("S. de R.L.",), "spol. s r.o.": ("spol. s r.o.",), "s.r.o.": ("s.r.o.",),
    "sp. z o.o.": ("sp. z o.o.", "Sp. z o.o."), "sp. z.o.o.": ("Sp. z o.o.",),
}

#: Forms the brief asks for that cleanco does not carry, each with the statute that
#: creates it (written by hand: no package publishes them as data).
LEGAL_STATUTORY = {
    "SE": "Societas Europaea, Council Regulation (EC) No 2157/2001",
    "SCE": "Societas Cooperativa Europaea, Council Regulation (EC) No 1435/2003",
    "PBC": "public benefit corporation, Delaware General Corporation Law §362",
}

# --- Places ---------------------------------------------------------------------------

MIN_CITY_POPULATION = 100_000

#: Home countries whose first-level subdivisions (iso-codes ISO 3166-2) go into places.txt.
REGION_COUNTRIES = {
    "en": ("GB", "IE", "CA", "AU"),
    "sv": ("SE", "NO", "DK", "FI"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
}
