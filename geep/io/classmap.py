"""Reading a class map from a CSV file (the file side of :mod:`geep.methods.classmap_io`)."""

from __future__ import annotations

import io
import os
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from ..messages import text
from ..methods.classmap import ClassMap, ClassMapError, parse_class_map
from .cells import decode_text


def read_class_map(path: str | os.PathLike, *, vocabulary: Collection[str]) -> ClassMap:
    """Read and validate a class map CSV (UTF-8, UTF-8 with BOM, GBK or GB18030).

    Columns ``input_class, geep_class, weight`` (Chinese headers accepted), one row per
    component. Codes keep their leading zeros (``0101``). Errors name the file and line.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ClassMapError(
            text("classmap.file_unreadable", problem=exc.strerror or str(exc)), file=str(p)
        ) from exc
    body, _ = decode_text(data, p.name)
    try:
        frame = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ClassMapError(
            text("classmap.file_unreadable", problem=str(exc)), file=str(p)
        ) from exc
    name = p.name if p.suffix.lower() == ".csv" else p.name + ".csv"
    return parse_class_map(frame, vocabulary=vocabulary, source=p.name, where=name)


__all__ = ["read_class_map"]
