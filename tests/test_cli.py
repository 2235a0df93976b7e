import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsevents import __version__
from newsevents.cli import cli
from newsevents.schema import validate_record

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args], capture_output=True, text=True, check=False)


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_bad_published_date_is_a_usage_error_without_traceback(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Troops withdrew from the town on Friday.")
    result = run_cli("extract", str(article), "--published", "2021-13-45", "--db", "")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope.txt"), "--db", "")
    assert result.returncode == 2 and "no such file" in result.stderr


def test_examples_validate_and_bad_articles_do_not_stop_the_batch(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text((EXAMPLES / "01_haniyeh_baradar.txt").read_text())
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (corpus / "batch.jsonl").write_text('{"id": "j1", "text": "Protesters marched in Lagos."}\n{broken\n')
    out = tmp_path / "out.jsonl"
    db = tmp_path / "x.duckdb"
    result = run_cli("extract", str(corpus), "--format", "jsonl", "-o", str(out), "--db", str(db))
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 5
    for record in records:
        assert validate_record(record) == []
    errors = {r["error"]["type"] for r in records if r["error"]}
    assert {"EmptyArticle", "UnreadableFile", "MalformedJSONL"} <= errors
    malformed = next(r for r in records if r["error"] and r["error"]["type"] == "MalformedJSONL")
    assert "batch.jsonl:2" in malformed["error"]["message"]
    assert sum(1 for r in records if r["error"] is None) == 2


def test_bundled_examples_give_schema_valid_records(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", str(EXAMPLES), "--format", "jsonl", "-o", str(out), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) >= 10
    assert all(validate_record(r) == [] and r["error"] is None for r in records)
    assert sum(len(r["events"]) for r in records) > 20 and sum(len(r["quotes"]) for r in records) > 20


def test_user_quote_cue_file_adds_a_cue(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Harbour strike\n\nThe dockers' union grumbled that the new shift rota was unsafe.\n")
    cues = tmp_path / "my_cues.tsv"
    cues.write_text("# our cue words\ngrumble\tsay\n")
    base = ["extract", str(article), "--format", "jsonl", "--db", "", "--published", "2024-05-02"]

    def quote_texts(extra):
        result = CliRunner().invoke(cli, base + extra)
        assert result.exit_code == 0, result.output
        return [q["text"] for q in json.loads(result.stdout.splitlines()[0])["quotes"]]

    assert not any("shift rota" in t for t in quote_texts([]))
    assert any("shift rota" in t for t in quote_texts(["--quotes", str(cues)]))
