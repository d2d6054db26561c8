"""Issue 11, compensation: parameter values checked against their definitions (item 15, 21),
bad user scheme editions isolated (item 21). Each test failed on the main branch before."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
from geep.cli import main
from geep.coefficients import ProvisionalWarning
from geep.compensation import ParameterError, load, sensitivity
from geep.compensation.parameters import check_changes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "compensation"
FEN_YAML = ROOT / "coefficients" / "schemes" / "fen-river" / "2021" / "scheme.yaml"
OBS = str(EXAMPLE / "fen_observations.csv")
FLOWS = str(EXAMPLE / "fen_flows.csv")


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        yield


def _compensate(capsys, *extra: str, out: Path) -> tuple[int, str, str]:
    rc = main(["compensate", "fen-river", OBS, "--flows", FLOWS, "-o", str(out), *extra])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


# --- item 15 / 21: --set values -------------------------------------------------------------
@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("quality.amounts=[60,120]", "parameter quality.amounts expects 5 amounts (one per band), got 2"),
        ("eflow.amount=五十", "parameter eflow.amount: '五十' is not a number"),
        ("eflow.floor=-5", "parameter eflow.floor: -5 m3/s is below the smallest allowed value 0"),
        ("eflow.floor=Infinity", "parameter eflow.floor: 'Infinity' is not a finite number"),
        ("eflow.floor=nan", "parameter eflow.floor: 'nan' is not a finite number"),
        ("eflow.floor=1e400", "'1e400' is not a finite number"),
        ("eflow.floor=12kg", "parameter eflow.floor is in m3/s: unit 'kg' has dimension mass"),
        ("eflow.floor=2e6m3/s", "above the largest plausible value 1,000,000 m3/s"),
        ("quality.closed=both", "'both' is not one of right, left"),
        ("quality.amounts[9]=3", "no element '9' (the list has 5, numbered from 0)"),
        ("quality.bands=[0,1,0.5,5,10]", "the band edges must increase strictly"),
        ("quality.amounts=[1,2,3,4,-1]", "parameter quality.amounts[4]: -1 万元 is below"),
        ("eflow.flor=3", "no parameter 'eflow.flor'; did you mean 'eflow.floor'"),
        ("eflow.amount=[1,2]", "expects a single value"),
    ],
)  # fmt: skip
def test_bad_set_values_are_refused_at_the_parameter(capsys, tmp_path, setting, message):
    out = tmp_path / "s.csv"
    rc, _, err = _compensate(capsys, "--set", setting, out=out)
    assert rc == 1, err
    assert message in err
    assert "Traceback" not in err and not out.exists()


def test_set_values_with_units_are_converted_and_recorded(capsys, tmp_path):
    out = tmp_path / "s.csv"
    rc, _, err = _compensate(
        capsys, "--set", "eflow.floor=1200 m3/min", "--set", "quality.amounts[1]=1000000元",
        out=out,
    )  # fmt: skip
    assert rc == 0, err
    ob = pd.read_csv(out)
    eflow = ob[ob.component == "eflow"]
    assert len(eflow) and eflow["target"].tolist() == pytest.approx([20.0] * len(eflow))
    meta = (tmp_path / "s.meta.json").read_text(encoding="utf-8")
    assert '"given": "1200 m3/min"' in meta and '"unit": "m3/s"' in meta
    assert '"given": "1000000元"' in meta  # 100 万元, in the list's unit


def test_api_and_sensitivity_use_the_same_check():
    obs = pd.read_csv(OBS)
    flows = pd.read_csv(FLOWS)
    with pytest.raises(ParameterError) as exc:
        geep.compensate("fen-river", obs, flows=flows, parameters={"quality.amounts": [60, 120]})
    assert exc.value.extra["problems"] == [
        "parameter quality.amounts expects 5 amounts (one per band), got 2"
    ]
    with pytest.raises(ParameterError, match="not a finite number"):
        sensitivity("fen-river", obs, {"eflow.floor": (float("inf"), 20)}, flows=flows)
    s = geep.compensate("fen-river", obs, flows=flows, parameters={"eflow.floor": "12 m3/s"})
    assert s.scheme.doc.parameters["eflow.floor"].value == 12.0


def test_sensitivity_does_not_scale_whole_numbers():
    tc3 = pd.DataFrame(
        [("LIUZHUANG", "2020", "water_class", 2, "", "valid"),
         ("LIUZHUANG", "2021", "water_class", 3, "", "valid")],
        columns=["section_id", "period", "indicator", "value", "unit", "status"],
    )  # fmt: skip
    t = sensitivity("yellow-river-henan-shandong", tc3)
    # class.base is a water-quality class (a whole number): it is not scaled by ±20 %
    assert "class.base" not in set(t["parameter"]) and "class.per_class" in set(t["parameter"])
    with pytest.raises(ParameterError, match=r"3\.6 is not a whole number"):
        sensitivity("yellow-river-henan-shandong", tc3, {"class.base": (2, 3.6)})


def test_parameter_messages_in_chinese(capsys, tmp_path):
    rc = main(["--lang", "zh", "compensate", "fen-river", OBS, "-o", str(tmp_path / "s.csv"),
               "--set", "quality.amounts=[60,120]"])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1 and "参数 quality.amounts 应有 5 个金额（每档一个），实际为 2 个" in err


def test_parameter_definitions_listed(capsys):
    assert main(["compensate", "fen-river", "--parameters"]) == 0
    printed = capsys.readouterr().out
    assert "a list of 5 amounts [万元] ≥ 0" in printed and "one of right, left" in printed
    d = load("fen-river").parameter_definitions().set_index("parameter")
    assert d.loc["eflow.floor", "used_by"] == "eflow.floor"


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.lists(st.one_of(st.floats(), st.text(max_size=5), st.none()), max_size=7),
        st.dictionaries(st.text(max_size=5), st.floats(), max_size=3),
        st.booleans(),
    )
)
def test_any_value_is_accepted_in_range_or_refused_with_a_parameter_error(value):
    fen = load("fen-river")
    for name in ("eflow.floor", "quality.amounts", "quality.closed"):
        try:
            checked = check_changes(fen, {name: value})
        except ParameterError as exc:
            assert exc.extra["problems"]
            continue
        v = checked[name][0]
        nums = v if isinstance(v, list) else list(v.values()) if isinstance(v, dict) else [v]
        for x in nums:
            if isinstance(x, float):
                assert math.isfinite(x) and x >= 0


# --- item 21: a bad user edition does not break the catalogue ----------------------------------
def _user_scheme(root: Path, edition: str, valid_from: str, folder: str = "my-scheme") -> Path:
    text = FEN_YAML.read_text(encoding="utf-8")
    text = text.replace("id: fen-river", f"id: {folder}", 1)
    text = text.replace('edition: "2021"', f'edition: "{edition}"', 1)
    text = text.replace("valid_from: 2021-01-01", f"valid_from: {valid_from}", 1)
    d = root / "schemes" / folder / edition
    d.mkdir(parents=True)
    (d / "scheme.yaml").write_text(text, encoding="utf-8")
    return d / "scheme.yaml"


def test_bad_user_edition_is_reported_and_the_others_load(capsys, tmp_path):
    bad = _user_scheme(tmp_path, "v1", "2024-13-45")
    _user_scheme(tmp_path, "v2", "2024-01-01")
    rc = main(["compensate", "--list", "--path", str(tmp_path)])
    cap = capsys.readouterr()
    assert rc == 1 and "Traceback" not in cap.err
    assert "fen-river" in cap.out and "my-scheme" in cap.out  # v2 and every shipped edition
    assert str(bad) in cap.err and "line 27 (valid_from: 2024-13-45)" in cap.err
    assert "month must be in 1..12" in cap.err and "YYYY-MM-DD" in cap.err
    # an unrelated run still works and says which edition it ignored
    rc, _, err = _compensate(capsys, "--path", str(tmp_path), out=tmp_path / "s.csv")
    assert rc == 0 and "invalid scheme edition ignored" in err and str(bad) in err
    # and so do the library listing and the good edition of the same scheme
    listing = geep.compensation.schemes([tmp_path])
    assert [str(e.file) for e in listing.attrs["invalid"]] == [str(bad)]
    assert load("my-scheme@v2", paths=[tmp_path]).doc.valid_from.year == 2024


def test_quoted_bad_date_names_the_field(tmp_path):
    bad = _user_scheme(tmp_path, "v1", '"2024-13-45"')
    with pytest.raises(geep.errors.SchemeError) as exc:
        load("my-scheme", paths=[tmp_path])
    assert exc.value.file == str(bad)
    assert "valid_from" in str(exc.value) and "'2024-13-45' is not a date" in str(exc.value)


def test_user_edition_whose_amounts_do_not_match_its_bands_is_refused(tmp_path):
    path = _user_scheme(tmp_path, "v1", "2021-01-01")
    text = path.read_text(encoding="utf-8").replace(
        "value: [50, 112.5, 175, 237.5, 300]", "value: [50, 300]"
    )
    text = text.replace(
        "evidence: [unverified, unverified, unverified, unverified, unverified]",
        "evidence: unverified",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError, match=r"expects 5 amounts \(one per band\), got 2"):
        geep.compensate("my-scheme", pd.read_csv(OBS), paths=[tmp_path])


# --- item 8 (semantics), 21, 6: statuses, physical bounds, look-alike section ids ------------
COLS = ["section_id", "period", "indicator", "value", "unit", "status"]


def _errors(rows: list[tuple]) -> dict[str, str]:
    from geep.inputs.report import InputValidationError

    with pytest.raises(InputValidationError) as exc:
        geep.compensate("fen-river", pd.DataFrame(rows, columns=COLS))
    return {e.where: e.problem for e in exc.value.report.errors}


@pytest.mark.parametrize("status", ["NA", "N/A", "na", "null", "-"])
def test_ambiguous_status_markers_are_errors(status):
    errs = _errors([("FEN-HXC", "2021-01", "cod", 20, "mg/L", status)])
    assert "is ambiguous" in errs["observations[0]"]


def test_unknown_status_has_did_you_mean_and_vocabulary_is_data():
    from geep.compensation.vocabulary import STATUS_ALIASES, STATUSES

    assert set(STATUSES) == {"valid", "dry", "frozen", "missing"}
    assert STATUS_ALIASES["缺测"] == "missing" and STATUS_ALIASES["断流"] == "dry"
    assert "na" not in STATUS_ALIASES
    errs = _errors([("FEN-HXC", "2021-01", "cod", 20, "mg/L", "vaild")])
    assert errs["observations[0]"] == "unknown status; did you mean 'valid'?"


@pytest.mark.parametrize(
    ("indicator", "bound"),
    [("cod", 1e5), ("codmn", 1e4), ("nh3n", 1e4), ("tn", 1e4), ("tp", 1e3), ("do", 50.0)],
)
def test_physical_bounds_per_indicator(indicator, bound):
    """At the bound a value is accepted (it is physically possible); just above, it is an
    error at its cell and never charged."""
    ok = pd.DataFrame([("FEN-HXC", "2021-01", indicator, bound, "mg/L", "valid")], columns=COLS)
    geep.compensation.prepare("fen-river", ok)
    errs = _errors([("FEN-HXC", "2021-01", indicator, bound * 1.001, "mg/L", "valid")])
    assert f"above the physical bound of {bound:g} mg/L for {indicator}" in errs["observations[0]"]


def test_values_not_finite_after_conversion_are_errors():
    errs = _errors([("FEN-HXC", "2021-01", "cod", 1e308, "g/L", "valid"),
                    ("FEN-HXC", "2021-02", "cod", 1e308, "mg/L", "valid")])  # fmt: skip
    assert "value is not a finite number once converted" in errs["observations[0]"]
    assert "above the physical bound" in errs["observations[1]"]
    flows = pd.DataFrame(
        [("FEN-HXC", "2021-01", 3e6, "m3/s"), ("FEN-HXC", "2021-02", 1e308, "亿m3")],
        columns=["section_id", "period", "flow", "unit"],
    )
    obs = pd.DataFrame([("FEN-HXC", "2021-01", "cod", 20, "mg/L", "valid")], columns=COLS)
    from geep.inputs.report import InputValidationError

    with pytest.raises(InputValidationError) as exc:
        geep.compensate("fen-river", obs, flows=flows)
    by = {e.where: e.problem for e in exc.value.report.errors}
    assert "above the physical bound of 1e+06 m3/s" in by["flows[0]"]
    assert "flow is not a finite number once converted" in by["flows[1]"]  # 1e316 m3


def test_look_alike_section_ids():
    obs = pd.DataFrame(
        [("FEN-HXC", "2021-01", "cod", 20, "mg/L", "valid"),
         ("FEN-HXC\u200b", "2021-02", "cod", 20, "mg/L", "valid"),
         ("ＦＥＮ-ＨＸＣ", "2021-03", "cod", 20, "mg/L", "valid")],
        columns=COLS,
    )  # fmt: skip
    prep = geep.compensation.prepare("fen-river", obs)
    assert set(prep.obs["section_id"]) == {"FEN-HXC"}  # one section, not three
    notes = [i for i in prep.report.issues if i.severity == "note" and i.column == "section_id"]
    # the invisible character is noted at its cell; fullwidth letters are a way of typing
    assert len(notes) == 1 and notes[0].where == "observations[1]"
    assert "invisible characters removed: read as 'FEN-HXC'" in notes[0].problem
    errs = _errors([("FEN-HXС", "2021-01", "cod", 20, "mg/L", "valid")])  # Cyrillic С
    assert errs == {
        "observations[0]": "section id 'FEN-HXС' contains 'С' (U+0421 CYRILLIC CAPITAL LETTER "
        "ES); ids are ASCII letters, digits, '-', '_' and '.'"
    }


def _obs_workbook(path: Path, status_cell: object, error_cell: bool = False) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "observations"
    ws.append(COLS)
    ws.append(["FEN-HXC", "2021-01", "cod", 60, "mg/L", status_cell])
    if error_cell:
        ws["F2"].data_type = "e"  # an error cell, as a spreadsheet stores #N/A
    fl = wb.create_sheet("flows")
    fl.append(["section_id", "period", "flow", "unit"])
    fl.append(["FEN-HXC", "2021-01", 20, "m3/s"])
    wb.save(path)
    return path


def test_text_status_na_in_a_workbook_is_not_read_as_valid(capsys, tmp_path):
    src = _obs_workbook(tmp_path / "obs.xlsx", "NA")
    rc = main(["compensate", "fen-river", str(src), "-o", str(tmp_path / "s.xlsx")])
    err = capsys.readouterr().err
    assert rc == 1 and "obs.xlsx!observations!F2" in err and "is ambiguous" in err


def test_error_cell_status_in_a_workbook_is_an_error(capsys, tmp_path):
    src = _obs_workbook(tmp_path / "obs.xlsx", "#N/A", error_cell=True)
    rc = main(["compensate", "fen-river", str(src), "-o", str(tmp_path / "s.xlsx")])
    err = capsys.readouterr().err
    assert rc == 1 and "obs.xlsx!observations!F2" in err


# --- item 21: observations outside the assessed periods are reported, never dropped silently --
def test_observations_before_the_window_are_reported_per_section_and_period():
    obs = pd.read_csv(OBS)
    early = obs[obs["period"].str.startswith("2021")].assign(
        period=lambda d: d["period"].str.replace("2021", "2020")
    )
    s = geep.compensate("fen-river", pd.concat([early, obs]), flows=pd.read_csv(FLOWS))
    (note,) = [w for w in s.warnings if "outside the periods" in w]
    n = len(early)
    assert note.startswith(f"{n} observation(s) lie outside the periods fen-river@2021 assesses")
    assert "assessment window 2021-01..open" in note
    assert "FEN-HXC 2020-01..2020-12" in note and "FEN-MQC 2020-01..2020-12" in note
    assert set(s.obligations["period"].str[:4]) == {"2021", "2022"}  # nothing charged in 2020


def test_validity_bounds_a_scheme_without_assessment_window():
    # shanxi-cross-section@2013 is valid from 2013-09-01 and states no assessment window
    rows = [("S1", f"2013-{m:02d}", "cod", 30, "mg/L", "valid") for m in (7, 8, 9, 10)]
    sections = pd.DataFrame(
        [{"section_id": "S1", "name_zh": "甲", "upstream": "140100", "target_class": 3}]
    )
    s = geep.compensate(
        "shanxi-cross-section", pd.DataFrame(rows, columns=COLS), sections=sections,
        parameters={"deduction.amounts": [50, 100, 150, 200, 300]},
    )  # fmt: skip
    (note,) = [w for w in s.warnings if "outside the periods" in w]
    assert "validity of the edition 2013-09-01..open" in note and "S1 2013-07..2013-08" in note
    assert sorted(set(s.obligations["period"])) == ["2013-09", "2013-10"]


def test_only_outside_observations_say_why_nothing_was_produced():
    rows = [("FEN-HXC", "2019-05", "cod", 90, "mg/L", "valid")]
    with pytest.raises(geep.errors.SchemeError) as exc:
        flows = pd.DataFrame([("FEN-HXC", "2019-05", 20, "m3/s")],
                             columns=["section_id", "period", "flow", "unit"])  # fmt: skip
        geep.compensate("fen-river", pd.DataFrame(rows, columns=COLS), flows=flows)
    assert "FEN-HXC 2019-05" in str(exc.value) and "outside the periods" in str(exc.value)


# --- byte-reproducible settlement and journal workbooks ----------------------------------------
def test_settlement_and_journal_workbooks_are_byte_reproducible(tmp_path):
    import time

    from geep import trading

    s = geep.compensate("fen-river", pd.read_csv(OBS), flows=pd.read_csv(FLOWS))
    journal = trading.read_journal(ROOT / "examples" / "trading" / "journal.xlsx").journal
    first = [
        s.to_excel(tmp_path / "a.xlsx").read_bytes(),
        trading.write_journal(journal, tmp_path / "j1.xlsx").read_bytes(),
        trading.write_template(tmp_path / "t1.xlsx").read_bytes(),
    ]
    time.sleep(2.1)  # zip member times have a 2-second resolution
    again = [
        s.to_excel(tmp_path / "b.xlsx").read_bytes(),
        trading.write_journal(journal, tmp_path / "j2.xlsx").read_bytes(),
        trading.write_template(tmp_path / "t2.xlsx").read_bytes(),
    ]
    assert first == again
    import zipfile

    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert str(time.gmtime().tm_year) not in core


def test_reported_lines_with_hostile_values_are_refused_per_line():
    from geep.compensation import Settlement
    from geep.errors import InputError

    lines = pd.DataFrame(
        {
            "payer": ["a", "b", "c", "d", "e", "f", "g"],
            "payee": ["fund", "fund", "fund", "fund", "e", "fund", "fund"],
            "amount": ["abc", -5, 1e308, 1, 2, None, 3],
            "amount_unit": ["万元", "万元", "亿元", "kg", "万元", "万元", "万元"],
            "settlement_year": [2010, 2010, 2010, 2010, 2010, 2010, "x"],
        }
    )
    with pytest.raises(InputError) as exc:
        Settlement.from_lines(lines, funds=("fund",))
    text = str(exc.value)
    assert text.startswith("lines: 7 invalid obligation line(s)")
    for part in ("lines[0] amount 'abc' is not a number", "lines[1] amount -5 is negative",
                 "lines[2] amount 1e+308 亿元 is not finite in CNY", "lines[3] amount_unit 'kg'",
                 "lines[4] payer and payee are the same party 'e'",
                 "lines[5] amount None is not a number",
                 "lines[6] settlement_year 'x' is not a year"):  # fmt: skip
        assert part in text, part
    ok = pd.DataFrame({"payer": ["a", "a\u200b"], "payee": ["fund", "fund"], "amount": [1, 2],
                       "settlement_year": [2010, 2010]})  # fmt: skip
    s = Settlement.from_lines(ok, funds=("fund",))
    assert s.net.set_index("party").loc["a", "paid"] == pytest.approx(3.0)  # one party, not two


def test_sections_table_problems_are_listed_per_row(capsys, tmp_path):
    sec = tmp_path / "sections.csv"
    sec.write_text(
        "section_id,name_zh,upstream,target_class\nS1,甲,140100,III\nS2,乙,140100:abc,3\n"
        "S3,丙,140100,9\nS4,丁,140100,3.5\nS5О,戊,140100,3\n",
        encoding="utf-8",
    )
    obs = tmp_path / "obs.csv"
    obs.write_text(",".join(COLS) + "\nS1,2014-01,cod,30,mg/L,valid\n", encoding="utf-8")
    rc = main(["compensate", "shanxi-cross-section", str(obs), "--sections", str(sec),
               "-o", str(tmp_path / "s.csv")])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" not in err and "4 error(s)" in err
    for part in ("sections.csv!C3 upstream [140100:abc]: share 'abc' of '140100' is not a "
                 "number from 0 to 1",
                 "sections.csv!D4 target_class [9]: target_class '9' is not a water-quality class",
                 "sections.csv!D5 target_class [3.5]: target_class '3.5'",
                 "sections.csv!A6 section_id [S5О]: section id 'S5О' contains 'О'"):  # fmt: skip
        assert part in err, part
    from geep.compensation.sections import sections_from_table

    (item,) = sections_from_table(
        [{"section_id": "S1", "upstream": "140100", "target_class": "Ⅲ类"}]
    )
    assert item["target_class"] == 3


@settings(max_examples=25, deadline=None)
@given(
    amounts=st.lists(st.floats(0, 1e11), min_size=5, max_size=5),
    eflow=st.floats(0, 1e11),
    floor=st.floats(0, 1e6),
)
def test_money_is_conserved_and_finite_for_any_admitted_parameters(amounts, eflow, floor):
    """Whatever the parameter check admits (up to its bounds), the settlement stays finite,
    non-negative and conserves money."""
    obs, flows = _fen_small()
    s = geep.compensate("fen-river", obs, flows=flows, parameters={
        "quality.amounts": amounts, "eflow.amount": eflow, "eflow.floor": floor})  # fmt: skip
    assert s.check().ok, s.check().problems
    assert s.net["net"].sum() == pytest.approx(0.0, abs=1e-6 * max(1.0, s.net["paid"].sum()))


_SMALL: dict = {}


def _fen_small():
    if not _SMALL:
        obs = pd.read_csv(OBS)
        flows = pd.read_csv(FLOWS)
        keep = obs["period"].str.startswith("2021-0")
        _SMALL["v"] = (obs[keep], flows[flows["period"].str.startswith("2021-0")])
    return _SMALL["v"]
