"""Reading and validating input workbooks and CSV files: every problem, each at its cell."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

import geep
from geep.inputs import InputValidationError
from geep.io.pipeline import run_methods


def broken_workbook(path: Path) -> Path:
    """A workbook with more than a dozen different problems, each at a known cell."""
    wb = Workbook()
    reg = wb.active
    reg.title = "regions"
    reg.append(["region_code", "region_name", "area (ha)"])
    reg.append(["140100", "太原", 50])  # C2: land classes add up to more than this
    lc = wb.create_sheet("land_cover")
    lc.append(["region_code", "year", "land_class", "area", "unit"])
    rows = [
        ["140100", 2020, "forest.broadleaf", 60, "ha", "stray"],  # 2: F2 value without header
        ["140100", 2020, "farmland.dryland", "1,200", "亩"],  # 3: thousands separator (note)
        ["140100", 2020, "forrest.mixed", 10, "ha"],  # 4: C4 unknown land class
        ["140100", 2020, "water", 5, "hectre"],  # 5: E5 unknown unit
        ["140100", 2020, "wetland", "#DIV/0!", "ha"],  # 6: D6 Excel error value
        ["140100", 2020, "glacier", "=SUM(1,2)", "ha"],  # 7: D7 formula without a saved value
        ["140100", 2020, "desert", -5, "ha"],  # 8: D8 negative area
        ["140100", 2020, "grassland.meadow", "about 50", "ha"],  # 9: D9 not a number
        ["140100", 1850, "water", 3, "ha"],  # 10: B10 year out of range
        ["140100", 2020, "farmland.dryland", 7, "ha"],  # 11: duplicate of row 3
        ["140100", 2020, "forest.coniferous", "1e999", "ha"],  # 12: D12 not finite
        ["#N/A", 2020, "forest.shrub", 4, "ha"],  # 13: A13 Excel error value
        ["140100", 2020, "forest.shrub", "３０", "ha"],  # 14: fullwidth digits (note)
        ["140100", 2020.5, "built_up", 1, "ha"],  # 15: B15 year not a whole number
    ]
    for r in rows:
        lc.append(r)
    q = wb.create_sheet("quantities")
    q.append(["region_code", "year", "indicator", "quantity", "unit"])
    q.append(["140100", 2020, "water_conservaton", 100, "万m3"])  # C2 unknown indicator
    q.append(["140100", 2020, "carbon_sequestration", 10, "t_CO2"])
    eco = wb.create_sheet("economy")
    eco.append(["region_code", "year", "GDPP", "pdc", "edc", "unit", "price_year"])  # C1
    eco.append(["140100", 2020, 1000, 10, 5, "万元", 2020])
    flows = wb.create_sheet("flows")
    flows.append(["断面 / 时段", None, "flow", "unit"])
    flows.merge_cells("A1:B1")  # merged header cells
    flows.append(["S1", "2021-01", 10, "万m3"])
    hidden = wb.create_sheet("old_data")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"  # ignored, with a note
    wb.create_sheet("drivrs").append(["region_code"])  # misspelt sheet name
    wb.save(path)
    return path


#: (cell, words of the problem) — one entry per distinct problem of broken_workbook()
EXPECTED = [
    ("regions!C2", "more than the region's area"),
    ("land_cover!F1", "has values but no header"),
    ("land_cover!D3", "thousands separators"),
    ("land_cover!C4", "unknown land class 'forrest.mixed'; did you mean 'forest.mixed'"),
    ("land_cover!E5", "unknown unit 'hectre'"),
    ("land_cover!D6", "Excel error value #DIV/0!"),
    ("land_cover!D7", "formula with no saved result (=SUM(1,2))"),
    ("land_cover!D8", "negative area"),
    ("land_cover!D9", "'about 50' is not a number"),
    ("land_cover!B10", "year 1850 is outside"),
    ("land_cover!D11", "duplicate region_code/year/land_class 140100/2020/farmland.dryland"),
    ("land_cover!D12", "not a finite number"),
    ("land_cover!A13", "Excel error value #N/A"),
    ("land_cover!D14", "fullwidth"),
    ("land_cover!B15", "year must be a whole number"),
    (
        "quantities!C2",
        "unknown GEP indicator 'water_conservaton'; did you mean 'water_conservation'",
    ),
    ("economy!C1", "required column 'gdp' (地区生产总值) is missing; did you mean 'GDPP'"),
    ("flows!A1:B1", "merged header cells A1:B1"),
    ("old_data", "hidden and ignored"),
    ("drivrs", "not an input table; did you mean 'drivers'"),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    return broken_workbook(tmp_path_factory.mktemp("broken") / "county.xlsx")


def test_broken_workbook_reports_every_problem_at_its_cell(broken):
    report = geep.validate(broken)
    found = {(i.where, i.problem) for i in report.issues}
    missing = []
    for cell, words in EXPECTED:
        where = f"county.xlsx!{cell}"
        if not any(w == where and words in p for w, p in found):
            missing.append((where, words))
    assert not missing, f"not reported: {missing}\nreport:\n{report}"
    assert len(report.errors) >= 15
    # a cell's problem is reported once, not also as 'empty' (error cells are never blanks)
    for cell in ("D6", "D7", "A13"):
        at = [i for i in report.issues if i.where == f"county.xlsx!land_cover!{cell}"]
        assert len(at) == 1, at
    # the report says what was found and what to do
    e = next(i for i in report.issues if i.where.endswith("land_cover!D7"))
    assert e.value == "=SUM(1,2)" and "open the file" in e.hint and "save it" in e.hint
    e = next(i for i in report.issues if i.where.endswith("land_cover!D6"))
    assert e.value == "#DIV/0!" and e.severity == "error"
    # numbers typed as text are accepted and noted, consistently
    notes = [i for i in report.issues if i.severity == "note"]
    assert {"county.xlsx!land_cover!D3", "county.xlsx!land_cover!D14"} <= {i.where for i in notes}


def test_broken_workbook_raises_with_the_full_report(broken):
    with pytest.raises(InputValidationError) as info:
        geep.read_inputs(broken)
    assert isinstance(info.value, ValueError) and isinstance(info.value, geep.GeepError)
    assert len(info.value.report.errors) >= 15
    assert "county.xlsx!land_cover!D6" in str(info.value)


def test_reading_never_modifies_the_input(broken):
    before = hashlib.sha256(broken.read_bytes()).hexdigest()
    mtime = os.stat(broken).st_mtime_ns
    geep.validate(broken)
    assert hashlib.sha256(broken.read_bytes()).hexdigest() == before
    assert os.stat(broken).st_mtime_ns == mtime
    assert [p.name for p in broken.parent.iterdir()] == ["county.xlsx"]


def clean_workbook(path: Path) -> Path:
    wb = Workbook()
    reg = wb.active
    reg.title = "区域"  # Chinese sheet names and headers
    reg.append(["区划代码", "区域名称", "面积（公顷）"])
    reg.append(["140105", "小店区", 10000])
    lc = wb.create_sheet("土地覆被")
    lc.append(["区划代码", "年份", "地类", "面积（亩）"])
    for cls, mu in (("阔叶林", 30000), ("旱地", 90000), ("水系", 1500), ("建设用地", 28500)):
        lc.append(["140105", 2020, cls, mu])
    wb.save(path)
    return path


def test_clean_workbook_yields_a_ledger(tmp_path):
    path = clean_workbook(tmp_path / "clean.xlsx")
    inputs = geep.read_inputs(path)
    assert inputs.report.ok
    lc = inputs["land_cover"]
    assert lc["area"].sum() == pytest.approx(150000 / 15)
    assert lc["input_ref"].tolist()[0] == "clean.xlsx!土地覆被!D2"
    assert inputs.sources["clean.xlsx"] == "sha256=" + hashlib.sha256(path.read_bytes()).hexdigest()
    ledger = run_methods(inputs, "esv")
    assert len(ledger) > 0 and ledger.check().ok
    assert ledger.meta["inputs"] == inputs.sources
    assert set(ledger.lines["region_name"]) == {"小店区"}
    assert ledger.lines["input_ref"].str.startswith("clean.xlsx!土地覆被!D").all()


CSV_TEXT = '区划代码,年份,地类,面积,单位\n140105,2020,阔叶林,"1,200",亩\n140105,2020,水系,80,ha\n'


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("gbk", "GBK"),
        ("gb18030", "GBK"),  # GBK text is also GB18030: the smaller encoding is named
        ("utf-16", "UTF-16"),  # Excel's "Unicode text"
    ],
)
def test_csv_encodings_are_detected_and_reported(tmp_path, encoding, label):
    path = tmp_path / "land_cover.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    inputs = geep.read_inputs(path)
    assert inputs.sources["land_cover.csv"].endswith(f"encoding={label}")
    assert any(i.problem == f"text encoding detected: {label}" for i in inputs.report.issues)
    lc = inputs["land_cover"]
    assert lc["area"].tolist() == pytest.approx([80.0, 80.0])
    assert lc["input_ref"].tolist() == ["land_cover.csv!D2", "land_cover.csv!D3"]
    notes = [i for i in inputs.report.issues if "thousands" in i.problem]
    assert [i.where for i in notes] == ["land_cover.csv!D2"]


def test_gb18030_only_text_and_table_from_headers(tmp_path):
    text = "region_code,year,indicator,quantity,unit,备注\n140105,2020,水源涵养,12,万m3,𠀀\n"
    path = tmp_path / "data.csv"  # a name that names no table
    path.write_bytes(text.encode("gb18030"))  # 𠀀 is in GB18030, not in GBK
    inputs = geep.read_inputs(path)
    assert inputs.sources["data.csv"].endswith("encoding=GB18030")
    assert "quantities" in inputs.tables
    assert inputs["quantities"]["quantity"].tolist() == [120000.0]
    assert any("from its headers" in i.problem for i in inputs.report.issues)


def test_numbers_stored_as_text_in_a_workbook_are_noted(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area (ha)"])
    ws.append(["140105", "2020", "water", "12.5"])
    wb.save(tmp_path / "t.xlsx")
    inputs = geep.read_inputs(tmp_path / "t.xlsx")
    assert inputs["land_cover"]["area"].tolist() == [12.5]
    where = {i.where for i in inputs.report.issues if "stored as text" in i.problem}
    assert where == {"t.xlsx!land_cover!B2", "t.xlsx!land_cover!D2"}


def test_missing_required_sheet_names_the_closest(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "landcover_2020"
    ws.append(["region_code", "year", "land_class", "area (ha)"])
    ws.append(["1", 2020, "water", 1])
    wb.create_sheet("quantitys").append(["region_code"])
    wb.save(tmp_path / "t.xlsx")
    report = geep.validate(tmp_path / "t.xlsx", require=("economy",))
    problems = {i.where: i.problem for i in report.issues}
    assert "t.xlsx!quantitys" in problems
    assert "did you mean 'quantities'" in problems["t.xlsx!quantitys"]
    assert any("required sheet 'economy' (经济) is missing" in p for p in problems.values())
    assert geep.read_inputs(tmp_path / "t.xlsx", strict=False)["land_cover"]["area"].sum() == 1


def test_two_header_rows_with_different_units_are_an_error(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "regions"
    ws.append(["区划代码", "区域名称", "面积（亩）"])
    ws.append(["region_code", "region_name", "area (ha)"])
    ws.append(["1", "a", 15])
    wb.save(tmp_path / "t.xlsx")
    report = geep.validate(tmp_path / "t.xlsx")
    assert [i.where for i in report.errors] == ["t.xlsx!regions!C1"]
    assert "'亩' and 'ha'" in report.errors[0].problem


def test_several_files_and_frames(tmp_path):
    (tmp_path / "regions.csv").write_text("region_code,region_name,area (ha)\n1,a,100\n")
    (tmp_path / "land_cover.csv").write_text(
        "region_code,year,land_class,area (ha)\n1,2020,water,150\n"
    )
    report = geep.validate([tmp_path / "regions.csv", tmp_path / "land_cover.csv"])
    assert [i.where for i in report.errors] == ["regions.csv!C2"]
    frames = {
        "regions": pd.DataFrame({"region_code": ["1"], "region_name": ["a"], "area": [100.0],
                                 "unit": ["ha"]}),
        "land_cover": pd.DataFrame({"region_code": ["1"], "year": [2020], "land_class": ["water"],
                                    "area": [150.0], "unit": ["ha"]}),
    }  # fmt: skip
    report = geep.validate(frames)
    assert [i.table for i in report.errors] == ["regions"]
    assert geep.validate(frames, area_tolerance=0.6).ok
