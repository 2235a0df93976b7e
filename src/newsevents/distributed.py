"""Run the pipeline over a large corpus on a Dask cluster: streaming, resumable, with one database writer.

The client process reads the inputs as a stream of partitions (a few dozen files or JSONL lines each, sent
as bytes, so workers need no shared disk), keeps a bounded number of them in flight, and writes each
finished partition ("shard") to the output and the database itself. After a shard is safely written, one
line naming it is appended to a manifest next to the output (or the database); a run started again skips
the shards listed there and first cuts the output back to the last recorded size, so a run killed at any
moment and restarted ends with every article exactly once. See ``docs/distributed.md``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from . import ingest, pipeline
from .model import Article, stable_id

log = logging.getLogger("newsevents.distributed")

# Files or JSONL lines per partition: big enough to keep nlp.pipe batches full, small enough that a
# killed run loses little work and a slow partition does not hold up the end of the run.
PARTITION_SIZE = int(os.environ.get("NEWSEVENTS_PARTITION_SIZE", "64"))
# A partition also closes once it holds this many bytes of input.
PARTITION_BYTES = 8_000_000
MANIFEST_SUFFIX = ".manifest.jsonl"


@dataclass(frozen=True)
class Item:
    """One input unit inside a partition: a whole file, or JSONL lines starting at ``first_line``."""

    origin: str
    kind: str  # text | html | jsonl | unreadable (data then holds the reason)
    first_line: int
    data: bytes

    @property
    def units(self) -> int:
        return self.data.count(b"\n") + (not self.data.endswith(b"\n")) if self.kind == "jsonl" else 1


@dataclass(frozen=True)
class Partition:
    shard: str  # deterministic: settings + origins + content, so a restarted run recognises it
    items: tuple[Item, ...]

    @property
    def units(self) -> int:
        return sum(item.units for item in self.items)


# --- reading the inputs as partitions ---------------------------------------------------------------------

def _shard_id(settings_key: str, items: Iterable[Item]) -> str:
    digest = hashlib.sha1(settings_key.encode())
    for item in items:
        digest.update(f"\x1f{item.origin}\x1f{item.first_line}\x1f{item.kind}\x1f".encode("utf-8", "replace"))
        digest.update(item.data)
    return digest.hexdigest()[:20]


def _file_items(path: Path, size: int, stdin=None) -> Iterator[Item]:
    origin = str(path)
    if origin == "-":
        data = (stdin or sys.stdin.buffer).read()
        kind = "jsonl" if data.lstrip().startswith(b"{") else "text"
        handle, origin = None, "<stdin>"
    else:
        kind = ingest.file_kind(path) or "text"
        try:
            handle = ingest.open_binary(path)
        except OSError as exc:
            yield Item(origin, "unreadable", 0, f"{type(exc).__name__}: {exc}".encode())
            return
    if kind != "jsonl":
        if handle is not None:
            try:
                with handle:
                    data = handle.read(ingest.MAX_FILE_BYTES)
            except (OSError, EOFError) as exc:
                yield Item(origin, "unreadable", 0, f"{type(exc).__name__}: {exc}".encode())
                return
        yield Item(origin, kind, 1, data)
        return
    lines = iter(data.splitlines(keepends=True)) if handle is None else handle
    chunk: list[bytes] = []
    first = number = 1
    nbytes = 0
    try:
        for number, line in enumerate(lines, start=1):
            chunk.append(line)
            nbytes += len(line)
            if len(chunk) >= size or nbytes >= PARTITION_BYTES:
                yield Item(origin, "jsonl", first, b"".join(chunk))
                chunk, first, nbytes = [], number + 1, 0
    except (OSError, EOFError) as exc:
        yield Item(f"{origin}:{number + 1}", "unreadable", 0, f"{type(exc).__name__}: {exc}".encode())
    finally:
        if handle is not None:
            handle.close()
    if chunk and any(line.strip() for line in chunk):
        yield Item(origin, "jsonl", first, b"".join(chunk))


def partitions(paths: Iterable[str | Path], settings_key: str = "", size: int | None = None,
               stdin=None) -> Iterator[Partition]:
    """The inputs as a stream of partitions of about ``size`` articles, read lazily, in input order."""
    size = size or PARTITION_SIZE
    batch: list[Item] = []
    units = nbytes = 0
    for path in ingest.iter_files(paths):
        for item in _file_items(path, size, stdin):
            batch.append(item)
            units += item.units
            nbytes += len(item.data)
            if units >= size or nbytes >= PARTITION_BYTES:
                yield Partition(_shard_id(settings_key, batch), tuple(batch))
                batch, units, nbytes = [], 0, 0
    if batch:
        yield Partition(_shard_id(settings_key, batch), tuple(batch))


def split(partition: Partition, settings_key: str = "") -> list[Partition]:
    """Smaller partitions to retry after a worker died on this one (empty when it is a single article)."""
    if len(partition.items) > 1:
        return [Partition(_shard_id(settings_key, [item]), (item,)) for item in partition.items]
    item = partition.items[0]
    if item.kind != "jsonl" or item.units <= 1:
        return []
    lines = item.data.split(b"\n")
    singles = [Item(item.origin, "jsonl", item.first_line + i, line) for i, line in enumerate(lines) if line.strip()]
    return [Partition(_shard_id(settings_key, [one]), (one,)) for one in singles]


def count_articles(paths: Iterable[str | Path]) -> int:
    """A quick upper bound of the articles under ``paths`` (files, plus lines of JSONL files) for progress."""
    total = 0
    for path in ingest.iter_files(paths):
        if str(path) == "-":
            continue
        if ingest.file_kind(path) != "jsonl":
            total += 1
            continue
        try:
            with ingest.open_binary(path) as handle:
                last = b"\n"
                while block := handle.read(1 << 20):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except (OSError, EOFError):
            total += 1
    return total


# --- work done on a worker --------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _config(*settings: tuple[str, object]) -> pipeline.Config:
    # One Config per worker process, so dictionaries and lexicons are loaded once, like the spaCy model.
    return pipeline.Config(**dict(settings))


def _settings(config: pipeline.Config) -> tuple:
    """The run's Config as hashable (name, value) pairs, every field included, to rebuild it on a worker."""
    return tuple((f.name, getattr(config, f.name)) for f in fields(config))


