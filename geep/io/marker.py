"""The mark geep puts in the workbooks it writes, and how to tell a pristine geep output.

A workbook written through :func:`geep.io.xlsxout.workbook_bytes` carries, in the Dublin Core
``identifier`` of ``docProps/core.xml``, the SHA-256 of every other part of the package:
``geep:sha256:<hex>``. A workbook is a *pristine geep output* when that digest still matches:
opening it in Excel, WPS or LibreOffice and saving it again (for instance after filling in a
template) rewrites the parts, so it no longer matches and geep treats the file as the user's.

A CSV is a geep output when the provenance file geep writes beside it (``<name>.meta.json``
or ``<stem>.meta.json``) is there and holds a JSON object.

An HTML report carries ``<meta name="geep-digest" content="geep:sha256:<hex>">``: the SHA-256 of
the document with the placeholder in place of the digest (:func:`stamp_html`). Any edit of the
file breaks it, and geep then treats the file as the user's.

References
----------
ECMA-376 Part 2 (Open Packaging Conventions) §11 core properties (``dc:identifier``).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

from ..errors import InputError
from ..messages import text

CORE_PART = "docProps/core.xml"
MARK_PREFIX = "geep:sha256:"
#: the identifier written before the digest is known (same length as the final one)
PLACEHOLDER = MARK_PREFIX + "0" * 64
_MARK_RE = re.compile(rb"<dc:identifier>geep:sha256:([0-9a-f]{64})</dc:identifier>")
#: the mark of an HTML report before its digest is known (see :func:`stamp_html`)
HTML_PLACEHOLDER = f'<meta name="geep-digest" content="{PLACEHOLDER}">'
_HTML_RE = re.compile(rb'<meta name="geep-digest" content="geep:sha256:([0-9a-f]{64})">')
#: workbooks larger than this are never inspected (treated as not geep's) [bytes]
MAX_INSPECT_BYTES = 256 * 1024**2


def package_digest(parts: list[tuple[str, bytes]]) -> str:
    """SHA-256 over ``(name, data)`` of every package part except the core properties."""
    h = hashlib.sha256()
    for name, data in parts:
        if name == CORE_PART:
            continue
        h.update(name.encode("utf-8") + b"\0" + str(len(data)).encode("ascii") + b"\0")
        h.update(data)
    return h.hexdigest()


def stamp_core(core: bytes, digest: str) -> bytes:
    """Replace the placeholder identifier in ``core`` by the package digest."""
    return core.replace(PLACEHOLDER.encode("ascii"), (MARK_PREFIX + digest).encode("ascii"))


def is_geep_workbook(path: Path) -> bool:
    """Whether ``path`` is a workbook geep wrote and nobody has saved since."""
    try:
        if Path(path).stat().st_size > MAX_INSPECT_BYTES:
            return False
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > 4 * MAX_INSPECT_BYTES:
                return False
            names = [i.filename for i in infos]
            if CORE_PART not in names:
                return False
            m = _MARK_RE.search(zf.read(CORE_PART))
            if m is None:
                return False
            parts = [(n, zf.read(n)) for n in names if n != CORE_PART]
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError):
        return False
    return package_digest(parts) == m.group(1).decode("ascii")


def stamp_html(data: bytes) -> bytes:
    """Mark an HTML document as geep's: :data:`HTML_PLACEHOLDER` goes right after ``<head>``
    and then receives the digest of the document."""
    head = b"<head>"
    if head not in data or _HTML_RE.search(data) or HTML_PLACEHOLDER.encode("ascii") in data:
        raise InputError(text("io.html_unstampable"))
    data = data.replace(head, head + HTML_PLACEHOLDER.encode("ascii"), 1)
    digest = hashlib.sha256(data).hexdigest()
    return data.replace(PLACEHOLDER.encode("ascii"), (MARK_PREFIX + digest).encode("ascii"), 1)


def is_geep_html(path: Path) -> bool:
    """Whether ``path`` is an HTML report geep wrote and nobody has changed since."""
    try:
        if Path(path).stat().st_size > MAX_INSPECT_BYTES:
            return False
        data = Path(path).read_bytes()
    except OSError:
        return False
    marks = _HTML_RE.findall(data)
    if len(marks) != 1:
        return False
    found = marks[0].decode("ascii")
    blank = data.replace((MARK_PREFIX + found).encode("ascii"), PLACEHOLDER.encode("ascii"), 1)
    return hashlib.sha256(blank).hexdigest() == found


def _meta_candidates(path: Path) -> list[Path]:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    base = stem[: -len(".net")] if stem.endswith(".net") else stem
    return [path.with_name(path.name + ".meta.json"), path.with_name(base + ".meta.json")]


def _is_json_object(path: Path) -> bool:
    try:
        if not path.is_file() or path.stat().st_size > 64 * 1024**2:
            return False
        return isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    except (OSError, ValueError):
        return False


def is_geep_output(path: Path) -> bool:
    """Whether the existing file ``path`` is an output geep wrote (and may replace).

    Workbooks and HTML reports must carry an intact mark (:func:`is_geep_workbook`,
    :func:`is_geep_html`); CSV files need geep's provenance file beside them; ``*.meta.json``
    files must hold a JSON object.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return is_geep_workbook(path)
    if suffix in (".html", ".htm"):
        return is_geep_html(path)
    if suffix == ".csv":
        return any(_is_json_object(p) for p in _meta_candidates(path))
    if path.name.lower().endswith(".meta.json"):
        return _is_json_object(path)
    return False


__all__ = [
    "HTML_PLACEHOLDER",
    "MARK_PREFIX",
    "PLACEHOLDER",
    "is_geep_html",
    "is_geep_output",
    "is_geep_workbook",
    "package_digest",
    "stamp_html",
]
