"""Time expressions normalised against the publication date."""

from __future__ import annotations

from .model import DateExpr, Parse


def find_dates(parse: Parse, published: str | None) -> tuple[DateExpr, ...]:
    """Date expressions of the text with values resolved against ``published``."""
    return ()
