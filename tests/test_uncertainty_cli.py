"""The command line: ``geep run … --draws N`` writes the quantile ledger beside the ledger;
``geep sensitivity IN -o OUT``; usage errors; lazy imports; figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import geep
import geep.uncertainty as unc
from geep.cli import main

SHANXI = Path(__file__).resolve().parents[1] / "examples" / "shanxi" / "shanxi-example.xlsx"


def lc_csv(tmp_path: Path) -> Path:
    rows = [("140105", 2020, k, 100.0 + 10 * i, "ha")
            for i, k in enumerate(("forest.broadleaf", "water", "farmland.paddy"))]  # fmt: skip
    p = tmp_path / "lc.csv"
    pd.DataFrame(rows, columns=["region_code", "year", "land_class", "area", "unit"]).to_csv(
        p, index=False)  # fmt: skip
    return p


def test_run_with_draws_writes_the_quantile_ledger_beside(tmp_path, capsys):
    src = lc_csv(tmp_path)
    dist = tmp_path / "d.csv"
    dist.write_text("ref,dist,min,max,relative\nstandard-equivalent#d_national,uniform,0.8,1.2,true\n",
                    encoding="utf-8")  # fmt: skip
    out = tmp_path / "ledger.csv"
    args = ["run", str(src), "-o", str(out), "--method", "esv", "--draws", "200",
            "--distributions", str(dist)]  # fmt: skip
    assert main(args) == 0
    q = tmp_path / "ledger.uncertainty.csv"
    assert out.exists() and q.exists() and (tmp_path / "ledger.uncertainty.csv.meta.json").exists()
    lines = pd.read_csv(q)
    ledger = geep.Ledger.read(out)
    assert len(lines) == len(ledger)
    assert lines["deterministic"].sum() == pytest.approx(ledger.total(), rel=1e-12)
    pos = lines["deterministic"] > 0  # paddy's hydrological regulation factor is negative
    ratio = (lines["q95"].where(pos, lines["q05"]) / lines["deterministic"]).to_numpy()
    assert (~pos).any() and ratio.max() - ratio.min() < 1e-9  # one coefficient: one ratio
    assert "200 draws, 1 coefficient(s) varied" in capsys.readouterr().out
    first = q.read_bytes()
    assert main([*args, "--force"]) == 0  # same seed → same bytes
    assert q.read_bytes() == first


def test_run_uncertainty_options_need_draws(tmp_path):
    src = lc_csv(tmp_path)
    assert main(["run", str(src), "-o", str(tmp_path / "l.xlsx"), "--by-evidence"]) == 2
    assert not (tmp_path / "l.xlsx").exists()
    with pytest.raises(SystemExit) as e:
        main(["run", str(src), "-o", str(tmp_path / "l.xlsx"), "--draws", "0"])
    assert e.value.code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ref,dist,min,max\nstandard-equivalent#d_national,uniform,2,1\n", encoding="utf-8"
    )
    code = main(["run", str(src), "-o", str(tmp_path / "l2.xlsx"), "--draws", "10",
                 "--distributions", str(bad)])  # fmt: skip
    assert code == 1


def test_run_all_on_the_shanxi_example_by_evidence(tmp_path):
    out = tmp_path / "l.xlsx"
    assert main(["-q", "run", str(SHANXI), "-o", str(out), "--draws", "50", "--by-evidence"]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "l.uncertainty.xlsx", read_only=True)
    assert wb.sheetnames == ["quantiles", "varied coefficients", "settings", "notes"]
    settings = {r[0]: r[1] for r in wb["settings"].iter_rows(min_row=2, values_only=True)}
    assert "published 10%" in settings["defaults"] and settings["n_draws"] == 50


def test_sensitivity_verb(tmp_path, capsys):
    src = lc_csv(tmp_path)
    out = tmp_path / "s.xlsx"
    assert main(["sensitivity", str(src), "-o", str(out), "--method", "esv", "--by-evidence",
                 "-n", "128"]) == 0  # fmt: skip
    assert out.exists() and "sobol indices" in capsys.readouterr().out
    cs = tmp_path / "cs.csv"
    assert main(["-q", "sensitivity", str(src), "-o", str(cs), "--method", "esv",
                 "--technique", "cs", "--groups", "ecosystem_type"]) == 0  # fmt: skip
    frame = pd.read_csv(cs)
    assert set(frame["group"]) >= {"forest.broadleaf", "water", "farmland.paddy"}
    assert main(["sensitivity", str(src), "-o", str(tmp_path / "x.xlsx"), "--method", "esv"]) == 1
    assert main(["sensitivity", str(src), "-o", str(tmp_path / "x.txt")]) == 2


def test_import_geep_does_not_load_the_uncertainty_stack():
    code = ("import sys, geep; "
            "bad = [m for m in ('geep.uncertainty', 'SALib', 'matplotlib') if m in sys.modules]; "
            "assert not bad, bad; import geep.uncertainty; "
            "assert 'SALib' not in sys.modules; print(geep.uncertainty.simulate.__name__)")  # fmt: skip
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "simulate"


def test_every_uncertainty_message_has_both_languages():
    from geep.messages import MESSAGES
    from geep.messages.uncertainty import MESSAGES as OWN

    assert all(code.startswith("uncertainty.") for code in OWN)
    for code in OWN:
        en, zh = MESSAGES[code]
        assert en.strip() and zh.strip() and en != zh, code


def test_figures(tmp_path):
    from geep import plot

    lc = pd.read_csv(lc_csv(tmp_path))
    lc2 = pd.concat([lc, lc.assign(year=2021)], ignore_index=True)
    sim = unc.simulate("esv", lc2, draws=100, seed=1, defaults="by-evidence")
    assert plot.fan_chart(sim, tmp_path / "fan.png").read_bytes()[:4] == b"\x89PNG"
    s = unc.sensitivity("esv", lc, n=64, defaults="by-evidence")
    assert plot.sensitivity_bars(s, tmp_path / "sobol.png").stat().st_size > 1000
    assert plot.tornado(s, tmp_path / "tornado.png").stat().st_size > 1000
    with pytest.raises(geep.GeepError, match="needs the columns"):
        plot.fan_chart(pd.DataFrame({"year": [2020]}))
