"""Load the team's hand-annotated gold articles (``tests/gold/articles/*.json``).

Annotations carry no character offsets (cleaning may drop lines); a mention is found again with
:func:`locate`, by a unique ``context`` string around it. Format: ``tests/gold/README.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "gold" / "articles"
SPLITS = ("dev", "test")
MENTION_TYPES = ("name", "pronoun", "role")
QUOTE_KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True, slots=True)
class GoldMention:
    text: str
    context: str | None = None
    type: str = "name"


@dataclass(frozen=True, slots=True)
class GoldActor:
    id: str
    name: str
    kind: str
    country: str | None = None
    code: str | None = None
    role: str | None = None
    affiliation: str | None = None
    mentions: tuple[GoldMention, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """``source``/``target`` are the preferred actor ids; ``sources``/``targets`` every accepted one."""

    source: str | None
    target: str | None
    cameo_root: tuple[str, ...]
    trigger: str
    context: str | None = None
    cameo: str | None = None
    sources: tuple[str | None, ...] = ()
    targets: tuple[str | None, ...] = ()


# Roots that say something about an action without asserting it (appeal, intent, demand, refusal,
# threat, comment): coding one of these on a negated or hypothetical trigger is not a violation.
VERBAL_ROOTS = ("01", "02", "03", "10", "11", "12", "13")


@dataclass(frozen=True, slots=True)
class GoldNegative:
    trigger: str
    context: str | None = None
    reason: str = ""
    allowed_roots: tuple[str, ...] = VERBAL_ROOTS


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str | None
    kind: str
    text: str
    cue: str | None = None
    cue_context: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    value: str
    context: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    split: str
    published: str
    source: str | None
    title: str | None
    text: str
    removed: tuple[str, ...] = ()
    actors: tuple[GoldActor, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    negative_events: tuple[GoldNegative, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    places: tuple[GoldPlace, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    url: str | None = None
    path: str | None = None

    def actor(self, actor_id: str) -> GoldActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def _roots(value) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(str(v).zfill(2) for v in values if v is not None)


def _choices(value) -> tuple[str | None, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def _event(record: dict) -> GoldEvent:
    sources, targets = _choices(record.get("source")), _choices(record.get("target"))
    return GoldEvent(sources[0], targets[0], _roots(record["cameo_root"]), record["trigger"], record.get("context"),
                     record.get("cameo"), sources, targets)


def parse_article(record: dict, path: str | None = None) -> GoldArticle:
    """Build a GoldArticle from one JSON record (raises KeyError/TypeError on a malformed one)."""
    actors = tuple(
        GoldActor(
            id=a["id"],
            name=a["name"],
            kind=a.get("kind", "other"),
            country=a.get("country"),
            code=a.get("code"),
            role=a.get("role"),
            affiliation=a.get("affiliation"),
            mentions=tuple(
                GoldMention(m["text"], m.get("context"), m.get("type", "name")) for m in a.get("mentions", ())
            ),
        )
        for a in record.get("actors", ())
    )
    return GoldArticle(
        id=record["id"],
        split=record["split"],
        published=record["published"],
        source=record.get("source"),
        title=record.get("title"),
        text=record["text"],
        removed=tuple(record.get("removed", ())),
        actors=actors,
        events=tuple(_event(e) for e in record.get("events", ())),
        negative_events=tuple(
            GoldNegative(n["trigger"], n.get("context"), n.get("reason", ""),
                         _roots(n["allowed_roots"]) if "allowed_roots" in n else VERBAL_ROOTS)
            for n in record.get("negative_events", ())
        ),
        quotes=tuple(
            GoldQuote(q.get("speaker"), q["kind"], q["text"], q.get("cue"), q.get("cue_context"))
            for q in record.get("quotes", ())
        ),
        places=tuple(
            GoldPlace(p["text"], p.get("geonames_id"), p.get("lat"), p.get("lon"), p.get("country"), p.get("context"))
            for p in record.get("places", ())
        ),
        dates=tuple(GoldDate(d["text"], d["value"], d.get("context")) for d in record.get("dates", ())),
        url=record.get("url"),
        path=path,
    )


@lru_cache(maxsize=4)
def _load_folder(folder: str) -> tuple[GoldArticle, ...]:
    articles = []
    for path in sorted(Path(folder).glob("*.json")):
        with open(path, encoding="utf-8") as handle:
            articles.append(parse_article(json.load(handle), str(path)))
    return tuple(articles)


def load_gold(split: str = "dev", folder: str | Path | None = None) -> list[GoldArticle]:
    """Gold articles of one split (``dev``, ``test`` or ``all``), sorted by file name."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}: expected dev, test or all")
    articles = _load_folder(str(folder or GOLD_DIR))
    return [a for a in articles if split == "all" or a.split == split]


def _pattern(needle: str) -> re.Pattern[str]:
    """Match ``needle`` with any run of whitespace standing for any other, on word boundaries."""
    body = r"\s+".join(re.escape(part) for part in needle.split())
    head = r"(?<!\w)" if needle[:1].isalnum() else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() else ""
    return re.compile(head + body + tail)


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping ``(start, end)`` of ``needle`` in ``text`` (whitespace-tolerant, whole words)."""
    if not needle.strip():
        return []
    return [m.span() for m in _pattern(needle).finditer(text)]


def locate(text: str, mention_text: str, context: str | None = None) -> tuple[int, int] | None:
    """Character span of ``mention_text`` in ``text``: its first occurrence inside ``context``.

    ``context`` is found first (the first occurrence; gold contexts are unique); without one, the
    first whole-word occurrence of the mention is used. Returns None when either is not in the text,
    e.g. because cleaning dropped the line.
    """
    if context:
        found = occurrences(text, context)
        if not found:
            return None
        start, end = found[0]
        inner = occurrences(text[start:end], mention_text)
        if not inner:
            inner = [m.span() for m in re.finditer(r"\s+".join(map(re.escape, mention_text.split())),
                                                   text[start:end])]
        if not inner:
            return None
        return start + inner[0][0], start + inner[0][1]
    found = occurrences(text, mention_text)
    return found[0] if found else None
