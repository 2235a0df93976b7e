"""The offline gazetteer: place names to GeoNames-style records, loaded once from package data."""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

GAZETTEER_FILE = "gazetteer.tsv.gz"
NAMES_FILE = "names.tsv.gz"
ALIAS_FILE = "aliases.tsv"
STOPNAMES_FILE = "stopnames.txt"
LOOKUP_CACHE_SIZE = 200_000  # name keys remembered per gazetteer (a few MB)

_KEY_DROP = re.compile(r"[.'\u2019\u2018`\"]")
_KEY_SPACE = re.compile(r"[\s\-\u2010-\u2015_/]+")
_SAINT = re.compile(r"\bsaint ")  # "Saint Petersburg" and "St. Petersburg" are one name
# Letters that Unicode decomposition leaves alone but English texts write plainly ("Diyarbakir", "Lodz").
LETTER_FOLDS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H",
})


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Normalise a place name for lookup: no accents, case, dots, quotes, hyphens or leading "the";
    "Saint" becomes "st"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = folded.translate(LETTER_FOLDS)
    key = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", folded.lower())).strip()
    return _SAINT.sub("st ", key.removeprefix("the "))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    index: int
    geonames_id: int | None
    name: str
    feature: str  # city | region | country | other
    country: str | None  # ISO3
    code: str  # ISO2 for a country, ISO 3166-2 for a subdivision
    admin1: str  # "CC.admin1" for a town
    lat: float | None
    lon: float | None
    population: int
    capital: bool


class Gazetteer:
    """Name index over the places; ``lookup(key)`` gives candidate entries (keys from :func:`name_key`).

    Places stay undecoded byte lines until looked up, and the name index stays one sorted text searched
    by bisection over its lines, so loading costs little more than decompressing the files.
    """

    def __init__(self, places: list[str] | list[bytes], names: list[str] | str,
                 aliases: list[tuple[str, str, str]], stopnames: set[str]):
        self._lines = places
        self._names = names if isinstance(names, str) else "\n".join(names) + "\n"
        self.extra: dict[str, list[int]] = {}
        self.after_comma: dict[str, list[int]] = {}
        self.stopnames = stopnames
        self._entries: dict[int, Entry] = {}
        self._found: dict[str, tuple[int, ...]] = {}
        for alias, target, use in aliases:
            index = self._resolve(target)
            if index is None:
                continue
            table = self.extra if use == "any" else self.after_comma
            bucket = table.setdefault(name_key(alias), [])
            if index not in bucket:
                bucket.append(index)

    @property
    def places(self) -> list[str]:
        """Every place as its data line (decoded on first use: scripts and scorers walk them all)."""
        if not hasattr(self, "_decoded"):
            self._decoded = [line if isinstance(line, str) else line.decode("utf-8") for line in self._lines]
        return self._decoded

    def _line(self, index: int) -> str:
        line = self._lines[index]
        return line if isinstance(line, str) else line.decode("utf-8")

    def _find_name(self, probe: str) -> str | None:
        """The index line starting with ``probe`` (``key + TAB``): bisection over the lines of one text."""
        text = self._names
        lo, hi = 0, len(text)
        # Invariant: lines starting before ``lo`` sort below ``probe``; lines starting at or after ``hi`` don't.
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", 0, mid) + 1
            end = text.find("\n", start)
            if text[start:end] < probe:
                lo = end + 1
            else:
                hi = start
        end = text.find("\n", lo)
        line = text[lo:end if end >= 0 else len(text)]
        return line if line.startswith(probe) else None

    def _numbers(self, key: str) -> tuple[int, ...]:
        # The same capitalised words come back in every article; a bisection per word is the costly part.
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= LOOKUP_CACHE_SIZE:
                self._found.clear()
            probe = key + "\t"
            line = self._find_name(probe)
            numbers = [int(n) for n in line[len(probe):].split(",")] if line else []
            numbers.extend(n for n in self.extra.get(key, ()) if n not in numbers)
            found = self._found[key] = tuple(numbers)
        return found

    def entry(self, index: int) -> Entry:
        entry = self._entries.get(index)
        if entry is None:
            gid, name, feature, country, code, admin1, lat, lon, population, capital = self._line(index).split("\t")
            entry = Entry(
                index, int(gid) if gid else None, name, feature, country or None, code, admin1,
                float(lat) if lat else None, float(lon) if lon else None, int(population or 0), capital == "1",
            )
            self._entries[index] = entry
        return entry

    def lookup(self, key: str) -> list[Entry]:
        return [self.entry(i) for i in self._numbers(key)]

    def is_alias(self, key: str, index: int) -> bool:
        """Whether ``key`` names place ``index`` through the curated alias files."""
        return index in self.extra.get(key, ())

    def lookup_after_comma(self, key: str) -> list[Entry]:
        """Names valid as the second part of "Town, Region" (state abbreviations included)."""
        return [self.entry(i) for i in self.after_comma.get(key, ())] or self.lookup(key)

    def _resolve(self, target: str) -> int | None:
        kind, _, value = target.partition(":")
        if kind in ("country", "region"):
            return self._by_code().get(value)
        name, _, cc = value.rpartition("|") if kind == "city" else (value, "", "")
        found = self.lookup(name_key(name))
        if kind == "city":
            found = [e for e in found if e.feature == "city" and e.admin1.startswith(cc + ".")]
        elif kind == "place":
            found = [e for e in found if e.feature != "city"]
        return max(found, key=lambda e: e.population).index if found else None

    def countries(self) -> list[Entry]:
        """The entries of whole countries (codes without a subdivision part)."""
        return [self.entry(i) for code, i in self._by_code().items() if "-" not in code]

    def _by_code(self) -> dict[str, int]:
        if not hasattr(self, "_codes"):
            self._codes = {}
            # Countries and subdivisions come before the GeoNames towns (which have an admin1) in the file.
            for index in range(len(self._lines)):
                fields = self._line(index).split("\t", 6)
                if fields[2] == "city" and fields[5]:
                    break
                if fields[4]:
                    self._codes[fields[4]] = index
        return self._codes


