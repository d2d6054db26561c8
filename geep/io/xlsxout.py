"""Writing workbooks reproducibly and safely.

openpyxl stamps the time of writing into the archive (member dates) and into
``docProps/core.xml``; :func:`workbook_bytes` removes both, so the same content always gives
the same bytes, and stamps the package digest that marks an unchanged geep output
(:mod:`geep.io.marker`). Text written by geep goes through :func:`cell_value`, which neutralises text
that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .atomic import atomic_write_bytes
from .marker import CORE_PART, PLACEHOLDER, package_digest, stamp_core
from .safety import neutralise

FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)


def cell_value(v: object) -> object:
    """A Python/numpy/pandas value as a cell value: NaN/NA → empty, text neutralised."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, str):
        return neutralise(v)
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None if math.isnan(v) else str(v)
    if isinstance(v, bool | int | float | dt.date | dt.datetime):
        return v
    return neutralise(str(v))


def exact_numbers(ws, frame: pd.DataFrame, columns: tuple[str, ...], first_row: int = 2) -> dict:
    """``{cell: repr}`` of the floats of ``frame`` that openpyxl would write inexactly.

    openpyxl writes numbers with 16 significant digits; a few doubles need 17 to come back
    bit for bit. Pass the result to :func:`workbook_bytes` to write them exactly.
    """
    out: dict[str, str] = {}
    for c in columns:
        if c not in frame.columns:
            continue
        letter = get_column_letter(list(frame.columns).index(c) + 1)
        for k, v in enumerate(frame[c].to_numpy(dtype=float), start=first_row):
            if math.isfinite(v) and float(f"{v:.16g}") != v:
                out[f"{letter}{k}"] = repr(float(v))
    return out


_NUM_CELL = re.compile(rb'(<c r="([A-Z]+[0-9]+)"[^>]*><v>)([^<]*)(</v>)')


def _patch_numbers(data: bytes, exact: dict[str, str]) -> bytes:
    def sub(m: re.Match) -> bytes:
        text = exact.get(m.group(2).decode("ascii"))
        return m.group(0) if text is None else m.group(1) + text.encode("ascii") + m.group(4)

    return _NUM_CELL.sub(sub, data)


def workbook_bytes(wb: Workbook, exact: dict[str, dict[str, str]] | None = None) -> bytes:
    """Save ``wb`` and return reproducible bytes (no time of writing anywhere).

    ``exact`` maps sheet titles to :func:`exact_numbers` results.
    """
    parts = {
        f"xl/worksheets/sheet{i}.xml": exact[ws.title]
        for i, ws in enumerate(wb.worksheets, start=1)
        if exact and exact.get(ws.title)
    }
    wb.properties.creator = "geep"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.identifier = PLACEHOLDER  # the package digest: see geep.io.marker
    buf = io.BytesIO()
    wb.save(buf)
    members: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in parts:
                data = _patch_numbers(data, parts[info.filename])
            if info.filename == CORE_PART:
                data = _CORE_TIME.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
            members.append((info.filename, data))
    digest = package_digest(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, stamp_core(data, digest) if name == CORE_PART else data)
    return out.getvalue()


def save_workbook(wb: Workbook, path) -> None:
    """Write ``wb`` to ``path`` atomically (temporary file, then rename), reproducibly."""
    atomic_write_bytes(path, workbook_bytes(wb))


def style_header(ws, row: int = 1, italic: bool = False) -> None:
    """Bold, filled, wrapped header cells on ``row``."""
    for cell in ws[row]:
        cell.font = Font(bold=not italic, italic=italic, color="595959" if italic else None)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_frame(
    ws,
    frame: pd.DataFrame,
    headers: list[str] | None = None,
    formats: dict[str, str] | None = None,
    max_width: int = 60,
) -> None:
    """Write ``frame`` with a styled header, number formats, widths, frozen header, filter."""
    cols = list(frame.columns)
    ws.append([cell_value(h) for h in (headers or [str(c) for c in cols])])
    style_header(ws)
    data = [frame[c].tolist() for c in cols]
    for row in zip(*data, strict=True):
        ws.append([cell_value(v) for v in row])
    formats = formats or {}
    n = len(frame)
    for j, c in enumerate(cols, start=1):
        letter = get_column_letter(j)
        fmt = formats.get(c)
        if fmt and n:
            for (cell,) in ws.iter_rows(min_row=2, max_row=n + 1, min_col=j, max_col=j):
                cell.number_format = fmt
        sample = [str(v) for v in frame[c].head(200).tolist()]
        width = max([len(str((headers or cols)[j - 1]))] + [_display_len(s) for s in sample])
        ws.column_dimensions[letter].width = min(max(10, width + 2), max_width)
    ws.freeze_panes = "A2"
    if n:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{n + 1}"


def _display_len(s: str) -> int:
    """Width of text in a spreadsheet cell (CJK characters count double)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
