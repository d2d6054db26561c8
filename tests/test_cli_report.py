"""``geep report``, ``geep aggregate`` and ``geep run --report`` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import county_ledger, regions_table

import geep
from geep.cli import main
from geep.examples import example_path

SHANXI = example_path("shanxi", "shanxi-example.xlsx")


@pytest.fixture(scope="module")
def counties(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    county_ledger(["140105", "140106", "140212"]).to_csv(d / "counties.csv")
    regions = regions_table(["140105", "140106", "140212"]).rename(
        columns={"area": "area (ha)", "population": "population (person)"}
    )
    regions.to_csv(d / "regions.csv", index=False)
    return d / "counties.csv"


def test_report_in_chinese(counties, tmp_path, capsys):
    out = tmp_path / "报告.html"
    code = main(["report", str(counties), "-o", str(out), "--lang", "zh",
                 "--regions", str(counties.with_name("regions.csv"))])  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out
    assert "已写入" in said and "3 个区域" in said
    page = out.read_text(encoding="utf-8")
    assert "分年度主要指标" in page and "人均 GEEP（元）" in page
    # the regions file is not the ledger's input: the page says so
    assert "不是这些台账的输入文件" in page
    # a pristine report is replaced without --force; an edited one is protected
    assert main(["report", str(counties), "-o", str(out)]) == 0
    out.write_text(out.read_text(encoding="utf-8") + "<!-- mine -->", encoding="utf-8")
    assert main(["report", str(counties), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err


def test_report_usage_and_input_errors(counties, tmp_path, capsys):
    assert main(["report", str(counties), "-o", str(tmp_path / "r.pdf")]) == 2
    assert ".html" in capsys.readouterr().err
    twice = main(["report", str(counties), str(counties), "-o", str(tmp_path / "r.html")])
    assert twice == 1
    err = capsys.readouterr().err
    assert "counties.csv" in err and "Traceback" not in err
    assert main(["report", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "r.html")]) == 1


def test_aggregate_to_city_and_all_levels(counties, tmp_path, capsys):
    out = tmp_path / "cities.csv"
    assert main(["aggregate", str(counties), "--to", "city", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 region(s)" in said and "sums checked" in said
    city = geep.Ledger.read(out)
    assert sorted(city.lines["region_code"].astype(str).unique()) == ["140100", "140200"]
    base = geep.Ledger.read(counties)
    assert city.total(by="year").to_dict() == base.total(by="year").to_dict()
    folder = tmp_path / "levels"
    code = main(["--lang", "zh", "aggregate", str(counties), "--levels", "county,city,province",
                 "-o", str(folder), "--format", "csv"])  # fmt: skip
    assert code == 0
    assert sorted(p.name for p in folder.glob("*.csv")) == [
        "counties-city.csv", "counties-county.csv", "counties-province.csv",
    ]  # fmt: skip
    assert "合计已核对" in capsys.readouterr().out
    prov = geep.Ledger.read(folder / "counties-province.csv")
    assert prov.lines["region_name"].unique().tolist() == ["山西省"]


def test_aggregate_usage(counties, tmp_path, capsys):
    assert main(["aggregate", str(counties), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main(["aggregate", str(counties), "--to", "city", "-o", str(tmp_path / "x.txt")]) == 2
    bad = ["aggregate", str(counties), "--levels", "town", "-o", str(tmp_path)]
    assert main(bad) == 2
    city = tmp_path / "c.csv"
    assert main(["aggregate", str(counties), "--to", "city", "-o", str(city)]) == 0
    capsys.readouterr()
    assert main(["aggregate", str(city), "--to", "county", "-o", str(tmp_path / "y.csv")]) == 1
    assert "cannot be split" in capsys.readouterr().err


def test_run_with_report(tmp_path, capsys):
    out, rep = tmp_path / "ledger.xlsx", tmp_path / "run.html"
    code = main(["run", str(SHANXI), "-o", str(out), "--report", str(rep), "--price-year", "2020"])
    assert code == 0
    page = rep.read_text(encoding="utf-8")
    assert "ledger.xlsx" in page and "shanxi-example.xlsx" in page
    assert "GEEP per person (CNY)" in page  # the run's regions sheet gives population
    assert main(["run", str(SHANXI), "-o", str(out), "--report", str(tmp_path / "r.txt")]) == 2
