"""SEEA workbooks under ``lang="zh"``: Chinese only, and still read back into the account."""

from __future__ import annotations

import openpyxl
import pandas as pd

from geep.cli import main
from geep.examples import example_path
from geep.seea import read_account
from geep.seea.zh import subtitle_zh, value_zh


def test_zh_extent_workbook_is_chinese_and_reads_back(tmp_path):
    ex = str(example_path("shanxi", "shanxi-example.xlsx"))
    en, zh = tmp_path / "en.xlsx", tmp_path / "zh.xlsx"
    assert main(["seea", "extent", ex, "-o", str(en)]) == 0
    assert main(["--lang", "zh", "seea", "extent", ex, "-o", str(zh)]) == 0
    wb = openpyxl.load_workbook(zh, read_only=True)
    assert wb.sheetnames[:4] == ["4.1 范围", "恒等式检验", "元数据", "说明"]
    rows = list(wb["4.1 范围"].iter_rows(max_row=5, values_only=True))
    assert rows[0][0] == "表4.1 生态系统范围账户"
    assert rows[1][0] == "单位：ha；状态：正式"
    assert rows[2][:4] == ("区划代码", "时期", "行代码", "项目")
    assert rows[3][:4] == ("region_code", "period", "row_code", "label_zh")
    assert rows[4][2:4] == ("opening", "期初")
    assert openpyxl.load_workbook(en, read_only=True).sheetnames[0] == "4.1 Extent 范围"
    a, b = read_account(en), read_account(zh)
    pd.testing.assert_frame_equal(a.cube, b.cube)
    assert a.metadata == b.metadata and a.ok and b.ok


def test_metadata_values_in_chinese():
    assert value_zh("welfare (value transfer), exchange") == "福利价值（价值转移）、交换价值"
    assert value_zh(True) == "是" and value_zh(2010) == 2010
    assert value_zh("ecosystem_type of the ledger lines (geep land classes; profile xie-2015)") == (
        "账本各行的 ecosystem_type（geep 土地类别；参数方案 xie-2015）"
    )
    assert value_zh("no such phrase") == "no such phrase"  # unknown values are shown as given
    meta = {"unit": "CNY", "price_year": 2020, "status": "provisional", "value_concept": "welfare"}
    assert subtitle_zh(meta) == "单位：CNY；价格年份：2020；状态：暂定；价值概念：福利价值"


def test_a_zh_table_with_machine_names_reads_by_those_names(tmp_path):
    """geep's zh tables (Chinese headers over machine names, e.g. ``geep --lang zh grid
    transitions -o T.xlsx``) are read by the machine names, the data from the third row."""
    from geep.io.writer import Book, headers_for
    from geep.messages import language_scope
    from geep.seea.files import read_table_file

    frame = pd.DataFrame({"region_code": ["140105"], "year_from": [2019], "area": [1.5]})
    book = Book("zh")
    with language_scope("zh"):
        first, second = headers_for(frame.columns, "zh", "grid.col")
    book.table(book.sheet("类型转移"), frame, headers=first, second=second)
    book.save(tmp_path / "t.xlsx")
    got = read_table_file(tmp_path / "t.xlsx")
    assert list(got.columns) == ["region_code", "year_from", "area", "input_ref"]
    assert got["area"].tolist() == [1.5] and got["input_ref"].str.endswith("!3").all()
