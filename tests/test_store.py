"""Store: schema migrations, idempotent writes, stories, crash safety, views, read API."""

from __future__ import annotations

import json

import duckdb
import pytest

from newsevents import dedup, store
from newsevents.model import Actor, Article, DateExpr, ErrorInfo, Event, Place, Quote, Span

TEXT = (
    "Iranian Foreign Minister Ali Bagheri met Turkish officials in Ankara on Monday to discuss trade. "
    "Turkey's government condemned the rocket attack on the border town, a spokesman said. "
    '"We will not accept this," the spokesman told reporters after the talks in the capital.'
)


OTHER = (
    "Floods swept through three provinces of northern Italy on Sunday, forcing thousands of families from "
    "their homes while rescue teams in boats searched for missing residents along the swollen rivers. Regional "
    "authorities opened schools and sports halls as shelters and asked volunteers to bring blankets, drinking "
    "water and food. Forecasters expect more heavy rain in the mountains before the weekend, and engineers are "
    "checking two dams upstream of the city for cracks."
)


def span(text: str, needle: str) -> Span:
    start = text.lower().index(needle.lower())
    return Span(start, start + len(needle), text[start : start + len(needle)])


def plain_article(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, text=text, published="2024-03-04")


def sentence_of(text: str, needle: str) -> Span:
    at = text.lower().index(needle.lower())
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def make_article(doc_id: str = "doc1", text: str = TEXT, published: str | None = "2024-03-04",
                 source: str | None = "Wire A", url: str | None = None, error: ErrorInfo | None = None,
                 mode: str = "asserted") -> Article:
    """A hand-built article with two actors, a place, two events, a quote and a date."""
    d = doc_id
    iran = Actor(f"{d}:a0", "Ali Bagheri", "person", code="IRNGOV", country="IRN", title="Foreign Minister",
                 mentions=(span(text, "Iranian Foreign Minister Ali Bagheri"),))
    turkey = Actor(f"{d}:a1", "Turkey", "country", code="TUR", country="TR",
                   mentions=(span(text, "Turkish officials"), span(text, "Turkey's government")))
    ankara = Place(f"{d}:p0", "Ankara", 323786, 39.91987, 32.85427, "TR", "city", mentions=(span(text, "Ankara"),))
    meet = Event(f"{d}:e0", iran.id, turkey.id, "040", "04", 1.0, 1, "CONSULT", span(text, "met"),
                 sentence_of(text, "met"), date="2024-03-04", date_precision="day", place=ankara.id,
                 mode=mode, plover_mode=None, confidence=0.8, why="verb 'met' with two actors")
    condemn = Event(f"{d}:e1", turkey.id, None, "111", "11", -2.0, 3, "ACCUSE", span(text, "condemned"),
                    sentence_of(text, "condemned"), mode="asserted", plover_mode="disapprove", confidence=0.7)
    said, cue = span(text, "We will not accept this,"), span(text, "told")
    speaker = Span(cue.start - 14, cue.start - 1, text[cue.start - 14 : cue.start - 1])
    quote = Quote(f"{d}:q0", turkey.id, "the spokesman", said.text, said.start, said.end, "direct", cue="told",
                  cue_span=cue, speaker_span=speaker)
    day = span(text, "Monday")
    monday = DateExpr(day.start, day.end, day.text, "2024-03-04", "day")
    return Article(doc_id=d, text=text, source=source, url=url or f"https://example.org/{d}",
                   title=f"Talks in Ankara ({d})", published=published, error=error,
                   actors=(iran, turkey), events=(meet, condemn), quotes=(quote,), places=(ankara,),
                   dates=(monday,))


def count(db, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "events.duckdb"


def test_schema_version_records_every_migration(db):
    with store.Store(str(db)) as s:
        rows = s.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, store.SCHEMA_VERSION + 1))
    with store.Store(str(db)) as s:  # reopening applies nothing twice
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == store.SCHEMA_VERSION


