"""Where D came from is part of the ledger (issue 13 item 4).

What each run must record (the resolve step of the methods registry implements it; tests of
what the current code cannot do yet are strict xfails):

* ``d=`` with ``d_price_year=``: every line's coefficient names the user value and its price
  year (``user D=1881.82 CNY/ha/a @2019``), and ``meta["d"] == {"source": "user", "value":
  1881.82, "unit": "CNY/ha/a", "price_year": 2019}``.
* ``grain=``: ``meta["d"]`` has ``source: "grain_rule"``, the rule row
  (``standard-equivalent@xie-2015#grain_value_fraction``), the fraction (1/7), its evidence
  (``secondary``), the price year and the D of every region-year; a warning says the D comes
  from the secondary-source 1/7 rule, and — under ``xie-2015`` — that it mixes the older rule
  with the Xie 2015 factors; the ledger status is ``provisional`` (every value rests on a
  secondary-source row, although the tables are released).
* the profile's own D (``xie-2015``): ``meta["d"]["source"] == "table"`` with the row
  ``standard-equivalent@xie-2015#d_national``; a profile whose option is
  ``standard_equivalent: user`` (``xie-2003``, ``xie-2008``) refuses to run without ``d=`` or
  ``grain=`` instead of using the Xie 2015 D (see tests/test_studies_xie2003.py).
"""

from __future__ import annotations

import pandas as pd
import pytest

import geep


def lc() -> pd.DataFrame:
    return pd.DataFrame(
        {"region_code": ["a", "b"], "year": 2019, "land_class": "forest.mixed", "area": 10.0,
         "unit": "ha"}
    )  # fmt: skip


def grain() -> pd.DataFrame:
    return pd.DataFrame(
        {"region_code": ["a", "a", "b"], "crop": ["wheat", "maize", "wheat"],
         "sown_area": [1.0, 3.0, 2.0], "yield": [5000.0, 7000.0, 4000.0],
         "price": [2.4, 2.2, 2.4]}
    )  # fmt: skip


def test_user_d_is_on_every_line_with_its_price_year():
    ledger = geep.esv(lc(), profile="xie-2003", d=1881.82, d_price_year=2019)
    assert ledger.lines["coefficient"].str.contains("user D=1881.82 CNY/ha/a @2019").all()
    assert set(ledger.lines["price_year"]) == {2019}
    assert ledger.meta["options"]["d_price_year"] == 2019


def test_grain_rule_is_named_on_every_line():
    ledger = geep.esv(lc(), grain=grain(), d_price_year=2019)
    assert (
        ledger.lines["coefficient"]
        .str.contains("standard-equivalent@xie-2015#grain_value_fraction;user grain data")
        .all()
    )
    # D per region: a = (5000·2.4 + 3·7000·2.2)/4/7, b = 4000·2.4/7
    by = ledger.lines.groupby("region_code")["price"].sum() / 23.09
    assert by["a"] == pytest.approx((1 * 5000 * 2.4 + 3 * 7000 * 2.2) / 4 / 7, rel=1e-9)
    assert by["b"] == pytest.approx(4000 * 2.4 / 7, rel=1e-9)


def test_user_d_is_recorded_in_meta():
    ledger = geep.esv(lc(), profile="xie-2003", d=1881.82, d_price_year=2019)
    assert ledger.meta["d"] == {
        "source": "user",
        "value": 1881.82,
        "unit": "CNY/ha/a",
        "price_year": 2019,
    }


def test_grain_rule_under_xie_2015_is_recorded_warned_and_provisional():
    ledger = geep.esv(lc(), grain=grain(), d_price_year=2019)
    d = ledger.meta["d"]
    assert d["source"] == "grain_rule"
    assert d["rule"] == "standard-equivalent@xie-2015#grain_value_fraction"
    assert d["fraction"] == pytest.approx(1 / 7) and d["evidence"] == "secondary"
    assert d["price_year"] == 2019 and len(d["values"]) == 2
    assert any("1/7" in w and "secondary" in w for w in ledger.warnings)
    assert any("Xie 2015" in w and "mixes" in w for w in ledger.warnings)
    assert ledger.status == "provisional"


def test_grain_rule_under_xie_2003_is_not_a_mix_but_still_secondary():
    ledger = geep.esv(lc(), profile="xie-2003", grain=grain(), d_price_year=2019)
    assert ledger.meta["d"]["evidence"] == "secondary"
    assert not any("mix" in w for w in ledger.warnings)
    assert ledger.status == "provisional"


def test_profile_d_is_recorded_as_a_table_row():
    ledger = geep.esv(lc())
    assert ledger.meta["d"]["source"] == "table"
    assert ledger.meta["d"]["row"] == "standard-equivalent@xie-2015#d_national"
