"""The console script: user mistakes end in one line on stderr and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("vacatures")


def vacatures(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "VACATURES_HOME": str(cwd / "var"), **env},
        timeout=120,
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[str], *words: str
) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["crawl", "--boards", "absent.toml", "--output", "out.jsonl"],
            ["absent.toml"],
        ),
        (["dedupe", "absent.jsonl", "--output", "c.csv"], ["absent.jsonl"]),
        (["classify", "absent.csv", "--output", "c.csv"], ["absent.csv"]),
        (["taxonomy", "import", "absent-dir"], ["absent-dir"]),
        (["run", "--date", "1 december"], ["YYYY-MM-DD"]),
        (["run", "--boards", "absent.toml", "--date", "2026-12-01"], ["absent.toml"]),
    ],
)
def test_missing_or_wrong_input_is_one_line_error(tmp_path, args, words):
    assert_one_line_error(vacatures(*args, cwd=tmp_path), *words)


def test_crawl_malformed_registry_is_one_line_error(tmp_path):
    (tmp_path / "boards.toml").write_text("[[boards]]\nname = 'x'\nkind = 'ftp'\n")
    result = vacatures(
        "crawl", "--boards", "boards.toml", "--output", "o.jsonl", cwd=tmp_path
    )
    assert_one_line_error(result, "boards.toml")


def test_dedupe_malformed_json_is_one_line_error(tmp_path):
    (tmp_path / "p.jsonl").write_text("this is not json\n")
    result = vacatures("dedupe", "p.jsonl", "--output", "c.csv", cwd=tmp_path)
    assert_one_line_error(result)


def test_classify_csv_without_title_column_is_one_line_error(tmp_path):
    (tmp_path / "t.csv").write_text("id,naam\n1,Kok\n")
    result = vacatures("classify", "t.csv", "--output", "c.csv", cwd=tmp_path)
    assert_one_line_error(result, "title")


def test_bad_warehouse_url_is_one_line_error(tmp_path):
    (tmp_path / "t.csv").write_text("id,title\n1,Kok\n")
    result = vacatures(
        "classify",
        "t.csv",
        "--output",
        "c.csv",
        "--warehouse",
        "mysql://x/y",
        cwd=tmp_path,
    )
    assert_one_line_error(result, "mysql")


def test_classify_then_dedupe_files_have_documented_columns(tmp_path):
    (tmp_path / "t.csv").write_text(
        "id,title\n1,Verpleegkundige (m/v)\n2,Asdfgh qwerty\n"
    )
    result = vacatures("classify", "t.csv", "--output", "coded.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header = (tmp_path / "coded.csv").read_text().splitlines()[0].split(",")
    assert header[:5] == ["id", "isco08", "esco_uri", "occupation_label", "score"]


def test_warehouse_migrate_creates_the_layers(tmp_path):
    import duckdb

    url = f"duckdb:///{tmp_path / 'w.duckdb'}"
    result = vacatures("warehouse", "migrate", "--warehouse", url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as connection:
        schemas = {
            row[0]
            for row in connection.execute(
                "select distinct table_schema from information_schema.tables"
            ).fetchall()
        }
    assert {"staging", "core", "private", "published", "marts"} <= schemas
