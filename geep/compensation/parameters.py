"""Definitions of scheme parameters and the one check of every parameter value.

A parameter's definition comes from the rule arguments it is bound to (``components[].params``
and ``cap``): its kind (number, whole number, list, mapping, choice, flag), the canonical unit
the rule computes in, bounds, and — for lists — the argument whose length it must match
(``amounts``: one per band of ``bands``). The declared ``unit`` of the parameter in
``scheme.yaml`` is the unit values are given in.

:func:`check_changes` is the single gate for caller-supplied values (``--set NAME=VALUE``,
``geep.compensate(parameters=…)``, a ``parameters`` sheet, sensitivity sweeps): text is parsed
with its unit through the unit registry (``"12m3/s"``, ``"1200 m3/min"``, ``"60万元"``), values
are converted to the parameter's declared unit, and every problem of every value is listed in
one :class:`ParameterError`. :func:`check_scheme` applies the same definitions to the values of
an edition (a user edition whose amounts do not match its bands is refused before any run).

Bounds are those of :mod:`geep.compensation.parameter_specs`.

References
----------
DESIGN §7 (``parameters`` overrides by name); compensation.md §5.3 item 4 (sensitivity).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import GeepError, SchemeError
from ..messages import Text, did_you_mean, number, text
from ..units import factor
from .parameter_specs import CAP, RULE_ARGS, ArgSpec

if TYPE_CHECKING:
    from .model import Parameter
    from .scheme import Scheme


class ParameterError(SchemeError):
    """Parameter values that do not fit their definitions; ``extra["problems"]`` lists them."""


@dataclass(frozen=True)
class Definition:
    """A scheme parameter's definition: its specs (one per use) and declared unit."""

    name: str
    unit: str
    specs: tuple[ArgSpec, ...]
    uses: tuple[str, ...]

    @property
    def spec(self) -> ArgSpec:
        return self.specs[0]


def _inferred(p: Parameter) -> ArgSpec:
    """The spec of a parameter no rule argument defines: the shape of its value."""
    v = p.value
    if isinstance(v, bool):
        return ArgSpec("flag")
    if isinstance(v, str):
        return ArgSpec("text")
    if isinstance(v, list):
        return ArgSpec("list", p.unit)
    if isinstance(v, dict):
        return ArgSpec("mapping", p.unit)
    return ArgSpec("number", p.unit)


def definitions(scheme: Scheme) -> dict[str, Definition]:
    """``{parameter: Definition}`` of every parameter of ``scheme``."""
    specs: dict[str, list[tuple[ArgSpec, str]]] = {}
    for c in scheme.doc.components:
        for arg, pname in c.params.items():
            spec = RULE_ARGS.get(c.rule, {}).get(arg)
            if spec is not None:
                specs.setdefault(pname, []).append((spec, f"{c.id}.{arg}"))
        if c.cap:
            specs.setdefault(c.cap, []).append((CAP, f"{c.id}.cap"))
    out = {}
    for name, p in scheme.doc.parameters.items():
        found = specs.get(name) or [(_inferred(p), "")]
        out[name] = Definition(
            name, p.unit or "1", tuple(s for s, _ in found), tuple(u for _, u in found if u)
        )
    return out


def describe(d: Definition, length: int | None = None) -> Text:
    """What the parameter accepts, e.g. "a list of 5 amounts in 万元, each ≥ 0"."""
    s = d.spec
    noun = text(f"comp.noun.{s.noun}")
    keys = text(f"comp.def.keys.{s.keys}")
    body = {
        "number": lambda: text("comp.def.number"),
        "integer": lambda: text("comp.def.integer"),
        "list": lambda: text("comp.def.list", items=(f"{length} " if length else "") + noun),
        "mapping": lambda: text("comp.def.mapping", items=noun),
        "keyed": lambda: text("comp.def.keyed", keys=keys),
        "choice": lambda: text("comp.def.choice", choices=", ".join(s.choices)),
        "flag": lambda: text("comp.def.flag"),
        "text": lambda: text("comp.def.text"),
    }[s.kind]()
    if s.kind in ("number", "integer", "list", "mapping", "keyed"):
        unit = "" if d.unit in ("1", "dimensionless") or s.unit is None else f" [{d.unit}]"
        lo = "" if s.low is None else f" {'>' if s.open_low else '≥'} {number(_in(d, s.low, s))}"
        hi = "" if s.high is None else f" ≤ {number(_in(d, s.high, s))}"
        body = body + unit + lo + (";" if lo and hi else "") + hi
    return body


