"""Batch runs: every input file of a folder, in parallel processes, one bad file never stops
the others.

Outputs: ``ledgers/<name>.xlsx`` per input that ran, ``combined.xlsx`` and ``combined.csv``
(every ledger together), ``summary.xlsx`` (each file's status and problems, with cells). Files
are taken in name order and nothing time-dependent is written: same inputs, same bytes.
Nothing is silent or stale:

* two inputs with lines of one region, year and account give no combined ledger
  (:mod:`geep.io.batch_overlap`: it would count them twice);
* the combined ledger names every input file that did not run and says that its totals are
  incomplete (a first sheet ``INCOMPLETE`` / ``不完整``, its warnings and ``meta["missing_files"]``
  in the workbook and in the CSV's ``.meta.json``);
* output names are unique and stable (:func:`output_names`), or the clash is an error;
* existing files are replaced only if they are geep outputs (or with ``force``), never an
  input; ledgers of an earlier run that this run did not write are removed, so the folder
  never shows a ledger beside a summary that says its input is now invalid;
* Ctrl-C cancels the queue and stops the workers promptly; every file written is complete
  (:mod:`geep.io.atomic`), the summary lists the files not run as ``cancelled``."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import GeepError
from ..inputs.report import Issue
from ..ledger import Ledger, merge_meta
from ..messages import label, msg, text
from .atomic import (
    OutputPolicy,
    atomic_write_bytes,
    guard_output,
    output_policy,
    stale_temporaries,
)
from .batch_overlap import overlap
from .marker import is_geep_output
from .preflight import UnreadableFileError
from .writer import Book

INPUT_EXTENSIONS = (".xlsx", ".xlsm", ".csv", ".xls")
COMBINED = ("combined.xlsx", "combined.csv", "combined.csv.meta.json")
SUMMARY = "summary.xlsx"


class BatchNameError(GeepError, ValueError):
    """Two input files would write the same ledger (a usage problem: rename one)."""


@dataclass
class FileResult:
    """Outcome of one input file: ``status`` is ``ok``, ``invalid`` (input errors),
    ``failed`` (the run itself failed) or ``cancelled`` (not run: the batch was interrupted)."""

    file: str
    status: str
    message: str = ""
    output: str = ""
    lines: int = 0
    sha256: str = ""
    issues: list[Issue] = field(default_factory=list)
    ledger: Ledger | None = None

    @property
    def n_errors(self) -> int:
        return sum(i.severity == "error" for i in self.issues)


@dataclass
class BatchResult:
    """All file results (in file-name order) and the combined ledger, if any file ran.

    ``removed``: stale outputs of an earlier run, deleted; ``foreign``: files in the ledgers
    folder that are neither this run's nor geep's (left as is)."""

    results: list[FileResult]
    combined: Ledger | None
    removed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    interrupted: bool = False
    overlap: object = None  #: why no combined ledger was written (inputs that overlap)

    @property
    def ok(self) -> bool:
        return self.overlap is None and all(r.status == "ok" for r in self.results)

    @property
    def missing(self) -> list[FileResult]:
        """The files left out of the combined ledger."""
        return [r for r in self.results if r.status != "ok"]


def input_files(folder: Path) -> list[Path]:
    """Input files of ``folder`` in name order (spreadsheet lock files and hidden files skipped)."""
    skip = ("~$", ".", ".~lock")
    found = [p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith(skip)]
    return sorted((p for p in found if p.suffix.lower() in INPUT_EXTENSIONS), key=lambda p: p.name)


def output_names(files: list[Path]) -> dict[str, str]:
    """Ledger file name per input, unique (also where letter case does not count) and stable.

    ``a.xlsx`` → ``a.xlsx``; inputs whose stems clash keep their suffix (``a_csv.xlsx``); a
    name that still clashes (``a.csv`` beside ``a_csv.xlsx``) becomes the whole input name
    (``a.csv.xlsx``).

    Raises
    ------
    BatchNameError
        If two inputs still map to one name (they differ only in letter case).
    """
    stems: dict[str, int] = {}
    for p in files:
        stems[p.stem.casefold()] = stems.get(p.stem.casefold(), 0) + 1
    names = {
        p.name: f"{p.stem}.xlsx"
        if stems[p.stem.casefold()] == 1
        else f"{p.stem}_{p.suffix[1:]}.xlsx"
        for p in files
    }
    for _ in range(2):
        seen: dict[str, list[str]] = {}
        for src, out in names.items():
            seen.setdefault(out.casefold(), []).append(src)
        clash: set[str] = set()
        for group in (g for g in seen.values() if len(g) > 1):
            derived = {src for src in group if stems[Path(src).stem.casefold()] > 1}
            clash |= derived or set(group)  # rename the suffix-derived names first
        if not clash:
            return names
        names = {src: (f"{src}.xlsx" if src in clash else out) for src, out in names.items()}
    group = sorted(clash)
    raise BatchNameError(
        text("cli.batch_clash", files=", ".join(group), name=names[group[0]]),
        hint=text("cli.hint_batch_clash"),
        file=group[0],
    )


def process_file(
    path: Path,
    out: Path,
    method: str = "all",
    profiles: Mapping[str, str] | None = None,
    price_year: int | None = None,
    lang: str = "en",
    policy: OutputPolicy | None = None,
    unit: str | None = None,
) -> FileResult:
    """Read, validate and run one file, writing its ledger to ``out``. Never raises
    (except ``KeyboardInterrupt``)."""
    from .pipeline import required_tables, run_methods, write_ledger
    from .read import read_inputs

    name = path.name
    policy = policy or OutputPolicy((path,), False)
    try:
        with output_policy(policy.inputs, policy.force):
            inputs = read_inputs(path, strict=False, require=required_tables(method))
            digest = inputs.sources.get(name, "").partition("sha256=")[2].partition(";")[0]
            res = FileResult(name, "ok", sha256=digest, issues=list(inputs.report.issues))
            if not inputs.report.ok:
                first = inputs.report.errors[0]
                res.status = "invalid"
                res.message = text("cli.batch_first_error", n=res.n_errors, where=first.where,
                                   problem=first.problem).render(lang)  # fmt: skip
                return res
            ledger = run_methods(inputs, method, profiles=profiles, price_year=price_year)
            write_ledger(ledger, out, lang, unit=unit)
        res.output = out.name
        res.lines = len(ledger)
        res.ledger = ledger
        return res
    except UnreadableFileError as exc:
        issue = Issue("file", name, None, None, exc.message, exc.hint or "")
        return FileResult(name, "invalid", str(exc), issues=[issue])
    except GeepError as exc:
        issue = Issue("run", name, None, None, exc.message, exc.hint or "")
        return FileResult(name, "failed", str(exc), issues=[issue])
    except Exception as exc:  # one bad file never stops the batch
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        issue = Issue("run", name, None, None, f"unexpected error: {detail}",
                      "please report this file to the geep maintainers")  # fmt: skip
        return FileResult(name, "failed", detail, issues=[issue])


def _cancelled(name: str) -> FileResult:
    why = msg("cli.batch_cancelled")
    return FileResult(name, "cancelled", why, issues=[Issue("run", name, None, None, why, "")])


# --- worker processes: stop promptly on Ctrl-C ----------------------------------------------
_STOP = False  # set in a worker by SIGINT: the files still queued there are not run
_BUSY = False  # a file is being processed: SIGINT interrupts it


def _on_sigint(signum, frame) -> None:  # pragma: no cover - runs in worker processes
    global _STOP
    _STOP = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the group's Ctrl-C and the relay: one is enough
    if _BUSY:
        raise KeyboardInterrupt


def _quiet_interrupts(unraisable) -> None:  # pragma: no cover - runs in worker processes
    """Say nothing of an interrupt Python dropped in a finaliser (the worker stops anyway)."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def _worker_init() -> None:  # pragma: no cover - runs in worker processes
    signal.signal(signal.SIGINT, _on_sigint)
    sys.unraisablehook = _quiet_interrupts


