"""Read-only queries behind the web pages. Every value reaches DuckDB as a parameter."""

from __future__ import annotations

from dataclasses import dataclass

from .. import store

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50

# The store's event_table view under the short names the pages and the API use.
EVENT_ROWS = """
SELECT event_id AS id, doc_id, EventCode AS cameo, EventRootCode AS cameo_root, GoldsteinScale AS goldstein,
       QuadClass AS quad_class, plover, mode, negated, trigger_text, why, confidence, day,
       Actor1Id AS source_id, Actor1Name AS source_name, Actor1Code AS source_code,
       Actor1CountryCode AS source_country,
       Actor2Id AS target_id, Actor2Name AS target_name, Actor2Code AS target_code,
       Actor2CountryCode AS target_country,
       ActionGeo_FullName AS place_name, ActionGeo_Lat AS lat, ActionGeo_Long AS lon,
       ActionGeo_CountryCode AS place_country, title, publisher AS outlet, SOURCEURL AS url
FROM event_table
"""

SORTABLE = {"day", "cameo", "goldstein", "quad_class", "source_name", "target_name", "place_name", "mode"}


@dataclass(frozen=True)
class Filters:
    """Query-string filters shared by the pages and the API."""

    start: str | None = None
    end: str | None = None
    country: str | None = None
    actor: str | None = None
    root: str | None = None
    mode: str | None = None
    place: str | None = None
    source: str | None = None
    target: str | None = None

    @classmethod
    def from_query(cls, params) -> Filters:
        def clean(name, limit=64):
            value = (params.get(name) or "").strip()
            return value[:limit] or None

        return cls(**{name: clean(name) for name in cls.__dataclass_fields__})

    def where(self) -> tuple[str, list]:
        clauses, args = [], []
        if self.start:
            clauses.append("day >= TRY_CAST(? AS DATE)")
            args.append(self.start)
        if self.end:
            clauses.append("day <= TRY_CAST(? AS DATE)")
            args.append(self.end)
        if self.country:  # actors carry ISO alpha-3 countries, places alpha-2: either form finds both
            clauses.append("(source_country = ? OR target_country = ? OR place_country = ?)")
            args += [store.iso3(self.country)] * 2 + [store.iso2(self.country)]
        if self.actor:
            clauses.append("(source_name ILIKE ? OR target_name ILIKE ? OR source_code = ? OR target_code = ?)")
            args += [f"%{self.actor}%", f"%{self.actor}%", self.actor.upper(), self.actor.upper()]
        if self.root:
            clauses.append("cameo_root = ?")
            args.append(self.root.zfill(2))
        if self.mode and self.mode != "any":
            clauses.append("mode = ?")
            args.append(self.mode)
        if self.place:
            clauses.append("place_name = ?")
            args.append(self.place)
        if self.source:
            clauses.append("(source_code = ? OR source_name = ?)")
            args += [self.source, self.source]
        if self.target:
            clauses.append("(target_code = ? OR target_name = ?)")
            args += [self.target, self.target]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def query_string(self, **overrides) -> str:
        from urllib.parse import urlencode

        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        values.update(overrides)
        return urlencode({k: v for k, v in values.items() if v})


def clamp_page(page, size) -> tuple[int, int]:
    """Page number >= 1 and page size in 1..MAX_PAGE_SIZE, whatever the query string says."""

    def as_int(value, default):
        try:
            return int(str(value)[:9])
        except (TypeError, ValueError):
            return default

    return max(1, as_int(page, 1)), min(MAX_PAGE_SIZE, max(1, as_int(size, DEFAULT_PAGE_SIZE)))


class Database:
    """Opens a fresh read-only connection per call: the app never writes and never holds a lock."""

    def __init__(self, path: str):
        self.path = path

    def rows(self, sql: str, args=()) -> list[dict]:
        con = store.connect_readonly(self.path)
        try:
            cursor = con.execute(sql, list(args))
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]
        finally:
            con.close()

    def events(self, filters: Filters, sort="day", descending=True, page=1, size=DEFAULT_PAGE_SIZE):
        where, args = filters.where()
        order = sort if sort in SORTABLE else "day"
        direction = "DESC" if descending else "ASC"
        total = self.rows(f"SELECT count(*) AS n FROM ({EVENT_ROWS}){where}", args)[0]["n"]
        rows = self.rows(
            f"SELECT * FROM ({EVENT_ROWS}){where} ORDER BY {order} {direction} NULLS LAST, id LIMIT ? OFFSET ?",
            [*args, size, (page - 1) * size],
        )
        return total, rows

    def all_events(self, filters: Filters, limit: int = 100_000):
        where, args = filters.where()
        return self.rows(f"SELECT * FROM ({EVENT_ROWS}){where} ORDER BY day, id LIMIT ?", [*args, limit])

    def timeline(self, filters: Filters):
        where, args = filters.where()
        return self.rows(
            f"SELECT day, quad_class, count(*) AS n, avg(goldstein) AS goldstein FROM ({EVENT_ROWS}){where} "
            "GROUP BY ALL HAVING day IS NOT NULL ORDER BY day, quad_class",
            args,
        )

    def dyads(self, filters: Filters, limit=15):
        where, args = filters.where()
        extra = " AND " if where else " WHERE "
        return self.rows(
            f"SELECT coalesce(source_code, source_name) AS source, coalesce(target_code, target_name) AS target, "
            f"count(*) AS n, round(avg(goldstein), 2) AS goldstein FROM ({EVENT_ROWS}){where}{extra}"
            "source_id IS NOT NULL AND target_id IS NOT NULL GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?",
            [*args, limit],
        )

    def speakers(self, limit=15):
        return self.rows(
            "SELECT coalesce(ac.name, q.speaker_text) AS speaker, ac.code, count(*) AS n FROM quotes q "
            "LEFT JOIN actors ac ON ac.id = q.speaker WHERE coalesce(ac.name, q.speaker_text) IS NOT NULL "
            "GROUP BY ALL ORDER BY n DESC, 1 LIMIT ?",
            [limit],
        )

    def places(self, filters: Filters):
        where, args = filters.where()
        extra = " AND " if where else " WHERE "
        return self.rows(
            f"SELECT place_name, lat, lon, place_country, count(*) AS n FROM ({EVENT_ROWS}){where}{extra}"
            "lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL ORDER BY n DESC",
            args,
        )

    def counts(self):
        return self.rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
            "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM actors) AS actors"
        )[0]

    def article_record(self, doc_id: str) -> dict | None:
        import json

        rows = self.rows("SELECT record FROM articles WHERE doc_id = ?", [doc_id[:200]])
        return json.loads(rows[0]["record"]) if rows else None

    def articles(self, limit=20):
        return self.rows(
            "SELECT a.doc_id, a.title, a.source, a.published, a.error_type, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id) AS events "
            "FROM articles a ORDER BY a.published DESC NULLS LAST, a.doc_id LIMIT ?",
            [limit],
        )