def _in(d: Definition, x: float, s: ArgSpec) -> float:
    """A bound of ``s`` (canonical unit) in the parameter's declared unit."""
    if s.unit is None:
        return x
    try:
        return x * factor(s.unit, d.unit)
    except GeepError:
        return x


def definitions_frame(scheme: Scheme) -> Any:
    """One row per parameter: name, unit, what it accepts, where it is used."""
    import pandas as pd

    rows = []
    for name, d in sorted(definitions(scheme).items()):
        v = scheme.doc.parameters[name].value
        n = len(v) if isinstance(v, list) else None
        rows.append(
            {"parameter": name, "unit": d.unit, "accepts": str(describe(d, n)),
             "used_by": ", ".join(d.uses)}
        )  # fmt: skip
    return pd.DataFrame(rows, columns=["parameter", "unit", "accepts", "used_by"])


def sweepable(scheme: Scheme, name: str) -> bool:
    """True if ``name`` is a continuous numeric parameter (sensitivity sweeps scale it)."""
    d = definitions(scheme).get(name)
    return d is not None and all(s.kind in ("number", "list", "mapping", "keyed") for s in d.specs)


# --- value parsing ---------------------------------------------------------------------
_NUM = re.compile(
    r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|[+-]?(?:inf(?:inity)?|nan))\s*(.*?)\s*$",
    re.IGNORECASE,
)
_FLAGS = {"true": True, "yes": True, "1": True, "是": True, "false": False, "no": False,
          "0": False, "否": False}  # fmt: skip


def _fold(v: object) -> str:
    return unicodedata.normalize("NFKC", str(v)).strip()


def _number(name: str, raw: Any, unit: str, given_unit: str | None) -> tuple[float | None, Any]:
    """``(value in unit, problem)`` of one number typed or passed by a caller."""
    if isinstance(raw, bool) or raw is None:
        return None, text("comp.param_not_number", name=name, value=raw, example="50")
    if isinstance(raw, int | float):
        value, u = float(raw), given_unit
    else:
        m = _NUM.match(_fold(raw).replace("\u2212", "-"))
        if not m:
            return None, text("comp.param_not_number", name=name, value=raw, example="50")
        value, u = float(m.group(1)), (m.group(2) or given_unit)
        if m.group(2) and given_unit:
            u = m.group(2)
    if not math.isfinite(value):
        return None, text("comp.param_not_finite", name=name, value=raw)
    if u and _fold(u) not in ("", _fold(unit)):
        if len(u) > 40 or u.count("^") + u.count("**") > 2:
            return None, text("comp.param_unit_text", unit=u)
        try:
            value *= factor(_fold(u), unit if unit not in ("1", "") else "dimensionless")
        except GeepError as exc:
            return None, text("comp.param_unit", name=name, unit=unit, problem=exc.message)
        if not math.isfinite(value):
            return None, text("comp.param_not_finite", name=name, value=raw)
    return value, None


def _bounds(name: str, d: Definition, s: ArgSpec, value: float) -> list[Any]:
    out = []
    unit = "" if d.unit in ("1", "dimensionless") else d.unit
    lo = None if s.low is None else _in(d, s.low, s)
    hi = None if s.high is None else _in(d, s.high, s)
    if lo is not None and (value < lo or (s.open_low and value <= lo)):
        code = "comp.param_not_above" if s.open_low else "comp.param_below"
        out.append(text(code, name=name, value=number(value), unit=unit, low=number(lo)))
    if hi is not None and value > hi:
        out.append(text("comp.param_above", name=name, value=number(value), unit=unit,
                        high=number(hi)))  # fmt: skip
    if s.kind == "integer" and not float(value).is_integer():
        out.append(text("comp.param_whole", name=name, value=number(value)))
    return out


