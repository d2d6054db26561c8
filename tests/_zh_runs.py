"""The zh runs of the acceptance test (tests/test_zh_allow_list.py): each verb on the shipped
examples, its console text and the workbooks it wrote."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from geep.cli import main
from geep.examples import example_path

SHANXI = ("shanxi", "shanxi-example.xlsx")


def commands(out: Path) -> dict[str, list[str]]:
    """name → argv (without ``--lang zh``), in an order where later ones read earlier outputs."""
    county = out / "counties"
    county.mkdir(parents=True, exist_ok=True)
    shutil.copy(example_path(*SHANXI), county / "shanxi.xlsx")
    inputs = str(example_path(*SHANXI))
    return {
        "demo": ["demo", "-o", str(out / "demo"), "--no-figures"],
        "template": ["template", str(out / "template.xlsx")],
        "validate": ["validate", inputs],
        "run": ["run", inputs, "-o", str(out / "run.xlsx"), "--method", "all"],
        "batch": ["batch", str(county), "-o", str(out / "batch"), "--jobs", "1"],
        "compare": [
            "compare",
            str(out / "run.xlsx"),
            "--across",
            "year",
            "-o",
            str(out / "compare.xlsx"),
        ],
        "compensate": [
            "compensate",
            "fen-river",
            str(example_path("compensation", "fen_example.xlsx")),
            "-o",
            str(out / "settlement.xlsx"),
        ],
        "trading-template": ["trading", "template", str(out / "journal.xlsx"), "--lang", "zh"],
        "trading-positions": [
            "trading",
            "positions",
            str(example_path("trading", "journal.xlsx")),
            "-o",
            str(out / "positions.xlsx"),
        ],
        "aggregate": [
            "aggregate",
            str(out / "run.xlsx"),
            "--to",
            "province",
            "-o",
            str(out / "province.xlsx"),
        ],
        "report": ["report", str(out / "run.xlsx"), "-o", str(out / "report.html")],
        "seea-extent": ["seea", "extent", inputs, "-o", str(out / "extent.xlsx")],
        # an ESV ledger of one price year (run.xlsx mixes accounts and price years), with
        # its quantile ledger (esv.uncertainty.xlsx)
        "run-esv": [
            "run",
            inputs,
            "-o",
            str(out / "esv.xlsx"),
            "--method",
            "esv",
            "--draws",
            "64",
            "--by-evidence",
        ],
        "seea-assets": [
            "seea",
            "assets",
            str(out / "esv.xlsx"),
            "-o",
            str(out / "assets.xlsx"),
            "--rate",
            "0.02",
            "--life",
            "100",
        ],
        "sensitivity": [
            "sensitivity",
            inputs,
            "-o",
            str(out / "sensitivity.xlsx"),
            "--method",
            "esv",
            "-n",
            "64",
            "--by-evidence",
        ],
    } | ({"grid-transitions": _grid(out)} if _has_grid() else {})


def _has_grid() -> bool:
    """Whether the grid extra (rasterio, geopandas) is installed."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("rasterio", "geopandas", "dask"))


def _grid(out: Path) -> list[str]:
    """``geep grid transitions`` on two small CLCD-coded rasters and rectangular zones."""
    from grid_data import classes_array, rect_zones, write_raster

    arr = classes_array()
    a = write_raster(out / "CLCD_v01_2019_albert.tif", arr)
    b = write_raster(out / "CLCD_v01_2020_albert.tif", arr[::-1].copy())
    zones = out / "zones.gpkg"
    rect_zones().to_file(zones)
    tr = str(out / "transitions.xlsx")
    return ["grid", "transitions", str(a), str(b), "--zones", str(zones), "-o", tr]


def run_all(out: Path) -> dict[str, tuple[int, str, list[Path]]]:
    """name → (exit code, stdout + stderr, workbooks written by that command)."""
    results = {}
    for name, argv in commands(out).items():
        before = set(out.rglob("*.xlsx"))
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["--lang", "zh", *argv])
        books = sorted(set(out.rglob("*.xlsx")) - before)
        results[name] = (code, stdout.getvalue() + stderr.getvalue(), books)
    return results
