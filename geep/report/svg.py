"""Static SVG charts for the report: bars that start at zero, nothing clipped, text as text.

Every chart is a plain string of SVG (no script, no external resource) that a browser draws
and prints as vectors. Value axes always include zero and end on "nice" ticks beyond the
largest bar end, so no bar is cut and a 5 % rise looks like 5 %. Labels are text elements
(the browser picks a font with Chinese glyphs), each bar carries its exact value in
``data-value`` and a ``<title>`` tooltip, and each chart states its axis in ``data-lo`` /
``data-hi`` — so the charts can be checked in the rendered page.

References
----------
.. [1] W3C, Scalable Vector Graphics (SVG) 1.1, https://www.w3.org/TR/SVG11/ (viewBox, text,
   title).
.. [2] Heckbert, P. S. "Nice numbers for graph labels", Graphics Gems (1990), 61-63.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

#: font stack of chart text: Chinese-capable fonts first, the browser's sans-serif last
FONT = (
    "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','Microsoft YaHei',"
    "'PingFang SC','Hiragino Sans GB',Arial,sans-serif"
)
WIDTH = 760
ROW = 22
FONT_SIZE = 12


@dataclass(frozen=True)
class Scale:
    """A linear value scale ``[lo, hi]`` (zero inside) with its ticks."""

    lo: float
    hi: float
    ticks: tuple[float, ...]

    def at(self, v: float, a: float, b: float) -> float:
        """Position of value ``v`` on a pixel range ``a`` → ``b``."""
        return a + (v - self.lo) / (self.hi - self.lo) * (b - a)

    def label(self, v: float) -> str:
        """A tick label with as many decimals as the tick step needs (``2,500``, ``0.25``)."""
        step = self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 1.0
        d = 0 if step >= 1 else min(6, math.ceil(-math.log10(step) - 1e-9) + 1)
        s = f"{v:,.{d}f}"
        if d:
            s = s.rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s


def nice_step(raw: float) -> float:
    """The nice number (1, 2, 2.5 or 5 × 10^k) at or above ``raw`` > 0."""
    exp = math.floor(math.log10(raw))
    frac = raw / 10.0**exp
    nice = next(n for n in (1.0, 2.0, 2.5, 5.0, 10.0) if frac <= n * (1 + 1e-12))
    return nice * 10.0**exp


def value_scale(values: Iterable[float], ticks: int = 5) -> Scale:
    """A scale over ``values`` and zero, ending on ticks at or beyond the extremes."""
    vals = [float(v) for v in values if math.isfinite(v)]
    lo, hi = min([0.0, *vals]), max([0.0, *vals])
    if hi - lo < 1e-300:  # all zero (or below any meaningful scale): a unit axis
        hi = lo + 1.0
    step = nice_step((hi - lo) / ticks)
    k0, k1 = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    k0 -= k0 * step > lo  # the tolerance must never cut a bar
    k1 += k1 * step < hi
    marks = tuple(float(f"{k * step:.12g}") + 0.0 for k in range(k0, k1 + 1))
    return Scale(marks[0], marks[-1], marks)


def text_width(s: str, size: float = FONT_SIZE) -> float:
    """Estimated width of ``s`` in pixels (wide East Asian characters are one em)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58 for ch in s) * size


def fit(s: str, width: float, size: float = FONT_SIZE) -> str:
    """``s`` cut to ``width`` pixels (with an ellipsis) — the full text stays in the tooltip."""
    if text_width(s, size) <= width:
        return s
    while s and text_width(s + "…", size) > width:
        s = s[:-1]
    return s + "…"


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _open(kind: str, height: float, title: str, scale: Scale | None) -> str:
    axis = f' data-lo="{scale.lo!r}" data-hi="{scale.hi!r}"' if scale else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img" '
        f'viewBox="0 0 {WIDTH} {_num(height)}" aria-label="{escape(title)}"{axis} '
        f'font-family="{escape(FONT)}" font-size="{FONT_SIZE}"><title>{escape(title)}</title>'
    )


