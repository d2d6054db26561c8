"""Pydantic models of a compensation scheme edition (``scheme.yaml``).

A scheme is data: jurisdictions (parties, with GB/T 2260 codes), monitoring sections
(river, type, upstream and downstream parties with responsibility shares, an upstream
control section for netting, target water-quality class per period), named parameters
(each with its unit, evidence level and source), rule components that refer to parameters
by name, the fund mode and the settlement lag.

References
----------
geep ``compensation.md`` §5.1 (core entities) and §5.4 (cross-cutting requirements).
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..coefficients.model import EditionMeta
from ..messages import Text, bilingual, text
from ..status import STATUSES  # noqa: F401 (re-exported; the ranking is geep.status)

EVIDENCE_LEVELS = ("published", "derived", "secondary", "unverified")
#: ``user`` marks a value supplied by the caller (an override or a user sections table);
#: it is never allowed in a shipped ``scheme.yaml``
USER = "user"
#: weaker evidence ranks higher; ``user`` marks a value supplied by the caller (an override)
EVIDENCE_RANK = {"published": 0, "derived": 1, "user": 2, "secondary": 3, "unverified": 4}
#: observation status: ``valid`` is assessed; the others are excluded (never zero)
OBS_STATUSES = ("valid", "dry", "frozen", "missing")
EXCLUDED = ("dry", "frozen", "missing")
#: indicators that are officially determined derived values, not concentrations
DERIVED_INDICATORS = ("water_class", "index")

Evidence = Literal["published", "derived", "secondary", "unverified", "user"]
PartyKind = Literal["province", "prefecture", "county", "fund", "central", "other"]
SectionType = Literal[
    "junction", "outflow", "inflow_mouth", "source", "national", "provincial", "drinking_source"
]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def note_text(self) -> Text | str:
        """The ``note`` shown in the reader's language: ``note_zh`` under zh when the scheme
        gives one, else the note as written (a user's note is data); ``""`` without a note."""
        note = getattr(self, "note", "")
        return bilingual(note, getattr(self, "note_zh", "") or None) if note else ""


def _keys(source: str) -> list[str]:
    return [k.strip() for k in str(source).split(";") if k.strip()]


class Party(_Frozen):
    """A jurisdiction (or a fund) that pays or receives.

    ``code`` is the GB/T 2260 administrative-division code of a jurisdiction; ``code_source``
    names where it was checked (e.g. ``regions-shanxi@2019``).
    """

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")
    name_zh: str
    name_en: str = ""
    kind: PartyKind
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    code_evidence: Evidence | None = None
    code_source: str | None = None
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""

    @model_validator(mode="after")
    def _code_evidence(self) -> Party:
        if self.code and not self.code_evidence:
            raise ValueError(str(text("comp.err.code_evidence", party=self.id)))
        return self


class TargetPeriod(_Frozen):
    """Target class of a section from period ``from`` to ``to`` (inclusive; YYYY or YYYY-MM)."""

    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    water_class: int = Field(ge=1, le=5)

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return None if v is None else str(v)


Shares = dict[str, float | dict[str, float]]


class Section(_Frozen):
    """A monitoring section (断面).

    ``upstream``: responsible parties → share (or → ``{indicator: share}`` for per-factor
    contribution shares, as at Zhenjiang's 九里 section). ``downstream``: beneficiary parties
    → share. Shares of one side must sum to 1.
    """

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    name_zh: str
    name_en: str = ""
    river: str = ""
    type: SectionType = "junction"
    upstream: Shares
    downstream: dict[str, float] = Field(default_factory=dict)
    control_section: str | None = None
    target_class: int | list[TargetPeriod] | None = None
    targets: dict[str, float] = Field(default_factory=dict)
    no_inflow: bool = False
    indicator_map: dict[str, str] = Field(default_factory=dict)
    evidence: Evidence
    source: str
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""

    @field_validator("target_class", mode="before")
    @classmethod
    def _class(cls, v: Any) -> Any:
        if isinstance(v, int) and not 1 <= v <= 5:
            raise ValueError(str(text("comp.err.target_class")))
        return v

    def target_periods(self) -> list[TargetPeriod]:
        if self.target_class is None:
            return []
        if isinstance(self.target_class, int):
            return [TargetPeriod(water_class=self.target_class)]
        return list(self.target_class)


ParamValue = float | int | str | bool | list[float | int | None] | dict[str, Any] | None


class Parameter(_Frozen):
    """A named scheme parameter: value (scalar, list or mapping), unit, evidence, source.

    ``evidence`` may be one level or, for a list/mapping, one level per element (``null``
    where the element has no value). A ``null`` value means "not published": a run that needs
    it stops and asks for it.
    """

    value: ParamValue
    unit: str = "1"
    evidence: Evidence | list[Evidence | None] | dict[str, Evidence | None]
    source: str
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""

    @model_validator(mode="after")
    def _shape(self) -> Parameter:
        v, ev = self.value, self.evidence
        if isinstance(ev, list) and (not isinstance(v, list) or len(ev) != len(v)):
            raise ValueError(str(text("comp.err.evidence_list")))
        if isinstance(ev, dict) and (not isinstance(v, dict) or set(ev) != set(v)):
            raise ValueError(str(text("comp.err.evidence_keys")))
        for x in v if isinstance(v, list) else (v.values() if isinstance(v, dict) else [v]):
            if isinstance(x, float) and not math.isfinite(x):
                raise ValueError(str(text("comp.err.not_finite")))
        return self

    def evidence_levels(self) -> list[str]:
        """Every evidence level of the parameter's present elements."""
        ev = self.evidence
        if isinstance(ev, str):
            return [ev]
        items = ev if isinstance(ev, list) else list(ev.values())
        return [e for e in items if e]


class Component(_Frozen):
    """A rule component: which rule, on which indicators and sections, with which parameters.

    ``params`` maps the rule's argument names to scheme parameter names. ``counterparty``
    says who is on the other side of the responsible (upstream) parties: the scheme's fund or
    the section's downstream parties (the fund when a section has none).
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
    rule: str
    title: str = ""
    indicators: list[str] = Field(default_factory=list)
    frequency: Literal["monthly", "annual"] = "monthly"
    sections: list[str] | Literal["all"] = "all"
    section_types: list[str] | None = None
    counterparty: Literal["fund", "downstream"] = "fund"
    netting: Literal["none", "exempt_if_not_worse", "subtract_inflow"] = "none"
    params: dict[str, str] = Field(default_factory=dict)
    cap: str | None = None
    cap_per: Literal["line", "year"] = "line"
    options: dict[str, Any] = Field(default_factory=dict)
    evidence: Evidence
    source: str
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""


class Fund(_Frozen):
    """How money moves: ``provincial`` (cleared in the provincial–city fiscal settlement),
    ``direct`` (party to party), ``pool`` (joint fund), ``central`` (central treasury)."""

    mode: Literal["provincial", "direct", "pool", "central"]
    party: str | None = None
    evidence: Evidence
    source: str
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""


class SettlementSpec(_Frozen):
    """Settlement year = assessment year + ``lag_years``."""

    lag_years: int = Field(ge=0, le=5)
    evidence: Evidence
    source: str
    note: str = ""
    #: the note in Chinese (optional; shown under zh instead of ``note``)
    note_zh: str = ""


class AssessmentWindow(_Frozen):
    """Periods that produce obligations (earlier periods may still serve as baselines)."""

    from_: str | None = Field(default=None, alias="from")
    to: str | None = None

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return None if v is None else str(v)


class SchemeDoc(EditionMeta):
    """The content of ``scheme.yaml``: the common edition metadata plus the scheme."""

    model_config = ConfigDict(populate_by_name=True)

    assessment: AssessmentWindow = Field(default_factory=AssessmentWindow)
    presentation_unit: str = "万元"
    indicator_map: dict[str, str] = Field(default_factory=lambda: {"tp": "tp_river"})
    parties: list[Party] = Field(min_length=1)
    sections: list[Section] = Field(default_factory=list)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    components: list[Component] = Field(min_length=1)
    fund: Fund
    settlement: SettlementSpec

    @model_validator(mode="after")
    def _references(self) -> SchemeDoc:
        problems = cross_check(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _share_sum(shares: dict[str, Any]) -> dict[str, float]:
    """Sum of shares per indicator (``*`` for plain shares)."""
    out: dict[str, float] = {}
    for v in shares.values():
        if isinstance(v, dict):
            for ind, s in v.items():
                out[ind] = out.get(ind, 0.0) + float(s)
        else:
            out["*"] = out.get("*", 0.0) + float(v)
    return out


def cross_check(doc: SchemeDoc) -> list[str]:
    """Every cross-reference problem of a scheme (parties, sections, parameters, sources)."""
    problems: list[str] = []
    pids = [p.id for p in doc.parties]
    if len(set(pids)) != len(pids):
        problems.append("party ids are not unique")
    party_set = set(pids)
    sids = [s.id for s in doc.sections]
    if len(set(sids)) != len(sids):
        problems.append("section ids are not unique")
    cids = [c.id for c in doc.components]
    if len(set(cids)) != len(cids):
        problems.append("component ids are not unique")

    def check_source(where: str, source: str) -> None:
        for k in _keys(source):
            if k not in doc.sources:
                problems.append(f"{where}: source key {k!r} is not defined under 'sources'")

    for s in doc.sections:
        check_source(f"section {s.id}", s.source)
        for side, shares in (("upstream", s.upstream), ("downstream", s.downstream)):
            for pid in shares:
                if pid not in party_set:
                    problems.append(f"section {s.id}: {side} party {pid!r} is not in 'parties'")
            for ind, total in _share_sum(shares).items():
                if shares and abs(total - 1.0) > 1e-9:
                    problems.append(
                        f"section {s.id}: {side} shares{'' if ind == '*' else ' of ' + ind} sum "
                        f"to {total!r}, not 1 (normalise them explicitly in the scheme)"
                    )
        if not s.upstream:
            problems.append(f"section {s.id}: no upstream (responsible) party")
        if s.control_section and s.control_section not in sids:
            problems.append(f"section {s.id}: control_section {s.control_section!r} is unknown")
    if doc.fund.party and doc.fund.party not in party_set:
        problems.append(f"fund party {doc.fund.party!r} is not in 'parties'")
    check_source("fund", doc.fund.source)
    check_source("settlement", doc.settlement.source)
    for name, par in doc.parameters.items():
        check_source(f"parameter {name}", par.source)
    for c in doc.components:
        check_source(f"component {c.id}", c.source)
        for arg, pname in c.params.items():
            if pname not in doc.parameters:
                problems.append(f"component {c.id}: {arg} refers to unknown parameter {pname!r}")
        if c.cap and c.cap not in doc.parameters:
            problems.append(f"component {c.id}: cap refers to unknown parameter {c.cap!r}")
        if isinstance(c.sections, list):
            for sid in c.sections:
                if sid not in sids:
                    problems.append(f"component {c.id}: unknown section {sid!r}")
        if c.counterparty == "fund" and not doc.fund.party and c.rule not in _EXPLICIT_RULES:
            problems.append(
                f"component {c.id}: counterparty 'fund' but the scheme has no fund party"
            )
    return problems


#: rules that name payers and payees themselves (no upstream/counterparty roles)
_EXPLICIT_RULES = {"pooled_fund", "value_apportion"}
