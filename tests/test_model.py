from newsevents.model import (
    Actor,
    Article,
    DateExpr,
    ErrorInfo,
    Event,
    Place,
    Quote,
    Removed,
    Span,
    stable_id,
)


def _article():
    text = "Police arrested two protesters in Nairobi on Monday."
    police = Actor("d:a1", "police", "group", code="KENCOP", country="KEN", role="COP",
                   mentions=(Span(0, 6, "Police"),))
    event = Event("d:e1", "d:a1", None, "173", "17", -5.0, 4, "COERCE", trigger=Span(7, 15, "arrested"),
                  sentence=Span(0, len(text), text), plover_mode="arrest", why="lex:173.arrest")
    return Article(
        doc_id="d", text=text, published="2021-08-17", removed=(Removed("Comments", "comments"),),
        actors=(police,), events=(event,),
        quotes=(Quote("d:q1", None, None, "x", 0, 1, "direct"),),
        places=(Place("d:p1", "Nairobi", 184745, -1.28, 36.82, "KEN", "city", (Span(34, 41, "Nairobi"),)),),
        dates=(DateExpr(45, 51, "Monday", "2021-08-16", "day"),),
    )


def test_record_round_trips_through_dict():
    article = _article()
    assert Article.from_dict(article.to_dict()) == article


def test_record_has_public_fields():
    record = _article().to_dict()
    assert record["schema"] == "newsevents/1"
    assert record["events"][0]["trigger"] == {"start": 7, "end": 15, "text": "arrested"}
    assert record["error"] is None
    assert Article("x", "", error=ErrorInfo("Bad", "msg", "ingest")).to_dict()["error"]["stage"] == "ingest"


def test_stable_id_is_deterministic_and_distinguishes_parts():
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("a", "b") != stable_id("ab", "")