def _work(path: Path, *args) -> FileResult:  # pragma: no cover - runs in worker processes
    global _BUSY
    if _STOP:
        return _cancelled(path.name)
    _BUSY = True
    try:
        return process_file(path, *args)
    except KeyboardInterrupt:
        return _cancelled(path.name)
    finally:
        _BUSY = False


def _stop_workers(pool: ProcessPoolExecutor, futures: dict[Future, str]) -> None:
    """Cancel the queue and interrupt the workers (they finish the file being written)."""
    for fut in futures:
        fut.cancel()
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            os.kill(proc.pid, signal.SIGINT)
    pool.shutdown(wait=True, cancel_futures=True)


def _run_pool(files, args, jobs, results, on_done) -> bool:
    """Run the files in worker processes; return ``True`` if interrupted (Ctrl-C).

    In this process Ctrl-C only sets a flag that the wait loop checks: an interrupt raised at
    an arbitrary point (inside a finaliser, say) would print a traceback instead of stopping.
    """
    from concurrent.futures import FIRST_COMPLETED, wait

    stop = {"now": False}

    def on_sigint(signum, frame) -> None:
        stop["now"] = True

    previous = signal.signal(signal.SIGINT, on_sigint)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_worker_init)
    futures = {pool.submit(_work, *args[p.name]): p.name for p in files}
    pending = set(futures)
    try:
        while pending and not stop["now"]:
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for fut in done:
                _collect(fut, futures[fut], results, on_done)
        if stop["now"]:
            _stop_workers(pool, futures)
            for fut, name in futures.items():
                if name not in results and fut.done() and not fut.cancelled():
                    _collect(fut, name, results, None)
            return True
        pool.shutdown(wait=True)
        return False
    finally:
        signal.signal(signal.SIGINT, previous)


