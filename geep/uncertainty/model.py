"""The linear model behind a method's ledger: lines = contributions × value terms of θ.

Every registered method returns lines whose values are ``data × terms.evaluate(θ)[category]``
(:mod:`geep.methods.resolved`). A :class:`Model` keeps exactly that: the coefficient vector θ,
the terms of each category, and one *contribution* ``(line, category, data)`` per line — or
several, for a GEEP line of regulating services, whose value is the GEP regulating subtotal of
its region-year (a sum over GEP categories) times the price-index chain of the GEEP account.
A draw of θ fed to the same terms is a draw of every line; aggregates are linear in the
category values, so ``S[group, category] = Σ data`` is computed once and every draw is a
matrix product — never a loop over method calls.

Several methods (``geep run --method all``) share one θ: an entry with the same reference
(the CPI chain of GEP and of GEEP, D) is one coefficient and so one draw.

References
----------
DESIGN §9, §11; docs/architecture.md (resolve → kernel → assemble).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..inputs import Inputs, from_frames
from ..ledger import Ledger
from ..ledger_frame import concat_lines
from ..messages import text
from ..methods import KernelResult, Terms, get, resolve
from ..methods.assemble import assemble
from ..methods.common import input_tables

#: θ kinds a kernel reads outside the value terms (quantity models from drivers)
INERT_KINDS = ("model_constant",)


@dataclass
class Model:
    """Lines as contributions of value terms of one coefficient vector θ.

    Attributes
    ----------
    theta
        θ (one row per distinct reference; values in canonical units).
    terms
        Value terms of each category, positions into ``theta``.
    lines
        The deterministic ledger's lines in kernel order (``line`` indexes these rows).
    line, cat, data
        Contributions: line row, category and data factor (line value = Σ data × P[cat]).
    ledger
        The deterministic ledger.
    """

    label: str
    theta: pd.DataFrame
    terms: Terms
    lines: pd.DataFrame
    line: np.ndarray
    cat: np.ndarray
    data: np.ndarray
    ledger: Ledger
    notes: list[Any] = field(default_factory=list)

    @property
    def n_lines(self) -> int:
        return len(self.lines)

    def used(self) -> np.ndarray:
        """θ positions that at least one contribution's terms use."""
        present = np.flatnonzero(np.bincount(self.cat, minlength=len(self.terms)))
        return self.terms.thetas(present)

    def inert(self) -> np.ndarray:
        """θ positions a kernel used outside the value terms (e.g. GEP model constants)."""
        kind = self.theta["kind"].astype(str).to_numpy()
        return np.flatnonzero(np.isin(kind, INERT_KINDS))

    def line_values(self, category_values: np.ndarray) -> np.ndarray:
        """Line values for category values ``P`` (n_cat,) → (n_lines,)."""
        return np.bincount(self.line, weights=self.data * category_values[self.cat],
                           minlength=self.n_lines)  # fmt: skip

    def single(self) -> np.ndarray:
        """Per line: its only contribution's position, or −1 (several contributions)."""
        counts = np.bincount(self.line, minlength=self.n_lines)
        first = np.full(self.n_lines, -1, dtype=np.int64)
        first[self.line[::-1]] = np.arange(len(self.line))[::-1]
        return np.where(counts == 1, first, -1)


# --- running a method ----------------------------------------------------------------------------
@dataclass
class Run:
    """One method run: its ledger, resolved coefficients and kernel result."""

    ledger: Ledger
    theta: pd.DataFrame
    result: KernelResult
    tables: dict[str, pd.DataFrame]


def as_inputs(inputs: Inputs | pd.DataFrame | Mapping[str, pd.DataFrame], first: str) -> Inputs:
    """Validated :class:`Inputs` from Inputs, a mapping of frames or one frame (``first``)."""
    if isinstance(inputs, Inputs):
        return inputs
    if isinstance(inputs, pd.DataFrame):
        return from_frames({first: inputs})
    if isinstance(inputs, Mapping):
        return from_frames(dict(inputs))
    raise MethodError(text("uncertainty.bad_inputs", type=type(inputs).__name__))


def _first(name: str) -> str:
    m = get(name)
    first = m.requires[0] if m.requires else name
    return first if isinstance(first, str) else first[0]


