"""override(..., add=True): a derived edition may add rows (a study's own factor)."""

from __future__ import annotations

import pytest

from geep import coefficients
from geep.errors import CoefficientNotFoundError, CoefficientTableError

BASE = coefficients.load("xie2003-factors@2003")
ROW = {
    "ecosystem_type_zh": "建设用地",
    "geep_classes": "built_up",
    "service_zh": "娱乐文化",
    "service_group": "cultural",
    "factor": 0.0439,
}


def test_new_row_is_added_with_provenance_and_the_base_is_unchanged():
    t = coefficients.override(
        BASE, {("built_up", "recreation_culture"): ROW}, by="me", reason="test", add=True
    )
    assert len(t.frame) == 55 and len(BASE.frame) == 54
    row = t.row(("built_up", "recreation_culture"))
    assert row["factor"] == 0.0439 and row["evidence"] == "unverified"
    assert row["source"] == "override" and t.status == "draft"
    assert "built_up" in t.meta.columns["ecosystem_type"].allowed
    assert "built_up" not in BASE.meta.columns["ecosystem_type"].allowed
    assert t.meta.derived_from == "xie2003-factors@2003"


def test_without_add_an_unknown_key_is_still_an_error():
    with pytest.raises(CoefficientNotFoundError):
        coefficients.override(BASE, {("built_up", "recreation_culture"): ROW}, by="me", reason="x")


def test_a_new_row_needs_its_columns():
    with pytest.raises(CoefficientTableError):
        coefficients.override(
            BASE, {("built_up", "recreation_culture"): 0.0439}, by="me", reason="x", add=True
        )
    with pytest.raises(CoefficientTableError):  # service_group missing: the row is incomplete
        coefficients.override(
            BASE,
            {("built_up", "recreation_culture"): {"factor": 0.0439}},
            by="me",
            reason="x",
            add=True,
        )
