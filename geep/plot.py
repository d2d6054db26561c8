"""Figures (needs the ``plot`` extra: ``pip install 'geep[plot]'``).

* :func:`gep_composition` — GEP by category (provisioning / regulating / cultural) per region,
  largest first; with many regions the top ``top`` and one bar for the others;
* :func:`geep_waterfall` — GDP → GEEP: GDP, minus pollution and ecological damage, plus
  regulating services;
* :func:`compare_totals` — the total of one account per side of a comparison;
* :func:`fan_chart`, :func:`sensitivity_bars`, :func:`tornado` — uncertainty bands and
  sensitivity indices (:mod:`geep.plot_uncertainty`).

Every value axis starts at zero and ends beyond the largest bar (no bar is cut, a 5 % rise
looks like 5 %); titles give the price year of the values shown and say "provisional" when the
ledger is. Labels follow the language (``lang`` or the active one): Chinese needs a font with
Chinese glyphs — one is looked for among the usual families (Noto Sans CJK, Source Han Sans,
WenQuanYi …); without one the labels are English and a :class:`FontWarning` says how to get
Chinese. ``*_figure`` functions return the matplotlib figure (no file written); the others save
it atomically as PNG.

References
----------
.. [1] 王金南 等 2018, 中国人口·资源与环境 28(2):1-7 (GEEP = GDP − PDC − EDC + ERS).
"""

from __future__ import annotations

import contextlib
import functools
import io
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("geep.plot needs matplotlib: pip install 'geep[plot]'") from exc

import pandas as pd

from .errors import MethodError, PriceYearError
from .io.atomic import atomic_write_bytes
from .ledger import Ledger
from .messages import language, language_scope, msg, text
from .report.labels import COLORS as _COLORS
from .report.labels import label

#: font families with Chinese glyphs, most wanted first
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK JP",
)
YI = 1e8
COLORS = dict(_COLORS)
#: money unit label of the figures (kept for callers of earlier versions)
UNIT_LABEL = "100 million CNY"
_SCALE = {"CNY": (YI, "plot.unit.yi"), "USD": (1e6, "plot.unit.musd")}


class FontWarning(UserWarning):
    """Chinese labels were asked for, but no font with Chinese glyphs is installed."""


#: words in the file names of fonts with Chinese glyphs (for fonts installed after
#: matplotlib built its font cache)
_CJK_FILES = ("cjk", "wqy", "sourcehan", "notosanssc", "simhei", "msyh", "pingfang")


@functools.cache
def cjk_font() -> str | None:
    """Name of an installed font family with Chinese glyphs, or ``None``.

    Fonts installed after matplotlib built its font cache are found too: the system font
    folders are searched for the usual files and those are added to the font manager."""
    from matplotlib import font_manager

    def known() -> str | None:
        have = {f.name for f in font_manager.fontManager.ttflist}
        return next((f for f in CJK_FONTS if f in have), None)

    if (name := known()) is not None:
        return name
    for path in font_manager.findSystemFonts():
        if any(k in Path(path).name.lower().replace("-", "") for k in _CJK_FILES):
            with contextlib.suppress(Exception):  # an unreadable font file is skipped
                font_manager.fontManager.addfont(path)
    return known()


def figure_language(lang: str | None = None) -> str:
    """The language the labels can be drawn in: ``lang`` (default: the active language),
    or English with a :class:`FontWarning` when Chinese is asked for and no font has it."""
    lang = lang or language()
    if lang == "zh" and cjk_font() is None:
        warnings.warn(msg("plot.no_cjk_font"), FontWarning, stacklevel=3)
        return "en"
    return lang


@contextlib.contextmanager
def _quiet_fonts() -> Iterator[None]:
    """Silence matplotlib's "failed to find font weight normal, using 500" (not news)."""
    import logging

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


