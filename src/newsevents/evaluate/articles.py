"""Score the whole pipeline on the team's gold articles: ``newsevents eval articles``.

Predicted actors are mapped to gold actors by how many of their mentions overlap each gold actor's
located mentions; events, quotes and mention checks then compare gold actor ids.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from . import f1, ratio
from .gold import GoldArticle, load_gold, locate, occurrences

NOT_ASSERTED_MODES = {"negated", "hypothetical", "future"}
KM_161 = 161.0

Span = tuple[int, int]


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def is_asserted(event) -> bool:
    """True for an event the article says happened (not negated, hypothetical or future)."""
    return not event.negated and event.mode not in NOT_ASSERTED_MODES


def same_date(predicted: str | None, gold: str) -> bool:
    """Equal values; a predicted time of day on the gold day (``2024-03-07TMO``) also counts."""
    return predicted is not None and (predicted == gold or predicted.startswith(gold + "T"))


def map_actors(gold_mentions: list[tuple[str, Span]], predicted_actors) -> dict[str, str | None]:
    """Predicted actor id -> the gold actor id most of its mentions overlap (None when none do)."""
    mapping: dict[str, str | None] = {}
    for actor in predicted_actors:
        votes: Counter[str] = Counter()
        for mention in actor.mentions:
            span = (mention.start, mention.end)
            for gold_id, gold_span in gold_mentions:
                if _overlaps(span, gold_span):
                    votes[gold_id] += 1
        mapping[actor.id] = votes.most_common(1)[0][0] if votes else None
    return mapping


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, key: str, hit: bool) -> None:
        self.counts[key + "_total"] += 1
        self.counts[key + "_hit"] += int(hit)

    def share(self, key: str) -> float:
        return ratio(self.counts[key + "_hit"], self.counts[key + "_total"])


def _snippet(text: str, span: Span | None, width: int = 80) -> str:
    if span is None:
        return ""
    return text[max(0, span[0] - width):span[1] + width].replace("\n", " ")


def _headline_end(text: str, title: str | None) -> int:
    """End of the headline line when the text opens with the title (gold events are annotated in the body)."""
    first = text.split("\n", 1)[0]
    return len(first) if title and first.strip() == title.strip() else 0


def score_article(gold: GoldArticle, article, tally: _Tally, errors: list[dict]) -> None:
    """Add one article's hits and misses to ``tally``; misses go to ``errors``."""
    text = article.text
    doc = gold.id

    def miss(kind: str, span: Span | None = None, **details) -> None:
        errors.append({"kind": kind, "doc": doc, "text": _snippet(text, span), **details})

    gold_mentions = []
    for actor in gold.actors:
        for mention in actor.mentions:
            gold_mentions.append((actor.id, mention, locate(text, mention.text, mention.context)))
    mapping = map_actors([(a, s) for a, _, s in gold_mentions if s], article.actors)
    mentions_by_actor = [(actor.id, [(m.start, m.end) for m in actor.mentions]) for actor in article.actors]

    for gold_id, mention, span in gold_mentions:
        found = [pid for pid, spans in mentions_by_actor if any(_overlaps(span, s) for s in spans)]
        hit = any(mapping.get(pid) == gold_id for pid in found)
        tally.add("mention", hit)
        if mention.type in ("pronoun", "role"):
            tally.add("pronoun_role", hit)
        if not hit:
            miss("mention", span, mention=mention.text, type=mention.type, gold_actor=gold_id,
                 predicted=[mapping.get(pid) or pid for pid in found])

    headline = _headline_end(text, gold.title)
    asserted = [e for e in article.events if is_asserted(e) and e.trigger.start >= headline]
    tally.counts["event_predicted"] += len(asserted)
    located = [(event, locate(text, event.trigger, event.context)) for event in gold.events]
    tally.counts["event_gold"] += len(located)
    used: set[str] = set()
    matched: set[int] = set()

    def agrees(gold_event, event) -> bool:
        return (event.id not in used
                and mapping.get(event.source) in gold_event.sources
                and mapping.get(event.target) in gold_event.targets
                and event.cameo_root in gold_event.cameo_root)

    for near in (True, False):
        for index, (gold_event, span) in enumerate(located):
            if index in matched or span is None:
                continue
            for event in asserted:
                trigger = (event.trigger.start, event.trigger.end)
                sentence = (event.sentence.start, event.sentence.end)
                close = _overlaps(trigger, span) if near else _overlaps(sentence, span)
                if close and agrees(gold_event, event):
                    used.add(event.id)
                    matched.add(index)
                    break
    tally.counts["event_tp"] += len(matched)
    # A multi-party act ("A, B and C agreed") is one gold event but several dyads in our output: the
    # extra dyads of a matched gold event are neither hits nor false events.
    for event in asserted:
        trigger = (event.trigger.start, event.trigger.end)
        if event.id not in used and any(
            index in matched and _overlaps(trigger, span) and agrees(gold_event, event)
            for index, (gold_event, span) in enumerate(located)
        ):
            used.add(event.id)
            tally.counts["event_predicted"] -= 1
    for index, (gold_event, span) in enumerate(located):
        if index not in matched:
            near = [f"{mapping.get(e.source) or e.source}->{mapping.get(e.target) or e.target} {e.cameo}"
                    f" '{e.trigger.text}'" for e in asserted if _overlaps((e.sentence.start, e.sentence.end), span)]
            miss("event_missed", span, trigger=gold_event.trigger,
                 gold=f"{gold_event.sources}->{gold_event.targets} {'/'.join(gold_event.cameo_root)}", in_sentence=near)
    for event in asserted:
        if event.id not in used:
            trigger = (event.trigger.start, event.trigger.end)
            miss("event_spurious", trigger, trigger=event.trigger.text, cameo=event.cameo,
                 predicted=f"{mapping.get(event.source) or event.source}->{mapping.get(event.target) or event.target}")

    for negative in gold.negative_events:
        span = locate(text, negative.trigger, negative.context)
        coded = [e for e in asserted if _overlaps((e.trigger.start, e.trigger.end), span)
                 and e.cameo_root not in negative.allowed_roots]
        if coded:
            tally.counts["negative_violations"] += 1
            miss("negative_coded", span, trigger=negative.trigger, reason=negative.reason,
                 cameo=[e.cameo for e in coded])

    for quote in gold.quotes:
        if quote.speaker is None:  # generic or joint speakers: scored for recall by `eval quotes`, not here
            continue
        span = locate(text, quote.text)
        found = [q for q in article.quotes if _overlaps((q.start, q.end), span)]
        hit = any(mapping.get(q.speaker) == quote.speaker for q in found if q.speaker)
        tally.add("quote", hit)
        if not hit:
            miss("quote_speaker", span, quote=quote.text, quote_kind=quote.kind, gold_speaker=quote.speaker,
                 predicted=[(mapping.get(q.speaker) or q.speaker_text) for q in found] or "no quote")

    for place in gold.places:
        span = locate(text, place.text, place.context)
        found = [p for p in article.places if any(_overlaps((m.start, m.end), span) for m in p.mentions)]
        tally.add("place_found", bool(found))
        if not found:
            miss("place_missed", span, place=place.text)
            continue
        if place.lat is None or place.lon is None:
            continue
        best = found[0]
        near = best.geonames_id is not None and best.geonames_id == place.geonames_id
        if not near and best.lat is not None and best.lon is not None:
            near = _km(place.lat, place.lon, best.lat, best.lon) <= KM_161
        tally.add("place_near", near)
        if not near:
            miss("place_far", span, place=place.text, gold=(place.geonames_id, place.lat, place.lon),
                 predicted=(best.name, best.geonames_id, best.lat, best.lon))

    for date in gold.dates:
        span = locate(text, date.text, date.context)
        found = [d for d in article.dates if _overlaps((d.start, d.end), span)]
        tally.add("date_found", bool(found))
        if not found:
            miss("date_missed", span, date=date.text, gold=date.value)
            continue
        hit = any(same_date(d.value, date.value) for d in found)
        tally.add("date_value", hit)
        if not hit:
            miss("date_value", span, date=date.text, gold=date.value, predicted=[d.value for d in found])

    for line in gold.removed:
        kept = bool(occurrences(text, line))
        tally.add("removed", not kept)
        if kept:
            miss("boilerplate_kept", locate(text, line), line=line)


