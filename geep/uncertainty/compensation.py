"""Monitoring uncertainty in compensation settlements.

Each valid observation of a pollutant (and, under the key ``flow``, each flow) is multiplied
by a measurement-error factor with the relative sd you give for it: lognormal with median 1
and CV = that sd (default), or normal with mean 1 and sd = that sd. Every observation has its
own stream, derived from its section, period and indicator, so adding a section or a month
leaves the other draws unchanged. The settlement is run on the perturbed observations and
yields, per draw, each party's net position and each assessed line's band.

Settlements are piecewise (tiers, floors, caps), so they run per chunk of draws: a chunk of
``B`` draws is *one* engine run on a scheme whose sections are replicated ``B`` times (ids
``<section>.__d<k>``, control sections and per-section parameters replicated with them).
That is exact when every rule is section-local; it is verified against the deterministic run
before use, and schemes with cross-section rules (pooled funds, value apportionment) run one
draw at a time. Chunks may run on a Dask client or a process pool; the draws do not depend on
the worker count.

References
----------
DESIGN §7 (settlements), §11; reference/uncertainty-seea.md §3.2 item 8.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import text
from .propagate import check_q, quantile_name, summarise
from .sampling import NS_OBSERVATION, SAMPLINGS, uniforms

#: rules whose amounts depend on one section's own observations (and its control section)
SECTION_LOCAL = frozenset({
    "tier_by_exceedance", "continuous_tier", "class_step", "index_change", "load_based",
    "maintenance_reward", "improvement_reward", "compliance_rate", "eflow_floor",
    "quantity_vs_baseline", "p_index",
})  # fmt: skip
SUFFIX = ".__d"
ERRORS = ("lognormal", "normal")
LINE_KEY = ["component", "section_id", "period", "indicator"]


# --- measurement-error factors -------------------------------------------------------------------
def error_factors(keys: Sequence[str], rel_sd: np.ndarray, n: int, entropy: int,
                  sampling: str = "random", error: str = "lognormal") -> np.ndarray:  # fmt: skip
    """Multiplicative error factors (len(keys) × n), one stream per observation key."""
    from scipy import stats

    u = np.stack([uniforms(entropy, k, n, sampling, NS_OBSERVATION) for k in keys]) if len(keys) \
        else np.zeros((0, n))  # fmt: skip
    sd = np.asarray(rel_sd, dtype=np.float64)[:, None]
    if error == "lognormal":
        return np.exp(np.sqrt(np.log1p(sd**2)) * stats.norm.ppf(u))
    return np.maximum(1.0 + sd * stats.norm.ppf(u), 0.0)


def _rel_sd(rel_sd: Mapping[str, float] | None) -> dict[str, float]:
    if not rel_sd:
        raise InputError(text("uncertainty.no_rel_sd"), hint=text("uncertainty.hint_rel_sd"))
    out = {}
    for k, v in rel_sd.items():
        try:
            x = float(v)
        except (TypeError, ValueError):
            x = float("nan")
        if not np.isfinite(x) or x < 0:
            raise InputError(text("uncertainty.bad_rel_sd", indicator=k, value=repr(v)),
                             hint=text("uncertainty.hint_rel_sd"))  # fmt: skip
        out[str(k)] = x
    return out


def _targets(prep, rel: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray,
                                                     np.ndarray, list[str]]:  # fmt: skip
    """Rows of the observations (and flows) that are perturbed, their sd and stream keys."""
    from ..compensation.model import DERIVED_INDICATORS

    obs = prep.obs
    bad = sorted(set(rel) & set(DERIVED_INDICATORS))
    have = set(obs["indicator"].astype(str)) | ({"flow"} if prep.flows is not None else set())
    unknown = sorted(set(rel) - have - set(DERIVED_INDICATORS))
    if bad or unknown:
        raise InputError(text("uncertainty.rel_sd_indicator", indicator=(bad or unknown)[0],
                              have=", ".join(sorted(have)) or "-"),
                         hint=text("uncertainty.hint_rel_sd"))  # fmt: skip
    ind = obs["indicator"].astype(str)
    rows = np.flatnonzero(((obs["status"] == "valid") & ind.isin(list(rel))
                           & obs["value"].notna()).to_numpy())  # fmt: skip
    keys = ("obs#" + obs["section_id"].astype(str) + "/" + obs["period"].astype(str) + "/"
            + ind).to_numpy()[rows].tolist()  # fmt: skip
    sd = ind.map(rel).to_numpy(dtype=float)[rows]
    frows, fsd, fkeys = np.zeros(0, np.int64), np.zeros(0), []
    if prep.flows is not None and "flow" in rel:
        f = prep.flows
        frows = np.flatnonzero(((f["flow_status"] == "valid") & f["flow_rate"].notna()).to_numpy())
        fkeys = ("flow#" + f["section_id"].astype(str) + "/" + f["period"].astype(str)
                 ).to_numpy()[frows].tolist()  # fmt: skip
        fsd = np.full(len(frows), rel["flow"])
    return rows, sd, keys, frows, fsd, fkeys


# --- batched settlements ---------------------------------------------------------------------------
def _rep_value(value: Any, ids: set[str], k: int) -> Any:
    if isinstance(value, dict) and value and set(value) <= ids:
        return {f"{s}{SUFFIX}{d}": v for d in range(k) for s, v in value.items()}
    return value


def replicate_scheme(scheme, k: int):
    """The scheme with every section replicated ``k`` times (draw ``d`` → ``<id>.__d<d>``)."""
    from ..compensation.model import SchemeDoc

    data = scheme.doc.model_dump(by_alias=True)
    ids = {s["id"] for s in data["sections"]}
    secs = []
    for d in range(k):
        for s in data["sections"]:
            t = dict(s, id=f"{s['id']}{SUFFIX}{d}")
            if s.get("control_section"):
                t["control_section"] = f"{s['control_section']}{SUFFIX}{d}"
            secs.append(t)
    data["sections"] = secs
    for c in data["components"]:
        if c.get("sections") not in (None, "all"):
            c["sections"] = [f"{x}{SUFFIX}{d}" for d in range(k) for x in c["sections"]]
    for p in data["parameters"].values():
        p["value"] = _rep_value(p["value"], ids, k)
        p["evidence"] = _rep_value(p["evidence"], ids, k)
    return dataclasses.replace(scheme, doc=SchemeDoc.model_validate(data))


def _replicated(frame: pd.DataFrame | None, k: int) -> pd.DataFrame | None:
    if frame is None:
        return None
    n = len(frame)
    out = frame.take(np.tile(np.arange(n), k)).reset_index(drop=True)
    codes, ids = pd.factorize(frame["section_id"].astype(str))
    names = np.array([f"{i}{SUFFIX}{d}" for d in range(k) for i in ids], dtype=object)
    out["section_id"] = names[np.tile(codes, k) + np.repeat(np.arange(k) * len(ids), n)]
    return out


def _split(section_id: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Draw number and base section id of replicated section ids (on distinct ids only)."""
    codes, ids = pd.factorize(section_id.astype(str))
    parts = [str(i).rpartition(SUFFIX) for i in ids]
    draw = np.array([int(p[2]) for p in parts], dtype=np.int64)
    base = np.array([p[0] for p in parts], dtype=object)
    return draw[codes], base[codes]


