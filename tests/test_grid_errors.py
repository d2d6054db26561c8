"""Bad input to geep.grid: each case gives a clear error that names the file and what to do
(or, for nodata and unknown codes, a counted warning) — never a GDAL traceback."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pytest

pytest.importorskip("rasterio")
pytest.importorskip("geopandas")

from grid_data import RECTS, classes_array, rect_zones, write_raster

from geep.errors import GeepError
from geep.grid import (
    GridError,
    GridMismatchError,
    GridWarning,
    RasterReadError,
    ZoneError,
    ZoneFieldError,
    class_areas,
    esv_map,
    transitions,
)
from geep.messages import language_scope
from geep.vocab import LAND_CLASSES as CLASSES


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    arr = classes_array()
    return {
        "dir": d,
        "arr": arr,
        "raster": write_raster(d / "lc_2020.tif", arr),
        "zones": rect_zones(),
    }


def run(*a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)
        return class_areas(*a, **k)


def test_raster_without_crs(data):
    r = write_raster(data["dir"] / "nocrs.tif", data["arr"], crs=None)
    with pytest.raises(GridError) as e:
        run(r, data["zones"], year=2020)
    assert (
        e.value.file == str(r) and "CRS" in str(e.value) and "gdal_edit.py -a_srs" in str(e.value)
    )


def test_zones_without_crs(data):
    z = rect_zones().set_crs(None, allow_override=True)
    with pytest.raises(ZoneError, match="coordinate reference system") as e:
        run(data["raster"], z)
    assert "set_crs" in str(e.value)


def test_zones_in_another_crs_are_reprojected_not_the_raster(data):
    z = rect_zones().to_crs("EPSG:4326")
    df = run(data["raster"], z)
    ref = run(data["raster"], rect_zones())
    # reprojected edges move by < 1e-6 m: the same pixel centres, the same counts
    assert df["pixels"].tolist() == ref["pixels"].tolist()


def test_overlapping_zones_are_an_error_unless_first(data):
    rects = {"A": (0, 100, 0, 100), "B": (50, 150, 50, 150)}
    z = rect_zones(rects)
    with pytest.raises(ZoneError) as e:
        run(data["raster"], z)
    assert "A & B: 2500 px" in str(e.value) and "overlap='first'" in str(e.value)
    df = run(data["raster"], z, overlap="first")
    arr = data["arr"]
    a = arr[0:100, 0:100]
    b = arr[50:150, 50:150].copy()
    b[:50, :50] = 0  # the shared block belongs to A, the first zone
    for code, sub in (("A", a), ("B", b)):
        got = df[df.region_code == code]["pixels"].sum()
        assert got == int(np.isin(sub, range(1, 10)).sum())
    union = np.zeros(arr.shape, bool)
    union[0:100, 0:100] = union[50:150, 50:150] = True
    assert df.attrs["coverage"]["valid_pixels"] == int(np.isin(arr[union], range(1, 10)).sum())


def test_zones_that_do_not_intersect_the_raster(data):
    z = rect_zones({"far": (5000, 5100, 5000, 5100)})
    with pytest.raises(ZoneError, match="no zone intersects the raster") as e:
        run(data["raster"], z)
    assert "CRS" in e.value.hint


def test_nodata_not_declared(data):
    r = write_raster(data["dir"] / "nonodata.tif", data["arr"], nodata=None)
    with pytest.raises(GridError, match="no nodata value is declared") as e:
        run(r, data["zones"], year=2020)
    assert "nodata=0" in str(e.value) and e.value.file == str(r)
    # stated explicitly, it is used; stated differently from the file, it is an error
    df = run(r, data["zones"], year=2020, nodata=0)
    assert df.attrs["coverage"]["nodata_pixels"] == int((data["arr"] == 0).sum())
    with pytest.raises(GridError, match="declares nodata = 0 but 255"):
        run(data["raster"], data["zones"], nodata=255)


def test_float_raster_as_categories(data):
    r = write_raster(data["dir"] / "float.tif", data["arr"].astype("float32"), nodata=0)
    with pytest.raises(GridError, match="float32 values") as e:
        run(r, data["zones"], year=2020)
    assert "gdal_translate -ot Byte" in str(e.value)


def test_unknown_codes_are_reported_with_pixel_counts(data):
    with pytest.warns(GridWarning, match=r"42: 17 px, 200: 3 px"):
        df = class_areas(data["raster"], data["zones"])
    # code 42: 7 pixels at row 5 (zone 140105) + 10 at row 440 (zone 140107); 200: 3 (140106)
    assert df.attrs["coverage"]["unmapped"] == {42: 17, 200: 3}
    assert not set(df["land_class"]) - set(CLASSES)  # nothing unknown is valued


def test_truncated_and_corrupt_tiff(data, tmp_path):
    big = classes_array((1200, 1200), seed=5)
    r = write_raster(tmp_path / "lc_2020.tif", big, tiled=True, blockxsize=256, blockysize=256)
    raw = r.read_bytes()
    cut = tmp_path / "cut_2020.tif"
    cut.write_bytes(raw[: len(raw) // 2])
    z = rect_zones({"all": (0, 1200, 0, 1200)})
    with pytest.raises(RasterReadError) as e:
        run(cut, z, chunks=256)
    msg = str(e.value)
    assert str(cut) in msg and "gdalinfo -checksum" in msg and "Traceback" not in msg
    junk = tmp_path / "junk_2020.tif"
    junk.write_bytes(b"II*\x00" + b"\x17" * 5000)
    with pytest.raises(RasterReadError, match="cannot be opened as a raster"):
        run(junk, z)
    with pytest.raises(RasterReadError, match="file not found"):
        run(tmp_path / "missing_2020.tif", z)
    # errors cross process boundaries intact (Dask workers)
    again = pickle.loads(pickle.dumps(e.value))
    assert str(again) == msg and again.file == str(cut)


def test_transitions_refuse_different_grids(data):
    from grid_data import RES, X0, Y0
    from rasterio.transform import from_origin

    shifted = write_raster(
        data["dir"] / "lc_2021.tif", data["arr"], transform=from_origin(X0 + 15, Y0, RES, RES)
    )
    with pytest.raises(GridMismatchError) as e:
        transitions(data["raster"], shifted, data["zones"])
    assert "align='nearest'" in str(e.value) and "origin (500015" in str(e.value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = transitions(data["raster"], shifted, data["zones"], align="nearest")
    assert t.attrs["coverage"]["aligned"] == "nearest"
    assert t["pixels"].sum() == t.attrs["coverage"]["valid_pixels"]


def test_zone_field_missing_or_duplicate(data):
    z = rect_zones().rename(columns={"region_code": "code"})
    with pytest.raises(ZoneFieldError) as e:
        run(data["raster"], z)
    assert isinstance(e.value, KeyError) and isinstance(e.value, GeepError)
    assert "'region_code'" in str(e.value) and "code" in str(e.value)
    assert run(data["raster"], z, zone_field="code")["region_code"].nunique() == 3
    dup = rect_zones()
    dup.loc[1, "region_code"] = dup.loc[0, "region_code"]
    with pytest.raises(ZoneError, match=r"140105 \(features 1, 2\)") as e:
        run(data["raster"], dup)
    assert "dissolve" in str(e.value)
    blank = rect_zones()
    blank.loc[2, "region_code"] = None
    with pytest.raises(ZoneError, match="have no region_code"):
        run(data["raster"], blank)


def test_invalid_geometry_is_an_error(data):
    from shapely.geometry import Polygon

    z = rect_zones()
    z.loc[0, "geometry"] = Polygon(
        [(500000, 4000000), (503000, 3997000), (503000, 4000000), (500000, 3997000)]
    )
    with pytest.raises(ZoneError, match="invalid geometries") as e:
        run(data["raster"], z)
    assert "make_valid" in str(e.value)


def test_bad_options(data):
    with pytest.raises(GridError, match="method must be"):
        run(data["raster"], data["zones"], method="majority")
    with pytest.raises(GridError, match="unknown scheduler"):
        run(data["raster"], data["zones"], scheduler="gpu")
    with pytest.raises(GridError, match="chunks must be"):
        run(data["raster"], data["zones"], chunks=0)
    with pytest.raises(GridError, match=r"not a geep land class; did you mean 'farmland\.paddy'"):
        run(data["raster"], data["zones"], class_map={1: "farmland.padi"})
    with pytest.raises(GridError, match="no crosswalk 'clcd2'"):
        run(data["raster"], data["zones"], classes="clcd2")
    with pytest.raises(GridError, match="year of"):
        run(write_raster(data["dir"] / "noyear.tif", data["arr"]), data["zones"])
    with pytest.raises(GridError, match="nodata value 0 is also a class code"):
        run(data["raster"], data["zones"], class_map={0: "water"})
    with pytest.raises(GridError, match=r"must end in \.tif"):
        esv_map(data["raster"], data["dir"] / "map.png")


def test_messages_render_in_chinese(data):
    z = rect_zones().rename(columns={"region_code": "code"})
    with pytest.raises(ZoneFieldError) as e:
        run(data["raster"], z)
    with language_scope("zh"):
        assert "没有字段 'region_code'" in str(e.value) and "zone_field" in str(e.value)
    assert set(RECTS) >= set(run(data["raster"], rect_zones())["region_code"])


def test_import_geep_does_not_load_the_grid_stack():
    import subprocess
    import sys

    code = (
        "import sys, geep; heavy = [m for m in ('rasterio', 'geopandas', 'xarray', 'rioxarray', "
        "'distributed', 'geep.grid', 'geep.grid.areas') if m in sys.modules]; "
        "g = geep.grid; print(heavy, 'rasterio' in sys.modules, g.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] False geep.grid"