def _item_articles(item: Item, published, source):
    if item.kind == "unreadable":
        yield ingest.error_article(item.origin, "UnreadableFile", item.data.decode("utf-8", "replace"),
                                   source=source, origin=item.origin)
        return
    try:
        yield from ingest.read_data(item.data, item.origin, item.kind, published, source, item.first_line)
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one input, not the partition
        yield ingest.error_article(item.data[:10000], "IngestFailure", f"{type(exc).__name__}: {exc}",
                                   source=source, origin=f"{item.origin}:{item.first_line}")


def _raws(partition: Partition, published, source):
    for item in partition.items:
        if item.kind == "jsonl" and item.units > 1:
            # Line by line, so that an unexpected failure in one line loses only that line.
            for offset, line in enumerate(item.data.split(b"\n")):
                if line.strip():
                    yield from _item_articles(Item(item.origin, "jsonl", item.first_line + offset, line),
                                              published, source)
        else:
            yield from _item_articles(item, published, source)


def _encode(article: Article) -> bytes:
    return (json.dumps(article.to_dict(), ensure_ascii=False) + "\n").encode("utf-8", "replace")


def process_partition(partition: Partition, settings: tuple, published=None, source=None) -> dict:
    """Run ingest and the pipeline over one partition; returns its JSONL records, compressed."""
    started = time.perf_counter()
    config = _config(*settings)
    lines, errors = [], 0
    for article in pipeline.process(_raws(partition, published, source), config):
        errors += article.error is not None
        lines.append(_encode(article))
    return {
        "shard": partition.shard,
        "articles": len(lines),
        "errors": errors,
        "payload": zlib.compress(b"".join(lines), 1),
        "seconds": time.perf_counter() - started,
    }


def warm_up(settings: tuple) -> str:
    """Load the spaCy model and the run's data files on a worker before work arrives."""
    from . import nlp

    config = _config(*settings)
    nlp.load(config.model)
    _ = config.actor_dictionary, config.lexicon, config.gazetteer, config.quote_lexicon
    return nlp.model_name(config.model)


def _failure_result(partition: Partition, exc: BaseException, source=None) -> dict:
    """Error records for the inputs of a partition that no worker could finish."""
    item = partition.items[0]
    article = ingest.error_article(item.data[:10000], "WorkerFailure",
                                   f"the worker processing this input died: {type(exc).__name__}: {exc}",
                                   source=source, origin=f"{item.origin}:{item.first_line}")
    line = _encode(Article(doc_id=article.doc_id, text="", source=article.source, error=article.error))
    return {"shard": partition.shard, "articles": 1, "errors": 1, "payload": zlib.compress(line), "seconds": 0.0}