@dataclasses.dataclass
class Task:
    """One chunk of draws: the prepared inputs and the perturbed values of the chunk."""

    prep: Any
    scheme: Any
    rows: np.ndarray
    values: np.ndarray  # (len(rows), B) perturbed observation values
    frows: np.ndarray
    flows: np.ndarray  # (len(frows), B) flow factors
    d0: int
    batched: bool


def _apply(prep, rows, values, frows, factors, k: int, batched: bool):
    from ..compensation.engine import Prepared

    obs = _replicated(prep.obs, k) if batched else prep.obs.copy()
    n = len(prep.obs)
    v = obs["value"].to_numpy(dtype=np.float64).copy()
    for d in range(k):
        v[d * n + rows] = values[:, d]
    obs["value"] = v
    fl = None
    if prep.flows is not None:
        fl = _replicated(prep.flows, k) if batched else prep.flows.copy()
        m = len(prep.flows)
        rate = fl["flow_rate"].to_numpy(dtype=np.float64).copy()
        vol = fl["volume"].to_numpy(dtype=np.float64).copy()
        for d in range(k):
            rate[d * m + frows] *= factors[:, d]
            vol[d * m + frows] *= factors[:, d]
        fl["flow_rate"], fl["volume"] = rate, vol
    return Prepared(prep.scheme, obs, fl, prep.report)


