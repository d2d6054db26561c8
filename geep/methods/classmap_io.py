"""Class maps from files, and land cover normalised with a class map.

:mod:`geep.methods.classmap` is pure; this module turns a dict, frame or CSV path into a class
map (the file is read by :mod:`geep.io.classmap`) and normalises a land-cover table so that the class map's input classes reach it unchanged (a
class map has priority over the national crosswalks: ``草地`` in the map is not first read as
``grassland.shrub_grass``).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping

import pandas as pd

from .. import _formats
from ..inputs import Inputs, Report
from ..inputs.normalise import FrameRefs, normalise
from ..messages import text
from .classmap import ClassMap, parse_class_map


def read_class_map(path: str | os.PathLike, *, vocabulary: Collection[str]) -> ClassMap:
    """Read and validate a class map CSV (UTF-8, UTF-8 with BOM, GBK or GB18030).

    Columns ``input_class, geep_class, weight`` (Chinese headers accepted), one row per
    component. Codes keep their leading zeros (``0101``). Errors name the file and line.
    The file is read by :func:`geep.io.classmap.read_class_map` (found through
    :mod:`geep._formats`: the model does not import the I/O layer).
    """
    return _formats.get("classmap.read")(path, vocabulary=vocabulary)


def as_class_map(obj: object, *, vocabulary: Collection[str]) -> ClassMap:
    """A :class:`ClassMap` from a dict, a DataFrame, a CSV path or a ClassMap."""
    if isinstance(obj, str | os.PathLike) and not isinstance(obj, Mapping):
        return read_class_map(obj, vocabulary=vocabulary)
    return parse_class_map(obj, vocabulary=vocabulary)  # type: ignore[arg-type]


def land_cover_for_map(
    obj: Inputs | pd.DataFrame, cmap: ClassMap
) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """The normalised land cover, with the class map's input classes kept as written.

    Parameters
    ----------
    obj
        A raw land-cover DataFrame (normalised here: the map's input classes are accepted
        as they are, every other label is resolved as usual) or :class:`Inputs` (already
        normalised: the map's keys then match the classes as read, e.g. geep classes).
    cmap
        The class map.

    Returns
    -------
    (DataFrame, dict, list)
        The land-cover table, ``{region_code: region_name}`` and notes (texts) to carry.
    """
    notes: list[str] = []
    if isinstance(obj, Inputs):
        from .common import coerce_table

        areas, names = coerce_table(obj, "land_cover")
        missing = [k for k in cmap.inputs if k not in set(areas["land_class"].astype(str))]
        if missing:
            shown = ", ".join(sorted(map(str, pd.unique(areas["land_class"].astype(str))))[:12])
            notes.append(str(text("classmap.already_normalised", classes=shown)))
        return areas, names, notes
    if not isinstance(obj, pd.DataFrame):
        raise TypeError(text("classmap.not_inputs", type=type(obj)))
    frame, issues = normalise(
        obj,
        "land_cover",
        where=FrameRefs("land_cover"),
        source="land_cover",
        extra_classes=frozenset(cmap.inputs),
    )
    report = Report()
    report.extend(issues)
    report.raise_if_errors()
    names: dict[str, str] = {}
    if "region_name" in obj.columns and "region_code" in obj.columns:
        names = dict(zip(obj["region_code"].astype(str), obj["region_name"], strict=False))
    return frame, names, notes


__all__ = ["as_class_map", "land_cover_for_map", "read_class_map"]
