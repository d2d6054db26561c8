"""Every verb that writes refuses to overwrite an input, or a file geep did not write, unless
``--force`` (issue 11 item 11: ``geep seea`` and ``geep grid`` had no such guard — ``geep seea
extent IN.xlsx -o IN.xlsx`` replaced the input workbook)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from geep.cli import main
from geep.examples import example_path

SHANXI = example_path("shanxi", "shanxi-example.xlsx")


def _foreign(path: Path) -> bytes:
    wb = Workbook()
    wb.active["A1"] = "a workbook of mine"
    wb.save(path)
    return path.read_bytes()


@pytest.fixture
def shanxi(tmp_path) -> Path:
    return Path(shutil.copy(SHANXI, tmp_path / "in.xlsx"))


def test_seea_never_writes_over_its_input(shanxi, capsys):
    before = shanxi.read_bytes()
    assert main(["seea", "extent", str(shanxi), "-o", str(shanxi), "--force"]) == 2
    assert shanxi.read_bytes() == before
    assert "input" in capsys.readouterr().err


def test_seea_refuses_a_foreign_workbook_unless_forced(shanxi, tmp_path, capsys):
    out = tmp_path / "mine.xlsx"
    mine = _foreign(out)
    assert main(["--lang", "zh", "seea", "extent", str(shanxi), "-o", str(out)]) == 2
    assert out.read_bytes() == mine
    err = capsys.readouterr().err
    assert "--force" in err and "文件已存在" in err and "Traceback" not in err
    assert main(["-q", "seea", "extent", str(shanxi), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() != mine


def test_seea_replaces_its_own_output(shanxi, tmp_path):
    out = tmp_path / "extent.xlsx"
    assert main(["-q", "seea", "extent", str(shanxi), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main(["-q", "seea", "extent", str(shanxi), "-o", str(out)]) == 0
    assert out.read_bytes() == first


needs_grid = pytest.mark.skipif(
    not (importlib.util.find_spec("rasterio") and importlib.util.find_spec("geopandas")),
    reason="needs the grid extra",
)


@pytest.fixture
def raster(tmp_path):
    from grid_data import classes_array, rect_zones, write_raster

    r = write_raster(tmp_path / "lc_2020.tif", classes_array())
    z = tmp_path / "zones.gpkg"
    rect_zones().to_file(z)
    return r, z


@needs_grid
def test_grid_refuses_a_foreign_workbook_and_its_inputs(raster, tmp_path, capsys):
    r, z = raster
    out = tmp_path / "mine.xlsx"
    mine = _foreign(out)
    assert main(["grid", "areas", str(r), "--zones", str(z), "-o", str(out)]) == 2
    assert out.read_bytes() == mine
    before = r.read_bytes()
    assert main(["grid", "esv-map", str(r), "-o", str(r), "--force"]) == 2
    assert r.read_bytes() == before
    assert "Traceback" not in capsys.readouterr().err
    assert main(["-q", "grid", "areas", str(r), "--zones", str(z), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() != mine
