"""Compliance (emission rights, carbon with the CCER cap), aggregation to county/city/province,
and the ledger view that sits next to GEEP ledgers."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from geep.errors import GeepError, TradingError
from geep.trading import (
    Journal,
    Rules,
    aggregate,
    carbon_compliance,
    carbon_obligation,
    compliance,
    positions,
    positions_ledger,
    price_for,
)

RULES = Rules.load()
HOLDERS = [
    {"holder_id": "E1", "kind": "enterprise", "region_code": "140702"},  # 榆次区, 晋中市
    {"holder_id": "E2", "kind": "enterprise", "region_code": "140781"},  # 介休市, 晋中市
    {"holder_id": "E3", "kind": "enterprise", "region_code": "140105"},  # 小店区, 太原市
    {"holder_id": "TY", "kind": "city", "region_code": "140100"},  # 太原市
    {"holder_id": "PWR", "kind": "enterprise", "region_code": "140121"},
]


def build() -> Journal:
    j = Journal(HOLDERS, RULES)
    for t in [
        dict(id="1", date="2023-01-10", type="allocation", right="SO2", vintage=2023,
             to_holder="E1", quantity=300),
        dict(id="2", date="2023-01-10", type="allocation", right="SO2", vintage=2023,
             to_holder="TY", quantity=50),
        dict(id="3", date="2023-02-01", type="trade", right="SO2", vintage=2023,
             from_holder="E1", to_holder="E2", quantity=100, price=18500),
        dict(id="4", date="2023-03-01", type="trade", right="SO2", vintage=2023,
             from_holder="E1", to_holder="E3", quantity=50, price=20000),
        dict(id="5", date="2023-03-02", type="trade", right="SO2", vintage=2023,
             from_holder="TY", to_holder="E3", quantity=10, price=19000),
    ]:  # fmt: skip
        j.post(t)
    return j


def test_carbon_obligation_tc9():
    """TC-9: verified 1,000,000 t; allowances 950,000 t; CCER 60,000 t → usable
    min(60,000, 5 % × 1,000,000 = 50,000) = 50,000; shortfall 0."""
    r = carbon_obligation(1_000_000, 950_000, 60_000, RULES.ccer_cap_share().value)
    assert (r.ccer_cap, r.ccer_usable, r.gap, r.shortfall) == (50_000, 50_000, 0, 0)
    short = carbon_obligation(1_000_000, 900_000, 60_000)
    assert (short.ccer_usable, short.shortfall) == (50_000, 50_000)  # cap binds
    small = carbon_obligation(1_000_000, 950_000, 30_000)
    assert (small.ccer_usable, small.shortfall) == (30_000, 20_000)  # CCER binds
    long = carbon_obligation(800_000, 900_000, 0)
    assert (long.surplus, long.shortfall) == (100_000, 0)
    with pytest.raises(TradingError):
        carbon_obligation(-1, 0, 0)


def test_carbon_compliance_from_the_journal_tc9():
    j = Journal(HOLDERS, RULES)
    j.post(dict(id="a", date="2023-01-10", type="allocation", right="CEA", vintage=2023,
                to_holder="PWR", quantity=950_000))  # fmt: skip
    j.post(dict(id="b", date="2023-02-01", type="allocation", right="CCER", vintage=2022,
                to_holder="E1", quantity=80_000))  # fmt: skip
    j.post(dict(id="c", date="2023-06-01", type="trade", right="CCER", vintage=2022,
                from_holder="E1", to_holder="PWR", quantity=60_000, price=60))  # fmt: skip
    j.post(dict(id="d", date="2024-03-31", type="surrender", right="CEA", vintage=2023,
                from_holder="PWR", quantity=950_000))  # fmt: skip
    out = carbon_compliance(j, pd.DataFrame({"holder": ["PWR"], "year": [2023],
                                             "quantity": [1_000_000]}))  # fmt: skip
    r = out.iloc[0]
    assert (r.allowances, r.ccer_held, r.ccer_cap, r.ccer_usable) == (
        950_000,
        60_000,
        50_000,
        50_000,
    )
    assert (r.gap, r.shortfall, r.status) == (0, 0, "balanced")
    assert r.price == pytest.approx(79.42)  # CEA close 2023-12-31 [D] from S52
    assert r.cap_ref == "carbon-ets-rules-cn@2021#ccer.offset_cap_share"
    more = carbon_compliance(j, pd.DataFrame({"holder": ["PWR"], "year": [2023],
                                              "quantity": [1_100_000]}), price=97.49)  # fmt: skip
    m = more.iloc[0]  # cap 55,000 but only 60,000 held: usable 55,000; shortfall 95,000
    assert (m.ccer_usable, m.shortfall) == (55_000, 95_000)
    assert m.shortfall_value == pytest.approx(95_000 * 97.49)
    assert m.price_ref == "user price"


def test_emission_compliance_valued_at_floor_and_market():
    j = build()
    actual = pd.DataFrame({"holder": ["E1", "E2", "E3"], "right": ["SO2"] * 3,
                           "year": [2023] * 3, "quantity": [160, 100, 55]})  # fmt: skip
    floor = compliance(j, actual).set_index("holder")
    # E1 holds 300 − 150 = 150 vs 160 → −10 t × 18,000; E3 holds 60 vs 55 → +5 t
    assert floor.loc["E1", "surplus"] == -10 and floor.loc["E1", "value"] == -180_000
    assert floor.loc["E1", "status"] == "deficit" and floor.loc["E2", "status"] == "balanced"
    assert floor.loc["E3", "value"] == 90_000
    assert set(floor["price_ref"]) == {"emission-floor-prices-shanxi@2017#so2"}
    market = compliance(j, actual, valuation="market").set_index("holder")
    vwap = (100 * 18500 + 50 * 20000 + 10 * 19000) / 160  # 19,000 CNY/t
    assert market.loc["E1", "price"] == pytest.approx(vwap)
    assert market.loc["E1", "value"] == pytest.approx(-10 * vwap)
    user = compliance(j, actual, prices={"emission.so2": 25000}).set_index("holder")
    assert user.loc["E3", "value"] == 125_000
    with pytest.raises(TradingError, match="carbon_compliance"):
        compliance(j, pd.DataFrame({"holder": ["E1"], "right": ["CEA"], "year": [2023],
                                    "quantity": [1]}))  # fmt: skip


def test_price_for_reports_missing_prices_explicitly():
    j = build()
    assert price_for(j, "water", 2023).value is None
    p = price_for(j, "emission.so2", 2024, valuation="market")
    assert p.value is None and "no trade" in p.ref
    with pytest.raises(GeepError):
        price_for(j, "emission.so2", 2023, valuation="auction")


def test_aggregate_to_county_city_province():
    j = build()
    pos = positions(j, system=False)
    county = aggregate(pos, "county").set_index("region_code")
    assert county.loc["140702", "balance"] == 150  # E1
    assert county.loc["140781", "balance"] == 100  # E2
    assert county.loc["140105", "balance"] == 60  # E3
    assert county.loc["140100", "region_level"] == "city"  # a city holder stays a city
    city = aggregate(pos, "city").set_index("region_code")
    assert city.loc["140700", "balance"] == 250 and city.loc["140700", "holders"] == 2
    assert city.loc["140100", "balance"] == 60 + 40  # E3 + TY
    assert city.loc["140100", "region_name"] == "太原市"
    prov = aggregate(pos, "province")
    assert list(prov["region_code"]) == ["140000"] and prov["balance"].iloc[0] == 350
    assert prov["balance"].iloc[0] == -positions(j).set_index("holder").loc["@issuance", "balance"]
    with pytest.raises(TradingError, match="county, city, province"):
        aggregate(pos, "district")
    bad = pos.assign(region_code=pos["region_code"].where(pos["holder"] != "E1", "990000"))
    with pytest.raises(TradingError, match="990000"):
        aggregate(bad, "city")


def test_positions_ledger_sits_next_to_geep_ledgers():
    j = build()
    led = positions_ledger(j, "city")
    lines = led.lines.set_index("region_code")
    assert lines.loc["140700", "value"] == 250 * 18000
    assert lines.loc["140700", "coefficient"] == "emission-floor-prices-shanxi@2017#so2"
    assert set(led.lines["account"]) == {"RIGHTS.emission"}
    assert led.check().ok, str(led.check())
    assert led.status == "provisional"  # regions-shanxi@2019 is provisional
    assert any("regions-shanxi" in w for w in led.warnings)
    assert led.total() == pytest.approx(350 * 18000)


def test_positions_as_of_and_available():
    j = build()
    early = positions(j, as_of="2023-02-15", system=False).set_index("holder")
    assert early.loc["E1", "balance"] == 200 and "E3" not in early.index
    exact = positions(j, exact=True)
    assert isinstance(exact["balance"].iloc[0], Decimal)
    total = sum(exact["balance"], Decimal(0))
    assert total == 0  # quantity conserved over all accounts including @issuance
