"""The file verbs: ``geep template``, ``validate``, ``run`` and ``batch`` (exit codes, outputs)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import geep
from geep.cli import main

LAND = "region_code,year,land_class,area,unit\n{code},2020,forest.broadleaf,{a},ha\n{code},2020,water,5,亩\n"


def _county(folder: Path, code: str, area: float) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area", "unit"])
    ws.append([code, 2020, "forest.broadleaf", area, "ha"])
    ws.append([code, 2020, "farmland.paddy", area / 2, "亩"])
    reg = wb.create_sheet("regions")
    reg.append(["region_code", "region_name", "area (ha)"])
    reg.append([code, f"county {code}", area * 1.04])
    path = folder / f"{code}.xlsx"
    wb.save(path)
    return path


def test_template_verb(tmp_path, capsys):
    out = tmp_path / "in.xlsx"
    assert main(["template", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "instructions"
    before = out.read_bytes()
    assert main(["template", str(out)]) == 2  # never overwrites a (possibly filled) workbook
    assert "exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["--lang", "zh", "template", str(out), "--force"]) == 0
    assert load_workbook(out).sheetnames[0] == "说明"
    assert main(["template", str(tmp_path / "x.xls")]) == 2


def test_validate_verb(tmp_path, capsys):
    good = _county(tmp_path, "140105", 100.0)
    assert main(["validate", str(good)]) == 0
    assert "no problems found" in capsys.readouterr().out
    assert main(["validate", str(good), "--require", "economy"]) == 1
    assert "required sheet 'economy' (经济) is missing" in capsys.readouterr().out
    assert main(["validate", str(good), "--require", "economyy"]) == 2
    bad = tmp_path / "bad.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area", "unit"])
    ws.append(["1", 2020, "forest.broadleaf", "#VALUE!", "ha"])
    ws.append(["1", 2020, "water", 1, "acre-feet"])
    wb.save(bad)
    assert main(["validate", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "bad.xlsx!land_cover!D2" in captured.out and "#VALUE!" in captured.out
    assert "bad.xlsx!land_cover!E3" in captured.out
    assert "2 error(s)" in captured.err
    assert main(["validate", str(bad), "--format", "csv"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("\ufeffseverity,file,sheet,cell,where,table,column")  # BOM: not a tty
    assert ",bad.xlsx,land_cover,D2," in out
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert main(["validate", str(empty)]) == 1
    assert "empty.xlsx is empty (0 bytes)" in capsys.readouterr().out


def test_run_verb(tmp_path, capsys):
    good = _county(tmp_path, "140105", 100.0)
    out = tmp_path / "ledger.csv"
    assert main(["run", str(good), "-o", str(out), "--method", "esv"]) == 0
    assert "wrote" in capsys.readouterr().out
    back = geep.Ledger.read(out)
    direct = geep.esv(geep.read_inputs(good))
    assert back.total() == pytest.approx(direct.total(), rel=1e-15)
    assert (out.parent / "ledger.csv.meta.json").exists()
    # invalid input: exit 1 with the report, nothing written
    bad = tmp_path / "bad.csv"
    bad.write_text(LAND.format(code="1", a="-3"), encoding="utf-8")
    assert (
        main(["run", str(bad), "-o", str(tmp_path / "bad_out.xlsx"), "--table", "land_cover"]) == 1
    )
    assert "negative area" in capsys.readouterr().err
    assert not (tmp_path / "bad_out.xlsx").exists()
    # usage errors: exit 2
    assert main(["run", str(good), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["run", str(good), "-o", str(tmp_path / "x.xlsx"), "--profile", "xie-2008"]) == 2
    # a method the inputs do not support: exit 1 with what is missing
    assert main(["run", str(good), "-o", str(tmp_path / "g.xlsx"), "--method", "gep"]) == 1
    assert "quantities" in capsys.readouterr().err
    assert main(["run", str(good), "-o", str(tmp_path / "e.xlsx"), "--method", "esv",
                 "--profile", "esv=xie-2015", "--price-year", "2015"]) == 0  # fmt: skip
    e = geep.Ledger.read(tmp_path / "e.xlsx")
    assert set(e.lines["price_year"]) == {2015} and "xie2015-factors@2015" in e.meta["tables"]
    assert e.meta["profiles"] == {"esv": "xie-2015"} and e.meta["inputs"]["140105.xlsx"]


def test_batch_verb(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for k, code in enumerate(("140105", "140106", "140107")):
        _county(src, code, 100.0 + k)
    (src / "broken.xlsx").write_text("not really a workbook", encoding="utf-8")
    (src / "invalid.csv").write_text(LAND.format(code="9", a="abc"), encoding="utf-8")
    (src / "~$140105.xlsx").write_bytes(b"lock file")  # spreadsheet lock files are skipped
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--method", "esv"]) == 1
    captured = capsys.readouterr()
    assert "3 of 5 file(s) ok" in captured.out
    assert "broken.xlsx" in captured.err and "invalid.csv" in captured.err
    assert sorted(p.name for p in (out / "ledgers").iterdir()) == [
        "140105.xlsx", "140106.xlsx", "140107.xlsx"]  # fmt: skip
    combined = geep.Ledger.read(out / "combined.xlsx")
    assert sorted(combined.lines["region_code"].unique()) == ["140105", "140106", "140107"]
    one = geep.Ledger.read(out / "ledgers" / "140106.xlsx")
    assert one.total() == pytest.approx(
        combined.lines.loc[combined.lines["region_code"] == "140106", "value"].sum(), rel=1e-12
    )
    wb = load_workbook(out / "summary.xlsx")
    files = {r[0]: r for r in wb["files"].iter_rows(min_row=2, values_only=True)}
    assert list(files) == ["140105.xlsx", "140106.xlsx", "140107.xlsx", "broken.xlsx",
                           "invalid.csv"]  # fmt: skip
    assert files["140105.xlsx"][1:3] == ("ok", 0)
    assert files["broken.xlsx"][1] == "invalid" and files["invalid.csv"][1] == "invalid"
    problems = list(wb["problems"].iter_rows(min_row=2, values_only=True))
    assert any(p[0] == "broken.xlsx" and "text file" in p[6] for p in problems)
    assert any(p[0] == "invalid.csv" and p[3] == "invalid.csv!D2" for p in problems)
    # the same inputs give the same bytes
    digests = {p.relative_to(out): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(out.rglob("*")) if p.is_file()}  # fmt: skip
    assert main(["-q", "batch", str(src), "-o", str(out), "--jobs", "1", "--method", "esv"]) == 1
    again = {p.relative_to(out): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(out.rglob("*")) if p.is_file()}  # fmt: skip
    assert again == digests
    assert main(["batch", str(tmp_path / "nope"), "-o", str(out)]) == 2
