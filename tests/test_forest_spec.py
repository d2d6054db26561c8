"""The forest spec (stand table, prices, indicators), its texts, the shipped price table and the
price boundary (units by pint, price years, sources)."""

from __future__ import annotations

import inspect

import pytest

import geep.coefficients as C
from geep.messages import MESSAGES, language_scope
from geep.methods import forest_formulas as F
from geep.methods import forest_spec as S
from geep.methods.forest_checks import ForestPriceError, MissingPriceError, check_prices
from geep.methods.forest_prices import (
    Price,
    merge_prices,
    normalise_price,
    species_classes,
    species_values,
    table_prices,
    user_prices,
)
from geep.units import check_dimension, parse_unit

#: the names fixed by issue 18
ISSUE_INDICATORS = [
    "water_regulation",
    "water_purification",
    "soil_retention",
    "soil_fertility",
    "carbon_sequestration",
    "oxygen_release",
    "nutrient_accumulation",
    "negative_ions",
    "air_purification.so2",
    "air_purification.fluoride",
    "air_purification.nox",
    "dust_retention",
    "species_conservation",
    "forest_recreation",
]
ISSUE_DRIVERS = [
    "net_productivity",
    "soil_carbon_sequestration",
    "precipitation",
    "evapotranspiration",
    "runoff",
    "erosion_without_forest",
    "erosion_with_forest",
    "soil_bulk_density",
    "soil_n",
    "soil_p",
    "soil_k",
    "soil_organic_matter",
    "tree_n",
    "tree_p",
    "tree_k",
    "anion_concentration",
    "stand_height",
    "anion_lifetime",
    "so2_absorption",
    "fluoride_absorption",
    "nox_absorption",
    "dust_retention",
    "shannon_wiener",
]
ISSUE_PRICES = [
    "reservoir_cost",
    "water_purification",
    "soil_excavation",
    "fertilizer_dap",
    "fertilizer_kcl",
    "organic_matter",
    "carbon",
    "oxygen",
    "anion",
    "so2",
    "fluoride",
    "nox",
    "dust",
    "species",
]


def test_the_issue_names_are_all_there():
    assert list(S.INDICATORS) == ISSUE_INDICATORS
    assert set(ISSUE_DRIVERS) <= set(S.DRIVERS)
    assert set(ISSUE_PRICES) <= set(S.PRICES)
    assert [k.name for k in S.KEYS] == ["region_code", "year", "stand_type", "age_class", "area"]
    assert (S.TABLE, S.TABLE_ZH) == ("forest_stands", "林分")


@pytest.mark.parametrize("name", ISSUE_INDICATORS)
def test_each_formula_takes_exactly_what_the_spec_says(name):
    spec = S.INDICATORS[name]
    params = list(inspect.signature(F.FORMULAS[name]).parameters)
    expected = (["area"] if spec.uses_area else []) + list(spec.drivers) + list(spec.prices)
    assert sorted(params) == sorted(expected)
    assert all(d in S.DRIVERS for d in spec.drivers) and all(p in S.PRICES for p in spec.prices)


def test_components_are_what_the_formulas_return():
    for name, spec in S.INDICATORS.items():
        cols = {d: 1.0 for d in spec.drivers} | {"area": 1.0}
        out = F.evaluate(name, cols, dict.fromkeys(spec.prices, 1.0))
        assert list(out) == [c.name for c in spec.components], name


def test_drivers_know_who_needs_them():
    assert S.DRIVERS["net_productivity"].indicators == (
        "carbon_sequestration", "oxygen_release", "nutrient_accumulation",
    )  # fmt: skip
    assert S.DRIVERS["shannon_wiener"].indicators == ("species_conservation",)
    assert S.PRICES["fertilizer_dap"].indicators == ("soil_fertility", "nutrient_accumulation")
    assert all(d.indicators for d in S.DRIVERS.values())
    assert all(p.indicators for p in S.PRICES.values())


def test_categories():
    cat = {n: i.category for n, i in S.INDICATORS.items()}
    assert {n for n, c in cat.items() if c == "supporting"} == {
        "nutrient_accumulation", "species_conservation",
    }  # fmt: skip
    assert cat["forest_recreation"] == "cultural"
    assert set(cat.values()) == {"regulating", "supporting", "cultural"}


def test_every_unit_parses_with_the_right_dimension():
    for d in S.DRIVERS.values():
        parse_unit(d.unit)
    for k in S.KEYS:
        if k.unit:
            check_dimension(k.unit, "ha")
    for p in S.PRICES.values():
        u = parse_unit(p.unit)
        money = "[currency]" in str(u.dimensionality)
        assert money == (p.kind == "price"), p.key
    check_dimension(S.PRICES["carbon"].unit, "CNY/t_C")
    for spec in S.INDICATORS.values():
        for c in spec.components:
            check_dimension(c.price_unit, f"CNY/({c.quantity_unit})")


def test_chinese_units_of_the_issue_parse():
    check_dimension("个/cm3", S.DRIVERS["anion_concentration"].unit)
    check_dimension("元/个", S.PRICES["anion"].unit)
    check_dimension("kg/(hm2·a)", S.DRIVERS["so2_absorption"].unit)
    check_dimension("t/(hm2·a)", S.DRIVERS["net_productivity"].unit)


def test_every_label_has_english_and_chinese_text():
    codes = [f"forest.ind.{n}" for n in S.INDICATORS]
    codes += [f"forest.svc.{i.service}" for i in S.INDICATORS.values()]
    codes += [
        f"forest.comp.{c.name}" for i in S.INDICATORS.values() for c in i.components if c.name
    ]
    codes += [f"forest.col.{c}" for c in S.COLUMNS] + [f"forest.price.{p}" for p in S.PRICES]
    codes += [f"forest.age.{a}" for a in S.AGE_CLASSES]
    for code in codes:
        en, zh = MESSAGES[code]
        assert en and zh and en != zh, code
    with language_scope("zh"):
        from geep.messages import msg

        assert msg("forest.ind.carbon_sequestration") == "固碳"