def _collect(fut: Future, name: str, results: dict, on_done) -> None:
    try:
        results[name] = fut.result()
    except Exception as exc:  # a worker process died
        why = msg("cli.batch_worker", problem=repr(exc))
        results[name] = FileResult(name, "failed", why,
                                   issues=[Issue("run", name, None, None, why, "")])  # fmt: skip
    if on_done:
        on_done(results[name])


def _targets(outdir: Path, names: dict[str, str]) -> list[Path]:
    ledgers = outdir / "ledgers"
    return (
        [ledgers / n for n in names.values()] + [outdir / c for c in COMBINED] + [outdir / SUMMARY]
    )


def run_batch(
    folder: Path,
    outdir: Path,
    *,
    jobs: int | None = None,
    method: str = "all",
    profiles: Mapping[str, str] | None = None,
    price_year: int | None = None,
    lang: str = "en",
    on_done: Callable[[FileResult], None] | None = None,
    force: bool = False,
    unit: str | None = None,
) -> BatchResult:
    """Process every input file of ``folder`` into ``outdir``; see the module docstring.

    Parameters
    ----------
    jobs
        Worker processes (default: the number of CPUs); ``1`` runs in this process.
    on_done
        Called with each :class:`FileResult` as it finishes (progress display).
    force
        Replace existing output files that are not geep outputs (inputs never).
    unit
        Money unit of the ledgers' summary sheets (元, 万元 or 亿元).

    Raises
    ------
    BatchNameError
        Two inputs would write the same ledger.
    OutputExistsError
        An output file exists and is not a geep output (without ``force``), or is an input.
    KeyboardInterrupt
        After Ctrl-C, once the workers have stopped and the summary is written.
    """
    folder, outdir = Path(folder), Path(outdir)
    files = input_files(folder)
    names = output_names(files)
    policy = OutputPolicy(tuple(files), force)
    for target in _targets(outdir, names):  # refuse before any work
        guard_output(target, inputs=files, force=force)
    ledgers_dir = outdir / "ledgers"
    ledgers_dir.mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    args = {p.name: (p, ledgers_dir / names[p.name], method, profiles, price_year, lang, policy,
                     unit) for p in files}  # fmt: skip
    results: dict[str, FileResult] = {}
    interrupted = False
    if jobs == 1 or len(files) <= 1:
        try:
            for p in files:
                results[p.name] = process_file(*args[p.name])
                if on_done:
                    on_done(results[p.name])
        except KeyboardInterrupt:
            interrupted = True
    else:
        interrupted = _run_pool(files, args, jobs, results, on_done)
    ordered = [results.get(p.name) or _cancelled(p.name) for p in files]
    with output_policy(files, force):
        out = _finish(ordered, outdir, names, lang, force, interrupted, unit)
    if interrupted:
        raise KeyboardInterrupt
    return out


def _finish(ordered, outdir, names, lang, force, interrupted, unit=None) -> BatchResult:
    """Write the combined ledger and the summary; remove stale outputs of earlier runs."""
    ledgers_dir = outdir / "ledgers"
    done = [r for r in ordered if r.ledger is not None]
    clash = None if interrupted else overlap(done)  # two files, one region-year: not added
    combined = None if interrupted or clash else _combined(done, ordered, lang)
    written = {r.output for r in done}
    if combined is not None:
        atomic_write_bytes(outdir / COMBINED[0], _combined_bytes(combined, ordered, lang, unit))
        combined.to_csv(outdir / COMBINED[1])
    write_summary(ordered, outdir / SUMMARY, lang)
    removed, foreign = [], []
    stale = [p for p in sorted(ledgers_dir.iterdir()) if p.is_file() and p.name not in written]
    if combined is None:
        stale += [outdir / c for c in COMBINED if (outdir / c).is_file()]
    ours = set(names.values())
    for p in stale:
        if p.name.startswith(".") and p.name.endswith(".tmp"):
            continue
        if is_geep_output(p) or (force and p.name in ours):
            p.unlink()
            removed.append(str(p.relative_to(outdir)))
        else:
            foreign.append(str(p.relative_to(outdir)))
    for tmp in stale_temporaries(ledgers_dir):  # left by a worker that was killed
        if any(tmp.name.startswith(f".{n}.") for n in ours):
            tmp.unlink()
    return BatchResult(ordered, combined, removed, foreign, interrupted, clash)


