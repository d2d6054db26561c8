"""The forest method end to end: the 林分 sheet of a workbook through ``geep validate`` and
``geep run --method forest``, the template, the ledger's round trip, and GEEP's use of a forest
ledger's regulating subtotal."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import geep
from geep.cli import main
from geep.inputs.spec import TABLES
from geep.io.template import write_template
from geep.methods import names
from geep.methods.forest import rollup
from geep.methods.forest_checks import ForestPriceError

HEAD_ZH = ["区划代码", "年份", "林分类型", "龄组", "面积（亩）", "林分净生产力（g/m2/a）",
           "单位面积林分土壤年固碳量（t_C/ha/a）", "降水量（mm/a）", "林分蒸散量（mm/a）",
           "地表径流量（mm/a）"]  # fmt: skip
ROWS = [
    ["140105", 2016, "油松", None, 450, None, None, 600, 350, 50],
    ["140105", 2016, "油松", "幼龄林", 300, 500, 0.2, 600, 350, 50],
    ["140105", 2016, "油松", "中龄林", 150, 650, 0.3, 600, 350, 50],
    ["140106", 2016, "侧柏", None, 900, 420, 0.25, 580, 400, 30],
]


def _workbook(path, rows=ROWS):
    wb = Workbook()
    ws = wb.active
    ws.title = "林分"
    ws.append(HEAD_ZH)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _frame(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=HEAD_ZH)


def test_forest_is_a_registered_method_and_a_run_choice():
    assert "forest" in names()
    m = geep.methods.get("forest")
    assert (m.account, m.requires, m.default_profile) == ("GEP", ("forest_stands",), "lyt1721-2008")
    assert TABLES["forest_stands"].zh == "林分"


def test_geep_run_method_forest_on_a_workbook(tmp_path, capsys):
    src = _workbook(tmp_path / "stands.xlsx")
    assert main(["validate", str(src)]) == 0
    out = tmp_path / "forest.csv"
    assert (
        main(["run", str(src), "-o", str(out), "--method", "forest", "--price-year", "2016"]) == 0
    )
    back = geep.Ledger.read(out)
    expected = geep.forest(_frame(), price_year=2016)
    cols = ["region_code", "year", "ecosystem_type", "age_class", "indicator", "component",
            "quantity", "price", "value", "coefficient", "price_year"]  # fmt: skip
    pd.testing.assert_frame_equal(back.lines[cols], expected.lines[cols], check_exact=False,
                                  rtol=1e-12, check_categorical=False)  # fmt: skip
    assert set(back.lines["input_ref"]) == {"stands.xlsx!林分!E3", "stands.xlsx!林分!E4",
                                            "stands.xlsx!林分!E5"}  # fmt: skip
    assert set(back.lines["indicator"]) == {"water_regulation", "carbon_sequestration",
                                            "oxygen_release"}  # fmt: skip
    assert back.status == "provisional" and back.check()


def test_geep_run_says_what_is_missing(tmp_path, capsys):
    src = _workbook(tmp_path / "stands.xlsx")
    out = tmp_path / "forest.csv"
    assert main(["run", str(src), "-o", str(out), "--method", "forest"]) == 1
    err = capsys.readouterr().err
    assert "price year" in err and "--price-year" in err and "Traceback" not in err
    assert not out.exists()


def test_geep_validate_names_the_sheet_row_and_column(tmp_path, capsys):
    rows = [list(r) for r in ROWS]
    rows[3][5] = -420  # negative productivity: refused by the reader, at its cell
    rows[3][8] = 0  # more than the precipitation evaporates: valid (water is signed)
    rows[0][4] = 500  # the stand row no longer totals its age classes (450 mu)
    rows[1][3] = "幼林"  # not an age class
    src = _workbook(tmp_path / "bad.xlsx", rows)
    assert main(["validate", str(src)]) == 1
    out = capsys.readouterr().out
    assert "bad.xlsx!林分!F5 林分净生产力（g/m2/a） [-420]" in out and "negative" in out
    assert "bad.xlsx!林分!D3 龄组 [幼林]: unknown age class '幼林'; did you mean '幼龄林'?" in out
    assert "bad.xlsx!林分!E2 area" in out and "33.33333333 ha" in out
    rows = [list(r) for r in ROWS]
    rows[2][6] = None  # an empty soil carbon cell: needed by carbon sequestration
    rows[3][7] = 0.0  # precipitation 0 is valid, and so is the water balance it gives
    src = _workbook(tmp_path / "gap.xlsx", rows)
    assert main(["validate", str(src)]) == 0
    capsys.readouterr()
    assert main(["run", str(src), "-o", str(tmp_path / "x.csv"), "--method", "forest",
                 "--price-year", "2016"]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert "gap.xlsx!林分 row 4, column 'soil_carbon_sequestration'" in err
    assert "carbon sequestration (carbon_sequestration)" in err and "Traceback" not in err


def test_the_ledger_round_trips_exactly(tmp_path):
    led = geep.forest(_frame(), price_year=2016)
    for name in ("f.csv", "f.xlsx"):
        path = tmp_path / name
        (led.to_csv if name.endswith(".csv") else led.to_excel)(path)
        back = geep.Ledger.read(path)
        pd.testing.assert_frame_equal(back.lines, led.lines)


def test_geep_uses_the_regulating_subtotal_of_a_forest_ledger():
    prices = {"species": (5000, "元/hm2/a", 2016), "oxygen": (1000, "元/t", 2016),
              "reservoir_cost": (6.11, "元/m3", 2016), "carbon": (1200, "CNY/t_C", 2016)}  # fmt: skip
    led = geep.forest(_frame(), prices)  # species conservation is supporting
    economy = pd.DataFrame({"region_code": ["140105", "140106"], "year": [2016, 2016],
                            "gdp": [5e9, 3e9], "pdc": [1e7, 2e7], "edc": [3e6, 4e6],
                            "unit": ["CNY", "CNY"], "price_year": [2016, 2016]})  # fmt: skip
    g = geep.geep(led, economy)
    ers = g.lines[g.lines["service"] == "ers"].set_index("region_code")["value"]
    reg = led.lines[led.lines["category"] == "regulating"].groupby(
        "region_code", observed=True)["value"].sum()  # fmt: skip
    assert ers.to_dict() == pytest.approx(reg.to_dict(), rel=1e-12)
    assert (led.lines["category"] == "supporting").any()
    assert ers.sum() < led.total()  # the supporting species conservation is not in ERS


def test_template_has_a_stand_sheet_with_units_in_the_headers(tmp_path, capsys):
    path = write_template(tmp_path / "t.xlsx", "en")
    wb = load_workbook(path)
    ws = wb["forest_stands"]
    head = [c.value for c in ws[1]]
    assert head[:6] == ["region_code", "year", "stand_type", "age_class", "area (ha)",
                        "net_productivity (t/ha/a)"]  # fmt: skip
    assert "soil_n (%)" in head and "shannon_wiener" in head and "unit" not in head
    ws.append(["140105", 2016, "油松", "young", 20, 5.0, 0.2])
    wb.save(tmp_path / "filled.xlsx")
    assert main(["validate", str(tmp_path / "filled.xlsx")]) == 0
    out = tmp_path / "o.csv"
    assert main(["run", str(tmp_path / "filled.xlsx"), "-o", str(out), "--method", "forest",
                 "--price-year", "2016"]) == 0  # fmt: skip
    back = geep.Ledger.read(out)
    assert set(back.lines["age_class"]) == {"young"}
    assert back.total() == pytest.approx(
        20 * 5.0 * (1.63 * 12 / 44 * 1200 + 1.19 * 1000) + 20 * 0.2 * 1200, rel=1e-12
    )


def test_rollup_by_stand_type_and_age_class():
    led = geep.forest(_frame(), price_year=2016)
    by_type = rollup(led)
    assert list(by_type.index.names) == ["region_code", "stand_type"]
    assert by_type.loc[("140105", "油松"), "total"] == pytest.approx(
        led.lines.loc[led.lines["ecosystem_type"] == "油松", "value"].sum()
    )
    by_age = rollup(led, by="age_class")
    assert by_age["total"].sum() == pytest.approx(led.total())
    assert by_age.index.get_level_values("age_class").isna().sum() == 1  # 侧柏, a whole stand


PRICE_HEAD = ["价格项", "数值", "单位", "价格年份", "等级下限", "来源"]
PRICE_ROWS = [
    ["水的净化费用", 2.5, "元/t", 2016, None, "县物价局"],
    ["carbon", 380, "CNY/t_CO2", 2016, None, None],
]


def _with_prices(path, rows=PRICE_ROWS):
    wb = load_workbook(_workbook(path))
    ws = wb.create_sheet("森林价格")
    ws.append(PRICE_HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_prices_from_a_sheet_of_the_workbook(tmp_path, capsys):
    """The 森林价格 sheet gives the command line its prices (Chinese names read as keys)."""
    src = _with_prices(tmp_path / "stands.xlsx")
    assert main(["validate", str(src)]) == 0
    assert "'水的净化费用' read as 'water_purification'" in capsys.readouterr().out
    out = tmp_path / "forest.csv"
    assert (
        main(["run", str(src), "-o", str(out), "--method", "forest", "--price-year", "2016"]) == 0
    )
    back = geep.Ledger.read(out)
    prices = {"water_purification": (2.5, "元/t", 2016), "carbon": (380, "CNY/t_CO2", 2016)}
    expected = geep.forest(_frame(), prices, price_year=2016)
    assert "water_purification" in set(back.lines["indicator"])
    assert back.total() == pytest.approx(expected.total(), rel=1e-12)
    used = {c["ref"]: c["source"] for c in back.meta["coefficients"]}
    assert used["user#forest.water_purification"].startswith(
        "user (县物价局; stands.xlsx!森林价格!"
    )
    assert used["user#forest.carbon"].startswith("stands.xlsx!森林价格!")


def test_a_bad_prices_sheet_is_named_at_its_cells(tmp_path, capsys):
    rows = [["carbon", 100, "元/t", 2016, None, None], ["土方费用", 12, "元/m3", 2016, None, None]]
    src = _with_prices(tmp_path / "bad.xlsx", rows)
    assert main(["validate", str(src)]) == 1
    out = capsys.readouterr().out
    assert "bad.xlsx!森林价格!C2 单位 [元/t]" in out and "CNY/t_C" in out  # carbon: not plain t
    assert "bad.xlsx!森林价格!A3 价格项 [土方费用]: unknown forest price" in out


def test_a_price_in_the_sheet_and_in_prices_is_refused():
    sheet = pd.DataFrame(PRICE_ROWS, columns=PRICE_HEAD)
    inputs = geep.read_inputs({"forest_stands": _frame(), "forest_prices": sheet})
    with pytest.raises(ForestPriceError, match="'carbon' is given twice"):
        geep.forest(inputs, {"carbon": (380, "CNY/t_CO2", 2016)}, price_year=2016)
    own = {"oxygen": (900, "元/t", 2016), "reservoir_cost": (6.11, "元/m3", 2016)}
    led = geep.forest(inputs, own)  # every price year known: 2016
    assert set(led.lines["price_year"]) == {2016}
