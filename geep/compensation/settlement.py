"""The :class:`Settlement`: gross obligation ledger, net settlement ledger, who-owes-whom.

Negotiators argue over the gross components; finance departments pay the net. Both are kept.
Every obligation line is a transfer payer → payee, so money is conserved by construction:
payments out of jurisdictions = payments into jurisdictions + the fund's net intake
(:meth:`Settlement.conservation`, :meth:`Settlement.check`).

References
----------
DESIGN §7 (ledger columns); compensation.md §1.2 (gross vs net, province-cleared), §5.2,
§5.3 (side-by-side, who-owes-whom matrix).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import GeepError, InputError
from ..ids import clean_id
from ..ledger import CheckResult
from ..messages import language, language_scope, text
from ..units import factor
from .model import EVIDENCE_RANK
from .trace import render

if TYPE_CHECKING:
    from ..inputs.report import Report
    from .schemes import Scheme

OBLIGATION_COLUMNS = (
    "scheme", "component", "section_id", "period", "indicator", "observed", "target",
    "exceedance", "band", "payer", "payee", "amount", "amount_unit", "settlement_year",
    "flags", "trace",
)  # fmt: skip
OBLIGATION_EXTRA = (
    "payer_name", "payee_name", "rule", "share", "evidence", "status", "input_ref", "year",
)  # fmt: skip
NET_COLUMNS = ("party", "settlement_year", "paid", "received", "net", "amount_unit")
_RANK_NAME = {v: k for k, v in EVIDENCE_RANK.items()}
_SORT = [
    "settlement_year",
    "component_order",
    "section_order",
    "section_id",
    "year",
    "period",
    "indicator",
    "payer",
    "payee",
    "flags",
    "trace",
]


@dataclass(eq=False)
class Settlement:
    """Result of a compensation run.

    Attributes
    ----------
    obligations_cny
        Gross obligation lines with amounts in CNY (internal; see :attr:`obligations`).
    scheme
        The scheme as run (with overrides), or ``None`` for a manual settlement.
    meta
        Provenance: scheme label and hash, status, overrides, parameters used, warnings.
    unit
        Presentation unit of money (``万元`` by default).
    """

    obligations_cny: pd.DataFrame
    scheme: Scheme | None
    meta: dict[str, Any]
    unit: str = "万元"
    report: Report | None = None
    _parties: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    #: traces rendered per language (they are data in ``obligations_cny``; see :meth:`_trace`)
    _shown: dict[str, np.ndarray] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        ob = self.obligations_cny.copy()
        for c in ("section_id", "indicator", "band", "flags", "trace", "input_ref", "trace_code",
                  "trace_fields", "band_code", "band_fields"):  # fmt: skip
            if c not in ob:
                ob[c] = ""
            ob[c] = ob[c].fillna("").astype(str)
        for c in ("component_order", "section_order"):
            if c not in ob:
                ob[c] = 0
        if "year" not in ob:
            ob["year"] = ob["settlement_year"]
        if "evidence_rank" not in ob:
            ob["evidence_rank"] = 0
        self.obligations_cny = _sorted(ob)
        self._shown = {}
        if self.scheme is not None and not self._parties:
            self._parties = {
                p.id: {"name": p.name_zh, "kind": p.kind, "code": p.code or ""}
                for p in self.scheme.doc.parties
            }
        self.meta.setdefault("warnings", [])
        self.meta.setdefault("status", "released")

    # --- construction -----------------------------------------------------------------
    @classmethod
    def from_lines(
        cls,
        lines: pd.DataFrame,
        *,
        scheme: str = "manual",
        status: str = "released",
        unit: str = "万元",
        parties: Mapping[str, str] | None = None,
        funds: tuple[str, ...] = (),
    ) -> Settlement:
        """A settlement from ready obligation lines (``payer, payee, amount, settlement_year``
        + optional ``component, section_id, period, amount_unit``), e.g. reported section
        amounts to roll up. Amounts are read in ``amount_unit`` (default ``unit``)."""
        need = {"payer", "payee", "amount", "settlement_year"}
        missing = need - set(lines.columns)
        if missing:
            raise InputError(text("comp.lines_columns", missing=sorted(missing)))
        ob = checked_lines(lines.reset_index(drop=True), unit)
        for c, d in (
            ("component", "manual"),
            ("period", ""),
            ("rule", "manual"),
            ("section_id", ""),
            ("indicator", ""),
            ("band", ""),
            ("flags", ""),
            ("input_ref", "lines"),
        ):
            if c not in ob:
                ob[c] = d
        if "trace" not in ob:  # a trace given with the lines is the caller's text, shown as is
            ob["trace"], ob["trace_code"] = "", "comp.trace.reported"
        for c in ("observed", "target", "exceedance"):
            if c not in ob:
                ob[c] = np.nan
        if "evidence_rank" not in ob:
            # reported lines carry the evidence the caller gives, else they are unverified
            ranks = {name: r for r, name in _RANK_NAME.items()}
            ev = ob["evidence"] if "evidence" in ob else pd.Series("unverified", index=ob.index)
            ob["evidence_rank"] = ev.map(lambda e: ranks.get(str(e), max(ranks.values())))
        ob["year"] = ob.get("year", ob["settlement_year"])
        names = dict(parties or {})
        known = {p: {"name": names.get(p, p), "kind": "fund" if p in funds else "other", "code": ""}
                 for p in sorted(set(ob["payer"]) | set(ob["payee"]) | set(names))}  # fmt: skip
        meta = {"scheme": scheme, "scheme_ref": scheme, "status": status, "warnings": []}
        return cls(ob, None, meta, unit, None, known)

    # --- identity ---------------------------------------------------------------------
    @property
    def status(self) -> str:
        """``released`` / ``provisional`` / ``draft`` — the scheme edition's status."""
        return str(self.meta.get("status", "released"))

    @property
    def warnings(self) -> list[str]:
        """The warnings of the run, in the active language."""
        return [str(w) for w in self.meta.get("warnings", [])]

    @property
    def evidence(self) -> str:
        """Weakest evidence level behind any line (``published`` … ``unverified``)."""
        r = int(self.obligations_cny["evidence_rank"].max()) if len(self.obligations_cny) else 0
        return _RANK_NAME[r]

    @property
    def settlement_years(self) -> list[int]:
        return sorted(int(y) for y in self.obligations_cny["settlement_year"].unique())

    def party_name(self, pid: str) -> str:
        return self._parties.get(pid, {}).get("name", pid)

    def _factor(self) -> float:
        return factor("CNY", self.unit)

    def to_unit(self, unit: str) -> Settlement:
        """The same settlement presented in another money unit (元, 万元, 亿元)."""
        factor("CNY", unit)
        return replace(self, unit=unit, meta=dict(self.meta))

    # --- ledgers ----------------------------------------------------------------------
    @property
    def obligations(self) -> pd.DataFrame:
        """The gross obligation ledger: DESIGN §7 columns, then ``payer_name, payee_name,
        rule, share, evidence, status, input_ref, year``; amounts in :attr:`unit`.

        ``amount`` is what ``payer`` owes ``payee`` (never negative); the ``trace`` (in the
        active language, :mod:`geep.compensation.trace`) shows the computation with the section amount signed from the responsible (upstream) side:
        positive = it pays, negative = it receives. ``flags``: ``dry``/``frozen``/``missing``
        (excluded, never zero), ``netted``, ``no_control``, ``capped``, ``no_baseline``,
        ``not_max``, ``partial_year:n/12``, ``forfeit:<party>``, ``not_assessed``,
        ``class_derived``."""
        ob = self.obligations_cny
        out = pd.DataFrame({
            "scheme": self.meta.get("scheme", ""),
            **{c: ob[c] for c in OBLIGATION_COLUMNS[1:11]},
            "amount": ob["amount"] * self._factor(),
            "amount_unit": self.unit,
            "settlement_year": ob["settlement_year"].astype("int64"),
            "flags": ob["flags"],
            "trace": self._trace(),
            "payer_name": ob["payer"].map(self.party_name),
            "payee_name": ob["payee"].map(self.party_name),
            "rule": ob.get("rule", ""),
            "share": ob.get("share", 1.0),
            "evidence": ob["evidence_rank"].map(_RANK_NAME),
            "status": self.status,
            "input_ref": ob["input_ref"],
            "year": ob["year"].astype("int64"),
        })  # fmt: skip
        return out.reset_index(drop=True)

    def _trace(self) -> np.ndarray:
        """The traces in the active language, rendered once per language."""
        lang = language()
        if lang not in self._shown:
            ob = self.obligations_cny
            self._shown[lang] = render(ob["trace_code"], ob["trace_fields"], ob["trace"]).to_numpy()
        return self._shown[lang]

    def band_labels(self) -> np.ndarray:
        """The ``band`` of each obligation line in the active language (the order of
        :attr:`obligations`): bands made of numbers rendered from their data, one-word bands
        by their label."""
        from ..messages import label

        ob = self.obligations_cny
        words = ob["band"].map({v: label("stl.band", v) for v in ob["band"].unique()})
        return render(ob["band_code"], ob["band_fields"], words).to_numpy()

    @property
    def net(self) -> pd.DataFrame:
        """Net settlement ledger: one row per party per settlement year with ``paid``,
        ``received`` and ``net`` (= received − paid), plus name, kind and status."""
        ob = self.obligations_cny
        f = self._factor()
        paid = ob.groupby(["payer", "settlement_year"])["amount"].sum().rename("paid")
        recv = ob.groupby(["payee", "settlement_year"])["amount"].sum().rename("received")
        paid.index.names = recv.index.names = ["party", "settlement_year"]
        years = self.settlement_years
        parties = sorted(set(self._parties) | set(ob["payer"]) | set(ob["payee"]))
        idx = pd.MultiIndex.from_product([parties, years], names=["party", "settlement_year"])
        out = pd.concat([paid, recv], axis=1).reindex(idx).fillna(0.0).reset_index()
        out["paid"] *= f
        out["received"] *= f
        out["net"] = out["received"] - out["paid"]
        out["amount_unit"] = self.unit
        out["party_name"] = out["party"].map(self.party_name)
        out["kind"] = out["party"].map(lambda p: self._parties.get(p, {}).get("kind", ""))
        out["status"] = self.status
        out = out.sort_values(["settlement_year", "party"], kind="mergesort").reset_index(drop=True)
        return out[[*NET_COLUMNS, "party_name", "kind", "status"]]

    def matrix(self, settlement_year: int | None = None, names: bool = False) -> pd.DataFrame:
        """Who owes whom in a settlement year: payer (rows) × payee (columns), summed."""
        years = self.settlement_years
        if settlement_year is None:
            if len(years) != 1:
                raise InputError(text("comp.err.several_years", years=years))
            settlement_year = years[0]
        if settlement_year not in years:
            raise InputError(text("comp.err.no_settlement_year", year=settlement_year, years=years))
        ob = self.obligations_cny[self.obligations_cny["settlement_year"] == settlement_year]
        ob = ob[ob["amount"] > 0]
        parties = sorted(set(ob["payer"]) | set(ob["payee"]))
        m = ob.pivot_table(
            index="payer", columns="payee", values="amount", aggfunc="sum", fill_value=0.0
        )
        m = m.reindex(index=parties, columns=parties, fill_value=0.0) * self._factor()
        if names:
            lab = {p: f"{self.party_name(p)} ({p})" for p in parties}
            m = m.rename(index=lab, columns=lab)
        m.index.name, m.columns.name = "payer", "payee"
        return m

    def totals(self, by: str | list[str] = "component") -> pd.DataFrame:
        """Gross amounts summed by column(s) of the obligations (e.g. ``component``,
        ``["payer", "settlement_year"]``), in :attr:`unit`."""
        keys = [by] if isinstance(by, str) else list(by)
        return self.obligations.groupby(keys, sort=True)["amount"].sum().reset_index()

    def conservation(self) -> pd.DataFrame:
        """Per settlement year: paid by jurisdictions, received by jurisdictions, the fund's
        net intake, and ``balance`` = paid − received − fund (zero when money is conserved)."""
        net = self.net
        is_fund = net["kind"] == "fund"
        g = net.assign(fund=is_fund).groupby("settlement_year")
        rows = []
        for y, grp in g:
            j = grp[~grp["fund"]]
            fund_net = float(grp.loc[grp["fund"], "net"].sum())
            paid, recv = float(j["paid"].sum()), float(j["received"].sum())
            rows.append((int(y), paid, recv, fund_net, paid - recv - fund_net, self.unit))
        return pd.DataFrame(
            rows,
            columns=["settlement_year", "paid", "received", "fund_net", "balance", "amount_unit"],
        )

    def check(self, rtol: float = 1e-9) -> CheckResult:
        """Money conserved, amounts finite and non-negative, no self-payments."""
        res = CheckResult()
        ob = self.obligations_cny
        a = ob["amount"].to_numpy(dtype="float64")
        if not np.isfinite(a).all():
            res.problems.append(f"{int((~np.isfinite(a)).sum())} non-finite amount(s)")
        if (a < 0).any():
            res.problems.append(f"{int((a < 0).sum())} negative amount(s)")
        selfpay = (ob["payer"] == ob["payee"]) & (ob["amount"] > 0)
        if selfpay.any():
            res.problems.append(f"{int(selfpay.sum())} line(s) where payer = payee")
        scale = max(1.0, float(np.abs(a).sum()) * self._factor())
        for r in self.conservation().itertuples():
            if abs(r.balance) > rtol * scale:
                res.problems.append(
                    f"settlement year {r.settlement_year}: money not conserved (balance {r.balance!r})"
                )
        return res

    # --- output -----------------------------------------------------------------------
    def to_excel(self, path: str | Path, lang: str = "en") -> Path:
        """Write the settlement workbook (summary with status, net, matrices, obligations,
        parameters, sections, warnings), atomically."""
        from .. import _formats

        return _formats.get("settlement.write_excel")(self, path, lang=lang)

    def to_csv(self, path: str | Path) -> Path:
        """Write obligations (``path``), net (``<stem>.net.csv``) and provenance
        (``<stem>.meta.json``), atomically; byte-identical for identical runs."""
        from .. import _formats

        return _formats.get("settlement.write_csv")(self, path)

    def _headline(self) -> str:
        flag = "" if self.status == "released" else f" [{self.status.upper()}]"
        return (
            f"Settlement{flag} of {self.meta.get('scheme')}: {len(self.obligations_cny)} obligation "
            f"lines, settlement years {self.settlement_years}, evidence {self.evidence}, in {self.unit}"
        )

    def __repr__(self) -> str:
        net = self.net
        body = (
            net[net["paid"].ne(0) | net["received"].ne(0)]
            .drop(columns=["amount_unit", "status"])
            .to_string(index=False)
        )
        warn = "".join(f"\n  ! {w}" for w in self.warnings[:8])
        return f"{self._headline()}\n{body}{warn}"

    def _repr_html_(self) -> str:
        warn = "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings[:10])
        return f"<p><b>{html.escape(self._headline())}</b></p>{self.net.to_html(index=False)}<ul>{warn}</ul>"


