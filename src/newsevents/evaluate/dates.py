"""TempEval-3 platinum scorer for the dates stage (``newsevents eval tempeval3``).

Each ``.tml`` file's creation-time TIMEX3 is the publication date; every other TIMEX3 inside ``<TEXT>`` is
gold. The text fed to the pipeline is the ``<TEXT>`` content with its tags removed, so gold offsets align.
Split: files in sorted name order with an even index (0, 2, ...) are ``dev``, odd ones ``test``; ``all``
takes every file.

Metrics (TempEval-3 style, relaxed match = any character overlap, one-to-one in text order):
``detection_f1``; ``value_accuracy`` = right values among matched expressions; ``value_f1`` = F1 where only
matched expressions with the right value count as hits.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import dates, nlp
from . import f1, ratio, require

GOLD_DIR = Path("gold") / "dates" / "tempeval3_platinum"
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, str | None, list[tuple[int, int, str, str]]]:
    """``(text, publication date, [(start, end, type, value)])`` of one TimeML file."""
    source = path.read_text(encoding="utf-8")
    published = None
    for tag in re.finditer(r"<TIMEX3([^>]*)>", source):
        attrs = dict(_ATTR.findall(tag.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            published = attrs.get("value", "")[:10] or None
            break
    body = source.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    pieces: list[str] = []
    length = 0
    gold: list[tuple[int, int, str, str]] = []
    opened: tuple[int, dict] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = body[position:tag.start()]
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            opened = (length, dict(_ATTR.findall(tag.group(3))))
        elif opened is not None:
            start, attrs = opened
            gold.append((start, length, attrs.get("type", ""), attrs.get("value", "")))
            opened = None
    pieces.append(body[position:])
    return "".join(pieces), published, gold


def files_for(shared: Path, split: str) -> list[Path]:
    paths = sorted(require(shared / GOLD_DIR).glob("*.tml"))
    if split == "all":
        return paths
    if split not in ("dev", "test"):
        raise ValueError(f"unknown split {split!r}: dev, test or all")
    return [p for k, p in enumerate(paths) if (k % 2 == 0) == (split == "dev")]


def score_tempeval3(shared: Path, split: str, limit: int | None, errors: list[dict]) -> tuple[int, dict]:
    """Detection and normalisation of time expressions on TempEval-3 platinum."""
    paths = files_for(shared, split)[:limit] if limit else files_for(shared, split)
    n_gold = n_system = matched = right = 0
    for path in paths:
        text, published, gold = read_tml(path)
        found = dates.find_dates(nlp.parse(text), published)
        n_gold += len(gold)
        n_system += len(found)
        used: set[int] = set()
        for start, end, kind, value in gold:
            hit = next((k for k, d in enumerate(found)
                        if k not in used and d.start < end and start < d.end), None)
            if hit is None:
                errors.append({"kind": "missed", "doc": path.name, "text": text[start:end],
                               "gold": value, "type": kind})
                continue
            used.add(hit)
            matched += 1
            if found[hit].value == value:
                right += 1
            else:
                errors.append({"kind": "wrong_value", "doc": path.name, "text": found[hit].text,
                               "gold_text": text[start:end], "gold": value, "value": found[hit].value,
                               "type": kind})
        for k, d in enumerate(found):
            if k not in used:
                errors.append({"kind": "spurious", "doc": path.name, "text": d.text, "value": d.value})
    detection_p, detection_r = ratio(matched, n_system), ratio(matched, n_gold)
    value_p, value_r = ratio(right, n_system), ratio(right, n_gold)
    return len(paths), {
        "detection_precision": detection_p,
        "detection_recall": detection_r,
        "detection_f1": f1(detection_p, detection_r),
        "value_accuracy": ratio(right, matched),
        "value_f1": f1(value_p, value_r),
        "gold": n_gold,
        "system": n_system,
    }
