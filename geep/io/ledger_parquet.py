"""Ledgers as Parquet (national ledgers of millions of lines): columnar, categorical text kept
as dictionary-encoded columns, provenance in the file's key-value metadata (``geep_meta``) —
the same JSON as a CSV's ``.meta.json``. Needs pyarrow (the ``uncertainty`` extra has it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..messages import text
from .atomic import atomic_write_bytes

if TYPE_CHECKING:
    from ..ledger import Ledger

META_KEY = b"geep_meta"


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(text("parquet.no_pyarrow"), hint=text("parquet.hint_pyarrow")) from exc
    return pa, pq


def write_ledger_parquet(ledger: Ledger, path: str | Path) -> Path:
    """Write ``ledger`` as a Parquet file (atomically; identical ledgers give identical bytes)."""
    import io

    pa, pq = _pyarrow()
    table = pa.Table.from_pandas(ledger._lines, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[META_KEY] = ledger.meta_bytes()
    table = table.replace_schema_metadata(meta)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=False)
    path = Path(path)
    atomic_write_bytes(path, buf.getvalue())
    return path


def read_ledger_parquet(path: Path) -> Ledger:
    """Read a ledger written by :func:`write_ledger_parquet`."""
    from ..ledger import Ledger

    pa, pq = _pyarrow()
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(text("parquet.unreadable", file=path.name, problem=str(exc)),
                         file=path.name) from exc  # fmt: skip
    raw = (table.schema.metadata or {}).get(META_KEY)
    try:
        meta = json.loads(raw) if raw else {}
    except ValueError as exc:
        raise InputError(text("parquet.bad_meta", file=path.name), file=path.name) from exc
    return Ledger(table.to_pandas(), meta, presorted=True)


__all__ = ["read_ledger_parquet", "write_ledger_parquet"]
