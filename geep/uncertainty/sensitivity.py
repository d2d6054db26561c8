"""Global sensitivity over groups of coefficients (SALib), and the classic CS index.

* **Sobol** (Saltelli sampling, ``calc_second_order=False``): first-order ``S1`` and total
  ``ST`` indices of each group — the share of the output variance a group explains alone, and
  with all its interactions. Groups are formed by service, table, ecosystem type, your own
  mapping or per coefficient; shared scalars (D, a price-index chain) are groups of their own.
* **Morris** elementary effects (``mu_star``, ``sigma``) per group — a cheaper screening.
* **CS** (coefficient of sensitivity, common in Chinese ESV studies): the relative change of
  the output over the relative change of a group's coefficients, ``|ΔY/Y| / δ``. For a linear
  account it is the group's share of the value — whatever δ — so it ranks coefficients by
  size, not by how uncertain they are; it is reported for comparison with the literature.

Samples are uniforms in [0, 1] mapped through the same marginals (and copulas) as
:func:`~geep.uncertainty.simulate`, and evaluated through the same value terms, vectorised.
Sobol indices assume independent groups: a correlation group split over factor groups is an
error.

References
----------
.. [1] Saltelli, A. et al. (2010). Variance based sensitivity analysis of model output.
   Computer Physics Communications 181:259-270.
.. [2] Morris, M. D. (1991). Factorial sampling plans for preliminary computational
   experiments. Technometrics 33(2):161-174.
.. [3] Herman, J. & Usher, W. (2017). SALib: an open-source Python library for sensitivity
   analysis. JOSS 2(9):97.
.. [4] Aschonitis, V. G. et al. (2016). Criticism on elasticity-sensitivity coefficient for
   assessing the robustness and sensitivity of ecosystem services values. Ecosystem Services
   20:66-68.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import _formats
from ..errors import MethodError
from ..messages import did_you_mean, text
from . import propagate as pr
from .assign import assign, varied_frame
from .build import build
from .groups import factor_groups
from .model import Model
from .sampling import corr_groups, theta_matrix, transform
from .specs import Marginal

TECHNIQUES = ("sobol", "morris", "cs")
_SAMPLES = 8192  # samples evaluated at once


@dataclass
class SensitivityResult:
    """Indices per group (and per output group when ``by`` was given).

    Attributes
    ----------
    indices
        Sobol: ``by…, group, shared, members, S1, S1_conf, ST, ST_conf``; Morris: ``by…,
        group, shared, members, mu, mu_star, sigma, mu_star_conf``; sorted by importance.
    cs
        The classic coefficient of sensitivity per group: ``by…, group, members, delta, cs``.
    meta
        Technique, sample size, seed, groups, the varied coefficients.
    """

    technique: str
    indices: pd.DataFrame
    cs: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    def to_excel(self, path: str | Path, lang: str = "en") -> Path:
        return _formats.get("uncertainty.write_sensitivity")(self, path, lang=lang)

    def to_csv(self, path: str | Path) -> Path:
        write = _formats.get("atomic.write_bytes")
        path = Path(path)
        frame = _formats.get("safety.neutralise_frame")(self.indices)
        write(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        import json

        meta = {**self.meta, "cs": self.cs.to_dict(orient="records")}
        write(path.with_name(path.name + ".meta.json"),
              (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True, default=str)
               + "\n").encode("utf-8"))  # fmt: skip
        return path

    def write(self, path: str | Path, lang: str = "en") -> Path:
        return (
            self.to_csv(path) if Path(path).suffix.lower() == ".csv" else self.to_excel(path, lang)
        )

    def __repr__(self) -> str:
        return f"SensitivityResult({self.technique}, {len(self.indices)} rows)\n{self.indices.head(12)}"


def _technique(technique: str | None, kwargs: dict[str, Any]) -> str:
    """The technique from ``technique=`` or — the contract's spelling — ``method=``."""
    alias = kwargs.pop("method", None)
    if technique is not None and alias is not None and alias != technique:
        raise MethodError(text("uncertainty.technique_twice", a=technique, b=alias))
    t = technique or alias or "sobol"
    if t not in TECHNIQUES:
        raise MethodError(text("uncertainty.bad_technique", technique=repr(t),
                               suggestion=did_you_mean(str(t), list(TECHNIQUES)),
                               choices=", ".join(TECHNIQUES)))  # fmt: skip
    return t


class _Output:
    """Y(θ draws) = S @ P for the output groups ``by`` (the grand total by default)."""

    def __init__(self, model: Model, by: Sequence[str] | None, regions) -> None:
        gidx, self.keys = pr.groups(model, list(by or ()), regions)
        self.S = pr.group_matrix(model, gidx, len(self.keys))
        self.model = model

    def __call__(self, theta: np.ndarray) -> np.ndarray:
        out = []
        for a in range(0, theta.shape[1], _SAMPLES):
            P = self.model.terms.evaluate(theta[:, a : a + _SAMPLES])
            out.append(np.asarray(self.S @ P))
        return np.concatenate(out, axis=1)


