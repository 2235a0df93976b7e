"""newsevents: who did what to whom, when and where, and who said what."""

from .model import Actor, Article, DateExpr, Event, Place, Quote, Span
from .pipeline import Config, extract, process

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Config",
    "DateExpr",
    "Event",
    "Place",
    "Quote",
    "Span",
    "__version__",
    "extract",
    "open",
    "process",
]


def open(db: str = "newsevents.duckdb"):
    """Open an event database read-only: ``.events()``, ``.articles()``, ``.groups()`` as DataFrames."""
    from .store import open_database

    return open_database(db)
