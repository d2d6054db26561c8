"""Read and validate one edition folder (``table.yaml`` + ``table.csv``).

Every problem in a table is collected and reported together, each with file, line and
column, before anything is returned: a table either loads completely or not at all.
"""

from __future__ import annotations

import hashlib
import io
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pydantic

from ..errors import CoefficientTableError, GeepError
from ..messages import Text, text
from ..units import check_dimension, parse_unit
from .kinds import field_hint, field_problems
from .model import EVIDENCE_LEVELS, REQUIRED_COLUMNS, TableMeta
from .table import CoefficientTable
from .yamlsafe import decode_text, read_yaml

META_FILE = "table.yaml"
DATA_FILE = "table.csv"


def content_hash(yaml_bytes: bytes, csv_bytes: bytes) -> str:
    """SHA-256 over both files of an edition (names included, so swapping is detected)."""
    h = hashlib.sha256()
    for name, data in ((META_FILE, yaml_bytes), (DATA_FILE, csv_bytes)):
        h.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def read_meta(folder: Path, yaml_bytes: bytes | None = None) -> TableMeta:
    """Parse and validate ``table.yaml`` of ``folder`` (UTF-8, bounded YAML, strict dates).

    Raises
    ------
    CoefficientTableError
        With the file, the field(s) at fault and how to fix them.
    """
    path = folder / META_FILE
    doc = read_yaml(path, CoefficientTableError, yaml_bytes)
    try:
        meta = TableMeta.model_validate(doc)
    except pydantic.ValidationError as exc:
        raise CoefficientTableError(text("coef.meta", problem=field_problems(exc)),
                                    file=str(path), hint=field_hint(exc)) from None  # fmt: skip
    if folder.name != meta.edition or folder.parent.name != meta.id:
        problem = text("catalogue.folder_mismatch", ref=meta.ref,
                       folder=f"{folder.parent.name}/{folder.name}")  # fmt: skip
        raise CoefficientTableError(text("coef.meta", problem=problem), file=str(path),
                                    hint=text("hint.catalogue.folder_mismatch", file=META_FILE))  # fmt: skip
    return meta


class _Problems:
    """Every problem of one table, each at its line and column, raised together."""

    def __init__(self, file: str, meta: TableMeta) -> None:
        self.file, self.meta = file, meta
        self.items: list[tuple[int | None, str | None, Any]] = []

    def add(self, problem: Any, line: int | None = None, column: str | None = None) -> None:
        self.items.append((line, column, problem))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        first_line, first_col, _ = self.items[0]
        body = Text()
        for ln, c, t in self.items[:50]:
            where = text("catalogue.at_line", line=ln) if ln else text("catalogue.at_table")
            if c:
                where = where + text("catalogue.at_column", column=c)
            body = body + "\n  " + where + ": " + t
        if len(self.items) > 50:
            body = body + "\n  " + text("catalogue.more", n=len(self.items) - 50)
        err = CoefficientTableError(
            text("catalogue.problems", n=len(self.items), ref=self.meta.ref) + body,
            file=self.file,
            table=self.meta.id,
            edition=self.meta.edition,
            row=first_line,
            column=first_col,
            hint=text("hint.catalogue.problems"),
        )
        err.problems = list(self.items)
        raise err


def _parse_cell(raw: str, dtype: str) -> Any:
    if dtype == "str":
        return raw
    if dtype == "int":
        v = int(raw)
        return v
    v = float(raw)
    if not math.isfinite(v):
        raise ValueError  # reported as "not a valid float" by the caller
    return v


def read_edition(folder: Path, origin: str | None = None) -> CoefficientTable:
    """Read, validate and return the edition in ``folder``.

    Raises
    ------
    CoefficientTableError
        Listing every problem with its line and column: unknown or missing columns, empty
        required cells, bad numbers, evidence levels, source keys, units, dimensions, duplicate
        keys.
    """
    folder = Path(folder)
    yaml_bytes = (folder / META_FILE).read_bytes()
    csv_path = folder / DATA_FILE
    if not csv_path.exists():
        raise CoefficientTableError(text("catalogue.csv_missing", name=DATA_FILE),
                                    file=str(folder),
                                    hint=text("hint.catalogue.csv_missing", name=DATA_FILE,
                                              meta=META_FILE))  # fmt: skip
    csv_bytes = csv_path.read_bytes()
    meta = read_meta(folder, yaml_bytes)
    frame = parse_rows(meta, csv_bytes, str(csv_path))
    return CoefficientTable(
        meta=meta,
        frame=frame,
        sha256=content_hash(yaml_bytes, csv_bytes),
        origin=origin or str(folder),
    )