@contextlib.contextmanager
def _style(lang: str) -> Iterator[None]:
    """Labels in ``lang``; text drawn with the Chinese font where there is one (named, not
    the generic family, so the figure keeps it when it is saved later), DejaVu Sans for the
    glyphs it lacks."""
    font = cjk_font()
    rc: dict[str, Any] = {"axes.unicode_minus": False}
    if font:
        rc["font.family"] = [font, "DejaVu Sans"]
    with _quiet_fonts(), language_scope(lang), matplotlib.rc_context(rc):
        yield


def _save(fig, path: Path) -> Path:
    buf = io.BytesIO()
    with _quiet_fonts():
        fig.savefig(buf, format="png", dpi=120, bbox_inches="tight",
                    metadata={"Software": "geep", "Creation Time": None})  # fmt: skip
    plt.close(fig)
    atomic_write_bytes(Path(path), buf.getvalue())
    return Path(path)


def _money(lines: pd.DataFrame, account: str) -> tuple[float, str, int | None]:
    """Scale, unit label and price year of the lines shown (one money, else an error)."""
    units = sorted(map(str, lines["value_unit"].dropna().unique()))
    years = sorted(int(y) for y in lines["price_year"].dropna().unique())
    if len(units) > 1 or len(years) > 1:
        raise PriceYearError(text("report.account_two_moneys", account=account,
                                  money=f"{units} {years}"))  # fmt: skip
    unit = units[0] if units else "CNY"
    scale, code = _SCALE.get(unit, (1.0, None))
    return scale, msg(code) if code else unit, years[0] if years else None


def _axis_label(unit: str, year: int | None) -> str:
    return msg("plot.axis", unit=unit, year=year) if year is not None else unit


def _title(ledger: Ledger, s: str) -> str:
    if ledger.status == "released":
        return s
    return f"{s} {msg('plot.status', status=label('status', ledger.status))}"


def _names(ledger: Ledger, lang: str) -> dict[str, str]:
    """A label per region: its name where the figure can draw it, else its English name (from
    ``regions-shanxi`` where known) or its code."""
    f = ledger._lines[["region_code", "region_name"]].drop_duplicates("region_code")
    own = {str(c): n for c, n in zip(f["region_code"], f["region_name"], strict=True)
           if isinstance(n, str) and n}  # fmt: skip
    english: dict[str, str] = {}
    with contextlib.suppress(Exception):  # the hierarchy is a nicety here, never a failure
        from .report.regions import shanxi

        h = shanxi()
        english = {k: v for k, v in zip(h.frame["region_code"], h.frame["region_name_en"],
                                         strict=True) if v}  # fmt: skip
    out = {}
    for c in map(str, f["region_code"]):
        if cjk_font() is not None:
            out[c] = own.get(c) or c
        else:
            out[c] = f"{c} {english[c]}" if c in english else c
    return out


def _year_lines(ledger: Ledger, account: str, year: int | None) -> tuple[pd.DataFrame, int]:
    lines = ledger._lines
    lines = lines[(lines["account"].astype(str) == account).to_numpy()]
    if lines.empty:
        raise MethodError(text("plot.no_gep" if account == "GEP" else "plot.no_geep"))
    year = int(year or lines["year"].max())
    lines = lines[lines["year"].to_numpy() == year]
    if lines.empty:
        raise MethodError(text("plot.no_year", account=account, year=year))
    return lines, year


def _fit_limits(ax, lows, highs, axis: str = "y") -> None:
    """Axis from ``min(0, lows)`` to ``max(0, highs)`` plus 8 % room for the value labels."""
    lo, hi = min([0.0, *lows]), max([0.0, *highs])
    pad = 0.08 * (hi - lo or 1.0)
    limits = (lo - (pad if lo < 0 else 0.0), hi + (pad if hi > 0 or lo == 0 else 0.0))
    (ax.set_ylim if axis == "y" else ax.set_xlim)(*limits)


