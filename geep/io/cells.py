"""Raw cells of input files: worksheets of a workbook and CSV text, before any validation.

A :class:`RawSheet` is a grid of values as a spreadsheet shows them (row ``k`` of ``rows`` is
spreadsheet row ``k + 1``), plus what the grid alone cannot tell: merged ranges, formulas that
have no saved result, and whether the sheet is hidden. Workbooks are read with openpyxl in
read-only mode with cached values (``data_only=True``); its XML parsing goes through
defusedxml. CSV text is decoded as UTF-8 (with or without BOM), UTF-16 (with BOM) or
GBK/GB18030, and the encoding found is returned so that it can be reported.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import msg
from .preflight import Limits, UnreadableFileError, WorkbookScan

#: Excel error values: an error cell is an error, never a blank
EXCEL_ERRORS = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!",
    }
)  # fmt: skip


@dataclass
class RawSheet:
    """The cells of one worksheet (or one CSV file).

    Attributes
    ----------
    title
        Sheet name (for CSV: the file name).
    prefix
        Location prefix of its cells: ``file!sheet`` (workbooks) or ``file`` (CSV).
    rows
        Cell values by row; row ``k`` is spreadsheet row ``k + 1``.
    hidden
        Hidden or very hidden sheets are not read (``rows`` is empty).
    merged
        Merged ranges, e.g. ``["A1:B1"]``.
    uncached
        ``{cell: formula}`` for formulas with no saved result.
    """

    title: str
    prefix: str
    rows: list[tuple] = field(default_factory=list)
    hidden: bool = False
    merged: list[str] = field(default_factory=list)
    uncached: dict[str, str] = field(default_factory=dict)
    delimiter: str | None = None  # CSV only: a ';' or tab makes a comma in a number ambiguous


def read_xlsx(
    path: Path, scan: WorkbookScan, only: Callable[[str], bool] | None = None
) -> list[RawSheet]:
    """Read every worksheet of an (already pre-flighted) workbook — or, with ``only``, the
    worksheets whose title it accepts (a domain that reads known sheets of a workbook geep
    writes with many others: a journal's holders and transactions, not its positions).

    Raises
    ------
    UnreadableFileError
        If openpyxl cannot read the workbook (damaged file) or defusedxml refuses it.
    """
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    name = path.name
    sheets: list[RawSheet] = []
    try:
        with warnings.catch_warnings(), path.open("rb") as fh:
            warnings.simplefilter("ignore")
            # a file object: the type was told by content, whatever the extension says
            wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
            try:
                for ws in wb.worksheets:
                    if only is not None and not only(ws.title):
                        continue
                    part = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
                    sc = scan.sheets.get(part)
                    raw = RawSheet(ws.title, f"{name}!{ws.title}")
                    if ws.sheet_state != "visible":
                        raw.hidden = True
                        sheets.append(raw)
                        continue
                    ws.reset_dimensions()  # never trust the stored <dimension>
                    raw.rows = list(ws.iter_rows(values_only=True))
                    if sc is not None:
                        raw.merged = list(sc.merged)
                        if sc.has_formulas:
                            raw.uncached = uncached_formulas(path, part)
                    sheets.append(raw)
            finally:
                wb.close()
    except UnreadableFileError:
        raise
    except DefusedXmlException as exc:
        raise UnreadableFileError(
            msg("io.dtd", file=name, part="?"), file=name, hint=msg("hint.dtd")
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        cause: BaseException | None = exc
        while cause is not None:  # openpyxl wraps defusedxml's refusal in a ValueError
            if isinstance(cause, DefusedXmlException):
                raise UnreadableFileError(
                    msg("io.dtd", file=name, part="?"), file=name, hint=msg("hint.dtd")
                ) from exc
            cause = cause.__cause__ or cause.__context__
        raise UnreadableFileError(
            msg("io.bad_zip", file=name, problem=f"{type(exc).__name__}: {exc}"),
            file=name,
            hint=msg("hint.save_xlsx"),
        ) from exc
    return sheets


def uncached_formulas(path: Path, part: str) -> dict[str, str]:
    """``{cell: formula}`` of the formulas in worksheet ``part`` that have no saved result."""
    from defusedxml.ElementTree import iterparse

    out: dict[str, str] = {}
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        for _, el in iterparse(fh, events=("end",)):
            tag = el.tag.rpartition("}")[2]
            if tag == "row":
                el.clear()
                continue
            if tag != "c":
                continue
            f = v = None
            for ch in el:
                t = ch.tag.rpartition("}")[2]
                if t == "f":
                    f = ch
                elif t in ("v", "is"):
                    v = ch
            if f is None:
                continue
            has_value = v is not None and (
                el.get("t") == "str" or v.tag.endswith("is") or (v.text or "") != ""
            )
            if not has_value and el.get("r"):
                out[el.get("r")] = "=" + f.text if f.text else "shared formula"
    return out


# --- CSV -----------------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_PLAIN_INT = re.compile(r"^[+-]?\d+$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes: ``(text, encoding)``; the encoding is detected, never assumed (see
    :mod:`geep.io.encoding`)."""
    from .encoding import decode

    return decode(data, name)


def _cell(text: str) -> object:
    s = text.strip()
    if s == "":
        return None
    if _PLAIN_NUMBER.match(s) and not _LEADING_ZERO.match(s):
        return int(s) if _PLAIN_INT.match(s) else float(s)
    return text


def _cell_bound(data: bytes, delim: str) -> int:
    """The cells of CSV ``data`` counted at C speed before any parsing: exact when nothing
    is quoted (every delimiter plus every non-blank line), an upper bound otherwise."""
    d = delim.encode("ascii")
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    blank = data.count(b"\n\n") + data.count(b"\n\r\n") + data.startswith((b"\n", b"\r\n"))
    return data.count(d) + lines - blank


def _count_cells(text: str, delim: str) -> int:
    """The exact number of cells (the csv module's C parser, nothing kept)."""
    return sum(map(len, csv.reader(io.StringIO(text, newline=""), delimiter=delim)))


def read_csv(path: Path, limits: Limits) -> tuple[RawSheet, str]:
    """Read a CSV (or tab-separated) text file into a :class:`RawSheet`: ``(sheet, encoding)``.

    Plain numbers (``1234``, ``-5.5e3``) become numbers; numbers with a leading zero stay text
    (codes such as ``0101``); anything else stays text for the validator to judge. A file over
    the cell limit is refused before its cells are converted (a bound from byte counts, then
    an exact count by the C parser only if the bound is over). A NUL byte or an over-long
    cell is an error at its line.
    """
    name = path.name
    data = path.read_bytes()
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b'"' not in data:
        head = data[:65536].split(b"\n", 1)[0]  # refuse before decoding: delimiters are ASCII
        d = (
            max(",\t;", key=lambda c: head.count(c.encode()))
            if any(c in head for c in b",\t;")
            else ","
        )
        n = _cell_bound(data, d)
        if n > limits.max_cells:
            raise UnreadableFileError(
                msg("io.cells", file=name, n=n, limit=limits.max_cells),
                file=name,
                hint=msg("hint.limits"),
            )
    text, encoding = decode_text(data, name)
    first = text.split("\n", 1)[0]
    delim = max(",\t;", key=first.count) if any(d in first for d in ",\t;") else ","
    raw = text.encode("utf-8") if encoding.startswith("UTF-16") else data
    bound = _cell_bound(raw, delim)
    if bound > limits.max_cells:
        n = bound if '"' not in text else _count_cells_safe(text, delim, name)
        if n > limits.max_cells:
            raise UnreadableFileError(
                msg("io.cells", file=name, n=n, limit=limits.max_cells),
                file=name,
                hint=msg("hint.limits"),
            )
    rows: list[tuple] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for rec in reader:
            rows.append(tuple(_cell(c) for c in rec))
    except csv.Error as exc:
        raise _csv_error(name, reader.line_num, exc) from exc
    return RawSheet(name, name, rows, delimiter=delim), encoding


def _count_cells_safe(text: str, delim: str, name: str) -> int:
    try:
        return _count_cells(text, delim)
    except csv.Error as exc:
        raise _csv_error(name, None, exc) from exc


def _csv_error(name: str, line: int | None, exc: csv.Error) -> UnreadableFileError:
    from ..messages import text

    problem = str(exc)
    if "NUL" in problem:
        why = text("cli.pf_csv_nul")
    elif "field larger" in problem:
        why = text("cli.pf_csv_field", limit=csv.field_size_limit())
    else:
        why = problem
    return UnreadableFileError(
        text("cli.pf_csv_line", file=name, line=line if line is not None else "?", problem=why),
        file=name,
        hint=text("cli.hint_pf_csv"),
    )
