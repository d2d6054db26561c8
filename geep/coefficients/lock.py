"""The lock file: content hashes of released editions, one ``LOCK`` per catalogue root.

Format: one line per released edition, ``<table-id>@<edition> <sha256>`` (compensation
schemes: ``schemes/<scheme-id>@<edition> <sha256>``), sorted; lines starting with ``#`` are
comments. A line that is not of that form, or an edition given two different hashes, is an
error naming the line.

The LOCK is consulted for every edition it lists, *whatever that edition's status field says
now*: a released edition that is edited and flipped to ``provisional`` no longer matches its
hash and is refused as tampered (:func:`verify`).

References
----------
DESIGN §3 (a released edition is immutable; loading one whose hash changed is an error).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import CoefficientTableError, TamperedEditionError
from ..messages import Text, text

LOCK_FILE = "LOCK"
_LINE = re.compile(r"^(?P<ref>\S+@\S+)\s+(?P<digest>[0-9a-f]{64})$")


def read_lock(root: Path) -> dict[str, str]:
    """Return ``{"id@edition": sha256}`` recorded in ``root/LOCK`` (empty if absent).

    Raises
    ------
    CoefficientTableError
        A line that is not ``REF SHA256`` or a reference given two different hashes (with
        the line number), or a LOCK that is not UTF-8 text.
    """
    from .yamlsafe import decode_text

    path = Path(root) / LOCK_FILE
    if not path.is_file():
        return {}
    body = decode_text(path.read_bytes(), path, CoefficientTableError)
    out: dict[str, str] = {}
    first: dict[str, int] = {}
    for n, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            raise CoefficientTableError(text("catalogue.lock_line", line=n, text=line[:80]),
                                        file=str(path), row=n,
                                        hint=text("hint.catalogue.lock_line"))  # fmt: skip
        ref, digest = m["ref"], m["digest"]
        if ref in out and out[ref] != digest:
            raise CoefficientTableError(text("catalogue.lock_twice", ref=ref, first=first[ref],
                                             line=n), file=str(path), row=n,
                                        hint=text("hint.catalogue.lock_line"))  # fmt: skip
        out[ref], first[ref] = digest, n
    return out


def write_lock(root: Path, hashes: dict[str, str]) -> Path:
    """Write ``root/LOCK`` atomically with the given hashes (sorted).

    This is the low-level writer; ``geep coefficients lock`` goes through
    :func:`geep.coefficients.update_lock`, which refuses changed released editions and
    folders that are not catalogue roots.
    """
    from ..io.atomic import atomic_write_bytes

    path = Path(root) / LOCK_FILE
    body = "# geep coefficient lock: content hashes of released editions. Do not edit by hand;\n"
    body += "# run `geep coefficients lock` after a reviewed change.\n"
    body += "".join(f"{ref} {digest}\n" for ref, digest in sorted(hashes.items()))
    atomic_write_bytes(path, body.encode("utf-8"))
    return path


def folder_hash(folder: Path) -> str:
    """SHA-256 over every file of ``folder`` (names and bytes, sorted by name)."""
    h = hashlib.sha256()
    for f in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        data = f.read_bytes()
        h.update(f.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def verify(
    key: str,
    status: str,
    digest: str,
    root: Path,
    *,
    label: tuple[str, str],
    file: str,
    shown: str,
) -> None:
    """Check an edition against its root's LOCK, whatever its status field says.

    Parameters
    ----------
    key
        The edition's LOCK key (``id@edition`` / ``schemes/id@edition``).
    status
        Its status field as read now.
    digest
        Its content hash as read now.
    label
        ``(table, edition)`` as the messages name them.
    file, shown
        The error's ``file`` field, and the file(s) the message names.

    Raises
    ------
    TamperedEditionError
        LOCK lists the edition with another hash (edited, or edited and its status lowered),
        or the edition says ``released`` and LOCK does not list it.
    """
    lock = read_lock(root)
    recorded = lock.get(key)
    table, edition = label
    where = {"file": file, "table": table, "edition": edition}
    if recorded is None:
        if status == "released":
            raise TamperedEditionError(
                text("coef.not_locked", table=table, edition=edition, lock=root / LOCK_FILE),
                hint=text("hint.not_locked"), **where,
            )  # fmt: skip
        return
    if recorded == digest:
        return
    message: Text = text("coef.tampered", table=table, edition=edition, file=shown,
                         lock=root / LOCK_FILE)  # fmt: skip
    if status != "released":
        message = message + text("catalogue.status_lowered", status=status)
    raise TamperedEditionError(message, hint=text("hint.tampered", table=table, edition=edition),
                               **where)  # fmt: skip


def __getattr__(name: str):  # the atomic writer was importable from here
    if name == "atomic_write_bytes":
        from ..io.atomic import atomic_write_bytes

        return atomic_write_bytes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["LOCK_FILE", "folder_hash", "read_lock", "verify", "write_lock"]