def gep_composition_figure(
    ledger: Ledger, year: int | None = None, *, lang: str | None = None, top: int = 20
):
    """Horizontal stacked bars of GEP by category per region in ``year`` (default: latest),
    largest first; beyond ``top`` regions the others are summed in a note under the axis
    (as a bar their sum would dwarf the ranking)."""
    lang = figure_language(lang)
    lines, year = _year_lines(ledger, "GEP", year)
    with _style(lang):
        scale, unit, py = _money(lines, "GEP")
        key = [lines["region_code"].astype(str), lines["category"].astype(str)]
        wide = lines.groupby(key)["value"].sum().unstack(fill_value=0.0) / scale
        wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index]
        names = _names(ledger, lang)
        labels = [names.get(c, c) for c in wide.index]
        note = None
        if len(wide) > top + 1:
            total, rest = float(wide.to_numpy().sum()), float(wide.iloc[top:].to_numpy().sum())
            share = f"{rest / total * 100:.1f} %" if total > 0 and (wide >= 0).all().all() else "–"
            note = msg("report.others_total", n=len(wide) - top, value=f"{rest:,.2f}", unit=unit,
                       share=share)  # fmt: skip
            wide, labels = wide.iloc[:top], labels[:top]
        cats = [c for c in ("provisioning", "regulating", "cultural") if c in wide]
        cats += [c for c in wide.columns if c not in cats]
        fig, ax = plt.subplots(figsize=(9, 0.32 * len(wide) + 1.6))
        pos = [0.0] * len(wide)
        neg = [0.0] * len(wide)
        for cat in cats:
            v = wide[cat].to_numpy()
            left = [n if x < 0 else p for x, p, n in zip(v, pos, neg, strict=True)]
            ax.barh(range(len(wide)), v, left=left, label=label("category", cat),
                    color=COLORS.get(cat, COLORS["other"]))  # fmt: skip
            pos = [p + max(x, 0.0) for p, x in zip(pos, v, strict=True)]
            neg = [n + min(x, 0.0) for n, x in zip(neg, v, strict=True)]
        ax.set_yticks(range(len(wide)), labels)
        ax.invert_yaxis()
        _fit_limits(ax, neg, pos, axis="x")
        ax.set_xlabel(_axis_label(unit, py))
        ax.set_title(_title(ledger, msg("plot.composition_title", year=year)))
        ax.legend(loc="lower right")
        if note:
            ax.annotate(note, (0, 0), xycoords="axes fraction", xytext=(0, -36),
                        textcoords="offset points", fontsize=9, va="top")  # fmt: skip
        fig.tight_layout()
    return fig


def gep_composition(
    ledger: Ledger, path: str | Path, year: int | None = None, *, lang: str | None = None,
    top: int = 20,
) -> Path:  # fmt: skip
    """:func:`gep_composition_figure`, saved as PNG at ``path``."""
    return _save(gep_composition_figure(ledger, year, lang=lang, top=top), Path(path))


def _steps(lines: pd.DataFrame, scale: float) -> list[tuple[str, float, float, str]]:
    """``(label, bottom, height, colour)`` of the five waterfall bars."""
    v = lines.groupby(lines["service"].astype(str))["value"].sum() / scale
    gdp = float(v.get("gdp", 0.0))
    out = [(msg("report.step.gdp"), 0.0, gdp, COLORS["gdp"])]
    level = gdp
    for s in ("pdc", "edc", "ers"):
        d = float(v.get(s, 0.0))
        out.append((msg(f"report.step.{s}"), level, d, COLORS[s]))
        level += d
    out.append(("GEEP", 0.0, level, COLORS["geep"]))
    return out


