"""How fast hostile inputs are refused by the pre-flight, and what a legitimate sheet costs.

Cases (each in a fresh child process, so the peak RSS is its own):

* ``xfd``: a 70 kB workbook with 16,000 cells in column XFD (every grid row 16,384 wide);
* ``csv5m``: a 5-million-row land-cover CSV (25 M cells, over the 20 M default limit);
* ``legit``: the pre-flight scan alone of a legitimate 200,000-cell workbook (cells/s).

Prints seconds and peak RSS [MiB] per case. Usage::

    python benchmarks/bench_preflight.py
"""

from __future__ import annotations

import io
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

CHILD = r"""
import sys, time, resource, zipfile
from pathlib import Path
import geep
from geep.io.preflight import UnreadableFileError, check_workbook
path, mode = Path(sys.argv[1]), sys.argv[2]
t = time.perf_counter()
if mode == "scan":
    scan = check_workbook(path)
    n = scan.cells
    outcome = f"scanned {n} cells"
else:
    try:
        geep.read_inputs(path)
        outcome = "accepted"
    except UnreadableFileError as exc:
        outcome = "refused: " + str(exc)[:90]
dt = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{dt:.3f} {rss:.0f} {outcome}")
"""


def _workbook(rows: int, far: bool) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "land_cover"
    ws.append(["region_code", "year", "land_class", "area", "unit"])
    n = 2 if far else rows
    for k in range(n):
        ws.append([str(140000 + k % 1000), 2000 + k % 20, "forest.broadleaf", 1.0, "ha"])
    buf = io.BytesIO()
    wb.save(buf)
    if not far:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                extra = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r)
                                 for r in range(4, 16_004))  # fmt: skip
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
                data = data.replace(b"</sheetData>", extra + b"</sheetData>")
            dst.writestr(info, data)
    return out.getvalue()


def _run(path: Path, mode: str) -> tuple[float, float, str]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True,
                         text=True, check=True)  # fmt: skip
    dt, rss, outcome = out.stdout.strip().split(" ", 2)
    return float(dt), float(rss), outcome


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        xfd = d / "xfd.xlsx"
        xfd.write_bytes(_workbook(0, far=True))
        big = d / "big.csv"
        with big.open("w", encoding="utf-8") as fh:
            fh.write("region_code,year,land_class,area,unit\n")
            fh.write("140105,2020,forest.broadleaf,1.5,ha\n" * 5_000_000)
        legit = d / "legit.xlsx"
        legit.write_bytes(_workbook(40_000, far=False))
        print(f"{'case':8} {'size':>10} {'seconds':>8} {'peak MiB':>9}  outcome")
        for name, path, mode in (("xfd", xfd, "read"), ("csv5m", big, "read"),
                                 ("legit", legit, "scan")):  # fmt: skip
            dt, rss, outcome = _run(path, mode)
            size = path.stat().st_size
            print(f"{name:8} {size:>10,} {dt:>8.2f} {rss:>9.0f}  {outcome}")
            if mode == "scan":
                cells = int(outcome.split()[1])
                print(f"{'':8} pre-flight scan: {cells / dt:,.0f} cells/s")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this driver: {own:.0f} MiB; {time.strftime('%Y-%m-%d')})")


if __name__ == "__main__":
    main()
