"""Golden end-to-end test: the bundled Hamas-Taliban example, checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.schema import validate_record

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "01_haniyeh_baradar.txt"


@pytest.fixture(scope="module")
def article():
    return newsevents.extract(EXAMPLE.read_text(), published="2021-08-17", source="Team Wire")


def _actor(article, name):
    matches = [a for a in article.actors if name in a.name]
    assert matches, f"no actor named like {name!r} in {[a.name for a in article.actors]}"
    return matches[0]


def _actor_at(article, text, context):
    start = article.text.index(context) + context.index(text)
    for actor in article.actors:
        if any(m.start <= start < m.end for m in actor.mentions):
            return actor
    return None


def test_record_is_valid_and_boilerplate_removed(article):
    assert article.error is None
    assert validate_record(article.to_dict()) == []
    assert "Readers' comments" not in article.text
    assert any(r.reason == "comments" for r in article.removed)


def test_actors_have_countries_affiliations_and_resolved_mentions(article):
    haniyeh = _actor(article, "Haniyeh")
    baradar = _actor(article, "Baradar")
    assert haniyeh.kind == baradar.kind == "person"
    assert haniyeh.country == "PSE" and baradar.country == "AFG"
    by_id = {a.id: a for a in article.actors}
    assert by_id[haniyeh.affiliation].name == "Hamas"
    assert by_id[baradar.affiliation].name == "Taliban"
    assert _actor_at(article, "Haniyeh", "Haniyeh said") == haniyeh
    assert _actor_at(article, "official", "The Taliban official, for his part") == baradar
    assert _actor_at(article, "He", "He also called on") == baradar


def test_events_have_codes_sources_targets_and_reasons(article):
    haniyeh = _actor(article, "Haniyeh").id
    baradar = _actor(article, "Baradar").id
    asserted = [e for e in article.events if e.mode == "asserted"]
    triples = {(e.source, e.cameo_root, e.target) for e in asserted}
    assert (haniyeh, "04", baradar) in triples, "telephone conversation is a consultation"
    assert (baradar, "05", haniyeh) in triples, "thanked is praise/endorsement"
    appeals = [e for e in article.events if e.source == baradar and e.cameo_root == "02"]
    assert appeals, "called on regional countries to help is an appeal by Baradar"
    assert all(e.cameo_root != "07" for e in article.events), "an appeal to help is not an act of giving aid"
    for event in article.events:
        assert event.why and event.trigger.text == article.text[event.trigger.start:event.trigger.end]
        assert 1 <= event.quad_class <= 4 and -10 <= event.goldstein <= 10
    call = next(e for e in asserted if e.cameo_root == "04" and e.source == haniyeh)
    assert call.date == "2021-08-16", "'on Monday' before publication on Tuesday 2021-08-17"


def test_quotes_have_speakers(article):
    haniyeh = _actor(article, "Haniyeh").id
    baradar = _actor(article, "Baradar").id
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct if q.text.startswith("We congratulate")] == [haniyeh]
    indirect = [q for q in article.quotes if "good relations" in q.text]
    assert indirect and indirect[0].speaker == baradar and indirect[0].kind == "indirect"


def test_places_and_dates_are_resolved(article):
    places = {p.name: p for p in article.places}
    kabul = next(p for p in article.places if p.geonames_id == 1138958)
    assert kabul.country == "AFG" and abs(kabul.lat - 34.53) < 0.1
    assert any(p.geonames_id == 281133 for p in article.places), f"Gaza City missing from {list(places)}"
    values = {d.text: d.value for d in article.dates}
    assert values.get("Monday") == "2021-08-16"
    assert values.get("Sunday") == "2021-08-15"
