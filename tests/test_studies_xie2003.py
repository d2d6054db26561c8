"""The Xie 2003 table against the three studies that print it (135 cells)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import geep
from geep import coefficients

DATA = Path(__file__).parent / "data" / "studies"
TABLE = coefficients.load("xie2003-factors@2003")
CELLS = pd.read_csv(DATA / "xie2003_printed_cells.csv")


def test_table_shape_and_evidence():
    f = TABLE.frame
    assert TABLE.status == "released"
    assert len(f) == 54 and f["evidence"].eq("derived").all()
    assert set(f["ecosystem_type"]) == {
        "farmland",
        "forest",
        "grassland",
        "wetland",
        "water",
        "desert",
    }
    for key in f["source"].str.split(";").explode().unique():
        assert key in TABLE.meta.sources


def test_the_three_studies_cover_135_cells_and_each_row_cites_the_studies_that_print_it():
    assert len(CELLS) == 135
    assert CELLS.groupby("study").size().to_dict() == {"haiyuan": 54, "song2018": 45, "tarim": 36}
    keys = {"tarim": "Tarim", "song2018": "Song2018", "haiyuan": "Haiyuan"}
    cited = CELLS.groupby(["ecosystem_type", "service"])["study"].agg(
        lambda s: sorted(keys[x] for x in s)
    )
    for r in TABLE.frame.itertuples():
        assert sorted(r.source.split(";")) == cited[(r.ecosystem_type, r.service)]


def test_every_printed_cell_is_factor_times_d_to_the_printed_rounding():
    f = TABLE.frame.set_index(["ecosystem_type", "service"])["factor"]
    factor = CELLS.apply(lambda r: f[(r["ecosystem_type"], r["service"])], axis=1)
    recomputed = factor * CELLS["d"]
    # printed to 2 decimals: half a unit in the last place, plus the rounding of D itself
    # (D is printed to 2 decimals, 0.005 × factor ≤ 0.1 at most)
    tol = 0.005 + 0.005 * factor + 1e-9
    bad = CELLS[(recomputed - CELLS["printed"]).abs() > tol]
    assert bad.empty, bad


def test_study_factors_agree_with_each_other_on_every_cell():
    derived = (CELLS["printed"] / CELLS["d"]).round(2)
    spread = derived.groupby([CELLS["ecosystem_type"], CELLS["service"]]).agg(["min", "max"])
    assert (spread["min"] == spread["max"]).all()


def test_row_sums_as_the_description_states():
    sums = TABLE.frame.groupby("ecosystem_type")["factor"].sum().round(2).to_dict()
    assert sums == {
        "farmland": 6.91,
        "forest": 21.85,
        "grassland": 7.24,
        "wetland": 62.71,
        "water": 45.97,
        "desert": 0.42,
    }


def _water() -> pd.DataFrame:
    return pd.DataFrame(
        {"region_code": "r", "year": 2015, "land_class": ["water"], "area": [1.0], "unit": "ha"}
    )


def test_profile_without_d_refuses_rather_than_use_the_xie_2015_d():
    with pytest.raises(geep.GeepError, match="d="):
        geep.esv(_water(), profile="xie-2003")  # no D bundled: the profile says 'user'


def test_profile_with_the_studys_own_d():
    ledger = geep.esv(_water(), profile="xie-2003", d=1043.89, d_price_year=2015)
    assert ledger.total() == pytest.approx(45.97 * 1043.89, rel=1e-12)
    assert ledger.status == "released"
    assert ledger.lines["coefficient"].str.startswith("xie2003-factors@2003#water/").all()
