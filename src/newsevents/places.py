"""Places resolved offline to GeoNames ids and coordinates."""

from __future__ import annotations

from .model import Parse, Place


def find_places(parse: Parse, doc_id: str) -> tuple[Place, ...]:
    """Places mentioned in the text, one record per place with all its mentions."""
    return ()
