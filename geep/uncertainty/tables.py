"""Monte Carlo of your own model: a callable taking realised coefficient tables.

``simulate(fn, ["xie2015-factors@2015", "standard-equivalent"], distributions=...)`` draws
the rows of those tables (their value column, in the table's own units) with the same
specs, streams and copulas as the registered methods, and calls ``fn(tables)`` once per draw
with ``tables = {table ref: frame with the drawn values}``. ``fn`` returns a number or a
numeric :class:`pandas.Series` (e.g. a total per region). A black box cannot be vectorised:
this is one call per draw, for models outside the registry; registered methods never go
through here.

References
----------
issue 16 (``method``: "or a callable taking resolved tables").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..messages import text
from ..methods.resolved import ThetaBuilder
from .propagate import check_q, quantile_name, summarise
from .sampling import corr_groups, draw_uniforms, theta_matrix, transform
from .specs import (
    check_widths,
    default_specs,
    parse_distributions,
    resolve_marginal,
    table_specs,
    user_matches,
)

VALUE_COLUMNS = ("value", "factor", "unit_value", "index_prev_year")


def _tables(inputs: Any) -> list[Any]:
    from ..coefficients import CoefficientTable, load

    items = list(inputs.values()) if isinstance(inputs, Mapping) else list(inputs or [])
    if not items:
        raise MethodError(text("uncertainty.no_tables"))
    return [t if isinstance(t, CoefficientTable) else load(str(t)) for t in items]


def _theta(tables: Sequence[Any]) -> tuple[pd.DataFrame, list[tuple[Any, str, np.ndarray]]]:
    th = ThetaBuilder()
    where = []
    for t in tables:
        col = next((c for c in VALUE_COLUMNS if c in t.frame.columns), None)
        if col is None:
            raise MethodError(text("uncertainty.no_value_column", table=t.ref,
                                   columns=", ".join(VALUE_COLUMNS)))  # fmt: skip
        keys = [tuple(r) if len(t.meta.key) > 1 else r[0]
                for r in t.frame[list(t.meta.key)].itertuples(index=False)]  # fmt: skip
        where.append((t, col, th.add_rows(t, keys, column=col)))
    return th.build(), where


class CallableSimulation:
    """Draws of a callable's output (one value per draw, or one per index label)."""

    def __init__(self, keys: pd.DataFrame, values: np.ndarray, deterministic: np.ndarray,
                 meta: dict[str, Any]) -> None:  # fmt: skip
        self.keys, self.values, self.deterministic, self.meta = keys, values, deterministic, meta
        self.n_draws = values.shape[1]

    def quantiles(self, q: Sequence[float] = (0.05, 0.5, 0.95)) -> pd.DataFrame:
        q = check_q(q)
        out = self.keys.copy()
        for k, v in summarise(self.values, q).items():
            out[k] = v
        names = [quantile_name(x) for x in q]
        out = out[[*self.keys.columns, *names, "mean", "sd"]]
        out["deterministic"] = self.deterministic
        return out

    def draws(self) -> pd.DataFrame:
        n_g = len(self.keys)
        out = self.keys.take(np.repeat(np.arange(n_g), self.n_draws)).reset_index(drop=True)
        out.insert(0, "draw", np.tile(np.arange(self.n_draws, dtype=np.int32), n_g))
        out["value"] = self.values.reshape(-1)
        return out

    def __repr__(self) -> str:
        return f"CallableSimulation({len(self.keys)} output(s), {self.n_draws} draws)"


def _as_vector(y: Any) -> tuple[pd.Index, np.ndarray]:
    if isinstance(y, pd.Series):
        return y.index, y.to_numpy(dtype=np.float64)
    if np.isscalar(y) and isinstance(y, int | float | np.number) and not isinstance(y, bool):
        return pd.Index(["value"], name="output"), np.array([float(y)])
    raise MethodError(text("uncertainty.bad_callable_output", type=type(y).__name__))


def simulate_callable(fn: Callable[[dict[str, pd.DataFrame]], Any], inputs: Any, *,
                      draws: int = 1000, seed: int = 42, distributions: object = None,
                      defaults: object = None, correlation: Mapping[str, float] | None = None,
                      sampling: str = "random") -> CallableSimulation:  # fmt: skip
    """Call ``fn`` on every draw of the coefficient tables ``inputs`` (refs or tables)."""
    tables = _tables(inputs)
    theta, where = _theta(tables)
    chosen = dict(table_specs(theta))
    chosen.update(user_matches(theta, parse_distributions(distributions)))
    widths = check_widths(defaults)
    if widths is not None:
        chosen.update(default_specs(theta, [p for p in range(len(theta)) if p not in chosen],
                                    widths)[0])  # fmt: skip
    refs, values = theta["ref"].tolist(), theta["value"].to_numpy(dtype=float)
    units = theta["unit"].astype(str).tolist()
    marg = [
        resolve_marginal(p, refs[p], float(values[p]), units[p], chosen[p]) for p in sorted(chosen)
    ]
    varied = [m for m in marg if m.dist != "fixed"]
    groups, notes = corr_groups(varied, correlation)
    drawn = transform(varied, draw_uniforms(varied, draws, seed, sampling), groups, seed)
    mat = theta_matrix(values, drawn, draws)

    def call(column: np.ndarray) -> tuple[pd.Index, np.ndarray]:
        frames = {}
        for t, col, pos in where:
            f = t.frame.copy()
            f[col] = column[pos]
            frames[t.ref] = f
        return _as_vector(fn(frames))

    index, det = call(values)
    out = np.empty((len(det), draws))
    for d in range(draws):
        idx, v = call(mat[:, d])
        if not idx.equals(index):
            raise MethodError(text("uncertainty.callable_index"))
        out[:, d] = v
    keys = index.to_frame(index=False)
    meta = {"n_draws": draws, "seed_entropy": str(seed), "sampling": sampling,
            "varied": [m.ref for m in varied], "notes": [str(n) for n in notes]}  # fmt: skip
    return CallableSimulation(keys, out, det, meta)


__all__ = ["CallableSimulation", "simulate_callable"]