# --- the client: manifest, output, database ---------------------------------------------------------------

class Manifest:
    """Append-only record of finished shards; a torn last line (killed mid-write) is ignored."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.entries: dict[str, dict] = {}

    def load(self) -> Manifest:
        self.entries = {}
        if self.path.exists():
            for line in self.path.read_bytes().split(b"\n"):
                try:
                    entry = json.loads(line)
                    self.entries[entry["shard"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue
        return self

    def reset(self) -> Manifest:
        self.entries = {}
        self.path.unlink(missing_ok=True)
        return self

    @property
    def output_bytes(self) -> int:
        return max((e.get("output_bytes", 0) for e in self.entries.values()), default=0)

    def add(self, entry: dict) -> None:
        with open(self.path, "ab") as handle:
            if handle.tell() and not self._ends_with_newline():
                handle.write(b"\n")
            handle.write(json.dumps(entry).encode() + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.entries[entry["shard"]] = entry

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"


def manifest_path(output: str | None, db: str | None) -> Path | None:
    """Where the manifest of a run lives: next to the output file, else next to the database."""
    if output and output != "-":
        return Path(output + MANIFEST_SUFFIX)
    if db:
        return Path(db + MANIFEST_SUFFIX)
    return None


class _Writer:
    """The single writer: output file and database, in that order, then the manifest."""

    def __init__(self, output: str | None, db: str | None, manifest: Manifest | None, resume: bool):
        from . import store

        self.manifest = manifest
        self.out = None
        self.store = None
        if output == "-":
            self.out = sys.stdout.buffer
        elif output:
            keep = manifest.output_bytes if (manifest and resume) else 0
            self.out = open(output, "r+b" if keep and Path(output).exists() else "wb")  # noqa: SIM115
            self.out.truncate(keep)  # drop whatever a killed run wrote after its last finished shard
            self.out.seek(keep)
        if db:
            self.store = store.Store(db)

    def write(self, result: dict) -> int:
        """Write one shard; returns how many of its articles the database refused (logged)."""
        payload = zlib.decompress(result["payload"])
        refused = 0
        if self.store is not None:
            articles = [Article.from_dict(json.loads(line)) for line in payload.splitlines() if line.strip()]
            try:
                self.store.write_many(articles)
            except Exception:  # noqa: BLE001 - find the article the database refuses, store the others
                for article in articles:
                    try:
                        self.store.write(article)
                    except Exception as exc:  # noqa: BLE001
                        refused += 1
                        log.error("%s: not stored: %s: %s", article.doc_id, type(exc).__name__, exc)
        entry = {"shard": result["shard"], "articles": result["articles"], "errors": result["errors"]}
        if self.out is not None:
            self.out.write(payload)
            self.out.flush()
            if self.out is not sys.stdout.buffer:
                os.fsync(self.out.fileno())
                entry["output_bytes"] = self.out.tell()
        if self.manifest is not None:
            self.manifest.add(entry)
        return refused

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        if self.out is not None and self.out is not sys.stdout.buffer:
            self.out.close()


def _open_manifest(output, db, resume) -> Manifest | None:
    path = manifest_path(output, db)
    if path is None:
        return None
    manifest = Manifest(path)
    if not resume:
        return manifest.reset()
    manifest.load()
    lost_output = output and output != "-" and (
        not Path(output).exists() or Path(output).stat().st_size < manifest.output_bytes)
    if manifest.entries and (lost_output or (db and not Path(db).exists())):
        log.warning("%s lists finished work that the output or database no longer holds: starting over", path)
        manifest.reset()
    return manifest


def _progress_bar(show: bool | None, total: int | None):
    from contextlib import nullcontext

    if not (sys.stderr.isatty() if show is None else show):
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                    TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=False)


def _quiet_dask(level: int) -> None:
    # Dask logs routine scheduler chatter at INFO and connection teardown tracebacks at ERROR; the
    # summary and our own warnings say what a user needs. --debug keeps everything.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        for name in ("distributed", "tornado"):
            logging.getLogger(name).setLevel(level)


def _start_client(workers: int | None, scheduler: str | None, processes: bool):
    from distributed import Client, LocalCluster

    _quiet_dask(logging.ERROR)
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=processes,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run(paths, config: pipeline.Config = pipeline.DEFAULT_CONFIG, published=None, source=None, db=None,
        output=None, workers=None, scheduler=None, resume=True, progress=None, *, partition_size=None,
        processes=True, stdin=None) -> dict:
    """Process every article under ``paths`` on Dask workers; returns a summary of the run.

    ``workers`` starts a local cluster of that many single-threaded processes; ``scheduler`` connects to a
    running one instead. Records go to ``output`` (JSONL; ``-`` is stdout) and the DuckDB file ``db``.
    With ``resume``, shards recorded in the manifest of an earlier run are skipped.
    """
    from distributed import as_completed

    started = time.perf_counter()
    settings = _settings(config)
    settings_key = json.dumps([*settings, published, source])
    manifest = _open_manifest(output, db, resume)
    done = dict(manifest.entries) if manifest else {}
    size = partition_size or PARTITION_SIZE
    show = sys.stderr.isatty() if progress is None else progress
    total = count_articles(paths) if show else None
    client, cluster = _start_client(workers, scheduler, processes)
    writer = None
    n_workers = 0
    ready = started
    counts = {"articles": 0, "errors": 0, "shards": 0, "resumed_articles": 0, "resumed_shards": 0,
              "retried_shards": 0, "worker_seconds": 0.0, "writer_seconds": 0.0}
    try:
        client.run(warm_up, settings)
        ready = time.perf_counter()
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        max_in_flight = 2 * n_workers + 2
        writer = _Writer(output, db, manifest, resume)
        pending: dict[str, Partition] = {}
        seen: set[str] = set()
        futures = as_completed()

        def submit(part: Partition) -> None:
            future = client.submit(process_partition, part, settings, published, source,
                                   key=f"newsevents-{part.shard}", retries=0)
            pending[future.key] = part
            futures.add(future)

        def collect(future, bar, task) -> None:
            part = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died or the task failed: retry smaller
                smaller = split(part, settings_key)
                log.warning("partition %s failed (%s: %s); %s", part.shard, type(exc).__name__, exc,
                            f"retrying as {len(smaller)} parts" if smaller else "recording an error")
                if smaller:
                    counts["retried_shards"] += 1
                    for piece in smaller:
                        if piece.shard not in done:
                            submit(piece)
                    return
                result = _failure_result(part, exc, source)
            future.release()
            writing = time.perf_counter()
            counts["errors"] += writer.write(result)
            counts["writer_seconds"] += time.perf_counter() - writing
            counts["worker_seconds"] += result["seconds"]
            counts["articles"] += result["articles"]
            counts["errors"] += result["errors"]
            counts["shards"] += 1
            if bar is not None:
                elapsed = time.perf_counter() - ready
                bar.update(task, advance=result["articles"], rate=counts["articles"] / max(elapsed, 1e-9))

        with _progress_bar(show, total) as bar:
            task = bar.add_task("extract", total=total, rate=0.0) if bar is not None else None
            for part in partitions(paths, settings_key, size, stdin):
                if part.shard in done or part.shard in seen:
                    if part.shard in done and part.shard not in seen:
                        counts["resumed_shards"] += 1
                        counts["resumed_articles"] += done[part.shard].get("articles", 0)
                        counts["errors"] += done[part.shard].get("errors", 0)
                        if bar is not None:
                            bar.update(task, advance=done[part.shard].get("articles", 0))
                    seen.add(part.shard)
                    continue
                seen.add(part.shard)
                submit(part)
                while len(pending) >= max_in_flight:
                    collect(next(futures), bar, task)
            while pending:
                collect(next(futures), bar, task)
    finally:
        if writer is not None:
            writer.close()
        _quiet_dask(logging.CRITICAL)
        client.close()
        if cluster is not None:
            cluster.close()
    finished = time.perf_counter()
    seconds, working = finished - started, finished - ready
    return {
        **counts,
        "worker_seconds": round(counts["worker_seconds"], 2),
        "writer_seconds": round(counts["writer_seconds"], 2),
        "seconds": round(seconds, 2),
        "articles_per_second": round(counts["articles"] / seconds, 2) if seconds else 0.0,
        "seconds_after_startup": round(working, 2),
        "articles_per_second_after_startup": round(counts["articles"] / working, 2) if working else 0.0,
        "workers": n_workers,
        "manifest": str(manifest.path) if manifest else None,
        "db": db,
        "output": output,
        "run": stable_id(settings_key),
    }
