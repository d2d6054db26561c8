"""Unsafe, wrong and unreadable files are refused quickly with a clear message; outputs are
written atomically and never carry live formulas in geep's text."""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import geep
from geep.io.preflight import Limits, UnreadableFileError
from geep.io.safety import neutralise

GiB = 1024**3


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """Write a zip by hand: ``(name, raw deflate data, crc32, uncompressed size)``."""
    out = io.BytesIO()
    central = b""
    for name, data, crc, size in members:
        offset = out.tell()
        n = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data),
                              size, len(n), 0) + n + data)  # fmt: skip
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(data), size, len(n), 0, 0, 0, 0, 0, offset) + n  # fmt: skip
    start = out.tell()
    out.write(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                          len(central), start, 0))  # fmt: skip
    path.write_bytes(out.getvalue())


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def zip_bomb(path: Path, mib: int = 1280) -> Path:
    """A genuine zip bomb: a worksheet part that inflates to ``mib`` MiB from ~1 KB per MiB."""
    chunk = b"\0" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    data = block * mib + c.flush()
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    ct = b'<?xml version="1.0"?><Types xmlns="x"/>'
    _write_zip(
        path,
        [
            ("[Content_Types].xml", *_deflate(ct)),
            ("xl/workbook.xml", *_deflate(b"<workbook/>")),
            ("xl/worksheets/sheet1.xml", data, crc, mib << 20),
        ],
    )
    return path


def _xlsx_bytes() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area (ha)"])
    ws.append(["1", 2020, "water", 1.0])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _replace_part(data: bytes, part: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == part else src.read(info))
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def entity_bomb(path: Path, part: str = "xl/worksheets/sheet1.xml", padding: int = 0) -> Path:
    """A billion-laughs part; ``padding`` bytes of comment push the DTD far from the start."""
    decl = b'<?xml version="1.0"?>\n'
    body = decl + b"<!--" + b"x" * padding + b"-->" + LAUGHS[len(decl) :] if padding else LAUGHS
    path.write_bytes(_replace_part(_xlsx_bytes(), part, body))
    return path


