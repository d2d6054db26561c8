"""The compensation engine: scheme + observations (+ flows) → :class:`Settlement`.

Steps: validate inputs (every problem reported), build the assessment context, run each
rule component, keep the assessment window, apply caps, split section amounts among the
responsible (upstream) parties and the counterparty (downstream parties or the fund) by
their shares, and date each obligation to its settlement year (assessment year + lag).

References
----------
DESIGN §7; compensation.md §1.2 (province-cleared, next-year settlement, S2/S3), §5.1–§5.4.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..coefficients import load as load_table
from ..errors import InputError, SchemeError
from ..inputs.report import InputValidationError, Issue, Report
from ..messages import MESSAGES, Text, text
from . import rules as R
from .components import HANDLERS
from .context import LIMITS_REF, Context
from .model import EVIDENCE_RANK, EXCLUDED
from .observations import Where, normalise_flows, normalise_observations
from .parameters import ParameterError, check_scheme
from .schemes import Scheme, coerce
from .settlement import Settlement
from .trace import add_step
from .window import inside, outside_report

RANK_EVIDENCE = {v: k for k, v in EVIDENCE_RANK.items()}


@dataclass
class Prepared:
    """Validated inputs of a run (re-usable across parameter sweeps)."""

    scheme: Scheme
    obs: pd.DataFrame
    flows: pd.DataFrame | None
    report: Report


def used_indicators(scheme: Scheme) -> set[str]:
    out: set[str] = set()
    for c in scheme.doc.components:
        out |= set(c.indicators) | set(c.options.get("class_from", []))
        if c.rule in ("class_step", "pooled_fund"):
            out.add("water_class")
        if c.rule == "index_change":
            out.add("index")
    return out


def prepare(
    scheme: Scheme | str,
    observations: pd.DataFrame,
    flows: pd.DataFrame | None = None,
    parameters: Mapping[str, Any] | None = None,
    sections: pd.DataFrame | None = None,
    *,
    where: Where | None = None,
    flows_where: Where | None = None,
    sections_where: Where | None = None,
    issues: Iterable[Issue] = (),
    parameter_cells: Mapping[str, str] | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> Prepared:
    """Resolve the scheme (with user sections and parameter overrides) and validate the
    inputs; raises :class:`geep.inputs.InputValidationError` listing every problem.

    ``where`` / ``flows_where`` / ``sections_where`` locate the cells of tables read from a
    file (:func:`geep.compensation.io.read_inputs`); ``issues`` are those the reader found
    (reported with the rest); ``parameter_cells`` maps a parameter given in a parameters
    sheet to the cell of its value, where a value that does not fit its definition is
    reported.
    """
    sch = coerce(scheme, paths)
    report = Report(list(issues))
    if sections is not None:
        try:
            sch = sch.with_sections(sections, where=sections_where)
        except InputValidationError as exc:  # without sections nothing else can be checked
            report.extend(exc.report.issues)
            report.raise_if_errors()
    if parameters:
        parameters = _sheet_parameters(sch, parameters, parameter_cells or {}, report)
        sch = sch.with_parameters(parameters)
    check_scheme(sch)
    for c in sch.doc.components:
        if c.rule not in HANDLERS:
            raise SchemeError(
                text("comp.unknown_rule", component=c.id, rule=c.rule),
                table=sch.ref,
                hint=text("hint.comp.rules", rules=", ".join(sorted(HANDLERS))),
            )
    if not sch.doc.sections:
        raise InputError(
            text("comp.no_sections"), table=sch.ref, hint=text("hint.comp.no_sections")
        )
    sec_ids = {s.id for s in sch.doc.sections}
    obs, found = normalise_observations(observations, sec_ids, used_indicators(sch), where)
    report.extend(found)
    fl = None
    if flows is not None:
        fl, found = normalise_flows(flows, sec_ids, flows_where)
        report.extend(found)
    report.raise_if_errors()
    return Prepared(sch, obs, fl, report)


def _sheet_parameters(sch: Scheme, parameters: Mapping[str, Any], cells: Mapping[str, str],
                      report: Report) -> dict[str, Any]:  # fmt: skip
    """Parameters given in a sheet are checked one by one, a problem reported at the cell of
    the value (and the value left out); the others are checked by the scheme."""
    out = dict(parameters)
    for key in [k for k in cells if k in out]:  # in the order of the sheet
        try:
            sch.with_parameters({key: out[key]})  # its definition, and the scheme's checks
        except ParameterError as exc:
            raw = out.pop(key)
            value = raw.get("value") if isinstance(raw, Mapping) else raw
            report.add(Issue("parameters", cells[key], "value", str(value), exc.message,
                             exc.hint or ""))  # fmt: skip
    return out


def compensate(
    scheme: Scheme | str,
    observations: pd.DataFrame,
    flows: pd.DataFrame | None = None,
    parameters: Mapping[str, Any] | None = None,
    *,
    sections: pd.DataFrame | None = None,
    unit: str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> Settlement:
    """Run a compensation scheme on observations and return the settlement.

    Parameters
    ----------
    scheme
        A :class:`Scheme`, ``"scheme-id"`` / ``"id@edition"``, or a scheme folder.
    observations
        Table ``section_id, period, indicator, value, unit, status`` (``period`` YYYY-MM or
        YYYY; ``indicator`` a pollutant, ``water_class`` (1–6) or ``index``; status valid /
        dry / frozen / missing — excluded rows are flagged, never zero).
    flows
        Table ``section_id, period, flow, unit`` (m³/s or a volume per period), for
        load-based, e-flow and quantity components.
    parameters
        Overrides of scheme parameters by name (``name`` or ``name[i]``): official values for
        a provisional edition, negotiation or sensitivity. Recorded in the settlement.
    sections
        A sections table replacing the scheme's (schemes whose section list is not shipped).
    unit
        Presentation unit of money (default: the scheme's, usually 万元).

    Returns
    -------
    Settlement
        ``.obligations`` (gross ledger), ``.net`` (per party per settlement year),
        ``.matrix(year)``, ``.to_excel(path)``; ``.status`` says provisional where it is.
    """
    prep = prepare(scheme, observations, flows, parameters, sections, paths=paths)
    return run(prep, unit=unit)


def run(
    prep: Prepared, parameters: Mapping[str, Any] | None = None, unit: str | None = None
) -> Settlement:
    """Run prepared inputs (optionally with further parameter overrides)."""
    sch = prep.scheme.with_parameters(parameters) if parameters else prep.scheme
    limits_tab = load_table(LIMITS_REF)
    limits = limits_tab.frame.assign(water_class=lambda d: d["water_class"].astype("float64"))
    ctx = Context(sch, prep.obs, prep.flows, limits)
    parts = []
    order = {c.id: i for i, c in enumerate(sch.doc.components)}
    for comp in sch.doc.components:
        lines = HANDLERS[comp.rule](ctx, comp)
        lines = _window(sch, lines)
        if lines.empty:
            ctx.used.pop(comp.id, None)
            continue
        lines = _cap(ctx, comp, lines)
        lines["component"] = comp.id
        lines["rule"] = comp.rule
        lines["counterparty"] = comp.counterparty
        lines["evidence_rank"] = _evidence_rank(ctx, comp, lines)
        parts.append(lines)
    if not parts:
        outside = outside_report(sch, prep.obs, "comp.outside_window")
        raise SchemeError(
            text("comp.err.no_lines_outside", outside=outside)
            if outside
            else text("comp.no_lines"),
            table=sch.ref,
            hint=text("hint.comp.no_lines"),
        )
    lines = pd.concat(parts, ignore_index=True)
    obligations = _assign_parties(sch, lines)
    obligations["settlement_year"] = (
        obligations["year"].astype("int64") + sch.doc.settlement.lag_years
    )
    obligations["component_order"] = obligations["component"].map(order)
    sec_order = {x.id: i for i, x in enumerate(sch.doc.sections)}
    obligations["section_order"] = (
        obligations["section_id"].map(sec_order).fillna(-1).astype("int64")
    )
    warnings = _warnings(ctx, prep, lines)
    meta = {
        "scheme": sch.label,
        "scheme_ref": sch.ref,
        "status": sch.status,
        "sha256": sch.sha256,
        "limits": f"{limits_tab.ref} sha256 {limits_tab.sha256}",
        "fund": sch.doc.fund.model_dump(),
        "settlement": sch.doc.settlement.model_dump(),
        "overrides": [o.__dict__ for o in sch.overrides],
        "derived": list(sch.derived),
        "parameters_used": sorted(set().union(*ctx.used.values())) if ctx.used else [],
        "warnings": warnings,
    }
    return Settlement(
        obligations_cny=obligations,
        scheme=sch,
        meta=meta,
        unit=unit or sch.doc.presentation_unit,
        report=prep.report,
    )


def _window(sch: Scheme, lines: pd.DataFrame) -> pd.DataFrame:
    if lines.empty:
        return lines
    return lines[inside(sch, lines["year"], lines["month"])].reset_index(drop=True)


def _cap(ctx: Context, comp, lines: pd.DataFrame) -> pd.DataFrame:
    if not comp.cap:
        return lines
    cap = ctx.param_by_name(comp.cap, "CNY", comp.id)
    amount = lines["amount"].astype("float64")
    if comp.cap_per == "line":
        new, capped = R.apply_cap(amount, cap)
    else:
        new, capped = R.apply_group_cap(amount, [lines["section_id"], lines["year"]], cap)
        new, capped = new.to_numpy(), capped.to_numpy()
    lines = lines.copy()
    lines["amount"] = new
    add = np.where(capped, "capped", "")
    lines["flags"] = (lines["flags"].fillna("").astype(str) + ";" + add).str.strip(";")
    codes, fields = add_step(
        lines["trace_code"], lines["trace_fields"], np.asarray(capped, dtype=bool),
        "comp.trace.capped", cap=f"{cap / 1e4:g}", cap_param=comp.cap, per=comp.cap_per,
    )  # fmt: skip
    lines["trace_code"], lines["trace_fields"] = codes.to_numpy(), fields.to_numpy()
    return lines


def _evidence_rank(ctx: Context, comp, lines: pd.DataFrame) -> np.ndarray:
    ranks = [EVIDENCE_RANK[comp.evidence]]
    for name in ctx.used.get(comp.id, ()):
        ranks += [EVIDENCE_RANK[e] for e in ctx.scheme.doc.parameters[name].evidence_levels()]
    base = max(ranks)
    sec = {s.id: EVIDENCE_RANK[s.evidence] for s in ctx.scheme.doc.sections}
    s_rank = lines["section_id"].map(sec).fillna(0).astype(int).to_numpy()
    lim = lines["limit_evidence"].map(EVIDENCE_RANK).fillna(0).astype(int).to_numpy()
    return np.maximum(np.maximum(base, s_rank), lim)


def _roles(sch: Scheme) -> tuple[pd.DataFrame, pd.DataFrame]:
    up, other = [], []
    fund = sch.doc.fund.party
    for s in sch.doc.sections:
        for pid, share in s.upstream.items():
            if isinstance(share, dict):
                up += [(s.id, ind, pid, float(v)) for ind, v in share.items()]
            else:
                up.append((s.id, "*", pid, float(share)))
        if s.downstream:
            other += [(s.id, pid, float(v)) for pid, v in s.downstream.items()]
        elif fund:
            other.append((s.id, fund, 1.0))
    if fund:
        other.append(("__fund__", fund, 1.0))
    return (
        pd.DataFrame(up, columns=["section_id", "share_indicator", "up_party", "up_share"]),
        pd.DataFrame(other, columns=["other_key", "other_party", "other_share"]),
    )


def _assign_parties(sch: Scheme, lines: pd.DataFrame) -> pd.DataFrame:
    explicit = lines["payer"].notna() if "payer" in lines else pd.Series(False, index=lines.index)
    direct = lines[explicit].assign(share=1.0)
    role = lines[~explicit].drop(columns=["payer", "payee"], errors="ignore").reset_index(drop=True)
    role["line_id"] = np.arange(len(role))
    up, other = _roles(sch)
    m = role.merge(up, on="section_id", how="left")
    m = m[(m["share_indicator"] == "*") | (m["share_indicator"] == m["indicator"])]
    covered = m.groupby("line_id")["up_share"].sum().reindex(role["line_id"]).fillna(0.0)
    if (np.abs(covered.to_numpy() - 1.0) > 1e-9).any():
        bad = (
            role.loc[np.abs(covered.to_numpy() - 1.0) > 1e-9, ["section_id", "indicator"]]
            .drop_duplicates()
            .head(5)
        )
        raise SchemeError(
            text(
                "comp.err.no_upstream_shares",
                items=", ".join(f"{r.section_id}/{r.indicator}" for r in bad.itertuples()),
            ),
            table=sch.ref,
            hint=text("hint.comp.err.no_upstream_shares"),
        )
    m["other_key"] = np.where(m["counterparty"] == "downstream", m["section_id"], "__fund__")
    m = m.merge(other, on="other_key", how="left")
    if m["other_party"].isna().any():
        bad = sorted(m.loc[m["other_party"].isna(), "section_id"].unique())[:5]
        raise SchemeError(text("comp.err.no_counterparty", sections=bad), table=sch.ref,
                          hint=text("hint.comp.err.no_counterparty"))  # fmt: skip
    signed = (
        m["amount"].to_numpy(dtype="float64")
        * m["up_share"].to_numpy()
        * m["other_share"].to_numpy()
    )
    pays = signed > 0
    m["payer"] = np.where(pays | (signed == 0), m["up_party"], m["other_party"])
    m["payee"] = np.where(pays | (signed == 0), m["other_party"], m["up_party"])
    m["amount"] = np.abs(signed)
    m["share"] = m["up_share"] * m["other_share"]
    keep = [
        c
        for c in m.columns
        if c
        not in (
            "share_indicator",
            "up_party",
            "up_share",
            "other_key",
            "other_party",
            "other_share",
            "line_id",
        )
    ]
    out = pd.concat([m[keep], direct], ignore_index=True)
    out["amount"] = out["amount"].astype("float64")
    return out


def _weak(what: str, name: object, evidence: object, note: object = "") -> Text:
    """``<what> <name> is <evidence> (…)`` (``: <note>`` when the scheme gives one)."""
    said = text("comp.weak_evidence", what=text(f"comp.what.{what}"), name=name, evidence=evidence)
    return text("comp.with_note", text=said, note=note) if note else said


def _counts(statuses: pd.Series) -> Text:
    """``dry 2, frozen 4, missing 2``: excluded rows by status, in the reader's words."""
    out = Text()
    for i, (k, v) in enumerate(statuses.value_counts().sort_index().items()):
        code = f"comp.trace.status.{k}"
        out = out + (", " if i else "") + (text(code) if code in MESSAGES else str(k)) + f" {v}"
    return out


def _warnings(ctx: Context, prep: Prepared, lines: pd.DataFrame) -> list[Text | str]:
    """The warnings of a run, as lazy texts (rendered in the reader's language when shown)."""
    sch = ctx.scheme
    out: list[Text | str] = []
    if sch.status != "released":
        out.append(text("comp.provisional", ref=sch.label, status=text(f"status.{sch.status}")))
    for name in sorted(set().union(*ctx.used.values()) if ctx.used else []):
        p = sch.doc.parameters[name]
        weak = [e for e in p.evidence_levels() if EVIDENCE_RANK[e] >= EVIDENCE_RANK["user"]]
        if weak:
            level = max(weak, key=EVIDENCE_RANK.__getitem__)
            out.append(_weak("parameter", name, text(f"comp.evidence.{level}"), p.note_text))
    used_secs = set(lines["section_id"].dropna().unique())
    for s in sch.doc.sections:
        if s.id in used_secs and EVIDENCE_RANK[s.evidence] >= EVIDENCE_RANK["user"]:
            out.append(
                _weak("section", f"{s.id} ({s.name_zh})", text(f"comp.evidence.{s.evidence}"))
            )
    comps = set(lines["component"].unique()) if "component" in lines else set()
    for c in sch.doc.components:
        if c.id in comps and EVIDENCE_RANK[c.evidence] >= EVIDENCE_RANK["user"]:
            name = text("comp.component_ref", id=c.id)
            out.append(_weak("component", name, text(f"evidence.{c.evidence}"), c.note_text))
    for what, spec in (("settlement_lag", sch.doc.settlement), ("fund_routing", sch.doc.fund)):
        if EVIDENCE_RANK[spec.evidence] >= EVIDENCE_RANK["user"]:
            out.append(text("comp.weak_evidence_of", what=text(f"comp.what.{what}"),
                            evidence=text(f"evidence.{spec.evidence}")))  # fmt: skip
    lim_used = sorted(
        set(lines.loc[lines["limit_evidence"].isin(["unverified", "secondary"]), "indicator"])
    )
    if lim_used:
        out.append(text("comp.warn.limits_unverified", indicators=", ".join(lim_used),
                        table=LIMITS_REF))  # fmt: skip
    excl = prep.obs[prep.obs["status"].isin(EXCLUDED)]
    if len(excl):
        out.append(text("comp.excluded", n=len(excl), detail=_counts(excl["status"])))
    if prep.flows is not None:
        fx = prep.flows[prep.flows["flow_status"].isin(EXCLUDED)]
        if len(fx):
            said = text("comp.excluded", n=len(fx), detail=_counts(fx["flow_status"]))
            out.append(text("comp.warn.flows", what=said))
    for o in sch.overrides:
        given = text("comp.param_given", given=o.given) if o.given else ""
        out.append(text("comp.param_overridden", name=o.name, by=o.by, old=repr(o.old),
                        new=repr(o.new), unit=o.unit, given=given))  # fmt: skip
    for frame, code in ((prep.obs, "comp.outside_window"), (prep.flows, "comp.outside_flows")):
        note = outside_report(sch, frame, code)
        if note:
            out.append(note)
    out += ctx.notes
    for issue in prep.report.issues:
        if issue.severity != "error":
            sev = f"severity.{issue.severity}"
            out.append(text("comp.warn.input", severity=text(sev) if sev in MESSAGES else issue.severity,
                            where=issue.where, problem=issue.problem))  # fmt: skip
    return out


_ = Issue  # re-exported type for callers building reports
