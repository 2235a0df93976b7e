import pytest
from starlette.testclient import TestClient

from newsevents import store
from newsevents.model import Actor, Article, DateExpr, Event, Place, Quote, Removed, Span
from newsevents.web import create_app

HOSTILE = "<script>alert(1)</script>"


def _article(doc_id: str, text: str, published: str) -> Article:
    police = Actor(f"{doc_id}:a1", "Kenyan police", "group", code="KENCOP", country="KEN", role="COP",
                   mentions=(Span(0, 13, text[0:13]),))
    crowd = Actor(f"{doc_id}:a2", "protesters", "group", code="KENCVL", country="KEN", role="CVL",
                  mentions=(Span(23, 33, text[23:33]),))
    nairobi = Place(f"{doc_id}:p1", "Nairobi", 184745, -1.283, 36.817, "KEN", "city", (Span(37, 44, text[37:44]),))
    arrest = Event(f"{doc_id}:e1", police.id, crowd.id, "173", "17", -5.0, 4, "COERCE", trigger=Span(14, 22, text[14:22]),
                   sentence=Span(0, 45, text[0:45]), date=published, date_precision="day", place=nairobi.id,
                   plover_mode="arrest", confidence=0.9, why="lex:173.arrest verb-dobj")
    quote_start = text.index("We")
    quote_end = text.index("order") + len("order")
    quote = Quote(f"{doc_id}:q1", police.id, "police", text[quote_start:quote_end], quote_start, quote_end, "direct",
                  cue="said")
    return Article(doc_id=doc_id, text=text, title=f"Arrests {doc_id}", source="Team Wire", published=published,
                   removed=(Removed("Comments are closed.", "comments"),), actors=(police, crowd),
                   events=(arrest,), quotes=(quote,), places=(nairobi,),
                   dates=(DateExpr(0, 0, "", published, "day"),)[:0])


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "web.duckdb"
    text = "Kenyan police arrested protesters in Nairobi. \"We restored order,\" police said. " + HOSTILE
    with store.Store(str(db)) as writer:
        writer.write(_article("doc1", text, "2023-03-06"))
        writer.write(_article("doc2", text.replace("Nairobi", "Nakuru!"), "2023-03-07"))
    return TestClient(create_app(str(db)))


def test_overview_lists_counts_dyads_and_chart(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "2 articles" in page.text and "<svg" in page.text and "KENCOP" in page.text


def test_article_page_highlights_spans_and_escapes_hostile_text(client):
    page = client.get("/article/doc1")
    assert page.status_code == 200
    assert HOSTILE not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert 'class="ann event"' in page.text and "lex:173.arrest" in page.text
    assert 'class="ann actor"' in page.text and 'class="ann place"' in page.text
    assert "Comments are closed." in page.text


def test_events_table_filters_sorts_pages_and_exports_csv(client):
    page = client.get("/events", params={"country": "KEN", "root": "17", "sort": "goldstein", "order": "asc"})
    assert page.status_code == 200 and "2 events" in page.text
    assert "0 events" in client.get("/events", params={"root": "05"}).text
    csv_text = client.get("/events.csv", params={"start": "2023-03-07"}).text
    assert csv_text.splitlines()[0].startswith("id,day,cameo") and len(csv_text.splitlines()) == 2


def test_dyad_and_map_pages(client):
    dyad = client.get("/dyad", params={"source": "KENCOP", "target": "KENCVL"})
    assert dyad.status_code == 200 and "polyline" in dyad.text
    world = client.get("/map")
    assert world.status_code == 200 and 'class="place"' in world.text and "Nairobi" in world.text


def test_api_endpoints_and_openapi(client):
    events = client.get("/api/events", params={"page_size": 1}).json()
    assert events["total"] == 2 and len(events["events"]) == 1 and events["events"][0]["cameo"] == "173"
    assert client.get("/api/articles/doc2").json()["doc_id"] == "doc2"
    assert client.get("/api/dyads").json()["dyads"][0]["n"] == 2
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("params", [
    {"actor": "'; DROP TABLE events; --"},
    {"country": "KEN' OR '1'='1"},
    {"page_size": str(10**9), "page": "-5"},
    {"page_size": "abc", "sort": "id; DELETE FROM events"},
    {"root": "1' UNION SELECT * FROM articles --"},
])
def test_hostile_query_parameters_are_harmless(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    body = response.json()
    assert body["page_size"] <= 500 and body["page"] >= 1
    assert client.get("/api/events").json()["total"] == 2


@pytest.mark.parametrize("doc_id", ["../../etc/passwd", "doc1' OR '1'='1", "%2e%2e%2fsecret", "x" * 5000])
def test_unknown_or_hostile_article_ids_are_404(client, doc_id):
    assert client.get(f"/article/{doc_id}").status_code == 404
    assert client.get(f"/api/articles/{doc_id}").status_code == 404


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no database"):
        create_app(str(tmp_path / "none.duckdb"))