def run_method(name: str, inputs: Inputs, *, profile: str | None = None,
               price_year: int | None = None, options: Mapping[str, Any] | None = None,
               tables: Mapping[str, Any] | None = None,
               extra_tables: Mapping[str, Any] | None = None) -> Run:  # fmt: skip
    """Run method ``name`` the way :func:`geep.methods.run` does (prepare → resolve → kernel →
    assemble), keeping the resolved θ and the kernel result."""
    method = get(name)
    options = dict(options or {})
    if method.prepare is not None:
        data, names, sources, notes = method.prepare(inputs, options, _first(name))
    else:
        (data, names, sources), notes = input_tables(inputs, _first(name)), []
    data.update(dict(extra_tables or {}))
    missing = method.missing(data)
    if missing:
        raise MethodError(text("method.needs", method=name, need=", ".join(missing),
                               have=", ".join(k for k, v in data.items() if v is not None) or "-"))  # fmt: skip
    resolved = resolve(name, data, profile=profile, price_year=price_year, options=options,
                       overrides=tables)  # fmt: skip
    result = method.kernel(data, resolved)
    result.warnings[:0] = notes
    meta = {"inputs": sources} if sources else {}
    ledger = assemble(method, resolved, result, names, value_unit=resolved.frames.get(
        "currency", "CNY"), meta=meta, ordered=result.ordered)  # fmt: skip
    return Run(ledger, resolved.theta, result, data)


# --- parts and their union ------------------------------------------------------------------------
@dataclass
class Part:
    theta: pd.DataFrame
    terms: Terms
    lines: pd.DataFrame
    line: np.ndarray
    cat: np.ndarray
    data: np.ndarray
    ledger: Ledger


CONST = Terms.from_lists([[]])  # a category without coefficients (value = data)


def part_of(run: Run) -> Part:
    """Contributions of a run: one per line, category = its ``coefficient`` code."""
    res = run.result
    lines = run.ledger._raw  # kernel order (assemble keeps the rows as the kernel gave them)
    codes = res.lines["coefficient"].cat.codes.to_numpy().astype(np.int64)
    data = res.lines["quantity"].to_numpy(dtype=np.float64) if res.data is None else res.data
    terms = res.terms
    if (codes < 0).any():
        terms = concat_terms([(terms, None), (CONST, None)])
        codes = np.where(codes < 0, len(res.terms), codes)
    n = len(codes)
    return Part(run.theta, terms, lines, np.arange(n, dtype=np.int64), codes,
                np.asarray(data, dtype=np.float64), run.ledger)  # fmt: skip


def concat_terms(parts: Sequence[tuple[Terms, np.ndarray | None]]) -> Terms:
    """Categories of several Terms one after another; θ positions mapped by each map."""
    ptr, weight, mptr, theta, power = [np.zeros(1, np.int64)], [], [np.zeros(1, np.int64)], [], []
    n_m = n_f = 0
    for t, pos_map in parts:
        ptr.append(t.ptr[1:] + n_m)
        mptr.append(t.mptr[1:] + n_f)
        weight.append(t.weight)
        theta.append(t.theta if pos_map is None else pos_map[t.theta])
        power.append(t.power)
        n_m += len(t.weight)
        n_f += len(t.theta)
    cat = np.concatenate
    return Terms(cat(ptr), cat(weight) if weight else np.zeros(0), cat(mptr),
                 cat(theta).astype(np.int64) if theta else np.zeros(0, np.int64),
                 cat(power).astype(np.int8) if power else np.zeros(0, np.int8))  # fmt: skip


def union_theta(thetas: Sequence[pd.DataFrame]) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """One θ from several (each reference once) and each part's position map into it; a
    reference with two different values is an error."""
    pos: dict[str, int] = {}
    rows: list[pd.DataFrame] = []
    values: list[float] = []
    maps = []
    for th in thetas:
        refs = th["ref"].astype(str).tolist()
        v = th["value"].to_numpy(dtype=np.float64)
        m = np.empty(len(refs), dtype=np.int64)
        new = []
        for i, r in enumerate(refs):
            if r in pos:
                if values[pos[r]] != v[i]:
                    raise MethodError(
                        text("uncertainty.theta_conflict", ref=r, a=values[pos[r]], b=v[i])
                    )
                m[i] = pos[r]
            else:
                pos[r] = m[i] = len(values)
                values.append(float(v[i]))
                new.append(i)
        rows.append(th.iloc[new])
        maps.append(m)
    theta = pd.concat(rows, ignore_index=True) if len(rows) > 1 else rows[0].reset_index(drop=True)
    return theta, maps


