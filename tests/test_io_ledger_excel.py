"""Formatted ledger workbooks: sheets, formats, labels, provenance, reproducibility, and a
LibreOffice round trip that recalculates the workbook."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import geep
from geep.io.pipeline import run_methods


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> geep.Ledger:
    d = tmp_path_factory.mktemp("in")
    (d / "land_cover.csv").write_text(
        "region_code,year,land_class,area,unit\n"
        "140105,2020,forest.broadleaf,1200.5,ha\n140105,2020,farmland.dryland,81000,亩\n"
        "140105,2021,water,3,km2\n140106,2020,wetland,120.25,ha\n",
        encoding="utf-8",
    )
    return run_methods(geep.read_inputs(d / "land_cover.csv"), "all")


def test_sheets_formats_and_layout(ledger, tmp_path):
    path = ledger.to_excel(tmp_path / "l.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["summary", "by_service", "by_region", "lines", "provenance",
                             "warnings", "_geep_meta"]  # fmt: skip
    assert wb["_geep_meta"].sheet_state == "hidden"
    lines = wb["lines"]
    header = [c.value for c in lines[1]]
    assert header[:17] == list(geep.ledger.COLUMNS)
    assert lines.freeze_panes == "A2"
    assert (
        lines.auto_filter.ref == f"A1:{lines.cell(1, len(header)).column_letter}{len(ledger) + 1}"
    )
    col = {h: i + 1 for i, h in enumerate(header)}
    row = next(
        r for r in range(2, len(ledger) + 2) if lines.cell(r, col["quantity_unit"]).value == "ha"
    )
    assert lines.cell(row, col["value"]).number_format == "#,##0.00"
    assert lines.cell(row, col["quantity"]).number_format == "#,##0.00"
    assert lines.column_dimensions["P"].width > 10  # coefficient column is widened
    summary = wb["summary"]
    text = [c.value for r in summary.iter_rows() for c in r if c.value is not None]
    assert "provisional" in text and "totals by account" in text
    assert any(isinstance(v, str) and v.startswith("=SUMIFS(lines!") for v in text)
    assert wb.calculation.fullCalcOnLoad
    by_region = pd.DataFrame(wb["by_region"].values)
    assert by_region.iloc[0].tolist() == ["region_code", "region_name", "year", "account",
                                          "value_unit", "price_year", "value"]  # fmt: skip


def test_provenance_names_versions_tables_and_inputs(ledger, tmp_path):
    wb = load_workbook(ledger.to_excel(tmp_path / "l.xlsx"))
    prov = dict(wb["provenance"].iter_rows(min_row=2, values_only=True))
    assert prov["geep_version"] == geep.__version__
    assert prov["price_year"] == "2007, 2010"
    assert prov["profiles"] == '{"bt": "costanza-2014", "esv": "xie-2015"}'
    for ref, digest in ledger.meta["tables"].items():
        assert prov[f"table {ref}"] == f"sha256={digest}"
    assert prov["input land_cover.csv"].startswith("sha256=")
    assert "encoding=UTF-8" in prov["input land_cover.csv"]
    assert prov["lines_sha256"] == hashlib.sha256(ledger.csv_bytes()).hexdigest()
    warn = [r[0] for r in wb["warnings"].iter_rows(min_row=2, values_only=True)]
    assert warn == ledger.warnings


def test_chinese_labels(ledger, tmp_path):
    wb = load_workbook(ledger.to_excel(tmp_path / "l.xlsx", lang="zh"))
    assert wb.sheetnames[:3] == ["汇总", "按服务", "按区域"] and "来源" in wb.sheetnames
    assert [c.value for c in wb["按区域"][1]][:3] == ["区划代码", "区域名称", "年份"]
    assert geep.Ledger.read(tmp_path / "l.xlsx").lines.equals(ledger.lines)


def test_same_ledger_same_bytes_and_exact_round_trip(ledger, tmp_path):
    a = ledger.to_excel(tmp_path / "a.xlsx").read_bytes()
    b = ledger.to_excel(tmp_path / "b.xlsx").read_bytes()
    assert a == b
    back = geep.Ledger.read(tmp_path / "a.xlsx")
    pd.testing.assert_frame_equal(back.lines, ledger.lines, check_exact=True)
    assert back.meta == ledger.meta


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_libreoffice_opens_and_recalculates_to_the_same_numbers(ledger, tmp_path):
    exe = _soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    src = ledger.to_excel(tmp_path / "ledger.xlsx")
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), str(src)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    converted = out / "ledger.xlsx"
    assert converted.exists(), proc.stdout + proc.stderr
    wb = load_workbook(converted, data_only=True)  # values as LibreOffice computed them
    summary = wb["summary"]
    rows = [r for r in summary.iter_rows(values_only=True) if r[0] in ("ESV", "BT")]
    assert {r[0] for r in rows} == {"ESV", "BT"}
    totals = ledger.total(by=["account"])  # per year: the ledger spans 2020 and 2021
    years = sorted(ledger.lines["year"].unique())
    assert list(totals.index.names) == ["year", "account"]
    for account, _, _, *cells in rows:
        values, recalculated = cells[: len(years)], cells[len(years) : 2 * len(years)]
        for year, value, again in zip(years, values, recalculated, strict=True):
            if (year, account) not in totals.index:
                assert value is None
                continue
            assert value == pytest.approx(totals[(year, account)], rel=1e-12)
            assert again == pytest.approx(value, rel=1e-12)
    lo_lines = pd.DataFrame(list(wb["lines"].iter_rows(min_row=2, values_only=True)))
    assert lo_lines[11].astype(float).tolist() == pytest.approx(
        ledger.lines["value"].tolist(), rel=1e-15
    )
    assert Path(src).read_bytes() == ledger.to_excel(tmp_path / "again.xlsx").read_bytes()