def _theta(model: Model, varied: Sequence[Marginal], u: np.ndarray, groups, entropy: int):
    drawn = transform(varied, {m.pos: u[:, j] for j, m in enumerate(varied)}, groups, entropy)
    return theta_matrix(model.theta["value"].to_numpy(), drawn, u.shape[0])


def _check_corr(groups, varied: Sequence[Marginal], names: Sequence[str]) -> None:
    of = {m.pos: g for m, g in zip(varied, names, strict=True)}
    for cg in groups:
        gs = sorted({of[p] for p in cg.members})
        if len(gs) > 1:
            raise MethodError(text("uncertainty.corr_split", group=cg.name, groups=", ".join(gs)),
                              hint=text("uncertainty.hint_corr_split"))  # fmt: skip


def _long(keys: pd.DataFrame, per_output: list[pd.DataFrame]) -> pd.DataFrame:
    rows = []
    for i, frame in enumerate(per_output):
        f = frame.copy()
        for c in keys.columns[::-1]:
            f.insert(0, c, keys[c].iloc[i])
        rows.append(f)
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def _sobol(model, varied, names, cgroups, out: _Output, n, seed, entropy, conf):
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    problem = {"num_vars": len(varied), "names": [m.ref for m in varied],
               "bounds": [[0.0, 1.0]] * len(varied), "groups": list(names)}  # fmt: skip
    u = np.clip(sample.sample(problem, n, calc_second_order=False, seed=seed), 1e-12, 1 - 1e-12)
    Y = out(_theta(model, varied, u, cgroups, entropy))
    frames = []
    for y in Y:
        if np.ptp(y) == 0:
            raise MethodError(text("uncertainty.no_variance"))
        r = analyze.analyze(problem, y, calc_second_order=False, conf_level=conf, seed=seed)
        st, s1 = r.to_df()
        frames.append(pd.DataFrame({"group": st.index.astype(str), "S1": s1["S1"].to_numpy(),
                                    "S1_conf": s1["S1_conf"].to_numpy(), "ST": st["ST"].to_numpy(),
                                    "ST_conf": st["ST_conf"].to_numpy()}))  # fmt: skip
    return frames, len(u)


def _morris(model, varied, names, cgroups, out: _Output, n, seed, entropy, conf, levels):
    from SALib.analyze import morris as analyze
    from SALib.sample import morris as sample

    problem = {"num_vars": len(varied), "names": [m.ref for m in varied],
               "bounds": [[0.0, 1.0]] * len(varied), "groups": list(names)}  # fmt: skip
    x = sample.sample(problem, n, num_levels=levels, seed=seed)
    u = (x * (levels - 1) + 0.5) / levels  # grid levels → the middle of their strata
    Y = out(_theta(model, varied, u, cgroups, entropy))
    frames = []
    for y in Y:
        r = analyze.analyze(problem, x, y, num_levels=levels, conf_level=conf, seed=seed)
        frames.append(pd.DataFrame({"group": [str(g) for g in r["names"]],
                                    "mu": np.asarray(r["mu"], float),
                                    "mu_star": np.asarray(r["mu_star"], float),
                                    "sigma": np.asarray(r["sigma"], float),
                                    "mu_star_conf": np.asarray(r["mu_star_conf"], float)}))  # fmt: skip
    return frames, len(u)


def cs_index(model: Model, positions: Sequence[int], names: Sequence[str], out: _Output,
             delta: float) -> list[pd.DataFrame]:  # fmt: skip
    """CS = |ΔY/Y| / δ when every coefficient of a group is raised by δ (relative), with the
    outputs at −δ / +δ (``low``, ``high``) for a tornado chart."""
    base = model.theta["value"].to_numpy(dtype=np.float64)
    labels = sorted(set(names))
    k = len(labels)
    theta = np.repeat(base[:, None], 2 * k + 1, axis=1)
    for j, g in enumerate(labels):
        sel = [p for p, name in zip(positions, names, strict=True) if name == g]
        theta[sel, 1 + j] = base[sel] * (1.0 + delta)
        theta[sel, 1 + k + j] = base[sel] * (1.0 - delta)
    Y = out(theta)
    frames = []
    for y in Y:
        y0, hi, lo = y[0], y[1 : k + 1], y[k + 1 :]
        with np.errstate(divide="ignore", invalid="ignore"):
            cs = np.abs((hi - y0) / y0) / delta
        frames.append(pd.DataFrame({"group": labels, "delta": delta, "cs": cs, "base": y0,
                                    "low": lo, "high": hi}))  # fmt: skip
    return frames