def run_task(task: Task) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Net positions (draw, party, settlement_year, net) [CNY] and line bands/amounts of one
    chunk (pure: picklable inputs, frames out)."""
    from ..compensation.engine import run

    k = task.values.shape[1]
    nets, lines = [], []
    steps = [(0, k)] if task.batched else [(d, d + 1) for d in range(k)]
    for a, b in steps:
        p = _apply(task.prep, task.rows, task.values[:, a:b], task.frows, task.flows[:, a:b],
                   b - a, task.batched)  # fmt: skip
        if task.batched:
            p = dataclasses.replace(p, scheme=task.scheme)
        ob = run(p).obligations_cny
        if task.batched:
            draw, base = _split(ob["section_id"])
            draw = draw + task.d0 + a
        else:
            draw = np.full(len(ob), task.d0 + a)
            base = ob["section_id"].astype(str).to_numpy(dtype=object)
        nets.append(_nets(ob, draw))
        lines.append(pd.DataFrame({"draw": draw, "component": ob["component"].astype(str),
                                   "section_id": base, "period": ob["period"].astype(str),
                                   "indicator": ob["indicator"].astype(str),
                                   "band": ob["band"].astype(str),
                                   "amount": ob["amount"].to_numpy(float)}))  # fmt: skip
    return pd.concat(nets, ignore_index=True), pd.concat(lines, ignore_index=True)


def _nets(ob: pd.DataFrame, draw: np.ndarray) -> pd.DataFrame:
    a = ob["amount"].to_numpy(dtype=np.float64)
    y = ob["settlement_year"].to_numpy(np.int64)
    paid = pd.DataFrame({"draw": draw, "party": ob["payer"].astype(str), "settlement_year": y,
                         "net": -a})  # fmt: skip
    recv = pd.DataFrame({"draw": draw, "party": ob["payee"].astype(str), "settlement_year": y,
                         "net": a})  # fmt: skip
    both = pd.concat([paid, recv], ignore_index=True)
    return both.groupby(["draw", "party", "settlement_year"], as_index=False, sort=True)[
        "net"
    ].sum()


# --- the simulation object ----------------------------------------------------------------------------
class SettlementSimulation:
    """Draws of a settlement under measurement error.

    Attributes
    ----------
    deterministic
        The settlement on the observations as given.
    net
        Net position per party, settlement year and draw (parties × years × draws) [CNY].
    keys
        ``party, party_name, settlement_year`` of ``net``'s rows.
    """

    def __init__(self, deterministic, keys: pd.DataFrame, net: np.ndarray, det_lines: pd.DataFrame,
                 line_amount: np.ndarray, line_band: np.ndarray, meta: dict[str, Any]) -> None:  # fmt: skip
        self.deterministic = deterministic
        self.keys = keys
        self.net = net
        self.lines = det_lines
        self.line_amount = line_amount
        self.line_band = line_band
        self.meta = meta
        self.n_draws = net.shape[1]

    @property
    def unit(self) -> str:
        return self.deterministic.unit

    def _factor(self) -> float:
        from ..units import factor

        return factor("CNY", self.unit)

    def _grouped(self, by: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        by = list(by)
        bad = [b for b in by if b not in ("party", "settlement_year")]
        if bad:
            raise InputError(text("uncertainty.bad_by", column=bad[0],
                                  columns="party, settlement_year"))  # fmt: skip
        det = self.keys["net_cny"].to_numpy()
        if not by:
            return (
                pd.DataFrame(index=[0]),
                self.net.sum(axis=0, keepdims=True),
                np.array([det.sum()]),
            )
        g = self.keys.groupby(by, sort=True).ngroup().to_numpy()
        n_g = g.max() + 1
        S = np.zeros((n_g, len(g)))
        S[g, np.arange(len(g))] = 1.0
        keys = self.keys.drop_duplicates(by).sort_values(by)
        cols = [*by, *(["party_name"] if "party" in by else [])]
        return keys[cols].reset_index(drop=True), S @ self.net, S @ det

    def quantiles(self, q: Sequence[float] = (0.05, 0.5, 0.95),
                  by: Sequence[str] = ("party", "settlement_year")) -> pd.DataFrame:  # fmt: skip
        """Quantiles, mean, sd and the deterministic value of each party's net position
        (received − paid), in the settlement's presentation unit."""
        q = check_q(q)
        keys, v, det = self._grouped(by)
        f = self._factor()
        out = keys.copy()
        st = summarise(v * f, q)
        for k in (*map(quantile_name, q), "mean", "sd"):
            out[k] = st[k]
        out["deterministic"] = det * f
        out["amount_unit"] = self.unit
        return out

    def draws(self, by: Sequence[str] = ("party", "settlement_year")) -> pd.DataFrame:
        """Long frame ``draw, by…, value`` of net positions (presentation unit)."""
        keys, v, _ = self._grouped(by)
        n_g = len(keys)
        out = keys.take(np.repeat(np.arange(n_g), self.n_draws)).reset_index(drop=True)
        out.insert(0, "draw", np.tile(np.arange(self.n_draws, dtype=np.int32), n_g))
        out["value"] = v.reshape(-1) * self._factor()
        return out

    def tiers(self, by: Sequence[str] | None = None) -> pd.DataFrame:
        """Probability that assessed lines fall in another band than the deterministic one.

        ``by=None``: per line (component, section, period, indicator) with ``band``,
        ``p_cross``, ``p_higher`` and ``p_lower`` (amount above / below the deterministic
        one); ``by=("section_id",)`` etc.: ``p_any`` (that at least one line of the group
        crosses) and ``expected_crossings``.
        """
        det = self.lines
        cross = self.line_band != det["band"].to_numpy()[:, None]
        amt = det["amount"].to_numpy()[:, None]
        if by is None:
            out = det.copy()
            out["p_cross"] = cross.mean(axis=1)
            out["p_higher"] = (self.line_amount > amt * (1 + 1e-12) + 1e-9).mean(axis=1)
            out["p_lower"] = (self.line_amount < amt * (1 - 1e-12) - 1e-9).mean(axis=1)
            return out
        by = list(by)
        g = det.groupby(by, sort=True).ngroup().to_numpy()
        keys = det.drop_duplicates(by).sort_values(by)[by].reset_index(drop=True)
        n_g = int(g.max()) + 1 if len(g) else 0
        counts = np.zeros((n_g, self.n_draws))
        np.add.at(counts, g, cross.astype(float))
        keys["p_any"] = (counts > 0).mean(axis=1)
        keys["expected_crossings"] = counts.mean(axis=1)
        return keys

    def to_excel(self, path, lang: str = "en"):
        from .. import _formats

        return _formats.get("uncertainty.write_settlement")(self, path, lang=lang)

    def __repr__(self) -> str:
        return (f"SettlementSimulation({self.meta.get('scheme')}: {self.n_draws} draws, "
                f"{'batched' if self.meta.get('batched') else 'one draw at a time'})")  # fmt: skip


