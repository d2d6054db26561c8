"""Per-run class maps: parsing, validation, composites, provenance on every line."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
from geep import coefficients
from geep.errors import GeepError
from geep.methods.classmap import (
    ClassMapError,
    apply_class_map,
    composite_key,
    mapped_factors,
    parse_class_map,
)
from geep.methods.classmap_io import read_class_map
from geep.vocab import BIOMES, LAND_CLASSES

XIE2015 = coefficients.load("xie2015-factors@2015")


def _factor(cls: str, service: str) -> float:
    return XIE2015.value((cls, service), "factor")


def lc(classes: list[str], areas: list[float] | None = None, region: str = "r") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": region,
            "year": 2020,
            "land_class": classes,
            "area": areas or [100.0] * len(classes),
            "unit": "ha",
        }
    )


# --- parsing and validation ------------------------------------------------------------------
def test_dict_single_and_composite_targets():
    cm = parse_class_map(
        {"草地": "grassland.steppe", "耕地": {"farmland.paddy": 0.8, "farmland.dryland": 0.2}},
        vocabulary=LAND_CLASSES,
    )
    assert cm.inputs == ["草地", "耕地"]
    assert cm.key("草地") == "grassland.steppe"
    assert cm.key("耕地") == "farmland.paddy*0.8+farmland.dryland*0.2"
    assert cm.record()["map"]["耕地"] == {"farmland.paddy": 0.8, "farmland.dryland": 0.2}


def test_weights_must_sum_to_one_and_the_error_names_class_and_sum():
    with pytest.raises(ClassMapError) as info:
        parse_class_map(
            {"草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.4}}, vocabulary=LAND_CLASSES
        )
    err = info.value
    assert "'草地'" in str(err) and "sum to 0.9" in str(err)
    assert "grassland.steppe 0.5 + grassland.meadow 0.4" in str(err)
    assert isinstance(err, GeepError) and isinstance(err, ValueError)
    assert err.table == "class_map['草地']"


def test_unknown_geep_class_has_a_did_you_mean():
    with pytest.raises(
        ClassMapError,
        match=r"unknown geep class 'grassland\.stepe'.*"
        r"did you mean 'grassland\.steppe'",
    ):
        parse_class_map({"草地": "grassland.stepe"}, vocabulary=LAND_CLASSES)


@pytest.mark.parametrize("weight", [0.0, -0.2, 1.5, "x", float("nan"), True])
def test_bad_weights_are_refused(weight):
    frame = pd.DataFrame(
        {
            "input_class": ["草地", "草地"],
            "geep_class": ["grassland.steppe", "grassland.meadow"],
            "weight": [weight, 0.5],
        }
    )
    with pytest.raises(ClassMapError, match="weight"):
        parse_class_map(frame, vocabulary=LAND_CLASSES)


def test_duplicate_component_and_blank_cells_are_refused():
    dup = pd.DataFrame(
        {
            "input_class": ["草地", "草地"],
            "geep_class": ["grassland.steppe"] * 2,
            "weight": [0.5, 0.5],
        }
    )
    with pytest.raises(ClassMapError, match="twice"):
        parse_class_map(dup, vocabulary=LAND_CLASSES)
    blank = pd.DataFrame({"input_class": [""], "geep_class": ["water"]})
    with pytest.raises(ClassMapError, match="empty input class"):
        parse_class_map(blank, vocabulary=LAND_CLASSES)
    with pytest.raises(ClassMapError, match="must be a dict"):
        parse_class_map(["草地"], vocabulary=LAND_CLASSES)  # type: ignore[arg-type]


def test_csv_file_with_chinese_headers_codes_and_line_numbers(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text(
        "输入地类,geep地类,权重\n0101,farmland.paddy,\n04,grassland.steppe,0.5\n"
        "04,grassland.meadow,0.5\n",
        encoding="gbk",
    )
    cm = read_class_map(path, vocabulary=LAND_CLASSES)
    assert cm.inputs == ["0101", "04"]  # leading zeros kept
    assert cm.key("04") == "grassland.steppe*0.5+grassland.meadow*0.5"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "input_class,geep_class,weight\n04,grassland.steppe,0.5\n04,grassland.medow,0.5\n",
        encoding="utf-8",
    )
    with pytest.raises(ClassMapError) as info:
        read_class_map(bad, vocabulary=LAND_CLASSES)
    assert info.value.file == "bad.csv" and info.value.row == 3
    assert str(info.value).startswith("bad.csv row 3: ")


def test_missing_columns_and_missing_weight_in_a_composite():
    with pytest.raises(ClassMapError, match="lacks column"):
        parse_class_map(pd.DataFrame({"input_class": ["a"]}), vocabulary=LAND_CLASSES)
    frame = pd.DataFrame(
        {"input_class": ["草地", "草地"], "geep_class": ["grassland.steppe", "grassland.meadow"]}
    )
    with pytest.raises(ClassMapError, match="2 components but no weight"):
        parse_class_map(frame, vocabulary=LAND_CLASSES)


def test_composite_key_of_one_full_component_is_the_class():
    assert composite_key([("water", 1.0)]) == "water"
    assert composite_key([("water", 0.5), ("wetland", 0.5)]) == "water*0.5+wetland*0.5"


# --- composites -------------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(w=st.floats(min_value=0.01, max_value=0.99))
def test_composite_factor_is_the_weighted_sum_for_every_service(w):
    cm = parse_class_map(
        {"耕地": {"farmland.paddy": w, "farmland.dryland": 1 - w}}, vocabulary=LAND_CLASSES
    )
    f = XIE2015.frame[["ecosystem_type", "service", "service_group", "factor"]]
    out, _rows, labels = mapped_factors(f, cm, {}, XIE2015.ref)
    comp = out[out["ecosystem_type"] == "class_map:耕地"].set_index("service")["factor"]
    assert len(comp) == 11
    for s, v in comp.items():
        assert v == pytest.approx(
            w * _factor("farmland.paddy", s) + (1 - w) * _factor("farmland.dryland", s), abs=1e-12
        )
    assert labels["class_map:耕地"] == cm.key("耕地")


def test_composite_with_an_unvalued_component_is_an_error():
    cm = parse_class_map(
        {"城乡": {"built_up": 0.5, "grassland.steppe": 0.5}}, vocabulary=LAND_CLASSES
    )
    with pytest.raises(ClassMapError, match="'built_up' has no factors"):
        geep.esv(lc(["城乡"]), class_map=cm)


def test_apply_keeps_the_original_label_and_separates_mapped_from_native():
    cm = parse_class_map({"园地": "wetland"}, vocabulary=LAND_CLASSES)
    frame = pd.DataFrame({"land_class": ["园地", "wetland", "water"], "area": [1.0, 2.0, 3.0]})
    out = apply_class_map(frame, cm)
    assert list(out["input_class"]) == ["园地", "wetland", "water"]
    assert list(out["land_class"]) == ["class_map:园地", "wetland", "water"]
    assert list(frame["land_class"]) == ["园地", "wetland", "water"]  # input not modified


# --- wiring into geep.esv ---------------------------------------------------------------------
def test_esv_class_map_overrides_the_crosswalk_and_is_recorded_on_every_line():
    base = geep.esv(lc(["草地"]))  # crosswalk default: shrub_grass
    mapped = geep.esv(lc(["草地"]), class_map={"草地": "grassland.steppe"})
    steppe = sum(_factor("grassland.steppe", s) for s in set(XIE2015.frame["service"]))
    assert mapped.total() == pytest.approx(100 * steppe * 3406.5, rel=1e-12)
    assert base.total() != pytest.approx(mapped.total(), rel=0.1)
    lines = mapped.lines
    assert set(lines["ecosystem_type"]) == {"grassland.steppe"}
    assert set(lines["input_class"]) == {"草地"}
    assert lines["coefficient"].str.contains(r"class_map\[草地→grassland.steppe\]").all()
    assert lines["coefficient"].str.startswith("xie2015-factors@2015#grassland.steppe/").all()
    assert mapped.meta["class_map"] == {
        "source": "dict",
        "map": {"草地": {"grassland.steppe": 1.0}},
    }


def test_esv_composite_reference_names_the_composite():
    cm = {"草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5}}
    ledger = geep.esv(lc(["草地"], [10.0]), class_map=cm)
    row = ledger.lines.set_index("service").loc["climate_regulation"]
    assert row["coefficient"].startswith(
        "xie2015-factors@2015#grassland.steppe*0.5+grassland.meadow*0.5/climate_regulation;"
    )
    expected = 0.5 * (1.34 + 3.02) * 3406.5  # steppe 1.34, meadow 3.02 (Xie 2015 CR)
    assert row["price"] == pytest.approx(expected, rel=1e-12)
    assert row["ecosystem_type"] == "grassland.steppe*0.5+grassland.meadow*0.5"
    assert ledger.check().ok


def test_mapped_and_native_class_of_one_region_stay_separate_lines():
    ledger = geep.esv(lc(["园地", "wetland"], [10.0, 20.0]), class_map={"园地": "wetland"})
    lines = ledger.lines[ledger.lines["service"] == "hydrological_regulation"]
    assert sorted(lines["quantity"]) == [10.0, 20.0]
    assert set(lines["ecosystem_type"]) == {"wetland"}
    assert sorted(lines["input_class"]) == ["wetland", "园地"]


def test_unused_map_entries_are_reported_and_unvalued_targets_warned():
    ledger = geep.esv(lc(["林地", "建设"]), class_map={"建设": "built_up", "水体": "water"})
    assert any("'水体'" in w and "matches no land-cover class" in w for w in ledger.warnings)
    assert any(w.startswith("建设 (class map -> built_up): 100.00 ha") for w in ledger.warnings)


def test_class_map_codes_have_priority_over_national_codes():
    # "1" is CNLUCC 耕地 for the crosswalk; a raster legend may mean water by it
    ledger = geep.esv(lc(["1"], [5.0]), class_map={"1": "water"})
    assert set(ledger.lines["ecosystem_type"]) == {"water"}


def test_class_map_from_a_csv_path(tmp_path):
    path = tmp_path / "class_map.csv"
    path.write_text("input_class,geep_class\n园地,wetland\n", encoding="utf-8")
    ledger = geep.esv(lc(["园地"]), class_map=str(path))
    assert ledger.meta["class_map"]["source"] == "class_map.csv"


def test_same_inputs_same_bytes_with_a_class_map():
    cm = {"耕地": {"farmland.paddy": 0.8, "farmland.dryland": 0.2}, "林地": "forest.shrub"}
    a = geep.esv(lc(["耕地", "林地", "water"]), class_map=cm).csv_bytes()
    b = geep.esv(lc(["耕地", "林地", "water"]), class_map=cm).csv_bytes()
    assert a == b


# --- wiring into geep.benefit_transfer --------------------------------------------------------
def test_benefit_transfer_composite_of_biomes_and_geep_classes():
    cm = {
        "林地": {"temperate_boreal_forest": 0.7, "tropical_forest": 0.3},
        "草地": "grassland.steppe",
    }
    ledger = geep.benefit_transfer(lc(["林地", "草地"], [10.0, 20.0]), class_map=cm)
    lines = ledger.lines.set_index("input_class")
    uv = coefficients.load("costanza-unit-values@2014")
    t, tr = (
        uv.value("temperate_boreal_forest", "unit_value"),
        uv.value("tropical_forest", "unit_value"),
    )
    assert lines.loc["林地", "value"] == pytest.approx(10 * (0.7 * t + 0.3 * tr), rel=1e-12)
    assert lines.loc["林地", "coefficient"].startswith(
        "costanza-unit-values@2014#temperate_boreal_forest*0.7+tropical_forest*0.3;class_map[林地→"
    )
    assert "landclass-costanza@2014#grassland.steppe" in lines.loc["草地", "coefficient"]
    assert ledger.meta["class_map"]["map"]["草地"] == {"grassland.steppe": 1.0}


def test_benefit_transfer_composite_with_a_biome_without_value_is_an_error():
    cm = {"荒": {"desert": 0.5, "grass_rangelands": 0.5}}
    with pytest.raises(ClassMapError, match="no unit value"):
        geep.benefit_transfer(lc(["荒"]), class_map=cm)
    assert "urban" in BIOMES
