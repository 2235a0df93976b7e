"""Property-based tests: whatever comes in, ingest and the pipeline give a valid record and never raise."""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents import ingest, pipeline
from newsevents.schema import validate_record

FRAGMENTS = (
    "Police arrested 12 protesters in Nairobi on Monday, officials said. ",
    '"We will not tolerate violence," the minister told reporters. ',
    "The army shelled rebel positions near the border last week.\n\n",
    "Comments (3)\n", "Share this: Facebook Twitter\n", "© 2024 Wire Service. All rights reserved.\n",
    "â€™", "Ã©", "\u2028", "\x00", "\ud800", "\ufeff", "\r\n", "   ", "\t", "<p>", "</div>", "{", "\"", "'",
    "Mr.", "U.S.", "e.g.", "...", "—", "“", "”", "ﬁ", "İ", "ß", "\u0301", "🙂", "中国", "مرحبا",
)
news_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25).map("".join)
any_text = st.one_of(st.text(max_size=400), news_like)
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@PROPERTIES
@given(any_text)
def test_read_text_never_raises_and_gives_clean_text(text):
    raw = ingest.read_text(text)
    assert not _INVALID.search(raw.text)
    raw.text.encode("utf-8")
    assert (raw.error is None) == bool(raw.text.strip()) or raw.error.type == "NonEnglish"


@PROPERTIES
@given(st.binary(max_size=600), st.sampled_from(["text", "html", "jsonl"]))
def test_any_bytes_become_articles_or_error_records(data, kind):
    for raw in ingest.read_data(data, "fuzz", kind):
        assert raw.error is not None or raw.text.strip()
        assert raw.doc_id


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
jsonl_records = st.fixed_dictionaries(
    {}, optional={"text": json_values, "html": json_values, "title": json_values, "url": json_values,
                  "source": json_values, "published": json_values, "id": json_values},
)


@PROPERTIES
@given(st.lists(st.one_of(jsonl_records.map(json.dumps), st.text(max_size=40)), min_size=1, max_size=6))
def test_any_jsonl_line_gives_exactly_one_article(lines):
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    raws = list(ingest.read_jsonl_lines(lines, "feed.jsonl"))
    assert len(raws) == sum(bool(line.strip()) for line in lines)
    for raw in raws:
        assert raw.error is not None or raw.text.strip()
        for field in (raw.title, raw.url, raw.source):
            assert field is None or isinstance(field, str)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from([None, "2024-03-05", "not a date"]))
def test_any_text_gives_a_schema_valid_record_with_true_spans(text, published):
    article = pipeline.extract(text, published=published, source="Fuzz")
    assert validate_record(article.to_dict()) == []
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_text, min_size=1, max_size=6))
def test_batches_keep_one_record_per_input_in_order(texts):
    raws = [ingest.read_text(t, origin=f"doc{i}") for i, t in enumerate(texts)]
    articles = list(pipeline.process(raws, pipeline.Config(batch_size=4)))
    assert [a.doc_id for a in articles] == [r.doc_id for r in raws]
