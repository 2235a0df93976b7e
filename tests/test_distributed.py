import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import duckdb
import pytest

from newsevents import distributed, ingest, pipeline

SENTENCES = (
    "Police in {city} arrested {n} protesters on Monday after clashes near the parliament, officials said.",
    "The foreign minister of {city} met his counterpart on Tuesday to discuss border security and trade.",
    "Rebels attacked an army post outside {city} overnight, killing {n} soldiers, the military said.",
)
CITIES = ("Nairobi", "Lagos", "Manila", "Lima", "Kabul", "Dhaka", "Quito", "Accra")


def article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return " ".join(s.format(city=city, n=i + 2) for s in SENTENCES) + f" Report number {i}."


def make_corpus(root: Path, n_files: int, n_jsonl: int) -> set[str]:
    """Text files plus one JSONL file; returns the doc_ids ingest gives them."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n_files):
        (root / f"a{i:04d}.txt").write_text(article(i), encoding="utf-8")
    with open(root / "feed.jsonl", "w", encoding="utf-8") as f:
        for i in range(n_files, n_files + n_jsonl):
            f.write(json.dumps({"text": article(i), "source": "Wire", "published": "2024-05-01"}) + "\n")
    return {raw.doc_id for raw in ingest.read_paths([root])}


def test_partitions_cover_every_input_once_with_stable_ids(tmp_path):
    expected = make_corpus(tmp_path / "in", 7, 11)
    parts = list(distributed.partitions([tmp_path / "in"], "k", size=4))
    again = list(distributed.partitions([tmp_path / "in"], "k", size=4))
    assert [p.shard for p in parts] == [p.shard for p in again]
    assert len({p.shard for p in parts}) == len(parts)
    assert [p.shard for p in distributed.partitions([tmp_path / "in"], "other", size=4)] != [p.shard for p in parts]
    raws = [r for p in parts for r in distributed._raws(p, None, None)]
    assert sorted(r.doc_id for r in raws) == sorted(expected)
    assert sorted(r.origin for r in raws if "feed.jsonl" in r.origin) == sorted(
        f"{tmp_path / 'in' / 'feed.jsonl'}:{n}" for n in range(1, 12))


def test_split_goes_down_to_single_articles():
    part = distributed.Partition("s", (distributed.Item("f.jsonl", "jsonl", 10, b'{"text": "a"}\n\n{"text": "b"}\n'),))
    pieces = distributed.split(part)
    assert [p.items[0].first_line for p in pieces] == [10, 12]
    assert distributed.split(pieces[0]) == []


def test_process_partition_isolates_bad_lines():
    data = (json.dumps({"text": article(1)}) + "\n{broken\n" + json.dumps({"text": article(2)}) + "\n").encode()
    part = distributed.Partition("s", (distributed.Item("feed.jsonl", "jsonl", 1, data),))
    result = distributed.process_partition(part, distributed._settings(pipeline.DEFAULT_CONFIG))
    records = [json.loads(line) for line in zlib.decompress(result["payload"]).splitlines()]
    assert result["articles"] == 3 and result["errors"] == 1
    assert records[1]["error"]["type"] == "MalformedJSONL" and "feed.jsonl:2" in records[1]["error"]["message"]


def test_manifest_ignores_a_torn_last_line(tmp_path):
    path = tmp_path / "m.jsonl"
    manifest = distributed.Manifest(path)
    manifest.add({"shard": "a", "articles": 3, "errors": 0, "output_bytes": 10})
    with open(path, "ab") as f:
        f.write(b'{"shard": "b", "artic')  # killed mid-write
    manifest = distributed.Manifest(path).load()
    assert set(manifest.entries) == {"a"} and manifest.output_bytes == 10
    manifest.add({"shard": "c", "articles": 1, "errors": 0, "output_bytes": 20})
    assert set(distributed.Manifest(path).load().entries) == {"a", "c"}


def test_writer_cuts_output_back_to_the_last_finished_shard(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"doc_id": "x"}\n{"doc_id": "half-written')
    manifest = distributed.Manifest(tmp_path / "m.jsonl")
    manifest.add({"shard": "a", "articles": 1, "errors": 0, "output_bytes": 16})
    writer = distributed._Writer(str(out), None, manifest, resume=True)
    writer.close()
    assert out.read_bytes() == b'{"doc_id": "x"}\n'


def _db_doc_ids(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in con.execute("SELECT doc_id FROM articles").fetchall()]
    finally:
        con.close()


def test_run_in_process_then_resume_skips_finished_shards(tmp_path):
    expected = make_corpus(tmp_path / "in", 6, 6)
    out, db = tmp_path / "out.jsonl", tmp_path / "x.duckdb"
    kwargs = {"db": str(db), "output": str(out), "workers": 1, "progress": False, "partition_size": 4,
              "processes": False}
    first = distributed.run([tmp_path / "in"], **kwargs)
    assert first["articles"] == 12 and first["errors"] == 0 and first["resumed_shards"] == 0
    second = distributed.run([tmp_path / "in"], **kwargs)
    assert second["articles"] == 0 and second["resumed_articles"] == 12
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(expected)
    assert sorted(_db_doc_ids(db)) == sorted(expected)


@pytest.mark.slow
def test_killed_run_restarted_stores_every_article_exactly_once(tmp_path):
    expected = make_corpus(tmp_path / "in", 60, 60)
    out, db = tmp_path / "out.jsonl", tmp_path / "x.duckdb"
    command = [sys.executable, "-m", "newsevents.cli", "-q", "extract", str(tmp_path / "in"), "--workers", "2",
               "--db", str(db), "--format", "jsonl", "-o", str(out), "--no-progress"]
    env = {**os.environ, "NEWSEVENTS_PARTITION_SIZE": "5"}
    manifest = Path(str(out) + distributed.MANIFEST_SUFFIX)
    victim = subprocess.Popen(command, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and victim.poll() is None:
            if manifest.exists() and manifest.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.05)
        assert victim.poll() is None, "the run finished before it could be killed: " + victim.stderr.read().decode()
        os.killpg(victim.pid, signal.SIGKILL)  # the client and its local cluster, like a machine going down
    finally:
        victim.wait(timeout=60)
    finished_before = manifest.read_bytes().count(b"\n")
    assert 3 <= finished_before < 24

    done = subprocess.run(command, check=False, env=env, capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    summary = json.loads(done.stderr.strip().splitlines()[-1])
    assert summary["resumed_shards"] >= 3
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(expected)
    assert sorted(_db_doc_ids(db)) == sorted(expected)


def test_a_partition_that_kills_its_worker_is_retried_piece_by_piece(tmp_path, monkeypatch):
    make_corpus(tmp_path / "in", 0, 6)
    feed = tmp_path / "in" / "feed.jsonl"
    lines = feed.read_text(encoding="utf-8").splitlines()
    lines.insert(3, json.dumps({"text": "POISON " + article(99)}))
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = distributed.process_partition

    def fragile(partition, *args):
        if any(b"POISON" in item.data for item in partition.items):
            raise MemoryError("worker died")
        return real(partition, *args)

    monkeypatch.setattr(distributed, "process_partition", fragile)
    out = tmp_path / "out.jsonl"
    summary = distributed.run([tmp_path / "in"], output=str(out), workers=1, progress=False, partition_size=4,
                              processes=False)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary["articles"] == 7 and summary["errors"] == 1 and summary["retried_shards"] >= 1
    failed = [r for r in records if r["error"]]
    assert [r["error"]["type"] for r in failed] == ["WorkerFailure"]
    assert "feed.jsonl:4" in failed[0]["error"]["message"]


def test_worker_config_keeps_every_user_file_setting():
    config = pipeline.Config(actor_files=("a.tsv",), lexicon_files=("l.tsv",), place_alias_files=("p.tsv",),
                             quote_files=("q.tsv",), batch_size=7)
    assert distributed._config(*distributed._settings(config)) == config
