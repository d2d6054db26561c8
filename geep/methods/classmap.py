"""Per-run class maps: input land classes onto geep classes or composites of factor rows.

Published ESV studies map their land classes onto the equivalent-factor types in their own
way: 银川 values 草地 as the mean of steppe and meadow and 耕地 as 0.8 paddy + 0.2 dryland, 海原
values 园地 with the wetland row, Tarim gives 建设用地 a recreation value. A *class map* states
such a choice for one run, and the ledger records it on every line it affects.

A class map maps an input class (a Chinese name, a GB/T 21010 or CNLUCC code, a raster code,
or a geep class) either to one geep class or to a composite ``{geep class: weight}`` whose
weights sum to 1. The composite's factor for a service is ``Σ_i w_i · E_i`` [–] (its unit
value ``Σ_i w_i · V_i`` for benefit transfer), and its row is written
``grassland.steppe*0.5+grassland.meadow*0.5`` in the coefficient reference.

Everything here is pure (frames and mappings in, frames out; no files, no catalogue):
reading a class map from a CSV file and normalising land cover with one live in
:mod:`geep.methods.classmap_io`.

References
----------
.. [1] 王波, 杨太保. 1980—2018年银川市生态系统服务价值评价及驱动力分析. 干旱区地理 (ChinaXiv
   preprint 202104.00050), Table 1 (composite classes).
.. [2] 王鹏 et al. 黄土丘陵沟壑区生态移民过程及其生态系统服务价值评价. 干旱区地理 2019,
   42(2):433-443 (ChinaXiv preprint 201903.00171), Table 1 (园地 valued with the wetland row).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import did_you_mean, text

#: canonical columns of a class-map table, and the headers accepted for them
COLUMNS = ("input_class", "geep_class", "weight")
HEADERS: dict[str, tuple[str, ...]] = {
    "input_class": ("input_class", "input", "source_class", "输入地类", "原地类", "原始地类"),
    "geep_class": ("geep_class", "target", "target_class", "geep地类", "目标地类", "对应地类"),
    "weight": ("weight", "share", "权重", "比例"),
}
#: tolerance on the sum of the weights of one input class [–]
WEIGHT_TOLERANCE = 1e-6
#: prefix of the internal ecosystem-type key of a mapped input class
KEY_PREFIX = "class_map:"


class ClassMapError(InputError):
    """A class map is invalid (which class, which component, where, and how to fix it)."""


@dataclass(frozen=True)
class ClassMap:
    """A validated class map.

    Attributes
    ----------
    rows
        One row per component: ``input_class, geep_class, weight`` [–] and ``where`` (the
        location the row came from: ``class_map['草地']``, ``file.csv row 3``).
    source
        What the map came from (``"dict"``, ``"DataFrame"`` or a file name).
    """

    rows: pd.DataFrame
    source: str = "dict"
    _targets: dict[str, tuple[tuple[str, float], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        out: dict[str, list[tuple[str, float]]] = {}
        for r in self.rows.itertuples(index=False):
            out.setdefault(r.input_class, []).append((r.geep_class, float(r.weight)))
        object.__setattr__(self, "_targets", {k: tuple(v) for k, v in out.items()})

    @property
    def inputs(self) -> list[str]:
        """The input classes, in the order given."""
        return list(self._targets)

    def components(self, input_class: str) -> tuple[tuple[str, float], ...]:
        """``((geep class, weight), ...)`` of one input class."""
        return self._targets[input_class]

    def key(self, input_class: str) -> str:
        """The target of an input class: a geep class, or ``a*0.5+b*0.5`` for a composite."""
        return composite_key(self._targets[input_class])

    def record(self) -> dict:
        """JSON-ready description for ledger metadata: source and ``{input: {class: weight}}``."""
        return {
            "source": self.source,
            "map": {k: {c: w for c, w in v} for k, v in self._targets.items()},
        }

    def __len__(self) -> int:
        return len(self._targets)

    def __contains__(self, item: object) -> bool:
        return item in self._targets


def composite_key(components: tuple[tuple[str, float], ...] | list[tuple[str, float]]) -> str:
    """``[("a", 1.0)]`` → ``"a"``; ``[("a", 0.5), ("b", 0.5)]`` → ``"a*0.5+b*0.5"``."""
    if len(components) == 1 and math.isclose(components[0][1], 1.0, abs_tol=WEIGHT_TOLERANCE):
        return components[0][0]
    return "+".join(f"{c}*{w:g}" for c, w in components)


def clean_label(value: object) -> str:
    """An input class as text, the way the input tables normalise it (NFKC, stripped;
    whole floats such as raster codes ``3.0`` written ``3``)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_class_map(
    obj: ClassMap | Mapping | pd.DataFrame,
    *,
    vocabulary: Collection[str],
    source: str | None = None,
    where: str = "class_map",
) -> ClassMap:
    """Validate a class map given as a dict or a DataFrame.

    Parameters
    ----------
    obj
        ``{"草地": "grassland.steppe", "耕地": {"farmland.paddy": 0.8, "farmland.dryland": 0.2}}``,
        or a frame with columns ``input_class, geep_class, weight`` (one row per component;
        Chinese headers accepted), or a :class:`ClassMap` (returned unchanged).
    vocabulary
        The classes a target may be (geep land classes; plus biome ids for benefit transfer).
    source, where
        Description of the origin, and the location prefix of frame rows in messages.

    Returns
    -------
    ClassMap

    Raises
    ------
    ClassMapError
        Unknown geep class (with did-you-mean), weights not in (0, 1] or not summing to 1
        (naming the class and the sum), duplicates, empty cells, missing columns.
    """
    if isinstance(obj, ClassMap):
        return obj
    if isinstance(obj, Mapping):
        rows = _rows_from_dict(obj)
        source = source or "dict"
    elif isinstance(obj, pd.DataFrame):
        rows = _rows_from_frame(obj, where)
        source = source or "DataFrame"
    else:
        raise ClassMapError(
            text("classmap.type", kind=type(obj).__name__), hint=text("classmap.hint_type")
        )
    if rows.empty:
        raise ClassMapError(text("classmap.empty"), hint=text("classmap.hint_type"))
    _validate(rows, vocabulary)
    return ClassMap(rows.reset_index(drop=True), source)


