"""``geep validate … --format csv`` / ``-o FILE.csv``: the report a county gets back, for Excel."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from geep.cli import main


@pytest.fixture()
def bad(tmp_path):
    path = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area", "unit"])
    ws.append(["1", 2020, "forest.broadleaf", "#VALUE!", "ha"])
    wb.save(path)
    return path


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel shows mojibake"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))


def test_zh_csv_file_has_bom_chinese_headers_and_cells(bad, tmp_path, capsys):
    out = tmp_path / "问题.csv"
    assert main(["--lang", "zh", "validate", str(bad), "-o", str(out)]) == 1
    rows = _rows(out.read_bytes())
    assert rows[0][:4] == ["级别", "文件", "工作表", "单元格"]
    assert rows[1][:4] == ["错误", "bad.xlsx", "land_cover", "D2"]
    assert "已写出" in capsys.readouterr().out
    assert (
        tmp_path / "问题.csv.meta.json"
    ).is_file()  # marks it as geep's: a re-run may replace it
    assert main(["validate", str(bad), "-o", str(out)]) == 1
    assert _rows(out.read_bytes())[0][:4] == ["severity", "file", "sheet", "cell"]


def test_stdout_csv_gets_the_bom_when_redirected(bad, capsys):
    assert main(["validate", str(bad), "--format", "csv", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("\ufeff级别,文件,工作表,单元格")


def test_refuses_input_and_foreign_files(bad, tmp_path, capsys):
    mine = tmp_path / "mine.csv"
    mine.write_text("county notes\n", encoding="utf-8")
    assert main(["validate", str(bad), "-o", str(mine)]) == 2
    assert mine.read_text(encoding="utf-8") == "county notes\n"
    assert "--force" in capsys.readouterr().err
    assert main(["validate", str(bad), "-o", str(mine), "--force"]) == 1
    assert _rows(mine.read_bytes())[1][3] == "D2"
    as_csv = tmp_path / "in.csv"
    as_csv.write_text("region_code,year,land_class,area,unit\n1,2020,water,x,ha\n", "utf-8")
    before = as_csv.read_bytes()
    assert main(["validate", str(as_csv), "-o", str(as_csv), "--force"]) == 2
    assert as_csv.read_bytes() == before
    assert main(["validate", str(bad), "-o", str(tmp_path / "r.txt")]) == 2
