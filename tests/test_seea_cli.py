"""``geep seea extent`` and ``geep seea assets``, and the messages of geep.seea."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from seea_oracles import CLASSES, MATRICES, land_cover, transitions

import geep.seea as seea
from geep.cli import main
from geep.examples import example_path
from geep.messages import MESSAGES

SHANXI = example_path("shanxi", "shanxi-example.xlsx")


def test_extent_from_a_transitions_csv(tmp_path, capsys):
    src = tmp_path / "t.csv"
    transitions((2000, 2005)).to_csv(src, index=False)
    assert main(["seea", "extent", str(src), "-o", str(tmp_path / "e.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "all identities hold" in out and "4.1, 4.2" in out
    acc = seea.read_account(tmp_path / "e.xlsx")
    assert acc.matrix().loc["草地", "林地"] == MATRICES[(2000, 2005)][2][1] * 100  # in ha


def test_extent_from_a_chinese_workbook_to_a_cube_csv(tmp_path):
    t = transitions((2005, 2010)).drop(columns="unit").rename(columns={
        "region_code": "地区代码", "year_from": "起始年份", "year_to": "终止年份",
        "from_class": "转出地类", "to_class": "转入地类", "area": "面积(km2)"})  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.append(list(t.columns))
    for row in t.itertuples(index=False):
        ws.append(list(row))
    wb.save(tmp_path / "t.xlsx")
    assert (
        main(
            [
                "seea",
                "extent",
                str(tmp_path / "t.xlsx"),
                "-o",
                str(tmp_path / "e.csv"),
                "--unit",
                "km2",
            ]
        )
        == 0
    )
    acc = seea.read_cube(tmp_path / "e.csv")
    closing = acc.layout("4.1").set_index("row_code").loc["closing", CLASSES]
    assert list(closing) == [13418.0, 3968.0, 27145.0, 1333.0, 840.0, 7572.0]
    assert (tmp_path / "e.csv.meta.json").exists()


def test_extent_from_the_shanxi_land_cover(tmp_path):
    assert main(["seea", "extent", str(SHANXI), "-o", str(tmp_path / "x.xlsx")]) == 0
    acc = seea.read_account(tmp_path / "x.xlsx")
    assert acc.tables == ["4.1"] and acc["region_code"].nunique() == 11


def test_a_matrix_that_contradicts_its_land_cover_exits_1(tmp_path, capsys):
    src, lc = tmp_path / "t.csv", tmp_path / "lc.csv"
    transitions((1995, 2000)).to_csv(src, index=False)
    land_cover((1995, 2000)).to_csv(lc, index=False)
    assert (
        main(["seea", "extent", str(src), "--land-cover", str(lc), "-o", str(tmp_path / "e.xlsx")])
        == 1
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and "column sums (closing)" in err and "水域" in err
    assert not (tmp_path / "e.xlsx").exists()


def test_assets_from_a_ledger_file(tmp_path, capsys):
    ledger = tmp_path / "esv.csv"
    assert main(["run", str(SHANXI), "--method", "esv", "-o", str(ledger)]) == 0
    out = tmp_path / "assets.xlsx"
    assert (
        main(["seea", "assets", str(ledger), "-o", str(out), "--rate", "0.02", "--life", "100"])
        == 0
    )
    acc = seea.read_account(out)
    assert acc.ok and acc.metadata["10.1"]["discount_rate"] == 0.02
    assert "held constant in real terms" in capsys.readouterr().out
    beg = tmp_path / "b.xlsx"
    assert main(["seea", "assets", str(ledger), "-o", str(beg), "--rate", "0.02", "--life", "100",
                 "--timing", "beginning"]) == 0  # fmt: skip
    a = acc.layout("10.1").set_index(["region_code", "row_code"])["total"]
    b = seea.read_account(beg).layout("10.1").set_index(["region_code", "row_code"])["total"]
    pd.testing.assert_series_equal(b, a * 1.02, rtol=1e-12)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--rate", "2.77", "--life", "100"], "0.0277"),
        (["--rate", "0.02", "--life", "0"], "whole number of years"),
    ],
)
def test_bad_asset_parameters_exit_1(tmp_path, capsys, args, needle):
    ledger = tmp_path / "esv.csv"
    main(["run", str(SHANXI), "--method", "esv", "-o", str(ledger)])
    capsys.readouterr()
    assert main(["seea", "assets", str(ledger), "-o", str(tmp_path / "a.xlsx"), *args]) == 1
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_a_single_year_ledger_exits_1_in_chinese(tmp_path, capsys):
    one = tmp_path / "one.csv"
    lc = pd.DataFrame(
        {"region_code": "r", "year": 2020, "land_class": ["water"], "area": [5.0], "unit": "ha"}
    )
    lc.to_csv(tmp_path / "lc.csv", index=False)
    assert main(["run", str(tmp_path / "lc.csv"), "--method", "esv", "-o", str(one)]) == 0
    code = main(["--lang", "zh", "seea", "assets", str(one), "-o", str(tmp_path / "a.xlsx"), "--rate", "0.02",
                 "--life", "100"])  # fmt: skip
    assert code == 1 and "资产账户需要两个或更多年份" in capsys.readouterr().err


def test_every_seea_message_code_used_exists():
    root = Path(seea.__file__).parent
    sources = [*root.glob("*.py"), root.parent / "cli" / "seea.py"]
    used = set()
    for path in sources:
        for code in re.findall(
            r"""["'](seea\.[A-Za-z0-9_.\-]+)["']""", path.read_text(encoding="utf-8")
        ):
            if not code.endswith("."):  # prefixes of label look-ups
                used.add(code)
    dynamic = {"seea.margin_rows", "seea.margin_columns", "seea.ledger_a", "seea.ledger_b",
               "seea.timing.end", "seea.timing.beginning"}  # fmt: skip
    missing = sorted(c for c in used | dynamic if c not in MESSAGES and not c.endswith("_"))
    assert not missing