def _rows_from_dict(obj: Mapping) -> pd.DataFrame:
    rows = []
    for raw, target in obj.items():
        inp = clean_label(raw)
        loc = f"class_map[{inp!r}]"
        if isinstance(target, Mapping):
            if not target:
                raise ClassMapError(text("classmap.no_target", input=inp), table=loc)
            rows += [(inp, clean_label(c), w, loc, None) for c, w in target.items()]
        elif isinstance(target, str):
            rows.append((inp, clean_label(target), 1.0, loc, None))
        else:
            raise ClassMapError(
                text("classmap.bad_component", input=inp, value=target),
                hint=text("classmap.hint_type"),
                table=loc,
            )
    return pd.DataFrame(rows, columns=[*COLUMNS, "where", "line"])


def _rows_from_frame(frame: pd.DataFrame, where: str) -> pd.DataFrame:
    lookup = {_fold(h): canon for canon, names in HEADERS.items() for h in names}
    rename: dict[object, str] = {}
    for col in frame.columns:
        canon = lookup.get(_fold(col))
        if canon and canon not in rename.values():
            rename[col] = canon
    missing = [c for c in COLUMNS[:2] if c not in rename.values()]
    if missing:
        raise ClassMapError(
            text("classmap.columns", missing=missing, found=[str(c) for c in frame.columns]),
            hint=text("classmap.hint_columns"),
            table=where,
        )
    f = frame.rename(columns=rename)
    out = pd.DataFrame(
        {
            "input_class": f["input_class"].map(_cell_text),
            "geep_class": f["geep_class"].map(_cell_text),
            "weight": f["weight"].astype(object) if "weight" in f else np.nan,
            "where": where if where.endswith(".csv") else [f"{where}[{i}]" for i in range(len(f))],
            # files: data row i is line i + 2 (after the header)
            "line": [i + 2 if where.endswith(".csv") else None for i in range(len(f))],
        }
    )
    # a blank weight is 1 only where the input class has a single row
    single = out.groupby("input_class", dropna=False)["geep_class"].transform("size") == 1
    blank = out["weight"].map(_blank)
    out.loc[single & blank, "weight"] = 1.0
    return out


def _loc(r) -> dict:
    """Location fields of a class-map row: the file and its line, or the dict key / frame row."""
    line = getattr(r, "line", None) if not isinstance(r, pd.Series) else r.get("line")
    where = r.where if not isinstance(r, pd.Series) else r["where"]
    if line is None or (isinstance(line, float) and math.isnan(line)):
        return {"table": where}
    return {"file": where, "row": int(line)}


def _fold(header: object) -> str:
    return unicodedata.normalize("NFKC", str(header)).strip().lower().replace(" ", "")


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""


def _cell_text(v: object) -> str:
    return "" if _blank(v) else clean_label(v)