def _members(frame: pd.DataFrame, names: Sequence[str], shared: Sequence[bool]) -> pd.DataFrame:
    count = pd.Series(list(names)).value_counts()
    sh = dict(zip(names, shared, strict=True))
    frame.insert(frame.columns.get_loc("group") + 1, "shared", frame["group"].map(sh).fillna(False))
    frame.insert(
        frame.columns.get_loc("group") + 2,
        "members",
        frame["group"].map(count).fillna(0).astype(int),
    )
    return frame


def sensitivity(method: Any, inputs: Any = None, /, *, technique: str | None = None,
                groups: str | Mapping[str, str] = "service", n: int = 2**12, seed: int = 1,
                distributions: object = None, defaults: object = None,
                correlation: Mapping[str, float] | None = None,
                by: Sequence[str] | None = None, regions: Mapping[str, str] | None = None,
                delta: float = 0.5, conf_level: float = 0.95, num_levels: int = 4,
                **kwargs: Any) -> SensitivityResult:  # fmt: skip
    """Sensitivity of a method's totals to groups of coefficients.

    Parameters
    ----------
    method
        The accounting method (``"esv"``, ``"gep"``, ``"bt"``, ``"geep"``, a list or ``"all"``),
        positional.
    technique
        ``"sobol"`` (default), ``"morris"`` or ``"cs"``. The keyword ``method=`` is accepted
        as its alias (the accounting method is the first positional argument), so
        ``sensitivity("esv", lc, method="sobol")`` works; both given differently is an error.
    groups
        ``"service"``, ``"table"``, ``"ecosystem_type"``, ``"category"``, ``"indicator"``,
        ``"coefficient"`` or ``{reference pattern: group name}``.
    n
        Base sample size (Sobol: ``n × (groups + 2)`` evaluations; Morris: trajectories).
    seed
        Seed of SALib's sampler and bootstrap, and of correlation streams.
    distributions, defaults, correlation
        As for :func:`~geep.uncertainty.simulate` (the CS index needs none: without
        distributions it perturbs every coefficient the lines use).
    by
        Output groups (``None``: the grand total); ``regions`` maps region codes to parents.
    delta
        Relative change of the CS index [–].
    **kwargs
        The accounting method's arguments (``profile``, ``price_year``, options …).

    Returns
    -------
    SensitivityResult
    """
    tech = _technique(technique, kwargs)
    model = build(method, inputs, **kwargs)
    a = assign(model, distributions, defaults)
    varied = [m for m in a.varied if m.pos in a.used]  # coefficients no line uses: no effect
    out = _Output(model, by, regions)
    cs_pos = [m.pos for m in varied] or sorted(int(p) for p in model.used())
    cs_names, cs_shared = factor_groups(model, cs_pos, groups)
    cs = _long(out.keys, cs_index(model, cs_pos, cs_names, out, delta))
    cs = _members(cs, cs_names, cs_shared) if len(cs) else cs
    meta = {"technique": tech, "accounting_method": model.label, "groups": groups if
            isinstance(groups, str) else dict(groups), "n": n, "seed": seed, "delta": delta,
            "varied": varied_frame(a, model.theta).to_dict(orient="records"),
            "notes": [str(x) for x in a.notes], "status": model.ledger.status}  # fmt: skip
    if tech == "cs":
        return SensitivityResult(tech, cs.copy(), cs, meta)
    if not varied:
        raise MethodError(text("uncertainty.nothing_to_analyse"),
                          hint=text("uncertainty.hint_nothing_to_analyse"))  # fmt: skip
    names, shared = factor_groups(model, [m.pos for m in varied], groups)
    if len(set(names)) < 2:
        raise MethodError(text("uncertainty.one_group", groups=", ".join(sorted(set(names)))),
                          hint=text("uncertainty.hint_one_group"))  # fmt: skip
    cgroups, notes = corr_groups(varied, correlation)
    _check_corr(cgroups, varied, names)
    if tech == "sobol":
        frames, runs = _sobol(model, varied, names, cgroups, out, n, seed, seed, conf_level)
        key = "ST"
    else:
        frames, runs = _morris(model, varied, names, cgroups, out, n, seed, seed, conf_level,
                               num_levels)  # fmt: skip
        key = "mu_star"
    ind = _members(_long(out.keys, frames), names, shared)
    sort = [*out.keys.columns, key]
    ind = ind.sort_values(sort, ascending=[True] * len(out.keys.columns) + [False],
                          kind="mergesort").reset_index(drop=True)  # fmt: skip
    meta.update(runs=runs, notes=meta["notes"] + [str(x) for x in notes])
    return SensitivityResult(tech, ind, cs, meta)


__all__ = ["TECHNIQUES", "SensitivityResult", "cs_index", "sensitivity"]
