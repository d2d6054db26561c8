"""Building the :class:`~geep.uncertainty.model.Model` of one method, several, or ``all``.

Keyword arguments are routed the way the method front-ends take them: ``profile``,
``price_year``, ``options``, ``tables`` (profile tables replaced by role) pass through; a name
that is one of the method's options (``d``, ``d_price_year``, ``class_map``, ``price_index`` …)
becomes that option; a DataFrame argument (``grain``, ``adjustments``) an extra input table.
``all`` plans like ``geep run --method all``: every method the inputs allow, GEP and GEEP at
the latest price year of the economy table unless one is given.

References
----------
DESIGN §6, §9; :func:`geep.methods.pipeline.run_methods`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..errors import MethodError
from ..inputs import Inputs
from ..messages import did_you_mean, text
from ..methods import REGISTRY, get
from ..methods.pipeline import available_methods, default_price_year
from .model import Model, Part, as_inputs, combine, geep_parts, part_of, run_method

PASS = ("profile", "price_year", "options", "tables", "extra_tables")


def _route(name: str, kwargs: Mapping[str, Any], known: set[str] = frozenset()) -> dict[str, Any]:
    """``run_method`` arguments of method ``name`` from the caller's keyword arguments
    (``known``: names another method of the run takes, skipped here)."""
    m = get(name)
    out: dict[str, Any] = {k: kwargs[k] for k in PASS if k in kwargs and k != "profile"}
    options = dict(out.pop("options", None) or {})
    extra = dict(out.pop("extra_tables", None) or {})
    for k, v in kwargs.items():
        if k in PASS:
            continue
        if k in m.options:
            options[k] = v
        elif isinstance(v, pd.DataFrame):
            extra[k] = v
        elif k in known:
            continue
        else:
            raise MethodError(
                text("uncertainty.unknown_kwarg", method=name, name=k,
                     suggestion=did_you_mean(k, [*PASS, *m.options])),
                hint=text("method.hint_options", options=", ".join(sorted(m.options)) or "-"),
            )  # fmt: skip
    profile = kwargs.get("profile")
    if isinstance(profile, Mapping):
        profile = profile.get(name)
    return {"profile": profile, "options": options, "extra_tables": extra, **out}


def _plan(method: str | Sequence[str], inputs: Inputs) -> list[str]:
    if isinstance(method, str) and method != "all":
        get(method)
        return [method]
    if method == "all":
        todo = available_methods(inputs)
        if not todo:
            raise MethodError(text("method.none_supported", have=", ".join(inputs.tables) or "-"),
                              hint=text("method.hint_none_supported"))  # fmt: skip
        return todo
    names = list(method)
    for n in names:
        get(n)
    return names


def _first_table(method: str | Sequence[str]) -> str:
    name = method if isinstance(method, str) and method != "all" else None
    if name is None:
        return "land_cover"
    m = get(name)
    first = m.requires[0] if m.requires else name
    return first if isinstance(first, str) else first[0]


def build(method: str | Sequence[str], inputs: Any, **kwargs: Any) -> Model:
    """The model of ``method`` (a registered name, a list of names, or ``"all"``) on
    ``inputs`` (Inputs, a mapping of frames, or the method's first table)."""
    raw = inputs  # methods prepare their own inputs (a class map sees the classes as written)
    inputs = as_inputs(inputs, _first_table(method))
    todo = _plan(method, inputs)
    py = kwargs.get("price_year")
    notes: list[Any] = []
    if py is None:
        py, notes = default_price_year(inputs, todo)
    run_options = {k for n in todo for k in get(n).options}
    parts: list[Part] = []
    gep_run = None
    for name in todo:
        target = "gep" if name == "geep" else name
        skip = run_options - set(get(target).options)  # options of the run's other methods
        kw = _route(target, kwargs, skip)
        if name in ("gep", "geep"):
            kw["price_year"] = py
        elif not REGISTRY[name].price_years:
            kw.pop("price_year", None)
        if name == "geep":
            if gep_run is None:
                gep_run = run_method("gep", inputs, **kw)
            index = kwargs.get("price_index", get("geep").options["price_index"].default)
            parts.append(geep_parts(inputs, gep_run, price_year=py, price_index=index))
            continue
        run = run_method(name, raw, **kw)
        if name == "gep":
            gep_run = run
        parts.append(part_of(run))
    label = todo[0] if len(todo) == 1 else "+".join(todo)
    model = combine(label, parts)
    model.notes.extend(notes)
    return model


__all__ = ["build"]
