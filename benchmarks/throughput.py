"""Articles per second of the full pipeline against bare spaCy ``nlp.pipe`` (same model, texts, batch size).

    .venv/bin/python benchmarks/throughput.py             # ~1,100 real articles (shared/ + examples/)
    .venv/bin/python benchmarks/throughput.py --limit 200
    .venv/bin/python benchmarks/throughput.py --profile   # also print the top functions by own time

Both sides run in one process and one thread, taking turns over chunks of ``--chunk`` articles, so that a
shared machine whose speed drifts during the run slows both alike. The pipeline side includes ingest
(cleaning, language check) and every stage; the table after it says where that time goes. Rates and the ratio use CPU time of this process
(``time.process_time``), which other jobs on a shared machine disturb far less than wall time; wall-clock
rates are printed too. The last line is ``ratio_vs_spacy=0.NN``.
The shared files are read in place (never copied); ``scale.py`` and ``memory.py`` reuse the loaders here.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import os
import pstats
import random
import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from newsevents import actors, dates, events, ingest, nlp, pipeline, places, quotes
from newsevents.evaluate import shared_dir

ROOT = Path(__file__).resolve().parent.parent


def load_articles(limit: int | None = None, shared: bool = True) -> list[dict]:
    """``{"text", "published", "title"}`` dicts: shared place-gold articles, then the examples folder."""
    found: list[dict] = []
    places = shared_dir() / "gold" / "places"
    if shared and places.is_dir():
        for path in sorted(places.glob("*.xml")):
            for node in ET.parse(path).getroot().iter("article"):
                text = (node.findtext("text") or "").strip()
                if text:
                    day = re.match(r"\d{4}-\d{2}-\d{2}", (node.findtext("dltime") or "").strip())
                    found.append({"text": text, "published": day.group() if day else None,
                                  "title": (node.findtext("title") or "").strip() or None})
    for raw in ingest.read_paths([ROOT / "examples"]):
        if raw.error is None:
            found.append({"text": raw.text, "published": raw.published, "title": raw.title})
    return found[:limit] if limit else found


def synthetic(articles: list[dict], n: int, seed: int = 0):
    """``n`` distinct article records made by reordering paragraphs and sentences of real ones."""
    rng = random.Random(seed)
    for i in range(n):
        base = articles[i % len(articles)]
        sentences = re.split(r"(?<=[.!?])\s+", base["text"])
        if i >= len(articles) and len(sentences) > 2:
            head, rest = sentences[:1], sentences[1:]
            rng.shuffle(rest)
            sentences = head + rest
        text = " ".join(sentences) + f" (Item {i}.)"
        yield {"id": f"synthetic-{i}", "text": text, "published": base["published"], "title": base["title"]}


def write_synthetic(articles: list[dict], n: int, path: Path) -> Path:
    """Write ``n`` synthetic records as JSONL to ``path``."""
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in synthetic(articles, n))
    return path



STAGES = (("dates", dates, "find_dates"), ("places", places, "find_places"), ("actors", actors, "find_actors"),
          ("events", events, "find_events"), ("quotes", quotes, "find_quotes"), ("to_parse", nlp, "to_parse"))


def _timed(seconds: dict, name: str, func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - started

    return wrapper


def bare_spacy(texts: list[str], model: str | None, batch_size: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``nlp.pipe`` over ``texts``."""
    nlp_model = nlp.load(model)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in nlp_model.pipe(texts, batch_size=batch_size):
        pass
    return time.process_time() - cpu, time.perf_counter() - wall


