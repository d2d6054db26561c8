"""The lock file: content hashes of released editions, one ``LOCK`` per catalogue root.

Format: one line per released edition, ``<table-id>@<edition> <sha256>``, sorted; lines
starting with ``#`` are comments.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

LOCK_FILE = "LOCK"


def read_lock(root: Path) -> dict[str, str]:
    """Return ``{"id@edition": sha256}`` recorded in ``root/LOCK`` (empty if absent)."""
    path = Path(root) / LOCK_FILE
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        ref, _, digest = line.partition(" ")
        out[ref] = digest.strip()
    return out


def write_lock(root: Path, hashes: dict[str, str]) -> Path:
    """Write ``root/LOCK`` atomically with the given hashes (sorted)."""
    path = Path(root) / LOCK_FILE
    body = "# geep coefficient lock: content hashes of released editions. Do not edit by hand;\n"
    body += "# run `geep coefficients lock` after a reviewed change.\n"
    body += "".join(f"{ref} {digest}\n" for ref, digest in sorted(hashes.items()))
    atomic_write_bytes(path, body.encode("utf-8"))
    return path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600 files: give the usual permissions (0666 less the umask)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
