"""Longer fuzz run over ingest and the whole pipeline (not collected by pytest).

    .venv/bin/python tests/fuzz/fuzz_pipeline.py --seconds 300
    .venv/bin/python tests/fuzz/fuzz_pipeline.py --inputs 5000 --seed 7

Inputs are mutations of real articles (examples/, tests/data/hostile/): bytes flipped, inserted, deleted
and duplicated, runs of control characters, mojibake, markup, huge tokens, truncation; each goes through
``ingest.read_data`` as text, HTML or JSONL and then ``pipeline.process``. A failure is an exception that
escapes, a record the schema validator rejects, or a record that cannot be encoded as UTF-8 JSON. Failing
inputs are saved to --save (default /tmp/newsevents-fuzz) for replay. Last line: ``inputs=N failures=M``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import traceback
from pathlib import Path

from newsevents import ingest, pipeline
from newsevents.schema import validate_record

ROOT = Path(__file__).resolve().parents[2]
JUNK = [b"\x00", b"\xff\xfe", b"\xe2\x80", b"\xc3", "â€™".encode(), b"\r", b"\x0b", b"\xf0\x9f\x99\x82", b"<div>",
        b"</p>", b"<script>", b"{", b'"', b"\\u0000", b"\\ud800", b"\n\n", b"A" * 3000, b" " * 500,
        "\u2028".encode(), b"Comments (2)\n", b"\xed\xa0\x80"]


def seeds() -> list[bytes]:
    found = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*")) if p.is_file()]
    found += [p.read_bytes() for p in sorted((ROOT / "tests" / "data" / "hostile").glob("*")) if p.is_file()]
    return [s for s in found if s] or [b"Police arrested 12 protesters in Nairobi on Monday."]


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[at:at] = rng.choice(JUNK)
        elif op == 2:
            del data[at : at + rng.randint(1, 200)]
        elif op == 3 and data:
            end = min(len(data), at + rng.randint(1, 400))
            data[at:at] = data[at:end] * rng.randint(1, 20)
        elif op == 4:
            data = data[: rng.randrange(len(data) + 1)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
    return bytes(data[:400_000])


def check(data: bytes, kind: str) -> str | None:
    """None if the input went through cleanly, else a description of the failure."""
    try:
        raws = list(ingest.read_data(data, "fuzz", kind))
        articles = list(pipeline.process(raws))
        if len(articles) != len(raws):
            return f"{len(raws)} inputs gave {len(articles)} records"
        for article in articles:
            record = article.to_dict()
            json.dumps(record, ensure_ascii=False).encode("utf-8")
            problems = validate_record(record)
            if problems:
                return "invalid record: " + "; ".join(problems[:3])
    except Exception:  # noqa: BLE001 - the whole point is to catch anything that escapes
        return traceback.format_exc(limit=6)
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--inputs", type=int, help="Stop after this many inputs.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", default="/tmp/newsevents-fuzz")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    corpus = seeds()
    save = Path(args.save)
    started, tried, failures = time.monotonic(), 0, 0
    while time.monotonic() - started < args.seconds and (args.inputs is None or tried < args.inputs):
        data = mutate(rng.choice(corpus), rng)
        kind = rng.choice(["text", "html", "jsonl"])
        tried += 1
        problem = check(data, kind)
        if problem:
            failures += 1
            save.mkdir(parents=True, exist_ok=True)
            (save / f"fail-{tried}.{kind}").write_bytes(data)
            print(f"input {tried} ({kind}): {problem.strip().splitlines()[-1]}")
    print(f"{time.monotonic() - started:.0f} s, seed {args.seed}")
    print(f"inputs={tried} failures={failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
