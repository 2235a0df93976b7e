import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsevents import ingest

HOSTILE = Path(__file__).parent / "data" / "hostile"
ENGLISH = (
    "Officials said on Wednesday that floodwaters had forced thousands of families from their homes, and the "
    "governor asked the government for emergency aid."
)
SPANISH = (
    "El gobierno anunció el martes que las elecciones regionales se celebrarán en octubre y que la policía "
    "reforzará la seguridad en las provincias del norte."
)


def test_mojibake_is_repaired_and_correct_text_left_alone():
    assert ingest.repair_mojibake("itâ€™s â€œfineâ€ in SÃ£o Paulo â€” ok") == "it’s “fine” in São Paulo — ok"
    assert ingest.repair_mojibake("Hélène déjà vu, naïve café") == "Hélène déjà vu, naïve café"
    assert ingest.repair_mojibake("Ã  la") == "Ã  la"  # not a complete UTF-8 sequence


def test_decode_handles_encodings_and_refuses_binary():
    assert ingest.decode("Le café à São Paulo, £5".encode("latin-1")) == "Le café à São Paulo, £5"
    assert ingest.decode("Minister said".encode("utf-16")) == "Minister said"
    assert ingest.decode("naïve".encode()[:-1] + b"") == "naïv"  # file cut inside its last character
    with pytest.raises(ingest.IngestError, match="binary"):
        ingest.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_control_characters_and_long_tokens_are_removed_and_reported():
    raw = ingest.read_text("Police\x00 said\x07 on\ud800 Monday" + "\x0b" + " x" + "A" * 500 + " that it ended.")
    assert raw.text == "Police said on Monday\n  that it ended."
    assert {r.reason for r in raw.removed} == {"control-characters", "long-token"}
    assert raw.text.encode("utf-8")


def test_oversize_article_is_cut_at_a_paragraph_boundary():
    text = "\n\n".join(f"Paragraph {i} says the minister met the envoy." for i in range(200))
    raw = ingest.read_text(text, max_chars=1000)
    assert len(raw.text) <= 1000 and raw.text.endswith("envoy.")
    assert text.startswith(raw.text)
    assert raw.removed[-1].reason == "truncated"
    assert raw.error is None


def test_language_detection_is_deterministic_and_skips_non_english():
    spanish = ingest.read_text(SPANISH)
    assert spanish.error.type == "NonEnglish" and spanish.language == "es"
    assert ingest.read_text(SPANISH) == spanish
    assert ingest.read_text(ENGLISH).error is None
    assert ingest.read_text("Please explode now.").error is None  # too short to judge: kept