def test_migrates_a_database_made_by_the_first_schema(db):
    con = duckdb.connect(str(db))
    con.execute(store.MIGRATIONS[0][1])
    con.execute("INSERT INTO articles (doc_id, text) VALUES ('old', 'an old article')")
    con.close()
    with store.Store(str(db)) as s:
        s.write(make_article())
        s.flush()
        assert s.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert s.con.execute("SELECT count(*) FROM event_table").fetchone()[0] == 2


def test_article_round_trip(db):
    article = make_article()
    with store.Store(str(db)) as s:
        s.write(article)
        assert s.article("doc1") == article
        assert s.article("missing") is None
    assert count(db, "actors") == 2
    assert count(db, "quotes") == 1
    con = duckdb.connect(str(db), read_only=True)
    cue_start, speaker_start = con.execute("SELECT cue_start, speaker_start FROM quotes").fetchall()[0]
    con.close()
    assert (cue_start, speaker_start) == (TEXT.index("told"), TEXT.index("the spokesman told"))
    assert count(db, "dates") == 1


def test_stored_record_is_the_public_record(db):
    article = make_article(error=ErrorInfo("ValueError", "partial", "quotes"))
    with store.Store(str(db)) as s:
        s.write(article)
        s.flush()
        record = json.loads(s.con.execute("SELECT record FROM articles").fetchall()[0][0])
    assert record == article.to_dict()


def test_rewriting_same_doc_id_replaces(db):
    with store.Store(str(db)) as s:
        s.write(make_article())
        s.write(make_article())
        s.write_many([make_article(), make_article()])
    for table, n in (("articles", 1), ("events", 2), ("actors", 2), ("places", 1), ("quotes", 1), ("dates", 1)):
        assert count(db, table) == n, table


def test_same_content_under_new_doc_id_replaces(db):
    with store.Store(str(db)) as s:
        s.write(make_article("first"))
        s.flush()
        s.write(make_article("second", text=TEXT.upper()))  # same words, other doc_id
        s.flush()
        ids = [r[0] for r in s.con.execute("SELECT doc_id FROM articles").fetchall()]
    assert ids == ["second"]
    assert count(db, "events") == 2


def test_near_duplicates_share_a_story(db):
    rewrite = TEXT.replace("on Monday", "on Monday morning").replace("a spokesman said", "an official said")
    with store.Store(str(db)) as s:
        s.write(make_article("a"))
        s.write_many([make_article("b", text=rewrite), plain_article("c", OTHER)])
        s.write_many([make_article("d", text=rewrite + " Talks resume on Friday.")])
        story = dict(s.con.execute("SELECT doc_id, story FROM articles").fetchall())
    assert story["a"] == story["b"] == story["d"]
    assert story["c"] != story["a"]


def test_story_found_within_one_batch(db):
    rewrite = TEXT.replace("to discuss trade", "to discuss trade and energy")
    with store.Store(str(db)) as s:
        s.write_many([make_article("a"), make_article("b", text=rewrite)])
        stories = {r[0] for r in s.con.execute("SELECT story FROM articles").fetchall()}
    assert len(stories) == 1


def test_signature_similarity_separates_unrelated_texts():
    a, b = dedup.signature(TEXT), dedup.signature(TEXT.replace("Monday", "Tuesday"))
    c = dedup.signature("Completely different words about football results and the weather in Lisbon today.")
    assert dedup.similarity(a, b) >= dedup.THRESHOLD > dedup.similarity(a, c)
    assert dedup.signature("") is None


