"""Peak memory (RSS) of ``newsevents extract`` on two corpus sizes: flat in corpus size means streaming.

    .venv/bin/python benchmarks/memory.py                     # 1,000 vs 20,000 synthetic articles
    .venv/bin/python benchmarks/memory.py --sizes 500 5000    # quicker
    .venv/bin/python benchmarks/memory.py --workers 2         # the Dask path (client process only)

Synthetic articles reorder the sentences of real ones (see throughput.py). Each size runs the CLI in a
child process writing JSONL and DuckDB; the peak RSS is the child's ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_articles, write_synthetic

# A fresh intermediate process, so that RUSAGE_CHILDREN covers exactly one run (and its descendants).
_MEASURE = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode;"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def peak_rss_mb(command: list[str]) -> tuple[float, float, int]:
    """Run ``command`` in a fresh child; returns (peak RSS in MB of its largest process, seconds, exit code)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    kilobytes, code = done.stdout.split()
    return int(kilobytes) / 1024, time.perf_counter() - started, int(code)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--workers", type=int, help="Use the Dask path with this many local workers.")
    args = parser.parse_args(argv)

    articles = load_articles()
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(args.sizes):
            corpus = write_synthetic(articles, size, Path(tmp) / f"corpus{size}.jsonl")
            command = [sys.executable, "-m", "newsevents.cli", "-q", "extract", str(corpus), "--db",
                       str(Path(tmp) / f"x{size}.duckdb"), "--format", "jsonl", "-o", os.devnull, "--no-progress"]
            if args.workers:
                command += ["--workers", str(args.workers)]
            mb, seconds, code = peak_rss_mb(command)
            print(f"{size:7d} articles: peak RSS {mb:7.0f} MB  ({seconds:.0f} s, {size / seconds:.1f} articles/s, "
                  f"exit {code})")


if __name__ == "__main__":
    main()
