"""A per-run class map on the methods registry: prepare the land cover, build composite rows.

``prepare`` (a registry hook, before ``resolve``) parses the map, normalises the land cover
with the map's input classes accepted as written and relabels the mapped rows; ``composite``
(called by a method's ``resolve``) turns each mapped input class into rows whose value terms
are the weighted sum of its components' coefficients, ``Σ w_i · θ_i`` — so a composite is as
traceable, and as uncertain, as the rows it is made of.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from ..inputs import Inputs
from ..messages import text
from .classmap import KEY_PREFIX, ClassMap, apply_class_map, unused_inputs
from .classmap_io import as_class_map, land_cover_for_map
from .common import input_tables


def prepare(vocabulary: Collection[str]):
    """The registry ``prepare`` hook of a method whose ``class_map`` option maps into
    ``vocabulary`` (geep classes for ESV; geep classes and biome ids for benefit transfer)."""

    def hook(inputs: Inputs | pd.DataFrame | Mapping[str, pd.DataFrame], options: dict, first):
        raw = options.get("class_map")
        if raw is None:
            return (*input_tables(inputs, first), [])
        cm = raw if isinstance(raw, ClassMap) else as_class_map(raw, vocabulary=vocabulary)
        options["class_map"] = cm
        if isinstance(inputs, Inputs):
            tables, sources, lc = dict(inputs.tables), dict(inputs.sources), inputs
        elif isinstance(inputs, Mapping):
            tables, sources, lc = dict(inputs), {}, inputs["land_cover"]
        else:
            tables, sources, lc = {}, {}, inputs
        areas, names, notes = land_cover_for_map(lc, cm)
        notes = [*notes, *(text("classmap.unused", input=k, source=cm.source)
                           for k in unused_inputs(areas, cm))]  # fmt: skip
        tables["land_cover"] = apply_class_map(areas, cm)
        return tables, names, sources, notes

    return hook


def composite_rows(factors: pd.DataFrame, cm: ClassMap, ref: str, value: str) -> pd.DataFrame:
    """Rows of the mapped input classes: for each service (``key`` column) the monomials
    ``[(w_i, θ_i)]`` of its components, and the row text of the coefficient reference.

    ``factors`` is keyed by geep class in ``ecosystem_type`` with a ``key`` column (service, or
    a constant for one-value tables), a ``theta`` column and the table's own row in
    ``table_type``.
    """
    from .classmap import mapped_factors

    typed = factors.rename(columns={"theta": "_theta"})
    table_type = dict(zip(typed["ecosystem_type"], typed["table_type"], strict=False))
    check = typed.assign(service=typed["key"], factor=typed[value], service_group="")
    _, row_text, labels = mapped_factors(
        check[["ecosystem_type", "service", "service_group", "factor"]], cm, table_type, ref
    )
    theta = {(c, k): t for c, k, t in zip(typed["ecosystem_type"], typed["key"],
                                          typed["_theta"], strict=True)}  # fmt: skip
    rows: list[dict[str, Any]] = []
    for inp in cm.inputs:
        comps = cm.components(inp)
        keys = set.intersection(*(set(typed.loc[typed["ecosystem_type"] == c, "key"])
                                  for c, _ in comps))  # fmt: skip
        for k in sorted(keys):
            rows.append(
                {
                    "ecosystem_type": KEY_PREFIX + inp,
                    "key": k,
                    "poly": [(w, int(theta[(c, k)])) for c, w in comps],
                    "row_text": row_text[KEY_PREFIX + inp],
                    "display": labels[KEY_PREFIX + inp],
                    "input_class": inp,
                }
            )
    return pd.DataFrame(rows, columns=["ecosystem_type", "key", "poly", "row_text", "display",
                                       "input_class"])  # fmt: skip


__all__ = ["composite_rows", "prepare"]