def parse_rows(meta: TableMeta, csv_bytes: bytes, file: str) -> pd.DataFrame:
    """Parse and validate the CSV bytes of an edition against its metadata."""
    problems = _Problems(file, meta)
    body = decode_text(csv_bytes, file, CoefficientTableError)
    raw = pd.read_csv(
        io.StringIO(body), dtype=str, keep_default_na=False, na_filter=False, skipinitialspace=False
    )
    declared = list(meta.columns)
    for col in raw.columns:
        if col not in meta.columns:
            problems.add(text("coef.unknown_column", column=col), column=col)
    for col in declared:
        if col not in raw.columns:
            problems.add(text("coef.missing_column", column=col), column=col)
    # keep validating the columns that are there, so that every problem is reported at once
    present = {c: s for c, s in meta.columns.items() if c in raw.columns}

    out: dict[str, list[Any]] = {}
    for col, spec in present.items():
        # evidence and source are never optional, whatever table.yaml says
        required = not spec.nullable or col in REQUIRED_COLUMNS
        values: list[Any] = []
        for i, cell in enumerate(raw[col].tolist()):
            line = i + 2
            cell = cell.strip()
            if cell == "":
                if required:
                    problems.add(text("coef.empty"), line, col)
                values.append(None)
                continue
            try:
                v = _parse_cell(cell, spec.dtype)
            except ValueError:
                problems.add(text("coef.dtype", value=cell, dtype=spec.dtype), line, col)
                values.append(None)
                continue
            if col == "evidence" and v not in EVIDENCE_LEVELS:
                problems.add(text("coef.evidence", value=cell), line, col)
            elif spec.allowed is not None and v not in spec.allowed:
                problems.add(text("coef.allowed", value=cell, allowed=spec.allowed), line, col)
            if col == "source":
                for k in (s.strip() for s in cell.split(";")):
                    if k not in meta.sources:
                        problems.add(text("coef.source_key", value=k), line, col)
            values.append(v)
        out[col] = values

    # units: fixed per column, or per row
    for col, spec in meta.columns.items():
        if spec.unit:
            try:
                parse_unit(spec.unit)
                if spec.dimension:
                    check_dimension(spec.unit, spec.dimension, what=col)
            except GeepError as exc:
                problems.add(text("catalogue.column_unit", problem=exc), None, col)
        elif spec.dimension and not spec.unit_from:
            problems.add(text("catalogue.dimension_no_unit"), None, col)
        if spec.unit_from and col in out and spec.unit_from in out:
            for i, (val, unit) in enumerate(zip(out[col], out[spec.unit_from], strict=True)):
                if val is None:
                    continue
                if unit is None:
                    problems.add(text("catalogue.row_unit", column=spec.unit_from), i + 2, col)
                    continue
                try:
                    parse_unit(unit)
                    if spec.dimension:
                        check_dimension(unit, spec.dimension, what=col)
                except GeepError as exc:
                    problems.add(Text() + exc, i + 2, spec.unit_from)

    # duplicate keys
    seen: dict[tuple, int] = {}
    keys = list(zip(*(out[k] for k in meta.key), strict=True)) if set(meta.key) <= set(out) else []
    for i, key in enumerate(keys):
        if any(k is None for k in key):
            continue  # an empty or invalid key cell is reported above
        if key in seen:
            problems.add(
                text("coef.duplicate_key", key="/".join(map(str, key)), first=seen[key]),
                i + 2,
                meta.key[0],
            )
        else:
            seen[key] = i + 2
    problems.raise_if_any()

    frame = pd.DataFrame(
        {c: pd.Series(v, dtype=_pandas_dtype(meta.columns[c].dtype, v)) for c, v in out.items()}
    )
    return frame


def _pandas_dtype(dtype: str, values: list[Any]) -> str:
    if dtype == "float":
        return "float64"
    if dtype == "int":
        return "Int64" if any(v is None for v in values) else "int64"
    return "object"
