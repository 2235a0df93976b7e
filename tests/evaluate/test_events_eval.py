"""Event scorers: gold-label translation, actor matching, and small runs on the shared gold sets."""

from __future__ import annotations

from newsevents.evaluate import events as ev
from newsevents.model import Actor, Article, Event, Span


def _event(n: int, plover: str | None, confidence: float, mode: str = "asserted") -> Event:
    return Event(id=f"d:e{n}", source=None, target=None, cameo="190", cameo_root="19", goldstein=-10.0,
                 quad_class=4, plover=plover, trigger=Span(n, n + 1, "x"), sentence=Span(0, 9, "x"),
                 mode=mode, confidence=confidence)


def test_main_event_prefers_asserted_coded_confident_events():
    article = Article(doc_id="d", text="x" * 9, events=(
        _event(0, None, 0.9), _event(1, "ASSAULT", 0.6), _event(2, "ACCUSE", 0.99, mode="hypothetical"),
        _event(3, "AID", 0.6),
    ))
    assert ev.main_event(article, coded_only=True).id == "d:e1"
    assert ev.main_event(article).id == "d:e0"
    assert ev.main_event(Article(doc_id="d", text="")) is None


def test_actor_match_uses_country_and_sector():
    police = Actor("a", "Kenyan police", "group", code="KENCOP", country="KEN")
    assert ev._actor_matches({"code": "KEN", "sector": "COP"}, police)
    assert ev._actor_matches({"code": "KEN"}, police)
    assert not ev._actor_matches({"code": "KEN", "sector": "MIL"}, police)
    assert not ev._actor_matches({"code": "UGA"}, police)
    assert ev._actor_matches({"code": "IGO"}, Actor("b", "UN", "organization", code="IGOUNO"))
    assert not ev._actor_matches({"code": "KEN"}, None)


def test_gold_labels_translate_to_plover_08():
    assert ev.PLOVER_05_TO_08["FIGHT"] == "ASSAULT"
    assert ev.PLOVER_05_TO_08["DEMAND"] == "REQUEST"
    assert ev._iso("19950103") == "1995-01-03" and ev._iso("2000-01-01") == "2000-01-01"
    assert ev._iso("") is None


def test_plover_gsr_dev_sample(shared):
    errors: list[dict] = []
    n, metrics = ev.score_plover_gsr(shared, "dev", 12, errors)
    assert n == 12
    assert set(metrics) == {"event_accuracy", "source_accuracy", "target_accuracy", "no_event_rate"}
    assert all(0.0 <= v <= 1.0 for v in metrics.values())
    assert metrics["event_accuracy"] >= 0.5
    assert all({"kind", "text"} <= set(e) for e in errors)


def test_petrarch_unittest_sample(shared):
    errors: list[dict] = []
    n, metrics = ev.score_petrarch_unittest(shared, "all", 10, errors)
    assert n == 10
    assert set(metrics) >= {"root_triple_recall", "triple_recall", "false_event_rate"}
    assert all(0.0 <= v <= 1.0 for v in metrics.values())


def test_petrarch_triples_expand_slash_joined_actor_codes():
    shire = Actor("d:a1", "The Shire", "country", code="FRO/BIL")
    lorien = Actor("d:a2", "Lorien", "country", code="ELR/GAL")
    event = Event(id="d:e1", source="d:a1", target="d:a2", cameo="064", cameo_root="06", goldstein=7.0,
                  quad_class=2, plover="COOPERATE", trigger=Span(0, 1, "x"), sentence=Span(0, 9, "x"))
    negated = Event(id="d:e2", source="d:a2", target=None, cameo="190", cameo_root="19", goldstein=-10.0,
                    quad_class=4, plover="ASSAULT", trigger=Span(2, 3, "x"), sentence=Span(0, 9, "x"),
                    negated=True, mode="negated")
    article = Article(doc_id="d", text="x" * 9, actors=(shire, lorien), events=(event, negated))
    assert ev._triples(article) == {("FRO", "ELR", "064"), ("FRO", "GAL", "064"), ("BIL", "ELR", "064"),
                                    ("BIL", "GAL", "064")}
