"""Inputs (validation with locations), outputs (atomic, neutralised), the CLI verb,
sensitivity / scenarios / rule comparison, and the primitives no shipped scheme uses."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import geep
from geep.cli import main
from geep.coefficients import ProvisionalWarning
from geep.compensation import compare_rules, read_scheme, scenarios, sensitivity
from geep.inputs.report import InputValidationError

DATA = Path(__file__).resolve().parent / "data" / "compensation"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "compensation"
COLS = ["section_id", "period", "indicator", "value", "unit", "status"]
TC3 = pd.DataFrame(
    [
        ("LIUZHUANG", "2020", "water_class", 2, "", "valid"),
        ("LIUZHUANG", "2021", "water_class", 2, "", "valid"),
        ("LIUZHUANG", "2019", "index", 1.0, "", "valid"),
        ("LIUZHUANG", "2020", "index", 0.97, "", "valid"),
        ("LIUZHUANG", "2021", "index", 0.9409, "", "valid"),
    ],
    columns=COLS,
)


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        yield


def test_every_input_problem_reported_with_location():
    bad = pd.DataFrame(
        [
            ("FEN-HXC", "2021-01", "cod", 20, "mg/L", "valid"),  # fine
            ("FEN-HXX", "2021-01", "cod", 20, "mg/L", "valid"),  # unknown section
            ("FEN-WNS", "2021-13", "cod", 20, "mg/L", "valid"),  # bad period
            ("FEN-WNS", "2021-02", "zinc", 1, "mg/L", "valid"),  # unknown indicator
            ("FEN-WNS", "2021-03", "cod", "abc", "mg/L", "valid"),  # not a number
            ("FEN-WNS", "2021-04", "cod", None, "mg/L", "valid"),  # empty valid value
            ("FEN-WNS", "2021-05", "cod", 20, "kg", "valid"),  # wrong unit dimension
            ("FEN-WNS", "2021-06", "cod", 20, "mg/L", "flooded"),  # unknown status
            ("FEN-HXC", "2021-01", "cod", 21, "mg/L", "valid"),  # duplicate of row 0
            ("FEN-HXX", "2021-02", "cod", 20, "mg/L", "valid"),  # same unknown id: grouped
        ],
        columns=COLS,
    )
    with pytest.raises(InputValidationError) as exc:
        geep.compensate("fen-river", bad)
    errors = exc.value.report.errors
    where = {e.where for e in errors}
    assert len(errors) == 8
    assert {"observations[1]", "observations[2]", "observations[3]", "observations[4]"} <= where
    assert {"observations[5]", "observations[6]", "observations[7]", "observations[8]"} <= where
    text = str(exc.value)
    assert "did you mean 'FEN-HXC'" in text and "duplicate" in text and "not a period" in text
    assert "also in 1 more row(s): observations[9]" in text


def test_workbook_locations_and_chinese_headers(tmp_path):
    zh = pd.DataFrame(
        {
            "断面": ["FEN-HXC", "FEN-HXC", "NOPE"],
            "时段": ["2021年3月", "2021-04", "2021-04"],
            "指标": ["化学需氧量", "氨氮", "cod"],
            "监测值": [20, 0.5, 1],
            "单位": ["毫克/升", "mg/L", "mg/L"],
            "状态": ["有效", "断流", "有效"],
        }
    )
    path = tmp_path / "in.xlsx"
    zh.to_excel(path, sheet_name="监测", index=False)
    tables = geep.compensation.read_inputs(path)
    frame, where = tables["observations"]
    with pytest.raises(InputValidationError) as exc:
        geep.compensation.prepare("fen-river", frame, where=where)
    (err,) = exc.value.report.errors
    assert err.where == "in.xlsx!监测!A4" and err.value == "NOPE"
    prep = geep.compensation.prepare("fen-river", frame.iloc[:2], where=where)
    o = prep.obs
    assert o["period"].tolist() == ["2021-03", "2021-04"] and o["indicator"].tolist() == [
        "cod",
        "nh3n",
    ]
    assert o["status"].tolist() == ["valid", "dry"] and pd.isna(o["value"].iloc[1])
    assert o["input_ref"].iloc[0] == "in.xlsx!监测!D2"


def test_cli_exit_codes_and_outputs(tmp_path, capsys):
    out = tmp_path / "fen.xlsx"
    rc = main(["compensate", "fen-river", str(EXAMPLE / "fen_example.xlsx"), "-o", str(out)])
    assert rc == 0 and out.exists()
    printed = capsys.readouterr().out
    assert "PROVISIONAL" in printed
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left
    wb = openpyxl.load_workbook(out)
    assert {"summary", "net", "matrix", "obligations", "parameters", "sections", "warnings"} <= set(
        wb.sheetnames
    )
    # official values supplied on the command line are applied and recorded
    csv = tmp_path / "fen.csv"
    rc = main(["compensate", "fen-river", str(EXAMPLE / "fen_observations.csv"), "--flows",
               str(EXAMPLE / "fen_flows.csv"), "--set", "eflow.amount=0", "-o", str(csv)])  # fmt: skip
    assert rc == 0
    ob = pd.read_csv(csv)
    assert ob.loc[ob.component == "eflow", "amount"].sum() == 0
    # a parameters sheet in the workbook (official values for the provisional edition)
    wb_in = tmp_path / "with_params.xlsx"
    with pd.ExcelWriter(wb_in) as xw:
        pd.read_csv(EXAMPLE / "fen_observations.csv").to_excel(
            xw, sheet_name="observations", index=False
        )
        pd.read_csv(EXAMPLE / "fen_flows.csv").to_excel(xw, sheet_name="flows", index=False)
        pd.DataFrame({"name": ["quality.amounts", "eflow.floor"], "value": ["[10, 20, 30, 40, 50]", 0],
                      "unit": ["万元", "m3/s"]}).to_excel(xw, sheet_name="parameters", index=False)  # fmt: skip
    out2 = tmp_path / "p.csv"
    assert main(["compensate", "fen-river", str(wb_in), "-o", str(out2)]) == 0
    ob2 = pd.read_csv(out2)
    assert ob2.loc[ob2.component == "eflow", "amount"].sum() == 0  # floor 0: never below
    assert set(ob2.loc[(ob2.component == "quality") & (ob2.amount > 0), "amount"]) <= {
        10,
        20,
        30,
        40,
        50,
    }
    # invalid input → 1; usage → 2
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "section_id,period,indicator,value,unit,status\nNOPE,2021-01,cod,1,mg/L,valid\n",
        encoding="utf-8",
    )
    assert main(["compensate", "fen-river", str(bad), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "unknown section" in capsys.readouterr().err
    # a scheme that ships no sections asks for them
    assert (
        main(
            [
                "compensate",
                "shanxi-cross-section",
                str(EXAMPLE / "fen_observations.csv"),
                "-o",
                str(tmp_path / "y.xlsx"),
            ]
        )
        == 1
    )
    assert "ships no monitoring sections" in capsys.readouterr().err
    assert main(["compensate", "fen-river"]) == 2
    assert main(["compensate", "fen-river", str(bad), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["compensate", "--list"]) == 0


def test_excel_text_cells_are_neutralised(tmp_path):
    sections = pd.DataFrame(
        [
            {
                "section_id": "S1",
                "name_zh": '=HYPERLINK("x")',
                "upstream": "140100",
                "target_class": 3,
            }
        ]
    )
    o = pd.DataFrame([("S1", "2014-01", "cod", 25.0, "mg/L", "valid")], columns=COLS)
    s = geep.compensate("shanxi-cross-section", o, sections=sections)
    path = s.to_excel(tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(path)["sections"]
    names = [c.value for c in ws["B"]]
    assert '\'=HYPERLINK("x")' in names


def test_primitives_without_a_shipped_scheme_hand_computed():
    """Zhoukou continuous tier (S18): Mar COD 0.3x → 10 × 1.3 = 13万; compliance 10/11 valid
    months (Dec dry) > 90 % → 50万 reward; 12 × 1000万m3 = 1.2亿m3 against a 1亿m3 baseline at
    0.1 元/m3 → downstream pays 200万; 1,000万 apportioned 60/40 from the fund."""
    scheme = read_scheme(DATA / "schemes" / "misc-rules" / "1")
    rows = []
    for m in range(1, 13):
        dry = m == 12
        rows.append(
            (
                "X",
                f"2020-{m:02d}",
                "cod",
                None if dry else (26.0 if m == 3 else 20.0),
                "mg/L",
                "dry" if dry else "valid",
            )
        )
    flows = pd.DataFrame(
        [("X", f"2020-{m:02d}", 1000, "万m3") for m in range(1, 13)],
        columns=["section_id", "period", "flow", "unit"],
    )
    s = geep.compensate(scheme, pd.DataFrame(rows, columns=COLS), flows=flows)
    by = s.totals(["component", "payer", "payee"]).set_index(["component", "payer", "payee"])[
        "amount"
    ]
    assert by[("zk", "A", "F")] == pytest.approx(13.0)
    assert by[("rate", "F", "A")] == pytest.approx(50.0)
    assert by[("qty", "B", "A")] == pytest.approx(200.0)
    assert by[("esv", "F", "A")] == pytest.approx(600.0) and by[("esv", "F", "B")] == pytest.approx(
        400.0
    )
    net = s.net.set_index("party")["net"]
    assert net.to_dict() == pytest.approx({"A": 837.0, "B": 200.0, "F": -1037.0})


def test_sensitivity_tornado_tc3():
    t = sensitivity(
        "yellow-river-henan-shandong", TC3, ["class.per_class", "index.per_point", "index.cap"]
    )
    henan = t[t.party == "410000"].set_index("parameter")
    # 2 × 6,000 ± 20 % + 600 index: 10,200 / 12,600 / 15,000
    assert henan.loc[
        "class.per_class", ["net_low", "net_base", "net_high"]
    ].tolist() == pytest.approx([10200, 12600, 15000])
    assert henan.loc["index.per_point", "swing"] == pytest.approx(240)  # 600 × 0.4
    assert henan.loc["index.cap", "swing"] == pytest.approx(0)  # the cap is not binding
    assert t["parameter"].iloc[0] == "class.per_class"  # tornado order
    explicit = sensitivity("yellow-river-henan-shandong", TC3, {"class.base": (2, 4)})
    h = explicit[explicit.party == "410000"].iloc[0]
    # base II: class II is at base → index only (600); base IV: two classes better each year
    assert (h["net_low"], h["net_high"]) == pytest.approx((600, 24600))


def test_scenario_grid_tc3():
    g = scenarios(
        "yellow-river-henan-shandong", TC3, {"class.base": [2, 3], "class.per_class": [5000, 6000]}
    )
    henan = g[g.party == "410000"].set_index(["class.base", "class.per_class"])["net"]
    assert henan[("2", "5000")] == pytest.approx(600) and henan[("2", "6000")] == pytest.approx(600)
    assert henan[("3", "5000")] == pytest.approx(10600) and henan[("3", "6000")] == pytest.approx(
        12600
    )


def test_rule_comparison_on_fen_data():
    o = pd.read_csv(EXAMPLE / "fen_observations.csv")
    f = pd.read_csv(EXAMPLE / "fen_flows.csv")
    amounts = {"deduction.amounts": [50, 112.5, 175, 237.5, 300]}
    cmp = compare_rules(o, "fen-river", ["shanxi-cross-section@2013"], flows=f,
                        parameters={"shanxi-cross-section@2013": amounts})  # fmt: skip
    assert set(cmp["rules"]) == {"fen-river@2021", "shanxi-cross-section@2013"}
    assert set(cmp["status"]) == {"provisional"}
    alt = cmp[cmp.rules == "shanxi-cross-section@2013"]
    fen = cmp[cmp.rules == "fen-river@2021"]
    # under the Shanxi rules every deduction goes to the fund (no horizontal payments), no
    # netting and no e-flow: cities only pay, and they pay at least the Fen quality amounts
    cities = alt[alt.party != "fen-fund"]
    assert (cities["received"] == 0).all()
    base = geep.compensate("fen-river", o, flows=f)
    q = base.obligations.query("component == 'quality'").groupby("payer")["amount"].sum()
    paid_alt = cities.groupby("party")["paid"].sum()
    for city, amount in q.items():
        if city != "fen-fund":
            assert paid_alt[city] >= amount - 1e-9
    assert fen["net"].sum() == pytest.approx(0) and alt["net"].sum() == pytest.approx(0)
