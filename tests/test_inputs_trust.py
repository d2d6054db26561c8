"""The input layer refuses or flags what would silently change a number (issue 11 items 1–3,
6, 7, 23, 26): each case a regression test with the cell it must name, in both languages."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

import geep
from geep.messages import language_scope
from geep.units import parse_unit

LC = "region_code,year,land_class,area,unit\n"


def _csv(tmp_path: Path, text: str | bytes, name: str = "land_cover.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def _issues(report, severity: str = "error"):
    return [i for i in report.issues if i.severity == severity]


# --- item 1: a unit stated twice, differently ---------------------------------------------
def test_header_unit_and_unit_column_disagree_is_an_error_at_both_cells(tmp_path):
    p = _csv(tmp_path, "region_code,year,land_class,面积（亩）,单位\n140105,2020,water,5,公顷\n"
             "140105,2020,wetland,3,亩\n")  # fmt: skip
    report = geep.validate(p)
    errors = _issues(report)
    where = {e.where for e in errors}
    assert "land_cover.csv!D1" in where and "land_cover.csv!E2" in where
    assert any("'亩'" in str(e.problem) and "land_cover.csv!E2" in str(e.problem) for e in errors)
    with language_scope("zh"):
        assert "列标题单位为 '亩'" in str(report)


def test_economy_header_in_yi_over_a_unit_column_of_wan_is_refused(tmp_path):
    p = _csv(tmp_path, "region_code,year,地区生产总值（亿元）,pdc,edc,单位,price_year\n"
             "140105,2020,100,1,1,万元,2020\n", "economy.csv")  # fmt: skip
    errors = _issues(geep.validate(p))
    assert {"economy.csv!C1", "economy.csv!F2"} <= {e.where for e in errors}


def test_a_unit_column_for_another_kind_of_quantity_is_no_conflict():
    reg = pd.DataFrame({"region_code": ["140105"], "region_name": ["小店区"], "area": [29500],
                        "unit": ["ha"], "人口（万人）": [90]})  # fmt: skip
    inputs = geep.read_inputs({"regions": reg})
    assert inputs["regions"]["population"].tolist() == [900_000]


# --- item 2: plausibility ------------------------------------------------------------------
def test_gdp_per_head_out_of_bounds_and_a_year_jump_are_warnings_naming_cells():
    eco = pd.DataFrame({"region_code": ["140105"] * 2, "year": [2015, 2020], "gdp": [100.0, 600.0],
                        "pdc": 1.0, "edc": 1.0, "unit": "亿元", "price_year": [2015, 2020]})  # fmt: skip
    reg = pd.DataFrame({"region_code": ["140105"], "region_name": ["x"], "area": [29500.0],
                        "unit": ["ha"], "population": [1000]})  # fmt: skip
    warnings = _issues(geep.validate({"economy": eco, "regions": reg}), "warning")
    per_head = [w for w in warnings if "GDP per head" in str(w.problem)]
    assert len(per_head) == 2 and per_head[0].where == "economy[0].gdp"
    jump = [w for w in warnings if "×6" in str(w.problem)]
    assert len(jump) == 1 and "economy[0].gdp" in str(jump[0].problem)
    assert jump[0].where == "economy[1].gdp"


def test_identical_area_ratios_are_one_warning_naming_the_unit_slip():
    codes = [f"1401{i:02d}" for i in range(20)]
    lc = pd.DataFrame({"region_code": codes, "year": 2020, "land_class": "water",
                       "area": 29500.0, "unit": "亩"})  # fmt: skip
    reg = pd.DataFrame({"region_code": codes, "region_name": "x", "area": 29500.0, "unit": "ha"})
    report = geep.validate({"land_cover": lc, "regions": reg})
    area = [i for i in report.issues if i.column == "area" and i.table == "land_cover"]
    assert len(area) == 1 and "亩 ↔ 公顷" in str(area[0].problem)
    assert "20 of 20" in str(area[0].problem)


# --- item 3: every GEEP line points at its own cell ------------------------------------------
def test_pdc_and_edc_lines_point_at_their_own_cells(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "economy"
    ws.append(["region_code", "year", "gdp", "pdc", "edc", "unit", "price_year"])
    ws.append(["140105", 2010, 100, 2, 1, "亿元", 2010])
    q = wb.create_sheet("quantities")
    q.append(["region_code", "year", "indicator", "quantity", "unit"])
    q.append(["140105", 2010, "water_conservation", 1000, "万m3"])
    wb.save(tmp_path / "w.xlsx")
    from geep.methods.pipeline import run_methods

    ledger = run_methods(geep.read_inputs(tmp_path / "w.xlsx"), "geep")
    refs = dict(zip(ledger.lines["service"], ledger.lines["input_ref"], strict=True))
    assert refs["gdp"] == "w.xlsx!economy!C2"
    assert refs["pdc"] == "w.xlsx!economy!D2" and refs["edc"] == "w.xlsx!economy!E2"


# --- item 6: look-alike keys ---------------------------------------------------------------------
def test_invisible_characters_are_removed_and_look_alikes_refused(tmp_path):
    ok = geep.read_inputs(_csv(tmp_path, LC + "140105\u200b,2020,water,5,ha\n"
                               "\ufeff140105,2020,wetland,5,ha\n"), strict=False)  # fmt: skip
    assert set(ok["land_cover"]["region_code"].astype(str)) == {"140105"}
    assert any("invisible" in str(i.problem) for i in ok.report.issues)
    report = geep.validate(_csv(tmp_path, LC + "14\u041e105,2020,water,5,ha\n"))
    (err,) = _issues(report)
    assert err.where == "land_cover.csv!A2" and "U+041E" in str(err.problem)
    with language_scope("zh"):
        assert "形近字母" in str(report)


# --- item 7: non-finite after conversion, negatives --------------------------------------------
@pytest.mark.parametrize(
    ("table", "text", "cell"),
    [
        ("land_cover", LC + "140105,2020,water,1e308,km2\n", "D2"),
        ("quantities", "region_code,year,indicator,quantity,unit\n"
                       "140105,2020,water_supply.domestic,-5,m3\n", "D2"),
        ("economy", "region_code,year,gdp,pdc,edc,unit,price_year\n"
                    "140105,2020,100,-1,1,亿元,2020\n", "D2"),
    ],
)  # fmt: skip
def test_values_that_cannot_be_true_are_errors_at_their_cell(tmp_path, table, text, cell):
    report = geep.validate(_csv(tmp_path, text, f"{table}.csv"))
    assert [e.where for e in _issues(report)] == [f"{table}.csv!{cell}"]


def test_signed_indicators_may_be_negative():
    q = pd.DataFrame({"region_code": ["a"], "year": [2020], "indicator": ["water_conservation"],
                      "quantity": [-3.0], "unit": ["万m3"]})  # fmt: skip
    assert geep.read_inputs({"quantities": q})["quantities"]["quantity"].tolist() == [-30000.0]


# --- item 23: encodings, separators, unit expressions -------------------------------------------
def test_legacy_and_bomless_encodings_are_detected_and_named(tmp_path):
    big5 = geep.read_inputs(_csv(tmp_path, (LC + "140105,2020,水域,5,公頃\n").encode("big5")))
    assert big5.sources["land_cover.csv"].endswith("encoding=Big5")
    assert big5["land_cover"]["land_class"].tolist() == ["water"]
    u16 = geep.read_inputs(_csv(tmp_path, (LC + "140105,2020,water,5,ha\n").encode("utf-16-le")))
    assert "UTF-16 LE (no BOM)" in u16.sources["land_cover.csv"]
    mixed = (LC + "140105,2020,水域,5,公顷\n").encode() + "140106,2020,水域,5,公顷\n".encode("gbk")
    report = geep.validate(_csv(tmp_path, mixed))
    assert any("line 3 is not UTF-8" in str(e.problem) for e in _issues(report))


def test_a_comma_in_a_semicolon_file_needs_the_decimal_separator_named(tmp_path):
    p = _csv(tmp_path, "region_code;year;land_class;area;unit\n140105;2020;water;1,500;ha\n")
    (err,) = _issues(geep.validate(p))
    assert err.where == "land_cover.csv!D2" and "--decimal" in str(err.hint)
    assert geep.read_inputs(p, decimal=",")["land_cover"]["area"].tolist() == [1.5]
    assert geep.read_inputs(p, decimal=".")["land_cover"]["area"].tolist() == [1500.0]


def test_unit_expressions_are_bounded_before_pint():
    t0 = time.perf_counter()
    with pytest.raises(geep.GeepError, match="not a unit"):
        parse_unit("10^10^8 ha")
    with pytest.raises(geep.GeepError, match="not a unit"):
        parse_unit("ha" + "*m" * 200)
    assert time.perf_counter() - t0 < 1.0
    assert str(parse_unit("元/(hm2·a)")) == "CNY / hectare / year"


# --- item 26: messages that name the real cause ---------------------------------------------------
def test_a_wide_table_without_region_code_says_so(tmp_path):
    (err,) = _issues(geep.validate(_csv(tmp_path, "year,forest.broadleaf,water\n2020,5,3\n",
                                        "lc.csv")))  # fmt: skip
    assert "region_code" in str(err.problem) and "wide" in str(err.problem)


def test_a_class_column_in_a_long_table_is_an_error_not_a_dropped_column(tmp_path):
    p = _csv(tmp_path, "region_code,year,land_class,area,unit,water\n"
             "140105,2020,forest.broadleaf,5,ha,3\n")  # fmt: skip
    (err,) = _issues(geep.validate(p))
    assert err.where == "land_cover.csv!F1" and "would be lost" in str(err.problem)
