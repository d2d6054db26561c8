"""Distribution specifications of coefficients: parsed, validated and matched onto θ.

A specification says how one coefficient (or every coefficient a wildcard reference names)
varies. It comes from the caller (a mapping keyed by reference, a DataFrame or a CSV file with
the same columns), from a coefficient table that ships the distribution columns, or — only on
request — from the evidence level of the coefficient (``defaults="by-evidence"``). Keys are
``table-id#row-key`` (any edition) or ``table-id@edition#row-key``, with ``*``/``?``/``[…]``
wildcards, e.g. ``xie2015-factors#forest.*/*``.

Fields (one spec): ``dist`` (``fixed | uniform | triangular | normal | lognormal | pert |
empirical``), ``min``, ``mode``, ``max``, ``loc``, ``scale``, ``median``, ``cv``, ``values``
(empirical sample, ``;``-separated in a CSV cell), ``relative`` (the numbers are multiples of
the coefficient's own value — needed for wildcards), ``unit`` (of absolute numbers; checked
against θ's unit and converted), ``corr_group`` (``name`` or ``name:ρ`` with ρ the Spearman
rank correlation within the group). Lognormal is given by median and CV, never by log-space
μ/σ.

References
----------
DESIGN §11; reference/uncertainty-seea.md §3.2 items 1-2 (columns, validation, lognormal by
median and CV).
"""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DimensionalityMismatchError, GeepError, UnitError
from ..messages import did_you_mean, text

DISTS = ("fixed", "uniform", "triangular", "normal", "lognormal", "pert", "empirical")
NUMBERS = ("min", "mode", "max", "loc", "scale", "median", "cv")
FIELDS = ("dist", *NUMBERS, "values", "relative", "unit", "corr_group")
#: numeric fields each distribution reads (anything else given is an error)
ALLOWED: dict[str, tuple[str, ...]] = {
    "fixed": (),
    "uniform": ("min", "max"),
    "triangular": ("min", "mode", "max"),
    "pert": ("min", "mode", "max"),
    "normal": ("loc", "scale", "cv", "min", "max"),
    "lognormal": ("median", "cv"),
    "empirical": ("values",),
}
KEY_COLUMNS = ("ref", "reference", "coefficient", "key")
#: half-widths of the by-evidence defaults (relative, triangular around the value). These are
#: geep's stated convention, not a published source; the output says so.
EVIDENCE_WIDTHS: dict[str, float] = {
    "published": 0.10,
    "derived": 0.20,
    "secondary": 0.30,
    "unverified": 0.50,
}


class DistributionError(GeepError, ValueError):
    """A distribution specification is invalid, names no coefficient or conflicts."""


@dataclass(frozen=True)
class Spec:
    """One distribution specification as given (numbers not yet resolved per coefficient)."""

    entry: str
    source: str
    dist: str
    numbers: tuple[tuple[str, float], ...] = ()
    values: tuple[float, ...] | None = None
    relative: bool = False
    unit: str | None = None
    corr_group: str | None = None
    corr: float | None = None
    where: str = ""

    def get(self, name: str) -> float | None:
        return dict(self.numbers).get(name)


@dataclass(frozen=True)
class Marginal:
    """The resolved distribution of one θ entry: parameters in θ's unit, or multipliers of the
    value when ``relative``."""

    pos: int
    ref: str
    value: float
    dist: str
    params: tuple[tuple[str, float], ...]
    relative: bool
    source: str
    entry: str
    values: tuple[float, ...] | None = None
    corr_group: str | None = None
    corr: float | None = None

    def param(self, name: str) -> float:
        return dict(self.params)[name]


