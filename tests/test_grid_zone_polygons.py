"""geep.grid.read_zone_polygons: a zone layer validated for maps, without a raster."""

from __future__ import annotations

import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")

from geep.grid import ZoneError, ZoneFieldError, read_zone_polygons  # noqa: E402


def _frame(codes, crs="EPSG:4326"):
    geoms = [shapely.box(i, 0, i + 1, 1) for i in range(len(codes))]
    return gpd.GeoDataFrame({"code": codes}, geometry=geoms, crs=crs)


def test_codes_as_text_in_file_order(tmp_path):
    path = tmp_path / "z.gpkg"
    _frame([140105, 140106]).to_file(path, driver="GPKG")
    z = read_zone_polygons(path, zone_field="code")
    assert z.codes == ("140105", "140106")
    assert z.frame["region_code"].tolist() == ["140105", "140106"]
    assert len(z.sha256) == 64 and z.label == str(path)


def test_refusals_name_the_problem():
    with pytest.raises(ZoneError, match="CRS"):
        read_zone_polygons(_frame(["a"], crs=None), zone_field="code")
    with pytest.raises(ZoneFieldError, match="region_code"):
        read_zone_polygons(_frame(["a"]))
    with pytest.raises(ZoneError) as e:
        read_zone_polygons(_frame(["a", "a"]), zone_field="code")
    assert e.value.extra["zones"] == ["a"]