def combine(label: str, parts: Sequence[Part], ledger: Ledger | None = None) -> Model:
    """One model from parts (θ union, categories and lines one after another)."""
    theta, maps = union_theta([p.theta for p in parts])
    terms = concat_terms([(p.terms, m) for p, m in zip(parts, maps, strict=True)])
    n_cat = np.cumsum([0] + [len(p.terms) for p in parts])
    n_line = np.cumsum([0] + [len(p.lines) for p in parts])
    line = np.concatenate([p.line + n_line[i] for i, p in enumerate(parts)])
    cat = np.concatenate([p.cat + n_cat[i] for i, p in enumerate(parts)])
    data = np.concatenate([p.data for p in parts])
    if len(parts) == 1:
        lines, ledger = parts[0].lines, ledger or parts[0].ledger
    else:
        lines = concat_lines([p.lines for p in parts])
        ledger = ledger or Ledger.concat([p.ledger for p in parts])
    return Model(label, theta, terms, lines, line, cat, data, ledger)


# --- GEEP: the regulating subtotal of GEP as contributions ------------------------------------------
def geep_parts(inputs: Inputs, gep: Run, *, price_year: int | None,
               price_index: Any = "cpi-china@nbs-annual") -> Part:  # fmt: skip
    """The GEEP account as a part whose ERS lines are the GEP regulating contributions of
    their region-year (× the GEEP price-index chain), on the union of both θ."""
    from ..methods.geep_account import LINES, ers_table, geep

    ledger = geep(gep.ledger, inputs, price_year=price_year, price_index=price_index)
    tables, _, _ = input_tables(inputs, "economy")
    ers, gep_py, _ = ers_table(gep.ledger)
    ers.attrs["price_year"] = gep_py
    tables["ers"] = ers
    resolved = resolve("geep", tables, price_year=price_year, options={"price_index": price_index})
    res = get("geep").kernel(tables, resolved)
    own = part_of(Run(ledger, resolved.theta, res, tables))
    theta, (m_gep, m_own) = union_theta([gep.theta, resolved.theta])
    gp = part_of(gep)
    sign = {name: s for name, _, s, _ in LINES}["ers"]
    ers_pos = int(resolved.frames["ers_theta"])
    reg = gp.lines["category"].to_numpy(dtype=object)[gp.line] == "regulating"
    g = pd.DataFrame({"region_code": gp.lines["region_code"].astype(str).to_numpy()[gp.line[reg]],
                      "year": gp.lines["year"].to_numpy(np.int64)[gp.line[reg]],
                      "cat": gp.cat[reg], "data": gp.data[reg]})  # fmt: skip
    g = g.groupby(["region_code", "year", "cat"], sort=True, as_index=False)["data"].sum()
    target = own.lines.assign(_line=np.arange(len(own.lines)))
    target = target[target["service"].astype(str) == "ers"]
    key = pd.DataFrame({"region_code": target["region_code"].astype(str).to_numpy(),
                        "year": target["year"].to_numpy(np.int64), "_line": target["_line"]})  # fmt: skip
    g = g.merge(key, on=["region_code", "year"], how="inner", validate="many_to_one")
    cats = np.unique(g["cat"].to_numpy())
    extra = [(int(m_own[ers_pos]), 1)] if ers_pos >= 0 else []
    mono = [[(w, [(int(m_gep[k]), p) for k, p in f] + extra) for w, f in gp.terms.monomials(int(c))]
            for c in cats]  # fmt: skip
    ers_terms = Terms.from_lists(mono)
    is_ers = np.isin(own.line, target["_line"].to_numpy())
    terms = concat_terms([(own.terms, m_own), (ers_terms, None)])
    cat_of = np.searchsorted(cats, g["cat"].to_numpy()) + len(own.terms)
    return Part(
        theta, terms, own.lines,
        np.concatenate([own.line[~is_ers], g["_line"].to_numpy(np.int64)]),
        np.concatenate([own.cat[~is_ers], cat_of]),
        np.concatenate([own.data[~is_ers], sign * g["data"].to_numpy(np.float64)]),
        ledger,
    )  # fmt: skip


__all__ = ["Model", "Part", "Run", "as_inputs", "combine", "concat_terms", "geep_parts",
           "part_of", "run_method", "union_theta"]  # fmt: skip
