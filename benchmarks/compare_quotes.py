"""Quote attribution: newsevents vs textacy's ``direct_quotations`` on the same gold.

Both extractors are scored by the same code (``newsevents.evaluate.quotes``): the team gold articles
(quote recall/precision, speaker accuracy) and PolNeAR (span F1 of source, cue and content).
textacy gets the same spaCy model and, for the team gold, the same cleaned text as our pipeline.

    .venv/bin/python benchmarks/compare_quotes.py [--split dev] [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsevents import ingest, nlp
from newsevents.evaluate import quotes as scoring
from newsevents.evaluate import shared_dir
from newsevents.evaluate.gold import load_gold


def textacy_predictions(texts: list[str]) -> list[list[scoring.Predicted]]:
    """textacy's direct quotations (speaker, cue, content) for each text."""
    from textacy.extract.triples import direct_quotations

    model = nlp.load()
    out = []
    for doc in model.pipe(texts):
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy refuses texts with an odd number of quote marks
            triples = []
        for speaker, cue, content in triples:
            cue_span = (min(t.idx for t in cue), max(t.idx + len(t) for t in cue)) if cue else None
            source = (min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)) if speaker else None
            preds.append(scoring.Predicted(
                content=((content.start_char, content.end_char),),
                kind="direct",
                cue=cue_span,
                source=source,
                speaker_text=doc.text[source[0]:source[1]] if source else None,
            ))
        out.append(preds)
    return out


def team(split: str, limit: int | None) -> tuple[dict, dict]:
    articles = load_gold(split)
    if limit:
        articles = articles[:limit]
    ours = list(scoring.our_predictions([a.text for a in articles], [a.published for a in articles]))
    cleaned = [ingest.read_text(a.text).text for a in articles]
    theirs = textacy_predictions(cleaned)
    _, mine = scoring.score_team(
        ((g, article.text if article else "", preds) for g, (article, preds) in zip(articles, ours)), [])
    _, other = scoring.score_team(zip(articles, cleaned, theirs), [])
    return mine, other


def polnear(shared: Path, split: str, limit: int | None) -> tuple[dict, dict]:
    docs = scoring.load_polnear(shared, split)
    if limit:
        docs = docs[:limit]
    mine = scoring.score_polnear_docs(docs, scoring.polnear_ours(docs), [])
    other = scoring.score_polnear_docs(docs, textacy_predictions([d.text for d in docs]), [])
    return mine, other


def show(title: str, mine: dict, other: dict) -> None:
    print(f"\n{title}")
    print(f"  {'metric':32} {'newsevents':>11} {'textacy':>9}")
    for key, value in mine.items():
        if isinstance(value, float) and "precision_" not in key and "recall_" not in key:
            print(f"  {key:32} {value:11.3f} {other.get(key, 0.0):9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--shared", default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    show(f"team gold ({args.split})", *team(args.split, args.limit))
    shared = shared_dir(args.shared)
    if (shared / "gold" / "quotes" / "polnear").is_dir():
        show(f"PolNeAR ({args.split})", *polnear(shared, args.split, args.limit))
    else:
        print(f"\nPolNeAR skipped: {shared}/gold/quotes/polnear not found")


if __name__ == "__main__":
    main()