def _scalar(name: str, d: Definition, s: ArgSpec, raw: Any, given_unit: str | None):
    """``(value, problems)`` of one scalar element for spec ``s``."""
    if s.kind == "choice":
        t = _fold(raw).lower() if isinstance(raw, str) else None
        if t in s.choices:
            return t, []
        sug = did_you_mean(str(raw), list(s.choices)) if isinstance(raw, str) else ""
        return None, [text("comp.param_choice", name=name, value=raw,
                           choices=", ".join(s.choices), suggestion=sug)]  # fmt: skip
    if s.kind == "flag":
        if isinstance(raw, bool):
            return raw, []
        key = _fold(raw).lower() if isinstance(raw, str | int) else None
        if key in _FLAGS:
            return _FLAGS[key], []
        return None, [text("comp.param_flag", name=name, value=raw)]
    if s.kind == "text":
        if isinstance(raw, str) and raw.strip():
            return raw.strip(), []
        return None, [text("comp.param_text", name=name, value=raw)]
    value, problem = _number(name, raw, d.unit, given_unit)
    if problem is not None:
        return None, [problem]
    problems = _bounds(name, d, s, value)
    if s.kind == "integer" and not problems:
        value = int(value)
    return value, problems


def _decode(raw: Any) -> Any:
    """Text that holds a JSON list or mapping (as typed after ``--set NAME=``) → the value."""
    if isinstance(raw, str) and _fold(raw)[:1] in "[{":
        import json

        try:
            return json.loads(_fold(raw))
        except json.JSONDecodeError:
            return raw
    return raw


def check_value(
    d: Definition, raw: Any, *, given_unit: str | None = None, element: str | None = None,
    current: Any = None,
) -> tuple[Any, list[Any]]:  # fmt: skip
    """Check one value (or one element ``element`` of a list/mapping) against every spec of
    ``d``; returns ``(value in d.unit, problems)``."""
    name = d.name + (f"[{element}]" if element is not None else "")
    raw = _decode(raw)
    problems: list[Any] = []
    value: Any = None
    for s in d.specs:
        scalar = s.kind not in ("list", "mapping", "keyed") or element is not None
        if s.kind == "keyed" and element is None and not isinstance(raw, Mapping):
            scalar = True
        if scalar:
            if isinstance(raw, list | tuple | Mapping):
                problems.append(text("comp.param_want_scalar", name=name, got=raw))
                continue
            value, ps = _scalar(name, d, s, raw, given_unit)
        elif isinstance(raw, Mapping) if s.kind != "list" else isinstance(raw, list | tuple):
            value, ps = _container(name, d, s, raw, given_unit, current)
        else:
            code = "comp.param_want_list" if s.kind == "list" else "comp.param_want_mapping"
            keys = ", ".join(map(str, current)) if isinstance(current, Mapping) else "…"
            ps = [text(code, name=name, items=text(f"comp.noun.{s.noun}"), keys=keys, got=raw)]
        problems += ps
    return value, problems


def _container(name, d, s, raw, given_unit, current) -> tuple[Any, list[Any]]:
    element = ArgSpec("number", s.unit, s.low, s.high, s.open_low, noun=s.noun)
    problems: list[Any] = []
    if isinstance(raw, Mapping):
        out = {}
        if isinstance(current, Mapping) and set(map(str, raw)) != set(map(str, current)):
            missing = sorted(set(map(str, current)) - set(map(str, raw)))
            unknown = sorted(set(map(str, raw)) - set(map(str, current)))
            problems.append(text("comp.param_keys", name=name, missing=missing or "-",
                                 unknown=unknown or "-", keys=", ".join(map(str, current))))  # fmt: skip
        for k, v in raw.items():
            out[str(k)], ps = _scalar(f"{name}[{k}]", d, element, v, given_unit)
            problems += ps
        return out, problems
    vals = []
    for i, v in enumerate(raw):
        if v is None:
            vals.append(None)
            continue
        x, ps = _scalar(f"{name}[{i}]", d, element, v, given_unit)
        vals.append(x)
        problems += ps
    return vals, problems


def _split(key: str) -> tuple[str, str | None]:
    m = re.fullmatch(r"([^\[\]]+)(?:\[([^\]]+)\])?", str(key).strip())
    return (m.group(1).strip(), m.group(2)) if m else (str(key).strip(), None)


