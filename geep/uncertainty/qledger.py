"""The quantile ledger and the draws file.

:class:`QuantileLedger` has the deterministic ledger's keys plus ``deterministic, mean, sd,
q05 … q95, n_draws, seed_entropy, method``; it writes a CSV (+ ``.meta.json`` with the varied
coefficients, the settings and the notes) and a formatted workbook like a
:class:`~geep.ledger.Ledger`, atomically and reproducibly (same seed → same bytes). Draws go to
Parquet, long (``draw, keys…, value`` as float32), for re-aggregation at any level.

References
----------
DESIGN §5 (ledger columns), §11; reference/uncertainty-seea.md §3.2 item 6.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import _formats

NUMBER_COLUMNS = ("quantity", "deterministic", "mean", "sd")


class QuantileLedger:
    """Per line of a ledger: its deterministic value and the distribution of its value.

    Attributes
    ----------
    lines
        One row per ledger line (ledger order).
    meta
        ``uncertainty`` (method, n_draws, seed_entropy, sampling, defaults), ``varied``
        (the coefficients varied and how), ``widths``, ``notes``, ``status``, ``ledger``
        (the deterministic ledger's provenance), ``warnings``.
    """

    def __init__(self, lines: pd.DataFrame, meta: dict[str, Any]) -> None:
        self.lines = lines
        self.meta = meta

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def status(self) -> str:
        return str(self.meta.get("status", "released"))

    @property
    def varied(self) -> pd.DataFrame:
        return pd.DataFrame(self.meta.get("varied", []))

    def number_columns(self) -> list[str]:
        return [c for c in self.lines.columns
                if c in NUMBER_COLUMNS or (c.startswith("q") and c[1:2].isdigit())]  # fmt: skip

    def csv_bytes(self) -> bytes:
        """UTF-8 CSV; numbers in their shortest round-trip form, formula-like text neutralised."""
        df = _formats.get("safety.neutralise_frame")(self.lines)
        for c in self.number_columns():
            v = df[c].to_numpy(dtype=np.float64)
            s = v.astype(str)
            s[np.isnan(v)] = ""
            df[c] = s
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    def meta_bytes(self) -> bytes:
        return (json.dumps(self.meta, ensure_ascii=False, indent=2, sort_keys=True, default=str)
                + "\n").encode("utf-8")  # fmt: skip

    def to_csv(self, path: str | Path) -> Path:
        """Write the lines and ``<path>.meta.json``, atomically."""
        write = _formats.get("atomic.write_bytes")
        path = Path(path)
        write(path, self.csv_bytes())
        write(path.with_name(path.name + ".meta.json"), self.meta_bytes())
        return path

    def to_excel(self, path: str | Path, lang: str = "en") -> Path:
        """A workbook: quantiles, varied coefficients, settings, notes (see
        :func:`geep.io.uncertainty_excel.write_quantile_ledger`)."""
        return _formats.get("uncertainty.write_ledger")(self, path, lang=lang)

    def write(self, path: str | Path, lang: str = "en") -> Path:
        """``.csv`` or ``.xlsx`` by the file's suffix."""
        return (
            self.to_csv(path) if Path(path).suffix.lower() == ".csv" else self.to_excel(path, lang)
        )

    def __repr__(self) -> str:
        u = self.meta.get("uncertainty", {})
        return (f"QuantileLedger: {len(self)} lines, {u.get('n_draws')} draws, "
                f"{u.get('varied')} coefficients varied, {u.get('method')}")  # fmt: skip


def parquet_bytes(keys: pd.DataFrame, it: Iterator[tuple[slice, np.ndarray]], n_draws: int,
                  meta: dict[str, Any]) -> bytes:  # fmt: skip
    """Long draws as Parquet: one row group per block of groups; keys as dictionaries."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    keys = keys.reset_index(drop=True)
    schema_fields = [pa.field("draw", pa.int32())]
    cols = list(keys.columns)
    sample = pa.Table.from_pandas(keys.head(0), preserve_index=False)
    schema_fields += [sample.schema.field(c) for c in cols]
    schema = pa.schema([*schema_fields, pa.field("value", pa.float32())],
                       metadata={"geep": json.dumps(meta, ensure_ascii=False, default=str)})  # fmt: skip
    buf = io.BytesIO()
    with pq.ParquetWriter(buf, schema, compression="zstd") as w:
        for blk, v in it:
            k = keys.iloc[blk]
            n_g = len(k)
            rep = k.take(np.repeat(np.arange(n_g), n_draws)).reset_index(drop=True)
            arrays = {"draw": pa.array(np.tile(np.arange(n_draws, dtype=np.int32), n_g))}
            for c in cols:
                arrays[c] = pa.Array.from_pandas(rep[c], type=schema.field(c).type)
            arrays["value"] = pa.array(v.reshape(-1).astype(np.float32))
            w.write_table(pa.table(arrays, schema=schema))
    return buf.getvalue()


def write_draws_parquet(path: str | Path, keys: pd.DataFrame,
                        it: Iterator[tuple[slice, np.ndarray]], n_draws: int,
                        meta: dict[str, Any]) -> Path:  # fmt: skip
    """Write :func:`parquet_bytes` to ``path`` atomically."""
    path = Path(path)
    _formats.get("atomic.write_bytes")(path, parquet_bytes(keys, it, n_draws, meta))
    return path


__all__ = ["QuantileLedger", "parquet_bytes", "write_draws_parquet"]