def score_articles(shared: Path, split: str = "dev", limit: int | None = None,
                   errors: list[dict] | None = None) -> tuple[int, dict[str, float]]:
    """Run the pipeline on the gold articles of ``split`` and score every field (``shared`` is unused)."""
    from .. import ingest, pipeline

    errors = [] if errors is None else errors
    gold = load_gold(split)[:limit] if limit else load_gold(split)
    raws = [ingest.read_text(g.text, published=g.published, source=g.source, title=g.title, doc_id=g.id)
            for g in gold]
    tally = _Tally()
    for gold_article, article in zip(gold, pipeline.process(raws)):
        if article.error is not None:
            errors.append({"kind": "article_error", "doc": gold_article.id, "text": str(article.error)})
        score_article(gold_article, article, tally, errors)
    counts = tally.counts
    precision = ratio(counts["event_tp"], counts["event_predicted"])
    recall = ratio(counts["event_tp"], counts["event_gold"])
    return len(gold), {
        "event_precision": precision,
        "event_recall": recall,
        "event_f1": f1(precision, recall),
        "negative_event_violations": counts["negative_violations"],
        "mention_accuracy": tally.share("mention"),
        "pronoun_role_accuracy": tally.share("pronoun_role"),
        "quote_speaker_accuracy": tally.share("quote"),
        "place_acc_161km": tally.share("place_near"),
        "place_recall": tally.share("place_found"),
        "date_value_accuracy": tally.share("date_value"),
        "date_recall": tally.share("date_found"),
        "boilerplate_removed": tally.share("removed"),
    }