def _combined(done: list[FileResult], ordered: list[FileResult], lang: str) -> Ledger | None:
    if not done:
        return None
    ledgers = [r.ledger for r in done if r.ledger is not None]
    meta = merge_meta([lg.meta for lg in ledgers])
    meta["inputs"] = {k: v for lg in ledgers for k, v in sorted(lg.meta.get("inputs", {}).items())}
    profiles: dict[str, str] = {}
    for lg in ledgers:
        profiles.update(lg.meta.get("profiles", {}))
    meta["profiles"] = profiles
    meta.pop("profile", None)
    meta["files"] = [r.file for r in done]
    missing = [r for r in ordered if r.ledger is None]
    meta["complete"] = not missing
    meta["missing_files"] = [{"file": r.file, "status": r.status} for r in missing]
    if missing:
        note = _incomplete_text(missing, len(ordered))
        meta["warnings"] = [note.render(lang), *list(meta.get("warnings", []))]
    lines = pd.concat([lg.lines for lg in ledgers], ignore_index=True)
    return Ledger(lines, meta)


def _incomplete_text(missing: list[FileResult], total: int):
    files = ", ".join(f"{r.file} ({r.status})" for r in missing)
    return text("cli.batch_incomplete", n=len(missing), total=total, files=files)


def _combined_bytes(combined: Ledger, ordered: list[FileResult], lang: str,
                    unit: str | None = None) -> bytes:  # fmt: skip
    """The combined ledger workbook; if files are missing, a first sheet that lists them."""
    from ..messages import language_scope
    from .ledger_excel import ledger_book

    book = ledger_book(combined, lang, unit)
    missing = [r for r in ordered if r.ledger is None]
    if missing:
        with language_scope(lang):
            ws = book.wb.create_sheet(msg("cli.batch_missing_sheet"), 0)
            book.line(ws, msg("cli.batch_missing_head"), bold=True)
            book.banner(ws, str(_incomplete_text(missing, len(ordered))))
            book.line(ws)
            frame = pd.DataFrame([(r.file, msg(f"batch.status.{r.status}"), r.message)
                                  for r in missing],
                                 columns=[msg("batch.col.file"), msg("batch.col.status"),
                                          msg("batch.col.message")])  # fmt: skip
            book.table(ws, frame, start_row=ws.max_row + 1, max_width=100)
        book.wb.active = 0
    return book.bytes()


def _safe(v: object) -> object:
    from .xlsxout import cell_value

    return cell_value(v)


def write_summary(results: list[FileResult], path: Path, lang: str = "en") -> Path:
    """Write the batch summary workbook: one row per file, then every problem found — headers
    in the user's language (the machine names below them under zh)."""
    from ..messages import language_scope

    files = pd.DataFrame(
        [
            {
                "file": r.file,
                "status": r.status,
                "errors": r.n_errors,
                "warnings": sum(i.severity == "warning" for i in r.issues),
                "notes": sum(i.severity == "note" for i in r.issues),
                "lines": r.lines,
                "ledger": f"ledgers/{r.output}" if r.output else "",
                "sha256": r.sha256,
                "message": r.message,
            }
            for r in results
        ],
        columns=["file", "status", "errors", "warnings", "notes", "lines", "ledger", "sha256",
                 "message"],
    )  # fmt: skip
    problems = pd.DataFrame(
        [
            {"file": r.file, "severity": label("severity", i.severity), "table": i.table, "where": i.where,
             "column": i.column, "value": i.value, "problem": str(i.problem),
             "hint": str(i.hint)}
            for r in results
            for i in r.issues
        ],
        columns=["file", "severity", "table", "where", "column", "value", "problem", "hint"],
    )  # fmt: skip
    book = Book(lang)
    with language_scope(lang):
        for sheet, frame in (("batch.sheet.files", files), ("batch.sheet.problems", problems)):
            cols = list(frame.columns)
            heads = [msg(f"batch.col.{c}") for c in cols]
            book.table(book.sheet(msg(sheet)), frame, headers=heads,
                       second=cols if lang == "zh" else None, max_width=80)  # fmt: skip
    return book.save(path)