def full_pipeline(records: list[dict], config: pipeline.Config,
                  stage_seconds: dict | None = None) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ingest plus ``pipeline.process`` over ``records``."""
    cpu, wall = time.process_time(), time.perf_counter()
    raws = (ingest.read_text(r["text"], published=r["published"], title=r["title"]) for r in records)
    if stage_seconds is not None:
        raws = _timed_iter(raws, stage_seconds)
    for _ in pipeline.process(raws, config):
        pass
    return time.process_time() - cpu, time.perf_counter() - wall


def interleaved(records: list[dict], texts: list[str], config: pipeline.Config, chunk: int, profile: bool):
    """Bare spaCy and the pipeline, alternated over chunks of ``chunk`` articles (the order flipping from one
    chunk to the next), so that a machine whose speed drifts slows both sides alike. Returns summed
    (spaCy CPU, spaCy wall, pipeline CPU, pipeline wall, seconds by stage, profiler)."""
    stage_seconds: dict[str, float] = defaultdict(float)
    originals = {name: getattr(module, attr) for name, module, attr in STAGES}
    profiler = cProfile.Profile() if profile else None
    totals = [0.0, 0.0, 0.0, 0.0]

    def run_spacy(start: int) -> None:
        cpu, wall = bare_spacy(texts[start:start + chunk], config.model, config.batch_size)
        totals[0] += cpu
        totals[1] += wall

    def run_pipeline(start: int) -> None:
        for name, module, attr in STAGES:
            setattr(module, attr, _timed(stage_seconds, name, originals[name]))
        try:
            if profiler:
                profiler.enable()
            cpu, wall = full_pipeline(records[start:start + chunk], config, stage_seconds)
        finally:
            if profiler:
                profiler.disable()
            for name, module, attr in STAGES:
                setattr(module, attr, originals[name])
        totals[2] += cpu
        totals[3] += wall

    for k, start in enumerate(range(0, len(records), chunk)):
        first, second = (run_spacy, run_pipeline) if k % 2 == 0 else (run_pipeline, run_spacy)
        first(start)
        second(start)
    return (*totals, stage_seconds, profiler)


def _timed_iter(items, seconds: dict):
    iterator = iter(items)
    while True:
        started = time.process_time()
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            seconds["ingest"] += time.process_time() - started
        yield item


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="Use only the first N articles.")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", help="spaCy pipeline (default: the package default).")
    parser.add_argument("--no-shared", action="store_true", help="Only the examples/ folder.")
    parser.add_argument("--profile", action="store_true", help="Profile the pipeline run (cProfile).")
    parser.add_argument("--chunk", type=int, default=40,
                        help="Articles per turn when alternating bare spaCy and the pipeline (default 40).")
    args = parser.parse_args(argv)

    records = load_articles(args.limit, shared=not args.no_shared)
    config = pipeline.Config(model=args.model, batch_size=args.batch_size)
    texts = [ingest.read_text(r["text"]).text for r in records]
    chars = sum(map(len, texts))
    print(f"{len(records)} articles, {chars / max(len(records), 1):.0f} characters each on average; "
          f"model {nlp.model_name(args.model)}, batch size {args.batch_size}, pid {os.getpid()}")

    # Warm-up: model, data files, lazy imports, caches (one small batch through each path).
    _ = config.actor_dictionary, config.lexicon
    bare_spacy(texts[:8], args.model, args.batch_size)
    full_pipeline(records[:8], config)

    spacy_seconds, spacy_wall, pipeline_seconds, pipeline_wall, stage_seconds, profiler = interleaved(
        records, texts, config, args.chunk, args.profile)

    n = len(records)
    spacy_rate, pipeline_rate = n / spacy_seconds, n / pipeline_seconds
    print(f"bare spaCy nlp.pipe : {spacy_rate:8.1f} articles/s per core  ({spacy_seconds:.1f} s CPU, "
          f"{n / spacy_wall:.1f} articles/s wall)")
    print(f"full pipeline       : {pipeline_rate:8.1f} articles/s per core  ({pipeline_seconds:.1f} s CPU, "
          f"{n / pipeline_wall:.1f} articles/s wall)")
    accounted = sum(stage_seconds.values())
    print("where the pipeline time goes (CPU):")
    rows = [*sorted(stage_seconds.items(), key=lambda kv: -kv[1]),
            ("spaCy nlp.pipe + glue", pipeline_seconds - accounted)]
    for name, seconds in rows:
        print(f"  {name:22} {seconds:7.2f} s  {100 * seconds / pipeline_seconds:5.1f} %  "
              f"{1000 * seconds / n:6.2f} ms/article")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    print(f"ratio_vs_spacy={spacy_seconds / pipeline_seconds:.2f}")


if __name__ == "__main__":
    main()
