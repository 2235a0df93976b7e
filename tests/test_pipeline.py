import pytest

import newsevents
from newsevents import ingest, pipeline
from newsevents.schema import validate_record

TEXT = (
    "NAIROBI, March 3 - Kenyan police arrested 12 protesters in Nairobi on Monday, officials said.\n\n"
    '"We will not tolerate violence," Interior Minister Kithure Kindiki told reporters.'
)


def test_extract_gives_a_valid_record_and_deterministic_ids():
    first = newsevents.extract(TEXT, published="2023-03-07", source="Team Wire")
    second = newsevents.extract(TEXT, published="2023-03-07", source="Team Wire")
    assert first == second
    assert first.error is None
    assert validate_record(first.to_dict()) == []
    assert first.published == "2023-03-07"


def test_stage_failure_becomes_the_article_error_and_the_batch_goes_on(monkeypatch):
    def explode(parse, doc_id, *rest):
        if "explode" in parse.text:
            raise RuntimeError("boom")
        return ()

    monkeypatch.setattr(pipeline.places, "find_places", explode)
    raws = [ingest.read_text("Please explode now."), ingest.read_text(TEXT)]
    bad, good = list(pipeline.process(raws))
    assert bad.error.stage == "places" and bad.error.type == "RuntimeError"
    assert good.error is None


def test_ingest_errors_pass_through_in_order():
    raws = [ingest.read_text(""), ingest.read_text(TEXT), ingest.read_text(TEXT, published="not a date")]
    out = list(pipeline.process(raws))
    assert [a.error.type if a.error else None for a in out] == ["EmptyArticle", None, "InvalidDate"]


@pytest.mark.parametrize("batch_size", [1, 2, 5])
def test_batching_does_not_change_results(batch_size):
    raws = [ingest.read_text(TEXT + f" Item {i}.") for i in range(4)]
    config = pipeline.Config(batch_size=batch_size)
    assert list(pipeline.process(raws, config)) == list(pipeline.process(raws))
