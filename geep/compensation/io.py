"""Files of the compensation engine: input workbooks/CSV and settlement workbooks/CSV.

Inputs: a workbook with sheets ``observations`` (or 监测), optional ``flows`` (流量),
``sections`` (断面) and ``parameters`` (参数: name, value, unit); or a CSV of one of them. They
are read by the shared reader (:func:`geep.io.workbook.read_book`: the pre-flight refuses
zip bombs and entity expansion, every cell as saved whatever the declared dimension, error
cells and formulas without a saved value are errors at their cell) and normalised by the
specs of :mod:`geep.compensation.tables`. Every value keeps its location
(``file!sheet!cell``) for error reports.
Outputs are written atomically; text cells that a spreadsheet would run as formulas are
neutralised.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import InputError
from ..inputs.normalise import POSITION, Locator
from ..inputs.report import Report
from ..io.atomic import atomic_write_bytes
from ..io.safety import neutralise_frame
from ..messages import text
from .observations import NORMALISED, normalised
from .tables import PARAMETERS, TABLES

if TYPE_CHECKING:
    from ..io.preflight import Limits
    from .settlement import Settlement

#: sheet names of each table (kept for callers; the specs hold them)
SHEETS = {name: (name, spec.zh, *spec.sheets) for name, spec in TABLES.items()}
Where = Callable[[int, str | None], str]


@dataclass
class CompensationInputs:
    """The tables of one input file, normalised, with their cells and every issue found.

    Attributes
    ----------
    tables
        ``{"observations": frame, "flows": …, "sections": …, "parameters": …}`` — the tables
        present, through the normaliser (checked again by the engine only for what is not
        about cells: known sections, physical bounds).
    where
        ``{table: Locator}``: the cell of any column of a row.
    report
        Every error, warning and note of the reader and normaliser, at its cell.
    """

    path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    where: dict[str, Locator] = field(default_factory=dict)
    report: Report = field(default_factory=Report)

    def parameters(self) -> dict[str, Any]:
        """``{name: value}`` of the parameters sheet (see :func:`parameters_from_frame`)."""
        frame = self.tables.get("parameters")
        return {} if frame is None else parameters_from_frame(frame)

    def parameter_cells(self) -> dict[str, str]:
        """``{name: cell of its value}`` of the parameters sheet."""
        frame = self.tables.get("parameters")
        if frame is None:
            return {}
        loc = self.where["parameters"]
        names = frame["name"].astype(str).str.strip()
        return {n: loc(p, "value") for n, p in zip(names, frame[POSITION], strict=True)}


def read_tables(
    path: str | Path, table: str | None = None, limits: Limits | None = None
) -> CompensationInputs:
    """Read a compensation input workbook (or a CSV file holding ``table``, default
    ``observations``) through the shared reader; never raises on bad cells (see
    :attr:`CompensationInputs.report`).

    Raises
    ------
    UnreadableFileError
        The file is refused as a whole (missing, not a workbook or text, a zip bomb, entity
        expansion, encrypted, damaged).
    """
    from ..io.workbook import read_book

    path = Path(path)
    book = read_book(path, TABLES, csv_table=table or "observations", limits=limits)
    for name, frame in book.tables.items():
        frame.attrs[NORMALISED] = name
    report = Report(list(book.issues))
    report.sources[book.name] = book.source
    return CompensationInputs(path, book.tables, book.where, report)


def read_inputs(
    path: str | Path, table: str | None = None
) -> dict[str, tuple[pd.DataFrame, Where]]:
    """Read an input workbook or CSV: ``{table: (frame, where)}`` for the tables present.

    The frames are normalised (canonical columns and units; see
    :mod:`geep.compensation.tables`) and ``where(position, column)`` names the cell of any
    column of a row; :func:`geep.compensation.prepare` takes both.

    Raises
    ------
    InputError
        The file does not exist or is refused (:class:`~geep.io.preflight.UnreadableFileError`),
        a cell cannot be read (:class:`~geep.inputs.InputValidationError`, every problem at
        its cell), or it has no observations.
    """
    ins = read_tables(path, table)
    ins.report.raise_if_errors()
    want = table or "observations"
    if want not in ins.tables:
        raise InputError(text("comp.no_table", file=ins.path.name, table=want,
                              zh=TABLES[want].zh), file=str(ins.path),
                         hint=text("hint.comp.no_table"))  # fmt: skip
    return {k: (df, ins.where[k]) for k, df in ins.tables.items()}


def parameters_from_frame(frame: pd.DataFrame) -> dict[str, Any]:
    """``{name: value}`` overrides from a parameters table (``name``/``parameter``, ``value``,
    optional ``unit``); lists and mappings may be written as JSON.

    Raises
    ------
    InputValidationError
        A table given as a DataFrame whose cells do not fit the parameters table (a missing
        column, an empty name, a name given twice), each problem at its row.
    """
    df, _, issues = normalised(frame, PARAMETERS, None, "parameters")
    Report(issues).raise_if_errors()
    out: dict[str, Any] = {}
    unit = df["unit"] if "unit" in df.columns else pd.Series(None, index=df.index)
    for name, raw, u in zip(df["name"], df["value"], unit, strict=True):
        value = parse_value(raw)
        out[str(name).strip()] = {"value": value, "unit": str(u)} if isinstance(u, str) else value
    return out


def parse_value(raw: Any) -> Any:
    """A parameter value typed by a user: JSON (numbers, lists, mappings, null) or text."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return None if pd.isna(raw) else raw
    t = str(raw).strip()
    try:
        return json.loads(t)
    except json.JSONDecodeError:
        return t


# --- writers (the workbook itself is built by geep.io.settlement_excel) -----------------------
def workbook_bytes(s: Settlement, lang: str = "en") -> bytes:
    """Bytes of the settlement workbook (reproducible, print-ready)."""
    from ..io.settlement_excel import settlement_bytes

    return settlement_bytes(s, lang)


def write_settlement_excel(s: Settlement, path: str | Path, lang: str = "en") -> Path:
    """Write the settlement workbook atomically."""
    from ..io.settlement_excel import write_settlement_excel as write

    return write(s, path, lang)


def write_settlement_csv(s: Settlement, path: str | Path) -> Path:
    """Obligations at ``path``, net at ``<stem>.net.csv``, provenance at ``<stem>.meta.json``."""
    path = Path(path)
    base = path.with_suffix("")

    def csv(frame: pd.DataFrame) -> bytes:
        df = neutralise_frame(frame)
        for c in df.columns:
            if pd.api.types.is_float_dtype(df[c]):
                df[c] = df[c].map(lambda v: "" if pd.isna(v) else repr(float(v)))
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    atomic_write_bytes(path, csv(s.obligations))
    atomic_write_bytes(Path(f"{base}.net.csv"), csv(s.net))
    meta = json.dumps(s.meta, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    atomic_write_bytes(Path(f"{base}.meta.json"), meta.encode("utf-8"))
    return path
