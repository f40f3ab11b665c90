from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from transforms.dedupe.synth import write_set

CLI = "from vacatures.cli import main; main()"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def labelled_set(tmp_path_factory) -> tuple[Path, Path]:
    return write_set(tmp_path_factory.mktemp("set"), 600, seed=5)


def test_dedupe_command_writes_clusters_and_evaluate_reads_them(labelled_set, tmp_path):
    postings, truth = labelled_set
    clusters = tmp_path / "out" / "clusters.csv"
    done = run_cli("dedupe", str(postings), "--output", str(clusters))
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(clusters, dtype=str)
    assert list(written.columns) == ["posting_id", "cluster_id"]
    assert len(written) == sum(1 for _ in postings.open())
    assert "0 lines quarantined" in done.stderr

    measured = run_cli("evaluate", "dedupe", str(clusters), "--truth", str(truth))
    assert measured.returncode == 0, measured.stderr
    lines = {line.split()[0]: line.split()[1:] for line in measured.stdout.splitlines()}
    assert float(lines["pair"][0]) >= 0.9
    assert float(lines["bcubed"][1]) >= 0.9


def test_dedupe_command_quarantines_lines_it_cannot_use(labelled_set, tmp_path):
    postings, _ = labelled_set
    lines = postings.read_text(encoding="utf-8").splitlines()[:20]
    no_title = json.loads(lines[0])
    del no_title["title"]
    broken = tmp_path / "postings.jsonl"
    broken.write_text(
        "\n".join([*lines, json.dumps(no_title), lines[1], "[1, 2]", ""]) + "\n",
        encoding="utf-8",
    )
    clusters = tmp_path / "clusters.csv"
    done = run_cli("dedupe", str(broken), "--output", str(clusters))
    assert done.returncode == 0, done.stderr
    assert "3 lines quarantined" in done.stderr
    assert len(pd.read_csv(clusters)) == 20


def test_dedupe_command_keeps_postings_with_empty_optional_fields(
    labelled_set, tmp_path
):
    postings, _ = labelled_set
    records = [json.loads(line) for line in postings.open(encoding="utf-8")][:10]
    records[0]["employer"] = None
    records[1]["description"] = ""
    del records[2]["date_posted"]
    records[3]["posting_id"] = 12345
    records[4]["place"] = records[4].pop("location")
    path = tmp_path / "postings.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    clusters = tmp_path / "clusters.csv"
    done = run_cli("dedupe", str(path), "--output", str(clusters))
    assert done.returncode == 0, done.stderr
    assert "0 lines quarantined" in done.stderr
    written = pd.read_csv(clusters, dtype=str)
    assert len(written) == 10
    assert "12345" in set(written["posting_id"])


def test_dedupe_command_reports_a_missing_file(tmp_path):
    done = run_cli(
        "dedupe", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "c.csv")
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"vacatures: error: postings file not found: {tmp_path / 'nope.jsonl'}"
    ]


def test_dedupe_command_reports_malformed_json_with_its_line(tmp_path):
    path = tmp_path / "postings.jsonl"
    path.write_text('{"posting_id": "a:1"}\n{"posting_id": \n', encoding="utf-8")
    done = run_cli("dedupe", str(path), "-o", str(tmp_path / "c.csv"))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "line 2: not valid JSON" in done.stderr


def test_dedupe_command_reports_missing_required_columns(tmp_path):
    path = tmp_path / "postings.jsonl"
    path.write_text('{"posting_id": "a:1", "title": "Kok"}\n', encoding="utf-8")
    done = run_cli("dedupe", str(path), "-o", str(tmp_path / "c.csv"))
    assert done.returncode == 2
    assert "missing required columns: board, employer" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_evaluate_dedupe_reports_a_truth_without_labels(labelled_set, tmp_path):
    _, truth = labelled_set
    bad = tmp_path / "truth.csv"
    bad.write_text("posting_id,label\na:1,x\n", encoding="utf-8")
    done = run_cli("evaluate", "dedupe", str(truth), "--truth", str(bad))
    assert done.returncode == 2
    assert "truth file needs columns posting_id and cluster_id" in done.stderr
