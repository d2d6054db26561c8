"""CO₂ fixation and O₂ release from NPP (photosynthesis equation, LY/T 1721-2008 prices)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geep import coefficients
from geep.methods import gep_models as m

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    LYT = coefficients.load("gep-parameters@lyt1721-2008")


def test_factors_follow_from_the_photosynthesis_equation_with_integer_molar_masses():
    # C 12, H 1, O 16: 6 CO2 = 264, 6 O2 = 192 per C6H10O5 = 162
    assert round(264 / 162, 2) == m.CO2_PER_DRY_MATTER == 1.63
    assert round(192 / 162, 2) == m.O2_PER_DRY_MATTER == 1.19
    # with IUPAC masses (CO2 44.01, O2 32.00, C6H10O5 162.14) O2 would round to 1.18: the
    # printed 1.19 is the integer-mass value, kept as printed
    assert round(6 * 44.01 / 162.14, 2) == 1.63 and round(6 * 32.00 / 162.14, 2) == 1.18


def test_the_table_constants_are_the_model_constants():
    assert LYT.value("const.carbon_sequestration.co2_per_npp") == m.CO2_PER_DRY_MATTER
    assert LYT.value("const.oxygen_release.o2_per_npp") == m.O2_PER_DRY_MATTER
    for key in ("const.carbon_sequestration.co2_per_npp", "const.oxygen_release.o2_per_npp"):
        assert LYT.row(key)["evidence"] == "published"


def test_gaotianyan_table_2_quantities():
    # ChinaXiv 201711.00109 Table 2 (t/a): NPP, CO2 fixed, O2 released per forest type
    npp = np.array([6050.31, 40584.50, 4774.77, 5560.52, 1042.60])
    co2 = np.array([9862.01, 66152.74, 7782.88, 9063.65, 1699.44])
    o2 = np.array([7199.87, 48295.56, 5681.98, 6617.02, 1240.69])
    np.testing.assert_allclose(m.co2_fixation(npp), co2, atol=0.006)
    np.testing.assert_allclose(m.o2_release(npp), o2, atol=0.006)
    # and their values at the paper's 2014 prices (10^4 元/a): 3592.07 and 8012.92 in total
    assert (m.co2_fixation(npp) * 379.87).sum() / 1e4 == pytest.approx(3592.07, abs=0.02)
    assert (m.o2_release(npp) * 1160.70).sum() / 1e4 == pytest.approx(8012.92, abs=0.02)


def test_lyt_prices_carbon_per_tonne_of_c_and_oxygen():
    assert LYT.value("price.carbon_sequestration", unit="CNY/t_C") == 1200
    assert LYT.value("price.carbon_sequestration", unit="CNY/t_CO2") == pytest.approx(
        327.27, abs=0.005
    )
    assert LYT.value("price.oxygen_release", unit="CNY/t") == 1000
    assert LYT.row("price.oxygen_release")["evidence"] == "published"
    # 201711.00109 re-prices both by one factor: 379.87 / 327.27 = 1160.70 / 1000
    assert 379.87 / LYT.value("price.carbon_sequestration", unit="CNY/t_CO2") == pytest.approx(
        1160.70 / 1000, abs=1e-4
    )
    assert "[U]" in LYT.row("price.carbon_sequestration")["note"]  # the price year


@given(npp=st.floats(min_value=0, max_value=1e9))
def test_linear_and_non_negative(npp):
    assert m.co2_fixation(2 * npp) == pytest.approx(2 * m.co2_fixation(npp))
    assert m.o2_release(npp) >= 0 and m.co2_fixation(npp) >= m.o2_release(npp)
