"""Monte Carlo over coefficient editions: :func:`simulate` and the :class:`Simulation`.

A draw is one realisation of every coefficient table, shared by all regions, years and
scenarios (common random numbers): aggregates are sums of draws, never sums of quantiles.
The draws run through the very terms the deterministic ledger was computed with, as an extra
array axis (no Python loop over method calls).

References
----------
DESIGN §11; reference/uncertainty-seea.md §3.2; issue 16.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..ledger_frame import sort_order
from ..messages import text
from . import propagate as pr
from .assign import Assignment, assign, varied_frame, widths_frame
from .build import build
from .model import Model
from .sampling import (
    SAMPLINGS,
    corr_groups,
    draw_uniforms,
    entropy_of,
    theta_matrix,
    transform,
)

#: quantiles of the quantile ledger
LEDGER_Q = (0.05, 0.25, 0.5, 0.75, 0.95)
#: ledger columns that are not keys of a quantile line (their values vary or are replaced)
NOT_KEYS = ("price", "price_unit", "value", "method")


class Simulation:
    """Draws of a method's ledger.

    Attributes
    ----------
    model
        The linear model (θ, terms, contributions, deterministic ledger).
    theta_draws
        θ in every draw (n_theta × n_draws) [canonical units].
    n_draws, seed_entropy, sampling
        How the draws were made (the entropy reproduces them).
    """

    def __init__(self, model: Model, assignment: Assignment, n_draws: int, entropy: int,
                 sampling: str = "random", correlation: Mapping[str, float] | None = None,
                 chunk: int = pr.CHUNK) -> None:  # fmt: skip
        if isinstance(n_draws, bool) or not isinstance(n_draws, int | np.integer) or n_draws < 1:
            raise MethodError(text("uncertainty.bad_draws", draws=repr(n_draws)))
        if sampling not in SAMPLINGS:
            raise MethodError(text("uncertainty.bad_sampling", sampling=repr(sampling),
                                   choices=", ".join(SAMPLINGS)))  # fmt: skip
        self.model = model
        self.assignment = assignment
        self.n_draws = int(n_draws)
        self.seed_entropy = int(entropy)
        self.sampling = sampling
        self.chunk = int(chunk)
        groups, notes = corr_groups(assignment.varied, correlation)
        self.corr_groups = groups
        self.notes: list[Any] = [*model.notes, *assignment.notes, *notes]
        u = draw_uniforms(assignment.varied, self.n_draws, self.seed_entropy, sampling)
        drawn = transform(assignment.varied, u, groups, self.seed_entropy)
        values = model.theta["value"].to_numpy(dtype=np.float64)
        self.theta_draws = theta_matrix(values, drawn, self.n_draws)
        self._P: np.ndarray | None = None

    # --- identity -----------------------------------------------------------------------------
    @property
    def method(self) -> str:
        """How the draws were made: ``mc-random`` / ``mc-lhs``, ``+copula`` / ``+iman-conover``
        when correlation groups were used."""
        tags = [f"mc-{self.sampling}"]
        by = {m.pos: m for m in self.assignment.varied}
        if any(all(by[p].dist != "empirical" for p in g.members) for g in self.corr_groups):
            tags.append("copula")
        if any(any(by[p].dist == "empirical" for p in g.members) for g in self.corr_groups):
            tags.append("iman-conover")
        return "+".join(tags)

    @property
    def deterministic(self):
        """The deterministic ledger (all coefficients at their values)."""
        return self.model.ledger

    @property
    def varied(self) -> pd.DataFrame:
        """The coefficients that were varied, with their distributions and spec sources."""
        return varied_frame(self.assignment, self.model.theta)

    @property
    def widths(self) -> pd.DataFrame:
        """The by-evidence half-widths used (empty unless defaults were asked for)."""
        return widths_frame(self.assignment.widths)

    @property
    def P(self) -> np.ndarray:
        """Every category's value in every draw (n_cat × n_draws)."""
        if self._P is None:
            self._P = pr.category_values(self.model, self.theta_draws)
        return self._P

    def settings(self) -> dict[str, Any]:
        """How the draws were made, for outputs and their metadata."""
        return {"method": self.method, "n_draws": self.n_draws,
                "seed_entropy": str(self.seed_entropy), "sampling": self.sampling,
                "accounting_method": self.model.label,
                "defaults": self.assignment.widths, "varied": len(self.assignment.varied),
                "correlation_groups": {g.name: g.rho for g in self.corr_groups}}  # fmt: skip

    # --- values -------------------------------------------------------------------------------
    def _blocks(self, by: Sequence[str] | None, regions: Mapping[str, str] | None
                ) -> tuple[pd.DataFrame, np.ndarray, Iterator[tuple[slice, np.ndarray]]]:  # fmt: skip
        """Group keys, deterministic values and an iterator of (block, draws of the block)."""
        if by is None:
            gidx = np.arange(self.model.n_lines, dtype=np.int64)
            keys = self._line_keys()
        else:
            gidx, keys = pr.groups(self.model, by, regions)
        n_groups = len(keys)
        S = pr.group_matrix(self.model, gidx, n_groups)
        det = np.asarray(S @ pr.category_values(self.model, self.model.theta["value"].to_numpy()))
        P = self.P

        def it() -> Iterator[tuple[slice, np.ndarray]]:
            for blk in pr.blocks(n_groups, self.n_draws, self.chunk):
                yield blk, np.asarray(S[blk] @ P)

        return keys, det.reshape(-1), it()

    def values(self, by: Sequence[str] | None = ("region_code", "year"),
               regions: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, np.ndarray]:  # fmt: skip
        """Group keys and the draws of every group (n_groups × n_draws) [CNY]."""
        keys, _, it = self._blocks(by, regions)
        parts = [v for _, v in it]
        return keys, (np.concatenate(parts) if parts else np.zeros((0, self.n_draws)))

    def quantiles(self, q: Sequence[float] = (0.05, 0.5, 0.95),
                  by: Sequence[str] | None = ("region_code", "year"),
                  regions: Mapping[str, str] | None = None) -> pd.DataFrame:  # fmt: skip
        """Quantiles, mean, sd and the deterministic value of the sum over each group.

        Parameters
        ----------
        q
            Probabilities; columns ``q05``, ``q50``, ``q95`` … (linear interpolation).
        by
            Columns of the lines to group by (``()``: the grand total; ``None``: each line).
        regions
            ``{region_code: parent code}``: sum counties into provinces first (every code
            must be mapped).

        Returns
        -------
        DataFrame with columns ``by…, q05, q50, q95, mean, sd, deterministic`` [CNY]; sd has
        ``ddof=1``. Aggregates are computed from summed draws (common random numbers).
        """
        q = pr.check_q(q)
        keys, det, it = self._blocks(by, regions)
        cols: dict[str, list[np.ndarray]] = {}
        for _, v in it:
            for k, x in pr.summarise(v, q).items():
                cols.setdefault(k, []).append(x)
        names = [pr.quantile_name(x) for x in q]
        out = keys.reset_index(drop=True).copy()
        for k in (*names, "mean", "sd"):
            out[k] = np.concatenate(cols[k]) if cols.get(k) else np.zeros(len(out))
        out["deterministic"] = det
        return out

    def draws(self, by: Sequence[str] | None = ("year",),
              regions: Mapping[str, str] | None = None) -> pd.DataFrame:  # fmt: skip
        """Long frame ``draw, by…, value`` of the sum over each group in every draw [CNY]."""
        keys, v = self.values(by, regions)
        n_g = len(keys)
        out = keys.reset_index(drop=True).take(np.repeat(np.arange(n_g), self.n_draws))
        out.insert(0, "draw", np.tile(np.arange(self.n_draws, dtype=np.int32), n_g))
        out["value"] = v.reshape(-1)
        return out.reset_index(drop=True)

    # --- the quantile ledger --------------------------------------------------------------------
    def _line_keys(self) -> pd.DataFrame:
        lines = self.model.lines
        keys = lines[[c for c in lines.columns if c not in NOT_KEYS]].copy()
        if "method" in lines.columns:
            keys["ledger_method"] = lines["method"]
        return keys

    def ledger(self, q: Sequence[float] = LEDGER_Q):
        """The quantile ledger: the deterministic ledger's keys plus ``deterministic, mean,
        sd, q05 … q95, n_draws, seed_entropy, method``, one row per line (ledger order)."""
        from .qledger import QuantileLedger

        q = pr.check_q(q)
        stats = pr.line_summary(self.model, self.P, q)
        frame = self._line_keys()
        frame["deterministic"] = self.model.lines["value"].to_numpy(dtype=np.float64)
        for k in ("mean", "sd", *map(pr.quantile_name, q)):
            frame[k] = stats[k]
        frame["n_draws"] = self.n_draws
        frame["seed_entropy"] = str(self.seed_entropy)
        frame["method"] = self.method
        order = sort_order(frame)
        if order is not None:
            frame = frame.take(order)
        return QuantileLedger(frame.reset_index(drop=True), self._meta())

    def _meta(self) -> dict[str, Any]:
        led = self.model.ledger
        return {
            "uncertainty": self.settings(),
            "varied": self.varied.to_dict(orient="records"),
            "widths": dict(self.assignment.widths or {}),
            "notes": [str(n) for n in self.notes],
            "status": led.status,
            "ledger": {k: led.meta.get(k) for k in ("method", "profile", "status", "tables",
                                                    "options", "evidence") if k in led.meta},
            "warnings": [str(w) for w in led.meta.get("warnings", [])],
        }  # fmt: skip

    def to_parquet(self, path, by: Sequence[str] | None = None,
                   regions: Mapping[str, str] | None = None):  # fmt: skip
        """Write the draws (long: ``draw, keys…, value`` as float32) to Parquet, atomically."""
        from .qledger import write_draws_parquet

        keys, _det, it = self._blocks(by, regions)
        return write_draws_parquet(path, keys, it, self.n_draws, self._meta())

    def __repr__(self) -> str:
        return (f"Simulation({self.model.label}: {self.n_draws} draws, "
                f"{len(self.assignment.varied)} coefficients varied, {self.method}, "
                f"seed entropy {self.seed_entropy})")  # fmt: skip


