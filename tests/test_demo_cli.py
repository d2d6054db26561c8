"""The Shanxi demo end to end, and the command line: every verb, exit codes, error paths."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import geep
from geep.cli import VERBS, build_parser, main
from geep.demo import run_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return out, run_demo(out, figures=False)


def test_demo_writes_ledgers_and_comparisons(demo):
    _, res = demo
    names = {p.name for p in res.files}
    for stem in ("shanxi-esv", "shanxi-gep", "shanxi-geep"):
        assert f"{stem}.xlsx" in names and f"{stem}.csv" in names
    assert "shanxi-compare-cities-geep-2020.xlsx" in names
    assert "shanxi-plan-indicators.csv" in names
    plan = next(p for p in res.files if p.name == "shanxi-plan-indicators.csv").read_bytes()
    assert plan.startswith(b"\xef\xbb\xbfregion_code,")  # BOM: a spreadsheet reads it as UTF-8
    # the Fen River example settles on a provisional scheme and says so
    assert "fen-river-settlement.xlsx" in names
    assert any(n.startswith("Fen River") and "PROVISIONAL" in n for n in res.notes)
    for p in res.files:
        assert p.exists() and p.stat().st_size > 0
    # 11 cities × 2 years, four GEEP lines each
    assert len(res.geep) == 11 * 2 * 4
    assert res.geep.status == "provisional"
    assert any("ILLUSTRATIVE" in n for n in res.notes)


def test_demo_numbers_are_consistent(demo):
    out, res = demo
    back = geep.Ledger.read(out / "shanxi-geep.csv")
    gep_reg = (
        res.gep.lines.query("category == 'regulating'")
        .groupby(["region_code", "year"], observed=True)["value"]
        .sum()
    )
    ers = back.lines.query("service == 'ers'").set_index(["region_code", "year"])["value"]
    for key, v in ers.items():
        assert v == pytest.approx(gep_reg[key], rel=1e-12)
    assert back.check().ok and res.esv.check().ok
    assert set(back.lines["price_year"]) == {2020}


def test_demo_plan_indicators(demo):
    _, res = demo
    plan = res.plan
    fc = plan[(plan["indicator"] == "forest_coverage") & (plan["region_code"] == "(all)")]
    assert set(fc["year"]) == {2015, 2020}
    assert (fc["value"].between(0.05, 0.5)).all()
    water = plan[plan["indicator"] == "surface_water_class_iii_share"]
    assert set(water["year"]) == {2015, 2020}


def test_every_verb_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    assert set(VERBS) <= set(sub.choices)
    for verb in VERBS:
        with pytest.raises(SystemExit) as exc:
            main([verb, "--help"])
        assert exc.value.code == 0


def test_no_verb_and_bad_usage_exit_2(capsys):
    assert main([]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["compare"])  # missing files and -o
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["no-such-verb"])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "missing.xlsx"],
        ["run", "missing.xlsx", "-o", "x.xlsx"],
        ["compare", "a.xlsx", "b.xlsx", "-o", "c.xlsx"],
        ["coefficients", "show", "no-such-table"],
    ],
)
def test_bad_input_exits_1_without_traceback(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_compare_cli(demo, tmp_path, capsys):
    out, _ = demo
    rc = main(
        [
            "compare",
            str(out / "shanxi-geep.xlsx"),
            "--across",
            "region",
            "--year",
            "2020",
            "-o",
            str(tmp_path / "cities.xlsx"),
        ]
    )
    assert rc == 0 and (tmp_path / "cities.xlsx").exists()
    rc = main(
        [
            "compare",
            str(out / "shanxi-gep.csv"),
            str(out / "shanxi-gep.xlsx"),
            "-o",
            str(tmp_path / "two-years.xlsx"),
        ]
    )
    # two years in each ledger: a run's sum over them is no year's value — refused, not added
    assert rc == 1 and not (tmp_path / "two-years.xlsx").exists()
    assert "several years (2015, 2020)" in capsys.readouterr().err
    rc = main(
        [
            "compare",
            str(out / "shanxi-gep.csv"),
            str(out / "shanxi-gep.xlsx"),
            "--year",
            "2020",
            "-o",
            str(tmp_path / "same.xlsx"),
        ]
    )
    assert rc == 0
    cmp = pd.read_excel(tmp_path / "same.xlsx", sheet_name="side_by_side")
    diff_cols = [c for c in cmp.columns if str(c).startswith("diff:")]
    assert diff_cols and cmp[diff_cols[0]].abs().max() <= 1e-3  # CSV and xlsx of one run agree


def test_demo_cli_subprocess(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "geep", "demo", "-o", str(tmp_path / "d"), "--no-figures"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "GEEP by city" in r.stdout and "Plan indicators" in r.stdout
    assert (tmp_path / "d" / "shanxi-geep.xlsx").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_copy_of_the_example_speaks_the_users_language(tmp_path, lang):
    """Under zh the example copy's 'about' sheet and banners are Chinese (no English UI text);
    under en it is the shipped file; either way it reads to the same tables."""
    import hashlib
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from zh_allow import machine_names, workbook_findings

    from geep.demo import _copy_example
    from geep.examples import example_path
    from geep.io.read import read_inputs

    src = example_path("shanxi", "shanxi-example.xlsx")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    copy = _copy_example(src, tmp_path / src.name, lang)  # same name: same input refs
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # the example is untouched
    found = workbook_findings(copy, machine_names())
    if lang == "zh":
        assert not found, "\n".join(found)
        from openpyxl import load_workbook

        wb = load_workbook(copy, read_only=True)
        assert wb.sheetnames[0] == "说明"
        assert "示例数据" in wb["regions"]["A1"].value and "「说明」" in wb["regions"]["A1"].value
    else:
        assert copy.read_bytes() == src.read_bytes()
    got, want = read_inputs(copy), read_inputs(src)
    assert set(got.tables) == set(want.tables)
    for name, frame in want.tables.items():
        pd.testing.assert_frame_equal(got[name], frame)
