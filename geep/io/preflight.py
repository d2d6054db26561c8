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

import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..messages import msg

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 22  # 4 MiB of decompressed XML per scan step
_PROLOG_BYTES = 1 << 16


class UnreadableFileError(InputError):
    """An input file is refused before parsing (wrong type, unsafe, encrypted, empty)."""


@dataclass(frozen=True)
class Limits:
    """Safety limits for input workbooks.

    Attributes
    ----------
    max_file_bytes
        Largest input file on disk [bytes].
    max_uncompressed_bytes
        Largest total uncompressed size of a workbook's members [bytes].
    max_cells
        Largest number of cells over all worksheets.
    max_members
        Largest number of archive members.
    """

    max_file_bytes: int = 512 * 1024**2
    max_uncompressed_bytes: int = 1024**3
    max_cells: int = 20_000_000
    max_members: int = 10_000

    @classmethod
    def from_env(cls, **overrides: int | None) -> Limits:
        """Defaults, overridden by ``GEEP_MAX_*`` variables, overridden by ``overrides``."""
        values: dict[str, int] = {}
        for name in ("max_file_bytes", "max_uncompressed_bytes", "max_cells", "max_members"):
            env = os.environ.get(f"GEEP_{name.upper()}")
            if env:
                try:
                    values[name] = int(float(env))
                except ValueError as exc:
                    raise UnreadableFileError(
                        f"environment variable GEEP_{name.upper()}={env!r} is not a number"
                    ) from exc
            if overrides.get(name) is not None:
                values[name] = int(overrides[name])  # type: ignore[arg-type]
        return cls(**values)


@dataclass
class SheetScan:
    """What a byte scan of one worksheet part found."""

    part: str
    cells: int = 0
    has_formulas: bool = False
    merged: list[str] = field(default_factory=list)


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
    size = path.stat().st_size
    if size == 0:
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
    raise UnreadableFileError(
        msg("io.unknown_type", file=name), file=name, hint=msg("hint.save_xlsx")
    )


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 text (Excel's "Unicode text")
    if b"\x00" in head:
        return False
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
    """Check a zip-based workbook before parsing; return what the byte scan found.

    Sizes come from the central directory (Python's zip reader never inflates a member beyond
    its declared size), so oversized archives are refused without decompressing anything.
    Every XML part's prolog is checked for a DTD; every worksheet is scanned for cells,
    formulas and merged ranges.

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
        for info in infos:
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            if info.filename.startswith("xl/worksheets/") and info.filename.count("/") == 2:
                scan.sheets[info.filename] = _scan_sheet(zf, info, name)
            else:
                _check_prolog(zf, info, name)
            if scan.cells > limits.max_cells:
                raise UnreadableFileError(
                    msg("io.cells", file=name, n=scan.cells, limit=limits.max_cells),
                    file=name,
                    hint=msg("hint.limits"),
                )
    return scan


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


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")
_PREFIX_RE = re.compile(rb"<(\w+:)?worksheet[\s>]")


def _scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> SheetScan:
    """Stream one worksheet part: count cells, note formulas, collect merged ranges."""
    out = SheetScan(info.filename)
    tail = b""
    first = True
    cell_pats: tuple[bytes, ...] = (b"<c ", b"<c>")
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                if first:
                    _refuse_dtd(chunk, info.filename, name)
                    m = _PREFIX_RE.search(chunk[:_PROLOG_BYTES])
                    if m and m.group(1):
                        p = m.group(1)
                        cell_pats = (b"<" + p + b"c ", b"<" + p + b"c>")
                    first = False
                buf = tail + chunk
                k = len(tail)
                for pat in cell_pats:
                    # matches wholly inside the tail were counted with the previous chunk
                    out.cells += buf.count(pat) - tail.count(pat)
                if not out.has_formulas and _FORMULA_RE.search(buf):
                    out.has_formulas = True
                for m in _MERGE_RE.finditer(buf):
                    if m.end() > k:
                        out.merged.append(m.group(1).decode("ascii"))
                tail = buf[-256:]
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableFileError(
            msg("io.bad_zip", file=name, problem=f"{info.filename}: {exc}"),
            file=name,
            hint=msg("hint.save_xlsx"),
        ) from exc
    return out