def compound_file(path: Path, streams: tuple[str, ...]) -> Path:
    """A minimal OLE2 compound file (one FAT sector, one directory sector, empty streams):
    the container of .xls workbooks and of password-protected .xlsx files."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = struct.pack(
        "<8s16sHHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, 0, b"\0" * 6,
        0, 1, 1, 0, 4096, end, 0, end, 0,
    ) + struct.pack("<I", 0) + struct.pack("<I", free) * 108  # fmt: skip
    fat = struct.pack("<II", fat_sect, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child=free, right=free) -> bytes:
        n = (name + "\0").encode("utf-16-le")
        return (n.ljust(64, b"\0") + struct.pack("<HBBIII", len(n), kind, 1, free, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", end, 0))  # fmt: skip

    ents = [entry("Root Entry", 5, child=1)]
    for k, s in enumerate(streams, start=1):
        ents.append(entry(s, 2, right=k + 1 if k < len(streams) else free))
    directory = b"".join(ents).ljust(512, b"\0")
    path.write_bytes(header + fat + directory)
    return path


def _refused(path: Path, *words: str, **kw) -> UnreadableFileError:
    t = time.perf_counter()
    with pytest.raises(UnreadableFileError) as info:
        geep.read_inputs(path, **kw)
    elapsed = time.perf_counter() - t
    assert elapsed < 1.0, f"{path.name} took {elapsed:.2f} s to refuse"
    text = str(info.value)
    for w in words:
        assert w in text, text
    assert isinstance(info.value, ValueError) and isinstance(info.value, geep.GeepError)
    report = geep.validate(path, **kw)  # validate reports it instead of raising
    assert not report.ok and report.errors[0].where == path.name
    return info.value


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("bombs")
    zip_bomb(d / "bomb.xlsx")
    return d


def test_zip_bomb_is_refused_from_the_central_directory(bombs):
    path = bombs / "bomb.xlsx"
    assert path.stat().st_size < 2 * 1024**2
    assert sum(i.file_size for i in zipfile.ZipFile(path).infolist()) > GiB
    err = _refused(path, "would expand to", "zip bomb", "GEEP_MAX_UNCOMPRESSED_BYTES")
    assert err.file == "bomb.xlsx"


def test_limits_are_configurable(tmp_path, monkeypatch):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(_xlsx_bytes())
    assert geep.read_inputs(path)["land_cover"]["area"].tolist() == [1.0]
    _refused(path, "over the limit of 100 bytes", max_uncompressed_bytes=100)
    _refused(path, "has 8 cells, over the limit of 5", max_cells=5)
    monkeypatch.setenv("GEEP_MAX_CELLS", "7")
    _refused(path, "over the limit of 7")
    assert Limits.from_env(max_cells=9).max_cells == 9


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"])
@pytest.mark.parametrize("padding", [0, 200_000])
def test_xml_entity_expansion_is_refused(tmp_path, part, padding):
    path = entity_bomb(tmp_path / "laughs.xlsx", part, padding)
    _refused(path, "entity declaration", part)


def test_renamed_text_file_is_refused(tmp_path):
    path = tmp_path / "county.xlsx"
    path.write_text("region_code,year,land_class,area\n1,2020,water,1\n", encoding="utf-8")
    _refused(path, "county.xlsx is named like a workbook but is a text file", "rename it to .csv")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    _refused(path, "empty.xlsx is empty (0 bytes)")


def test_password_protected_workbook_is_refused(tmp_path):
    path = compound_file(tmp_path / "secret.xlsx", ("EncryptionInfo", "EncryptedPackage"))
    _refused(path, "password-protected", "remove the password")


def test_xls_workbook_is_refused(tmp_path):
    path = compound_file(tmp_path / "old.xls", ("Workbook",))
    _refused(path, "Excel 97-2003 (.xls)", "save it as an Excel workbook (.xlsx)")
    path = compound_file(tmp_path / "old.xlsx", ("Workbook",))  # renamed .xls
    _refused(path, "Excel 97-2003")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.4 ...", "PDF"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "web page"),
        (b"\x00\x01\x02\x03binary", "neither an Excel workbook"),
        (b"PK\x03\x04 truncated", "damaged"),
    ],
)
def test_other_non_workbooks_are_refused(tmp_path, content, words):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    _refused(path, words)


def test_ods_and_docx_are_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    (tmp_path / "a.xlsx").write_bytes(buf.getvalue())
    _refused(tmp_path / "a.xlsx", "OpenDocument")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w/>")
    (tmp_path / "b.xlsx").write_bytes(buf.getvalue())
    _refused(tmp_path / "b.xlsx", "word/ archive, not an Excel workbook")


def test_a_workbook_named_csv_is_read_by_its_content(tmp_path):
    path = tmp_path / "land_cover.csv"
    path.write_bytes(_xlsx_bytes())
    assert geep.read_inputs(path)["land_cover"]["area"].tolist() == [1.0]


def test_formula_like_text_is_neutralised_in_outputs(tmp_path):
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("+1") == "'+1" and neutralise("@x") == "'@x" and neutralise("-x") == "'-x"
    assert neutralise("ok") == "ok" and neutralise(-1.5) == -1.5
    lc = pd.DataFrame({"region_code": ["=1+1"], "region_name": ["@SUM(A1)"], "year": [2020],
                       "land_class": ["water"], "area": [1.0], "unit": ["ha"]})  # fmt: skip
    # a formula is not a region code: the input is refused at its cell (issue 11 item 6) …
    with pytest.raises(geep.GeepError, match=r"land_cover\[0\].*'='"):
        geep.esv(lc)
    # … but a ledger may hold any text (a user's own frame): every writer neutralises it
    lines = geep.esv(lc.assign(region_code="140105")).lines
    lines["region_code"] = "=1+1"
    lines["region_name"] = "@SUM(A1)"
    ledger = geep.Ledger(lines)
    path = ledger.to_excel(tmp_path / "l.xlsx")
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    # the only formulas are geep's own recalculation checks on the summary
                    assert ws.title == "summary" and cell.value.startswith("=SUMIFS(")
    back = geep.Ledger.read(path)
    assert set(back.lines["region_code"]) == {"=1+1"}
    csv_text = ledger.to_csv(tmp_path / "l.csv").read_text(encoding="utf-8")
    assert "'=1+1" in csv_text and "\n=1+1" not in csv_text


def test_outputs_are_written_atomically(tmp_path, monkeypatch):
    lc = pd.DataFrame({"region_code": ["1"], "year": [2020], "land_class": ["water"],
                       "area": [1.0], "unit": ["ha"]})  # fmt: skip
    ledger = geep.esv(lc)
    target = tmp_path / "l.xlsx"
    target.write_bytes(b"previous content")
    import geep.io.writer as writer  # the one workbook writer every workbook goes through

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "workbook_bytes", boom)
    with pytest.raises(RuntimeError):
        ledger.to_excel(target)
    assert target.read_bytes() == b"previous content"  # never half-written
    monkeypatch.undo()
    ledger.to_excel(target)
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.xlsx"]  # no temporary left
