"""``geep coefficients list | show | diff | lock | profiles``."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import geep.coefficients as C
from geep.cli import main


def run(capsys, *argv):
    code = main(["coefficients", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_table(capsys):
    code, out, err = run(capsys, "list")
    assert code == 0, err
    for tid in C.index():
        assert tid in out
    assert "Traceback" not in err


def test_list_as_csv(capsys):
    code, out, _ = run(capsys, "list", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    editions = {(t, e) for t, eds in C.index().items() for e in eds}
    assert set(zip(frame["table"], frame["edition"].astype(str), strict=True)) == editions
    assert {"status", "rows", "published", "unverified", "price_year"} <= set(frame.columns)
    xie = frame[(frame["table"] == "xie2015-factors")].iloc[0]
    assert (xie["status"], xie["rows"], xie["unverified"]) == ("released", 154, 44)


def test_list_as_json(capsys):
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert {r["table"] for r in records} == set(C.index())
    garze = next(
        r for r in records if (r["table"], r["edition"]) == ("gep-parameters", "garze-2010")
    )
    assert garze["status"] == "released" and garze["price_year"] == 2010


def test_show_prints_metadata_sources_and_rows(capsys):
    code, out, err = run(capsys, "show", "gep-parameters@garze-2010")
    assert code == 0, err
    assert "gep-parameters@garze-2010  [released]" in out
    assert "price year 2010" in out
    assert "sources:" in out and "  Garze: 白玛卓嘎" in out
    assert "columns:" in out and "value (float, unit from 'unit')" in out
    assert "CNY/t_CO2" in out  # the carbon price basis
    assert "price.hydropower" in out and "0.53" in out


def test_show_as_json(capsys):
    code, out, _ = run(capsys, "show", "standard-equivalent@xie-2015", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["meta"]["id"] == "standard-equivalent" and doc["meta"]["status"] == "released"
    d = next(r for r in doc["rows"] if r["parameter"] == "d_national")
    assert d["value"] == 3406.5 and d["unit"] == "CNY/ha/a"
    assert len(doc["sha256"]) == 64


def test_show_without_edition_picks_the_newest_released(capsys):
    code, out, _ = run(capsys, "show", "xie2015-factors", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == 154


def test_diff_shows_changed_values(capsys):
    # Costanza 2014: 1997 unit values vs 2011 unit values, both in 2007 USD (methods.md §4.2)
    a, b = "costanza-unit-values@2014-1997values", "costanza-unit-values@2014"
    code, out, err = run(capsys, "diff", a, b)
    assert code == 0, err
    assert "changed cells" in out and "348" in out and "660" in out
    code, out, _ = run(capsys, "diff", a, b, "--format", "csv")
    frame = pd.read_csv(io.StringIO(out))
    values = frame[frame["column"] == "unit_value"].set_index("biome")[["old", "new"]].astype(float)
    assert tuple(values.loc["open_ocean"]) == (348, 660)
    assert tuple(values.loc["coral_reefs"]) == (8384, 352249)
    assert "shelf" not in values.index  # 2,222 in both


def test_diff_with_blank_integer_cells(capsys):
    code, out, err = run(capsys, "diff", "gep-parameters@garze-2010", "gep-parameters@garze-2010")
    assert code == 0, err
    assert "0 changed cells" in out


def test_diff_of_a_saved_override(capsys, tmp_path):
    base = C.load("gep-parameters@garze-2010")
    local = C.override(base, {"price.hydropower": 0.40}, by="bureau", reason="2023 tariff")
    C.save(local, tmp_path)
    code, out, err = run(
        capsys, "--path", str(tmp_path), "diff", base.ref, local.ref, "--format", "json"
    )
    assert code == 0, err
    cells = {(r["parameter"], r["column"]): (r["old"], r["new"]) for r in json.loads(out)}
    assert cells[("price.hydropower", "value")] == (0.53, 0.40)


def test_unknown_edition_exits_1_with_the_editions(capsys):
    code, out, err = run(capsys, "show", "xie2015-factors@2016")
    assert code == 1
    assert "has no edition '2016'; available editions: 2015 (released)" in err
    assert "Traceback" not in err and "Traceback" not in out


def test_unknown_table_exits_1_with_a_suggestion(capsys):
    code, _, err = run(capsys, "diff", "xie2015-factor@2015", "xie2015-factors@2015")
    assert code == 1
    assert "did you mean 'xie2015-factors'" in err
    assert "Traceback" not in err


def test_missing_arguments_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["coefficients", "show"])
    assert info.value.code == 2


def test_profiles(capsys):
    code, out, _ = run(capsys, "profiles", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert set(frame["profile"]) == set(C.profiles())
    assert frame.set_index("profile").loc["cn-gep-2020", "status"] == "provisional"


def test_lock_writes_hashes_of_a_root(capsys, tmp_catalog, make_table):
    make_table(tmp_catalog, "demo", "r1", meta={"status": "released"})
    make_table(tmp_catalog, "demo", "p1")
    code, out, err = run(capsys, "lock", str(tmp_catalog))
    assert code == 0, err
    assert "1 released editions" in out
    assert set(C.read_lock(tmp_catalog)) == {"demo@r1"}
    assert C.load("demo").edition == "r1"
