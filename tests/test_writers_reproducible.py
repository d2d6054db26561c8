"""Every file geep writes is byte-identical for identical inputs (issue 12 item 4).

Each output is written twice from the same inputs into the same (emptied) folder, in two rounds
more than two seconds apart (the resolution of the timestamps in a zip archive, where
settlement workbooks used to differ); the bytes must be the same. The kinds: ledger workbooks (en, zh with a money unit), CSV with its
meta, Parquet, comparison workbooks, input templates (en, zh), batch outputs, settlements,
trading templates and positions (en, zh), SEEA workbooks and cubes, grid tables and maps, HTML reports.
"""

from __future__ import annotations

import importlib.util
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import geep
from geep.cli import main
from geep.examples import example_path

SHANXI = example_path("shanxi", "shanxi-example.xlsx")
FEN = example_path("compensation", "fen_example.xlsx")
JOURNAL = example_path("trading", "journal.xlsx")


def _ledger() -> geep.Ledger:
    lc = pd.DataFrame({"region_code": ["140105", "140106"] * 2, "year": [2015, 2015, 2020, 2020],
                       "land_class": "forest.broadleaf", "area": [1.2e5, 3.4e5, 1.3e5, 3.3e5],
                       "unit": "ha", "region_name": ["小店区", "迎泽区"] * 2})  # fmt: skip
    return geep.esv(lc)


def _cli(*args: str) -> None:
    assert main(["-q", *args]) == 0, args


def _library(d: Path, inputs: Path) -> None:
    led = _ledger()
    led.to_excel(d / "ledger.xlsx")
    led.to_excel(d / "ledger-zh.xlsx", lang="zh", unit="万元")
    led.to_csv(d / "ledger.csv")
    if importlib.util.find_spec("pyarrow"):
        led.to_parquet(d / "ledger.parquet")
    lines = led.lines
    cmp = geep.compare(geep.Ledger(lines[lines["year"] == 2020]), across="region",
                       level="category")  # fmt: skip
    cmp.to_excel(d / "compare.xlsx", lang="zh", unit="万元")


def _command_line(d: Path, inputs: Path) -> None:
    _cli("template", str(d / "template-en.xlsx"))
    _cli("--lang", "zh", "template", str(d / "template-zh.xlsx"))
    _cli("run", str(SHANXI), "-o", str(d / "run.xlsx"), "--price-year", "2020")
    _cli("--lang", "zh", "batch", str(inputs / "batch"), "-o", str(d / "batch"), "--jobs", "1")
    _cli("compensate", "fen-river", str(FEN), "-o", str(d / "settlement.xlsx"))
    _cli("trading", "template", str(d / "journal-template.xlsx"))
    _cli("trading", "positions", str(JOURNAL), "-o", str(d / "positions.xlsx"))
    _cli("--lang", "zh", "trading", "positions", str(JOURNAL), "-o", str(d / "positions-zh.xlsx"))
    _cli("seea", "extent", str(SHANXI), "-o", str(d / "extent.xlsx"))
    _cli("report", str(d / "run.xlsx"), "-o", str(d / "report.html"), "--lang", "zh")


def _grid(d: Path, inputs: Path) -> None:
    raster, zones = inputs / "lc_2020.tif", inputs / "zones.gpkg"
    _cli("grid", "areas", str(raster), "--zones", str(zones), "-o", str(d / "areas.xlsx"))
    _cli("grid", "areas", str(raster), "--zones", str(zones), "-o", str(d / "areas.csv"))
    _cli("grid", "esv-map", str(raster), "-o", str(d / "esv.tif"), "--price-year", "2020")


ROUNDS: dict[str, Callable[[Path, Path], None]] = {"library": _library, "cli": _command_line}
if importlib.util.find_spec("rasterio") and importlib.util.find_spec("geopandas"):
    ROUNDS["grid"] = _grid


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}  # fmt: skip


def _inputs(root: Path) -> Path:
    (root / "batch").mkdir(parents=True)
    (root / "batch" / "land_cover.csv").write_text(
        "region_code,year,land_class,area,unit\n140105,2020,water,5,ha\n", encoding="utf-8"
    )
    if "grid" in ROUNDS:
        from grid_data import classes_array, rect_zones, write_raster

        write_raster(root / "lc_2020.tif", classes_array())
        rect_zones().to_file(root / "zones.gpkg")
    return root


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    inputs = _inputs(tmp_path_factory.mktemp("inputs"))
    root = tmp_path_factory.mktemp("out")
    out = []
    for i in range(2):
        for name, write in ROUNDS.items():
            (root / name).mkdir()
            write(root / name, inputs)
        out.append(_files(root))
        shutil.rmtree(root)
        root.mkdir()
        if i == 0:
            time.sleep(2.1)  # a zip archive stores times to two seconds
    return out[0], out[1]


def test_the_same_files_are_written(two_rounds):
    first, second = two_rounds
    assert sorted(first) == sorted(second)
    kinds = {Path(k).suffix for k in first}
    assert {".xlsx", ".csv", ".json", ".html"} <= kinds, kinds
    assert len(first) >= 15, sorted(first)


def test_every_file_is_byte_identical(two_rounds):
    first, second = two_rounds
    differ = [k for k in first if first[k] != second.get(k)]
    assert not differ, f"written differently in two identical runs: {differ}"
