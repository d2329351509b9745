#!/usr/bin/env python3
"""Regenerates every generated file of the language packs from published sources.

Run: python3 scripts/lexicons/generate.py   (after pip install -r requirements.txt and
apt-get install iso-codes libgeonames-common at the versions requirements.txt pins).
Re-running rewrites every file byte-identically; check.py then verifies the packs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lexlib import GenerationError, log  # noqa: E402


def main() -> int:
    try:
        import sources
        sources.check_versions()
        import countries
        import currencies
        import first_names
        import legal_suffixes
        import nationalities
        import places
        for name, module in (("currencies.tsv", currencies), ("countries.txt", countries),
                             ("places.txt", places), ("first-names.txt", first_names),
                             ("legal-suffixes.txt", legal_suffixes),
                             ("nationalities.txt", nationalities)):
            counts = module.generate()
            log(f"{name}: " + ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items())))
    except GenerationError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
