"""Quotes: who said what, direct, mixed and indirect."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Actor, Event, Parse, Quote


def find_quotes(parse: Parse, doc_id: str, actors: Sequence[Actor], events: Sequence[Event]) -> tuple[Quote, ...]:
    """Quotes of the text with their resolved speakers."""
    return ()