def _sorted(ob: pd.DataFrame) -> pd.DataFrame:
    """Obligation lines in their stable order: by :data:`_SORT`, where lines that tie on the
    other keys are ordered by their English trace (rendered for those lines only)."""
    keys = _SORT[:-1]
    order = ob["trace"].to_numpy(dtype=object).copy()
    tie = ob.duplicated(keys, keep=False).to_numpy() & (ob["trace_code"] != "").to_numpy()
    if tie.any():
        with language_scope("en"):
            order[tie] = render(ob.loc[tie, "trace_code"], ob.loc[tie, "trace_fields"]).to_numpy()
    ob = ob.assign(_order=order).sort_values([*keys, "_order"], kind="mergesort")
    return ob.drop(columns="_order").reset_index(drop=True)


def checked_lines(lines: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Reported obligation lines with amounts in CNY, party ids normalised
    (:func:`geep.ids.clean_id`), every hostile value refused.

    Raises
    ------
    InputError
        Listing each line whose amount is not a number, negative, not finite in CNY or in a
        unit that is not money, whose settlement year is not a year, or whose payer is its payee.
    """
    ob = lines.copy()
    units = (
        ob["amount_unit"].astype(str) if "amount_unit" in ob else pd.Series(unit, index=ob.index)
    )
    problems: list[object] = []
    f = {}
    for u in units.unique():
        try:
            f[u] = factor(u, "CNY")
        except GeepError as exc:
            rows = np.flatnonzero((units == u).to_numpy())
            problems += [
                text("comp.line_unit", row=int(i), unit=u, problem=exc.message) for i in rows
            ]
    raw = ob["amount"]
    amount = pd.to_numeric(raw, errors="coerce").astype("float64")
    cny = amount * units.map(f).astype("float64")
    year = pd.to_numeric(ob["settlement_year"], errors="coerce")
    for c in ("payer", "payee"):
        ob[c] = ob[c].map(lambda v: clean_id(v)[0] if v is not None and v == v else "")
    checks = (
        (amount.isna(), lambda i: text("comp.line_amount", row=i, value=raw.iat[i])),
        (amount < 0, lambda i: text("comp.line_negative", row=i, value=raw.iat[i])),
        (np.isfinite(amount) & ~np.isfinite(cny) & units.isin(list(f)),
         lambda i: text("comp.line_not_finite", row=i, value=raw.iat[i], unit=units.iat[i])),
        (~year.between(1900, 2200) | (year % 1 != 0),
         lambda i: text("comp.line_year", row=i, value=ob["settlement_year"].iat[i])),
        ((ob["payer"] == ob["payee"]) & (amount > 0),
         lambda i: text("comp.line_self", row=i, party=ob["payer"].iat[i])),
        (ob["payer"] == "", lambda i: text("comp.line_party", row=i, column="payer")),
        (ob["payee"] == "", lambda i: text("comp.line_party", row=i, column="payee")),
    )  # fmt: skip
    for mask, say in checks:
        problems += [say(int(i)) for i in np.flatnonzero(np.asarray(mask, dtype=bool))]
    if problems:
        shown: object = problems[0]
        for p in problems[1:20]:
            shown = shown + "; " + p
        raise InputError(text("comp.lines_invalid", n=len(problems), problems=shown),
                         table="lines", hint=text("hint.comp.lines"))  # fmt: skip
    ob["amount"] = cny.fillna(0.0)
    ob["settlement_year"] = year.astype("int64")
    return ob
