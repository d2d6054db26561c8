"""Trading rule tables in the catalogue, and their use through geep.trading.Rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from geep import coefficients
from geep.cli import main
from geep.errors import EditionNotFoundError, GeepError
from geep.trading import Rules

TABLES = {
    # ref: (rows, published, derived)
    "emission-floor-prices-shanxi@2017": (6, 6, 0),
    "emission-floor-prices-shanxi@2012": (4, 4, 0),
    "emission-trading-rules-shanxi@2012": (4, 4, 0),
    "emission-trading-rules-shanxi@2016": (11, 11, 0),
    "carbon-ets-rules-cn@2021": (4, 4, 0),
    "carbon-allowance-prices-cn@2025": (12, 7, 5),
}


@pytest.mark.parametrize("ref", sorted(TABLES))
def test_rule_tables_are_released_locked_and_graded(ref):
    t = coefficients.load(ref)
    rows, published, derived = TABLES[ref]
    assert t.status == "released"
    assert t.meta.kind in ("trading_rules", "parameters")
    assert len(t.frame) == rows
    assert t.evidence_counts == {"published": published, "derived": derived, "secondary": 0,
                                 "unverified": 0}  # fmt: skip
    assert set(t.frame["source"].str.split(";").sum()) <= set(t.meta.sources)


def test_floor_prices_2017_are_the_published_table():
    r = Rules.load()
    expected = {"so2": 18000, "nox": 19000, "cod": 29000, "nh3n": 30000, "dust": 5900,
                "soot": 6000}  # fmt: skip
    for pollutant, price in expected.items():
        fl = r.floor(f"emission.{pollutant}")
        assert fl.value == Decimal(price)
        assert fl.ref == f"emission-floor-prices-shanxi@2017#{pollutant}"
        assert fl.price_year == 2017
    assert r.floor("emission.pm") is None  # 颗粒物: no published base price
    assert r.floor("carbon.cea") is None


def test_rules_resolve_by_date():
    trial = Rules.load(as_of="2013-06-30")
    assert "emission-floor-prices-shanxi@2012" in trial.tables
    assert trial.floor("emission.nox").value == 18000  # 2012 trial
    assert trial.floor("emission.so2") is None  # not in the 2012 excerpt
    assert Rules.load(as_of="2024-01-01").floor("emission.nox").value == 19000
    assert "emission-trading-rules-shanxi@2012" in trial.tables
    assert trial.fees("emission.so2").buyer == Decimal("0.0075")
    assert "ets_rules" in trial.missing  # national ETS rules from 2021-02-01
    with pytest.raises(GeepError, match="no carbon ETS rule edition in force"):
        trial.ccer_cap_share()
    gap = Rules.load(as_of="2015-06-01")  # between the trial and the 2017 revision
    assert gap.floor_prices is None and "2014-06-30" in gap.missing["floor_prices"]
    with pytest.raises(GeepError, match="no floor-price edition in force"):
        gap.floor("emission.so2")
    assert {r["role"]: r["status"] for r in gap.summary()}["floor_prices"] == "missing"
    with pytest.raises(EditionNotFoundError):
        Rules.load(editions={"floor_prices": "emission-floor-prices-shanxi@1999"})
    exact = Rules.load(editions={"floor_prices": "emission-floor-prices-shanxi@2012"})
    assert exact.floor("emission.dust").value == 4900
    with pytest.raises(GeepError):
        Rules.load(editions={"nonsense": "x@1"})


def test_fee_and_lease_rules_apply_to_emission_rights_only():
    r = Rules.load()
    fee = r.fees("emission.nh3n")
    assert (fee.buyer, fee.seller) == (Decimal("0.0075"), Decimal("0.0075"))
    total = coefficients.load("emission-trading-rules-shanxi").value("fee.trade.total_rate")
    assert float(fee.buyer + fee.seller) == pytest.approx(total, abs=1e-12)
    assert r.fees("carbon.cea") is None and r.fees("water") is None
    lease = r.lease("emission.so2")
    assert not lease.cross_year_allowed and not lease.sublease_allowed
    assert lease.cross_year_ref.endswith("#lease.cross_year_allowed")
    assert r.floor_applies("emission.so2") and not r.floor_applies("energy")


def test_ccer_cap_and_reference_carbon_prices():
    r = Rules.load()
    cap = r.ccer_cap_share()
    assert cap.value == Decimal("0.05")
    assert cap.ref == "carbon-ets-rules-cn@2021#ccer.offset_cap_share"
    assert r.market_price("carbon.cea", "2024-12-31").value == Decimal("97.49")
    assert r.market_price("carbon.cea", "2024-10-15").value == Decimal("100.07")
    assert r.market_price("carbon.cea", "2022-06-30").value == Decimal("54.22")
    assert r.market_price("carbon.cea", "2021-07-01") is None  # before the market opened
    ccer = r.market_price("carbon.ccer", "2025-12-31")
    assert ccer.value == Decimal("70") and "midpoint" in ccer.ref  # 60-80 CNY/t [P] S60
    assert r.market_price("emission.so2") is None


def test_derived_prices_show_their_arithmetic():
    t = coefficients.load("carbon-allowance-prices-cn@2025")

    def p(date, stat):
        return t.value((date, "cea", stat), "price")

    assert p("2021-07-16", "first_day") == pytest.approx(54.22 / 1.1296, abs=0.005)
    assert p("2023-12-31", "close") == pytest.approx(97.49 / 1.2275, abs=0.005)
    assert p("2021-12-14", "average_cumulative") == pytest.approx(41.40e8 / 99_828_998, abs=0.005)
    assert p("2021-12-31", "average_year") == pytest.approx(76.6e8 / 179e6, abs=0.005)
    assert p("2024-12-31", "average_year") == pytest.approx(181.14e8 / 189e6, abs=0.005)
    derived = t.frame[t.frame["evidence"] == "derived"]
    assert derived["note"].str.contains("=").all()


def test_coefficients_list_shows_the_trading_tables(capsys):
    assert main(["coefficients", "list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    for ref in TABLES:
        tid, ed = ref.split("@")
        assert f"{tid},{ed},released" in out