def test_crash_mid_write_leaves_database_consistent(db):
    with store.Store(str(db)) as s:
        s.write(make_article("keep"))
        s.flush()
        real_cursor = s.con.cursor

        class Crash(RuntimeError):
            pass

        class CrashingCursor:
            def __init__(self):
                self.real = real_cursor()

            def __getattr__(self, name):
                return getattr(self.real, name)

            def execute(self, sql, *args):
                if sql.startswith("INSERT INTO events"):
                    raise Crash("disk full")
                return self.real.execute(sql, *args)

        class CrashingConnection:
            def __getattr__(self, name):
                return getattr(s.real_con, name)

            def cursor(self):
                return CrashingCursor()

        s.real_con = s.con
        s.con = CrashingConnection()
        with pytest.raises(Crash):
            s.write_many([make_article("keep", text=TEXT + " Updated."), make_article("new", text=TEXT + " New.")])
        s.con = s.real_con
        assert s.con.execute("SELECT list(doc_id) FROM articles").fetchall()[0][0] == ["keep"]
        assert s.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 2
        assert s.article("keep").text == TEXT
        s.write(make_article("new", text=TEXT + " New."))  # the store is usable afterwards
        s.flush()
        assert s.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_write_buffers_until_flush_and_close_commits(db):
    with store.Store(str(db), buffer_size=2) as s:
        s.write(make_article("one"))
        assert s.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 0
        s.write(make_article("two", text=TEXT + " Two."))  # the buffer is full: committed
        assert s.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 2
        s.write(make_article("three", text=TEXT + " Three."))
    assert count(db, "articles") == 3


def test_errors_table_records_failed_articles(db):
    failed = Article(doc_id="bad", text="", error=ErrorInfo("ValueError", "no text", "ingest"))
    with store.Store(str(db)) as s:
        s.write(failed, origin="feed.jsonl:7")
        s.write(failed, origin="feed.jsonl:7")
        s.flush()
        rows = s.con.execute("SELECT doc_id, origin, type, message, stage FROM errors").fetchall()
    assert rows == [("bad", "feed.jsonl:7", "ValueError", "no text", "ingest")]


def test_failed_articles_without_text_are_not_copies_of_each_other(db):
    failures = [Article(doc_id=f"bad{i}", text="", error=ErrorInfo("OSError", "unreadable", "ingest"))
                for i in range(3)]
    with store.Store(str(db)) as s:
        s.write_many(failures[:2])
        s.write_many(failures[2:])
    assert count(db, "articles") == 3
    assert count(db, "errors") == 3


def test_event_table_has_gdelt_names_and_denormalised_context(db):
    with store.Store(str(db)) as s:
        s.write(make_article())
        s.flush()
        row = s.con.execute("SELECT * FROM event_table WHERE event_id = 'doc1:e0'").df().iloc[0]
    assert row["Actor1Code"] == "IRNGOV" and row["Actor1CountryCode"] == "IRN"
    assert row["Actor1Type1Code"] == "GOV" and row["Actor1Type2Code"] is None
    assert row["Actor2CountryCode"] == "TUR"  # ISO alpha-2 "TR" normalised to CAMEO's alpha-3
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    assert row["QuadClass"] == 1 and row["GoldsteinScale"] == 1.0
    assert row["ActionGeo_FullName"] == "Ankara" and row["ActionGeo_CountryCode"] == "TR"
    assert row["ActionGeo_Lat"] == pytest.approx(39.91987)
    assert row["SQLDATE"] == 20240304
    assert row["SOURCEURL"] == "https://example.org/doc1"


def test_event_day_falls_back_to_publication_date(db):
    article = make_article(published="2024-03-09T08:00:00Z")
    with store.Store(str(db)) as s:
        s.write(article)
        s.flush()
        days = dict(s.con.execute("SELECT event_id, strftime(day, '%Y-%m-%d') FROM event_table").fetchall())
    assert days == {"doc1:e0": "2024-03-04", "doc1:e1": "2024-03-09"}


def test_dyad_day_and_event_group_merge_across_articles(db):
    with store.Store(str(db)) as s:
        s.write(make_article("a", source="Wire A"))
        s.write(make_article("b", source="Wire A", text=TEXT.replace("Monday", "Monday, officials said")))
        s.write(make_article("c", source="Wire B", text=OTHER + " " + TEXT))
        s.write(make_article("h", source="Wire B", text=TEXT + " It may happen.", mode="hypothetical"))
        s.flush()
        dyad = s.con.execute(
            "SELECT events, mean_goldstein FROM dyad_day WHERE source_code = 'IRNGOV' AND target_code = 'TUR'"
        ).fetchall()
        group = s.con.execute(
            """SELECT num_mentions, num_articles, num_sources, num_stories, first_seen, in_lead
               FROM event_group WHERE cameo = '040' AND mode = 'asserted'"""
        ).fetchall()
        n_groups = s.con.execute("SELECT count(*) FROM event_group WHERE cameo = '040'").fetchone()[0]
    assert dyad == [(3, 1.0)]
    assert len(group) == 1
    mentions, articles, sources, stories, first_seen, in_lead = group[0]
    assert (mentions, articles, sources) == (3, 3, 2)
    assert stories == 2 and str(first_seen) == "2024-03-04" and in_lead
    assert n_groups == 2  # the hypothetical mention stays apart


