"""Every shipped table cites only studies that actually use (print) what it holds.

A registry (tests/data/studies/source_usage.csv) records, for each ChinaXiv preprint a table
names, which table editions it supports and how; known misattributions are recorded as
``does_not_use`` (e.g. two studies once named as users of the Xie 2008 numbers print the Xie
2003 numbers). A new citation needs a registry row saying what the study prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import geep.coefficients as C

REGISTRY = pd.read_csv(Path(__file__).parent / "data" / "studies" / "source_usage.csv", dtype=str)
CHINAXIV = re.compile(r"(?<![\d.])(\d{6}\.\d{5})(?![\d])")


def _texts() -> dict[str, str]:
    """``{id@edition: table.yaml + table.csv text}`` of every shipped edition."""
    out = {}
    for tid, eds in C.index().items():
        for ed, entry in eds.items():
            if entry.root != C.shipped_root():
                continue
            out[f"{tid}@{ed}"] = "\n".join(
                (entry.folder / name).read_text(encoding="utf-8")
                for name in ("table.yaml", "table.csv")
            )
    return out


TEXTS = _texts()
CITED = sorted({(m, ref) for ref, t in TEXTS.items() for m in CHINAXIV.findall(t)})


def test_registry_is_well_formed():
    assert set(REGISTRY["relation"]) <= {"uses", "does_not_use"}
    assert not REGISTRY.duplicated(["source", "table"]).any()
    assert REGISTRY["what"].str.len().gt(10).all()


@pytest.mark.parametrize(("source", "table"), CITED, ids=[f"{s}-{t}" for s, t in CITED])
def test_every_cited_study_uses_the_table(source, table):
    row = REGISTRY[(REGISTRY["source"] == source) & (REGISTRY["table"] == table)]
    assert not row.empty, (
        f"{table} cites ChinaXiv {source}, which the registry does not list for it: add a "
        "row to tests/data/studies/source_usage.csv saying what the study prints"
    )
    assert row["relation"].iloc[0] == "uses", f"{table} cites {source}: {row['what'].iloc[0]}"


def test_registry_has_no_stale_uses():
    cited = set(CITED)
    uses = REGISTRY[REGISTRY["relation"] == "uses"]
    stale = [
        (s, t) for s, t in zip(uses["source"], uses["table"], strict=True) if (s, t) not in cited
    ]
    assert stale == []


def test_xie2008_text_no_longer_names_the_xie_2003_users():
    text = TEXTS["xie2008-factors@2008"]
    assert "201805.00099" not in text and "201711.00946" not in text
    t = C.load("xie2008-factors@2008")
    assert t.row(("forest", "biodiversity"))["evidence"] == "published"
    assert t.value(("forest", "biodiversity"), "factor") == 4.51
    assert "CX201711.00109" in t.row(("forest", "biodiversity"))["source"]
