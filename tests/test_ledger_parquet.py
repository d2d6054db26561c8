"""Parquet ledgers: exact round trip (values, text, categories, provenance), reproducible
bytes, readable by the CLI verbs that read ledgers, and clear errors for files that are not
geep ledgers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import geep
from geep.errors import InputError

pytest.importorskip("pyarrow")

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).parents[1] / "examples" / "shanxi" / "shanxi-example.xlsx"


@pytest.fixture(scope="module")
def ledger() -> geep.Ledger:
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    lc = pd.DataFrame(
        {
            "region_code": ["140100", "140100", "140200"],
            "year": [2020, 2020, 2021],
            "land_class": ["forest.mixed", "water", "wetland"],
            "area": [100.0, 5.0, 7.5],
            "unit": "ha",
        }
    )
    return geep.gep(q.drop(columns="paper_value_yi")), geep.esv(lc)


@pytest.mark.parametrize("which", [0, 1])
def test_round_trip_is_exact(tmp_path, ledger, which):
    led = ledger[which]
    path = led.to_parquet(tmp_path / "l.parquet")
    back = geep.Ledger.read(path)
    pd.testing.assert_frame_equal(
        back.lines.reset_index(drop=True), led.lines.reset_index(drop=True), check_exact=True
    )
    assert back.meta == led.meta
    assert back.status == led.status
    pd.testing.assert_frame_equal(back.by_region(), led.by_region(), check_exact=True)
    assert back.check().ok


def test_identical_ledgers_give_identical_bytes(tmp_path, ledger):
    a = ledger[0].to_parquet(tmp_path / "a.parquet").read_bytes()
    b = ledger[0].to_parquet(tmp_path / "b.parquet").read_bytes()
    assert a == b


def test_not_a_parquet_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "ledger.parquet"
    bad.write_bytes(b"PK\x03\x04 this is a zip, not parquet")
    with pytest.raises(InputError) as exc:
        geep.Ledger.read(bad)
    assert "ledger.parquet" in str(exc.value)
    assert exc.value.file == "ledger.parquet"


def test_a_parquet_file_without_ledger_columns_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"a": [1, 2]}), path)
    with pytest.raises((InputError, ValueError)) as exc:
        geep.Ledger.read(path)
    assert "value" in str(exc.value) or "column" in str(exc.value).lower()


def test_cli_run_writes_parquet_that_compare_reads(tmp_path):
    out = tmp_path / "l.parquet"
    cmd = [sys.executable, "-m", "geep", "run", str(EXAMPLE), "-o", str(out), "--method", "esv"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    led = geep.Ledger.read(out)
    assert set(led.lines["account"]) == {"ESV"}
    # the point of Parquet: a province's ledger is a fraction of its CSV
    csv = tmp_path / "l.csv"
    subprocess.run([*cmd[:-4], "-o", str(csv), "--method", "esv"], check=True, capture_output=True)
    assert out.stat().st_size < csv.stat().st_size / 3
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "geep",
            "compare",
            str(out),
            str(out),
            "--year",
            "2020",
            "-o",
            str(tmp_path / "c.xlsx"),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "c.xlsx").exists()


def test_cli_refuses_an_unknown_output_suffix_in_chinese(tmp_path):
    cmd = [sys.executable, "-m", "geep", "--lang", "zh", "run", str(EXAMPLE), "-o",
           str(tmp_path / "l.txt")]  # fmt: skip
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 2
    assert "请将核算账户写为" in r.stderr
    assert "Traceback" not in r.stderr
