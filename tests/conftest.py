"""Shared fixtures: one spaCy load per test session, and the optional shared gold folder."""

from __future__ import annotations

import pytest

from newsevents import nlp
from newsevents.evaluate import shared_dir


@pytest.fixture(scope="session")
def parse():
    """``parse(text) -> Parse`` with the default English pipeline (loaded once)."""
    nlp.load()
    return nlp.parse


@pytest.fixture(scope="session")
def shared():
    """The shared gold folder; tests using it skip cleanly when it is absent."""
    path = shared_dir()
    if not (path / "gold").is_dir():
        pytest.skip(f"shared gold data not found at {path} (set NEWSEVENTS_SHARED)")
    return path
