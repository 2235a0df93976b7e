"""Events: source-action-target triples coded in CAMEO and PLOVER."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Actor, DateExpr, Event, Parse, Place


def load_lexicon(paths: Sequence[str] = ()):
    """Bundled event lexicon plus the user's files."""
    return None


def find_events(
    parse: Parse,
    doc_id: str,
    actors: Sequence[Actor],
    places: Sequence[Place],
    dates: Sequence[DateExpr],
    published: str | None,
    lexicon=None,
) -> tuple[Event, ...]:
    """Events of the text, each with its trigger span and the reason for its code."""
    return ()