# --- the shipped price table ---------------------------------------------------------------
@pytest.fixture(scope="module")
def lyt():
    return C.load("forest-prices", edition="lyt1721-2008")


def test_shipped_table_holds_only_the_three_printed_prices(lyt):
    assert lyt.status == "provisional"
    assert lyt.frame["price"].tolist() == ["reservoir_cost", "carbon", "oxygen"]
    assert lyt.evidence_counts == {"published": 0, "derived": 0, "secondary": 3, "unverified": 0}
    got = {k: (p.value, p.unit) for k, p in table_prices(lyt).items()}
    assert got == {
        "reservoir_cost": (6.11, "CNY/m**3"),
        "carbon": (1200.0, "CNY/t_C"),
        "oxygen": (1000.0, "CNY/t"),
    }
    assert lyt.frame["printed_as"].tolist() == ["6.11元/t", "1200元/t", "1000元/t"]


def test_shipped_prices_have_an_unknown_price_year(lyt):
    assert lyt.meta.price_year is None
    assert all(lyt.price_year_of(k) is None for k in lyt.frame["price"])
    assert all(p.price_year is None for p in table_prices(lyt).values())
    assert "unknown" in lyt.meta.description and all("unknown" in n for n in lyt.frame["note"])


def test_shipped_prices_are_referenced_by_row(lyt):
    assert table_prices(lyt)["carbon"].source == "forest-prices@lyt1721-2008#carbon"
    assert table_prices(lyt)["carbon"].evidence == "secondary"


def test_every_price_the_profile_lacks_must_come_from_the_user(lyt):
    profile = table_prices(lyt)
    check_prices(["carbon_sequestration", "oxygen_release", "water_regulation"], profile)
    with pytest.raises(MissingPriceError) as err:
        check_prices(["water_purification", "oxygen_release"], profile)
    assert err.value.missing == [("water_purification", "water_purification")]
    merged = merge_prices(profile, user_prices({"water_purification": (2.09, "元/t", 2020)}))
    check_prices(["water_purification", "oxygen_release"], merged)


# --- the price boundary --------------------------------------------------------------------
def test_prices_convert_to_canonical_units():
    assert normalise_price("reservoir_cost", 6.11, "元/m3").value == 6.11
    assert normalise_price("so2", 1200, "元/t").value == pytest.approx(1.2)
    assert normalise_price("species", 500, "元/(亩·a)").value == pytest.approx(7500.0)
    assert normalise_price("dap_n_content", 0.14, "1").value == pytest.approx(14.0)
    assert normalise_price("anion", 5.8e-18, "元/个").value == 5.8e-18


def test_a_carbon_price_per_plain_tonne_is_ambiguous():
    with pytest.raises(ForestPriceError) as err:
        normalise_price("carbon", 1200, "元/t")
    assert "t_C" in str(err.value.hint) and err.value.extra["price"] == "carbon"
    with language_scope("zh"):
        assert "每吨碳还是每吨二氧化碳" in str(err.value)


@pytest.mark.parametrize(
    ("key", "value", "unit", "year", "fragment"),
    [("oxygen", 1000, "元/m3", None, "does not convert"),
     ("oxygen", -5, "元/t", None, "finite number"),
     ("oxygen", float("nan"), "元/t", None, "finite number"),
     ("oxygen", 1000, "元/t", "2008a", "not a year"),
     ("oxgen", 1000, "元/t", None, "did you mean 'oxygen'")],
)  # fmt: skip
def test_unusable_prices_are_refused(key, value, unit, year, fragment):
    with pytest.raises(ForestPriceError, match=fragment):
        normalise_price(key, value, unit, price_year=year)


def test_user_prices_need_a_unit():
    assert user_prices({"oxygen": (1000, "元/t", 2010)})["oxygen"].price_year == 2010
    assert user_prices({"oxygen": {"value": 1000, "unit": "元/t"}})["oxygen"].price_year is None
    with pytest.raises(ForestPriceError, match="give \\(value, unit\\)"):
        user_prices({"oxygen": 1000})


def test_user_prices_override_the_profile_and_say_so(lyt):
    merged = merge_prices(table_prices(lyt), user_prices({"carbon": (380, "CNY/t_CO2", 2020)}))
    c = merged["carbon"]
    assert isinstance(c, Price) and c.value == pytest.approx(380 * 44 / 12) and c.price_year == 2020
    assert c.source == "user (overrides forest-prices@lyt1721-2008#carbon)"
    assert c.given == "380 CNY/t_CO2"
    assert merged["oxygen"].source == "forest-prices@lyt1721-2008#oxygen"


def test_species_by_shannon_wiener_class():
    classes = user_prices(
        {
            "species": {
                "lower_bounds": [0, 1, 2, 3],
                "values": [3000, 5000, 10000, 20000],
                "price_year": 2008,
            }
        }
    )["species"]
    assert species_values(classes, [0.2, 1.0, 2.99, 3.5]).tolist() == [3000, 5000, 10000, 20000]
    assert classes.price_year == 2008
    for bounds in ([1, 2], [0, 2, 2], [0, 3, 2]):
        with pytest.raises(ForestPriceError, match="start at 0"):
            species_classes(bounds, [1.0] * len(bounds))
    with pytest.raises(ForestPriceError, match="as many values"):
        species_classes([0, 1], [1.0])
