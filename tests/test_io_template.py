"""The input template: structure, and the round trip template → fill → validate → run → read."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import geep
from geep.cli import main
from geep.inputs.spec import TABLES
from geep.io.template import DATA_ROWS, LISTS_SHEET, write_template
from geep.vocab import LAND_CLASSES


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_template_structure(tmp_path, lang):
    path = write_template(tmp_path / "t.xlsx", lang)
    wb = load_workbook(path)
    first = "说明" if lang == "zh" else "instructions"
    names = [TABLES[t].zh if lang == "zh" else t for t in TABLES]
    assert wb.sheetnames == [first, LISTS_SHEET, *names]
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    lc = wb[TABLES["land_cover"].zh if lang == "zh" else "land_cover"]
    row1 = [c.value for c in lc[1]]
    row2 = [c.value for c in lc[2]]
    zh, en = ["区划代码", "年份", "地类", "面积", "单位"], ["region_code", "year", "land_class",
                                                             "area", "unit"]  # fmt: skip
    assert (row1, row2) == ((zh, en) if lang == "zh" else (en, zh))
    assert lc.freeze_panes == "A3"
    assert "required" in lc["A1"].comment.text and "GB/T 2260" in lc["A1"].comment.text
    dvs = {str(dv.sqref): dv for dv in lc.data_validations.dataValidation}
    n = DATA_ROWS
    assert n >= 100_000  # 117 counties × 2 years × 21 indicators already need 4,914 rows
    assert dvs[f"C3:C{n}"].type == "list" and LISTS_SHEET in dvs[f"C3:C{n}"].formula1
    assert not dvs[f"C3:C{n}"].showErrorMessage  # typed 阔叶林 is fine: geep validate checks it
    assert dvs[f"E3:E{n}"].type == "list"  # units
    assert dvs[f"B3:B{n}"].type == "whole" and dvs[f"B3:B{n}"].formula1 == "1949"
    lists = wb[LISTS_SHEET]
    classes = [c.value for c in lists["A"][1:] if c.value]
    # every class is offered with its Chinese name, the template's language first
    for code, zh in LAND_CLASSES.items():
        entry = f"{zh} ({code})" if lang == "zh" else f"{code} ({zh})"
        assert entry in classes
    q = wb[TABLES["quantities"].zh if lang == "zh" else "quantities"]
    assert any(LISTS_SHEET in dv.formula1 for dv in q.data_validations.dataValidation
               if str(dv.sqref) == f"C3:C{n}")  # fmt: skip
    text = " ".join(str(c.value) for row in wb[first].iter_rows() for c in row if c.value)
    for word in ("亩", "km²", "万元", "forest.broadleaf", "water_conservation"):
        assert word in text
    assert ("示例" if lang == "zh" else "example") in text
    assert "m**3" not in text  # units as people write them
    if lang == "zh":  # Chinese first: the first instruction line is Chinese
        assert wb[first]["A5"].value.startswith("1. 每个工作表")
    # a blank template reads back without any problem
    assert len(geep.validate(path)) == 0


LAND = [
    ("140105", 2020, "forest.broadleaf", 1200.5, "ha"),
    ("140105", 2020, "farmland.dryland", 81000, "亩"),
    ("140105", 2020, "water", 3.0, "km2"),
    ("140105", 2020, "built_up", 3099.5, "ha"),
    ("140106", 2020, "grassland.meadow", 4500, "公顷"),
    ("140106", 2020, "wetland", 120.25, "ha"),
]
REGIONS = [("140105", "小店区", "140100", 10000, "ha", 1000000),
           ("140106", "迎泽区", "140100", 4620.25, "ha", 600000)]  # fmt: skip
QUANT = [
    ("140105", 2020, "water_conservation", 1520.3, "万m3"),
    ("140105", 2020, "carbon_sequestration", 35000, "t_CO2"),
    ("140105", 2020, "products.agriculture", 5000, "万元"),
    ("140106", 2020, "water_conservation", 800, "万m3"),
    ("140106", 2020, "soil_retention", 12000, "t"),
]
ECON = [("140105", 2020, 5.5e6, 12000, 3500, "万元", 2020),
        ("140106", 2020, 4.1e6, 8000, 2000, "万元", 2020)]  # fmt: skip


def _frames() -> dict[str, pd.DataFrame]:
    return {
        "regions": pd.DataFrame(REGIONS, columns=["region_code", "region_name", "parent_code",
                                                  "area", "unit", "population (person)"]),
        "land_cover": pd.DataFrame(LAND, columns=["region_code", "year", "land_class", "area",
                                                  "unit"]),
        "quantities": pd.DataFrame(QUANT, columns=["region_code", "year", "indicator",
                                                   "quantity", "unit"]),
        "economy": pd.DataFrame(ECON, columns=["region_code", "year", "gdp", "pdc", "edc", "unit",
                                               "price_year"]),
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_template_fill_validate_run_read(tmp_path, lang, capsys):
    tpl = tmp_path / "tpl.xlsx"
    assert main(["template", str(tpl), "--lang", lang]) == 0
    wb = load_workbook(tpl)
    for table, rows in (("regions", REGIONS), ("land_cover", LAND), ("quantities", QUANT),
                        ("economy", ECON)):  # fmt: skip
        ws = wb[TABLES[table].zh if lang == "zh" else table]
        for r in rows:
            ws.append(list(r))
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)

    assert main(["validate", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out and "sha256=" in out

    ledger_path = tmp_path / "ledger.xlsx"
    assert main(["run", str(filled), "-o", str(ledger_path), "--method", "all"]) == 0
    back = geep.Ledger.read(ledger_path)

    # the Python API on the same data
    inputs = geep.read_inputs(_frames())
    esv = geep.esv(inputs)
    gep = geep.gep(inputs, price_year=2020)
    expected = geep.Ledger.concat(
        [esv, gep, geep.benefit_transfer(inputs), geep.geep(gep, inputs)]
    ).lines
    got = back.lines
    assert set(got["account"]) == {"ESV", "GEP", "BT", "GEEP"}
    key = ["account", "region_code", "year", "category", "service", "indicator"]
    key += [c for c in ("ecosystem_type",) if c in got.columns and c in expected.columns]
    cols = ["quantity", "price", "value", "value_unit", "price_year", "coefficient", "region_name"]
    a = got.sort_values(key).reset_index(drop=True)[key + cols]
    b = expected.sort_values(key).reset_index(drop=True)[key + cols]
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    # every input line names its cell in the filled workbook
    sheet = TABLES["land_cover"].zh if lang == "zh" else "land_cover"
    esv_refs = set(got.loc[got["account"] == "ESV", "input_ref"])
    assert esv_refs <= {f"filled.xlsx!{sheet}!D{r}" for r in range(3, 3 + len(LAND))}
    assert back.meta["inputs"]["filled.xlsx"].startswith("sha256=")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drop_down_entries_read_back(tmp_path, lang):
    from geep.io.template import list_entries

    tpl = write_template(tmp_path / "t.xlsx", lang)
    wb = load_workbook(tpl)
    ws = wb[TABLES["land_cover"].zh if lang == "zh" else "land_cover"]
    classes = list_entries("land_class", lang)[:14]  # the Xie 2015 types
    units = list_entries("area_unit", lang)
    for k, entry in enumerate(classes):
        ws.append(["140105", 2020, entry, 10.0 + k, units[k % len(units)]])
    wb.save(tmp_path / "filled.xlsx")
    inputs = geep.read_inputs(tmp_path / "filled.xlsx")
    assert list(inputs["land_cover"]["land_class"]) == list(LAND_CLASSES)[:14]