def simulate(method: Any, inputs: Any = None, *, draws: int = 1000, seed: int | None = 42,
             distributions: object = None, defaults: object = None,
             correlation: Mapping[str, float] | None = None, sampling: str = "random",
             chunk: int = pr.CHUNK, **method_kwargs: Any):  # fmt: skip
    """Monte Carlo over coefficients (and, for settlements, monitoring data).

    Parameters
    ----------
    method
        A registered method (``"esv"``, ``"gep"``, ``"bt"``, ``"geep"``), several (a list, or
        ``"all"``), ``"compensate"`` (a settlement under measurement error: see
        :func:`geep.uncertainty.compensation.simulate_settlement`), or a callable taking the
        realised coefficient tables (see :func:`geep.uncertainty.tables.simulate_callable`).
    inputs
        What the method takes: Inputs, a mapping of frames or its first table.
    draws
        Number of draws.
    seed
        Seed entropy (``None``: fresh entropy, recorded in every output).
    distributions
        ``{reference: spec}``, a DataFrame or a CSV path (see :mod:`geep.uncertainty.specs`).
    defaults
        ``"by-evidence"`` (or ``{evidence: half-width}``): vary every other coefficient by a
        triangular ±width around its value by its evidence level; off unless asked for.
    correlation
        ``{corr_group: ρ}`` (Spearman) for groups whose members do not state ρ.
    sampling
        ``"random"`` or ``"lhs"`` (Latin hypercube per coefficient).
    chunk
        Values held at once when summing groups (groups × draws) [cells].
    **method_kwargs
        ``profile``, ``price_year``, ``options``, ``tables``, a method's options (``d``,
        ``class_map`` …) or extra tables (``grain``, ``adjustments``).

    Returns
    -------
    Simulation
        (``SettlementSimulation`` for ``"compensate"``.)
    """
    entropy = entropy_of(seed)
    if isinstance(method, str) and method == "compensate":
        from .compensation import simulate_settlement

        return simulate_settlement(inputs, draws=draws, seed=entropy, sampling=sampling,
                                   **method_kwargs)  # fmt: skip
    if callable(method):
        from .tables import simulate_callable

        return simulate_callable(method, inputs, draws=draws, seed=entropy,
                                 distributions=distributions, defaults=defaults,
                                 correlation=correlation, sampling=sampling,
                                 **method_kwargs)  # fmt: skip
    model = build(method, inputs, **method_kwargs)
    a = assign(model, distributions, defaults)
    return Simulation(model, a, draws, entropy, sampling, correlation, chunk)


__all__ = ["LEDGER_Q", "Simulation", "simulate"]
