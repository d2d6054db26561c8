"""Extent accounts (SEEA EA Tables 4.1, 4.2): a published change matrix as the oracle,
identities as properties, unit invariance, layouts read back, and bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from openpyxl import load_workbook
from seea_oracles import (
    AREAS,
    CLASSES,
    MATRICES,
    NET_1995_2015,
    TEXT_FLOWS,
    land_cover,
    transitions,
)

import geep.seea as seea
from geep.errors import GeepError, InputError
from geep.seea.excel import sheet_title

CONSISTENT = [(2000, 2005), (2005, 2010)]
#: periods where Table 3's column sums differ from Table 2 of the closing year [km²]
#: (rows always agree). 1995–2000: 水域 1364 vs 1369, 未利用地 7782 vs 7777;
#: 2010–2015: 耕地 13417 vs 13416, 建设用地 1675 vs 1676.
PAPER_INCONSISTENT = {
    (1995, 2000): {"水域": -5.0, "未利用地": 5.0},
    (2010, 2015): {"耕地": 1.0, "建设用地": -1.0},
}


def _item(acc, item, cls=None):
    long = acc.long
    sel = long[long["item"] == item]
    if cls is not None:
        return float(sel.loc[sel["ecosystem_type"] == cls, "area"].iloc[0])
    return sel.set_index("ecosystem_type")["area"]


# --- the published oracle ------------------------------------------------------------------
@pytest.mark.parametrize("period", list(MATRICES))
def test_row_sums_equal_the_printed_opening_areas(period):
    acc = seea.extent_account(transitions(period), unit="km2")
    opening = _item(acc, "opening").reindex(CLASSES).to_numpy()
    np.testing.assert_array_equal(opening, np.array(AREAS[period[0]], dtype=float))
    assert acc.ok


@pytest.mark.parametrize("period", CONSISTENT)
def test_column_sums_equal_the_printed_closing_areas(period):
    acc = seea.extent_account(transitions(period), unit="km2")
    closing = _item(acc, "closing").reindex(CLASSES).to_numpy()
    np.testing.assert_array_equal(closing, np.array(AREAS[period[1]], dtype=float))
    lc = land_cover(period)  # consistent: the matrix may be given with the land cover
    assert seea.extent_account(transitions(period), land_cover=lc, unit="km2").ok


@pytest.mark.parametrize("period", list(PAPER_INCONSISTENT))
def test_the_paper_contradicts_itself_in_two_periods(period):
    """Documented, not tuned: the column sums of Table 3 differ from Table 2 by a few km²."""
    acc = seea.extent_account(transitions(period), unit="km2")
    closing = _item(acc, "closing").reindex(CLASSES)
    diff = closing - pd.Series(AREAS[period[1]], index=CLASSES, dtype=float)
    assert diff[diff != 0].to_dict() == PAPER_INCONSISTENT[period]
    with pytest.raises(InputError) as exc:  # two sources, two numbers: an error naming both
        seea.extent_account(transitions(period), land_cover=land_cover(period), unit="km2")
    text = str(exc.value)
    assert "column sums (closing)" in text and "land cover" in text
    assert "jsm" in text and str(period[1]) in text


@pytest.mark.parametrize(("key", "flows"), list(TEXT_FLOWS.items()))
def test_gross_flows_printed_in_the_text(key, flows):
    period, cls = key
    acc = seea.extent_account(transitions(period), unit="km2")
    reductions, additions = flows
    if reductions is not None:
        assert _item(acc, "reductions", cls) == reductions
    if additions is not None:
        assert _item(acc, "additions", cls) == additions


def test_net_change_1995_2015_from_land_cover_alone():
    acc = seea.extent_account(land_cover(), opening=1995, closing=2015, unit="km2")
    net = _item(acc, "net_change").to_dict()
    assert net == {k: float(v) for k, v in NET_1995_2015.items()}
    assert set(acc.long["item"]) == {"opening", "net_change", "closing"}
    assert any("gross additions and reductions cannot be known" in str(n) for n in acc.notes)
    assert acc.tables == ["4.1"] and acc.ok


def test_chained_matrices_differ_from_land_cover_only_where_the_paper_does():
    nets = sum(
        _item(seea.extent_account(transitions(p), unit="km2"), "net_change") for p in MATRICES
    )
    direct = pd.Series(NET_1995_2015, dtype=float)
    gap = (nets - direct.reindex(nets.index)).to_dict()
    expected = {k: 0.0 for k in CLASSES}
    for errors in PAPER_INCONSISTENT.values():
        for k, d in errors.items():
            expected[k] += d
    assert gap == expected


def test_change_matrix_view_and_margins():
    acc = seea.extent_account(transitions((2000, 2005)), unit="km2")
    m = acc.matrix()
    assert list(m.index) == [*CLASSES, "total"] and list(m.columns) == [*CLASSES, "total"]
    np.testing.assert_array_equal(
        m.loc[CLASSES, CLASSES].to_numpy(), np.array(MATRICES[(2000, 2005)], float)
    )
    assert m.loc["total", "total"] == sum(AREAS[2000])
    assert m.loc["草地", "total"] == AREAS[2000][2] and m.loc["total", "草地"] == AREAS[2005][2]
    ids = set(acc.checks["identity"])
    assert {
        "matrix_row_sums=opening",
        "matrix_column_sums=closing",
        "total_area:opening=closing",
    } <= ids


def test_printed_totals_of_a_typed_matrix_are_checked():
    m = pd.DataFrame(MATRICES[(2000, 2005)], index=CLASSES, columns=CLASSES, dtype=float)
    m["合计"] = AREAS[2000]
    t = seea.transitions_from_matrix(m, region_code="jsm", year_from=2000, year_to=2005, unit="km2")
    assert len(t) == 36 and t["area"].sum() == sum(AREAS[2000])
    m.loc["草地", "合计"] = 27075  # a typing error in the total column
    with pytest.raises(InputError, match="27075") as exc:
        seea.transitions_from_matrix(m, region_code="jsm", year_from=2000, year_to=2005, unit="km2")
    assert "27074" in str(exc.value)


# --- units ---------------------------------------------------------------------------------
def test_km2_and_ha_give_the_same_account():
    km2 = transitions((2005, 2010))
    ha = km2.assign(area=km2["area"] * 100, unit="ha")
    mu = km2.assign(area=km2["area"] * 1500, unit="亩")
    a = seea.extent_account(km2).long
    b = seea.extent_account(ha).long
    c = seea.extent_account(mu).long
    pd.testing.assert_frame_equal(a, b)
    np.testing.assert_allclose(c["area"], a["area"], rtol=1e-12)
    out = seea.extent_account(ha, unit="km2").long
    np.testing.assert_allclose(out["area"], a["area"] / 100, rtol=1e-15)
    assert set(out["unit"]) == {"km2"}


def test_unit_in_the_header_and_chinese_headers():
    t = transitions((2005, 2010)).drop(columns="unit").rename(columns={
        "region_code": "地区代码", "year_from": "起始年份", "year_to": "终止年份",
        "from_class": "转出地类", "to_class": "转入地类", "area": "面积(平方公里)"})  # fmt: skip
    a = seea.extent_account(t).long
    b = seea.extent_account(transitions((2005, 2010))).long
    pd.testing.assert_frame_equal(a, b)


# --- managed / unmanaged -------------------------------------------------------------------
def test_managed_split():
    t = pd.DataFrame({
        "region_code": "r", "year_from": 2015, "year_to": 2020,
        "from_class": ["farmland.dryland", "farmland.dryland", "farmland.dryland", "forest.shrub", "forest.shrub"],
        "to_class": ["farmland.dryland", "forest.shrub", "built_up", "forest.shrub", "farmland.dryland"],
        "area": [80.0, 12.0, 8.0, 50.0, 3.0], "unit": "ha",
        "managed": ["unmanaged", "managed", "managed", "no", "是"],
    })  # fmt: skip
    acc = seea.extent_account(t)
    assert _item(acc, "additions.managed", "forest.shrub") == 12.0
    assert _item(acc, "additions.unmanaged", "forest.shrub") == 0.0
    assert _item(acc, "reductions.managed", "forest.shrub") == 3.0
    assert _item(acc, "reductions.managed", "farmland.dryland") == 20.0
    assert _item(acc, "additions.managed", "built_up") == 8.0
    assert "additions=managed+unmanaged" in set(acc.checks["identity"]) and acc.ok
    assert not any("managed" in str(n) for n in acc.notes)
    with pytest.raises(InputError, match="managed"):
        seea.extent_account(t.assign(managed=["x", "yes", "no", "no", "no"]))


# --- identities as properties ----------------------------------------------------------------
@st.composite
def matrices(draw):
    """Random change matrices: 1–3 regions × 1–6 classes, areas 0 or up to 10⁷ ha, with or
    without a managed flag on each cell."""
    k = draw(st.integers(1, 6))
    regions = draw(st.integers(1, 3))
    cell = st.one_of(st.just(0.0), st.floats(0, 1e7, allow_nan=False))
    areas = draw(hnp.arrays(np.float64, (regions, k, k), elements=cell))
    r, i, j = np.indices(areas.shape).reshape(3, -1)
    t = pd.DataFrame({
        "region_code": [f"r{x}" for x in r], "year_from": 2000, "year_to": 2010,
        "from_class": [f"c{x}" for x in i], "to_class": [f"c{x}" for x in j],
        "area": areas.ravel(), "unit": "ha",
    })  # fmt: skip
    if draw(st.booleans()):
        t["managed"] = draw(hnp.arrays(np.bool_, len(t)))
    return t


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices())
def test_random_matrices_satisfy_the_extent_identities(t):
    acc = seea.extent_account(t)
    assert acc.ok, acc.failed
    long = acc.long
    for _, g in long.groupby("region_code"):
        w = g.pivot_table(index="ecosystem_type", columns="item", values="area", aggfunc="sum")
        scale = max(1.0, w["opening"].abs().max())
        assert abs(w["additions"].sum() - w["reductions"].sum()) <= 1e-9 * scale * len(w)
        assert abs(w["net_change"].sum()) <= 1e-9 * scale * len(w)
        assert (w["additions"] >= 0).all() and (w["reductions"] >= 0).all()
    sub = t[t["region_code"] == "r0"]
    col = sub.groupby("to_class")["area"].sum()
    closing = long[(long["region_code"] == "r0") & (long["item"] == "closing")].set_index(
        "ecosystem_type"
    )["area"]
    np.testing.assert_allclose(closing.reindex(col.index), col, rtol=1e-12)


@settings(max_examples=25, deadline=None)
@given(matrices(), st.sampled_from(["km2", "亩", "hm2"]))
def test_unit_invariance_property(t, unit):
    from geep.units import factor

    f = factor("ha", unit)
    a = seea.extent_account(t).long
    b = seea.extent_account(t.assign(area=t["area"] * f, unit=unit)).long
    np.testing.assert_allclose(b["area"], a["area"], rtol=1e-12, atol=1e-9)


# --- files ---------------------------------------------------------------------------------
def test_excel_layouts_read_back(tmp_path):
    acc = seea.extent_account(transitions((2000, 2005)), unit="km2")
    path = acc.to_excel(tmp_path / "extent.xlsx")
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames[:2] == ["4.1 Extent 范围", "4.2 Change matrix 变化矩阵"]
    assert sheet_title("4.1").startswith("4.1") and "cube" in wb.sheetnames
    rows = list(wb["4.1 Extent 范围"].iter_rows(values_only=True))
    wb.close()
    assert "4.1" in rows[0][0] and "表4.1" in rows[0][0]
    header = rows[2]
    assert "Item" in header and "项目" in header and "Total / 合计" in header
    body = pd.DataFrame(rows[3:], columns=header)
    lay = acc.layout("4.1")
    np.testing.assert_array_equal(
        body[list(CLASSES)].to_numpy(dtype=float), lay[CLASSES].to_numpy()
    )
    assert list(body["项目"]) == ["期初", "增加", "减少", "净变化", "期末"]
    back = seea.read_account(path)
    pd.testing.assert_frame_equal(back.layout("4.2"), acc.layout("4.2"))
    assert back.ok and back.metadata == acc.metadata


def test_cube_csv_round_trip_is_exact_and_reproducible(tmp_path):
    t = transitions((1995, 2000)).assign(area=lambda d: d["area"] / 3)  # inexact decimals
    acc = seea.extent_account(t, unit="km2")
    p1, p2 = (
        acc.to_csv(tmp_path / "a.csv"),
        seea.extent_account(t, unit="km2").to_csv(tmp_path / "b.csv"),
    )
    assert p1.read_bytes() == p2.read_bytes()
    assert p1.read_bytes().startswith(b"\xef\xbb\xbf")
    back = seea.read_cube(p1)
    pd.testing.assert_frame_equal(back.cube, acc.cube)
    for table in acc.tables:
        pd.testing.assert_frame_equal(back.layout(table), acc.layout(table))
    assert back.ok and [str(n) for n in back.notes] == [str(n) for n in acc.notes]


def test_workbook_bytes_are_reproducible(tmp_path):
    acc = seea.extent_account(transitions((2005, 2010)))
    a = acc.to_excel(tmp_path / "a.xlsx").read_bytes()
    b = seea.extent_account(transitions((2005, 2010))).to_excel(tmp_path / "b.xlsx").read_bytes()
    assert a == b


# --- bad input -----------------------------------------------------------------------------
def test_negative_area_names_the_row():
    t = transitions((2005, 2010))
    t.loc[7, "area"] = -3.0
    with pytest.raises(InputError, match=r"negative area at transitions\[7\]") as exc:
        seea.extent_account(t)
    assert exc.value.row == 7 and exc.value.hint


def test_row_sums_that_disagree_with_the_opening_land_cover():
    t = transitions((2005, 2010))
    lc = land_cover((2005,))
    lc.loc[lc["land_class"] == "林地", "area"] = 3961.0  # the land cover says 3961, the matrix 3951
    with pytest.raises(InputError) as exc:
        seea.extent_account(t, land_cover=lc)
    msg = str(exc.value)
    assert "row sums (opening)" in msg and "land cover" in msg and "林地" in msg
    assert "395,100.0000" in msg and "396,100.0000" in msg  # both numbers, in ha
    assert isinstance(exc.value, ValueError) and isinstance(exc.value, GeepError)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda t: t.drop(columns="to_class"), "to_class"),
        (lambda t: t.assign(area="x"), "not a finite number"),
        (lambda t: t.assign(area=np.nan), "not a finite number"),
        (lambda t: t.assign(unit="m3"), "cannot be used"),
        (lambda t: t.drop(columns="unit"), "no unit"),
        (lambda t: t.assign(year_to=1990), "year_to must be after year_from"),
        (lambda t: t.assign(from_class=None), "blank"),
        (lambda t: pd.concat([t, t.head(1)]), "more than once"),
        (lambda t: t.rename(columns={"area": "area (km2)"}), "given twice"),
    ],
)
def test_bad_transitions(change, match):
    with pytest.raises(InputError, match=match) as exc:
        seea.extent_account(change(transitions((2005, 2010))))
    assert exc.value.hint


def test_bad_land_cover_for_an_extent_account():
    lc = land_cover((2000, 2005, 2010))
    with pytest.raises(InputError, match="compares two years"):
        seea.extent_account(lc)
    with pytest.raises(InputError, match="no year 1999"):
        seea.extent_account(lc, opening=1999, closing=2005)
    bigger = lc.copy()
    bigger.loc[(bigger["year"] == 2005) & (bigger["land_class"] == "草地"), "area"] += 10
    with pytest.raises(InputError, match="total area of jsm"):
        seea.extent_account(bigger, opening=2000, closing=2005)
    with pytest.raises(InputError, match="no period"):
        seea.extent_account(transitions((2005, 2010)), opening=2000)
    acc = seea.extent_account(land_cover((2000, 2005)))
    with pytest.raises(InputError, match="no change matrix"):
        acc.matrix()
