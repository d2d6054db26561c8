"""geep compare: sides that are regions are labelled with their names (issue 17), taken from
the ledger's lines, else the regions table, else the names given (``regions-shanxi`` on the
command line) — and a name never replaces the code a machine reads."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import geep
from geep.cli import main
from geep.comparison import compare
from geep.io.compare_excel import write_comparison


@pytest.fixture(scope="module")
def unnamed() -> geep.Ledger:
    """An ESV ledger of two Shanxi cities whose lines carry no region name."""
    lc = pd.DataFrame(
        {
            "region_code": ["140100", "140100", "140200"],
            "year": [2020, 2020, 2020],
            "land_class": ["forest.mixed", "water", "wetland"],
            "area": [100.0, 5.0, 7.5],
            "unit": "ha",
        }
    )
    return geep.esv(lc)


def _named(ledger: geep.Ledger, names: dict[str, str]) -> geep.Ledger:
    lines = ledger.lines.copy()
    lines["region_name"] = lines["region_code"].astype(str).map(names)
    return geep.Ledger(lines, ledger.meta)


def test_names_come_from_the_lines_then_the_table_then_the_given(unnamed):
    assert compare(unnamed, across="region").names == {}
    given = {"140100": "Taiyuan", "140200": "Datong"}
    assert compare(unnamed, across="region", region_names=given).names == given
    table = pd.DataFrame({"region_code": ["140200"], "region_name": ["大同"], "area": [1.0]})
    cmp = compare(unnamed, across="region", regions=table, region_names=given)
    assert cmp.names == {"140100": "Taiyuan", "140200": "大同"}
    own = _named(unnamed, {"140100": "太原市", "140200": "大同市"})
    cmp = compare(own, across="region", regions=table, region_names=given)
    assert cmp.names == {"140100": "太原市", "140200": "大同市"}
    assert [cmp.side_label(s) for s in cmp.sides] == ["太原市 (140100)", "大同市 (140200)"]
    assert cmp.sides == ["140100", "140200"]  # the codes stay the sides
    assert list(cmp.totals["side_name"].unique()) == ["太原市", "大同市"]
    assert set(cmp.drivers["side_name"]) == {"大同市"}
    assert "太原市 (140100)" in repr(cmp)


def test_runs_and_years_have_no_names(unnamed):
    cmp = compare([unnamed, unnamed], labels=["a", "b"])
    assert cmp.names == {} and "side_name" not in cmp.totals
    assert cmp.side_label("a") == "a"


def test_zh_workbook_heads_each_side_with_its_name(unnamed, tmp_path):
    own = _named(unnamed, {"140100": "太原市", "140200": "大同市"})
    with geep.messages.language_scope("zh"):
        cmp = compare(own, across="region")
    path = write_comparison(cmp, tmp_path / "c.xlsx", lang="zh")
    wb = openpyxl.load_workbook(path)
    lines = wb["逐项对比"]
    first = [c.value for c in lines[1]]
    machine = [c.value for c in lines[2]]
    j = machine.index("140200")
    assert first[j] == "大同市 (140200)"
    assert first[machine.index("diff:140200")] == "差值：大同市 (140200)"
    assert first[machine.index("pct:140200")] == "差值 [%]：大同市 (140200)"
    totals = wb["合计"]
    assert [totals.cell(r, 1).value for r in (2, 3)] == ["太原市 (140100)", "大同市 (140200)"]
    about = [c.value for row in wb["说明"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "太原市 (140100), 大同市 (140200)" in about


@pytest.mark.parametrize(("lang", "name"), [("zh", "太原市"), ("en", "Taiyuan")])
def test_cli_names_regions_from_the_shipped_hierarchy(unnamed, tmp_path, capsys, lang, name):
    src = tmp_path / "esv.csv"
    unnamed.to_csv(src)
    out = tmp_path / "c.xlsx"
    assert main(["--lang", lang, "compare", str(src), "-o", str(out)]) == 0
    console = capsys.readouterr().out
    assert name in console
    assert "e+" not in console  # money with separators, never 7.03e+11
    row = next(r for r in console.splitlines() if r.lstrip().startswith("140100"))
    assert name in row
    wb = openpyxl.load_workbook(out)
    sides = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, str) and f"({'140100'})" in v and name in v for v in sides)
