"""Pre-flight checks of an input file before any parser touches it.

The file type is told by its first bytes, never by its extension: an Office Open XML
workbook (a zip), an old ``.xls`` or a password-protected workbook (both OLE2 compound
files), an OpenDocument or binary workbook, an HTML page or a plain-text (CSV) file.
Workbooks are checked as archives from their central directory (member count and
uncompressed size, so a zip bomb is refused before anything is decompressed), their XML parts
are refused if they declare a DTD or entities (entity expansion), and their worksheets are
scanned as bytes for the cell count, formulas and merged cells.

Limits are configurable per call (:class:`Limits`) and by environment variables
``GEEP_MAX_FILE_BYTES``, ``GEEP_MAX_UNCOMPRESSED_BYTES``, ``GEEP_MAX_CELLS`` and
``GEEP_MAX_MEMBERS``.

References
----------
ECMA-376 Part 2 (Open Packaging Conventions); [MS-CFB] Compound File Binary Format;
[MS-OFFCRYPTO] §2.3.4 (encrypted OOXML is an OLE2 file with ``EncryptionInfo`` and
``EncryptedPackage`` streams).
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..messages import msg, text
from .limits import MAX_LIMIT, LimitError, Limits, parse_limit  # noqa: F401  (re-exported)

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 22  # 4 MiB of decompressed XML per scan step
_PROLOG_BYTES = 1 << 16


class UnreadableFileError(InputError):
    """An input file is refused before parsing (wrong type, unsafe, encrypted, empty)."""


@dataclass
class SheetScan:
    """What a byte scan of one worksheet part found."""

    part: str
    cells: int = 0
    has_formulas: bool = False
    merged: list[str] = field(default_factory=list)
    max_row: int = 0
    max_col: int = 0
    far_cell: str = ""

    @property
    def extent(self) -> int:
        """Cells of the grid a reader builds: rows × columns up to the farthest cell."""
        return self.max_row * self.max_col


@dataclass
class WorkbookScan:
    """Result of :func:`check_workbook`: per-sheet scans keyed by archive part name."""

    sheets: dict[str, SheetScan] = field(default_factory=dict)
    uncompressed: int = 0

    @property
    def cells(self) -> int:
        return sum(s.cells for s in self.sheets.values())


def sniff(path: Path, limits: Limits | None = None) -> str:
    """Tell the kind of file at ``path`` from its first bytes.

    Returns
    -------
    str
        ``"xlsx"`` (a zip that will be checked further) or ``"text"`` (CSV/TSV).

    Raises
    ------
    UnreadableFileError
        Empty, too large, ``.xls``, password-protected, or another non-workbook file.
    """
    limits = limits or Limits.from_env()
    name = path.name
    st = path.stat()
    size = st.st_size
    if not stat.S_ISREG(st.st_mode):  # /dev/zero, a FIFO, a socket: no size, maybe no end
        raise UnreadableFileError(
            text("cli.pf_not_regular", file=name), file=name, hint=text("cli.hint_pf_copy")
        )
    if size == 0:
        with path.open("rb") as fh:
            virtual = bool(fh.read(1))  # /proc files report 0 bytes and have content
        if virtual:
            raise UnreadableFileError(
                text("cli.pf_virtual", file=name), file=name, hint=text("cli.hint_pf_copy")
            )
        raise UnreadableFileError(msg("io.empty", file=name), file=name, hint=msg("hint.empty"))
    if size > limits.max_file_bytes:
        raise UnreadableFileError(
            msg("io.too_big", file=name, size=size, limit=limits.max_file_bytes),
            file=name,
            hint=msg("hint.limits"),
        )
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "xlsx"
    if head.startswith(OLE2_MAGIC):
        _refuse_ole2(path, size)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"%pdf"):
        raise UnreadableFileError(msg("io.pdf", file=name), file=name, hint=msg("hint.save_xlsx"))
    if stripped.startswith((b"<!doctype html", b"<html", b"<table")) or (
        stripped.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head
    ):
        raise UnreadableFileError(msg("io.html", file=name), file=name, hint=msg("hint.save_xlsx"))
    if _looks_like_text(head):
        return "text"
    _refuse_nul_text(head, name)
    raise UnreadableFileError(
        msg("io.unknown_type", file=name), file=name, hint=msg("hint.save_xlsx")
    )


_CONTROL_RE = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")


def _refuse_nul_text(head: bytes, name: str) -> None:
    """Text with a few NUL bytes (not UTF-16): an error at the line of the first NUL."""
    nuls = head.count(b"\x00")
    if not nuls or nuls > max(2, len(head) // 20):  # UTF-16 text is half NUL bytes
        return
    rest = head.replace(b"\x00", b"")
    if not _CONTROL_RE.search(rest) and _looks_like_text(rest):
        line = head[: head.index(b"\x00")].count(b"\n") + 1
        raise UnreadableFileError(
            text("cli.pf_csv_line", line=line, problem=text("cli.pf_csv_nul")),
            file=name,
            hint=text("cli.hint_pf_csv"),
        )


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 text (Excel's "Unicode text")
    if b"\x00" in head:
        from ..text_encoding import utf16_without_bom

        return utf16_without_bom(head) is not None  # UTF-16 saved without its BOM
    sample = head[:-4] if len(head) == 8192 else head  # a multibyte char may be cut at the end
    for enc in ("utf-8", "gb18030"):
        try:
            sample.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _refuse_ole2(path: Path, size: int) -> None:
    name = path.name
    with path.open("rb") as fh:
        data = fh.read(min(size, 64 * 1024**2))
    if (
        "EncryptionInfo".encode("utf-16-le") in data
        or "EncryptedPackage".encode("utf-16-le") in data
    ):
        raise UnreadableFileError(
            msg("io.encrypted", file=name), file=name, hint=msg("hint.encrypted")
        )
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        raise UnreadableFileError(msg("io.xls", file=name), file=name, hint=msg("hint.save_xlsx"))
    raise UnreadableFileError(msg("io.ole2", file=name), file=name, hint=msg("hint.save_xlsx"))


def check_workbook(path: Path, limits: Limits | None = None) -> WorkbookScan:
    """Check a zip-based workbook before parsing; return what the scan found.

    Sizes come from the central directory (Python's zip reader never inflates a member beyond
    its declared size), so oversized archives are refused without decompressing anything.
    Every XML part is parsed as a stream (expat) and refused if it holds a DTD or an entity
    declaration anywhere; the worksheets are found through the workbook's relationships
    (whatever their part names) and their cells counted by a real parse, with the extent of
    the grid the cell reader will build (a value in column XFD widens every row).

    Raises
    ------
    UnreadableFileError
        Not a valid workbook archive, over a limit, or containing a DTD/entity declaration.
    """
    limits = limits or Limits.from_env()
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFileError(
            msg("io.bad_zip", file=name, problem=str(exc)), file=name, hint=msg("hint.save_xlsx")
        ) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UnreadableFileError(
                msg("io.members", file=name, n=len(infos), limit=limits.max_members),
                file=name,
                hint=msg("hint.limits"),
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_uncompressed_bytes:
            raise UnreadableFileError(
                msg("io.zip_bomb", file=name, size=total, limit=limits.max_uncompressed_bytes),
                file=name,
                hint=msg("hint.limits"),
            )
        names = {i.filename for i in infos}
        _check_package_kind(zf, names, name)
        scan = WorkbookScan(uncompressed=total)
        xml = [i for i in infos if i.filename.endswith((".xml", ".rels", ".vml"))]
        for info in xml:  # every part: no DTD in the prolog (before any parser runs)
            _check_prolog(zf, info, name)
        sheets = sheet_parts(zf, names, name)
        for info in xml:
            if info.filename in sheets:
                sc = _scan_sheet(zf, info, name)
                scan.sheets[info.filename] = sc
            else:
                _parse_part(zf, info, name)
            if scan.cells > limits.max_cells:
                raise UnreadableFileError(
                    msg("io.cells", file=name, n=scan.cells, limit=limits.max_cells),
                    file=name,
                    hint=msg("hint.limits"),
                )
            sc = scan.sheets.get(info.filename)
            if sc is not None and sc.extent > limits.max_cells:
                raise _grid_error(name, sc, limits)
    return scan


def _grid_error(name: str, sc: SheetScan, limits: Limits) -> UnreadableFileError:
    cell, n = sc.far_cell, sc.extent
    return UnreadableFileError(
        text("cli.pf_grid", file=name, part=sc.part, cell=cell, rows=sc.max_row,
             cols=sc.max_col, n=n, limit=limits.max_cells),
        file=name,
        hint=text("cli.hint_pf_grid"),
    )  # fmt: skip


_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_parts(zf: zipfile.ZipFile, names: set[str], name: str) -> dict[str, str]:
    """``{part name: sheet name}`` of the worksheets, resolved through the relationships.

    The workbook part is found from ``_rels/.rels`` (default ``xl/workbook.xml``); each
    ``<sheet r:id=…>`` is looked up in the workbook's relationships, whatever folder the
    target lies in (``xl/worksheets/sub/…``, an absolute ``/xl/…`` target).
    """
    book = "xl/workbook.xml"
    for rel in _elements(zf, "_rels/.rels", names, name, "Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            book = _resolve("", rel.get("Target", ""))
    rels_part = posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels")
    targets = {
        r.get("Id"): _resolve(posixpath.dirname(book), r.get("Target", ""))
        for r in _elements(zf, rels_part, names, name, "Relationship")
        if r.get("Type", "").endswith("/worksheet") and r.get("TargetMode") != "External"
    }
    out: dict[str, str] = {}
    for sh in _elements(zf, book, names, name, "sheet"):
        part = targets.get(sh.get(f"{_REL_NS} id") or sh.get("id"))
        if part is None:
            continue  # a chartsheet or dialog sheet: no cells
        if part not in names:
            raise UnreadableFileError(
                text("cli.pf_missing_part", file=name, sheet=sh.get("name", "?"), part=part),
                file=name,
                hint=msg("hint.save_xlsx"),
            )
        out[part] = sh.get("name", "")
    return out


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _elements(zf, part: str, names: set[str], name: str, local: str) -> list[dict[str, str]]:
    """Attributes of every ``local`` element of a (small) part; ``[]`` if it is absent."""
    if part not in names:
        return []
    found: list[dict[str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] == local:
            found.append(attrs)

    _expat(zf, zf.getinfo(part), name, start)
    return found


def _parse_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Parse a part to its end with no handlers but the DTD refusal (C speed)."""
    _expat(zf, info, name, None)


