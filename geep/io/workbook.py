"""Read input files — workbooks (.xlsx/.xlsm) and CSV — into validated :class:`Inputs`.

Order of work: pre-flight (type by magic bytes, archive limits, DTD refusal; see
:mod:`geep.io.preflight`), raw cells (:mod:`geep.io.cells`), one table per sheet
(:mod:`geep.io.sheet`), then checks across tables. Every problem is collected in one
:class:`~geep.inputs.Report`; the input file is only ever opened for reading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..inputs import Inputs
from ..inputs.checks import AREA_TOLERANCE, cross_check
from ..inputs.normalise import Locator
from ..inputs.report import Issue
from ..inputs.spec import TABLES, TableDef
from ..messages import did_you_mean, msg
from ..units import split_header
from .cells import RawSheet, read_csv, read_xlsx
from .preflight import Limits, UnreadableFileError, check_workbook, sniff
from .sheet import read_sheet, read_table
from .sheetnames import AUX_SHEETS, is_exact_sheet_name, sheet_suggestion, table_for_sheet

WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm")
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _file_issue(name: str, err: UnreadableFileError) -> Issue:
    return Issue("file", name, None, None, err.message, err.hint or "")


def load_sheets(
    path: Path, limits: Limits | None = None, only: Callable[[str], bool] | None = None
) -> tuple[list[RawSheet], str, list[Issue]]:
    """The raw sheets of one file after the pre-flight: ``(sheets, source description,
    issues)`` — a workbook's worksheets (every cell as saved, whatever its declared
    dimension; with ``only``, the worksheets whose title it accepts — every part is still
    pre-flighted) or a CSV file as one sheet.

    Raises
    ------
    UnreadableFileError
        When the file is refused as a whole (missing, type, size, zip bomb, entity
        expansion, encryption, a damaged archive).
    """
    limits = limits or Limits.from_env()
    name = path.name
    if not path.exists():
        raise UnreadableFileError(msg("io.not_found", file=str(path)), file=name)
    if path.is_dir():
        raise UnreadableFileError(
            msg("io.unsupported_ext", file=name), file=name, hint="give a file, not a folder"
        )
    kind = sniff(path, limits)
    ext = path.suffix.lower()
    if kind == "text":
        if ext in WORKBOOK_EXTENSIONS or ext == ".xls":
            raise UnreadableFileError(
                msg("io.text_as_workbook", file=name),
                file=name,
                hint=msg("hint.text_as_workbook"),
            )
        raw, encoding = read_csv(path, limits)
        note = Issue("file", name, None, None, msg("io.encoding", encoding=encoding),
                     severity="note")  # fmt: skip
        return [raw], f"sha256={file_sha256(path)}; encoding={encoding}", [note]
    scan = check_workbook(path, limits)  # refusals come before any full read of the file
    digest = file_sha256(path)
    return read_xlsx(path, scan, only), f"sha256={digest}", []


def read_file(
    path: Path,
    *,
    table: str | None = None,
    limits: Limits | None = None,
    decimal: str | None = None,
) -> tuple[dict[str, pd.DataFrame], list[Issue], str]:
    """Read one file: ``(tables, issues, source description)``.

    Raises
    ------
    UnreadableFileError
        When the file is refused as a whole (type, size, safety, encryption).
    """
    sheets, desc, issues = load_sheets(path, limits)
    if sheets and sheets[0].delimiter is not None:  # a CSV file
        raw = sheets[0]
        tname = table or _csv_table(path, raw, issues)
        if tname is None:
            return {}, issues, desc
        df, more = read_table(raw, tname, decimal=decimal)
        issues.extend(more)
        return ({tname: df} if not df.empty else {}), issues, desc
    tables = _read_sheets(path.name, sheets, issues, only=table, decimal=decimal)
    return tables, issues, desc


@dataclass
class Book:
    """A workbook (or CSV file) read through the shared reader for a set of table specs.

    Attributes
    ----------
    tables
        ``{table: normalised frame}`` of the sheets found (empty sheets omitted).
    where
        ``{table: Locator}``: the cell of any column of a row as read.
    sheets
        Every sheet as read (its raw cells), by title — for checks that need the cells as
        written, such as the integrity chain of an exported journal.
    issues
        Every error, warning and note, each at its file, sheet, cell or line.
    source
        ``sha256=…`` of the file (and the encoding of a CSV file).
    """

    name: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    where: dict[str, Locator] = field(default_factory=dict)
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    source: str = ""


def read_book(
    path: str | Path,
    tables: Mapping[str, TableDef],
    *,
    csv_table: str | None = None,
    limits: Limits | None = None,
    decimal: str | None = None,
) -> Book:
    """Read a domain workbook — or a CSV file holding one of its tables — through the same
    pre-flight, cell reader and normaliser as the input tables.

    Parameters
    ----------
    tables
        The specs of the tables the workbook may hold (``{name: TableDef}``); a sheet is
        matched by name (:func:`~geep.io.sheetnames.table_for_sheet`); other sheets are
        kept raw in :attr:`Book.sheets` but not read as tables.
    csv_table
        The table a CSV file holds (default: the first of ``tables``).

    Raises
    ------
    UnreadableFileError
        When the file is refused as a whole (see :func:`load_sheets`).
    """
    path = Path(path)
    sheets, desc, issues = load_sheets(path, limits)
    book = Book(path.name, sheets={s.title: s for s in sheets}, issues=issues, source=desc)
    if sheets and sheets[0].delimiter is not None:
        name = csv_table or next(iter(tables))
        t = read_sheet(sheets[0], tables[name], decimal)
        _keep(book, name, t)
        return book
    book.tables = _read_sheets(path.name, sheets, book.issues, decimal=decimal, tables=tables,
                               book=book)  # fmt: skip
    return book


def _keep(book: Book, name: str, t) -> None:
    book.issues.extend(t.issues)
    if not t.frame.empty:
        book.tables[name] = t.frame
        book.where[name] = t.where


def _csv_table(path: Path, raw: RawSheet, issues: list[Issue]) -> str | None:
    t = table_for_sheet(path.stem)
    if t is not None:
        return t
    from ..inputs.normalise import match_column

    best: tuple[int, str] | None = None
    for name, spec in TABLES.items():
        req = [c.name for c in spec.columns if c.required]
        for row in raw.rows[:10]:
            got = {match_column(name, v) for v in row if isinstance(v, str)}
            if all(r in got for r in req) and (best is None or len(req) > best[0]):
                best = (len(req), name)
    if best is None:
        best = _wide_table(raw)
    if best is not None:
        issues.append(
            Issue(best[1], path.name, None, None,
                  msg("io.csv_table", table=best[1], why="from its headers"), severity="note")
        )  # fmt: skip
        return best[1]
    issues.append(
        Issue("file", path.name, None, None, msg("io.csv_unknown_table", file=path.name)
              + did_you_mean(path.stem, list(TABLES)), msg("hint.csv_table"))
    )  # fmt: skip
    return None


def _wide_table(raw: RawSheet) -> tuple[int, str] | None:
    """A table in wide layout: two or more headers are values of its wide key (classes)."""
    from ..inputs.cleaning import clean_text
    from ..inputs.vocabularies import VOCABULARIES

    for name, spec in TABLES.items():
        if not spec.wide:
            continue
        vocab = VOCABULARIES[spec.column(spec.wide).vocabulary]
        for row in raw.rows[:10]:
            labels = [clean_text(split_header(str(v))[0]) for v in row if isinstance(v, str)]
            if sum(1 for lb in labels if lb and vocab.resolve(lb).canonical) >= 2:
                return (0, name)
    return None


def _read_sheets(
    name: str,
    sheets: list[RawSheet],
    issues: list[Issue],
    only: str | None = None,
    decimal: str | None = None,
    tables: Mapping[str, TableDef] | None = None,
    book: Book | None = None,
) -> dict[str, pd.DataFrame]:
    """Read every sheet that stands for a table (of ``tables``, default the input tables).
    With a ``book`` (a domain workbook), sheets that are no table are kept quietly."""
    specs = TABLES if tables is None else tables
    out: dict[str, pd.DataFrame] = {}
    owner: dict[str, str] = {}
    for raw in sheets:
        t = table_for_sheet(raw.title, specs)
        if raw.title.strip().lower() in AUX_SHEETS:
            continue
        if raw.hidden:
            issues.append(
                Issue(t or "file", raw.prefix, None, None,
                      msg("io.hidden_sheet", sheet=raw.title), msg("hint.hidden_sheet"),
                      "warning" if t else "note")
            )  # fmt: skip
            continue
        if t is None:
            near = sheet_suggestion(raw.title, specs)
            if near is not None and near not in owner:
                issues.append(
                    Issue(near, raw.prefix, None, None,
                          msg("io.unknown_sheet", sheet=raw.title,
                              suggestion=msg("did_you_mean", options=repr(near))),
                          msg("hint.unknown_sheet", tables=", ".join(specs)))
                )  # fmt: skip
            elif book is None and any(any(v is not None for v in r) for r in raw.rows):
                issues.append(
                    Issue("file", raw.prefix, None, None,
                          msg("io.ignored_sheet", sheet=raw.title), severity="note")
                )  # fmt: skip
            continue
        if only is not None and t != only:
            continue
        if t in owner:
            issues.append(
                Issue(t, raw.prefix, None, None,
                      msg("io.two_sheets", a=owner[t], b=raw.title, table=t),
                      msg("hint.two_sheets"))
            )  # fmt: skip
            continue
        owner[t] = raw.title
        if not is_exact_sheet_name(raw.title, specs):
            issues.append(
                Issue(t, raw.prefix, None, None, msg("io.sheet_as_table", sheet=raw.title, table=t),
                      severity="note")
            )  # fmt: skip
        st = read_sheet(raw, specs[t], decimal=decimal)
        issues.extend(st.issues)
        if not st.frame.empty:
            out[t] = st.frame
            if book is not None and st.where is not None:
                book.where[t] = st.where
    if book is None and not owner and not any(i.severity == "error" for i in issues):
        titles = ", ".join(repr(s.title) for s in sheets) or "none"
        issues.append(
            Issue("file", name, None, None, msg("io.no_sheet", sheets=titles),
                  msg("hint.unknown_sheet", tables=", ".join(TABLES)))
        )  # fmt: skip
    return out


def read_paths(
    paths: Sequence[Path],
    *,
    strict: bool = True,
    table: str | None = None,
    require: Iterable[str] = (),
    limits: Limits | None = None,
    area_tolerance: float = AREA_TOLERANCE,
    decimal: str | None = None,
) -> Inputs:
    """Read and validate one or more input files into one :class:`Inputs`.

    Tables of the same name from several files are concatenated (duplicate keys across files
    are errors). A file refused as a whole is one error in the report; with ``strict`` it is
    raised as :class:`~geep.io.preflight.UnreadableFileError` when it is the only file.
    """
    inputs = Inputs()
    frames: dict[str, list[pd.DataFrame]] = {}
    sheet_names: list[str] = []
    for path in paths:
        path = Path(path)
        try:
            tables, issues, desc = read_file(path, table=table, limits=limits, decimal=decimal)
        except UnreadableFileError as err:
            if strict and len(paths) == 1:
                raise
            inputs.report.add(_file_issue(path.name, err))
            continue
        inputs.report.extend(issues)
        inputs.sources[path.name] = desc
        for t, df in tables.items():
            frames.setdefault(t, []).append(df)
        sheet_names.extend(tables)
    for t, dfs in frames.items():
        df = dfs[0] if len(dfs) == 1 else pd.concat(dfs, ignore_index=True)
        if len(dfs) > 1:
            df = _drop_cross_file_duplicates(t, df, inputs)
        inputs.tables[t] = df
    for t in require:
        if t not in inputs.tables:
            spec = TABLES[t]
            inputs.report.add(
                Issue(t, ", ".join(p.name for p in map(Path, paths)), None, None,
                      msg("io.missing_sheet", table=t, zh=spec.zh,
                          suggestion=did_you_mean(t, sheet_names) if sheet_names else ""),
                      msg("hint.missing_sheet", table=t, zh=spec.zh))
            )  # fmt: skip
    inputs.report.extend(cross_check(inputs.tables, area_tolerance))
    inputs.report.sources.update(inputs.sources)
    if strict:
        inputs.report.raise_if_errors()
    return inputs


def _drop_cross_file_duplicates(t: str, df: pd.DataFrame, inputs: Inputs) -> pd.DataFrame:
    keys = [k for k in TABLES[t].keys if k in df.columns]  # an optional key may be absent
    dup = df.duplicated(keys, keep=False)
    for _, grp in df[dup].groupby(keys, sort=True):
        key = "/".join(str(grp.iloc[0][k]) for k in keys)
        inputs.report.add(
            Issue(t, str(grp["input_ref"].iloc[1]), None, key,
                  f"duplicate {'/'.join(keys)} {key} in {', '.join(grp['input_ref'])}",
                  "keep one row per key")
        )  # fmt: skip
    return df.loc[~dup].reset_index(drop=True)


def read_workbook_inputs(path: Path, strict: bool = True) -> Inputs:
    """Read one workbook or CSV file (kept for callers of the first-cut reader)."""
    return read_paths([Path(path)], strict=strict)
