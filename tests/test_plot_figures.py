"""Figures: axes read back from the matplotlib objects — bars from zero, none cut, right labels."""

from __future__ import annotations

import pandas as pd
import pytest
from report_data import county_ledger

import geep
from geep.report import rollup

plot = pytest.importorskip("geep.plot", reason="needs the plot extra: pip install '.[plot]'")
plt = pytest.importorskip("matplotlib.pyplot")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _inside(ax, patches, axis="y"):
    lo, hi = ax.get_ylim() if axis == "y" else ax.get_xlim()
    for p in patches:
        a = p.get_y() if axis == "y" else p.get_x()
        b = a + (p.get_height() if axis == "y" else p.get_width())
        assert lo - 1e-9 <= min(a, b) and max(a, b) <= hi + 1e-9


def test_one_county_waterfall_is_not_cut():
    lg = county_ledger(["140105"])
    fig = plot.geep_waterfall_figure(lg, 2020, lang="en")
    ax = fig.axes[0]
    lo, hi = ax.get_ylim()
    gdp = 5_000_000_000.0 / 1e8
    assert lo == 0.0 and hi >= gdp
    bars = ax.patches
    assert len(bars) == 5
    assert bars[0].get_y() == 0.0 and bars[0].get_height() == pytest.approx(gdp)
    _inside(ax, bars)


def test_compare_bars_start_at_zero():
    # totals of 1.82 and 1.92 trillion: the axis must not start at 1.82 trillion
    lg = county_ledger()
    gg = geep.Ledger(lg.lines[lg.lines["account"] == "GEEP"], lg.meta)
    cmp = geep.compare(gg, across="year")
    fig = plot.compare_totals_figure(cmp, "GEEP", lang="en")
    ax = fig.axes[0]
    assert ax.get_ylim()[0] == 0.0
    _inside(ax, ax.patches)
    assert "2020" in ax.get_ylabel()


def test_121_counties_are_the_top_20_and_the_others():
    fig = plot.gep_composition_figure(county_ledger(), 2020, lang="en", top=20)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 20 and len(set(labels)) == 20
    notes = [t.get_text() for t in ax.texts]
    assert any(n.startswith("The other 101 regions:") for n in notes)
    assert ax.get_xlim()[0] == 0.0
    _inside(ax, ax.patches, axis="x")
    assert len(ax.patches) == 3 * 20  # three categories stacked


def test_price_year_is_that_of_the_values_shown():
    lg = county_ledger(["140105", "140106"])
    bt = lg.lines[lg.lines["account"] == "ESV"].assign(account="BT", value_unit="USD",
                                                       price_year=2007)  # fmt: skip
    both = geep.Ledger(pd.concat([lg.lines, bt]), lg.meta)
    ax = plot.gep_composition_figure(both, lang="en").axes[0]
    assert "2020" in ax.get_xlabel() and "2007" not in ax.get_xlabel()
    assert "100 million CNY" in ax.get_xlabel()


def test_chinese_labels_with_a_font_and_a_clear_note_without(monkeypatch):
    lg = county_ledger(["140105", "140106"], status="provisional")
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    with pytest.warns(plot.FontWarning, match="fonts-noto-cjk"):
        ax = plot.geep_waterfall_figure(lg, lang="zh").axes[0]
    assert ax.get_title().startswith("GDP → GEEP, all 2 regions, 2020")
    assert "[provisional]" in ax.get_title()
    monkeypatch.setattr(plot, "cjk_font", lambda: "WenQuanYi Zen Hei")
    ax = plot.geep_waterfall_figure(lg, lang="zh").axes[0]
    assert ax.get_title() == "GDP → GEEP，全部 2 个区域，2020 年 【暂定】"
    assert [t.get_text() for t in ax.get_xticklabels()][1] == "− 污染损失"
    assert ax.get_ylabel() == "亿元，2020 年价格"


def test_region_names_label_the_bars(monkeypatch):
    monkeypatch.setattr(plot, "cjk_font", lambda: "WenQuanYi Zen Hei")
    ax = plot.gep_composition_figure(county_ledger(["140105", "140212"]), lang="zh").axes[0]
    assert {t.get_text() for t in ax.get_yticklabels()} == {"小店区", "新荣区"}
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    city = rollup(county_ledger(["140105", "140212"]), "city")
    ax = plot.gep_composition_figure(city, lang="en").axes[0]
    assert {t.get_text() for t in ax.get_yticklabels()} == {"140100 Taiyuan", "140200 Datong"}


def test_negative_parts_keep_zero_inside_the_axis():
    lg = county_ledger(["140105"])
    lines = lg.lines
    lines.loc[lines["service"] == "recreation", "value"] = -3e9
    ax = plot.gep_composition_figure(geep.Ledger(lines, {}), lang="en").axes[0]
    lo, hi = ax.get_xlim()
    assert lo <= -30.0 and hi >= 1.0
    _inside(ax, ax.patches, axis="x")


def test_files_are_png(tmp_path):
    p = plot.geep_waterfall(county_ledger(["140105"]), tmp_path / "w.png", lang="en")
    assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
