"""Inputs of a batch that state the same accounts twice.

Two files of a batch that hold lines of the same region, year and account (the same
workbook copied twice, or a county's corrected file beside the old one) would be added
together in the combined ledger and double its totals. That is two sources stating one
value: the combined ledger is not written, and the message names the files and the first
region-years they share (each file's own ledger is written as usual).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..messages import Text, text

#: region-years listed in the message
SHOW = 5


def overlap(done: Sequence[Any]) -> Text | None:
    """The message naming the inputs of ``done`` (file results with a ``ledger`` and a
    ``file``) whose ledgers share a (region, year, account), or ``None``."""
    keys = ["region_code", "year", "account"]
    parts = [
        r.ledger.lines[keys].drop_duplicates().astype(str).assign(file=r.file)
        for r in done
        if r.ledger is not None and len(r.ledger.lines)
    ]
    if len(parts) < 2:
        return None
    both = pd.concat(parts, ignore_index=True)
    shared = both[both.duplicated(keys, keep=False)]
    if shared.empty:
        return None
    files = sorted(shared["file"].unique())
    where = shared.drop_duplicates(["region_code", "year"]).sort_values(["region_code", "year"])
    pairs = [f"{c} {y}" for c, y in zip(where["region_code"], where["year"], strict=True)]
    more = "" if len(pairs) <= SHOW else text("cli.batch_overlap_more", n=len(pairs) - SHOW)
    shown = ", ".join(pairs[:SHOW])
    return text("cli.batch_overlap", files=", ".join(files), where=shown, more=more)


__all__ = ["overlap"]
