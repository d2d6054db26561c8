"""geep.grid.esv_map (per-pixel map vs the table route), transitions (change matrix vs array
pairs) and the ``geep grid`` verb (outputs, progress, exit codes)."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rasterio")
pytest.importorskip("geopandas")

import rasterio
from grid_data import RECTS, classes_array, rect_zones, write_raster

import geep
from geep.cli import main
from geep.grid import class_areas, esv_map, transitions

CLCD = {1: "farmland.dryland", 2: "forest.mixed", 3: "forest.shrub", 4: "grassland.shrub_grass",
        5: "water", 6: "glacier", 7: "desert.bare", 8: "built_up", 9: "wetland"}  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("maps")
    a0 = classes_array(seed=1)
    a1 = a0.copy()
    rng = np.random.default_rng(2)
    flip = rng.random(a0.shape) < 0.2
    a1[flip] = rng.integers(1, 10, flip.sum())
    zones = d / "zones.geojson"
    rect_zones().to_file(zones)
    return {
        "dir": d,
        "a0": a0,
        "a1": a1,
        "r0": write_raster(d / "lc_2000.tif", a0),
        "r1": write_raster(d / "lc_2020.tif", a1),
        "zones": zones,
    }


def quiet(fn, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*a, **k)


def zone_sums(path, band=1) -> dict[str, float]:
    with rasterio.open(path) as ds:
        m = ds.read(band).astype(np.float64)
    return {z: float(np.nansum(m[r0:r1, c0:c1])) for z, (r0, r1, c0, c1) in RECTS.items()}


def test_map_zone_sums_equal_the_esv_ledger(data, tmp_path):
    out = quiet(esv_map, data["r0"], tmp_path / "esv.tif", price_year=2020, chunks=200)
    areas = quiet(class_areas, data["r0"], data["zones"])
    led = quiet(geep.esv, areas, price_year=2020)
    by_zone = led.lines.groupby("region_code", observed=True)["value"].sum()
    sums = zone_sums(out)
    for z in ("140105", "140106", "140107"):
        assert sums[z] == pytest.approx(by_zone[z], rel=1e-6)
    assert sums["140108"] == 0.0  # off the raster
    with rasterio.open(out) as ds:
        tags, m = ds.tags(), ds.read(1)
        assert ds.dtypes == ("float32",) and ds.block_shapes == [(512, 512)]
        assert np.isnan(ds.nodata) and ds.descriptions == ("total",)
    assert tags["GEEP_UNIT"] == "CNY/pixel/a" and tags["GEEP_PRICE_YEAR"] == "2020"
    assert tags["GEEP_CROSSWALK"] == "landclass-clcd@v01" and len(tags["GEEP_RASTER_SHA256"]) == 64
    a = data["a0"]
    # nothing valued where nothing is known: nodata, unknown codes, built_up (no factors)
    assert np.isnan(m[(a == 0) | (a == 42) | (a == 200) | (a == 8)]).all()
    assert np.isfinite(m[np.isin(a, [1, 2, 3, 4, 5, 6, 7, 9])]).all()


def test_map_per_service_bands_add_up_to_the_total(data, tmp_path):
    total = quiet(esv_map, data["r0"], tmp_path / "t.tif", chunks=(160, 256))
    per = quiet(esv_map, data["r0"], tmp_path / "s.tif", service="all", chunks=(512, 512))
    with rasterio.open(total) as t, rasterio.open(per) as s:
        tot = t.read(1).astype(np.float64)
        bands = s.read().astype(np.float64)
        names = s.descriptions
    assert len(names) == 11 and "food_production" in names and "soil_conservation" in names
    np.testing.assert_allclose(
        np.nansum(bands, axis=0)[np.isfinite(tot)], tot[np.isfinite(tot)], rtol=1e-5
    )
    one = quiet(esv_map, data["r0"], tmp_path / "w.tif", service="water_supply")
    with rasterio.open(one) as w:
        np.testing.assert_array_equal(
            w.read(1), bands[names.index("water_supply")].astype(np.float32)
        )


def test_map_does_not_depend_on_chunks_and_writes_zarr(data, tmp_path):
    xr = pytest.importorskip("xarray")
    pytest.importorskip("zarr")
    a = quiet(esv_map, data["r0"], tmp_path / "a.tif", chunks=(100, 100))
    b = quiet(esv_map, data["r0"], tmp_path / "b.tif", chunks=(450, 640), scheduler="synchronous")
    z = quiet(esv_map, data["r0"], tmp_path / "c.zarr", chunks=(100, 700))
    with rasterio.open(a) as da_, rasterio.open(b) as db_:
        ma, mb = da_.read(1), db_.read(1)
    np.testing.assert_array_equal(ma, mb)
    ds = xr.open_zarr(z)
    np.testing.assert_array_equal(ds["esv"].sel(band="total").values, ma)
    assert ds["esv"].attrs["geep_profile"] == "xie-2015"


def test_cloud_optimised_geotiff(data, tmp_path):
    cog = quiet(esv_map, data["r0"], tmp_path / "esv_cog.tif", cog=True)
    plain = quiet(esv_map, data["r0"], tmp_path / "esv.tif")
    with rasterio.open(cog) as c, rasterio.open(plain) as p:
        assert c.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        np.testing.assert_array_equal(c.read(1), p.read(1))
        assert c.tags()["GEEP_PROFILE"] == "xie-2015" and c.descriptions == ("total",)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["esv.tif", "esv_cog.tif"]


def test_failed_map_leaves_nothing_behind(data, tmp_path):
    with pytest.raises(geep.grid.GridError, match="no service 'water_suply'; did you mean"):
        quiet(esv_map, data["r0"], tmp_path / "x.tif", service="water_suply")
    assert list(tmp_path.iterdir()) == []


def test_geographic_map_equals_ledger(tmp_path):
    import geopandas as gpd
    from rasterio.transform import from_origin
    from shapely.geometry import box

    arr = classes_array((200, 300), seed=9)
    r = write_raster(
        tmp_path / "geo_2015.tif", arr, crs="EPSG:4326", transform=from_origin(100, 45, 0.02, 0.02)
    )
    z = gpd.GeoDataFrame(
        {"region_code": ["W", "E"]},
        geometry=[box(100, 41, 103, 45), box(103, 41, 106, 45)],
        crs=4326,
    )
    out = quiet(esv_map, r, tmp_path / "geo.tif", chunks=(64, 64))
    led = quiet(geep.esv, quiet(class_areas, r, z))
    with rasterio.open(out) as ds:
        m = ds.read(1).astype(np.float64)
    by = led.lines.groupby("region_code", observed=True)["value"].sum()
    assert np.nansum(m[:, :150]) == pytest.approx(by["W"], rel=1e-6)
    assert np.nansum(m[:, 150:]) == pytest.approx(by["E"], rel=1e-6)
    # northern rows hold smaller pixels: the same class is worth less per pixel there
    col = m[:, 0][arr[:, 0] == 2]
    if col.size > 2:
        assert col[0] < col[-1]


def test_transitions_equal_array_pairs(data):
    t = quiet(transitions, data["r0"], data["r1"], data["zones"], chunks=(100, 128))
    a0, a1 = data["a0"], data["a1"]
    for z, (r0, r1, c0, c1) in RECTS.items():
        s0, s1 = a0[r0:r1, c0:c1], a1[r0:r1, c0:c1]
        for i, ci in CLCD.items():
            for j, cj in ((5, "water"), (2, "forest.mixed")):
                n = int(((s0 == i) & (s1 == j)).sum())
                got = t[(t.region_code == z) & (t.from_class == ci) & (t.to_class == cj)]["pixels"]
                assert (got.item() if len(got) else 0) == n
    assert set(t["year_from"]) == {2000} and set(t["year_to"]) == {2020}
    assert list(t.columns) == [
        "region_code",
        "year_from",
        "year_to",
        "from_class",
        "to_class",
        "area",
        "unit",
        "pixels",
    ]


def test_transitions_margins_equal_class_areas_where_both_valid(data):
    t = quiet(transitions, data["r0"], data["r1"], data["zones"])
    cov = t.attrs["coverage"]
    total = (
        cov["valid_pixels"]
        + cov["nodata_pixels"]
        + cov["outside_zones_pixels"]
        + cov["unmapped_pixels"]
    )
    assert total == data["a0"].size and t["pixels"].sum() == cov["valid_pixels"]
    # opening stock by class = Σ over to_class; it equals class_areas of year 1 on the pixels
    # valid in both years (nodata and unknown codes in either year leave the matrix)
    a0, a1 = data["a0"], data["a1"]
    both = np.isin(a0, list(CLCD)) & np.isin(a1, list(CLCD))
    r0, r1, c0, c1 = RECTS["140106"]
    opening = t[t.region_code == "140106"].groupby("from_class")["pixels"].sum()
    for k, cls in CLCD.items():
        assert opening.get(cls, 0) == int(((a0[r0:r1, c0:c1] == k) & both[r0:r1, c0:c1]).sum())
    assert cov["raster_sha256"][2000] != cov["raster_sha256"][2020]


# --- the geep grid verb -------------------------------------------------------------------
def test_cli_areas_csv_with_coverage(data, tmp_path, capsys):
    out = tmp_path / "areas.csv"
    code = main(
        [
            "grid",
            "areas",
            str(data["r0"]),
            "--zones",
            str(data["zones"]),
            "--chunks",
            "128",
            "-o",
            str(out),
        ]
    )
    cap = capsys.readouterr()
    assert code == 0, cap.err
    df = pd.read_csv(out, dtype={"region_code": str})
    ref = quiet(class_areas, data["r0"], data["zones"])
    assert df["pixels"].tolist() == ref["pixels"].tolist()
    cov = json.loads((tmp_path / "areas.csv.coverage.json").read_text(encoding="utf-8"))
    assert (
        cov["valid_pixels"] == ref.attrs["coverage"]["valid_pixels"] and cov["method"] == "centroid"
    )
    assert "wrote" in cap.out and "valid" in cap.out
    assert "nodata pixel(s)" in cap.err and "geep grid areas" in cap.err  # warnings + progress bar


def test_cli_years_pattern_quiet_and_xlsx(data, tmp_path, capsys):
    out = tmp_path / "years.xlsx"
    pattern = str(data["dir"] / "lc_{year}.tif")
    code = main(
        [
            "-q",
            "grid",
            "areas",
            pattern,
            "--years",
            "2000,2020",
            "--zones",
            str(data["zones"]),
            "-o",
            str(out),
        ]
    )
    cap = capsys.readouterr()
    assert code == 0 and cap.out == ""
    df = pd.read_excel(out, sheet_name="land_cover", dtype={"region_code": str})
    assert sorted(df["year"].unique()) == [2000, 2020]
    inputs = quiet(geep.read_inputs, out)  # the workbook is a geep input workbook
    assert len(quiet(geep.esv, inputs).lines) > 0


def test_cli_transitions_and_esv_map(data, tmp_path, capsys):
    t_out, m_out = tmp_path / "t.csv", tmp_path / "m.tif"
    assert (
        main(
            [
                "-q",
                "grid",
                "transitions",
                str(data["r0"]),
                str(data["r1"]),
                "--zones",
                str(data["zones"]),
                "-o",
                str(t_out),
            ]
        )
        == 0
    )
    assert (
        main(["-q", "grid", "esv-map", str(data["r0"]), "-o", str(m_out), "--price-year", "2020"])
        == 0
    )
    assert len(pd.read_csv(t_out)) > 0 and m_out.exists()


def test_cli_errors_exit_1_without_traceback(data, tmp_path, capsys):
    bad = tmp_path / "cut_2020.tif"
    bad.write_bytes(data["r0"].read_bytes()[:300])
    code = main(
        ["grid", "areas", str(bad), "--zones", str(data["zones"]), "-o", str(tmp_path / "x.csv")]
    )
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and str(bad) in err
    code = main(
        [
            "grid",
            "areas",
            str(data["r0"]),
            "--zones",
            str(data["zones"]),
            "--zone-field",
            "code",
            "-o",
            str(tmp_path / "x.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "no field 'code'" in err and "--zone-field" in err
    assert not (tmp_path / "x.csv").exists()
    code = main(
        [
            "grid",
            "areas",
            str(data["r0"]),
            "--zones",
            str(data["zones"]),
            "--years",
            "20x0",
            "-o",
            str(tmp_path / "x.csv"),
        ]
    )
    assert code == 2
    code = main(
        [
            "--lang",
            "zh",
            "grid",
            "areas",
            str(data["r0"]),
            "--zones",
            str(data["zones"]),
            "--class-map",
            "1=paddy",
            "-o",
            str(tmp_path / "x.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "不是 geep 地类" in err
