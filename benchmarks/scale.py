"""Dask scaling: the same corpus through ``distributed.run`` with 1 and then 2 (or --workers) local workers.

    .venv/bin/python benchmarks/scale.py                  # 400 articles, 1 vs 2 workers
    .venv/bin/python benchmarks/scale.py --articles 2000 --workers 1 2 4

Each run starts a fresh LocalCluster (one single-threaded process per worker) and writes JSONL and DuckDB
into a temporary folder. Rates are given for the whole run and after cluster start-up and model loading.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_articles, write_synthetic

from newsevents import distributed


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=distributed.PARTITION_SIZE)
    parser.add_argument("--no-db", action="store_true", help="Write JSONL only.")
    args = parser.parse_args(argv)

    print(f"{os.cpu_count()} CPUs; {args.articles} articles; partition size {args.partition_size}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_synthetic(load_articles(), args.articles, Path(tmp) / "corpus.jsonl")
        results = {}
        for n in args.workers:
            out = Path(tmp) / f"out{n}.jsonl"
            db = None if args.no_db else str(Path(tmp) / f"x{n}.duckdb")
            summary = distributed.run([corpus], db=db, output=str(out), workers=n, resume=False, progress=False,
                                      partition_size=args.partition_size)
            results[n] = summary
            print(json.dumps({k: summary[k] for k in ("workers", "articles", "errors", "seconds",
                                                      "articles_per_second", "articles_per_second_after_startup",
                                                      "worker_seconds", "writer_seconds")}))
    base = results[args.workers[0]]
    for n in args.workers[1:]:
        total = results[n]["articles_per_second"] / base["articles_per_second"]
        steady = results[n]["articles_per_second_after_startup"] / base["articles_per_second_after_startup"]
        print(f"speedup {args.workers[0]} -> {n} workers: {total:.2f}x overall, {steady:.2f}x after start-up")


if __name__ == "__main__":
    main()
