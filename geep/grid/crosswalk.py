"""Crosswalks from raster class codes to geep land classes (``classes=`` of the grid layer).

A crosswalk is a versioned coefficient table of kind ``crosswalk`` with the columns
``source_code`` (the raster value) and ``geep_class`` — ``landclass-clcd`` (CLCD v01 legend),
``landclass-cnlucc`` (CNLUCC codes) or any table of a user catalogue — optionally overridden per
study with ``class_map={raster code: geep class}``. Overrides are recorded in the reference.

References
----------
.. [1] Yang, J., Huang, X. The 30 m annual land cover dataset and its dynamics in China from
   1990 to 2019. Earth Syst. Sci. Data 13, 3907–3925 (2021).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..errors import GeepError
from ..messages import did_you_mean, text
from ..vocab import LAND_CLASSES
from .errors import GridError

#: short names accepted for ``classes=``
SHORT_NAMES: dict[str, str] = {"clcd": "landclass-clcd", "cnlucc": "landclass-cnlucc"}


@dataclass(frozen=True)
class Crosswalk:
    """Raster codes → geep land classes.

    Attributes
    ----------
    codes
        Sorted raster codes that have a geep class [int64].
    classes
        The geep class of each code (same order as ``codes``).
    ref
        ``table@edition`` (+ ``;class_map={...}`` when overridden) for provenance.
    status
        Status of the crosswalk table (``released`` / ``provisional`` / ``draft`` / ``user``).
    """

    codes: np.ndarray
    classes: tuple[str, ...]
    ref: str
    status: str

    @property
    def class_names(self) -> tuple[str, ...]:
        """The distinct geep classes, sorted."""
        return tuple(sorted(set(self.classes)))

    def class_index(self) -> np.ndarray:
        """Position of each code's class in :attr:`class_names` [int64]."""
        names = self.class_names
        return np.array([names.index(c) for c in self.classes], dtype=np.int64)


def _code(value: object, where: str) -> int:
    try:
        f = float(str(value).strip())
    except ValueError:
        f = float("nan")
    if not np.isfinite(f) or f != int(f):
        raise GridError(
            text("grid.crosswalk_code", code=value, where=where),
            hint=text("grid.hint_crosswalk_code"),
        )
    return int(f)


def _check_class(cls: str, where: str) -> None:
    if cls not in LAND_CLASSES:
        raise GridError(
            text(
                "grid.crosswalk_class",
                cls=cls,
                where=where,
                suggestion=did_you_mean(cls, list(LAND_CLASSES)),
            ),
            hint=text("grid.hint_crosswalk_class", classes=", ".join(LAND_CLASSES)),
        )


def load_crosswalk(classes: object = "clcd", class_map: Mapping | None = None) -> Crosswalk:
    """Resolve ``classes=`` (and ``class_map=``) to a :class:`Crosswalk`.

    Parameters
    ----------
    classes
        ``"clcd"``, ``"cnlucc"``, a table id / ``id@edition`` of any crosswalk table in the
        catalogue, a :class:`~geep.coefficients.CoefficientTable`, or a mapping
        ``{raster code: geep class}`` (a crosswalk of your own, recorded as ``user``).
    class_map
        Overrides ``{raster code: geep class}`` applied on top of the table.

    Returns
    -------
    Crosswalk

    References
    ----------
    The ``landclass-clcd`` table notes state the ambiguous choices (cropland, forest, grassland,
    barren) and how to override them.
    """
    from ..coefficients import CoefficientTable, load

    pairs: dict[int, str] = {}
    if isinstance(classes, Mapping):
        ref, status = "user", "user"
        for k, v in classes.items():
            _check_class(str(v), "classes")
            pairs[_code(k, "classes")] = str(v)
    else:
        if isinstance(classes, CoefficientTable):
            table = classes
        else:
            name = SHORT_NAMES.get(str(classes).lower(), str(classes))
            try:
                table = load(name)
            except GeepError as exc:
                raise GridError(
                    text("grid.crosswalk_missing", classes=classes, problem=exc.message),
                    hint=text("grid.hint_crosswalk_missing"),
                ) from exc
        if not {"source_code", "geep_class"} <= set(table.frame.columns):
            raise GridError(
                text("grid.crosswalk_columns", table=table.ref),
                hint=text("grid.hint_crosswalk_missing"),
                table=table.id,
                edition=table.edition,
            )
        ref, status = table.ref, table.status
        frame = table.frame[table.frame["geep_class"].notna()]
        for code, cls in zip(frame["source_code"], frame["geep_class"], strict=True):
            pairs[_code(code, table.ref)] = str(cls)
    if class_map:
        for k, v in class_map.items():
            _check_class(str(v), "class_map")
            pairs[_code(k, "class_map")] = str(v)
        shown = ", ".join(f"{k}: {v!r}" for k, v in sorted(class_map.items(), key=lambda i: i[0]))
        ref = f"{ref};class_map={{{shown}}}"
    if not pairs:
        raise GridError(
            text("grid.crosswalk_empty", table=ref), hint=text("grid.hint_crosswalk_missing")
        )
    codes = np.array(sorted(pairs), dtype=np.int64)
    return Crosswalk(codes, tuple(pairs[c] for c in codes.tolist()), ref, status)
