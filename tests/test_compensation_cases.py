"""Worked cases of compensation.md §7 (TC-1, TC-2, TC-3, TC-5) and hand-computed multi-period
cases. Published figures are the oracles; amounts in 万元 unless stated."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import geep
from geep.coefficients import ProvisionalWarning
from geep.compensation import Settlement, read_scheme
from geep.errors import SchemeError

DATA = Path(__file__).resolve().parent / "data" / "compensation"
COLS = ["section_id", "period", "indicator", "value", "unit", "status"]


def obs(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLS)


def net_of(s: Settlement, year: int | None = None) -> dict[str, float]:
    n = s.net
    if year is not None:
        n = n[n["settlement_year"] == year]
    return n.groupby("party")["net"].sum().to_dict()


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        yield


# --- TC-1: Shanxi 2010 Jan-Sep city totals (aggregation) [P] S12/S68 ---------------------
TC1 = {  # city code: (deducted, rewarded) 万元
    "140100": (2640, 0), "140200": (351, 2400), "140600": (680, 0), "140900": (60, 1400),
    "141100": (10288, 650), "140700": (2125, 150), "141000": (961, 300), "140800": (132, 200),
    "140400": (0, 1600), "140500": (0, 500), "140300": (0, 0),
}  # fmt: skip


def test_tc1_shanxi_2010_city_totals_roll_up():
    rows = []
    for city, (ded, rew) in TC1.items():
        if ded:
            rows.append(
                {"payer": city, "payee": "province", "amount": ded, "component": "deduction"}
            )
        if rew:
            rows.append({"payer": "province", "payee": city, "amount": rew, "component": "reward"})
    lines = pd.DataFrame(rows).assign(settlement_year=2010, amount_unit="万元")
    s = Settlement.from_lines(lines, scheme="shanxi-2010-reported", funds=("province",))
    net = net_of(s)
    cons = s.conservation().iloc[0]
    assert cons["paid"] == pytest.approx(17237)  # 1.7237亿 deducted
    assert cons["received"] == pytest.approx(7200)  # 7,200万 rewarded
    assert cons["fund_net"] == pytest.approx(10037)  # net province intake [D]
    assert net["141100"] == pytest.approx(-9638)  # 吕梁 [D]
    assert net["140100"] == pytest.approx(-2640)  # 太原 [D]
    assert net["140200"] == pytest.approx(2049)  # 大同 [D]
    fen6 = ["140900", "140100", "140700", "141100", "141000", "140800"]
    n = s.net.set_index("party")
    assert n.loc[fen6, "paid"].sum() == pytest.approx(16206)  # Fen-basin cities [D]
    assert n.loc[fen6, "received"].sum() == pytest.approx(2700)
    assert s.check().ok
    assert s.matrix(2010).loc["141100", "province"] == pytest.approx(10288)
    # presented in 亿元 the deductions are 1.7237
    assert s.to_unit("亿元").conservation().iloc[0]["paid"] == pytest.approx(1.7237)


# --- TC-2: Hebei Dec 2016 and Baoding Feb 2018 roll-ups [P] S16, S17 ----------------------
def test_tc2_hebei_december_2016_roll_up():
    scheme = read_scheme(DATA / "schemes" / "hebei-tc2" / "2016")
    p = "2016-12"
    limits = {"cod": 20.0, "nh3n": 1.0, "tp": 0.2}  # class III (GB 3838-2002)
    multiples = {  # reported counts and ranges; values inside the ranges are synthetic
        "cod": {"H01": 0.375},
        "nh3n": {"H02": 0.29, "H03": 0.4, "H04": 0.45, "H05": 1.65},
        "tp": {"H01": 0.1, "H03": 0.6, "H06": 0.9, "H07": 1.5, "H08": 2.2, "H09": 4.125},
    }
    rows = []
    for ind, lim in limits.items():
        for sid in [f"H{i:02d}" for i in range(1, 10)]:
            x = multiples[ind].get(sid)
            rows.append(
                (sid, p, ind, lim * (1 + x) if x is not None else lim * 0.8, "mg/L", "valid")
            )
        rows.append(("H10", p, ind, None, "mg/L", "dry"))
        rows.append(("H11", p, ind, 0.0, "mg/L", "frozen"))  # value ignored: excluded, not zero
    s = geep.compensate(scheme, obs(rows))
    ob = s.obligations
    by = ob.groupby("indicator")["amount"].sum()
    assert (
        by["cod"] == pytest.approx(60)
        and by["nh3n"] == pytest.approx(270)
        and by["tp"] == pytest.approx(510)
    )
    assert ob["amount"].sum() == pytest.approx(840)
    charged = ob[ob["amount"] > 0]
    assert charged.groupby("indicator").size().to_dict() == {"cod": 1, "nh3n": 4, "tp": 6}
    assert ob.loc[(ob.section_id == "H01") & (ob.indicator == "cod"), "exceedance"].iloc[
        0
    ] == pytest.approx(0.375)
    tp = charged[charged.indicator == "tp"]["exceedance"]
    assert tp.min() == pytest.approx(0.1) and tp.max() == pytest.approx(4.125)
    excl = ob[ob.section_id.isin(["H10", "H11"])]
    assert (excl["amount"] == 0).all() and set(excl["flags"]) == {"dry", "frozen"}
    assert excl["observed"].isna().all()
    assert s.status == "draft" and s.check().ok


def test_tc2_baoding_february_2018_upstream_netting():
    scheme = read_scheme(DATA / "schemes" / "baoding-tc2" / "2018")
    p = "2018-02"
    L = {"cod": 20.0, "nh3n": 1.0, "tp": 0.2}
    rows = [
        # upstream control sections (not charged themselves: type source)
        ("UP1", p, "cod", 30.0, "mg/L", "valid"), ("UP2", p, "cod", 25.0, "mg/L", "valid"),
        ("UP1", p, "tp", 0.9, "mg/L", "valid"), ("UP2", p, "tp", 0.2, "mg/L", "valid"),
        ("UP1", p, "nh3n", 0.5, "mg/L", "valid"), ("UP2", p, "nh3n", 0.5, "mg/L", "valid"),
        # COD: two exceedances (0.18x, 0.05x) not higher than upstream → not charged
        ("AG", p, "cod", L["cod"] * 1.18, "mg/L", "valid"), ("B2", p, "cod", L["cod"] * 1.05, "mg/L", "valid"),
        # NH3-N: 3 charged sections, 安国 0.48x → 30万 (reported)
        ("AG", p, "nh3n", 1.48, "mg/L", "valid"), ("B1", p, "nh3n", 1.7, "mg/L", "valid"),
        ("C1", p, "nh3n", 1.2, "mg/L", "valid"),
        # TP: 7 exceeding, of which 2 exempt (not worse than UP1 = 0.9 mg/L)
        ("B1", p, "tp", 1.0, "mg/L", "valid"), ("B2", p, "tp", 0.5, "mg/L", "valid"),
        ("B3", p, "tp", 0.6, "mg/L", "valid"), ("C2", p, "tp", 0.8, "mg/L", "valid"),
        ("AG", p, "tp", 0.95, "mg/L", "valid"), ("C1", p, "tp", 0.9, "mg/L", "valid"),
        ("C3", p, "tp", 0.7, "mg/L", "valid"),
    ]  # fmt: skip
    s = geep.compensate(scheme, obs(rows))
    ob = s.obligations
    by = ob.groupby("indicator")["amount"].sum()
    assert by["nh3n"] == pytest.approx(120) and by["tp"] == pytest.approx(450) and by["cod"] == 0
    assert ob["amount"].sum() == pytest.approx(570)
    ag = ob[(ob.section_id == "AG") & (ob.indicator == "nh3n")].iloc[0]
    assert (
        ag["exceedance"] == pytest.approx(0.48)
        and ag["amount"] == pytest.approx(30)
        and ag["payer"] == "anguo"
    )
    netted = ob[ob["flags"].str.contains("netted")]
    assert sorted(zip(netted.section_id, netted.indicator, strict=True)) == [
        ("AG", "cod"),
        ("B2", "cod"),
        ("C1", "tp"),
        ("C3", "tp"),
    ]
    assert (netted["amount"] == 0).all()
    assert (ob.loc[(ob.indicator == "tp") & (ob.exceedance > 0), "section_id"].nunique()) == 7
    assert not ob["section_id"].isin(["UP1", "UP2"]).any()


# --- TC-3: 豫鲁 round 1 plausibility [P] S78-S80 ------------------------------------------
def test_tc3_yu_lu_round_one_plausibility():
    # class II in 2020 and 2021 (one better than III); index down 3 % each year (6 points in
    # total: the decomposition 2 × 6,000 + 600 is an inference, not reported)
    rows = [
        ("LIUZHUANG", "2020", "water_class", 2, "", "valid"),
        ("LIUZHUANG", "2021", "water_class", 2, "", "valid"),
        ("LIUZHUANG", "2019", "index", 1.0, "", "valid"),
        ("LIUZHUANG", "2020", "index", 0.97, "", "valid"),
        ("LIUZHUANG", "2021", "index", 0.97 * 0.97, "", "valid"),
    ]
    s = geep.compensate("yellow-river-henan-shandong", obs(rows))
    net = net_of(s)
    assert net["370000"] == pytest.approx(-12600) and net["410000"] == pytest.approx(
        12600
    )  # 1.26亿
    assert s.settlement_years == [2021, 2022]  # paid the year after each assessment year
    assert (s.obligations["payer"] == "370000").all()
    assert s.status == "released" and s.evidence == "unverified"  # index reading is unverified
    assert any("index.mode" in w for w in s.warnings)
    # a deterioration larger than 40 points hits the 4,000万 cap
    rows2 = [*rows[:3], ("LIUZHUANG", "2020", "index", 1.5, "", "valid")]
    s2 = geep.compensate("yellow-river-henan-shandong", obs(rows2))
    idx = s2.obligations[s2.obligations.component == "index"]
    assert idx["amount"].iloc[0] == pytest.approx(4000) and "capped" in idx["flags"].iloc[0]
    assert idx["payer"].iloc[0] == "410000"


# --- TC-5: load-based with contribution split [P] S84, synthetic numbers [D] ---------------
def test_tc5_load_based_contribution_split():
    o = obs([("JIULI", "2020-07", "nh3n", 1.3, "mg/L", "valid")])
    # 1000万m3 = 10 × 10^6 m3 in the month
    flows = pd.DataFrame(
        [("JIULI", "2020-07", 1000, "万m3")], columns=["section_id", "period", "flow", "unit"]
    )
    s = geep.compensate("zhenjiang-taihu-load", o, flows=flows)
    ob = s.obligations.set_index("payer")
    assert ob["amount"].sum() == pytest.approx(30.0)  # 3 t × 10万/t
    assert ob.loc["321181", "amount"] == pytest.approx(25.335)  # 丹阳 84.45 %
    assert ob.loc["321112", "amount"] == pytest.approx(4.665)  # 丹徒 15.55 %
    assert s.status == "provisional"
    # a flow rate gives the same volume: 10e6 m3 / (31 d × 86400 s)
    rate = pd.DataFrame(
        [("JIULI", "2020-07", 10e6 / (31 * 86400), "m3/s")],
        columns=["section_id", "period", "flow", "unit"],
    )
    s2 = geep.compensate("zhenjiang-taihu-load", o, flows=rate)
    assert s2.obligations["amount"].sum() == pytest.approx(30.0, rel=1e-9)


# --- hand-computed multi-period cases ----------------------------------------------------
def _shanxi_obs() -> pd.DataFrame:
    rows = []
    for y in (2014, 2015):
        for m in range(1, 13):
            p = f"{y}-{m:02d}"
            s1 = (14.0 if (y, m) == (2015, 7) else (25.0 if (y, m) == (2014, 5) else 18.0), 0.4)
            st1 = "dry" if (y, m) == (2014, 9) else "valid"
            s2 = (65.0, 4.0) if (y, m) == (2014, 3) else (25.0, 1.2)
            st2 = "frozen" if (y, m) == (2015, 11) else "valid"
            s3 = (18.0, 13.0) if (y, m) == (2015, 2) else (18.0, 0.4)
            for sid, (cod, nh3n), st in (("S1", s1, st1), ("S2", s2, st2), ("S3", s3, "valid")):
                rows += [(sid, p, "cod", cod, "mg/L", st), (sid, p, "nh3n", nh3n, "mg/L", st)]
    return obs(rows)


SHANXI_SECTIONS = pd.DataFrame([
    {"section_id": "S1", "name_zh": "甲", "upstream": "140100", "target_class": 3, "no_inflow": True},
    {"section_id": "S2", "name_zh": "乙", "upstream": "140100", "target_class": 4, "no_inflow": False},
    {"section_id": "S3", "name_zh": "丙", "upstream": "140700", "target_class": 3, "no_inflow": True},
])  # fmt: skip


def test_shanxi_2013_two_years_hand_computed():
    """2014: S1 May COD 0.25x → 50; S2 Mar COD 1.17x + NH3-N 1.67x → 150 + 150; S1 runs
    Jan-Apr, Jun-Aug, Oct-Dec (Sep dry) → 3 × 10; S3 whole year → 4 × 10 + 100.
    2015: S3 Feb NH3-N 12x → 300; S1 run continues (months 3..15) → 4 × 10, whole year 100,
    May non-compliant→compliant 100, July class III→II 50; S3 runs Mar-Dec → 3 × 10."""
    s = geep.compensate(
        "shanxi-cross-section@2013",
        _shanxi_obs(),
        sections=SHANXI_SECTIONS,
        parameters={"deduction.amounts": [50, 100, 150, 200, 300]},
    )
    n = s.net.set_index(["party", "settlement_year"])
    assert n.loc[("140100", 2014), "paid"] == pytest.approx(350)
    assert n.loc[("140100", 2014), "received"] == pytest.approx(30)
    assert n.loc[("140700", 2014), "received"] == pytest.approx(140)
    assert n.loc[("140100", 2015), "received"] == pytest.approx(290)
    assert n.loc[("140100", 2015), "paid"] == 0
    assert n.loc[("140700", 2015), "paid"] == pytest.approx(300)
    assert n.loc[("140700", 2015), "received"] == pytest.approx(30)
    assert n.loc[("sx-treasury", 2014), "net"] == pytest.approx(180)
    assert n.loc[("sx-treasury", 2015), "net"] == pytest.approx(-20)
    ob = s.obligations
    imp = ob[(ob.component == "improvement") & (ob.amount > 0)]
    assert sorted(zip(imp.period, imp.band, imp.amount, strict=True)) == [
        ("2015-05", "to_compliant", 100.0),
        ("2015-07", "cross_class", 50.0),
    ]
    dry = ob[(ob.section_id == "S1") & (ob.period == "2014-09")]
    assert (dry["amount"] == 0).all() and dry["flags"].str.contains("dry").all()
    assert s.check().ok and s.status == "released"
    assert any("overridden" in w for w in s.warnings)


def test_shanxi_2013_refuses_unpublished_tier():
    with pytest.raises(SchemeError, match=r"deduction\.amounts"):
        geep.compensate("shanxi-cross-section@2013", _shanxi_obs(), sections=SHANXI_SECTIONS)


def test_yu_jin_shan_two_years_co_upstream_and_monthly_cap():
    rows = [("FENGLINGDU", "2025", "water_class", 3, "", "valid"),
            ("FENGLINGDU", "2026", "water_class", 1, "", "valid")]  # fmt: skip
    idx = {1: 0.9, 3: None, 6: 1.5}  # Jan -10 % ; Mar missing ; Jun +50 % (capped)
    for m in range(1, 13):
        rows.append(("FENGLINGDU", f"2024-{m:02d}", "index", 1.0, "", "valid"))
        v = idx.get(m, 1.0)
        rows.append(
            ("FENGLINGDU", f"2025-{m:02d}", "index", v, "", "missing" if v is None else "valid")
        )
    s = geep.compensate("yellow-river-henan-shanxi-shaanxi", obs(rows))
    # 2025 (settled 2026): class III → 6,000 jointly (3,000 each); Jan: Henan pays 50 (25 each);
    # Jun: 250 capped at 200 (100 each). 2026 (settled 2027): class I → Henan pays 6,000.
    n26, n27 = net_of(s, 2026), net_of(s, 2027)
    assert n26["140000"] == pytest.approx(-3000 - 100 + 25)
    assert n26["610000"] == pytest.approx(-3000 - 100 + 25)
    assert n26["410000"] == pytest.approx(6000 + 200 - 50)
    assert n27 == pytest.approx({"140000": 3000, "610000": 3000, "410000": -6000})
    ob = s.obligations
    jun = ob[(ob.period == "2025-06")]
    assert set(jun["flags"]) == {"capped"} and jun["amount"].tolist() == [100.0, 100.0]
    mar = ob[(ob.period == "2025-03")]
    assert (mar["amount"] == 0).all() and set(mar["flags"]) == {"missing"}


def test_chishui_pool_three_years():
    rows = [("QINGSHUIPU", "2018", "water_class", 2, "", "valid"), ("LIANYUXI", "2018", "water_class", 2, "", "valid"),
            ("QINGSHUIPU", "2019", "water_class", 3, "", "valid"), ("LIANYUXI", "2019", "water_class", 1, "", "valid"),
            ("QINGSHUIPU", "2020", "water_class", None, "", "missing"), ("LIANYUXI", "2020", "water_class", 4, "", "valid")]  # fmt: skip
    s = geep.compensate("chishui-pool", obs(rows))
    # contributions 1:5:4 of 2亿 = 2,000 / 10,000 / 8,000; allocations 3:4:3 = 6,000 / 8,000 / 6,000
    assert net_of(s, 2018) == pytest.approx(
        {"530000": 4000, "520000": -2000, "510000": -2000, "chishui-fund": 0}
    )
    # 2019: 清水铺 fails → Yunnan's 6,000 split 50/50 to Guizhou and Sichuan
    assert net_of(s, 2019) == pytest.approx(
        {"530000": -2000, "520000": 1000, "510000": 1000, "chishui-fund": 0}
    )
    # 2020: 鲢鱼溪 fails → Guizhou's 8,000 to Sichuan; 清水铺 not assessed → allocation paid, flagged
    assert net_of(s, 2020) == pytest.approx(
        {"530000": 4000, "520000": -10000, "510000": 6000, "chishui-fund": 0}
    )
    ob = s.obligations
    assert ob.loc[(ob.period == "2020") & (ob.payee == "530000"), "flags"].iloc[0] == "not_assessed"
    assert s.check().ok and all(s.conservation()["balance"].abs() < 1e-6)


def test_xinan_p_index_needs_baselines_then_runs():
    rows = [("JIEKOU", y, i, v, "mg/L", "valid")
            for y, vals in (("2012", (1.8, 0.1, 1.0, 0.02)), ("2013", (2.6, 0.12, 1.2, 0.03)))
            for i, v in zip(("codmn", "nh3n", "tn", "tp"), vals, strict=True)]  # fmt: skip
    with pytest.raises(SchemeError, match=r"p\.baseline"):
        geep.compensate("xinan-p-index", obs(rows))
    base = {"p.baseline": {"codmn": 2.0, "nh3n": 0.1, "tn": 1.0, "tp": 0.025}}
    s = geep.compensate("xinan-p-index", obs(rows), parameters=base)
    # 2012: P = 0.85 × 0.25 × (0.9 + 1 + 1 + 0.8) = 0.78625 ≤ 1 → Zhejiang pays Anhui 1亿
    # 2013: P = 0.85 × 0.25 × (1.3 + 1.2 + 1.2 + 1.2) = 1.04125 > 1 → Anhui pays Zhejiang 1亿
    ob = s.obligations.set_index("period")
    assert ob.loc["2012", "observed"] == pytest.approx(0.78625)
    assert ob.loc["2013", "observed"] == pytest.approx(1.04125)
    assert (ob.loc["2012", "payer"], ob.loc["2013", "payer"]) == ("330000", "340000")
    assert net_of(s, 2013) == pytest.approx({"340000": 10000, "330000": -10000})
    assert s.status == "provisional" and s.evidence == "unverified"


# --- the Fen River provisional edition end to end ----------------------------------------
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "compensation"


def test_fen_river_example_end_to_end_says_provisional(tmp_path):
    o = pd.read_csv(EXAMPLE / "fen_observations.csv")
    f = pd.read_csv(EXAMPLE / "fen_flows.csv")
    s = geep.compensate("fen-river", o, flows=f)
    assert s.status == "provisional"
    assert (s.obligations["status"] == "provisional").all() and (
        s.net["status"] == "provisional"
    ).all()
    assert s.warnings[0].startswith("PROVISIONAL")
    assert "[PROVISIONAL]" in repr(s)
    assert s.settlement_years == [2022, 2023]  # next-year settlement of 2021 and 2022
    assert set(s.obligations["component"]) == {"quality", "eflow"}
    assert s.check().ok
    cons = s.conservation()
    assert (cons["balance"].abs() < 1e-9).all()
    # horizontal: upstream city pays downstream city; the outflow (庙前村) settles with the fund
    q = s.obligations[(s.obligations.component == "quality") & (s.obligations.amount > 0)]
    assert set(q.loc[q.section_id == "FEN-MQC", "payee"]) == {"fen-fund"}
    assert set(q.loc[q.section_id == "FEN-WNS", "payer"]) == {"140100"}
    # excluded months are flagged, never zero
    frozen = s.obligations[
        (s.obligations.section_id == "FEN-HXC") & (s.obligations.period == "2021-01")
    ]
    assert (frozen["amount"] == 0).all() and frozen["flags"].str.contains("frozen").all()
    assert frozen["observed"].isna().all()
    # official values supplied by a negotiator replace the placeholders and are recorded
    s2 = geep.compensate("fen-river", o, flows=f, parameters={"eflow.amount": 0})
    assert s2.obligations.query("component == 'eflow'")["amount"].sum() == 0
    assert s2.status == "provisional" and any("eflow.amount overridden" in w for w in s2.warnings)
    # every output says provisional: Excel summary and matrix, CSV columns
    out = s.to_excel(tmp_path / "fen.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(out)
    assert "PROVISIONAL" in wb["summary"]["A2"].value
    assert "provisional" in wb["matrix"]["A1"].value
    assert wb["warnings"]["A2"].value.startswith("PROVISIONAL")
    s.to_csv(tmp_path / "fen.csv")
    assert set(pd.read_csv(tmp_path / "fen.csv")["status"]) == {"provisional"}
    assert set(pd.read_csv(tmp_path / "fen.net.csv")["status"]) == {"provisional"}
    assert '"status": "provisional"' in (tmp_path / "fen.meta.json").read_text(encoding="utf-8")


def test_annual_rules_on_monthly_data():
    """An annual index from monthly observations is the mean of the valid months (flagged
    when a year is partial); an annual class is never averaged from monthly classes."""
    rows = [
        ("LIUZHUANG", "2020", "water_class", 3, "", "valid"),
        ("LIUZHUANG", "2021", "water_class", 3, "", "valid"),
    ]
    for y, level in ((2020, 1.0), (2021, 0.9)):
        for m in range(1, 13):
            missing = (y, m) == (2021, 4)
            # 2021: mean of 11 valid months = 0.9 whatever the missing month would have been
            rows.append(
                (
                    "LIUZHUANG",
                    f"{y}-{m:02d}",
                    "index",
                    None if missing else level,
                    "",
                    "missing" if missing else "valid",
                )
            )
    s = geep.compensate("yellow-river-henan-shandong", obs(rows))
    idx = s.obligations[s.obligations.component == "index"].set_index("period")
    # 2021 vs 2020: -10 % → Shandong (downstream) pays Henan 10 × 100 = 1,000万
    assert idx.loc["2021", "amount"] == pytest.approx(1000) and idx.loc["2021", "payer"] == "370000"
    assert "partial_year:11/12" in idx.loc["2021", "flags"]
    assert idx.loc["2021", "observed"] == pytest.approx(0.9)
    monthly_class = [
        ("LIUZHUANG", f"2020-{m:02d}", "water_class", 2, "", "valid") for m in range(1, 13)
    ]
    with pytest.raises(geep.errors.InputError, match="not averaged"):
        geep.compensate("yellow-river-henan-shandong", obs(monthly_class))


def test_reported_lines_support_every_view():
    # a settlement rolled up from reported lines (no observations) still gives the gross
    # ledger, totals and evidence: reported amounts without an evidence column are unverified
    lines = pd.DataFrame(
        {
            "payer": ["a", "b"],
            "payee": ["fund", "fund"],
            "amount": [10.0, 20.0],
            "settlement_year": [2010, 2010],
        }
    )
    s = Settlement.from_lines(lines, funds=("fund",))
    assert s.totals()["amount"].sum() == pytest.approx(30.0)
    assert set(s.obligations["evidence"]) == {"unverified"}
    assert s.evidence == "unverified"
