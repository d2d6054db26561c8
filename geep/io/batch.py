"""Batch runs: every input file of a folder, in parallel processes, one bad file never stops
the others.

Outputs in the output folder: ``ledgers/<name>.xlsx`` per input that ran, ``combined.xlsx``
and ``combined.csv`` (every ledger together), and ``summary.xlsx`` (each file's status, and
every problem found with its cell). Files are taken in name order and nothing time-dependent
is written, so the same inputs give the same output bytes.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..errors import GeepError
from ..inputs.report import Issue
from ..ledger import Ledger, merge_meta
from .preflight import UnreadableFileError
from .xlsxout import save_workbook, write_frame

INPUT_EXTENSIONS = (".xlsx", ".xlsm", ".csv", ".xls")


@dataclass
class FileResult:
    """Outcome of one input file: ``status`` is ``ok``, ``invalid`` (input errors) or
    ``failed`` (the run itself failed)."""

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
    """All file results (in file-name order) and the combined ledger, if any file ran."""

    results: list[FileResult]
    combined: Ledger | None

    @property
    def ok(self) -> bool:
        return all(r.status == "ok" for r in self.results)


def input_files(folder: Path) -> list[Path]:
    """Input files of ``folder`` in name order (spreadsheet lock files and hidden files skipped)."""
    return sorted(
        (
            p
            for p in Path(folder).iterdir()
            if p.is_file()
            and p.suffix.lower() in INPUT_EXTENSIONS
            and not p.name.startswith(("~$", ".", ".~lock"))
        ),
        key=lambda p: p.name,
    )


def output_names(files: list[Path]) -> dict[str, str]:
    """Ledger file name per input (``a.xlsx`` → ``a.xlsx``; clashing stems keep the suffix)."""
    stems: dict[str, int] = {}
    for p in files:
        stems[p.stem] = stems.get(p.stem, 0) + 1
    return {
        p.name: (f"{p.stem}.xlsx" if stems[p.stem] == 1 else f"{p.stem}_{p.suffix[1:]}.xlsx")
        for p in files
    }


def process_file(
    path: Path,
    out: Path,
    method: str = "all",
    profiles: Mapping[str, str] | None = None,
    price_year: int | None = None,
    lang: str = "en",
) -> FileResult:
    """Read, validate and run one file, writing its ledger to ``out``. Never raises."""
    from .pipeline import required_tables, run_methods, write_ledger
    from .read import read_inputs

    name = path.name
    try:
        inputs = read_inputs(path, strict=False, require=required_tables(method))
        digest = inputs.sources.get(name, "").partition("sha256=")[2].partition(";")[0]
        res = FileResult(name, "ok", sha256=digest, issues=list(inputs.report.issues))
        if not inputs.report.ok:
            first = inputs.report.errors[0]
            res.status = "invalid"
            res.message = f"{res.n_errors} error(s); first: {first.where}: {first.problem}"
            return res
        ledger = run_methods(inputs, method, profiles=profiles, price_year=price_year)
        write_ledger(ledger, out, lang)
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
) -> BatchResult:
    """Process every input file of ``folder`` into ``outdir``; see the module docstring.

    Parameters
    ----------
    jobs
        Worker processes (default: the number of CPUs); ``1`` runs in this process.
    on_done
        Called with each :class:`FileResult` as it finishes (progress display).
    """
    folder, outdir = Path(folder), Path(outdir)
    files = input_files(folder)
    names = output_names(files)
    ledgers_dir = outdir / "ledgers"
    ledgers_dir.mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    args = {p.name: (p, ledgers_dir / names[p.name], method, profiles, price_year, lang)
            for p in files}  # fmt: skip
    results: dict[str, FileResult] = {}
    if jobs == 1 or len(files) <= 1:
        for p in files:
            results[p.name] = process_file(*args[p.name])
            if on_done:
                on_done(results[p.name])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = {pool.submit(process_file, *args[p.name]): p.name for p in files}
            for fut in as_completed(futures):
                name = futures[fut]
                try:
                    results[name] = fut.result()
                except Exception as exc:  # a worker process died
                    results[name] = FileResult(
                        name, "failed", f"worker process failed: {exc!r}",
                        issues=[Issue("run", name, None, None, f"worker process failed: {exc!r}")],
                    )  # fmt: skip
                if on_done:
                    on_done(results[name])
    ordered = [results[p.name] for p in files]
    combined = _combined([r for r in ordered if r.ledger is not None])
    if combined is not None:
        combined.to_excel(outdir / "combined.xlsx", lang=lang)
        combined.to_csv(outdir / "combined.csv")
    write_summary(ordered, outdir / "summary.xlsx", lang)
    return BatchResult(ordered, combined)


def _combined(done: list[FileResult]) -> Ledger | None:
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
    lines = pd.concat([lg.lines for lg in ledgers], ignore_index=True)
    return Ledger(lines, meta)


def write_summary(results: list[FileResult], path: Path, lang: str = "en") -> Path:
    """Write the batch summary workbook: one row per file, then every problem found."""
    zh = lang == "zh"
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
            {"file": r.file, "severity": i.severity, "table": i.table, "where": i.where,
             "column": i.column, "value": i.value, "problem": i.problem, "hint": i.hint}
            for r in results
            for i in r.issues
        ],
        columns=["file", "severity", "table", "where", "column", "value", "problem", "hint"],
    )  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "文件" if zh else "files"
    write_frame(ws, files, max_width=80)
    write_frame(wb.create_sheet("问题" if zh else "problems"), problems, max_width=80)
    save_workbook(wb, path)
    return path
