"""Compose the stages into one Article per input. No I/O happens here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from . import actors, dates, events, gazetteer, ingest, nlp, places, quotes
from .model import Article, ErrorInfo, Parse, RawArticle


@dataclass(frozen=True)
class Config:
    """Run settings: which spaCy model and which user data files to use."""

    model: str | None = None
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    place_alias_files: tuple[str, ...] = ()
    quote_files: tuple[str, ...] = ()
    batch_size: int = 32

    @cached_property
    def actor_dictionary(self):
        return actors.load_dictionary(self.actor_files)

    @cached_property
    def gazetteer(self):
        return gazetteer.load(self.place_alias_files)

    @cached_property
    def lexicon(self):
        return events.load_lexicon(self.lexicon_files)

    @cached_property
    def quote_lexicon(self):
        return quotes.load_lexicon(self.quote_files)


DEFAULT_CONFIG = Config()


class StageError(Exception):
    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"{stage}: {error}")
        self.stage = stage
        self.error = error


def _run(stage: str, func, *args):
    try:
        return func(*args)
    except Exception as exc:
        raise StageError(stage, exc) from exc


def analyze(raw: RawArticle, parse: Parse, config: Config = DEFAULT_CONFIG) -> Article:
    """Run every stage after the parse and assemble the Article record."""
    base = _shell(raw)
    try:
        found_dates = _run("dates", dates.find_dates, parse, raw.published)
        found_places = _run("places", places.find_places, parse, raw.doc_id, config.gazetteer)
        found_actors = _run("actors", actors.find_actors, parse, raw.doc_id, config.actor_dictionary, raw.published)
        found_events = _run(
            "events",
            events.find_events,
            parse,
            raw.doc_id,
            found_actors,
            found_places,
            found_dates,
            raw.published,
            config.lexicon,
        )
        found_quotes = _run("quotes", quotes.find_quotes, parse, raw.doc_id, found_actors, found_events,
                            config.quote_lexicon)
    except StageError as exc:
        return replace(base, error=ErrorInfo(type(exc.error).__name__, str(exc.error), exc.stage))
    return replace(
        base,
        actors=found_actors,
        events=found_events,
        quotes=found_quotes,
        places=found_places,
        dates=found_dates,
    )


def _shell(raw: RawArticle) -> Article:
    """The Article for ``raw`` with its metadata and any ingest error, nothing extracted yet."""
    return Article(
        doc_id=raw.doc_id,
        text=raw.text,
        source=raw.source,
        url=raw.url,
        title=raw.title,
        published=raw.published,
        language=raw.language,
        removed=raw.removed,
        error=raw.error,
    )


def process(raws: Iterable[RawArticle], config: Config = DEFAULT_CONFIG) -> Iterator[Article]:
    """Turn a stream of ingested articles into Article records, in order.

    Articles that ingest already marked as failed pass through with their error;
    the others are parsed in batches with ``nlp.pipe``.
    """
    pending: list[RawArticle] = []

    def parse_batch(texts: list[str]) -> list[Parse | Exception]:
        # nlp.pipe fails a whole batch for one bad text: re-parse that batch one text at a time so only
        # the bad article gets the error.
        try:
            return list(nlp.parse_many(texts, model=config.model, batch_size=config.batch_size))
        except Exception:  # noqa: BLE001
            results: list[Parse | Exception] = []
            for text in texts:
                try:
                    results.append(nlp.parse(text, model=config.model))
                except Exception as exc:  # noqa: BLE001
                    results.append(exc)
            return results

    def flush() -> Iterator[Article]:
        good = [r for r in pending if r.error is None]
        parses = iter(parse_batch([r.text for r in good]))
        for raw in pending:
            if raw.error is not None:
                yield _shell(raw)
                continue
            parse = next(parses)
            if isinstance(parse, Exception):
                yield replace(_shell(raw), error=ErrorInfo(type(parse).__name__, str(parse), "nlp"))
                continue
            yield analyze(raw, parse, config)
        pending.clear()

    for raw in raws:
        pending.append(raw)
        if len(pending) >= config.batch_size:
            yield from flush()
    if pending:
        yield from flush()


def extract(
    text: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    config: Config = DEFAULT_CONFIG,
) -> Article:
    """Extract one article's actors, events, quotes, places and dates from its text."""
    raw = ingest.read_text(text, published=published, source=source, url=url, title=title)
    return next(process([raw], config))
