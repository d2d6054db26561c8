"""Cost of the integrity chain of exported journals (prints figures).

Usage: ``python benchmarks/bench_journal_chain.py [N_TRANSACTIONS]`` (default 5,000).

Measures, on a synthetic journal (the generator of ``bench_trading.py``):
* chaining the exported rows (canonical text + two SHA-256 per row) against a hand-written
  baseline that hashes the same rows' ``repr`` once each (the least any per-row hash costs);
* the export workbook with the chain, and verifying the chain of the exported workbook
  (read-only openpyxl, every row) — rows/s;
* ``read_journal`` of the export (reading, validation, posting and verification), for scale.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import tempfile
import time
import warnings
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_trading import synthetic

from geep.errors import TradingError
from geep.inputs.report import Report
from geep.trading import Journal, Rules, read_journal, write_journal
from geep.trading.export import _cell, journal_frames
from geep.trading.integrity import chain_rows, verify_workbook


def main(n: int = 5_000) -> None:
    warnings.simplefilter("ignore")
    holders, txns = synthetic(n)
    j = Journal(holders, Rules.load())
    for t in txns:
        with contextlib.suppress(TradingError):
            j.post(t)
    frame = journal_frames(j)["transactions"]
    headers = [str(c) for c in frame.columns]
    rows = [[_cell(v) for v in r] for r in frame.itertuples(index=False)]
    t0 = time.perf_counter()
    chain_rows("transactions", headers, rows)
    chain_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for r in rows:
        hashlib.sha256(repr(r).encode()).hexdigest()
    base_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.xlsx"
        t0 = time.perf_counter()
        write_journal(j, out)
        export_s = time.perf_counter() - t0
        wb = load_workbook(out, read_only=True, data_only=True)
        t0 = time.perf_counter()
        report = Report()
        verify_workbook(wb, out.name, report)
        verify_s = time.perf_counter() - t0
        wb.close()
        t0 = time.perf_counter()
        jw = read_journal(out, strict=False)
        read_s = time.perf_counter() - t0
    m = len(rows) + len(holders)
    print(f"journal integrity chain: {len(rows)} transactions + {len(holders)} holders")
    print(f"  chain rows (in memory):    {chain_s:8.3f} s  {len(rows) / chain_s:10.0f} rows/s"
          f"  ({chain_s / base_s:.1f}x a bare sha256(repr(row)) baseline: {base_s:.3f} s)")  # fmt: skip
    print(f"  export workbook (chained): {export_s:8.2f} s")
    print(f"  verify exported workbook:  {verify_s:8.2f} s  {m / verify_s:10.0f} rows/s"
          f"  ({len(report.errors)} errors)")  # fmt: skip
    print(f"  read_journal (all checks): {read_s:8.2f} s  ({len(jw.report.errors)} errors;"
          f" verification is {verify_s / read_s:.0%} of it)")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
