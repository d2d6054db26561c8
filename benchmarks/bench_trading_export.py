"""The positions workbook in English and in Chinese (prints figures).

Usage: ``python benchmarks/bench_trading_export.py [N_TRANSACTIONS]`` (default 5,000).

On a synthetic journal (the generator of ``bench_trading.py``) measures, for ``lang="en"``
and ``lang="zh"``: the bytes of the export workbook (every sheet, the integrity chain, the
Chinese names beside the codes under zh) in seconds and posted rows per second, against a
hand-written baseline that writes the same frames with bare openpyxl (no styles, no print
setup, no chain, no labels); and ``read_journal`` of each export (reading, validation,
posting and verification of the chain), to show the zh layout reads back at the same cost.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
import warnings
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_trading import synthetic

from geep.errors import TradingError
from geep.trading import Journal, Rules, positions, read_journal
from geep.trading.export import _cell, journal_frames, workbook_bytes


def _baseline(j: Journal) -> float:
    """Seconds to write the journal's frames and positions with bare openpyxl."""
    t0 = time.perf_counter()
    wb = Workbook()
    frames = {**journal_frames(j), "positions": positions(j)}
    for i, (name, frame) in enumerate(frames.items()):
        ws = wb.active if i == 0 else wb.create_sheet(name)
        ws.title = name
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
    wb.save(io.BytesIO())
    return time.perf_counter() - t0


def main(n: int = 5_000) -> None:
    warnings.simplefilter("ignore")
    holders, txns = synthetic(n)
    j = Journal(holders, Rules.load())
    for t in txns:
        with contextlib.suppress(TradingError):
            j.post(t)
    rows = len(j.quantity_postings) + len(j.money_postings) + len(j.transactions)
    base = _baseline(j)
    print(f"positions workbook: {len(j)} transactions, {len(j.holders)} holders, "
          f"{rows} rows of transactions and postings")  # fmt: skip
    print(f"  bare openpyxl baseline:   {base:8.2f} s  {rows / base:10.0f} rows/s")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "zh"):
            t0 = time.perf_counter()
            data = workbook_bytes(j, lang=lang)
            s = time.perf_counter() - t0
            out = Path(tmp) / f"export-{lang}.xlsx"
            out.write_bytes(data)
            t0 = time.perf_counter()
            back = read_journal(out, strict=False)
            r = time.perf_counter() - t0
            print(f"  export {lang}:                {s:8.2f} s  {rows / s:10.0f} rows/s"
                  f"  ({s / base:.1f}x the baseline; {len(data) / 1024**2:.1f} MiB)")  # fmt: skip
            print(f"  read_journal of the {lang}:   {r:8.2f} s  ({len(back.journal)} "
                  f"transactions back, {len(back.report.errors)} errors)")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
