"""Hostile workbooks for the domain readers' tests: a zip bomb, entity expansion, a lying
``<dimension>``, an uncached formula at a chosen cell (helpers, not tests)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook


def plain(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook with these sheets (rows of values)."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def rewrite(path: Path, edit, part: str | None = None) -> Path:
    """Apply ``edit(bytes) -> bytes`` to worksheet ``part`` (default: every worksheet)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    for name in list(parts):
        if (part is None and name.startswith("xl/worksheets/sheet")) or name == part:
            parts[name] = edit(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def bomb(path: Path, cells: int = 40_000) -> Path:
    """Append ``cells`` rows of 200-character strings to the first worksheet: a small file
    whose declared uncompressed size is large (refused over ``GEEP_MAX_UNCOMPRESSED_BYTES``)."""
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>' + b"x" * 200 + b"</t></is></c></row>"
    body = b"".join(row % (r, r) for r in range(10, 10 + cells))
    return rewrite(path, lambda d: d.replace(b"</sheetData>", body + b"</sheetData>"),
                   "xl/worksheets/sheet1.xml")  # fmt: skip


def entities(path: Path) -> Path:
    """Declare nested entities ("billion laughs") in the first worksheet."""
    ents = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (ord("b") + k, (b"&%c;" % (ord("a") + k)) * 10) for k in range(8)
    )

    def edit(d: bytes) -> bytes:
        d = re.sub(rb"^<\?xml[^>]*\?>", b"", d)
        return b'<?xml version="1.0"?><!DOCTYPE worksheet [' + ents + b"]>" + d

    return rewrite(path, edit, "xl/worksheets/sheet1.xml")


def dimension(path: Path, ref: str, part: str | None = None) -> Path:
    """Make the stored ``<dimension>`` of the worksheets claim ``ref`` (e.g. ``A1:R3``)."""
    return rewrite(
        path, lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="%s"/>' % ref.encode(), d),
        part,
    )  # fmt: skip


def uncached(path: Path, cell: str, part: str) -> Path:
    """Replace the saved value of ``cell`` in worksheet ``part`` by a formula with no cached
    result (what a file written by a script, never opened in a spreadsheet, holds)."""

    def edit(d: bytes) -> bytes:
        pat = rb'<c r="%s"([^>]*)>(?:<v>[^<]*</v>|<is>.*?</is>)</c>' % cell.encode()
        out, n = re.subn(pat, rb'<c r="%s"><f>1+1</f></c>' % cell.encode(), d)
        assert n == 1, f"no cell {cell} in {part}"
        return out

    return rewrite(path, edit, part)


def sheet_part(path: Path, title: str) -> str:
    """The part name of the worksheet ``title`` (through the workbook relationships)."""
    from geep.io.preflight import sheet_parts

    with zipfile.ZipFile(path) as zf:
        parts = sheet_parts(zf, {i.filename for i in zf.infolist()}, path.name)
    return next(p for p, t in parts.items() if t == title)
