"""Export: GDELT column order, PLOVER records, Parquet/CSV/JSONL round trips, mode filter, CLI."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from test_store import OTHER, TEXT, make_article

import newsevents
from newsevents import export, store
from newsevents.model import Article

GDELT_2_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
    "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
    "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]


@pytest.fixture
def articles():
    return [
        make_article("a", source="Wire A"),
        make_article("b", source="Wire B", text=TEXT.replace("to discuss trade", "to discuss\ttrade ties")),
        make_article("c", source="Wire B", text=OTHER + " " + TEXT, published="2024-03-05", mode="hypothetical"),
    ]


@pytest.fixture
def db(tmp_path, articles):
    path = tmp_path / "events.duckdb"
    with store.Store(str(path)) as s:
        s.write_many(articles)
    return str(path)


def expected_events(articles, mode="all"):
    return {e.id: (a, e) for a in articles for e in a.events if mode == "all" or e.mode == "asserted"}


def test_gdelt_export_has_the_61_columns_in_order(db, tmp_path):
    assert list(export.GDELT_COLUMNS) == GDELT_2_EVENT_COLUMNS
    out = tmp_path / "events.tsv"
    n = export.export(db=db, fmt="gdelt", mode="all", output=str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) > 0
    rows = [dict(zip(GDELT_2_EVENT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    meet = [r for r in rows if r["EventCode"] == "040" and r["NumMentions"] == "2"]
    assert len(meet) == 1  # a and b merged into one event; c's hypothetical mention stays apart
    r = meet[0]
    assert (r["SQLDATE"], r["MonthYear"], r["Year"]) == ("20240304", "202403", "2024")
    assert (r["Actor1Code"], r["Actor1Name"], r["Actor1CountryCode"], r["Actor1Type1Code"]) == (
        "IRNGOV", "ALI BAGHERI", "IRN", "GOV")
    assert (r["Actor2Code"], r["Actor2CountryCode"], r["Actor2Type1Code"]) == ("TUR", "TUR", "")
    assert (r["EventBaseCode"], r["EventRootCode"], r["QuadClass"], r["GoldsteinScale"]) == ("040", "04", "1", "1.0")
    assert (r["NumSources"], r["NumArticles"], r["IsRootEvent"]) == ("2", "2", "1")
    assert (r["ActionGeo_Type"], r["ActionGeo_CountryCode"], r["ActionGeo_FeatureID"]) == ("4", "TU", "323786")
    assert r["ActionGeo_FullName"] == "Ankara, Turkey"
    assert float(r["ActionGeo_Lat"]) == pytest.approx(39.91987)
    assert (r["Actor1Geo_Type"], r["Actor1Geo_CountryCode"]) == ("1", "IR")  # FIPS, not ISO
    assert len(r["DATEADDED"]) == 14 and r["SOURCEURL"] in {"https://example.org/a", "https://example.org/b"}
    assert int(r["GLOBALEVENTID"]) > 0


def test_asserted_mode_drops_other_modes(db, tmp_path):
    out_all, out_asserted = tmp_path / "all.jsonl", tmp_path / "asserted.jsonl"
    n_all = export.export(db=db, fmt="jsonl", mode="all", output=str(out_all))
    n_asserted = export.export(db=db, fmt="jsonl", output=str(out_asserted))
    assert (n_all, n_asserted) == (6, 5)
    modes = {json.loads(line)["mode"] for line in out_asserted.read_text().splitlines()}
    assert modes == {"asserted"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_round_trip_article_to_export_and_back(fmt, db, articles, tmp_path):
    out = tmp_path / f"events.{fmt}"
    n = export.export(db=db, fmt=fmt, mode="all", output=str(out))
    con = duckdb.connect()
    reader = {"jsonl": f"read_json('{out}')", "csv": f"read_csv('{out}', header=true, all_varchar=true)",
              "parquet": f"read_parquet('{out}/*/*.parquet', hive_partitioning=true)"}[fmt]
    rows = con.execute(f"SELECT * FROM {reader}").df().to_dict("records")
    expected = expected_events(articles)
    assert n == len(rows) == len(expected)
    for row in rows:
        article, e = expected[row["event_id"]]
        assert row["doc_id"] == article.doc_id
        assert str(row["EventCode"]) == e.cameo and str(row["EventRootCode"]) == e.cameo_root
        assert float(row["GoldsteinScale"]) == e.goldstein and int(row["QuadClass"]) == e.quad_class
        assert (int(row["trigger_start"]), int(row["trigger_end"])) == (e.trigger.start, e.trigger.end)
        assert row["trigger_text"] == e.trigger.text == article.text[e.trigger.start : e.trigger.end]
        assert row["trigger_sentence"] == e.sentence.text
        assert row["mode"] == e.mode and row["plover"] == e.plover
        actors = {x.id: x for x in article.actors}
        assert row["Actor1Name"] == actors[e.source].name
        assert str(row["day"])[:10] == (e.date or article.published)[:10]


def test_parquet_is_partitioned_by_day_and_reexport_replaces(db, tmp_path):
    out = tmp_path / "pq"
    export.export(db=db, fmt="parquet", mode="all", output=str(out))
    assert sorted(p.name for p in out.iterdir()) == ["day=2024-03-04", "day=2024-03-05"]
    (out / "day=1999-01-01").mkdir()  # a day from an earlier export that no longer exists
    assert export.export(db=db, fmt="parquet", output=str(out)) == 5
    assert sorted(p.name for p in out.iterdir()) == ["day=2024-03-04", "day=2024-03-05"]
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        export.export(db=db, fmt="parquet", output=str(tmp_path / "notes"))


def test_plover_records(db, tmp_path):
    out = tmp_path / "plover.json"
    n = export.export(db=db, fmt="plover", output=str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    assert n == len(records) == 5
    consult = next(r for r in records if r["id"] == "a:e0")
    assert (consult["event"], consult["date"], consult["assertion"]) == ("CONSULT", "2024-03-04", "asserted")
    assert consult["source"] == [{"actorText": "Ali Bagheri", "code": "IRNGOV", "country": "IRN", "sector": "GOV"}]
    assert consult["target"][0]["actorText"] == "Turkey"
    assert consult["eventText"] == "met" and consult["text"].startswith("Iranian Foreign Minister")
    assert consult["location"]["placeName"] == "Ankara" and consult["location"]["geonamesID"] == 323786
    accuse = next(r for r in records if r["id"] == "a:e1")
    assert (accuse["event"], accuse["mode"], accuse["target"]) == ("ACCUSE", "disapprove", [])
    assert isinstance(accuse["context"], list)


def test_plover_jsonl_when_not_json(db, tmp_path):
    out = tmp_path / "plover.jsonl"
    n = export.export(db=db, fmt="plover", mode="all", output=str(out))
    assert n == len(out.read_text().splitlines()) == 6


def test_unknown_format_is_refused(db, tmp_path):
    with pytest.raises(ValueError):
        export.export(db=db, fmt="xml", output=str(tmp_path / "x"))


def test_open_returns_dataframes(db, articles):
    with newsevents.open(db) as database:
        events = database.events()
        assert sorted(events["event_id"]) == sorted(expected_events(articles))
        assert len(database.events(mode="asserted")) == 5
        assert list(database.articles()["doc_id"]) == ["a", "b", "c"]
        assert database.relation("SELECT count(*) AS n FROM dyad_day").df()["n"][0] > 0
        assert database.groups()["num_mentions"].sum() == 6
        with pytest.raises(duckdb.Error):
            database.sql("DELETE FROM events")


def test_query_and_stats_print(db):
    out = io.StringIO()
    store.run_query("SELECT doc_id FROM articles ORDER BY doc_id", db=db, fmt="csv", out=out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["doc_id"], ["a"], ["b"], ["c"]]
    out = io.StringIO()
    store.print_stats(db, out=out)
    text = out.getvalue()
    for heading in ("Events by root code", "Top dyads", "Top speakers", "IRNGOV", "Turkey"):
        assert heading in text


def test_store_reloads_exported_article_records(tmp_path, articles):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles), encoding="utf-8")
    with store.Store(str(tmp_path / "copy.duckdb")) as s:
        assert s.load_jsonl(path) == 3
        assert [s.article(a.doc_id) for a in articles] == articles
        assert isinstance(s.article("a"), Article)
