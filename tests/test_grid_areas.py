"""geep.grid.class_areas: counts against array slices, the coverage partition, invariance to
chunks and schedulers (threads, processes, a 2-worker LocalCluster), geographic row areas and
the land_cover contract (geep.esv accepts the table unchanged)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rasterio")
pytest.importorskip("geopandas")
pytest.importorskip("dask.distributed")

from grid_data import RECTS, classes_array, expected_counts, rect_zones, write_raster
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geep
from geep.grid import GridWarning, class_areas

CLCD = {
    1: "farmland.dryland",
    2: "forest.mixed",
    3: "forest.shrub",
    4: "grassland.shrub_grass",
    5: "water",
    6: "glacier",
    7: "desert.bare",
    8: "built_up",
    9: "wetland",
}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("grid")
    arr = classes_array()
    raster = write_raster(d / "CLCD_v01_2019_albert.tif", arr)
    zones = d / "zones.gpkg"
    rect_zones().to_file(zones)
    return {"dir": d, "arr": arr, "raster": raster, "zones": zones}


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as lc,
        Client(lc) as client,
    ):
        yield client


def quiet(fn, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*a, **k)


def by_code(df: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(r.region_code, r.land_class): int(r.pixels) for r in df.itertuples()}


def test_counts_equal_array_slices(data):
    df = quiet(class_areas, data["raster"], data["zones"], chunks=(64, 96))
    want = {(z, CLCD[k]): n for (z, k), n in expected_counts(data["arr"]).items()}
    assert by_code(df) == want
    # 30 m pixels = 0.09 ha, exactly
    np.testing.assert_allclose(df["area"], df["pixels"] * 0.09, rtol=1e-12)
    assert list(df.columns) == ["region_code", "year", "land_class", "area", "unit", "pixels"]
    assert set(df["unit"]) == {"ha"} and set(df["year"]) == {2019}  # year from the file name
    assert df["pixels"].dtype == np.int64


def test_coverage_is_a_complete_partition(data):
    arr = data["arr"]
    df = quiet(class_areas, data["raster"], data["zones"], chunks=100)
    cov = df.attrs["coverage"]
    inside = np.zeros(arr.shape, bool)
    for r0, r1, c0, c1 in RECTS.values():
        inside[r0:r1, c0:c1] = True
    known = np.isin(arr, list(CLCD))
    assert cov["nodata_pixels"] == int((arr == 0).sum())
    assert cov["outside_zones_pixels"] == int((~inside & (arr != 0)).sum())
    assert cov["unmapped"] == {42: int((inside & (arr == 42)).sum()), 200: 3}
    assert cov["valid_pixels"] == int((inside & known).sum()) == int(df["pixels"].sum())
    total = cov["valid_pixels"] + cov["nodata_pixels"] + cov["outside_zones_pixels"]
    assert total + sum(cov["unmapped"].values()) == arr.size == cov["total_pixels"]
    assert cov["method"] == "centroid"
    assert len(cov["raster_sha256"]) == 64 and len(cov["zones_sha256"]) == 64
    assert cov["crosswalk"] == "landclass-clcd@v01"
    # nodata, unknown codes (with counts) and the empty zone are warnings, never silent
    text = " | ".join(map(str, df.attrs["warnings"]))
    assert "nodata" in text and "42: " in text and "140108" in text
    assert cov["empty_zones"] == ["140108"]


def test_coverage_problems_are_raised_as_warnings(data):
    # on the synchronous scheduler: no dask thread touches the warnings machinery meanwhile
    with pytest.warns(GridWarning) as rec:
        class_areas(data["raster"], data["zones"], chunks=100, scheduler="synchronous")
    text = " | ".join(str(w.message) for w in rec)
    assert "nodata" in text and "42: " in text and "140108" in text


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.integers(41, 460), cols=st.integers(37, 650))
def test_any_chunk_size_gives_identical_results(data, rows, cols):
    ref = quiet(
        class_areas, data["raster"], data["zones"], chunks=(450, 640), scheduler="synchronous"
    )
    df = quiet(class_areas, data["raster"], data["zones"], chunks=(rows, cols))
    pd.testing.assert_frame_equal(df, ref)
    assert df.attrs["coverage"]["years"] == ref.attrs["coverage"]["years"]


def test_schedulers_give_identical_results(data, cluster):
    import dask

    ref = quiet(class_areas, data["raster"], data["zones"], chunks=128, scheduler="synchronous")
    # "processes" pickles every task to a pool; fork (not spawn) only saves ~8 s of worker
    # start-up in the test, the graph is the same
    with dask.config.set({"multiprocessing.context": "fork"}):
        runs = (("threads", (96, 200)), ("processes", (96, 200)), (cluster, (150, 330)))
        for sched, chunks in runs:
            df = quiet(class_areas, data["raster"], data["zones"], chunks=chunks, scheduler=sched)
            pd.testing.assert_frame_equal(df, ref)
            assert df.attrs["coverage"]["years"] == ref.attrs["coverage"]["years"]


def test_many_years_in_one_graph_on_the_cluster(data, cluster):
    d = data["dir"]
    arrays = {y: classes_array(seed=y) for y in (2000, 2005, 2010)}
    for y, a in arrays.items():
        write_raster(d / f"lc_{y}.tif", a)
    calls = []
    df = quiet(
        class_areas,
        str(d / "lc_{year}.tif"),
        data["zones"],
        year=[2000, 2005, 2010],
        chunks=150,
        scheduler=cluster,
        progress=lambda done, total: calls.append((done, total)),
    )
    for y, a in arrays.items():
        got = by_code(df[df["year"] == y])
        assert got == {(z, CLCD[k]): n for (z, k), n in expected_counts(a).items()}
        assert df.attrs["coverage"]["years"][y]["nodata_pixels"] == int((a == 0).sum())
    assert calls and calls[-1][0] == calls[-1][1]
    assert set(df.attrs["coverage"]["raster_sha256"]) == {2000, 2005, 2010}


def test_geep_esv_accepts_the_table_unchanged(data):
    df = quiet(class_areas, data["raster"], data["zones"])
    led = quiet(geep.esv, df)
    cls = dict(zip(df["land_class"], df["area"], strict=False))
    assert set(led.lines["region_code"].astype(str)) == {"140105", "140106", "140107"}
    # quantity of every line is the raster area of its class in its zone
    lines = led.lines
    for r in df[df["land_class"] != "built_up"].itertuples():
        q = lines[
            (lines["region_code"] == r.region_code) & (lines["ecosystem_type"] == r.land_class)
        ]
        assert np.allclose(q["quantity"], r.area)
    assert "built_up" in cls
    bt = quiet(geep.benefit_transfer, df)
    assert len(bt.lines) > 0


def test_uint8_accumulators_do_not_overflow(tmp_path):
    # one class, one zone, 300 000 pixels: a uint8 (or uint16) accumulator would wrap
    arr = np.full((500, 600), 5, dtype=np.uint8)
    r = write_raster(tmp_path / "water.tif", arr, nodata=0)
    z = rect_zones({"1": (0, 500, 0, 600)})
    df = quiet(class_areas, r, z, year=2020, chunks=(500, 600))
    assert df["pixels"].tolist() == [300_000]
    assert df.attrs["coverage"]["valid_pixels"] == arr.size


def test_class_map_overrides_and_user_crosswalk(data):
    df = quiet(
        class_areas,
        data["raster"],
        data["zones"],
        class_map={1: "farmland.paddy", 2: "forest.broadleaf"},
    )
    assert {"farmland.paddy", "forest.broadleaf"} <= set(df["land_class"])
    assert not {"farmland.dryland", "forest.mixed"} & set(df["land_class"])
    assert (
        "class_map={1: 'farmland.paddy', 2: 'forest.broadleaf'}"
        in df.attrs["coverage"]["crosswalk"]
    )
    # a user crosswalk: every code to one class -> per zone, one row with all mapped pixels
    own = quiet(
        class_areas, data["raster"], data["zones"], classes=dict.fromkeys(range(1, 10), "water")
    )
    base = quiet(class_areas, data["raster"], data["zones"])
    assert (
        own.groupby("region_code")["pixels"]
        .sum()
        .equals(base.groupby("region_code")["pixels"].sum())
    )
    assert set(own["land_class"]) == {"water"} and own.attrs["coverage"]["crosswalk"] == "user"


def test_zone_raster_and_dataarray_inputs(data, tmp_path):
    import rioxarray

    arr = data["arr"]
    zr = np.zeros(arr.shape, dtype=np.int32)
    for code, (r0, r1, c0, c1) in RECTS.items():
        zr[r0:r1, c0:c1] = int(code)
    zpath = write_raster(tmp_path / "zones.tif", zr, nodata=0)
    df = quiet(class_areas, data["raster"], zpath, chunks=100)
    ref = quiet(class_areas, data["raster"], data["zones"])
    pd.testing.assert_frame_equal(df, ref)
    da = rioxarray.open_rasterio(data["raster"], chunks=(1, 128, 128), mask_and_scale=False)
    df2 = quiet(class_areas, da, data["zones"], year=2019)
    pd.testing.assert_frame_equal(df2, ref)
    assert df2.attrs["coverage"]["raster_sha256"] is None  # in-memory: no file to hash


def test_geographic_crs_uses_latitude_dependent_row_areas(tmp_path):
    from pyproj import Geod
    from rasterio.transform import from_origin

    res = 0.01
    arr = classes_array((300, 200), seed=3)
    r = write_raster(
        tmp_path / "geo.tif", arr, crs="EPSG:4326", transform=from_origin(110.0, 41.0, res, res)
    )
    z = rect_zones({"A": (0, 300, 0, 120), "B": (0, 300, 120, 200)}, crs="EPSG:4326")
    # rect_zones builds projected boxes; rebuild in degrees
    import geopandas as gpd
    from shapely.geometry import box

    z = gpd.GeoDataFrame(
        {"region_code": ["A", "B"]},
        geometry=[box(110.0, 38.0, 111.2, 41.0), box(111.2, 38.0, 112.0, 41.0)],
        crs="EPSG:4326",
    )
    df = quiet(class_areas, r, z, year=2020, chunks=(70, 90))
    g = Geod(ellps="WGS84")
    lat = 41.0 - res * np.arange(301)
    row_m2 = np.array(
        [
            abs(
                g.polygon_area_perimeter(
                    [110, 110 + res, 110 + res, 110], [lat[i + 1], lat[i + 1], lat[i], lat[i]]
                )[0]
            )
            for i in range(300)
        ]
    )
    for zone, c0, c1 in (("A", 0, 120), ("B", 120, 200)):
        for k, cls in CLCD.items():
            per_row = (arr[:, c0:c1] == k).sum(axis=1)
            want_ha = float((per_row * row_m2).sum()) / 1e4
            got = df[(df.region_code == zone) & (df.land_class == cls)]
            assert got["pixels"].item() == per_row.sum()
            assert got["area"].item() == pytest.approx(want_ha, rel=2e-6)
    # a pixel at 38-41°N is about 0.87 ha, not 0.01° × 0.01° × a constant
    assert df.attrs["coverage"]["pixel_area_m2"] is None
    geo = quiet(class_areas, r, z, year=2020, chunks=(300, 200))
    pd.testing.assert_frame_equal(df, geo)  # integer area quanta: chunking does not matter


def test_exact_method_matches_polygon_areas(tmp_path):
    pytest.importorskip("exactextract")
    import geopandas as gpd
    from grid_data import RES, X0, Y0
    from shapely.geometry import Polygon

    arr = np.full((300, 400), 3, dtype=np.uint8)
    arr[:, 200:] = 5
    r = write_raster(tmp_path / "two.tif", arr)
    tri = Polygon([(X0 + 100.3, Y0 - 50.7), (X0 + 5900.1, Y0 - 300.2), (X0 + 3000.9, Y0 - 8000.4)])
    quad = Polygon(
        [
            (X0 + 6100.2, Y0 - 500.5),
            (X0 + 11000.0, Y0 - 900.0),
            (X0 + 10500.0, Y0 - 8500.0),
            (X0 + 6500.0, Y0 - 7000.0),
        ]
    )
    z = gpd.GeoDataFrame({"region_code": ["T", "Q"]}, geometry=[tri, quad], crs="EPSG:32650")
    ex = quiet(class_areas, r, z, year=2020, method="exact")
    for code, poly in (("T", tri), ("Q", quad)):
        assert ex[ex.region_code == code]["area"].sum() == pytest.approx(poly.area / 1e4, rel=1e-9)
        # the class split follows the vertical class boundary at column 200
        left = poly.intersection(
            Polygon([(X0, Y0), (X0 + 200 * RES, Y0), (X0 + 200 * RES, Y0 - 9000), (X0, Y0 - 9000)])
        )
        got = ex[(ex.region_code == code) & (ex.land_class == "forest.shrub")]["area"].sum()
        assert got == pytest.approx(left.area / 1e4, rel=1e-9)
    cen = quiet(class_areas, r, z, year=2020)
    assert (
        ex.attrs["coverage"]["method"] == "exact" and cen.attrs["coverage"]["method"] == "centroid"
    )
    # centroid and exact differ only on boundary pixels
    diff = abs(ex.groupby("region_code")["area"].sum() - cen.groupby("region_code")["area"].sum())
    assert (diff < 0.02 * cen.groupby("region_code")["area"].sum()).all()


def test_centroid_method_matches_rasterstats_on_irregular_polygons(tmp_path):
    rasterstats = pytest.importorskip("rasterstats")
    import geopandas as gpd
    from grid_data import X0, Y0
    from shapely.geometry import Point

    arr = classes_array((400, 400), seed=11)
    r = write_raster(tmp_path / "irr.tif", arr)
    blobs = [
        Point(X0 + 3000, Y0 - 3000).buffer(2500, 7),
        Point(X0 + 8500, Y0 - 7000).buffer(3200, 3),
    ]
    z = gpd.GeoDataFrame({"region_code": ["P", "Q"]}, geometry=blobs, crs="EPSG:32650")
    df = quiet(class_areas, r, z, year=2020, chunks=(64, 64))
    stats = rasterstats.zonal_stats(list(z.geometry), str(r), categorical=True, nodata=0)
    for code, s in zip(z.region_code, stats, strict=True):
        want = {CLCD[k]: n for k, n in s.items() if k in CLCD}
        got = dict(
            zip(
                df[df.region_code == code].land_class,
                df[df.region_code == code].pixels,
                strict=True,
            )
        )
        assert got == want


@pytest.mark.parametrize("dtype", ["uint16", "int16", "int32"])
def test_wider_integer_rasters_give_the_same_counts(data, tmp_path, dtype):
    arr = data["arr"].astype(dtype)
    r = write_raster(tmp_path / f"wide_{dtype}.tif", arr)
    df = quiet(class_areas, r, data["zones"], year=2019, chunks=(100, 130))
    ref = quiet(class_areas, data["raster"], data["zones"], year=2019)
    pd.testing.assert_frame_equal(df, ref)
    assert df.attrs["coverage"]["unmapped"] == ref.attrs["coverage"]["unmapped"]
    assert df.attrs["coverage"]["nodata_pixels"] == ref.attrs["coverage"]["nodata_pixels"]


def test_cnlucc_codes_and_hundreds_of_zones(tmp_path):
    # CNLUCC second-level codes in an int16 raster, 300 zones (uint16 zone ids)
    rng = np.random.default_rng(4)
    codes = np.array(
        [11, 12, 21, 22, 23, 24, 31, 32, 33, 41, 42, 43, 46, 51, 52, 53, 61, 64, 65, 99]
    )
    arr = rng.choice(codes, size=(300, 400)).astype("int16")
    r = write_raster(tmp_path / "cnlucc_2015.tif", arr, nodata=-1)
    rects = {
        f"{z:03d}": (20 * (z // 20), 20 * (z // 20) + 20, 20 * (z % 20), 20 * (z % 20) + 20)
        for z in range(300)
    }
    df = quiet(class_areas, r, rect_zones(rects), classes="cnlucc", chunks=(128, 160))
    table = quiet(geep.coefficients.load, "landclass-cnlucc")
    cls_of = dict(
        zip(table.frame["source_code"].astype(int), table.frame["geep_class"], strict=True)
    )
    for z in ("000", "137", "299"):
        r0, r1, c0, c1 = rects[z]
        sub = arr[r0:r1, c0:c1]
        want: dict[str, int] = {}
        for c in codes[codes != 99]:
            n = int((sub == c).sum())
            if n:
                want[cls_of[int(c)]] = want.get(cls_of[int(c)], 0) + n
        got = df[df.region_code == z].set_index("land_class")["pixels"].to_dict()
        assert got == want
    cov = df.attrs["coverage"]
    assert set(cov["unmapped"]) == {99}  # sea: not in the CNLUCC crosswalk
    assert cov["unmapped"][99] == int((arr == 99).sum())
    assert df["region_code"].nunique() == 300 and cov["crosswalk"] == "landclass-cnlucc@2015"


def test_esv_map_and_an_address_on_the_cluster(data, cluster, tmp_path):
    import rasterio

    from geep.grid import esv_map

    a = quiet(esv_map, data["raster"], tmp_path / "threads.tif", chunks=512)
    b = quiet(esv_map, data["raster"], tmp_path / "cluster.tif", chunks=512, scheduler=cluster)
    with rasterio.open(a) as da_, rasterio.open(b) as db_:
        np.testing.assert_array_equal(da_.read(1), db_.read(1))
    ref = quiet(class_areas, data["raster"], data["zones"])
    addr = quiet(class_areas, data["raster"], data["zones"], scheduler=cluster.scheduler.address)
    pd.testing.assert_frame_equal(addr, ref)