def test_load_jsonl_reads_article_records(db, tmp_path):
    path = tmp_path / "articles.jsonl"
    articles = [make_article("j1"), make_article("j2", text=TEXT + " More.", error=None)]
    path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles), encoding="utf-8")
    with store.Store(str(db)) as s:
        assert s.load_jsonl(path, batch_size=1) == 2
        assert s.load_jsonl(path) == 2
        assert s.article("j2") == articles[1]
        assert s.con.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_load_parquet_reads_article_records(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [make_article("p1"), plain_article("p2", OTHER)]
    path = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist([a.to_dict() for a in articles]), path)
    with store.Store(str(db)) as s:
        assert s.load_parquet(path) == 2
        assert [s.article("p1"), s.article("p2")] == articles


DIRECT_DYAD_DAY = """
SELECT day, source_country, coalesce(source_code, source_country) AS source_code, target_country,
       coalesce(target_code, target_country) AS target_code, cameo_root AS root_code, count(*) AS events,
       avg(goldstein) AS mean_goldstein
FROM events WHERE mode = 'asserted' GROUP BY ALL
"""


def dyad_rows(con, sql: str) -> list[tuple]:
    rows = con.execute(f"SELECT * FROM ({sql})").fetchall()
    return sorted(((*r[:-1], round(r[-1], 9) if r[-1] is not None else None) for r in rows), key=repr)


def coded_article(doc_id: str, published: str, events: list[tuple], text: str | None = None) -> Article:
    """An article whose events are (source (code, country) or None, target likewise, cameo, goldstein, mode)."""
    text = text or f"Report {doc_id}: officials met, troops fought and leaders spoke on {published}."
    actors, out = {}, []
    for k, (source, target, cameo, goldstein, mode) in enumerate(events):
        ids = []
        for who in (source, target):
            if who is None:
                ids.append(None)
                continue
            if who not in actors:
                actors[who] = Actor(f"{doc_id}:a{len(actors)}", who[0] or who[1] or "someone", "organization",
                                    code=who[0], country=who[1])
            ids.append(actors[who].id)
        out.append(Event(f"{doc_id}:e{k}", ids[0], ids[1], cameo, cameo[:2], goldstein, 1, None, span(text, "met"),
                         Span(0, len(text), text), mode=mode))
    return Article(doc_id=doc_id, text=text, published=published, actors=tuple(actors.values()), events=tuple(out))


USA_GOV, RUS, UN, NOBODY = ("USAGOV", "USA"), (None, "RUS"), ("IGOUNO", None), (None, None)


