"""``vacatures taxonomy import``, ``classify`` and ``evaluate classify``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

BIN = Path(sys.executable).with_name("vacatures")
MINI = Path(__file__).parent / "data" / "occupations" / "esco_mini"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "VACATURES_HOME": str(cwd / "var"), "COLUMNS": "200"},
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def titles(tmp_path: Path) -> Path:
    path = tmp_path / "titles.csv"
    pd.DataFrame(
        {
            "id": ["t1", "t2", "t3"],
            "title": ["Kok (m/v)", "Software Developer", "Xyzzy"],
            "company": ["", "", ""],
        }
    ).to_csv(path, index=False)
    return path


def test_classify_without_a_warehouse_taxonomy_uses_the_starter(tmp_path, titles):
    result = run_cli("classify", str(titles), "--output", "coded.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "starter" in result.stderr
    coded = pd.read_csv(tmp_path / "coded.csv", dtype=str, keep_default_na=False)
    assert list(coded.columns[:5]) == [
        "id",
        "isco08",
        "esco_uri",
        "occupation_label",
        "score",
    ]
    assert list(coded["isco08"]) == ["5120", "2512", ""]

    truth = tmp_path / "truth.csv"
    pd.DataFrame(
        {"id": ["t1", "t2", "t3"], "isco08": ["5120", "2512", "9629"], "split": "a"}
    ).to_csv(truth, index=False)
    report = run_cli(
        "evaluate", "classify", "coded.csv", "--truth", str(truth), cwd=tmp_path
    )
    assert report.returncode == 0, report.stderr
    all_row = next(line for line in report.stdout.splitlines() if " all " in line)
    assert all_row.split()[2:] == ["66.7%"] * 4 + ["66.7%"]


def test_classify_uses_the_taxonomy_imported_into_the_warehouse(tmp_path, titles):
    url = f"duckdb:///{tmp_path / 'w.duckdb'}"
    imported = run_cli(
        "taxonomy", "import", str(MINI / "v9.2"), "--warehouse", url, cwd=tmp_path
    )
    assert imported.returncode == 0, imported.stderr
    assert "v9.2: 4 occupations, 4 added, 0 changed, 0 retired" in imported.stdout
    result = run_cli(
        "classify",
        str(titles),
        "--output",
        "coded.csv",
        "--warehouse",
        url,
        "--threshold",
        "0.5",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    coded = pd.read_csv(tmp_path / "coded.csv", dtype=str, keep_default_na=False)
    assert coded.loc[0, "esco_uri"] == "urn:test:occupation:kok"


def test_classify_reads_a_spreadsheet_csv_with_semicolons(tmp_path):
    (tmp_path / "excel.csv").write_text(
        "\ufeffID;Title\nt1;Kok (m/v)\nt2;Software Developer\n", encoding="utf-8"
    )
    result = run_cli("classify", "excel.csv", "--output", "coded.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    coded = pd.read_csv(tmp_path / "coded.csv", dtype=str, keep_default_na=False)
    assert list(coded["id"]) == ["t1", "t2"]
    assert list(coded["isco08"]) == ["5120", "2512"]


def test_classify_csv_without_id_and_title_is_one_line_error(tmp_path):
    (tmp_path / "bad.csv").write_text("name,text\nx,y\n")
    line = one_line_error(
        run_cli("classify", "bad.csv", "--output", "o.csv", cwd=tmp_path)
    )
    assert "id and title" in line


def test_taxonomy_import_folder_without_occupations_is_one_line_error(tmp_path):
    (tmp_path / "v1.2").mkdir()
    line = one_line_error(run_cli("taxonomy", "import", "v1.2", cwd=tmp_path))
    assert "occupations_" in line
