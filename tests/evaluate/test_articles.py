"""The articles scorer, on hand-built predictions (no parsing)."""

from __future__ import annotations

from newsevents.evaluate.articles import _Tally, map_actors, same_date, score_article
from newsevents.evaluate.gold import parse_article
from newsevents.model import Actor, Article, DateExpr, Event, Place, Quote, Span

TEXT = ("Rebels attack town\n\n"
        "Rebels attacked the town of Kidal on Monday, the army said. "
        "\"We will not retreat,\" the army spokesman said. The army did not attack the camp.\n\n"
        "Share this article")
GOLD = parse_article({
    "id": "t", "split": "dev", "published": "2024-03-05", "source": "x", "title": "Rebels attack town",
    "text": TEXT, "removed": ["Share this article"],
    "actors": [
        {"id": "reb", "name": "Rebels", "kind": "group", "mentions": [
            {"text": "Rebels", "context": "Rebels attack town"}, {"text": "Rebels", "context": "Rebels attacked"}]},
        {"id": "army", "name": "Army", "kind": "organization", "mentions": [
            {"text": "the army", "context": "the army said", "type": "role"},
            {"text": "the army spokesman", "type": "role"},
            {"text": "The army", "context": "The army did not", "type": "role"}]},
    ],
    "events": [{"source": "reb", "target": None, "cameo_root": ["18", "19"], "trigger": "attacked"}],
    "negative_events": [{"trigger": "attack", "context": "did not attack", "reason": "negated"}],
    "quotes": [{"speaker": "army", "kind": "direct", "text": "We will not retreat", "cue": "said"}],
    "places": [{"text": "Kidal", "geonames_id": 2455290, "lat": 18.44, "lon": 1.41, "country": "MLI"}],
    "dates": [{"text": "Monday", "value": "2024-03-04"}],
})


def span(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(i, i + len(needle), needle)


def event(eid: str, trigger: Span, root: str, source="d:a0", negated=False) -> Event:
    return Event(eid, source, None, root + "0", root, -9.0, 4, None, trigger, Span(0, len(TEXT), TEXT),
                 negated=negated, mode="negated" if negated else "asserted")


def predicted(events=(), quote_speaker="d:a1", date_value="2024-03-04", text=TEXT) -> Article:
    rebels = Actor("d:a0", "Rebels", "group", mentions=(span(text, "Rebels"), span(text, "Rebels", 5)))
    army = Actor("d:a1", "army", "organization", mentions=(
        span(text, "the army"), span(text, "the army spokesman"), span(text, "The army")))
    quote_start = text.index("We will")
    return Article(
        "d", text, actors=(rebels, army), events=tuple(events),
        quotes=(Quote("d:q0", quote_speaker, None, "We will not retreat", quote_start, quote_start + 19, "direct"),),
        places=(Place("d:p0", "Kidal", 2455290, 18.4411, 1.4078, "MLI", "city", (span(text, "Kidal"),)),),
        dates=(DateExpr(text.index("Monday"), text.index("Monday") + 6, "Monday", date_value, "day"),),
    )


def run(article: Article) -> tuple[_Tally, list[dict]]:
    tally, errors = _Tally(), []
    score_article(GOLD, article, tally, errors)
    return tally, errors


def test_perfect_prediction_scores_full_marks():
    tally, errors = run(predicted([event("d:e0", span(TEXT, "attacked"), "19")]))
    assert tally.counts["event_tp"] == 1 and tally.counts["event_predicted"] == 1
    for key in ("mention", "pronoun_role", "quote", "place_found", "place_near", "date_found", "date_value"):
        assert tally.share(key) == 1.0, key
    assert tally.share("removed") == 0.0  # the fixture text still holds the share line
    assert [e["kind"] for e in errors] == ["boilerplate_kept"]


def test_wrong_root_or_source_is_a_miss_and_headline_events_are_ignored():
    headline = event("d:e0", span(TEXT, "attack"), "19")
    wrong_root = event("d:e1", span(TEXT, "attacked"), "04")
    tally, errors = run(predicted([headline, wrong_root]))
    assert tally.counts["event_tp"] == 0 and tally.counts["event_predicted"] == 1
    assert {"event_missed", "event_spurious"} <= {e["kind"] for e in errors}
    tally, _ = run(predicted([event("d:e0", span(TEXT, "attacked"), "19", source="d:a1")]))
    assert tally.counts["event_tp"] == 0


def test_any_listed_source_is_accepted():
    record = {"source": ["reb", "army"], "target": None, "cameo_root": "19", "trigger": "attacked"}
    parsed = parse_article({"id": "t", "split": "dev", "published": "2024-03-05", "text": TEXT, "events": [record]})
    assert parsed.events[0].sources == ("reb", "army") and parsed.events[0].source == "reb"
    assert parsed.events[0].targets == (None,) and parsed.events[0].cameo_root == ("19",)


def test_negative_trigger_coded_as_an_act_is_a_violation():
    negated = span(TEXT, "attack", TEXT.index("did not"))
    tally, _ = run(predicted([event("d:e0", negated, "19")]))
    assert tally.counts["negative_violations"] == 1
    tally, _ = run(predicted([event("d:e0", negated, "19", negated=True)]))
    assert tally.counts["negative_violations"] == 0
    tally, _ = run(predicted([event("d:e0", negated, "12")]))
    assert tally.counts["negative_violations"] == 0


def test_wrong_speaker_and_date_are_counted():
    tally, errors = run(predicted(quote_speaker="d:a0", date_value="2024-03-11"))
    assert tally.share("quote") == 0.0 and tally.share("date_value") == 0.0
    assert {"quote_speaker", "date_value"} <= {e["kind"] for e in errors}


def test_cleaned_text_without_chrome_counts_as_removed():
    cleaned = TEXT.replace("\n\nShare this article", "")
    tally, _ = run(predicted(text=cleaned))
    assert tally.share("removed") == 1.0


def test_map_actors_by_mention_overlap():
    rebels = Actor("p0", "Rebels", "group", mentions=(Span(0, 6, "Rebels"), Span(20, 26, "Rebels")))
    stray = Actor("p1", "town", "other", mentions=(Span(100, 104, "town"),))
    assert map_actors([("reb", (0, 6)), ("reb", (20, 26)), ("army", (50, 58))], [rebels, stray]) == {
        "p0": "reb", "p1": None}


def test_same_date_accepts_time_of_day_on_the_gold_day():
    assert same_date("2024-03-07TMO", "2024-03-07")
    assert same_date("2024-03", "2024-03")
    assert not same_date("2024-03", "2024-03-07")
    assert not same_date(None, "2024")
