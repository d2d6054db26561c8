"""Figures (needs the ``plot`` extra: ``pip install 'geep[plot]'``).

* :func:`gep_composition` — GEP by category (provisioning / regulating / cultural) per region;
* :func:`geep_waterfall` — GDP → GEEP: GDP, minus pollution and ecological damage, plus
  regulating services;
* :func:`fan_chart`, :func:`sensitivity_bars`, :func:`tornado` — uncertainty bands and
  sensitivity indices (:mod:`geep.plot_uncertainty`).

Figures are written atomically as PNG; they say "provisional" when the ledger is.
"""

from __future__ import annotations

import io
from pathlib import Path

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("geep.plot needs matplotlib: pip install 'geep[plot]'") from exc

from .errors import MethodError
from .io.atomic import atomic_write_bytes
from .ledger import Ledger

YI = 1e8
_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)


def _cjk_font() -> str | None:
    """Name of an installed font with Chinese glyphs, or ``None``."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in _CJK_FONTS if f in have), None)


_FONT = _cjk_font()
if _FONT:
    matplotlib.rcParams["font.sans-serif"] = [_FONT, *matplotlib.rcParams["font.sans-serif"]]
#: money unit label: Chinese when a CJK font is installed, else ASCII
UNIT_LABEL = "亿元" if _FONT else "100 million CNY"
COLORS = {
    "provisioning": "#e6a23c",
    "regulating": "#409eff",
    "cultural": "#67c23a",
    "gdp": "#909399",
    "pdc": "#f56c6c",
    "edc": "#c45656",
    "ers": "#409eff",
    "geep": "#303133",
}


def _save(fig, path: Path) -> Path:
    buf = io.BytesIO()
    fig.savefig(
        buf,
        format="png",
        dpi=120,
        bbox_inches="tight",
        metadata={"Software": "geep", "Creation Time": None},
    )
    plt.close(fig)
    atomic_write_bytes(Path(path), buf.getvalue())
    return Path(path)


def _label(ledger: Ledger, r: str) -> str:
    names = ledger.lines.drop_duplicates("region_code").set_index("region_code")["region_name"]
    n = names.get(r)
    return f"{r} {n}" if _FONT and isinstance(n, str) and n else str(r)


def _title(ledger: Ledger, text: str) -> str:
    py = sorted(int(p) for p in ledger.lines["price_year"].dropna().unique())
    flag = "" if ledger.status == "released" else f" [{ledger.status.upper()}]"
    return f"{text} ({UNIT_LABEL}, {py[0] if py else '?'} prices){flag}"


def gep_composition(ledger: Ledger, path: str | Path, year: int | None = None) -> Path:
    """Stacked bars of GEP by category for each region in ``year`` (default: latest)."""
    lines = ledger.lines
    lines = lines[lines["account"] == "GEP"]
    if lines.empty:
        raise MethodError("no GEP lines to plot")
    year = year or int(lines["year"].max())
    lines = lines[lines["year"] == year]
    wide = (
        lines.pivot_table(
            index="region_code", columns="category", values="value", aggfunc="sum", observed=True
        ).fillna(0.0)
        / YI
    )
    fig, ax = plt.subplots(figsize=(10, 5))
    bottom = None
    for cat in ("provisioning", "regulating", "cultural"):
        if cat in wide:
            ax.bar(
                [_label(ledger, r) for r in wide.index],
                wide[cat],
                bottom=bottom,
                label=cat,
                color=COLORS[cat],
            )
            bottom = wide[cat] if bottom is None else bottom + wide[cat]
    ax.set_ylabel(UNIT_LABEL)
    ax.set_title(_title(ledger, f"GEP composition by region, {year}"))
    ax.legend()
    ax.tick_params(axis="x", rotation=45)
    return _save(fig, Path(path))


def geep_waterfall(
    ledger: Ledger, path: str | Path, year: int | None = None, region: str | None = None
) -> Path:
    """Waterfall GDP → −PDC → −EDC → +ERS → GEEP for one region or all regions summed."""
    lines = ledger.lines
    lines = lines[lines["account"] == "GEEP"]
    if lines.empty:
        raise MethodError("no GEEP lines to plot")
    year = year or int(lines["year"].max())
    lines = lines[lines["year"] == year]
    if region is not None:
        lines = lines[lines["region_code"] == region]
    v = lines.groupby("service", observed=True)["value"].sum() / YI
    steps = [
        ("GDP", v.get("gdp", 0.0)),
        ("−PDC", v.get("pdc", 0.0)),
        ("−EDC", v.get("edc", 0.0)),
        ("+ERS", v.get("ers", 0.0)),
    ]
    fig, ax = plt.subplots(figsize=(8, 5))
    level = 0.0
    for i, (name, val) in enumerate(steps):
        base = 0.0 if i == 0 else level
        color = COLORS["gdp"] if i == 0 else (COLORS["ers"] if val >= 0 else COLORS["pdc"])
        ax.bar(name, val, bottom=base if i else 0.0, color=color)
        level = base + val if i else val
    ax.bar("GEEP", level, color=COLORS["geep"])
    lows = [steps[0][1], level]
    running = steps[0][1]
    for _, val in steps[1:]:
        running += val
        lows.append(running)
    ax.set_ylim(bottom=max(0.0, 0.9 * min(lows) - 0.05 * abs(steps[0][1])))
    where = _label(ledger, region) if region else "all regions"
    ax.set_title(_title(ledger, f"GDP → GEEP, {where}, {year}"))
    ax.set_ylabel(UNIT_LABEL)
    return _save(fig, Path(path))


from .plot_uncertainty import fan_chart, sensitivity_bars, tornado  # noqa: E402  (after the backend)

__all__ = ["fan_chart", "geep_waterfall", "gep_composition", "sensitivity_bars", "tornado"]