def check_changes(scheme: Scheme, changes: Mapping[str, Any]) -> dict[str, tuple[Any, str, str]]:
    """Check caller-supplied parameter values against the scheme's definitions.

    Parameters
    ----------
    changes
        ``{name or name[i] or name[key]: value}``; a value may be a number, text with a unit
        (``"12m3/s"``), a list, a mapping, JSON text of a list or mapping, or
        ``{"value": ..., "unit": ...}``.

    Returns
    -------
    dict
        ``{key: (value in the declared unit, declared unit, text as given)}``.

    Raises
    ------
    ParameterError
        Every problem of every value (unknown names, types, units, bounds, lengths), named.
    """
    defs = definitions(scheme)
    params = scheme.doc.parameters
    problems: list[Any] = []
    out: dict[str, tuple[Any, str, str]] = {}
    for key in sorted(changes, key=str):
        raw, unit = changes[key], None
        if isinstance(raw, Mapping) and "value" in raw:
            raw, unit = raw["value"], raw.get("unit")
        name, element = _split(key)
        if name not in defs:
            problems.append(text("comp.param_unknown_key", ref=scheme.ref, name=name,
                                 suggestion=did_you_mean(name, list(defs))))  # fmt: skip
            continue
        cur = params[name].value
        if element is not None and (bad := _element_problem(name, element, cur)) is not None:
            problems.append(bad)
            continue
        if raw is None and element is None:
            problems.append(text("comp.param_null", name=name))
            continue
        value, ps = check_value(
            defs[name], raw, given_unit=None if unit is None else str(unit), element=element,
            current=cur,
        )  # fmt: skip
        problems += ps
        given = "" if isinstance(raw, int | float) and unit is None else str(raw)
        out[str(key)] = (value, defs[name].unit, given + (f" {unit}" if unit else ""))
    if problems:
        raise _error(scheme, problems)
    return out


def _element_problem(name: str, element: str, cur: Any) -> Any:
    if isinstance(cur, list):
        if not (element.strip().isdigit() and int(element) < len(cur)):
            detail = text("comp.param_elements_of", n=len(cur))
            return text("comp.param_element", name=name, element=element, detail=detail)
        return None
    if isinstance(cur, dict):
        if element not in cur:
            detail = text("comp.param_keys_of", keys=", ".join(map(str, cur)))
            return text("comp.param_element", name=name, element=element, detail=detail)
        return None
    detail = text("comp.param_no_elements")
    return text("comp.param_element", name=name, element=element, detail=detail)


def _error(scheme: Scheme, problems: list[Any]) -> ParameterError:
    joined: Any = problems[0]
    for p in problems[1:]:
        joined = joined + "; " + p
    return ParameterError(
        text("comp.param_problems", problems=joined),
        table=scheme.ref,
        hint=text("hint.comp.param"),
        problems=[str(p) for p in problems],
    )


def check_scheme(scheme: Scheme) -> None:
    """Check the values of ``scheme`` (after overrides) against their definitions: types,
    bounds, strictly increasing edges, and list lengths (``amounts`` one per band).

    Raises
    ------
    ParameterError
        Every problem found.
    """
    defs = definitions(scheme)
    params = scheme.doc.parameters
    problems: list[Any] = []
    for name, d in defs.items():
        v = params[name].value
        if v is None or (isinstance(v, dict) and any(x is None for x in v.values())):
            continue  # "not published": the run stops where the value is needed
        _, ps = check_value(d, v)
        problems += ps
        if any(s.increasing for s in d.specs) and isinstance(v, list):
            xs = [x for x in v if x is not None]
            if len(xs) != len(v) or any(b <= a for a, b in itertools.pairwise(xs)):
                noun = text(f"comp.noun.{d.spec.noun}")
                problems.append(text("comp.param_increasing", name=name, items=noun, value=v))
    for c in scheme.doc.components:
        for arg, spec in RULE_ARGS.get(c.rule, {}).items():
            if spec.per is None or arg not in c.params or spec.per not in c.params:
                continue
            mine, other = params[c.params[arg]].value, params[c.params[spec.per]].value
            if isinstance(mine, list) and isinstance(other, list) and len(mine) != len(other):
                problems.append(text("comp.param_length", name=c.params[arg], n=len(other),
                                     items=text(f"comp.noun.{spec.noun}"),
                                     per=text(f"comp.noun.{spec.per.rstrip('s')}"),
                                     got=len(mine)))  # fmt: skip
    if problems:
        raise _error(scheme, problems)
