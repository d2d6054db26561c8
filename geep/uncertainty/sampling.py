"""Drawing coefficient values: reproducible streams, marginals, rank correlation.

* **Seeds.** One :class:`numpy.random.SeedSequence` per run; every coefficient gets its own
  child stream, ``SeedSequence(entropy, spawn_key=(namespace, *hash(reference)))`` with a
  stable (SHA-256) hash of its reference. Adding a coefficient, changing the worker count or
  the order of the coefficients leaves every other coefficient's draws unchanged; with plain
  random sampling the first *n* draws of a longer run are the draws of a run of *n*.
* **Marginals** by inverse transform of uniforms through ``scipy.stats`` (``ppf``): uniform,
  triangular, normal (truncated when ``min``/``max`` are given), lognormal by median and CV
  (``σ² = ln(1 + CV²)``, ``scale = median``), PERT (beta with λ = 4) and empirical (the
  sample's inverse CDF).
* **Correlation** within a ``corr_group`` by a Gaussian copula whose normal correlation
  ``2 sin(π ρ_s / 6)`` gives the requested Spearman rank correlation ρ_s; when a member is
  empirical, by Iman–Conover (the independently drawn samples are re-ordered, so each
  marginal sample is kept exactly).
* **Shared scalars** (D, a price-index chain, a carbon price) are one θ entry each, so one
  draw of them is shared by every line, region, year and scenario (common random numbers).

References
----------
.. [1] NumPy, "Parallel random number generation" (SeedSequence spawning).
.. [2] Iman, R. L. & Conover, W. J. (1982). A distribution-free approach to inducing rank
   correlation among input variables. Communications in Statistics B 11(3):311-334.
.. [3] Vose, D. (2008). Risk Analysis, 3rd ed., §III (PERT, λ = 4).
.. [4] reference/uncertainty-seea.md §3.2 items 2-4.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..messages import text
from .specs import DistributionError, Marginal

#: spawn-key namespaces, so a coefficient, a correlation group and an observation whose
#: names hash alike still get different streams
NS_COEFFICIENT, NS_GROUP, NS_OBSERVATION = 0, 1, 2
SAMPLINGS = ("random", "lhs")
_EDGE = 1e-12  # uniforms are kept inside (0, 1) so unbounded marginals stay finite


def stable_words(key: str) -> tuple[int, ...]:
    """Two 32-bit words of the SHA-256 of ``key`` (stable across runs and platforms)."""
    d = hashlib.sha256(key.encode("utf-8")).digest()
    return (int.from_bytes(d[:4], "little"), int.from_bytes(d[4:8], "little"))


def entropy_of(seed: int | None) -> int:
    """The run's seed entropy: ``seed`` itself, or fresh OS entropy when ``None``."""
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise DistributionError(text("uncertainty.bad_seed", seed=repr(seed)))
    return int(seed)


def stream(entropy: int, key: str, namespace: int = NS_COEFFICIENT) -> np.random.Generator:
    """The generator of ``key`` in run ``entropy``."""
    ss = np.random.SeedSequence(entropy, spawn_key=(namespace, *stable_words(key)))
    return np.random.Generator(np.random.PCG64(ss))


def uniforms(entropy: int, key: str, n: int, sampling: str = "random",
             namespace: int = NS_COEFFICIENT) -> np.ndarray:  # fmt: skip
    """``n`` uniforms on (0, 1) for ``key``: plain random, or Latin hypercube (one draw in each
    of ``n`` equal strata, in random order)."""
    rng = stream(entropy, key, namespace)
    if sampling == "random":
        u = rng.random(n)
    elif sampling == "lhs":
        u = (rng.permutation(n) + rng.random(n)) / n
    else:
        raise DistributionError(text("uncertainty.bad_sampling", sampling=repr(sampling),
                                     choices=", ".join(SAMPLINGS)))  # fmt: skip
    return np.clip(u, _EDGE, 1 - _EDGE)