def geep_waterfall_figure(
    ledger: Ledger, year: int | None = None, region: str | None = None, *,
    lang: str | None = None,
):  # fmt: skip
    """Waterfall GDP → −PDC → −EDC → +ERS → GEEP for one region or all regions summed; the
    value axis starts at zero and holds every bar whole."""
    lang = figure_language(lang)
    lines, year = _year_lines(ledger, "GEEP", year)
    if region is not None:
        lines = lines[(lines["region_code"].astype(str) == str(region)).to_numpy()]
        if lines.empty:
            raise MethodError(text("plot.no_region", region=region))
    with _style(lang):
        scale, unit, py = _money(lines, "GEEP")
        steps = _steps(lines, scale)
        fig, ax = plt.subplots(figsize=(8, 5))
        for i, (_, bottom, height, color) in enumerate(steps):
            ax.bar(i, height, bottom=bottom, color=color)
            ax.annotate(f"{height:,.2f}", (i, max(bottom, bottom + height)), ha="center",
                        va="bottom", fontsize=9, xytext=(0, 2), textcoords="offset points")  # fmt: skip
        ends = [b + h for _, b, h, _ in steps] + [b for _, b, _, _ in steps]
        _fit_limits(ax, ends, ends)
        ax.set_xticks(range(len(steps)), [s[0] for s in steps])
        names = _names(ledger, lang)
        regions = sorted(set(lines["region_code"].astype(str)))
        where = names.get(regions[0], regions[0]) if len(regions) == 1 else msg(
            "report.all_regions", n=len(regions))  # fmt: skip
        ax.set_title(_title(ledger, msg("plot.waterfall_title", where=where, year=year)))
        ax.set_ylabel(_axis_label(unit, py))
        fig.tight_layout()
    return fig


def geep_waterfall(
    ledger: Ledger, path: str | Path, year: int | None = None, region: str | None = None, *,
    lang: str | None = None,
) -> Path:  # fmt: skip
    """:func:`geep_waterfall_figure`, saved as PNG at ``path``."""
    return _save(geep_waterfall_figure(ledger, year, region, lang=lang), Path(path))


def compare_totals_figure(
    comparison: Any, account: str | None = None, *, lang: str | None = None,
    names: Mapping[str, str] | None = None,
):  # fmt: skip
    """Bars of one account's total per side of a :class:`~geep.compare.Comparison` (default:
    its first account), from zero; ``names`` relabels sides (e.g. region codes to names)."""
    lang = figure_language(lang)
    tot = comparison.totals
    account = account or str(tot["account"].iloc[0])
    sub = tot[tot["account"].astype(str) == account].set_index("side").reindex(comparison.sides)
    unit_code, py = comparison.money.get(account, (comparison.unit, comparison.price_year))
    with _style(lang):
        scale, code = _SCALE.get(unit_code, (1.0, None))
        unit = msg(code) if code else unit_code
        values = (sub["value"] / scale).to_numpy()
        fig, ax = plt.subplots(figsize=(max(5.0, 0.9 * len(values) + 2), 4.5))
        ax.bar(range(len(values)), values, color=COLORS["regulating"])
        for i, v in enumerate(values):
            ax.annotate(f"{v:,.2f}", (i, max(v, 0.0)), ha="center", va="bottom", fontsize=9,
                        xytext=(0, 2), textcoords="offset points")  # fmt: skip
        _fit_limits(ax, list(values), list(values))
        labels = [(names or {}).get(s, s) for s in comparison.sides]
        ax.set_xticks(range(len(values)), labels, rotation=30 if len(values) > 6 else 0)
        ax.set_ylabel(_axis_label(unit, py))
        ax.set_title(msg("plot.compare_title", account=label("account_short", account)))
        fig.tight_layout()
    return fig


def compare_totals(comparison: Any, path: str | Path, account: str | None = None,
                   **kw: Any) -> Path:  # fmt: skip
    """:func:`compare_totals_figure`, saved as PNG at ``path``."""
    return _save(compare_totals_figure(comparison, account, **kw), Path(path))


from .plot_uncertainty import fan_chart, sensitivity_bars, tornado  # noqa: E402  (after the backend)

__all__ = [
    "CJK_FONTS",
    "COLORS",
    "FontWarning",
    "cjk_font",
    "compare_totals",
    "compare_totals_figure",
    "fan_chart",
    "figure_language",
    "geep_waterfall",
    "geep_waterfall_figure",
    "gep_composition",
    "gep_composition_figure",
    "sensitivity_bars",
    "tornado",
]
