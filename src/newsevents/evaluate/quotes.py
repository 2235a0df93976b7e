"""Score quote attribution: the team gold articles and PolNeAR (brat standoff).

Both scorers work on :class:`Predicted` attributions, so the benchmark can score another extractor
(textacy) with exactly the same code. Spans are compared after trimming whitespace, quote marks
and edge punctuation on both sides ("exact" = same trimmed fragments; "overlap" = any shared
character).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import f1, ratio, require

_EDGE = "\u00a0 \t\n.,;:!?\"'“”‘’«»„‟‹›—–-―…()"
KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted attribution, in character offsets of the text it was found in."""

    content: tuple[tuple[int, int], ...]
    kind: str = "direct"
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    speaker_text: str | None = None
    speaker_mentions: tuple[tuple[int, int], ...] = ()  # mentions of the resolved speaker actor
    speaker_name: str | None = None


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span without surrounding whitespace, quote marks and punctuation (None if nothing is left)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


def _fragments(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    return frozenset(t for t in (trim(text, s, e) for s, e in spans) if t)


def _overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


# ---------------------------------------------------------------------------------------------
# Our pipeline as a predictor


def our_predictions(texts: Sequence[str], published: Sequence[str | None] | None = None):
    """Run the full pipeline on raw texts; yields ``(article, predictions)`` with offsets in the article text."""
    from .. import ingest, nlp, pipeline, quotes

    raws = [ingest.read_text(t, published=(published[i] if published else None)) for i, t in enumerate(texts)]
    good = [r for r in raws if r.error is None]
    parses = iter(nlp.parse_many([r.text for r in good]))
    for raw in raws:
        if raw.error is not None:
            yield None, []
            continue
        parse = next(parses)
        article = pipeline.analyze(raw, parse)
        found = quotes.attributions(parse, raw.doc_id, article.actors, article.events)
        yield article, _group(found, article.actors)


def _group(found, actors) -> list[Predicted]:
    """One Predicted per cue: quotations split around their cue join back into one attribution."""
    by_actor = {a.id: a for a in actors}
    groups: dict[object, list] = {}
    for item in found:
        key = (item.cue_span.start, item.cue_span.end) if item.cue_span else ("q", item.quote.start)
        groups.setdefault(key, []).append(item)
    out = []
    for items in groups.values():
        first = items[0]
        q = first.quote
        actor = by_actor.get(q.speaker) if q.speaker else None
        out.append(Predicted(
            content=tuple((i.quote.start, i.quote.end) for i in items),
            kind=q.kind,
            cue=(first.cue_span.start, first.cue_span.end) if first.cue_span else None,
            source=(first.speaker_span.start, first.speaker_span.end) if first.speaker_span else None,
            speaker_text=q.speaker_text,
            speaker_mentions=tuple((m.start, m.end) for m in actor.mentions) if actor else (),
            speaker_name=actor.name if actor else None,
        ))
    return out


# ---------------------------------------------------------------------------------------------
# Team gold


def _norm(value: str | None) -> str:
    return re.sub(r"\s+", " ", (value or "").strip().lower()).removeprefix("the ")


def _speaker_correct(pred: Predicted, gold_actor, text: str, locate) -> bool:
    """Our actor's mentions meet the gold actor's, or the source text names the gold actor."""
    if gold_actor is None:
        return False
    gold_spans = [s for s in (locate(text, m.text, m.context) for m in gold_actor.mentions) if s]
    if pred.speaker_mentions and _overlap(pred.speaker_mentions, gold_spans):
        return True
    names = {_norm(gold_actor.name)} | {_norm(m.text) for m in gold_actor.mentions if m.type == "name"}
    names.discard("")
    candidates = [_norm(pred.speaker_name), _norm(pred.speaker_text)]
    for candidate in candidates:
        if candidate and any(candidate == n or re.search(rf"\b{re.escape(n)}\b", candidate) for n in names):
            return True
    if pred.source and gold_spans:
        return bool(_overlap([pred.source], gold_spans)) and not pred.speaker_mentions and any(
            m.type == "name" and (s := locate(text, m.text, m.context)) and _overlap([pred.source], [s])
            for m in gold_actor.mentions)
    return False


def score_team(items: Iterable[tuple[object, str, list[Predicted]]], errors: list[dict]) -> tuple[int, dict]:
    """Score ``(gold_article, text, predictions)`` triples; ``text`` is the text predictions point into."""
    from .gold import locate

    counts = {k: [0, 0, 0, 0] for k in (*KINDS, "all")}  # gold, found, with speaker, speaker right
    n_pred = n_pred_ok = n = 0
    for gold, text, preds in items:
        n += 1
        gold_spans = []
        for q in gold.quotes:
            span = locate(text, q.text, None)
            gold_spans.append(span)
            c_kind, c_all = counts.setdefault(q.kind, [0, 0, 0, 0]), counts["all"]
            c_kind[0] += 1
            c_all[0] += 1
            if span is None:
                errors.append({"kind": "gold_not_located", "doc": gold.id, "text": q.text})
                continue
            match = _best(preds, span)
            if match is None:
                errors.append({"kind": "missed", "quote_kind": q.kind, "doc": gold.id, "text": q.text})
                continue
            c_kind[1] += 1
            c_all[1] += 1
            if q.speaker:
                c_kind[2] += 1
                c_all[2] += 1
                if _speaker_correct(match, gold.actor(q.speaker), text, locate):
                    c_kind[3] += 1
                    c_all[3] += 1
                else:
                    errors.append({"kind": "wrong_speaker", "quote_kind": q.kind, "doc": gold.id, "text": q.text,
                                   "gold": q.speaker, "predicted": match.speaker_text})
        for pred in preds:
            n_pred += 1
            if any(span and _overlap(pred.content, [span]) for span in gold_spans):
                n_pred_ok += 1
            else:
                errors.append({"kind": "false_positive", "quote_kind": pred.kind, "doc": gold.id,
                               "text": " … ".join(text[s:e] for s, e in pred.content),
                               "speaker": pred.speaker_text})
    total = counts["all"]
    recall, precision = ratio(total[1], total[0]), ratio(n_pred_ok, n_pred)
    metrics = {
        "quote_recall": recall,
        "quote_precision": precision,
        "quote_f1": f1(precision, recall),
        "speaker_accuracy": ratio(total[3], total[2]),
        "gold_quotes": total[0],
        "predicted_quotes": n_pred,
    }
    for kind in KINDS:
        c = counts[kind]
        metrics[f"{kind}_recall"] = ratio(c[1], c[0])
        metrics[f"{kind}_speaker_accuracy"] = ratio(c[3], c[2])
        metrics[f"{kind}_gold"] = c[0]
    return n, metrics


def _best(preds: Sequence[Predicted], span: tuple[int, int]) -> Predicted | None:
    """The prediction sharing most characters with a gold quote (at least half of either side)."""
    best, best_overlap = None, 0
    for pred in preds:
        shared = _overlap(pred.content, [span])
        size = sum(e - s for s, e in pred.content)
        if shared and (shared * 2 >= span[1] - span[0] or shared * 2 >= size) and shared > best_overlap:
            best, best_overlap = pred, shared
    return best


def score_team_quotes(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """Team gold articles (``tests/gold/articles``): quote recall/precision and speaker accuracy by kind."""
    from .gold import load_gold

    articles = load_gold(split)[:limit] if limit else load_gold(split)
    predictions = our_predictions([a.text for a in articles], [a.published for a in articles])
    items = ((gold, article.text if article else "", preds) for gold, (article, preds) in zip(articles, predictions))
    return score_team(items, errors)


# ---------------------------------------------------------------------------------------------
# PolNeAR


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


def read_ann(text: str) -> tuple[GoldAttribution, ...]:
    """Attributions of one brat ``.ann`` file (events linking Source, Cue and Content spans)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles and ref in spans:
                roles[role].extend(spans[ref][1])
        if roles["Content"]:
            out.append(GoldAttribution(tuple(roles["Content"]), tuple(roles["Cue"]), tuple(roles["Source"])))
    return tuple(out)


def load_polnear(shared: Path, split: str) -> list[PolnearDoc]:
    """PolNeAR documents of ``split`` (dev, test or all); one annotator per article (the first by id)."""
    splits = ("dev", "test") if split == "all" else (split,)
    docs = []
    for name in splits:
        folder = require(Path(shared) / "gold" / "quotes" / "polnear" / name)
        anns: dict[str, Path] = {}
        for path in sorted((folder / "attributions").glob("*.ann")):
            base = path.stem.rsplit("_", 1)[0]
            anns.setdefault(base, path)
        for text_path in sorted((folder / "text").glob("*.txt")):
            ann = anns.get(text_path.stem)
            if ann is None:
                continue
            text = text_path.read_text(encoding="utf-8")
            docs.append(PolnearDoc(text_path.stem, text, read_ann(ann.read_text(encoding="utf-8"))))
    return docs


def aligner(original: str, cleaned: str) -> Callable[[int], int]:
    """Map offsets of ``cleaned`` (ingest's output) back to ``original``, line by line."""
    pairs: list[tuple[int, int]] = []
    cursor = 0
    position = 0
    for line in cleaned.split("\n"):
        found = original.find(line, cursor) if line else -1
        if found >= 0:
            pairs.append((position, found))
            cursor = found + len(line)
        position += len(line) + 1
    starts = [p[0] for p in pairs]

    def to_original(offset: int) -> int:
        import bisect

        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            return offset
        return pairs[k][1] + offset - pairs[k][0]

    return to_original


def shift(pred: Predicted, to_original: Callable[[int], int]) -> Predicted:
    def move(span):
        return (to_original(span[0]), to_original(span[1] - 1) + 1) if span else None

    return Predicted(tuple(move(s) for s in pred.content), pred.kind, move(pred.cue), move(pred.source),
                     pred.speaker_text, pred.speaker_mentions, pred.speaker_name)


def _match(gold: list[frozenset], pred: list[frozenset], exact: bool) -> int:
    """Greedy one-to-one matches between gold and predicted fragment sets."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        best, best_score = None, 0
        for j, p in enumerate(pred):
            if j in used:
                continue
            score = (1 if g == p else 0) if exact else _overlap(g, p)
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            used.add(best)
            hits += 1
    return hits


def score_polnear_docs(docs: Sequence[PolnearDoc], predictions: Sequence[list[Predicted]],
                       errors: list[dict]) -> dict:
    """Span F1 (exact and overlap) for source, cue and content, and speaker accuracy on matched contents."""
    tallies = {f"{role}_{mode}": [0, 0, 0] for role in ("source", "cue", "content") for mode in ("exact", "overlap")}
    speaker = [0, 0]
    for doc, preds in zip(docs, predictions):
        text = doc.text
        for role in ("source", "cue", "content"):
            gold_sets = list(dict.fromkeys(
                _fragments(text, getattr(a, role)) for a in doc.attributions if getattr(a, role)))
            gold_sets = [g for g in gold_sets if g]
            if role == "content":
                pred_sets = [_fragments(text, p.content) for p in preds]
            else:
                pred_sets = [_fragments(text, [getattr(p, role)]) for p in preds if getattr(p, role)]
            pred_sets = [p for p in dict.fromkeys(pred_sets) if p]
            for mode in ("exact", "overlap"):
                t = tallies[f"{role}_{mode}"]
                t[0] += len(gold_sets)
                t[1] += len(pred_sets)
                t[2] += _match(gold_sets, pred_sets, mode == "exact")
        matched_preds: set[int] = set()
        for attribution in doc.attributions:
            g = _fragments(text, attribution.content)
            best, best_score = None, 0
            for j, pred in enumerate(preds):
                score = _overlap(g, _fragments(text, pred.content))
                if score > best_score and j not in matched_preds:
                    best, best_score = j, score
            snippet = " … ".join(text[s:e] for s, e in sorted(g))[:300]
            if best is None:
                errors.append({"kind": "missed", "doc": doc.name, "text": snippet,
                               "source": " ".join(text[s:e] for s, e in attribution.source),
                               "cue": " ".join(text[s:e] for s, e in attribution.cue)})
                continue
            matched_preds.add(best)
            pred = preds[best]
            if attribution.source:
                speaker[0] += 1
                if pred.source and _overlap([pred.source], attribution.source):
                    speaker[1] += 1
                else:
                    errors.append({"kind": "wrong_source", "doc": doc.name, "text": snippet,
                                   "gold": " ".join(text[s:e] for s, e in attribution.source),
                                   "predicted": text[pred.source[0]:pred.source[1]] if pred.source else None})
        for j, pred in enumerate(preds):
            if j not in matched_preds:
                errors.append({"kind": "false_positive", "doc": doc.name, "quote_kind": pred.kind,
                               "text": " … ".join(text[s:e] for s, e in pred.content)[:300],
                               "cue": text[pred.cue[0]:pred.cue[1]] if pred.cue else None})
    metrics: dict[str, float] = {}
    for key, (gold, pred, hits) in tallies.items():
        role, mode = key.split("_")
        p, r = ratio(hits, pred), ratio(hits, gold)
        metrics[f"{role}_f1_{mode}"] = f1(p, r)
        metrics[f"{role}_precision_{mode}"] = p
        metrics[f"{role}_recall_{mode}"] = r
    metrics["speaker_accuracy"] = ratio(speaker[1], speaker[0])
    return metrics


def polnear_ours(docs: Sequence[PolnearDoc]) -> list[list[Predicted]]:
    """Our pipeline's attributions for PolNeAR texts, mapped back to the raw file offsets."""
    out = []
    for doc, (article, preds) in zip(docs, our_predictions([d.text for d in docs])):
        if article is None:
            out.append([])
            continue
        to_original = aligner(doc.text, article.text)
        out.append([shift(p, to_original) for p in preds])
    return out


def score_polnear(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """PolNeAR: exact and overlap span F1 of source, cue and content; speaker accuracy."""
    docs = load_polnear(shared, split)
    if limit:
        docs = docs[:limit]
    return len(docs), score_polnear_docs(docs, polnear_ours(docs), errors)