# --- marginals ---------------------------------------------------------------------------------
def ppf(m: Marginal, u: np.ndarray) -> np.ndarray:
    """Values of θ entry ``m`` at probabilities ``u`` (multiplied by its value if relative)."""
    from scipy import stats

    p = dict(m.params)
    if m.dist == "fixed":
        return np.full(np.shape(u), m.value, dtype=np.float64)
    if m.dist == "uniform":
        x = p["min"] + (p["max"] - p["min"]) * u
    elif m.dist == "triangular":
        w = p["max"] - p["min"]
        x = stats.triang.ppf(u, (p["mode"] - p["min"]) / w, loc=p["min"], scale=w)
    elif m.dist == "pert":
        w = p["max"] - p["min"]
        a = 1 + 4 * (p["mode"] - p["min"]) / w
        b = 1 + 4 * (p["max"] - p["mode"]) / w
        x = stats.beta.ppf(u, a, b, loc=p["min"], scale=w)
    elif m.dist == "normal":
        x = _normal(p, u)
    elif m.dist == "lognormal":
        sigma = np.sqrt(np.log1p(p["cv"] ** 2))
        x = stats.lognorm.ppf(u, sigma, scale=p["median"])
    elif m.dist == "empirical":
        x = np.quantile(np.asarray(m.values, dtype=float), u, method="inverted_cdf")
    else:  # pragma: no cover - specs are validated
        raise ValueError(m.dist)
    return np.asarray(x, dtype=np.float64) * (m.value if m.relative else 1.0)


def _normal(p: Mapping[str, float], u: np.ndarray) -> np.ndarray:
    from scipy import stats

    loc, scale = p["loc"], p["scale"]
    if "min" in p or "max" in p:
        a = (p.get("min", -np.inf) - loc) / scale
        b = (p.get("max", np.inf) - loc) / scale
        return stats.truncnorm.ppf(u, a, b, loc=loc, scale=scale)
    return stats.norm.ppf(u, loc=loc, scale=scale)


# --- correlation -------------------------------------------------------------------------------
@dataclass(frozen=True)
class CorrGroup:
    """Members (θ positions, sorted by reference) sharing one Spearman correlation ρ."""

    name: str
    members: tuple[int, ...]
    rho: float


def corr_groups(marginals: Sequence[Marginal], correlation: Mapping[str, float] | None = None
                ) -> tuple[list[CorrGroup], list[str]]:  # fmt: skip
    """The correlation groups of the varied coefficients, and notes (one-member groups).

    ρ comes from the spec (``name:ρ``) or from ``correlation`` (``{name: ρ}``); members that
    state it differently, or a group without ρ, are errors.
    """
    correlation = dict(correlation or {})
    by: dict[str, list[Marginal]] = {}
    for m in marginals:
        if m.corr_group and m.dist != "fixed":
            by.setdefault(m.corr_group, []).append(m)
    unknown = sorted(set(correlation) - set(by))
    if unknown:
        raise DistributionError(text("uncertainty.corr_unknown", group=unknown[0],
                                     groups=", ".join(sorted(by)) or "-"))  # fmt: skip
    groups, notes = [], []
    for name in sorted(by):
        ms = sorted(by[name], key=lambda m: m.ref)
        stated = {m.corr for m in ms if m.corr is not None}
        if name in correlation:
            stated.add(float(correlation[name]))
        if len(stated) > 1:
            raise DistributionError(text("uncertainty.corr_conflict", group=name,
                                         values=", ".join(map(str, sorted(stated)))))  # fmt: skip
        if not stated:
            raise DistributionError(text("uncertainty.corr_missing", group=name),
                                    hint=text("uncertainty.hint_corr"))  # fmt: skip
        rho = stated.pop()
        if len(ms) == 1:
            notes.append(text("uncertainty.corr_single", group=name, ref=ms[0].ref))
            continue
        k = len(ms)
        if not -1.0 / (k - 1) < rho < 1.0:
            raise DistributionError(text("uncertainty.corr_range", group=name, rho=rho, k=k,
                                         lo=f"{-1.0 / (k - 1):.4g}"))  # fmt: skip
        groups.append(CorrGroup(name, tuple(m.pos for m in ms), rho))
    return groups, notes


