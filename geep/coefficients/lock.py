"""The lock file: content hashes of released editions, one ``LOCK`` per catalogue root.

Format: one line per released edition, ``<table-id>@<edition> <sha256>``, sorted; lines
starting with ``#`` are comments.
"""

from __future__ import annotations

from pathlib import Path

from ..io.atomic import atomic_write_bytes  # the one atomic writer (kept importable here)

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