@pytest.mark.parametrize("value,expected", [
    ("2024-03-05T10:00:00Z", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
    ("20240305", "2024-03-05"),
])
def test_publication_dates_in_common_feed_formats(value, expected):
    assert ingest.parse_published(value) == expected


def test_jsonl_errors_name_file_and_line_and_the_rest_goes_on():
    lines = [
        json.dumps({"text": ENGLISH}),
        '{"text": "cut',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": "Line\u2028separators stay inside one record, the minister said."}),
        json.dumps({"title": "no body"}),
    ]
    raws = list(ingest.read_jsonl_lines("\n".join(lines).split("\n"), "feed.jsonl"))
    assert [r.error.type if r.error else None for r in raws] == [None, "MalformedJSONL", "MalformedJSONL", None,
                                                                  "MalformedJSONL"]
    assert raws[1].error.message.startswith("feed.jsonl:2:")
    assert len({r.doc_id for r in raws}) == len(raws)


def test_deeply_nested_html_falls_back_to_plain_extraction():
    html = "<html><body>" + "<div>" * 5000 + f"<p>{ENGLISH}</p>" + "</div>" * 5000 + "</body></html>"
    raw = ingest.read_html(html)
    assert raw.error is None and ENGLISH in raw.text
    assert "fallback-extraction" in {r.reason for r in raw.removed}


def test_huge_html_is_cut_before_extraction(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_HTML_CHARS", 20_000)
    body = "".join(f"<p>Report {i}: {ENGLISH}</p>" for i in range(2000))
    raw = ingest.read_html(f"<html><body><article>{body}</article></body></html>")
    assert raw.error is None and "Report 0:" in raw.text and "Report 1999:" not in raw.text
    assert raw.removed[0].reason == "truncated"


def test_scripts_styles_and_comments_are_dropped_linearly():
    html = "<p>a</p><script>x<y</script><!-- note --><STYLE>p{}</style><p>b</p><script>never closed"
    assert ingest._drop_elements(html) == "<p>a</p><p>b</p>"


def test_files_globs_and_gzip(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt") as f:
        f.write(json.dumps({"text": ENGLISH + " Again."}) + "\n")
    assert [p.name for p in ingest.iter_files([tmp_path])] == ["a.txt", "feed.jsonl.gz"]
    assert [p.name for p in ingest.iter_files([str(tmp_path / "*.gz")])] == ["feed.jsonl.gz"]
    raws = list(ingest.read_paths([tmp_path]))
    assert [r.error for r in raws] == [None, None] and raws[1].origin.endswith("feed.jsonl.gz:1")


def _expected_hostile(root: Path) -> dict[str, str | None]:
    """Each input of the hostile corpus and the error type it must end with (None: processed)."""
    return {
        "binary_named.txt": "UnreadableFile",
        "control_chars.txt": None,
        "empty.txt": "EmptyArticle",
        "feed_truncated.jsonl:1": None,
        "feed_truncated.jsonl:2": None,
        "feed_truncated.jsonl:3": "MalformedJSONL",
        "feed_truncated.jsonl:4": "MalformedJSONL",
        "feed_truncated.jsonl:5": "MalformedJSONL",
        "feed_truncated.jsonl:6": None,
        "feed_truncated.jsonl:7": "InvalidDate",
        "feed_truncated.jsonl:8": "MalformedJSONL",
        "good.txt": None,
        "latin1.txt": None,
        "long_token.txt": None,
        "malformed.html": None,
        "mojibake.txt": None,
        "non_english.txt": "NonEnglish",
        "not_really.jsonl.gz": "UnreadableFile",
        "only_scripts.html": "UnreadableHTML",
        "script_heavy.html": None,
        "utf16_bom.txt": None,
        "whitespace_only.txt": "EmptyArticle",
        "generated_5mb_page.html": None,
        "generated_deep.html": None,
        "generated_nested.jsonl:1": "MalformedJSONL",
        "generated_nested.jsonl:2": None,
    }


def _add_generated_inputs(root: Path) -> None:
    paragraphs = "".join(f"<p>Update {i}: {ENGLISH}</p>\n" for i in range(20_000))
    (root / "generated_5mb_page.html").write_text(
        f"<html><head><title>Floods</title></head><body><article>{paragraphs}</article></body></html>")
    (root / "generated_deep.html").write_text("<div>" * 20_000 + f"<p>{ENGLISH}</p>")
    (root / "generated_nested.jsonl").write_text(
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + json.dumps({"text": ENGLISH + " Later."}) + "\n")


@pytest.mark.slow
def test_hostile_corpus_through_the_cli(tmp_path, monkeypatch):
    root = tmp_path / "hostile"
    shutil.copytree(HOSTILE, root)
    _add_generated_inputs(root)
    out, db = tmp_path / "out.jsonl", tmp_path / "x.duckdb"
    env = {**os.environ, "NEWSEVENTS_MAX_ARTICLE_CHARS": "20000"}  # keeps the parse of the 5 MB page short
    done = subprocess.run(
        [sys.executable, "-m", "newsevents.cli", "-q", "extract", str(root), "--db", str(db), "--format", "jsonl",
         "-o", str(out)], capture_output=True, text=True, timeout=600, check=False, env=env)
    assert done.returncode == 1, done.stderr  # some articles recorded errors, the rest were written
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 20000)
    names = {raw.doc_id: raw.origin[len(str(root)) + 1 :] for raw in ingest.read_paths([root])}
    assert len(records) == len(names)
    got = {names[r["doc_id"]]: r["error"]["type"] if r["error"] else None for r in records}
    assert got == _expected_hostile(root)
    big = next(r for r in records if r["title"] == "Floods")
    assert big["removed"][0]["reason"] == "truncated" and len(big["text"]) <= 20000
    con = duckdb.connect(str(db), read_only=True)
    stored = {row[0] for row in con.execute("SELECT doc_id FROM articles WHERE error_type IS NULL").fetchall()}
    con.close()
    assert stored == {r["doc_id"] for r in records if not r["error"]}


@pytest.mark.parametrize("args", [["extract", "no/such/dir"], ["extract", "no/such/*.jsonl"], ["extract"]])
def test_usage_errors_exit_2_without_traceback(args):
    done = subprocess.run([sys.executable, "-m", "newsevents.cli", *args], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_undecodable_file_names_and_surrogates_give_encodable_records(tmp_path):
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(ENGLISH)
    (tmp_path / os.fsdecode(b"empty\xfe.txt")).write_text("")
    raws = list(ingest.read_paths([tmp_path]))
    raws += list(ingest.read_jsonl_lines(['{"source": "\\ud800", "text": 5}'], "x\udcff.jsonl"))
    assert [r.error.type if r.error else None for r in raws] == [None, "EmptyArticle", "MalformedJSONL"]
    for raw in raws:
        json.dumps([raw.doc_id, raw.origin, raw.source, raw.error and raw.error.message], ensure_ascii=False).encode()


@pytest.mark.parametrize("chrome", [
    "Share this article",
    "Share: Facebook | X | WhatsApp | Email",
    "Tags: Elections, Courts",
    "This story was last updated at 09:40 GMT.",
    "Updated: 12 March 2024",
    "Our journalism is free to read. Please consider supporting us.",
    "By our correspondent in Mombasa",
    "Most popular: five charts on the budget",
    "Listen to this article",
    "Listen (4 min)",
    "Listen \u00b7 5:12",
    "Voiced by artificial intelligence.",
    "6 min read",
    "Reading time: 3 minutes",
    "Follow our Asia coverage on WhatsApp",
    "Join our Telegram channel for breaking news",
    "Follow The Harbour Times on X for live updates",
    "Follow our live coverage of the summit",
    "Download the Harbour Times app",
    "Tap here to follow the latest developments",
    "Turn on notifications for breaking news",
    "Sign up for our weekly Africa briefing",
    "Sign up here.",
    "Get the morning headlines delivered to your inbox.",
    "Already a subscriber? Log in",
    "Quotes delayed at least 20 minutes.",
    "Market data provided by an exchange partner",
    "Support fearless independent journalism",
    "Donate today",
    "Become a supporter",
    "Reporting by Harbour Desk staff; Editing by the night desk",
    "(Reporting by Ann Roe in Quito; Additional reporting by Bo Lin; Writing by Cy Poe; Editing by Will Rigby)",
    "Additional reporting by Dee Moss in Lima",
    "Associated Press writer Ann Roe in Quito contributed to this report.",
    "Photo: Harbour Times/Ann Roe",
    "(Photo by Ann Roe/AFP via Getty Images)",
    "REUTERS/Ann Roe",
    "FILE PHOTO: A ferry docks at the harbour in Quito",
    "Read more: Why the port strike matters",
    "Advertisement - Scroll to continue",
    "Story continues below advertisement",
    "Updated 3 hours ago",
    "We use cookies to give you the best experience on our site.",
])
def test_site_chrome_lines_are_removed_with_a_reason(chrome):
    body = "Troops withdrew from the town on Friday, the army said."
    cleaned, removed = ingest.clean_text(f"{body}\n\n{chrome}\n\nTalks resume next week, officials said.")
    assert chrome not in cleaned and body in cleaned and "Talks resume" in cleaned
    assert [r.text for r in removed] == [chrome]


@pytest.mark.parametrize("sentence", [
    "Share prices fell sharply in Nairobi on Monday.",
    "By Monday, the rebels had withdrawn from the town.",
    "Comments by the minister angered opposition lawmakers, who walked out of parliament.",
    "Updated figures released on Tuesday showed 40 people were killed in the clashes.",
    "Comments by the minister drew criticism.",
    "Officials urged residents to sign up for emergency alerts on their phones.",
    "Sign-ups for military service rose sharply after the invasion.",
    "Follow-up talks were held in Doha on Tuesday.",
    "Follow the money, the prosecutor told the jury.",
    "The rebel leader told followers on Telegram to join the fighting.",
    "Listen to the people, the opposition leader told parliament.",
    "Support for the ruling party fell to 20 percent in the latest poll.",
    "Western governments pledged to support independent journalism in Belarus.",
    "Reporting by the newspaper found that the minister had misled parliament.",
    "Markets fell after the central bank delayed its decision by a month.",
    "Photos posted online showed smoke rising over the city.",
    "Copyright claims rose 20 percent last year, the agency said.",
    "The report may not be published until the inquiry ends, the judge ruled.",
    "Related talks will continue in Geneva next week.",
    "Most readers back the government, a poll found.",
    "Join forces with the opposition, he urged voters.",
    "Live fire was used against the protesters, witnesses said.",
    "Reporting by the newspaper prompted an inquiry.",
    "Pictures by a local photographer captured the scene.",
    "Posted 20 km from the border, the troops came under fire.",
    "Police raided the reader-funded outlet on Monday.",
    "Copyright law reform stalled in parliament.",
])
def test_article_sentences_that_look_like_chrome_are_kept(sentence):
    cleaned, removed = ingest.clean_text(f"{sentence}\n\nThe talks continue.")
    assert sentence in cleaned and removed == ()


def test_a_list_header_takes_the_headline_links_under_it_but_no_sentence():
    text = ("Troops withdrew on Friday, the army said.\n\nMost read\n1. Five things to know about the vote\n"
            "2. Oil prices edge higher\n\nTalks resume next week, officials said.")
    cleaned, removed = ingest.clean_text(text)
    assert cleaned == "Troops withdrew on Friday, the army said.\n\nTalks resume next week, officials said."
    assert [(r.reason, r.text.count("\n")) for r in removed] == [("related", 2)]
    cleaned, removed = ingest.clean_text("Related stories\n\nThe army said on Friday that troops withdrew.")
    assert cleaned == "The army said on Friday that troops withdrew." and [r.text for r in removed] == ["Related stories"]


def test_prompt_rules_spare_lines_a_keep_rule_finds_prose_in(tmp_path, monkeypatch):
    extra = tmp_path / "chrome.tsv"
    extra.write_text("promo\tprompt\t^vote (now|in our poll)\\b.*$\nprose\tkeep\t\\bmayor said\\b\n")
    rules = ingest.load_boilerplate_rules((str(extra),))
    assert [r.scope for r in rules[-2:]] == ["prompt", "keep"] and not any(r.tail for r in rules[-2:])
    broken = tmp_path / "scope.tsv"
    broken.write_text("promo\teverything\t^vote now$\n")
    with pytest.raises(ValueError, match="unknown scope"):
        ingest.load_boilerplate_rules((str(broken),))
    monkeypatch.setattr(ingest, "load_boilerplate_rules", lambda paths=(): rules)
    cleaned, removed = ingest.clean_text("Vote now in our poll\n\nVote now, the mayor said.")
    assert cleaned == "Vote now, the mayor said." and [r.reason for r in removed] == ["promo"]


def test_user_boilerplate_rules_load_with_the_bundled_ones(tmp_path):
    extra = tmp_path / "chrome.tsv"
    extra.write_text("# my site\npromo\tline\t^listen to our podcast\\b.*$\n")
    rules = ingest.load_boilerplate_rules((str(extra),))
    assert len(rules) == len(ingest.load_boilerplate_rules()) + 1
    assert rules[-1].reason == "promo" and rules[-1].pattern.match("Listen to our podcast today")
    broken = tmp_path / "broken.tsv"
    broken.write_text("broken\tline\t(unclosed\n")
    with pytest.raises(ValueError, match="bad boilerplate rule"):
        ingest.load_boilerplate_rules((str(broken),))
