"""Score event coding: the PLOVER gold standard records and PETRARCH2's test sentences.

plover-gsr: one coded event per sentence; our best event's PLOVER type (CAMEO mapped through the
codebook) against the gold label translated from PLOVER 0.5b1 to 0.8, and its source/target actor against
the gold actors' country code and sector. Records with an odd number are ``dev``, even ones ``test``.

petrarch-unittest / petrarch-gsr: expected (source, target, CAMEO) triples; recall of triples with the
same actor codes and the same root (or the exact code), and the share of no-event sentences where we
still code an asserted event. An actor whose dictionary entry lists several codes joined by "/" ("LORIEN
[ELR/GAL]") stands for each of them, as PETRARCH reports it: one triple per combination of source and target
codes. These sets have no official split: ``dev`` takes odd-numbered records,
``test`` even ones, ``all`` every record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from .. import ingest, pipeline
from ..model import Actor, Article, Event
from . import ratio, require

PLOVER_05_TO_08 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
PETRARCH_ACTOR_FILES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
PETRARCH_VERBS_FILE = "PETR.Validate.verbs.txt"


def _articles(texts: Sequence[tuple[str, str | None]], config: pipeline.Config) -> list[Article]:
    raws = [ingest.read_text(text, published=published, doc_id=f"g{n}") for n, (text, published) in
            enumerate(texts)]
    return list(pipeline.process(raws, config))


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    digits = date.replace("-", "")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 and digits.isdigit() else None


def main_event(article: Article, coded_only: bool = False) -> Event | None:
    """The sentence's headline event: asserted and PLOVER-coded first, then by confidence, then text order."""
    pool = [e for e in article.events if e.plover] if coded_only else list(article.events)
    if not pool:
        return None
    return max(pool, key=lambda e: (e.mode == "asserted" and not e.negated, e.confidence, -e.trigger.start))


def _actor_matches(gold: dict, actor: Actor | None) -> bool:
    if actor is None:
        return False
    code = (actor.code or "").upper()
    country = (actor.country or code[:3]).upper()
    gold_code = (gold.get("code") or "").upper()
    if gold_code and gold_code not in (country, code[:3]) and gold_code not in code:
        return False
    sector = (gold.get("sector") or "").strip("*")[:3].upper()
    return not sector or sector in code[3:] or sector == code[:3]


def _gold_actors(record: dict, key: str) -> list[dict]:
    value = record.get(key)
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _split_ok(number: int, split: str) -> bool:
    return split == "all" or (split == "dev") == (number % 2 == 1)