def _validate(rows: pd.DataFrame, vocabulary: Collection[str]) -> None:
    """Every problem of a class map raises at its row (the first one found)."""
    vocab = set(vocabulary)
    for r in rows.itertuples(index=False):
        if r.input_class == "":
            raise ClassMapError(text("classmap.no_input"), **_loc(r))
        if r.geep_class == "":
            raise ClassMapError(text("classmap.no_target", input=r.input_class), **_loc(r))
        if r.geep_class not in vocab:
            biomes = text("classmap.or_biome") if "urban" in vocab else ""
            raise ClassMapError(
                text(
                    "classmap.unknown_target",
                    input=r.input_class,
                    target=r.geep_class,
                    suggestion=did_you_mean(r.geep_class, sorted(vocab)),
                ),
                hint=text("classmap.hint_target", biomes=biomes),
                **_loc(r),
            )
    n = rows.groupby("input_class")["geep_class"].transform("size")
    for r, count in zip(rows.itertuples(index=False), n, strict=True):
        w = _weight(r.weight)
        if w is None and _blank(r.weight):
            raise ClassMapError(
                text("classmap.missing_weight", input=r.input_class, n=count, target=r.geep_class),
                hint=text("classmap.hint_weight"),
                **_loc(r),
            )
        if w is None or not 0.0 < w <= 1.0:
            raise ClassMapError(
                text(
                    "classmap.bad_weight", input=r.input_class, target=r.geep_class, weight=r.weight
                ),
                hint=text("classmap.hint_weight"),
                **_loc(r),
            )
    dup = rows.duplicated(["input_class", "geep_class"])
    if dup.any():
        r = rows[dup].iloc[0]
        raise ClassMapError(
            text("classmap.duplicate", input=r["input_class"], target=r["geep_class"]),
            **_loc(r),
        )
    rows["weight"] = rows["weight"].map(_weight).astype(float)
    sums = rows.groupby("input_class", sort=False)["weight"].sum()
    for inp, total in sums.items():
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            part = rows[rows["input_class"] == inp]
            parts = " + ".join(
                f"{c} {w:g}" for c, w in zip(part["geep_class"], part["weight"], strict=True)
            )
            raise ClassMapError(
                text("classmap.weight_sum", input=inp, total=total, parts=parts),
                hint=text("classmap.hint_weight"),
                **_loc(part.iloc[0]),
            )


def _weight(v: object) -> float | None:
    if isinstance(v, bool):
        return None
    try:
        w = float(str(v).strip()) if isinstance(v, str) else float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return w if math.isfinite(w) else None


# --- applying a map ---------------------------------------------------------------------
def apply_class_map(areas: pd.DataFrame, cmap: ClassMap) -> pd.DataFrame:
    """Relabel the mapped land-cover rows, keeping the original label.

    ``areas`` has a ``land_class`` column (categorical or text); it is not modified.

    Returns
    -------
    DataFrame
        A copy with ``input_class`` (the label before the map); mapped rows' ``land_class``
        becomes ``class_map:<input class>``, distinct from every native class (园地 → wetland
        and a native 湿地 stay two lines). Computed per distinct label.
    """
    out = areas.copy()
    labels = out["land_class"].astype("category")
    cats = [str(c) for c in labels.cat.categories]
    new = [KEY_PREFIX + c if c in cmap else c for c in cats]
    codes = labels.cat.codes.to_numpy()
    out["input_class"] = pd.Categorical.from_codes(codes, categories=cats)
    out["land_class"] = pd.Categorical.from_codes(codes, categories=new)
    return out


def unused_inputs(areas: pd.DataFrame, cmap: ClassMap) -> list[str]:
    """Input classes of the map that match no land-cover row (a typo, or another region)."""
    present = set(map(str, pd.unique(areas["land_class"].astype(object))))
    return [k for k in cmap.inputs if k not in present]


