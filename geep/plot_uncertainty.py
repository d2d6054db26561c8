"""Figures of uncertainty results (needs the ``plot`` extra; re-exported by :mod:`geep.plot`).

* :func:`fan_chart` — a value over years: median, 50 % and 90 % bands, the deterministic
  value (the median of a skewed distribution is not the point estimate);
* :func:`sensitivity_bars` — Sobol first-order and total indices (or Morris μ*) per group,
  with their confidence intervals;
* :func:`tornado` — the output at −δ and +δ of each group (the one-at-a-time CS design),
  largest swing on top.

Each takes a result object or its frame and writes a PNG atomically when ``path`` is given
(returning the path), else returns the matplotlib figure.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("geep.plot needs matplotlib: pip install 'geep[plot]'") from exc

import pandas as pd

from .errors import MethodError
from .io.atomic import atomic_write_bytes
from .messages import msg, text

BAND_COLOR = "#409eff"


def _out(fig, path: str | Path | None):
    if path is None:
        return fig
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, bbox_inches="tight",
                metadata={"Software": "geep", "Creation Time": None})  # fmt: skip
    plt.close(fig)
    atomic_write_bytes(Path(path), buf.getvalue())
    return Path(path)


def _need(frame: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise MethodError(text("uncertainty.plot_columns", what=what, columns=", ".join(missing)))


def fan_chart(data: Any, path: str | Path | None = None, *, x: str = "year",
              scale: float = 1e8, unit: str = "100 million CNY", title: str | None = None):  # fmt: skip
    """Fan chart of a value over ``x``: a :class:`~geep.uncertainty.Simulation` (summed over
    everything else) or a frame with ``x, q05, q25, q50, q75, q95, deterministic``."""
    frame = data.quantiles(q=(0.05, 0.25, 0.5, 0.75, 0.95), by=(x,)) if hasattr(
        data, "quantiles") else pd.DataFrame(data)  # fmt: skip
    _need(frame, (x, "q05", "q95", "q50"), "fan_chart")
    f = frame.sort_values(x)
    fig, ax = plt.subplots(figsize=(7, 4))
    xs = f[x].to_numpy()
    ax.fill_between(xs, f["q05"] / scale, f["q95"] / scale, color=BAND_COLOR, alpha=0.2,
                    label=msg("uncertainty.plot_band90"))  # fmt: skip
    if {"q25", "q75"} <= set(f.columns):
        ax.fill_between(xs, f["q25"] / scale, f["q75"] / scale, color=BAND_COLOR, alpha=0.35,
                        label=msg("uncertainty.plot_band50"))  # fmt: skip
    ax.plot(xs, f["q50"] / scale, color=BAND_COLOR, label=msg("uncertainty.plot_median"))
    if "deterministic" in f.columns:
        ax.plot(xs, f["deterministic"] / scale, color="#303133", linestyle="--",
                label=msg("uncertainty.plot_deterministic"))  # fmt: skip
    ax.set_xlabel(x)
    ax.set_ylabel(unit)
    ax.legend(frameon=False)
    if title:
        ax.set_title(title)
    return _out(fig, path)


def sensitivity_bars(result: Any, path: str | Path | None = None, *, top: int = 15,
                     title: str | None = None):  # fmt: skip
    """Horizontal bars of S1 and ST (Sobol) or μ* (Morris) per group, with confidence
    intervals; ``result`` is a :class:`~geep.uncertainty.SensitivityResult` or its indices."""
    f = getattr(result, "indices", result)
    f = pd.DataFrame(f).head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(f) + 1.2))
    y = range(len(f))
    if "ST" in f.columns:
        ax.barh([i + 0.2 for i in y], f["ST"], height=0.4, xerr=f.get("ST_conf"),
                color=BAND_COLOR, label="ST")  # fmt: skip
        ax.barh([i - 0.2 for i in y], f["S1"], height=0.4, xerr=f.get("S1_conf"),
                color="#e6a23c", label="S1")  # fmt: skip
        ax.set_xlabel(msg("uncertainty.plot_sobol"))
    else:
        _need(f, ("mu_star",), "sensitivity_bars")
        ax.barh(list(y), f["mu_star"], xerr=f.get("mu_star_conf"), color=BAND_COLOR, label="μ*")
        ax.set_xlabel(msg("uncertainty.plot_morris"))
    ax.set_yticks(list(y), [str(g) for g in f["group"]])
    ax.legend(frameon=False)
    if title:
        ax.set_title(title)
    return _out(fig, path)


def tornado(result: Any, path: str | Path | None = None, *, scale: float = 1e8,
            unit: str = "100 million CNY", top: int = 15, title: str | None = None):  # fmt: skip
    """Tornado of the output at −δ / +δ per group (``result.cs`` or a frame with ``group,
    base, low, high``), largest swing on top."""
    f = pd.DataFrame(getattr(result, "cs", result))
    _need(f, ("group", "base", "low", "high"), "tornado")
    f = f.assign(_swing=(f["high"] - f["low"]).abs()).sort_values("_swing").tail(top)
    base = float(f["base"].iloc[0]) / scale
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(f) + 1.2))
    y = list(range(len(f)))
    lo, hi = f["low"] / scale - base, f["high"] / scale - base
    ax.barh(y, lo, left=base, color="#f56c6c", label="−δ")
    ax.barh(y, hi, left=base, color=BAND_COLOR, label="+δ")
    ax.axvline(base, color="#303133", linewidth=0.8)
    ax.set_yticks(y, [str(g) for g in f["group"]])
    ax.set_xlabel(unit)
    ax.legend(frameon=False)
    if title:
        ax.set_title(title)
    return _out(fig, path)


__all__ = ["fan_chart", "sensitivity_bars", "tornado"]
