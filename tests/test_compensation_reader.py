"""Compensation inputs through the shared pre-flight, cell reader and normaliser (issue 11
items 8 and 24, issue 12 item 2): hostile files are refused before any cell is read, every
cell problem is an error at its cell, the declared dimension is never trusted, and parameter
sheet values that do not fit are reported at their cell."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from hostile_files import bomb, dimension, entities, plain, sheet_part, uncached
from openpyxl import load_workbook

import geep
from geep.cli import main
from geep.coefficients import ProvisionalWarning
from geep.compensation.io import read_inputs, read_tables
from geep.inputs.report import InputValidationError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "compensation"
HEAD = ["section_id", "period", "indicator", "value", "unit", "status"]
ROWS = [["FEN-HXC", f"2021-{m:02d}", "cod", 20 + m, "mg/L", "valid"] for m in range(1, 7)]


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        yield


def _compensate(capsys, path: Path, out: Path, *extra: str) -> tuple[int, str]:
    rc = main(["compensate", "fen-river", str(path), "-o", str(out), *extra])
    cap = capsys.readouterr()
    return rc, cap.out + cap.err


@pytest.fixture
def no_cells(monkeypatch):
    """Fail if any worksheet cell is read: a refusal must come from the pre-flight."""

    def refuse(*_a, **_k):
        raise AssertionError("the cells were read before the file was refused")

    monkeypatch.setattr("geep.io.workbook.read_xlsx", refuse)


def test_a_zip_bomb_is_refused_by_the_pre_flight(tmp_path, capsys, monkeypatch, no_cells):
    path = bomb(plain(tmp_path / "obs.xlsx", {"observations": [HEAD, *ROWS]}))
    monkeypatch.setenv("GEEP_MAX_UNCOMPRESSED_BYTES", "2000000")
    rc, out = _compensate(capsys, path, tmp_path / "s.csv")
    assert rc == 1 and "Traceback" not in out
    assert "obs.xlsx would expand to" in out and "over the limit of 2,000,000 bytes" in out
    assert not (tmp_path / "s.csv").exists()


def test_entity_expansion_is_refused_by_the_pre_flight(tmp_path, capsys, no_cells):
    path = entities(plain(tmp_path / "obs.xlsx", {"observations": [HEAD, *ROWS]}))
    rc, out = _compensate(capsys, path, tmp_path / "s.csv")
    assert rc == 1 and "Traceback" not in out
    assert "entity declaration in xl/worksheets/sheet1.xml" in out


def test_the_declared_dimension_is_never_trusted(tmp_path):
    path = dimension(plain(tmp_path / "obs.xlsx", {"observations": [HEAD, *ROWS]}), "A1:F3")
    frame, where = read_inputs(path)["observations"]
    assert len(frame) == 6  # not 2
    prep = geep.compensation.prepare("fen-river", frame, where=where)
    assert prep.obs["input_ref"].iloc[-1] == "obs.xlsx!observations!D7"


def test_an_uncached_formula_is_an_error_at_its_cell_and_its_row_is_kept_out(tmp_path):
    path = plain(tmp_path / "obs.xlsx", {"observations": [HEAD, *ROWS]})
    uncached(path, "D3", sheet_part(path, "observations"))
    ins = read_tables(path)
    (err,) = ins.report.errors
    assert err.where == "obs.xlsx!observations!D3" and "formula with no saved result" in str(
        err.problem
    )
    assert "2021-02" not in set(ins.tables["observations"]["period"])
    with pytest.raises(InputValidationError):
        read_inputs(path)  # the tuple shape cannot carry the report: it raises


def test_error_cells_anywhere_in_a_row_are_errors(tmp_path, capsys):
    rows = [list(r) for r in ROWS]
    rows[0][1], rows[2][5] = "#REF!", "#N/A"
    path = plain(tmp_path / "obs.xlsx", {"observations": [HEAD, *rows]})
    rc, out = _compensate(capsys, path, tmp_path / "s.csv")
    assert rc == 1
    assert "obs.xlsx!observations!B2" in out and "obs.xlsx!observations!F4" in out
    assert "Excel error value #N/A" in out


def test_csv_observations_are_located_like_the_land_inputs(tmp_path, capsys):
    csv = tmp_path / "obs.csv"
    csv.write_text(",".join(HEAD) + "\nFEN-HXC,2021-01,cod,abc,mg/L,valid\n"
                   "FEN-HXC,2021-02,cod,5,mg/L,vaild\n", encoding="utf-8")  # fmt: skip
    rc, out = _compensate(capsys, csv, tmp_path / "s.csv")
    assert rc == 1
    assert "obs.csv!D2 value [abc]: 'abc' is not a number" in out
    assert "obs.csv!F3 status [vaild]: unknown status; did you mean 'valid'?" in out


def _with_parameters(tmp_path: Path, rows: list[list]) -> Path:
    src = load_workbook(EXAMPLE / "fen_example.xlsx")
    ws = src.create_sheet("parameters")
    for r in [["name", "value", "unit"], *rows]:
        ws.append(r)
    path = tmp_path / "fen.xlsx"
    src.save(path)
    return path


def test_a_parameters_sheet_error_names_its_cell(tmp_path, capsys):
    path = _with_parameters(tmp_path, [["quality.amounts", "[60,120]", "万元"],
                                       ["eflow.floor", -5, "m3/s"],
                                       ["eflow.amount", "五十", None]])  # fmt: skip
    rc, out = _compensate(capsys, path, tmp_path / "s.csv")
    assert rc == 1 and "Traceback" not in out
    assert "fen.xlsx!parameters!B2" in out and "expects 5 amounts (one per band), got 2" in out
    assert "fen.xlsx!parameters!B3" in out and "below the smallest allowed value 0" in out
    assert "fen.xlsx!parameters!B4" in out and "'五十' is not a number" in out


def test_set_replaces_a_sheet_parameter_and_good_sheet_values_apply(tmp_path, capsys):
    path = _with_parameters(tmp_path, [["eflow.floor", 12, "m3/s"], ["eflow.amount", "x", None]])
    rc, out = _compensate(capsys, path, tmp_path / "s.csv", "--set", "eflow.amount=0")
    assert rc == 0, out
    meta = (tmp_path / "s.meta.json").read_text(encoding="utf-8")
    assert "eflow.floor overridden by user: 15 → 12.0 m3/s" in meta  # from the sheet
    assert "eflow.amount overridden by user" in meta and "given as '0'" in meta  # --set


def test_a_parameter_given_twice_in_the_sheet_is_an_error(tmp_path, capsys):
    path = _with_parameters(tmp_path, [["eflow.floor", 12, "m3/s"], ["eflow.floor", 13, "m3/s"]])
    rc, out = _compensate(capsys, path, tmp_path / "s.csv")
    assert rc == 1 and "duplicate name eflow.floor" in out and "fen.xlsx!parameters!" in out


def test_flows_as_rates_and_volumes_and_dataframes_keep_row_locations():
    obs = pd.DataFrame(ROWS[:2], columns=HEAD)
    flows = pd.DataFrame(
        [("FEN-HXC", "2021-01", 2.0, "m3/s", "valid"), ("FEN-HXC", "2021-02", 0.5, "亿m3", "")],
        columns=["section_id", "period", "flow", "unit", "status"],
    )
    prep = geep.compensation.prepare("fen-river", obs, flows)
    f = prep.flows.set_index("period")
    assert f.loc["2021-01", "volume"] == pytest.approx(2.0 * 31 * 86400)
    assert f.loc["2021-02", "flow_rate"] == pytest.approx(0.5e8 / (28 * 86400))
    assert f["flow_status"].tolist() == ["valid", "valid"]  # a blank status is valid
    bad = flows.assign(unit=["m3/s", "kg"])
    with pytest.raises(InputValidationError) as exc:
        geep.compensation.prepare("fen-river", obs, bad)
    assert [e.where for e in exc.value.report.errors] == ["flows[1]"]