def score_plover_gsr(shared: Path, split: str, limit: int | None, errors: list[dict]):
    """Event type, source and target accuracy on the PLOVER gold standard records."""
    path = require(shared / "gold" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    records = [r for r in records if _split_ok(int(r["id"].rsplit("-", 1)[1]), split)][:limit]
    articles = _articles([(r["text"], _iso(r.get("date"))) for r in records], pipeline.Config())
    hits = source_hits = target_hits = sources = targets = empty = 0
    for record, article in zip(records, articles):
        gold = PLOVER_05_TO_08.get(record["event"], record["event"])
        event = main_event(article, coded_only=True)
        actors = {a.id: a for a in article.actors}
        ours = event.plover if event else None
        hits += ours == gold
        empty += event is None
        src_ok = tgt_ok = None
        gold_sources, gold_targets = _gold_actors(record, "source"), _gold_actors(record, "target")
        if gold_sources:
            sources += 1
            src_ok = bool(event) and any(_actor_matches(g, actors.get(event.source)) for g in gold_sources)
            source_hits += src_ok
        if gold_targets:
            targets += 1
            tgt_ok = bool(event) and any(_actor_matches(g, actors.get(event.target)) for g in gold_targets)
            target_hits += tgt_ok
        if ours != gold or src_ok is False or tgt_ok is False:
            errors.append({
                "kind": "event" if ours != gold else "actor",
                "id": record["id"],
                "text": record["text"],
                "gold": gold,
                "gold_source": [(g.get("code"), g.get("sector")) for g in gold_sources],
                "gold_target": [(g.get("code"), g.get("sector")) for g in gold_targets],
                "ours": ours,
                "cameo": event.cameo if event else None,
                "source": actors[event.source].code if event and event.source in actors else None,
                "target": actors[event.target].code if event and event.target in actors else None,
                "why": event.why if event else None,
            })
    n = len(records)
    return n, {
        "event_accuracy": ratio(hits, n),
        "source_accuracy": ratio(source_hits, sources),
        "target_accuracy": ratio(target_hits, targets),
        "no_event_rate": ratio(empty, n),
    }


def _norm_code(code: str | None) -> str:
    return (code or "").strip().upper().lstrip("-")


def _triples(article: Article) -> set[tuple[str, str, str]]:
    actors = {a.id: a for a in article.actors}

    def codes(actor_id: str | None) -> list[str]:
        actor = actors.get(actor_id) if actor_id else None
        return _norm_code(actor.code if actor else None).split("/")

    return {(source, target, e.cameo) for e in article.events if e.mode == "asserted" and not e.negated
            for source in codes(e.source) for target in codes(e.target)}


def _score_petrarch(records: Iterable[dict], actor_files: Sequence[str], lexicon_files: Sequence[str],
                    errors: list[dict]):
    records = [r for r in records if not any("error" in e for e in r["expected"])]
    config = pipeline.Config(actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files))
    articles = _articles([(r["text"], _iso(r.get("date"))) for r in records], config)
    expected_n = root_hits = exact_hits = produced = produced_hits = 0
    no_event_n = false_events = 0
    for record, article in zip(records, articles):
        ours = _triples(article)
        produced += len(ours)
        expected = [e for e in record["expected"] if "eventcode" in e]
        if not expected:
            no_event_n += 1
            if ours:
                false_events += 1
                errors.append({"kind": "false_event", "id": record["id"], "text": record["text"],
                               "ours": sorted(ours)})
            continue
        gold = [(_norm_code(e.get("sourcecode")), _norm_code(e.get("targetcode")), e["eventcode"])
                for e in expected]
        for triple in gold:
            expected_n += 1
            root = any(o[:2] == triple[:2] and o[2][:2] == triple[2][:2] for o in ours)
            root_hits += root
            exact_hits += triple in ours
            if not root:
                errors.append({"kind": "miss", "id": record["id"], "text": record["text"], "gold": triple,
                               "ours": sorted(ours),
                               "why": [e.why for e in article.events]})
        produced_hits += sum(any(o[:2] == g[:2] and o[2][:2] == g[2][:2] for g in gold) for o in ours)
    n = len(records)
    return n, {
        "root_triple_recall": ratio(root_hits, expected_n),
        "triple_recall": ratio(exact_hits, expected_n),
        "root_triple_precision": ratio(produced_hits, produced),
        "false_event_rate": ratio(false_events, no_event_n),
    }


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _select(records: list[dict], split: str, limit: int | None) -> list[dict]:
    return [r for n, r in enumerate(records, 1) if _split_ok(n, split)][:limit]


def score_petrarch_unittest(shared: Path, split: str, limit: int | None, errors: list[dict]):
    """PETRARCH2's unit-test sentences, coded with its validation dictionaries loaded as user files:
    actors and agents through the actors stage, and its verbs dictionary (whose codes are largely
    WEIS-era, not CAMEO) as a user event lexicon."""
    folder = require(shared / "gold" / "events" / "petrarch_unittest")
    records = _select(_read_jsonl(require(folder / "PETR.UnitTest.records.jsonl")), split, limit)
    actor_files = [str(require(folder / "dictionaries" / name)) for name in PETRARCH_ACTOR_FILES]
    verbs = [str(require(folder / "dictionaries" / PETRARCH_VERBS_FILE))]
    return _score_petrarch(records, actor_files, verbs, errors)


def score_petrarch_gsr(shared: Path, split: str, limit: int | None, errors: list[dict]):
    """PETRARCH2's small real-world validation set, with our bundled actor dictionaries."""
    folder = require(shared / "gold" / "events" / "petrarch_gsr")
    records = _select(_read_jsonl(require(folder / "PETR2_GSR_validation.jsonl")), split, limit)
    return _score_petrarch(records, (), (), errors)
