"""Units: the spellings users type (DESIGN §4), headers, compounds, money and carbon."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geep.errors import DimensionalityMismatchError, GeepError, UnitError
from geep.units import (
    Q_,
    check_dimension,
    currency_of,
    dimension_of,
    factor,
    is_money,
    parse_unit,
    split_header,
    ureg,
)

AREA = ureg.parse_units("m**2").dimensionality
VOLUME = ureg.parse_units("m**3").dimensionality
MASS = ureg.parse_units("kg").dimensionality
ENERGY = ureg.parse_units("J").dimensionality
LENGTH = ureg.parse_units("m").dimensionality
CNY = ureg.parse_units("CNY").dimensionality

# (spelling, dimension, reference unit, magnitude of 1 <spelling> in the reference unit).
# 1 亩 = 10000/15 m² (China's statutory 市亩); 1 公顷 = 1 hm² = 1 ha = 10^4 m²; 万 = 10^4; 亿 = 10^8.
DESIGN_SPELLINGS = [
    ("ha", AREA, "m**2", 1e4),
    ("hm2", AREA, "m**2", 1e4),
    ("hm²", AREA, "m**2", 1e4),
    ("km2", AREA, "m**2", 1e6),
    ("km²", AREA, "m**2", 1e6),
    ("mu", AREA, "m**2", 10000 / 15),
    ("亩", AREA, "m**2", 10000 / 15),
    ("公顷", AREA, "m**2", 1e4),
    ("平方公里", AREA, "m**2", 1e6),
    ("m3", VOLUME, "m**3", 1.0),
    ("万m3", VOLUME, "m**3", 1e4),
    ("亿m3", VOLUME, "m**3", 1e8),
    ("t", MASS, "kg", 1e3),
    ("万t", MASS, "kg", 1e7),
    ("kWh", ENERGY, "J", 3.6e6),
    ("亿kWh", ENERGY, "J", 3.6e14),
    ("元", CNY, "CNY", 1.0),
    ("万元", CNY, "CNY", 1e4),
    ("亿元", CNY, "CNY", 1e8),
    ("mm", LENGTH, "m", 1e-3),
    ("毫米", LENGTH, "m", 1e-3),
]


@pytest.mark.parametrize(("text", "dim", "ref", "magnitude"), DESIGN_SPELLINGS)
def test_design_spellings_parse_to_dimension_and_magnitude(text, dim, ref, magnitude):
    unit = parse_unit(text)
    assert unit.dimensionality == dim
    assert Q_(1.0, unit).to(ref).magnitude == pytest.approx(magnitude, rel=1e-12)
    assert factor(text, ref) == pytest.approx(magnitude, rel=1e-12)


def test_every_design_spelling_is_covered():
    design = (
        "ha hm2 hm² km2 km² mu 亩 公顷 平方公里 m3 万m3 亿m3 t 万t kWh 亿kWh 元 万元 亿元 mm 毫米"
    )
    assert {s for s, *_ in DESIGN_SPELLINGS} == set(design.split())


def test_dimension_names():
    assert dimension_of("亩") == "[length] ** 2"
    assert dimension_of("万元") == "[currency]"
    assert dimension_of("亿m3") == "[length] ** 3"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("面积（公顷）", ("面积", "公顷")),  # fullwidth parentheses
        ("面积(亩)", ("面积", "亩")),
        ("area (ha)", ("area", "ha")),
        ("area [km2]", ("area", "km2")),
        ("水量（万m3）", ("水量", "万m3")),
        ("单价（万元/(hm2·a)）", ("单价", "万元/(hm2·a)")),  # unit with its own parentheses
        ("price (CNY/(ha*a))", ("price", "CNY/(ha*a)")),
        ("area", ("area", None)),
        ("面积", ("面积", None)),
        ("area ()", ("area ()", None)),
        ("area (ha", ("area (ha", None)),
    ],
)
def test_split_header(header, expected):
    assert split_header(header) == expected


def test_header_units_parse():
    name, unit = split_header("面积（公顷）")
    assert name == "面积"
    assert factor(unit, "亩") == pytest.approx(15.0, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "ref", "magnitude"),
    [
        ("元/m3", "CNY/m**3", 1.0),
        ("元/m³", "CNY/m**3", 1.0),
        ("万元/(hm2·a)", "CNY/ha/a", 1e4),
        ("元/(hm2·a)", "CNY/ha/a", 1.0),
        ("元·hm⁻²", "CNY/ha", 1.0),  # Xie2015 writes D as 3406.50 元·hm⁻²
        ("元/公顷", "CNY/ha", 1.0),
        ("万元/亩", "CNY/ha", 1e4 * 15),
        ("元/t", "CNY/kg", 1e-3),
        ("元/kWh", "CNY/kWh", 1.0),
        ("亿元/亿m3", "CNY/m**3", 1.0),
        ("元/万m3", "CNY/m**3", 1e-4),  # the multiplier binds to its unit: per 10^4 m³
        ("万元/万t", "CNY/t", 1.0),
        ("t/万元", "t/CNY", 1e-4),
        ("万m3/a", "m**3/a", 1e4),
        ("mg/L", "g/m**3", 1.0),
    ],
)
def test_compound_units(text, ref, magnitude):
    assert factor(text, ref) == pytest.approx(magnitude, rel=1e-12)


def test_mu_ha_km2_exact_ratios():
    assert factor("ha", "亩") == pytest.approx(15.0, rel=1e-15)
    assert factor("亩", "ha") == pytest.approx(1 / 15, rel=1e-15)
    assert factor("km²", "ha") == pytest.approx(100.0, rel=1e-15)
    assert factor("平方公里", "亩") == pytest.approx(1500.0, rel=1e-15)


_magnitudes = st.floats(min_value=1e-6, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(_magnitudes)
def test_mu_ha_km2_round_trip(x):
    via_ha = x * factor("亩", "ha")
    via_km2 = via_ha * factor("ha", "km²")
    back = via_km2 * factor("km2", "mu")
    assert abs(back - x) <= 1e-12 * x
    # the same through pint quantities
    q = Q_(x, parse_unit("亩")).to("ha").to("km**2").to(parse_unit("亩"))
    assert abs(q.magnitude - x) <= 1e-12 * x


@given(_magnitudes)
def test_ha_mu_round_trip(x):
    assert abs(x * factor("公顷", "亩") * factor("亩", "公顷") - x) <= 1e-12 * x
    assert x * factor("ha", "mu") == pytest.approx(15 * x, rel=1e-12)


@pytest.mark.parametrize(
    ("a", "b"), [("CNY", "USD"), ("USD", "CNY"), ("万元", "USD"), ("元/ha", "USD/ha")]
)
def test_currencies_never_convert(a, b):
    with pytest.raises(DimensionalityMismatchError) as info:
        factor(a, b)
    text = str(info.value)
    assert "[currency]" in text and "[currency_usd]" in text  # both dimensions named
    assert isinstance(info.value, ValueError)


def test_money_helpers():
    assert is_money("亿元") and is_money("USD")
    assert not is_money("元/m3")
    assert currency_of("万元/(hm2·a)") == "CNY"
    assert currency_of("USD/ha/a") == "USD"
    assert currency_of("t") is None


def test_carbon_co2_is_exactly_44_over_12():
    assert factor("t_C", "t_CO2") == 44 / 12
    assert factor("t_CO2", "t_C") == 12 / 44
    # a price per t CO2 is 44/12 times larger per t C
    assert factor("CNY/t_CO2", "CNY/t_C") == 44 / 12


@given(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
def test_carbon_round_trip(x):
    back = x * factor("t_C", "t_CO2") * factor("t_CO2", "t_C")
    assert abs(back - x) <= 1e-12 * x


def test_carbon_is_not_plain_mass():
    with pytest.raises(DimensionalityMismatchError):
        factor("t_C", "t")


def test_wrong_dimension_names_both_dimensions():
    with pytest.raises(DimensionalityMismatchError) as info:
        check_dimension("万m3", "ha", what="area")
    text = str(info.value)
    assert "'万m3'" in text
    assert "volume" in text and "area" in text


@pytest.mark.parametrize(
    ("typo", "suggestion"), [("hectar", "'ha'"), ("公倾", "'公顷'"), ("kwhh", "'kWh'")]
)
def test_unknown_unit_suggests(typo, suggestion):
    with pytest.raises(UnitError) as info:
        parse_unit(typo)
    err = info.value
    assert isinstance(err, GeepError) and isinstance(err, ValueError)
    assert f"unknown unit {typo!r}" in str(err)
    assert "did you mean" in str(err) and suggestion in str(err)
    assert err.hint  # how to fix it


@pytest.mark.parametrize("blank", ["", "   ", None, float("nan")])
def test_empty_unit_is_an_error(blank):
    with pytest.raises(UnitError, match="empty unit"):
        parse_unit(blank)


def test_numeric_factor_in_unit_is_refused():
    with pytest.raises(UnitError, match="万"):
        parse_unit("1000 t")
