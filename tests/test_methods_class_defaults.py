"""Defaults that change results are stated: crosswalk choices, usual names, close names."""

from __future__ import annotations

import pandas as pd
import pytest

import geep
from geep import coefficients
from geep.inputs import InputValidationError
from geep.inputs.class_defaults import (
    class_totals,
    default_choice_warnings,
    suggest_classes,
)
from geep.inputs.normalise import _resolve_land_class, land_class_crosswalk
from geep.methods.esv import _factors_by_class

XIE2015 = coefficients.load("xie2015-factors@2015")


def _sum(cls: str) -> float:
    f = XIE2015.frame
    return float(f.loc[f["ecosystem_type"] == cls, "factor"].sum())


def lc(classes: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"region_code": "r", "year": 2020, "land_class": classes, "area": 1.0, "unit": "ha"}
    )


# --- the warning with factor totals ------------------------------------------------------------
def test_grassland_choice_names_the_row_and_the_alternatives_with_values_per_ha():
    factors = _factors_by_class(XIE2015)
    totals = class_totals(factors, d=3406.5)
    choices = pd.DataFrame(
        {
            "input_class": ["草地"],
            "geep_class": ["grassland.shrub_grass"],
            "ref": ["landclass-gbt21010@2017#04"],
            "alternatives": ["grassland.steppe;grassland.meadow"],
        }
    )
    (w,) = default_choice_warnings(choices, totals, d=3406.5)
    assert "'草地' was read as grassland.shrub_grass by landclass-gbt21010@2017#04" in w
    # Σ factors × D per ha: shrub-grass 19.69, steppe 5.07, meadow 11.43 equivalents
    assert f"{19.69 * 3406.5:,.0f} CNY/ha" in w
    assert f"grassland.steppe {5.07 * 3406.5:,.0f}" in w
    assert f"grassland.meadow {11.43 * 3406.5:,.0f}" in w
    assert "class_map=" in w
    # the published row sums behind the numbers
    assert _sum("grassland.shrub_grass") == pytest.approx(19.69, abs=0.011)
    assert _sum("grassland.steppe") == pytest.approx(5.07, abs=0.011)


def test_no_warning_where_the_alternatives_share_the_chosen_row():
    # Xie 2003 has one grassland row for all three geep grassland classes
    factors = _factors_by_class(coefficients.load("xie2003-factors@2003"))
    choices = pd.DataFrame(
        {
            "input_class": ["草地", "林地"],
            "geep_class": ["grassland.shrub_grass", "forest.mixed"],
            "ref": ["landclass-gbt21010@2017#04", "landclass-gbt21010@2017#03"],
            "alternatives": ["grassland.steppe;grassland.meadow", "forest.shrub"],
        }
    )
    assert default_choice_warnings(choices, class_totals(factors, d=1000.0), d=1000.0) == []


def test_choice_without_d_reports_equivalents():
    factors = _factors_by_class(XIE2015)
    choices = pd.DataFrame(
        {
            "input_class": ["耕地"],
            "geep_class": ["farmland.dryland"],
            "ref": ["landclass-gbt21010@2017#01"],
            "alternatives": ["farmland.paddy"],
        }
    )
    (w,) = default_choice_warnings(choices, class_totals(factors), d=None)
    assert "Σ factors 4.01" in w and "farmland.paddy 3.89" in w


def test_the_ledger_carries_the_default_choice_warning():
    ledger = geep.esv(lc(["草地"]))
    assert any("'草地' was read as grassland.shrub_grass" in w for w in ledger.warnings)


# --- usual names resolve; close names are suggested ------------------------------------------
@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("未利用地", "desert"),
        ("未利用土地", "desert"),
        ("耕地", "farmland.dryland"),
        ("林地", "forest.mixed"),
        ("草地", "grassland.shrub_grass"),
        ("水域", "water"),
        ("水体", "water"),
        ("建设用地", "built_up"),
        ("建設用地", "built_up"),
        ("園地", "forest.shrub"),
        ("濕地", "wetland"),
        ("水域及水利設施用地", "water"),
        ("其他土地", "desert"),
    ],
)
def test_usual_first_level_names_and_traditional_forms_resolve(label, expected):
    canon, _note, err, _ = _resolve_land_class(label)
    assert err is None and canon == expected


def test_a_default_choice_is_noted_with_its_alternatives():
    _, note, _, _ = _resolve_land_class("草地")
    assert "landclass-gbt21010@2017#04" in note
    assert "alternatives: grassland.steppe, grassland.meadow" in note
    _, note, _, _ = _resolve_land_class("0101")  # 水田: a direct match, no choice
    assert "alternatives" not in note


def test_unknown_class_suggests_related_names_only():
    names = {k: t for k, (t, _) in land_class_crosswalk().items()}
    s = suggest_classes("未利用", names)
    assert "'未利用地' (desert)" in s and "建设用地" not in s
    assert "'其他林地' (forest.shrub)" in suggest_classes("其它林地", names)
    assert "'1201' (built_up)" in suggest_classes("1201x", names)
    assert suggest_classes("森", {"建设用地": "built_up"}) == ""
    assert "farmland.dryland" in suggest_classes("farmland", {"farmland.dryland": None})


def test_unknown_class_error_in_an_esv_run_names_the_closest_name():
    with pytest.raises(InputValidationError) as info:
        geep.esv(lc(["未利用"]))
    text = str(info.value)
    assert "unknown land class '未利用'" in text and "'未利用地' (desert)" in text
    assert "建设用地" not in text