def _lines_of(settlement) -> pd.DataFrame:
    ob = settlement.obligations_cny
    f = pd.DataFrame({"component": ob["component"].astype(str), "section_id": ob["section_id"].astype(str),
                      "period": ob["period"].astype(str), "indicator": ob["indicator"].astype(str),
                      "band": ob["band"].astype(str), "amount": ob["amount"].to_numpy(float)})  # fmt: skip
    return _line_table(f)


def _line_table(f: pd.DataFrame) -> pd.DataFrame:
    keys = [*(["draw"] if "draw" in f else []), *LINE_KEY]
    return f.groupby(keys, as_index=False, sort=True).agg(band=("band", "first"),
                                                            amount=("amount", "sum"))  # fmt: skip


def _batchable(scheme) -> bool:
    return all(c.rule in SECTION_LOCAL for c in scheme.doc.components)


def _submit(tasks: list[Task], scheduler: Any, workers: int | None):
    if scheduler is None:
        return [run_task(t) for t in tasks]
    if scheduler == "processes":
        import concurrent.futures as cf

        with cf.ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(run_task, tasks))
    futures = scheduler.map(run_task, tasks, pure=False)
    return scheduler.gather(futures)


def simulate_settlement(observations: pd.DataFrame, *, scheme: Any, rel_sd: Mapping[str, float]
                        | None = None, flows: pd.DataFrame | None = None,
                        parameters: Mapping[str, Any] | None = None,
                        sections: pd.DataFrame | None = None, draws: int = 1000, seed: int = 42,
                        sampling: str = "random", error: str = "lognormal", chunk: int = 100,
                        scheduler: Any = None, workers: int | None = None,
                        paths: Any = None, batch: bool = True) -> SettlementSimulation:  # fmt: skip
    """Distribution of each party's net payment under monitoring error.

    Parameters
    ----------
    observations, flows, parameters, sections, paths
        As for :func:`geep.compensate`.
    scheme
        Scheme id, ``id@edition``, folder or :class:`~geep.compensation.Scheme`.
    rel_sd
        Relative measurement sd per pollutant, ``{"cod": 0.1, "nh3n": 0.15}``; ``"flow"`` for
        flows [–]. Required: no error is assumed.
    error
        ``"lognormal"`` (median 1, CV = sd) or ``"normal"`` (mean 1, sd; negative values are
        set to 0 and counted in ``meta``).
    chunk
        Draws per engine run.
    scheduler, workers
        ``None`` (serial), ``"processes"`` (a pool of ``workers``) or a Dask client.
    batch
        Run a chunk as one engine run on replicated sections (``False``: one run per draw;
        same draws, slower — the reference the batched runs are tested against).
    """
    from ..compensation.engine import prepare, run

    if error not in ERRORS:
        raise InputError(
            text("uncertainty.bad_error", error=repr(error), choices=", ".join(ERRORS))
        )
    if sampling not in SAMPLINGS or isinstance(draws, bool) or int(draws) < 1:
        raise InputError(text("uncertainty.bad_draws", draws=repr(draws)))
    rel = _rel_sd(rel_sd)
    prep = prepare(scheme, observations, flows, parameters, sections, paths=paths)
    det = run(prep)
    rows, sd, keys, frows, fsd, fkeys = _targets(prep, rel)
    n = int(draws)
    base = prep.obs["value"].to_numpy(dtype=np.float64)[rows]
    F = error_factors(keys, sd, n, seed, sampling, error)
    FF = error_factors(fkeys, fsd, n, seed, sampling, error)
    batched = batch and _batchable(prep.scheme) and _verified(prep, det)
    tasks = []
    for d0 in range(0, n, int(chunk)):
        d1 = min(n, d0 + int(chunk))
        sch = replicate_scheme(prep.scheme, d1 - d0) if batched else None
        tasks.append(Task(prep, sch, rows, base[:, None] * F[:, d0:d1], frows, FF[:, d0:d1],
                          d0, batched))  # fmt: skip
    results = _submit(tasks, scheduler, workers)
    return _collect(det, results, n, {
        "scheme": prep.scheme.label, "status": det.status, "n_draws": n, "seed_entropy": str(seed),
        "sampling": sampling, "error": error, "rel_sd": rel, "batched": batched,
        "chunk": int(chunk), "perturbed": {"observations": len(rows), "flows": len(frows)},
        "zeroed": int((F <= 0).sum() + (FF <= 0).sum()), "method": f"mc-{sampling}-monitoring",
    })  # fmt: skip