def _normal_corr(rho_s: float, k: int) -> np.ndarray:
    r = 2.0 * np.sin(np.pi * rho_s / 6.0)
    return np.full((k, k), r) + np.eye(k) * (1.0 - r)


def gaussian_copula(u: np.ndarray, rho_s: float) -> np.ndarray:
    """Uniforms (members × draws) correlated with Spearman ρ_s by a Gaussian copula."""
    from scipy import stats

    L = np.linalg.cholesky(_normal_corr(rho_s, u.shape[0]))
    z = L @ stats.norm.ppf(u)
    return np.clip(stats.norm.cdf(z), _EDGE, 1 - _EDGE)


def iman_conover(x: np.ndarray, rho_s: float, rng: np.random.Generator) -> np.ndarray:
    """Re-order each row of ``x`` (members × draws) so that the rows have rank correlation
    ≈ ρ_s (van der Waerden scores, Cholesky correction of their sample correlation)."""
    from scipy import stats

    k, n = x.shape
    base = stats.norm.ppf(np.arange(1, n + 1) / (n + 1))
    scores = np.stack([rng.permutation(base) for _ in range(k)])
    t = np.corrcoef(scores)
    target = np.linalg.cholesky(_normal_corr(rho_s, k))  # normal scores: as for the copula
    m = target @ np.linalg.solve(np.linalg.cholesky(t), scores)
    out = np.empty_like(x)
    for i in range(k):
        ranks = np.argsort(np.argsort(m[i], kind="stable"), kind="stable")
        out[i] = np.sort(x[i], kind="stable")[ranks]
    return out


# --- the draw matrix ---------------------------------------------------------------------------
def draw_uniforms(marginals: Sequence[Marginal], n: int, entropy: int, sampling: str
                  ) -> dict[int, np.ndarray]:  # fmt: skip
    """Independent uniforms per varied θ position, from each coefficient's own stream."""
    return {m.pos: uniforms(entropy, m.ref, n, sampling) for m in marginals if m.dist != "fixed"}


def transform(marginals: Sequence[Marginal], u: Mapping[int, np.ndarray],
              groups: Sequence[CorrGroup], entropy: int | None = None
              ) -> dict[int, np.ndarray]:  # fmt: skip
    """θ values per varied position from uniforms: copula (or Iman–Conover) within each
    correlation group, then each marginal's ``ppf``."""
    by_pos = {m.pos: m for m in marginals}
    u = dict(u)
    ic: list[CorrGroup] = []
    for g in groups:
        if any(by_pos[p].dist == "empirical" for p in g.members):
            ic.append(g)
            continue
        corr = gaussian_copula(np.stack([u[p] for p in g.members]), g.rho)
        u.update(zip(g.members, corr, strict=True))
    out = {p: ppf(by_pos[p], v) for p, v in u.items()}
    for g in ic:
        rng = stream(entropy or 0, g.name, NS_GROUP)
        x = iman_conover(np.stack([out[p] for p in g.members]), g.rho, rng)
        out.update(zip(g.members, x, strict=True))
    return out


def theta_matrix(values: np.ndarray, drawn: Mapping[int, np.ndarray], n: int) -> np.ndarray:
    """θ draws (n_theta × n): fixed entries repeat their value, varied ones their draws."""
    out = np.repeat(np.asarray(values, dtype=np.float64)[:, None], n, axis=1)
    for p, v in drawn.items():
        out[p] = v
    return out


__all__ = [
    "NS_COEFFICIENT",
    "NS_GROUP",
    "NS_OBSERVATION",
    "SAMPLINGS",
    "CorrGroup",
    "corr_groups",
    "draw_uniforms",
    "entropy_of",
    "gaussian_copula",
    "iman_conover",
    "ppf",
    "stable_words",
    "stream",
    "theta_matrix",
    "transform",
    "uniforms",
]
