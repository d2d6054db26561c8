"""Time the edition catalogue: tables, schemes and profiles, cold and warm; and how fast a
hostile user folder (a 1 kB YAML alias bomb) is refused.

Cold: caches cleared (index, tables, unit parsing), so every ``table.yaml`` and ``table.csv``
is read, validated, unit-checked and hash-checked against ``LOCK``. Warm: the same call again,
served from the caches. Prints seconds and editions per second.

The alias bomb (nine levels of nine aliases, 10⁹ nodes when expanded, 1 kB on disk) is a user
table in a folder passed with ``--path``; ``geep coefficients show`` is run on it in a child
process limited to ``--bomb-memory`` MiB of address space and ``--bomb-timeout`` seconds, and
the wall time, peak RSS and outcome are printed.

Usage::

    python benchmarks/bench_catalog.py [--repeat N] [--bomb-memory MIB] [--bomb-timeout S]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import geep.coefficients as C
from geep import compensation, units


def _clear() -> None:
    C.clear_cache()
    compensation.clear_cache()
    units.parse_unit.cache_clear()
    units._factor.cache_clear()


def _time(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _profiles() -> int:
    names = C.profiles()
    for n in names:
        C.load_profile(n)
    return len(names)


def _rounds(fn, repeat: int) -> tuple[list[float], list[float], object]:
    cold, warm, out = [], [], None
    for _ in range(repeat):
        _clear()
        dt, out = _time(fn)
        cold.append(dt)
        dt, _ = _time(fn)
        warm.append(dt)
    return cold, warm, out


def _print(what: str, n: int, cold: list[float], warm: list[float]) -> None:
    for name, times in (("cold", cold), ("warm", warm)):
        best, med = min(times), statistics.median(times)
        print(f"  {what} {name}: best {best:.4f} s, median {med:.4f} s over {len(times)} runs; "
              f"{n / best:,.0f} editions/s (best)")  # fmt: skip


BOMB = (
    "id: t\nedition: v1\ntitle: {en: T, zh: T}\nkind: parameters\njurisdiction: CN\n"
    "publisher: test\nlicense: CC0-1.0\nstatus: draft\nkey: [parameter]\nsources: {S1: one}\n"
    "columns:\n  parameter: {dtype: str}\n  value: {dtype: float}\n  evidence: {dtype: str}\n"
    "  source: {dtype: str}\n  note:\n    dtype: str\n    nullable: true\n"
    "    allowed: &l0 [x, x, x, x, x, x, x, x, x]\n"
)


def _bomb_folder(root: Path) -> Path:
    text = BOMB
    for i in range(1, 9):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        text += f"  c{i}:\n    dtype: str\n    nullable: true\n    allowed: &l{i} [{refs}]\n"
    folder = root / "t" / "v1"
    folder.mkdir(parents=True)
    (folder / "table.yaml").write_text(text, encoding="utf-8")
    head = "parameter,value,evidence,source,note," + ",".join(f"c{i}" for i in range(1, 9))
    (folder / "table.csv").write_text(head + "\nx,1,published,S1,,,,,,,,,\n", encoding="utf-8")
    return folder / "table.yaml"


def _bomb(memory_mib: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _bomb_folder(Path(tmp))
        limit = memory_mib * 2**20

        def cap() -> None:  # in the child, before exec
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        code = ("import resource, sys, time\nfrom geep.cli import main\nt = time.perf_counter()\n"
                f"rc = main(['coefficients', '--path', {tmp!r}, 'show', 't@v1', '--format', "
                "'json'])\nrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
                "print(f'RESULT rc={rc} {time.perf_counter() - t:.3f} s peak {rss:.0f} MiB', "
                "file=sys.stderr)\n")  # fmt: skip
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  timeout=timeout, preexec_fn=cap)  # fmt: skip
        except subprocess.TimeoutExpired:
            print(f"  alias bomb ({path.stat().st_size} B): not refused within {timeout:.0f} s")
            return
        wall = time.perf_counter() - t0
        result = [ln for ln in proc.stderr.splitlines() if ln.startswith("RESULT")]
        if result:
            outcome = result[0].removeprefix("RESULT ")
        else:
            last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
            outcome = f"exit {proc.returncode}: {last[:100]}"
        print(f"  alias bomb ({path.stat().st_size} B, memory cap {memory_mib} MiB): {outcome}; "
              f"process wall time {wall:.2f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="number of cold/warm rounds")
    parser.add_argument("--bomb-memory", type=int, default=2048, help="child memory cap [MiB]")
    parser.add_argument("--bomb-timeout", type=float, default=60.0, help="child time limit [s]")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    cold, warm, cat = _rounds(C.catalog, args.repeat)
    n_rows = int(cat["rows"].sum())
    print(f"tables: {len(cat)} editions, {n_rows} rows, root {C.shipped_root()}")
    _print("catalog()", len(cat), cold, warm)
    cold, warm, sch = _rounds(compensation.schemes, args.repeat)
    print(f"schemes: {len(sch)} editions")
    _print("schemes()", len(sch), cold, warm)
    cold, warm, n = _rounds(_profiles, args.repeat)
    print(f"profiles: {n}")
    _print("profiles + load_profile", n, cold, warm)
    print("hostile user folder:")
    _bomb(args.bomb_memory, args.bomb_timeout)


if __name__ == "__main__":
    main()