def mapped_factors(
    factors: pd.DataFrame,
    cmap: ClassMap,
    table_type: Mapping[str, str] | None = None,
    table: str = "",
) -> tuple[pd.DataFrame, dict[str, str], dict[str, str]]:
    """Factor rows of the mapped input classes: ``Σ w · factor`` per service.

    Parameters
    ----------
    factors
        ``ecosystem_type, service, service_group, factor`` keyed by geep class.
    cmap
        The class map.
    table_type
        ``{geep class: the table's own row key}`` for coarse tables (Xie 2003/2008); a
        composite whose components share one row collapses onto it.
    table
        Reference of the factor table (for messages).

    Returns
    -------
    (DataFrame, dict, dict)
        ``factors`` plus one row per mapped key and service (``ecosystem_type`` =
        ``class_map:<input>``); ``{key: row text of the coefficient reference}`` (e.g.
        ``grassland.steppe*0.5+grassland.meadow*0.5``); ``{key: ecosystem_type label}`` (the
        geep-level target).

    Raises
    ------
    ClassMapError
        If a component of a composite has no factors, or the components cover different
        services.
    """
    tt = dict(table_type or {})
    comp = pd.DataFrame(
        [(KEY_PREFIX + inp, inp, c, w) for inp in cmap.inputs for c, w in cmap.components(inp)],
        columns=["key", "input", "cls", "w"],
    )
    merged = comp.merge(factors, left_on="cls", right_on="ecosystem_type", how="left")
    _check_components(merged, cmap, table)
    merged["wf"] = merged["w"] * merged["factor"]
    have = merged.dropna(subset=["factor"])
    rows = (
        have.groupby(["key", "service"], sort=False)
        .agg(service_group=("service_group", "first"), factor=("wf", "sum"))
        .reset_index()
        .rename(columns={"key": "ecosystem_type"})
    )
    row_text, labels = {}, {}
    for inp in cmap.inputs:
        parts: dict[str, float] = {}
        for c, w in cmap.components(inp):
            parts[tt.get(c, c)] = parts.get(tt.get(c, c), 0.0) + w
        row_text[KEY_PREFIX + inp] = composite_key(list(parts.items()))
        labels[KEY_PREFIX + inp] = cmap.key(inp)
    out = pd.concat([factors, rows[list(factors.columns)]], ignore_index=True)
    return out, row_text, labels


def _check_components(merged: pd.DataFrame, cmap: ClassMap, table: str) -> None:
    for inp, grp in merged.groupby("input", sort=False):
        if len(cmap.components(inp)) == 1:
            continue  # a single target without factors is reported as unvalued, not an error
        missing = grp.loc[grp["factor"].isna(), "cls"]
        if len(missing):
            raise ClassMapError(
                text(
                    "classmap.no_factors",
                    input=inp,
                    key=cmap.key(inp),
                    target=missing.iloc[0],
                    table=table,
                ),
                hint=text("classmap.hint_no_factors"),
                table=table,
            )
        per = grp.groupby("cls")["service"].apply(frozenset)
        if per.nunique() > 1:
            services = "; ".join(f"{c}: {len(s)}" for c, s in per.items())
            raise ClassMapError(
                text(
                    "classmap.services_differ",
                    input=inp,
                    key=cmap.key(inp),
                    services=services,
                    table=table,
                ),
                table=table,
            )


def mapped_unit_values(
    unit_values: pd.DataFrame,
    cmap: ClassMap,
    crosswalk: Mapping[str, str],
    table: str = "",
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Unit values of the mapped input classes for benefit transfer: ``Σ w · V`` [money/ha].

    Parameters
    ----------
    unit_values
        ``biome, unit_value`` (leaf biomes; NaN where the source gives no value).
    cmap
        The class map (targets are biome ids or geep classes).
    crosswalk
        ``{geep class: biome}`` for targets that are geep classes.
    table
        Reference of the unit-value table (for messages).

    Returns
    -------
    (DataFrame, dict)
        ``biome, unit_value`` rows keyed ``class_map:<input>``, and ``{key: biome text}``
        (``temperate_boreal_forest*0.5+grass_rangelands*0.5``, or the biome).
    """
    uv = dict(zip(unit_values["biome"], unit_values["unit_value"], strict=True))
    rows, labels = [], {}
    for inp in cmap.inputs:
        comps = [(crosswalk.get(c, c), c, w) for c, w in cmap.components(inp)]
        labels[KEY_PREFIX + inp] = composite_key([(b, w) for b, _, w in comps])
        values = [(uv.get(b, np.nan), b, c, w) for b, c, w in comps]
        if len(values) > 1:
            for v, b, c, _ in values:
                if v is None or math.isnan(v):
                    raise ClassMapError(
                        text(
                            "classmap.no_unit_value",
                            input=inp,
                            key=cmap.key(inp),
                            target=c,
                            biome=b,
                            table=table,
                        ),
                        table=table,
                    )
        total = math.fsum(w * v for v, _, _, w in values)
        rows.append((KEY_PREFIX + inp, total))
    return pd.DataFrame(rows, columns=["biome", "unit_value"]), labels


__all__ = [
    "COLUMNS",
    "KEY_PREFIX",
    "ClassMap",
    "ClassMapError",
    "apply_class_map",
    "clean_label",
    "composite_key",
    "mapped_factors",
    "mapped_unit_values",
    "parse_class_map",
    "unused_inputs",
]