# --- parsing ---------------------------------------------------------------------------------
def _missing(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return isinstance(v, str) and v.strip() == ""


def _number(v: object, entry: str, name: str, where: str) -> float:
    try:
        x = float(str(v).strip()) if isinstance(v, str) else float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        x = float("nan")
    if not math.isfinite(x):
        raise DistributionError(
            text("uncertainty.not_number", entry=entry, field=name, value=repr(v)),
            hint=text("uncertainty.hint_number"),
            column=name,
            entry=entry,
            **({"file": where} if where else {}),
        )
    return x


def _bool(v: object, entry: str, where: str) -> bool:
    if isinstance(v, bool | np.bool_):
        return bool(v)
    s = str(v).strip().lower()
    if s in ("true", "1", "yes", "y", "是"):
        return True
    if s in ("false", "0", "no", "n", "否"):
        return False
    raise DistributionError(text("uncertainty.not_bool", entry=entry, value=repr(v)), column="relative",
                            entry=entry, **({"file": where} if where else {}))  # fmt: skip


def _corr_group(v: str, entry: str) -> tuple[str, float | None]:
    name, sep, rho = str(v).strip().partition(":")
    if not name.strip():
        raise DistributionError(
            text("uncertainty.bad_group", entry=entry, value=repr(v)), entry=entry
        )
    return name.strip(), (_number(rho, entry, "corr_group", "") if sep else None)


def spec_from_mapping(entry: str, fields: Mapping[str, Any] | str, source: str = "user",
                      where: str = "") -> Spec:  # fmt: skip
    """One :class:`Spec` from ``{"dist": …, "min": …, …}`` (or the string ``"fixed"``)."""
    if isinstance(fields, str):
        fields = {"dist": fields}
    loc = {"file": where} if where else {}
    unknown = [k for k in fields if k not in FIELDS]
    if unknown:
        raise DistributionError(
            text("uncertainty.unknown_field", entry=entry, field=unknown[0],
                 suggestion=did_you_mean(unknown[0], list(FIELDS))),
            hint=text("uncertainty.hint_fields", fields=", ".join(FIELDS)), entry=entry, **loc,
        )  # fmt: skip
    given = {k: v for k, v in fields.items() if not _missing(v)}
    dist = str(given.get("dist", "")).strip().lower()
    if dist not in DISTS:
        raise DistributionError(
            text("uncertainty.unknown_dist", entry=entry, dist=repr(given.get("dist")),
                 suggestion=did_you_mean(dist, list(DISTS))),
            hint=text("uncertainty.hint_dists", dists=", ".join(DISTS)), entry=entry, **loc,
        )  # fmt: skip
    numbers = tuple((k, _number(given[k], entry, k, where)) for k in NUMBERS if k in given)
    values = None
    if "values" in given:
        raw = given["values"]
        items = raw.replace("；", ";").split(";") if isinstance(raw, str) else list(raw)
        values = tuple(_number(x, entry, "values", where) for x in items if not _missing(x))
    extra = [k for k, _ in numbers if k not in ALLOWED[dist]]
    extra += ["values"] if values is not None and dist != "empirical" else []
    if extra:
        raise DistributionError(
            text("uncertainty.field_not_used", entry=entry, field=extra[0], dist=dist,
                 fields=", ".join(ALLOWED[dist]) or "-"), entry=entry, **loc,
        )  # fmt: skip
    group, rho = _corr_group(given["corr_group"], entry) if "corr_group" in given else (None, None)
    relative = _bool(given["relative"], entry, where) if "relative" in given else False
    unit = str(given["unit"]).strip() if "unit" in given else None
    if unit and relative:
        raise DistributionError(text("uncertainty.unit_relative", entry=entry, unit=unit), entry=entry,
                                **loc)  # fmt: skip
    spec = Spec(entry, source, dist, numbers, values, relative, unit, group, rho, where)
    _check_shape(spec)
    return spec


def _check_shape(s: Spec) -> None:
    """Checks that do not need the coefficient's value: signs, order, required fields."""
    loc = {"entry": s.entry, **({"file": s.where} if s.where else {})}
    lo, mode, hi = s.get("min"), s.get("mode"), s.get("max")
    if s.dist in ("uniform", "triangular", "pert") and (lo is None or hi is None):
        raise DistributionError(text("uncertainty.needs", entry=s.entry, dist=s.dist,
                                     fields="min, max"), **loc)  # fmt: skip
    if lo is not None and hi is not None and lo >= hi:
        raise DistributionError(text("uncertainty.min_max", entry=s.entry, min=lo, max=hi),
                                hint=text("uncertainty.hint_min_max"), **loc)  # fmt: skip
    if mode is not None and lo is not None and hi is not None and not lo <= mode <= hi:
        raise DistributionError(text("uncertainty.mode_outside", entry=s.entry, mode=mode, min=lo, max=hi),
                                **loc)  # fmt: skip
    for name in ("cv", "scale"):
        v = s.get(name)
        if v is not None and v <= 0:
            raise DistributionError(text("uncertainty.not_positive", entry=s.entry, field=name, value=v),
                                    hint=text("uncertainty.hint_positive"), **loc)  # fmt: skip
    if s.dist == "lognormal":
        if s.get("cv") is None:
            raise DistributionError(text("uncertainty.needs", entry=s.entry, dist=s.dist, fields="cv"),
                                    hint=text("uncertainty.hint_lognormal"), **loc)  # fmt: skip
        med = s.get("median")
        if med is not None and med <= 0:
            raise DistributionError(text("uncertainty.median_positive", entry=s.entry, value=med),
                                    hint=text("uncertainty.hint_lognormal"), **loc)  # fmt: skip
    if s.dist == "normal" and s.get("scale") is not None and s.get("cv") is not None:
        raise DistributionError(text("uncertainty.scale_and_cv", entry=s.entry), **loc)
    if s.dist == "empirical" and (s.values is None or len(s.values) < 2):
        raise DistributionError(text("uncertainty.empirical_values", entry=s.entry), **loc)


def _frame_specs(frame: pd.DataFrame, source: str, where: str) -> list[Spec]:
    key = next((c for c in KEY_COLUMNS if c in frame.columns), None)
    if key is None:
        raise DistributionError(text("uncertainty.no_key_column", columns=", ".join(KEY_COLUMNS)),
                                **({"file": where} if where else {}))  # fmt: skip
    unknown = [c for c in frame.columns if c != key and c not in FIELDS]
    if unknown:
        raise DistributionError(
            text("uncertainty.unknown_column", column=unknown[0],
                 suggestion=did_you_mean(unknown[0], list(FIELDS))),
            hint=text("uncertainty.hint_fields", fields=", ".join(FIELDS)), column=unknown[0],
            **({"file": where} if where else {}),
        )  # fmt: skip
    out = []
    for i, rec in enumerate(frame.to_dict(orient="records")):
        entry = str(rec.pop(key)).strip()
        row_where = f"{where} row {i + 2}" if where else f"distributions[{i}]"
        out.append(spec_from_mapping(entry, rec, source, row_where))
    return out


def read_distributions(path: str | Path) -> pd.DataFrame:
    """A distributions CSV (UTF-8, header ``ref,dist,min,mode,max,…``) as text cells."""
    p = Path(path)
    try:
        return pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DistributionError(text("uncertainty.unreadable", file=str(p), problem=str(exc)),
                                file=str(p)) from exc  # fmt: skip


def parse_distributions(obj: object) -> list[Spec]:
    """User specs from a mapping ``{reference: spec}``, a DataFrame or a CSV path."""
    if obj is None:
        return []
    if isinstance(obj, str | Path):
        return _frame_specs(read_distributions(obj), "user", str(obj))
    if isinstance(obj, pd.DataFrame):
        return _frame_specs(obj, "user", "")
    if isinstance(obj, Mapping):
        return [spec_from_mapping(str(k), v, "user") for k, v in obj.items()]
    raise DistributionError(text("uncertainty.bad_distributions", type=type(obj).__name__))


# --- matching onto θ -------------------------------------------------------------------------
def split_ref(ref: str) -> tuple[str, str, str]:
    """``table-id@edition#row`` → (table id, edition, row); ``user#d`` → ("user", "", "d")."""
    table, _, row = ref.partition("#")
    tid, _, edition = table.partition("@")
    return tid, edition, row


def _is_pattern(s: str) -> bool:
    return any(ch in s for ch in "*?[")


def match_entry(entry: str, refs: list[str], parts: list[tuple[str, str, str]]) -> list[int]:
    """Positions of the θ references that ``entry`` names (exact or wildcard)."""
    if "#" not in entry:
        raise DistributionError(text("uncertainty.no_row", entry=entry), hint=text("uncertainty.hint_ref"),
                                entry=entry)  # fmt: skip
    tid, edition, row = split_ref(entry)
    out = []
    for i, (t, e, r) in enumerate(parts):
        if not fnmatch.fnmatchcase(t, tid):
            continue
        if edition and not fnmatch.fnmatchcase(e, edition):
            continue
        if fnmatch.fnmatchcase(r, row):
            out.append(i)
    if not out:
        tables = sorted({p[0] for p in parts})
        near = [f"{t}#{r}" for t, _, r in parts if t == tid] or tables
        raise DistributionError(
            text("uncertainty.unknown_ref", entry=entry, suggestion=did_you_mean(
                entry.partition("@")[0] if "@" in entry else entry, near)),
            hint=text("uncertainty.hint_known_tables", tables=", ".join(tables) or "-"), entry=entry,
        )  # fmt: skip
    return out


def user_matches(theta: pd.DataFrame, specs: Iterable[Spec]) -> dict[int, Spec]:
    """``{θ position: spec}``; two entries naming the same coefficient is an error."""
    refs = theta["ref"].astype(str).tolist()
    parts = [split_ref(r) for r in refs]
    out: dict[int, Spec] = {}
    for s in specs:
        for i in match_entry(s.entry, refs, parts):
            if i in out:
                raise DistributionError(
                    text("uncertainty.twice", ref=refs[i], a=out[i].entry, b=s.entry),
                    hint=text("uncertainty.hint_twice"), entry=s.entry,
                )  # fmt: skip
            out[i] = s
    return out


def table_specs(theta: pd.DataFrame) -> dict[int, Spec]:
    """Specs shipped by coefficient tables (the distribution columns copied into θ)."""
    if "dist" not in theta.columns:
        return {}
    cols = [c for c in ("min", "mode", "max", "loc", "scale", "median", "cv", "corr_group")
            if c in theta.columns]  # fmt: skip
    out = {}
    for i in np.flatnonzero(theta["dist"].map(lambda v: not _missing(v)).to_numpy()):
        row = theta.iloc[int(i)]
        fields = {"dist": row["dist"], **{c: row[c] for c in cols if not _missing(row[c])}}
        if str(fields["dist"]).strip().lower() != "fixed":
            fields["unit"] = _native_unit(str(row["ref"]), str(row["table"]), str(row["key"]),
                                          str(row["column"]))  # fmt: skip
        out[int(i)] = spec_from_mapping(str(row["ref"]), fields, "table", str(row["table"]))
    return out


def _native_unit(ref: str, table_ref: str, key: str, column: str) -> str:
    """Unit of a table row's value as written in the table (table-shipped ranges are in it)."""
    from ..coefficients import load, parse_ref

    try:
        tid, edition = parse_ref(table_ref)
        t = load(tid, edition=edition)
        cspec = t.meta.columns[column]
    except (GeepError, KeyError) as exc:
        raise DistributionError(text("uncertainty.table_unit", ref=ref, table=table_ref),
                                hint=text("uncertainty.hint_table_unit"), entry=ref) from exc  # fmt: skip
    if cspec.unit:
        return cspec.unit
    if cspec.unit_from:
        keys = t.frame[list(t.meta.key)].astype(str).agg("/".join, axis=1).tolist()
        return str(t.frame[cspec.unit_from].iloc[keys.index(key)])
    return "dimensionless"


def default_specs(theta: pd.DataFrame, positions: Iterable[int],
                  widths: Mapping[str, float]) -> tuple[dict[int, Spec], list[int]]:  # fmt: skip
    """By-evidence specs (triangular, relative, ±width) for ``positions``; entries whose
    evidence is ``user`` are left fixed (returned second)."""
    out, user = {}, []
    ev = theta["evidence"].astype(str).tolist()
    for i in positions:
        level = ev[i] or "unverified"
        if level == "user":
            user.append(int(i))
            continue
        w = widths.get(level, widths.get("unverified"))
        if w is None or w <= 0:
            continue
        fields = {"dist": "triangular", "min": 1 - w, "mode": 1.0, "max": 1 + w, "relative": True}
        out[int(i)] = spec_from_mapping(f"by-evidence:{level}", fields, "defaults")
    return out, user


def check_widths(defaults: object) -> dict[str, float] | None:
    """``defaults`` as evidence → half-width (``"by-evidence"``: :data:`EVIDENCE_WIDTHS`)."""
    if defaults is None:
        return None
    if isinstance(defaults, str):
        if defaults != "by-evidence":
            raise DistributionError(text("uncertainty.bad_defaults", value=repr(defaults)),
                                    hint=text("uncertainty.hint_defaults"))  # fmt: skip
        return dict(EVIDENCE_WIDTHS)
    if isinstance(defaults, Mapping):
        out = {}
        for k, v in defaults.items():
            w = _number(v, f"defaults[{k}]", "width", "")
            if not 0 <= w < 1:
                raise DistributionError(text("uncertainty.bad_width", level=k, value=w))
            out[str(k)] = w
        return out
    raise DistributionError(text("uncertainty.bad_defaults", value=repr(defaults)),
                            hint=text("uncertainty.hint_defaults"))  # fmt: skip


# --- resolving per coefficient ------------------------------------------------------------------
def _unit_factor(s: Spec, unit: str) -> float:
    if not s.unit or s.relative:
        return 1.0
    from ..units import factor

    try:
        return factor(s.unit, unit)
    except (DimensionalityMismatchError, UnitError) as exc:
        raise DistributionError(
            text("uncertainty.unit_mismatch", entry=s.entry, unit=s.unit, theta_unit=unit),
            hint=text("uncertainty.hint_unit"), entry=s.entry,
        ) from exc  # fmt: skip


def resolve_marginal(pos: int, ref: str, value: float, unit: str, s: Spec) -> Marginal:
    """The distribution of θ entry ``pos`` under spec ``s`` (defaults filled from the value)."""
    f = _unit_factor(s, unit)
    p = {k: v * f if k != "cv" else v for k, v in s.numbers}
    centre = 1.0 if s.relative else value
    if s.dist in ("triangular", "pert"):
        p.setdefault("mode", centre)
        if not p["min"] <= p["mode"] <= p["max"]:
            raise DistributionError(
                text("uncertainty.value_outside", entry=s.entry, ref=ref, value=p["mode"], min=p["min"],
                     max=p["max"]), hint=text("uncertainty.hint_mode"), entry=s.entry,
            )  # fmt: skip
    elif s.dist == "normal":
        p.setdefault("loc", centre)
        if "scale" not in p:
            if "cv" not in p:
                raise DistributionError(text("uncertainty.needs", entry=s.entry, dist="normal",
                                             fields="scale | cv"), entry=s.entry)  # fmt: skip
            p["scale"] = p.pop("cv") * abs(p["loc"])
            if p["scale"] <= 0:
                raise DistributionError(text("uncertainty.cv_of_zero", entry=s.entry, ref=ref),
                                        entry=s.entry)  # fmt: skip
    elif s.dist == "lognormal":
        p.setdefault("median", centre)
        if p["median"] <= 0:
            raise DistributionError(text("uncertainty.median_positive", entry=s.entry, value=p["median"]),
                                    hint=text("uncertainty.hint_lognormal"), entry=s.entry)  # fmt: skip
    values = None if s.values is None else tuple(v * f for v in s.values)
    return Marginal(pos, ref, value, s.dist, tuple(sorted(p.items())), s.relative, s.source,
                    s.entry, values, s.corr_group, s.corr)  # fmt: skip


def with_source(s: Spec, source: str) -> Spec:
    return replace(s, source=source)


__all__ = [
    "DISTS",
    "EVIDENCE_WIDTHS",
    "FIELDS",
    "DistributionError",
    "Marginal",
    "Spec",
    "check_widths",
    "default_specs",
    "match_entry",
    "parse_distributions",
    "read_distributions",
    "resolve_marginal",
    "spec_from_mapping",
    "split_ref",
    "table_specs",
    "user_matches",
]
