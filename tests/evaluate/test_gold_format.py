"""The team gold articles load and every annotation can be found again in its own text."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from newsevents.evaluate.gold import (
    GOLD_DIR,
    MENTION_TYPES,
    QUOTE_KINDS,
    SPLITS,
    load_gold,
    locate,
    occurrences,
    parse_article,
)

ARTICLES = load_gold("all")
MIN_ARTICLES = 25
ISO_VALUE = re.compile(r"^\d{4}(-W\d{2}|-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")


def test_there_are_enough_articles_in_both_splits():
    splits = [a.split for a in ARTICLES]
    assert len(ARTICLES) >= MIN_ARTICLES
    assert splits.count("dev") >= 12 and splits.count("test") >= 8
    assert len({a.id for a in ARTICLES}) == len(ARTICLES)


def test_split_filter():
    assert {a.split for a in load_gold("dev")} == {"dev"}
    assert {a.split for a in load_gold("test")} == {"test"}
    with pytest.raises(ValueError):
        load_gold("train")


def test_files_are_named_by_id():
    for path in sorted(GOLD_DIR.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == record["id"]
        assert parse_article(record).id == record["id"]


def _found_once(article, what, text, context):
    if context:
        assert len(occurrences(article.text, context)) == 1, f"{article.id}: {what} context {context!r} not unique"
        span = locate(article.text, text, context)
        assert span is not None, f"{article.id}: {what} {text!r} not inside {context!r}"
    else:
        assert len(occurrences(article.text, text)) == 1, f"{article.id}: {what} {text!r} needs a context"
        span = locate(article.text, text)
    assert article.text[span[0]:span[1]].split() == text.split()
    return span


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_article_annotations_are_located(article):
    assert article.split in SPLITS
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", article.published)
    actor_ids = [a.id for a in article.actors]
    assert len(set(actor_ids)) == len(actor_ids)
    spans = []
    for actor in article.actors:
        assert actor.mentions, f"{article.id}: actor {actor.id} has no mention"
        for mention in actor.mentions:
            assert mention.type in MENTION_TYPES
            spans.append(_found_once(article, f"mention of {actor.id}", mention.text, mention.context))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), f"{article.id}: overlapping mentions"
    for event in article.events:
        _found_once(article, "event trigger", event.trigger, event.context)
        assert set(event.sources + event.targets) - {None} <= set(actor_ids)
        assert event.source == event.sources[0] and event.target == event.targets[0]
        assert event.cameo_root and all(re.match(r"^(0[1-9]|1\d|20)$", r) for r in event.cameo_root)
    for negative in article.negative_events:
        _found_once(article, "negative event", negative.trigger, negative.context)
    for quote in article.quotes:
        assert quote.kind in QUOTE_KINDS
        assert quote.speaker is None or quote.speaker in actor_ids
        _found_once(article, "quote", quote.text, None)
    for place in article.places:
        _found_once(article, "place", place.text, place.context)
        assert place.lat is None or -90 <= place.lat <= 90
        assert place.lon is None or -180 <= place.lon <= 180
    for date in article.dates:
        _found_once(article, "date", date.text, date.context)
        assert ISO_VALUE.match(date.value), f"{article.id}: bad date value {date.value}"
    for line in article.removed:
        assert len(occurrences(article.text, line)) == 1, f"{article.id}: removed line {line!r} not in text"


def test_locate_uses_context_and_whole_words():
    text = "He left Hebron. Then the official said he would return."
    assert locate(text, "He") == (0, 2)
    assert locate(text, "he", "said he would") == (39, 41)
    assert locate(text, "official", "the  official\nsaid") == (25, 33)
    assert locate(text, "Hebron", "not in the text") is None
    assert locate(text, "Gaza") is None