def test_dyad_day_equals_a_direct_group_by_after_inserts_replace_and_delete(db):
    first = [
        coded_article("a", "2024-05-01", [(USA_GOV, RUS, "040", 1.0, "asserted"), (RUS, None, "190", -10.0, "asserted"),
                                          (UN, NOBODY, "036", 4.0, "hypothetical")]),
        coded_article("b", "2024-05-01", [(USA_GOV, RUS, "040", 1.9, "asserted"), (NOBODY, UN, "111", -2.0, "asserted")]),
        coded_article("c", "2024-05-02", [(USA_GOV, RUS, "040", 1.0, "asserted"), (UN, RUS, "036", 4.0, "asserted")]),
    ]
    with store.Store(str(db)) as s:
        s.write_many(first[:2])
        s.write_many(first[2:])

        def check(expected_keys: int) -> None:
            got = dyad_rows(s.con, "SELECT * FROM dyad_day")
            assert got == dyad_rows(s.con, DIRECT_DYAD_DAY)
            assert len(got) == expected_keys

        check(5)
        usa_rus = "SELECT events, mean_goldstein FROM dyad_day WHERE source_code = 'USAGOV' AND day = '2024-05-01'"
        assert s.con.execute(usa_rus).fetchall() == [(2, pytest.approx(1.45))]
        # re-ingest of "b" by doc_id: same key, new Goldstein; the UN event becomes hypothetical
        s.write_many([coded_article("b", "2024-05-01", [(USA_GOV, RUS, "040", 3.0, "asserted"),
                                                        (NOBODY, UN, "111", -2.0, "hypothetical")])])
        check(4)
        assert s.con.execute(usa_rus).fetchall() == [(2, pytest.approx(2.0))]
        # the same text under a new doc_id replaces "c" (content hash), moving its events to another day
        s.write(coded_article("c2", "2024-05-03", [(USA_GOV, RUS, "040", 1.0, "asserted")], text=first[2].text))
        s.flush()
        check(3)
        assert s.con.execute("SELECT count(*) FROM dyad_day WHERE day = '2024-05-02'").fetchone()[0] == 0
        assert s.delete(["a", "missing"]) == 1
        check(2)
        assert s.con.execute(usa_rus).fetchall() == [(1, pytest.approx(3.0))]
        assert s.delete(["b", "c2"]) == 2
        check(0)
        assert s.con.execute("SELECT count(*) FROM dyad_day_counts").fetchone()[0] == 0
        s.write_many(first)
        check(5)
        s.con.execute("DELETE FROM events WHERE doc_id = 'a'")  # behind the store's back: rebuild repairs
        assert dyad_rows(s.con, "SELECT * FROM dyad_day") != dyad_rows(s.con, DIRECT_DYAD_DAY)
        s.rebuild_dyad_day()
        check(4)


def test_migration_carries_dyad_day_forward(db):
    articles = [make_article("m1"), make_article("m2", text=OTHER + " " + TEXT),
                coded_article("m3", "2024-05-01", [(USA_GOV, RUS, "040", 1.0, "asserted"), (UN, NOBODY, "190", -10.0, "asserted")])]
    con = duckdb.connect(str(db))
    assert store.migrate(con, version=store.SCHEMA_VERSION - 1) == store.SCHEMA_VERSION - 1
    tables = store.article_rows(articles[0], "s1", "h1", None, store._now())
    for i, a in enumerate(articles[1:], start=2):
        store.article_rows(a, f"s{i}", f"h{i}", None, store._now(), rows=tables)
    for name, table in tables.arrow().items():
        con.register("_rows", table)
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
        con.unregister("_rows")
    before = dyad_rows(con, "SELECT * FROM dyad_day")
    assert "dyad_day_counts" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    with store.Store(str(db)) as s:
        assert s.version == store.SCHEMA_VERSION
        after = dyad_rows(s.con, "SELECT * FROM dyad_day")
        assert s.con.execute("SELECT count(*) FROM dyad_day_counts").fetchone()[0] == len(after) == 4
    assert after == before


def test_dyad_day_follows_bulk_rows_with_missing_columns_and_text_days(db):
    import pyarrow as pa

    events = pa.table({"id": ["x:e0", "x:e1", "x:e2"], "doc_id": ["x"] * 3, "day": ["2024-01-02"] * 3,
                       "source_code": ["USAGOV"] * 3, "cameo_root": ["04"] * 3, "goldstein": [1, 2, None],
                       "mode": ["asserted"] * 3})
    with store.Store(str(db)) as s:
        s.write_tables({"articles": pa.table({"doc_id": ["x"], "content_hash": ["hx"]}), "events": events})
        got = dyad_rows(s.con, "SELECT * FROM dyad_day")
        assert got == dyad_rows(s.con, DIRECT_DYAD_DAY)
        assert [r[1:] for r in got] == [(None, "USAGOV", None, None, "04", 3, 1.5)]