def _expat(zf, info, name: str, start) -> None:
    """Stream one part through expat; a DTD or entity declaration anywhere is refused."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_a) -> None:
        raise UnreadableFileError(
            msg("io.dtd", file=name, part=info.filename), file=name, hint=msg("hint.dtd")
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    if start is not None:
        parser.StartElementHandler = start
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise UnreadableFileError(
            text("cli.pf_bad_xml", file=name, part=info.filename, problem=str(exc)),
            file=name,
            hint=msg("hint.save_xlsx"),
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableFileError(
            msg("io.bad_zip", file=name, problem=f"{info.filename}: {exc}"),
            file=name,
            hint=msg("hint.save_xlsx"),
        ) from exc


def _check_package_kind(zf: zipfile.ZipFile, names: set[str], name: str) -> None:
    if "mimetype" in names:
        mime = zf.read("mimetype")[:100]
        if b"opendocument.spreadsheet" in mime:
            raise UnreadableFileError(
                msg("io.ods", file=name), file=name, hint=msg("hint.save_xlsx")
            )
    if "xl/workbook.bin" in names:
        raise UnreadableFileError(msg("io.xlsb", file=name), file=name, hint=msg("hint.save_xlsx"))
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        kind = "word/" if any(n.startswith("word/") for n in names) else ""
        kind = kind or ("ppt/" if any(n.startswith("ppt/") for n in names) else "")
        raise UnreadableFileError(
            msg("io.not_workbook", file=name, kind=kind or "zip"),
            file=name,
            hint=msg("hint.save_xlsx"),
        )


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    with zf.open(info) as fh:
        head = fh.read(_PROLOG_BYTES)
        while head and not _ROOT_RE.search(head) and len(head) < _MAX_PROLOG:
            more = fh.read(_PROLOG_BYTES)
            if not more:
                break
            head += more
    _refuse_dtd(head, info.filename, name)


# the root element: "<" then a name character (not "<?" or "<!"), in UTF-8 or UTF-16
_ROOT_RE = re.compile(rb"<[A-Za-z_]|<\x00[A-Za-z_]|\x00<\x00[A-Za-z_]")
_MAX_PROLOG = 1 << 20


def _refuse_dtd(head: bytes, part: str, name: str) -> None:
    """Refuse a DTD or entity declaration anywhere before the root element (or in ``head``
    when no root element starts within the first MiB)."""
    m = _ROOT_RE.search(head)
    prolog = head[: m.start()] if m else head
    bad = m is None and len(head) >= _MAX_PROLOG
    for enc in ("ascii", "utf-16-le", "utf-16-be"):
        if "<!DOCTYPE".encode(enc) in prolog or "<!ENTITY".encode(enc) in prolog:
            bad = True
    if bad:
        raise UnreadableFileError(
            msg("io.dtd", file=name, part=part), file=name, hint=msg("hint.dtd")
        )


_SML_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_KINDS = {"c": 1, "row": 2, "f": 3, "mergeCell": 4}


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> SheetScan:
    """Parse one worksheet part: count cells, note formulas, collect merged ranges, and
    find the grid's extent (the largest row and column any cell reaches)."""
    out = SheetScan(info.filename)
    state = [0, 0, 0, 0, 0, 0]  # row, col, cells, max row, max col, row of the max col
    kinds = {f"{ns} {local}": k for ns in _SML_NS for local, k in _KINDS.items()}

    def start(tag: str, attrs: dict[str, str]) -> None:
        kind = kinds.get(tag) or _KINDS.get(tag.rpartition(" ")[2], 0)
        if kind == 1:  # a cell
            state[2] += 1
            ref = attrs.get("r")
            letters = ref.rstrip("0123456789") if ref else ""
            if letters and letters.isalpha() and len(letters) <= 3 and ref[len(letters) :]:
                col = _col_number(letters)
                state[0] = int(ref[len(letters) :])
            else:
                col = state[1] + 1
            state[1] = col
            if col > state[4]:
                state[4], state[5] = col, state[0]
            if state[0] > state[3]:
                state[3] = state[0]
        elif kind == 2:  # a row
            r = attrs.get("r", "")
            state[0] = int(r) if r.isdigit() else state[0] + 1
            state[1] = 0
            if state[0] > state[3]:
                state[3] = state[0]
        elif kind == 3:
            out.has_formulas = True
        elif kind == 4 and attrs.get("ref"):
            out.merged.append(attrs["ref"])

    _expat(zf, info, name, start)
    out.cells, out.max_row, out.max_col = state[2], state[3], state[4]
    if out.max_col:
        from openpyxl.utils import get_column_letter

        out.far_cell = f"{get_column_letter(min(out.max_col, 18278))}{state[5]}"
    return out