def _verified(prep, det) -> bool:
    """Whether a run on sections replicated twice reproduces the deterministic settlement."""
    from ..compensation.engine import Prepared, run

    try:
        p = Prepared(replicate_scheme(prep.scheme, 2), _replicated(prep.obs, 2),
                     _replicated(prep.flows, 2), prep.report)  # fmt: skip
        ob = run(p).obligations_cny
    except Exception:
        return False
    want = _nets(det.obligations_cny, np.zeros(len(det.obligations_cny), dtype=np.int64))
    got = _nets(ob, _split(ob["section_id"])[0])
    for d in (0, 1):
        g = got[got["draw"] == d].drop(columns="draw").reset_index(drop=True)
        w = want.drop(columns="draw").reset_index(drop=True)
        if len(g) != len(w) or not np.allclose(g["net"], w["net"], rtol=1e-12, atol=1e-6):
            return False
    return True


def _collect(det, results, n: int, meta: dict[str, Any]) -> SettlementSimulation:
    nets = pd.concat([r[0] for r in results], ignore_index=True)
    lines = _line_table(pd.concat([r[1] for r in results], ignore_index=True))
    dnet = det.net
    keys = pd.concat([dnet[["party", "settlement_year"]],
                      nets[["party", "settlement_year"]]]).drop_duplicates()  # fmt: skip
    keys = keys.sort_values(["party", "settlement_year"]).reset_index(drop=True)
    keys["party_name"] = keys["party"].map(det.party_name)
    idx = pd.MultiIndex.from_frame(keys[["party", "settlement_year"]])
    mat = nets.pivot_table(index=["party", "settlement_year"], columns="draw", values="net",
                           aggfunc="sum", fill_value=0.0).reindex(index=idx, columns=range(n),
                                                                  fill_value=0.0)  # fmt: skip
    det_net = _nets(det.obligations_cny, np.zeros(len(det.obligations_cny), dtype=np.int64))
    d = det_net.set_index(["party", "settlement_year"])["net"].reindex(idx, fill_value=0.0)
    keys["net_cny"] = d.to_numpy()
    dl = _lines_of(det)
    li = pd.MultiIndex.from_frame(dl[LINE_KEY])
    amount = lines.pivot_table(index=LINE_KEY, columns="draw", values="amount", aggfunc="sum")
    band = lines.pivot(index=LINE_KEY, columns="draw", values="band")
    amount = amount.reindex(index=li, columns=range(n)).to_numpy(dtype=float)
    band = band.reindex(index=li, columns=range(n)).to_numpy(dtype=object)
    return SettlementSimulation(det, keys, mat.to_numpy(dtype=float), dl, amount, band, meta)


__all__ = ["SECTION_LOCAL", "SettlementSimulation", "error_factors", "replicate_scheme",
           "run_task", "simulate_settlement"]  # fmt: skip