def read_lines(path: Path) -> list[str]:
    """Data lines of a file with ``#`` header lines (gzip when it ends in .gz)."""
    data = path.read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    lines = data.decode("utf-8").splitlines()
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        start += 1
    return [line for line in lines[start:] if line] if "" in lines[start:] else lines[start:]


def read_table(path: Path) -> list[list[str]]:
    """Tab-separated data lines of a file with ``#`` header lines."""
    return [line.split("\t") for line in read_lines(path) if not line.startswith("#")]


def _unzip(path: Path) -> bytes:
    return zlib.decompress(path.read_bytes(), wbits=31)


def _data_lines(data: bytes) -> list[bytes]:
    """Data lines of a file's bytes: header lines (``#``) and the final empty line dropped."""
    lines = data.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"#"):
        start += 1
    return lines[start:-1] if lines and not lines[-1] else lines[start:]


def _names_text(data: bytes) -> str:
    """The name index as one text of sorted lines ending in newlines, header lines dropped."""
    text = data.decode("utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text[start:] if text.endswith("\n") else text[start:] + "\n"


def _data_dir() -> Path:
    return Path(str(resources.files("newsevents") / "data" / "gazetteer"))


_cache: dict[tuple[str, ...], Gazetteer] = {}
_lock = threading.Lock()


def load(alias_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer, built once per process (plus any user alias files of the ``aliases.tsv`` format)."""
    key = tuple(alias_files)
    found = _cache.get(key)
    if found is not None:
        return found
    with _lock:
        if key not in _cache:
            folder = _data_dir()
            places = _data_lines(_unzip(folder / GAZETTEER_FILE))
            names = _names_text(_unzip(folder / NAMES_FILE))
            aliases = []
            for path in (folder / ALIAS_FILE, *map(Path, alias_files)):
                aliases += [(r[0], r[1], r[2] if len(r) > 2 else "any") for r in read_table(path) if len(r) >= 2]
            stopnames = {name_key(r[0]) for r in read_table(folder / STOPNAMES_FILE)}
            _cache[key] = Gazetteer(places, names, aliases, stopnames)
        return _cache[key]


def is_loaded() -> bool:
    return bool(_cache)
