"""Compensation and trading workbooks through the shared reader: seconds and peak RSS.

Each case runs the ``geep`` command in a fresh child process (``python -m geep …``), so the
peak resident set size printed is that command's own (``wait4`` rusage). Cases:

* ``trading positions`` on an exported journal of N transactions (default 5,000; the
  generator of ``bench_trading.py``; holders, transactions and emissions sheets, integrity
  chain) — reading, validation, posting, chain verification and positions;
* ``trading validate`` on the same journal;
* ``compensate fen-river`` on a big observations workbook (``--sections`` user sections ×
  ``--years`` × 12 months × COD and NH3-N, with flows and a sections sheet; the generator of
  ``bench_compensation.py``) written to CSV;
* hostile files fed to ``compensate`` and to ``trading validate``: a 70 kB workbook with 16,000
  cells in column XFD (a grid 16,384 cells wide), a zip bomb (a sheet whose declared
  uncompressed size is over ``GEEP_MAX_UNCOMPRESSED_BYTES``, set to 32 MiB for the case) and
  an entity-expansion ("billion laughs") sheet. A child still running after ``--timeout``
  seconds is stopped and reported as such.

Usage::

    python benchmarks/bench_readers.py [--transactions 5000] [--sections 100] [--years 20]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BOMB_LIMIT = 32 * 1024**2


def _journal(path: Path, n: int) -> int:
    from bench_trading import synthetic

    from geep.errors import TradingError
    from geep.trading import Journal, Rules, write_journal

    holders, txns = synthetic(n)
    j = Journal(holders, Rules.load())
    for t in txns:
        with contextlib.suppress(TradingError):
            j.post(t)
    write_journal(j, path)
    return len(j)


def _observations(path: Path, sections: int, years: int) -> tuple[int, int]:
    from bench_compensation import synthetic
    from openpyxl import Workbook

    o, fl, sec = synthetic(sections, years)
    wb = Workbook(write_only=True)
    for title, frame in (("sections", sec), ("observations", o), ("flows", fl)):
        ws = wb.create_sheet(title)
        ws.append(list(frame.columns))
        for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
            ws.append(list(row))
    wb.save(path)
    return len(o), len(fl)


def _plain(sheets: dict[str, list[list]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite(data: bytes, edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = edit(body)
            dst.writestr(info.filename, body)
    return out.getvalue()


def _hostile(folder: Path) -> dict[str, Path]:
    """``{case: path}`` of the hostile workbooks (first sheet: observations / holders)."""
    obs = [["section_id", "period", "indicator", "value", "unit", "status"],
           ["FEN-HXC", "2021-01", "cod", 20, "mg/L", "valid"]]  # fmt: skip
    txn = [["holder_id", "name", "kind", "region_code"], ["A", "a", "enterprise", "140105"]]
    out: dict[str, Path] = {}
    for kind, first in (("obs", obs), ("journal", txn)):
        name = "observations" if kind == "obs" else "holders"
        base = _plain({name: first, **({} if kind == "obs" else {"transactions": [["id"]]})})

        def far(body: bytes) -> bytes:
            rows = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r)
                            for r in range(3, 16_003))  # fmt: skip
            body = re.sub(rb"<dimension[^>]*/>", b"", body)
            return body.replace(b"</sheetData>", rows + b"</sheetData>")

        def bomb(body: bytes) -> bytes:
            row = (
                b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>'
                + b"x" * 200
                + b"</t></is></c></row>"
            )
            n = BOMB_LIMIT // 230 + 10_000
            rows = b"".join(row % (r, r) for r in range(3, n))
            return body.replace(b"</sheetData>", rows + b"</sheetData>")

        def laughs(body: bytes) -> bytes:
            ents = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
                b'<!ENTITY %c "%s">' % (ord("b") + k, (b"&%c;" % (ord("a") + k)) * 10)
                for k in range(8)
            )
            body = re.sub(rb"^<\?xml[^>]*\?>", b"", body)
            body = body.replace(b"<v>2021-01</v>", b"<v>&i;</v>")
            return b'<?xml version="1.0"?><!DOCTYPE worksheet [' + ents + b"]>" + body

        for case, edit in (("xfd", far), ("bomb", bomb), ("entities", laughs)):
            p = folder / f"{kind}-{case}.xlsx"
            p.write_bytes(_rewrite(base, edit))
            out[f"{kind}-{case}"] = p
    return out


#: the child: runs the command and, at exit, prints its own peak RSS (VmHWM of this process
#: image; ``ru_maxrss`` of a child would include the parent's memory at fork time)
CHILD = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    sys.stderr.write("\\n@@peak " + kb + "\\n")
atexit.register(_peak)
from geep.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _hwm(pid: int) -> int:
    """VmHWM [kB] of a running process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return int(next(ln.split()[1] for ln in fh if ln.startswith("VmHWM:")))
    except (OSError, StopIteration, ValueError):
        return 0


def _run(argv: list[str], timeout: float, env: dict[str, str] | None = None) -> str:
    """Run the ``geep`` command ``argv`` in a child: ``"seconds  peak RSS  exit/outcome"``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, *argv], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                            start_new_session=True)  # fmt: skip
    peak = 0
    try:
        err = proc.communicate(timeout=timeout)[1].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        peak = _hwm(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        dt = time.perf_counter() - t0
        return f"{dt:8.2f} s {peak / 1024:8.0f} MiB  stopped after {timeout:.0f} s (still running)"
    dt = time.perf_counter() - t0
    lines = err.splitlines()
    peak = next((int(ln.split()[1]) for ln in lines if ln.startswith("@@peak ")), 0)
    first = next((ln.strip() for ln in lines if "error" in ln.lower()), "")
    return f"{dt:8.2f} s {peak / 1024:8.0f} MiB  exit {proc.returncode} {first[:70]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--transactions", type=int, default=5_000)
    ap.add_argument("--sections", type=int, default=100)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=150.0)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        n = _journal(d / "journal.xlsx", args.transactions)
        n_obs, n_fl = _observations(d / "obs.xlsx", args.sections, args.years)
        hostile = _hostile(d)
        size = (d / "journal.xlsx").stat().st_size / 1024**2
        print(f"journal: {n:,} transactions ({size:.1f} MiB); observations workbook: "
              f"{n_obs:,} observations + {n_fl:,} flows + {args.sections} sections "
              f"({(d / 'obs.xlsx').stat().st_size / 1024**2:.1f} MiB)")  # fmt: skip
        print(f"{'case':<34} {'time':>10} {'peak RSS':>12}")
        cases = [
            ("trading positions (journal)", ["trading", "positions", str(d / "journal.xlsx"),
                                             "--format", "csv"]),
            ("trading validate (journal)", ["trading", "validate", str(d / "journal.xlsx")]),
            ("compensate (observations wb)", ["compensate", "fen-river", str(d / "obs.xlsx"),
                                              "-o", str(d / "s.csv"), "--force"]),
        ]  # fmt: skip
        for label, argv in cases:
            print(f"{label:<34} {_run(argv, args.timeout)}")
        env = {"GEEP_MAX_UNCOMPRESSED_BYTES": str(BOMB_LIMIT)}
        for key, path in hostile.items():
            size_kb = path.stat().st_size / 1024
            if key.startswith("obs"):
                argv = ["compensate", "fen-river", str(path), "-o", str(d / "h.csv"), "--force"]
            else:
                argv = ["trading", "validate", str(path)]
            label = f"{argv[0]} {key.split('-', 1)[1]} ({size_kb:,.0f} kB)"
            print(f"{label:<34} {_run(argv, args.timeout, env)}")


if __name__ == "__main__":
    main()
