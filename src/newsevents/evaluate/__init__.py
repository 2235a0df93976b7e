"""Score the pipeline on gold sets: ``newsevents eval SET``.

Each set is scored by a function ``score(shared: Path, split: str, limit: int | None, errors: list[dict])
-> tuple[int, dict[str, float]]`` (items scored, metrics) living in a module of this package. Misses and
false positives are appended to ``errors`` as dicts with at least ``kind`` and ``text``.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from pathlib import Path

SETS: dict[str, str] = {
    "plover-gsr": "events:score_plover_gsr",
    "petrarch-unittest": "events:score_petrarch_unittest",
    "petrarch-gsr": "events:score_petrarch_gsr",
    "tr-news": "places:score_tr_news",
    "lgl": "places:score_lgl",
    "geowebnews": "places:score_geowebnews",
    "geovirus": "places:score_geovirus",
    "tempeval3": "dates:score_tempeval3",
    "quotes": "quotes:score_team_quotes",
    "polnear": "quotes:score_polnear",
    "articles": "articles:score_articles",
}

SHARED_ENV = "NEWSEVENTS_SHARED"


class EvalSetError(Exception):
    """Unknown set, or its gold files are missing."""


def shared_dir(shared: str | os.PathLike | None = None) -> Path:
    """The shared gold folder: argument, else ``$NEWSEVENTS_SHARED``, else ``../shared``."""
    return Path(shared or os.environ.get(SHARED_ENV) or Path.cwd().parent / "shared")


def require(path: Path) -> Path:
    """Return ``path`` or raise EvalSetError naming what is missing."""
    if not path.exists():
        raise EvalSetError(f"gold data not found: {path} (set --shared or ${SHARED_ENV})")
    return path


def run(set_name: str, shared=None, split: str = "dev", limit: int | None = None,
        errors_file: str | None = None) -> dict:
    """Score ``set_name``; returns ``{"set", "split", "n", "metrics", "seconds"}``."""
    if set_name not in SETS:
        raise EvalSetError(f"unknown set {set_name!r}; choose from {', '.join(SETS)}")
    module_name, func_name = SETS[set_name].split(":")
    try:
        scorer = getattr(importlib.import_module(f"{__name__}.{module_name}"), func_name)
    except (ImportError, AttributeError) as exc:
        raise EvalSetError(f"set {set_name!r} has no scorer yet ({exc})") from None
    errors: list[dict] = []
    started = time.perf_counter()
    n, metrics = scorer(shared_dir(shared), split, limit, errors)
    result = {
        "set": set_name,
        "split": split,
        "n": n,
        "metrics": {k: round(v, 4) if isinstance(v, float) else v for k, v in metrics.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }
    if errors_file:
        with open(errors_file, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(item, ensure_ascii=False, default=str) + "\n" for item in errors)
    return result


def ratio(numerator: float, denominator: float) -> float:
    return float(numerator) / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
