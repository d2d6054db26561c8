"""Terminal output helpers shared by the verbs (rich tables, csv/json for scripts)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd


def emit_frame(frame: pd.DataFrame, fmt: str = "table", title: str | None = None) -> None:
    """Print ``frame`` as a rich table (terminal), CSV or JSON (scripts)."""
    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False, lineterminator="\n"))
        return
    if fmt == "json":
        sys.stdout.write(
            frame.to_json(orient="records", force_ascii=False, indent=1, date_format="iso") + "\n"
        )
        return
    from rich.console import Console
    from rich.table import Table

    frame = _blank_missing(frame)

    if not Console().is_terminal:  # pipes and files: plain, unwrapped, greppable text
        if title:
            sys.stdout.write(f"{title}\n")
        sys.stdout.write(frame.to_string(index=False, na_rep="") + "\n")
        return

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in frame.columns:
        table.add_column(str(c), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(
            *["" if (v is None or (isinstance(v, float) and v != v)) else str(v) for v in row]
        )
    Console().print(table)


def _blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values of text and nullable columns shown empty, not ``None`` / ``<NA>``
    (float columns keep their dtype and format; ``na_rep`` blanks their NaN)."""
    cols = [c for c in frame.columns
            if not pd.api.types.is_float_dtype(frame[c]) and frame[c].isna().any()]  # fmt: skip
    if not cols:
        return frame
    out = frame.copy()
    for c in cols:
        out[c] = out[c].astype(object).where(out[c].notna(), "")
    return out


def for_reader(frame: pd.DataFrame, *kinds: str, labels: Mapping[str, Any] | None = None):
    """A terminal table in the reader's language: under zh Chinese headers (as
    :func:`geep.io.writer.headers_for` gives them for ``kinds``) and the codes of the
    ``labels`` columns by their names (``{column: label kind}`` or ``{column: function code →
    name}``; a JSON list of codes named once per distinct code). Under en the frame as it is;
    absent values are shown empty by :func:`emit_frame`."""
    from ..io.writer import headers_for
    from ..messages import label, language

    if language() != "zh":
        return frame

    def names(name: Callable[[object], str], v: object) -> object:
        if isinstance(v, str) and v.startswith("["):
            return "、".join(dict.fromkeys(name(c) for c in json.loads(v)))
        return v if v is None or v != v else name(v)

    out = frame.copy()
    for col, kind in (labels or {}).items():
        if col in out:
            name = kind if callable(kind) else (lambda c, k=kind: label(k, c))
            table = {v: names(name, v) for v in out[col].dropna().unique()}  # once per code
            out[col] = out[col].map(table).astype(object).where(out[col].notna(), None)
    out.columns = headers_for(out.columns, "zh", *kinds)[0]
    return out


def emit_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n")


def say(args, text: str) -> None:
    """Print unless ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(text)


def add_force(p) -> None:
    """The ``--force`` option of every verb that writes files."""
    from ..messages import msg

    p.add_argument("--force", action="store_true", help=msg("cli.force_help"))


def add_money_unit(p) -> None:
    """``--unit 元|万元|亿元``: how money is shown in summary sheets (lines stay exact)."""
    from ..messages import msg

    p.add_argument("--unit", choices=("元", "万元", "亿元"), default=None, metavar="元|万元|亿元",
                   help=msg("cli.unit_help"))  # fmt: skip
