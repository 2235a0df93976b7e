"""Typed records exchanged between pipeline stages.

Every record is a frozen dataclass. Positions are character offsets into the
cleaned article text, so records can be pickled to Dask workers, written to
DuckDB and serialised to JSON without any spaCy object attached.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "newsevents/1"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the linguistic parse (see :class:`Parse`)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ent_iob: str = "O"
    whitespace: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span over tokens ``[start, end)`` with its NER label."""

    start: int
    end: int
    label: str
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Parse:
    """A spaCy-free copy of one parsed text.

    ``sentences`` hold token ranges ``(start, end)``.
    """

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...] = ()
    noun_chunks: tuple[tuple[int, int], ...] = ()

    def sentence_of(self, i: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= i < end:
                return start, end
        return 0, len(self.tokens)

    def span(self, start: int, end: int) -> Span:
        """Character span covering tokens ``[start, end)``."""
        s = self.tokens[start].start
        e = self.tokens[end - 1].end
        return Span(s, e, self.text[s:e])


@dataclass(frozen=True, slots=True)
class Removed:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    type: str
    message: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group | other
    code: str | None = None
    country: str | None = None
    role: str | None = None
    title: str | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    source: str | None
    target: str | None
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: str | None
    trigger: Span
    sentence: Span
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    negated: bool = False
    mode: str = "asserted"  # asserted | negated | hypothetical | future | appeal
    plover_mode: str | None = None
    confidence: float = 0.5
    why: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    speaker: str | None
    speaker_text: str | None
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: str | None = None
    medium: str | None = None
    event: str | None = None
    cue_span: Span | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None  # city | region | country | other
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DateExpr:
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None  # day | week | month | quarter | season | year | decade | century | time | range | duration | ref | set | None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What ingest hands to the pipeline: cleaned text plus metadata."""

    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    removed: tuple[Removed, ...] = ()
    language: str | None = "en"
    error: ErrorInfo | None = None
    origin: str | None = None  # file path and line, for error messages


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "en"
    removed: tuple[Removed, ...] = ()
    error: ErrorInfo | None = None
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    schema: str = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON record (``docs/schema.md``)."""
        return {
            "schema": self.schema,
            "doc_id": self.doc_id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": [_plain(r) for r in self.removed],
            "error": _plain(self.error) if self.error else None,
            "actors": [_plain(a) for a in self.actors],
            "events": [_plain(e) for e in self.events],
            "quotes": [_plain(q) for q in self.quotes],
            "places": [_plain(p) for p in self.places],
            "dates": [_plain(d) for d in self.dates],
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        """Rebuild an Article from its JSON record (inverse of ``to_dict``)."""

        def spans(items):
            return tuple(Span(**s) for s in items or ())

        def build(klass, data):
            names = {f.name for f in fields(klass)}
            return klass(**{k: v for k, v in data.items() if k in names})

        return cls(
            doc_id=record["doc_id"],
            text=record.get("text", ""),
            source=record.get("source"),
            url=record.get("url"),
            title=record.get("title"),
            published=record.get("published"),
            language=record.get("language"),
            removed=tuple(Removed(**r) for r in record.get("removed") or ()),
            error=build(ErrorInfo, record["error"]) if record.get("error") else None,
            actors=tuple(
                build(Actor, {**a, "mentions": spans(a.get("mentions"))}) for a in record.get("actors") or ()
            ),
            events=tuple(
                build(
                    Event,
                    {**e, "trigger": Span(**e["trigger"]), "sentence": Span(**e["sentence"])},
                )
                for e in record.get("events") or ()
            ),
            quotes=tuple(
                build(Quote, {**q, "cue_span": _span_or_none(q.get("cue_span")),
                              "speaker_span": _span_or_none(q.get("speaker_span"))})
                for q in record.get("quotes") or ()
            ),
            places=tuple(
                build(Place, {**p, "mentions": spans(p.get("mentions"))}) for p in record.get("places") or ()
            ),
            dates=tuple(build(DateExpr, d) for d in record.get("dates") or ()),
            schema=record.get("schema", SCHEMA_VERSION),
        )


def _span_or_none(data) -> Span | None:
    return Span(**data) if data else None


def _plain(record) -> dict[str, Any]:
    """``asdict`` with JSON containers: tuples become lists."""
    return asdict(record, dict_factory=lambda items: {k: list(v) if isinstance(v, tuple) else v for k, v in items})


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic hex id from the given parts."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]
