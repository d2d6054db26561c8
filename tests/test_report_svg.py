"""SVG charts: value axes include zero, end beyond every bar, and no bar leaves the plot."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geep.report import svg

NS = {"s": "http://www.w3.org/2000/svg"}
values = st.lists(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False), min_size=1,
                  max_size=40)  # fmt: skip


@given(values)
def test_scale_covers_zero_and_every_value(vals):
    s = svg.value_scale(vals)
    assert s.lo <= min(0.0, *vals) and s.hi >= max(0.0, *vals)
    assert 0.0 in s.ticks and s.ticks[0] == s.lo and s.ticks[-1] == s.hi
    steps = [b - a for a, b in zip(s.ticks, s.ticks[1:], strict=False)]
    assert max(steps) - min(steps) <= 1e-9 * max(abs(s.lo), abs(s.hi), 1.0)
    assert 2 <= len(s.ticks) <= 13
    span = max(0.0, *vals) - min(0.0, *vals)
    if span > 1e-300:  # nice, not wasteful: the axis is at most ~2.5x the data span
        assert s.hi - s.lo <= 2.5 * span + 1e-9 * span


def test_nice_steps():
    assert [svg.nice_step(x) for x in (0.7, 1.0, 1.3, 2.2, 3.0, 7.0, 1800.0)] == [
        1.0, 1.0, 2.0, 2.5, 5.0, 10.0, 2000.0,
    ]  # fmt: skip


def _bars(doc: str) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.fromstring(doc)
    rects = root.findall(".//s:rect", NS)
    return root, [r for r in rects if "bar" in r.get("class", "").split()]


@given(values)
def test_hbars_stay_inside_the_axis(vals):
    bars = [svg.Bar(f"区域{i}", v, "#409eff") for i, v in enumerate(vals)]
    root, rects = _bars(svg.hbars(bars, title="t", axis_label="亿元", fmt=lambda v: f"{v:.2f}"))
    grid = [float(g.get("x1")) for g in root.findall(".//s:line[@class='grid']", NS)]
    left, right = min(grid), max(grid)
    assert len(rects) == len(vals)
    for r, v in zip(rects, vals, strict=True):
        x, w = float(r.get("x")), float(r.get("width"))
        assert left - 0.1 <= x and x + w <= right + 0.1
        assert float(r.get("data-value")) == v
    lo, hi = float(root.get("data-lo")), float(root.get("data-hi"))
    assert lo <= 0.0 <= hi


def test_waterfall_of_one_county_is_not_clipped():
    # the GDP bar of a one-county waterfall was cut by an axis starting near GDP
    gdp, pdc, edc, ers = 52.6, -0.8, -0.3, 1.9
    geep = gdp + pdc + edc + ers
    steps = [svg.Step("GDP", gdp, "start", "#999"), svg.Step("−PDC", pdc, "delta", "#f00"),
             svg.Step("−EDC", edc, "delta", "#c00"), svg.Step("+ERS", ers, "delta", "#00f"),
             svg.Step("GEEP", geep, "total", "#333")]  # fmt: skip
    root, rects = _bars(svg.waterfall(steps, title="t", axis_label="亿元", fmt=str))
    assert len(rects) == 5
    assert float(root.get("data-lo")) == 0.0 and float(root.get("data-hi")) >= geep
    ys = [float(g.get("y1")) for g in root.findall(".//s:line[@class='grid']", NS)]
    top, bottom = min(ys), max(ys)
    for r in rects:
        y, h = float(r.get("y")), float(r.get("height"))
        assert top - 0.1 <= y and y + h <= bottom + 0.1
    g = rects[0]  # from zero: its foot is the zero line, its height is GDP on the scale
    assert float(g.get("y")) + float(g.get("height")) == pytest.approx(bottom, abs=0.1)
    scale = (bottom - top) / float(root.get("data-hi"))
    assert float(g.get("height")) == pytest.approx(gdp * scale, abs=0.1)
    assert [float(r.get("data-to")) for r in rects][1:4] == pytest.approx(
        [gdp + pdc, gdp + pdc + edc, geep]
    )


def test_labels_are_text_and_long_ones_are_cut_with_the_full_text_in_the_tooltip():
    name = "山西转型综合改革示范区" * 4
    doc = svg.hbars([svg.Bar(name, 1.0, "#000")], title="标题", axis_label="亿元", fmt=str)
    root = ET.fromstring(doc)
    labels = [t.text for t in root.findall(".//s:text[@class='label']", NS)]
    assert labels[0].endswith("…") and svg.text_width(labels[0]) <= 300
    assert root.find(".//s:rect/s:title", NS).text.startswith(name)
    assert root.find("s:title", NS).text == "标题"
    assert math.isclose(svg.text_width("中文"), 2 * svg.FONT_SIZE)
