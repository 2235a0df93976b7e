"""Actors: who is who, with codes, affiliations and coreference."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Actor, Parse


def load_dictionary(paths: Sequence[str] = ()):
    """Bundled actor dictionaries plus the user's files (user entries win)."""
    return None


def find_actors(parse: Parse, doc_id: str, dictionary=None) -> tuple[Actor, ...]:
    """Actors of the text, one per real-world entity, with every mention."""
    return ()
