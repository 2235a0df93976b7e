"""CI accuracy floors: `newsevents eval` must not drop more than 0.01 below `benchmarks/accuracy_floors.json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents import evaluate

FLOORS_FILE = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy_floors.json"
FLOORS = json.loads(FLOORS_FILE.read_text())
TOLERANCE = FLOORS["tolerance"]


def test_floor_file_names_known_sets_and_directions():
    for name, entry in FLOORS["sets"].items():
        assert name in evaluate.SETS
        for bound in entry["metrics"].values():
            assert set(bound) <= {"min", "max"} and bound


@pytest.mark.parametrize("set_name", sorted(FLOORS["sets"]))
def test_accuracy_stays_above_floor(set_name):
    entry = FLOORS["sets"][set_name]
    shared = evaluate.shared_dir()
    if entry.get("needs_shared", True) and not (shared / "gold").is_dir():
        pytest.skip(f"shared gold data not found at {shared} (set NEWSEVENTS_SHARED)")
    result = evaluate.run(set_name, split=entry["split"], limit=entry.get("limit"))
    failures = []
    for metric, bound in entry["metrics"].items():
        value = result["metrics"][metric]
        if "min" in bound and value < bound["min"] - TOLERANCE:
            failures.append(f"{metric}={value:.4f} below floor {bound['min']}")
        if "max" in bound and value > bound["max"] + TOLERANCE:
            failures.append(f"{metric}={value:.4f} above ceiling {bound['max']}")
    assert not failures, f"{set_name} ({entry['split']}): " + "; ".join(failures)
