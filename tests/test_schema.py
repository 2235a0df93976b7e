from newsevents.model import Actor, Article, Span
from newsevents.schema import record_schema, validate_record


def test_shipped_schema_loads():
    assert record_schema()["properties"]["schema"]["const"] == "newsevents/1"


def test_valid_record_passes_and_bad_span_fails():
    text = "Police arrived."
    good = Article("d", text, actors=(Actor("d:a1", "Police", "group", mentions=(Span(0, 6, "Police"),)),))
    assert validate_record(good.to_dict()) == []
    bad = Article("d", text, actors=(Actor("d:a1", "Police", "group", mentions=(Span(0, 6, "Polic"),)),))
    assert any("record says" in p for p in validate_record(bad.to_dict()))
    record = good.to_dict()
    record["actors"][0]["kind"] = "alien"
    assert validate_record(record)
