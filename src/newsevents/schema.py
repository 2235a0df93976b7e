"""The public record schema (``schema.json``) and a validator that also checks spans."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def record_schema() -> dict:
    """The JSON Schema of one article record."""
    return json.loads(resources.files("newsevents").joinpath("schema.json").read_text(encoding="utf-8"))


def validate_record(record: dict) -> list[str]:
    """Problems with ``record``: schema violations and spans that do not index into its text."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(record_schema())
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
    text = record.get("text", "")

    def check(where: str, start, end, expected=None):
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: span {start}..{end} outside text of length {len(text)}")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, record says {expected!r}")

    for kind in ("actors", "places"):
        for item in record.get(kind) or ():
            for m in item.get("mentions") or ():
                check(f"{kind}/{item.get('id')}", m.get("start"), m.get("end"), m.get("text"))
    for e in record.get("events") or ():
        check(f"events/{e.get('id')}/trigger", e["trigger"].get("start"), e["trigger"].get("end"),
              e["trigger"].get("text"))
        check(f"events/{e.get('id')}/sentence", e["sentence"].get("start"), e["sentence"].get("end"))
    for q in record.get("quotes") or ():
        check(f"quotes/{q.get('id')}", q.get("start"), q.get("end"), q.get("text"))
        for key in ("cue_span", "speaker_span"):
            if q.get(key):
                check(f"quotes/{q.get('id')}/{key}", q[key].get("start"), q[key].get("end"), q[key].get("text"))
    for d in record.get("dates") or ():
        check("dates", d.get("start"), d.get("end"), d.get("text"))
    return problems