def _text(x: float, y: float, s: str, anchor: str = "start", cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return (f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{c}>'
            f"{escape(s)}</text>")  # fmt: skip


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, colour and (optional) longer tooltip."""

    label: str
    value: float
    color: str
    tip: str = ""


def hbars(
    bars: Sequence[Bar],
    *,
    title: str,
    axis_label: str,
    fmt: Callable[[float], str],
    legend: Sequence[tuple[str, str]] = (),
) -> str:
    """Horizontal bars (labels left, values right), from zero; negative bars go left.

    Parameters
    ----------
    bars
        In the order shown, top to bottom.
    axis_label
        What the value axis measures, with its unit (e.g. "GEP (亿元, 2020 prices)").
    fmt
        Formats a value for the value column and the ticks.
    legend
        ``(label, colour)`` pairs shown under the chart.
    """
    scale = value_scale(b.value for b in bars)
    label_w = min(max([text_width(b.label) for b in bars] + [40.0]) + 12.0, 300.0)
    value_w = max([text_width(fmt(b.value)) for b in bars] + [40.0]) + 12.0
    x0, x1 = label_w, WIDTH - value_w
    top = 34.0
    height = top + ROW * len(bars) + 30 + (22 if legend else 0)
    out = [_open("hbar", height, title, scale), _text(0, 14, title, cls="chart-title")]
    bottom = top + ROW * len(bars)
    for t in scale.ticks:
        x = scale.at(t, x0, x1)
        out.append(f'<line class="grid" x1="{_num(x)}" y1="{_num(top - 4)}" x2="{_num(x)}" '
                   f'y2="{_num(bottom)}" stroke="{"#555" if t == 0 else "#ddd"}"/>')  # fmt: skip
        out.append(_text(x, bottom + 14, scale.label(t), "middle", "tick"))
    out.append(_text((x0 + x1) / 2, bottom + 28, axis_label, "middle", "axis-label"))
    zero = scale.at(0.0, x0, x1)
    for i, b in enumerate(bars):
        y = top + i * ROW
        end = scale.at(b.value, x0, x1)
        left, w = min(zero, end), abs(end - zero)
        tip = b.tip or f"{b.label}: {fmt(b.value)}"
        out.append(
            f'<rect class="bar" x="{_num(left)}" y="{_num(y + 3)}" width="{_num(w)}" '
            f'height="{ROW - 6}" fill="{b.color}" data-value="{b.value!r}" '
            f'data-label="{escape(b.label)}"><title>{escape(tip)}</title></rect>'
        )
        out.append(_text(label_w - 6, y + ROW / 2 + 4, fit(b.label, label_w - 8), "end", "label"))
        out.append(_text(WIDTH - 2, y + ROW / 2 + 4, fmt(b.value), "end", "value"))
    out += _legend(legend, x0, height - 8)
    out.append("</svg>")
    return "".join(out)


def _legend(items: Sequence[tuple[str, str]], x: float, y: float) -> list[str]:
    out = []
    for label, color in items:
        out.append(f'<rect class="key" x="{_num(x)}" y="{_num(y - 10)}" width="12" height="12" '
                   f'fill="{color}"/>')  # fmt: skip
        out.append(_text(x + 16, y, label, cls="legend"))
        x += 16 + text_width(label) + 18
    return out


@dataclass(frozen=True)
class Step:
    """A waterfall step: ``kind`` is ``start`` / ``total`` (a bar from zero) or ``delta``."""

    label: str
    value: float
    kind: str
    color: str


def waterfall(
    steps: Sequence[Step], *, title: str, axis_label: str, fmt: Callable[[float], str]
) -> str:
    """Vertical waterfall: bars from zero for ``start``/``total`` steps, floating bars for the
    ``delta`` steps between them. The axis covers zero and every running level."""
    level, spans = 0.0, []
    for s in steps:
        if s.kind == "delta":
            spans.append((level, level + s.value))
            level += s.value
        else:
            spans.append((0.0, s.value))
            level = s.value
    scale = value_scale(v for span in spans for v in span)
    tick_w = max(text_width(scale.label(t), 11) for t in scale.ticks)
    left, right, top, bottom = 30.0 + tick_w, WIDTH - 10.0, 40.0, 300.0
    out = [_open("waterfall", bottom + 46, title, scale), _text(0, 14, title, cls="chart-title")]
    for t in scale.ticks:
        y = scale.at(t, bottom, top)
        out.append(f'<line class="grid" x1="{_num(left)}" y1="{_num(y)}" x2="{_num(right)}" '
                   f'y2="{_num(y)}" stroke="{"#555" if t == 0 else "#ddd"}"/>')  # fmt: skip
        out.append(_text(left - 6, y + 4, scale.label(t), "end", "tick"))
    out.append(
        f'<text class="axis-label" transform="translate(12 {_num((top + bottom) / 2)}) '
        f'rotate(-90)" text-anchor="middle">{escape(axis_label)}</text>'
    )
    slot = (right - left) / len(steps)
    for i, (s, (a, b)) in enumerate(zip(steps, spans, strict=True)):
        x = left + i * slot + slot * 0.18
        ya, yb = scale.at(a, bottom, top), scale.at(b, bottom, top)
        y, h = min(ya, yb), abs(ya - yb)
        out.append(
            f'<rect class="bar step-{s.kind}" x="{_num(x)}" y="{_num(y)}" '
            f'width="{_num(slot * 0.64)}" height="{_num(h)}" fill="{s.color}" '
            f'data-value="{s.value!r}" data-from="{a!r}" data-to="{b!r}" '
            f'data-label="{escape(s.label)}"><title>{escape(s.label)}: {escape(fmt(s.value))}'
            "</title></rect>"
        )
        if i + 1 < len(steps):
            out.append(f'<line class="connector" x1="{_num(x + slot * 0.64)}" y1="{_num(yb)}" '
                       f'x2="{_num(x + slot)}" y2="{_num(yb)}" stroke="#888" '
                       'stroke-dasharray="3 2"/>')  # fmt: skip
        out.append(_text(x + slot * 0.32, y - 5, fmt(s.value), "middle", "value"))
        out.append(_text(x + slot * 0.32, bottom + 18, s.label, "middle", "label"))
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Shape:
    """A map region: its code, label, path (in the map's pixel frame) and class (or None)."""

    code: str
    label: str
    path: str
    value: float | None
    klass: int | None


def choropleth(
    shapes: Sequence[Shape],
    *,
    title: str,
    size: tuple[float, float],
    colors: Sequence[str],
    legend: Sequence[str],
    no_data: tuple[str, str],
    fmt: Callable[[float], str],
) -> str:
    """A map of classed values: one path per region, a legend of the classes.

    ``size`` is the (width, height) of the map frame the paths are drawn in; ``legend`` has
    one label per colour; ``no_data`` is ``(label, colour)`` of regions without a value.
    """
    w, h = size
    leg_h = 20.0 * (len(legend) + 1) + 10
    height = 24 + h + leg_h
    out = [_open("map", height, title, None), _text(0, 14, title, cls="chart-title")]
    out.append(f'<g transform="translate({_num((WIDTH - w) / 2)} 24)">')
    for s in shapes:
        fill = no_data[1] if s.klass is None else colors[s.klass]
        value = "" if s.value is None else f' data-value="{s.value!r}"'
        tip = s.label + ("" if s.value is None else f": {fmt(s.value)}")
        out.append(f'<path class="region" d="{s.path}" fill="{fill}" stroke="#fff" '
                   f'stroke-width="0.6" data-code="{escape(s.code)}"{value}>'
                   f"<title>{escape(tip)}</title></path>")  # fmt: skip
    out.append("</g>")
    y = 24 + h + 18
    for label, color in [*zip(legend, colors, strict=False), no_data]:
        out.append(f'<rect class="key" x="20" y="{_num(y - 11)}" width="14" height="14" '
                   f'fill="{color}" stroke="#999" stroke-width="0.5"/>')  # fmt: skip
        out.append(_text(40, y, label, cls="legend"))
        y += 20
    out.append("</svg>")
    return "".join(out)


__all__ = [
    "FONT",
    "Bar",
    "Scale",
    "Shape",
    "Step",
    "choropleth",
    "fit",
    "hbars",
    "nice_step",
    "text_width",
    "value_scale",
    "waterfall",
]
