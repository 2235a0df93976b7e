"""Embedded DuckDB storage of Article records."""

from __future__ import annotations

import json
from typing import TextIO

import duckdb

from .model import Article

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, title VARCHAR, published DATE,
    language VARCHAR, text VARCHAR, removed JSON, error_type VARCHAR, error_message VARCHAR,
    error_stage VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR,
    role VARCHAR, title VARCHAR, affiliation VARCHAR, mentions JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, source VARCHAR, target VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
    goldstein DOUBLE, quad_class INTEGER, plover VARCHAR, date VARCHAR, date_precision VARCHAR, place VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR, sentence_start INTEGER,
    sentence_end INTEGER, negated BOOLEAN, mode VARCHAR, confidence DOUBLE, why VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, speaker VARCHAR, speaker_text VARCHAR, text VARCHAR,
    start INTEGER, "end" INTEGER, kind VARCHAR, cue VARCHAR, medium VARCHAR, event VARCHAR
);
CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, name VARCHAR, geonames_id BIGINT, lat DOUBLE, lon DOUBLE,
    country VARCHAR, feature VARCHAR, mentions JSON
);
CREATE TABLE IF NOT EXISTS dates (
    doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, value VARCHAR, precision VARCHAR
);
"""

CHILD_TABLES = ("actors", "events", "quotes", "places", "dates")


def _spans(spans) -> str:
    return json.dumps([{"start": s.start, "end": s.end, "text": s.text} for s in spans])


class Store:
    """A DuckDB file holding articles and everything extracted from them.

    Writing an article replaces any earlier version with the same ``doc_id`` in one
    transaction, so re-ingesting never duplicates and a crash leaves no half article.
    """

    def __init__(self, path: str = "newsevents.duckdb"):
        self.path = path
        self.con = duckdb.connect(path)
        self.con.execute(SCHEMA_SQL)

    def write(self, article: Article) -> None:
        a = article
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ("articles", *CHILD_TABLES):
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [a.doc_id])
            err = a.error
            con.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [a.doc_id, a.source, a.url, a.title, a.published, a.language, a.text,
                 json.dumps([{"text": r.text, "reason": r.reason} for r in a.removed]),
                 err.type if err else None, err.message if err else None, err.stage if err else None,
                 json.dumps(a.to_dict(), ensure_ascii=False)],
            )
            if a.actors:
                con.executemany(
                    "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [[x.id, a.doc_id, x.name, x.kind, x.code, x.country, x.role, x.title, x.affiliation,
                      _spans(x.mentions)] for x in a.actors],
                )
            if a.events:
                con.executemany(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [[e.id, a.doc_id, e.source, e.target, e.cameo, e.cameo_root, e.goldstein, e.quad_class,
                      e.plover, e.date, e.date_precision, e.place, e.trigger.start, e.trigger.end, e.trigger.text,
                      e.sentence.start, e.sentence.end, e.negated, e.mode, e.confidence, e.why]
                     for e in a.events],
                )
            if a.quotes:
                con.executemany(
                    "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [[q.id, a.doc_id, q.speaker, q.speaker_text, q.text, q.start, q.end, q.kind, q.cue, q.medium,
                      q.event] for q in a.quotes],
                )
            if a.places:
                con.executemany(
                    "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                    [[p.id, a.doc_id, p.name, p.geonames_id, p.lat, p.lon, p.country, p.feature,
                      _spans(p.mentions)] for p in a.places],
                )
            if a.dates:
                con.executemany(
                    "INSERT INTO dates VALUES (?,?,?,?,?,?)",
                    [[a.doc_id, d.start, d.end, d.text, d.value, d.precision] for d in a.dates],
                )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect_readonly(db: str):
    """A read-only connection (queries and the web app never write)."""
    return duckdb.connect(db, read_only=True)


def run_query(sql: str, db: str, fmt: str = "table", out: TextIO | None = None) -> None:
    """Run ``sql`` on a read-only connection and print the rows as table, CSV or JSONL."""
    import csv
    import sys

    out = out or sys.stdout
    con = connect_readonly(db)
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description or ()]
        rows = cursor.fetchall()
    finally:
        con.close()
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for c in columns:
            table.add_column(c)
        for row in rows:
            table.add_row(*["" if v is None else str(v) for v in row])
        Console(file=out).print(table)


def print_stats(db: str, out: TextIO | None = None) -> None:
    """Counts by root code and QuadClass, top dyads, top speakers."""
    run_query("SELECT cameo_root, quad_class, count(*) AS events FROM events GROUP BY ALL ORDER BY 1", db, out=out)
