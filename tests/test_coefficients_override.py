"""Overrides: derived draft editions with provenance, validated, diffable, saveable."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import geep.coefficients as C
from geep.errors import CoefficientNotFoundError, CoefficientTableError

BASE = "gep-parameters@garze-2010"


@pytest.fixture
def base():
    return C.load(BASE)


@pytest.fixture
def local(base):
    """A Shanxi bureau's own hydropower tariff."""
    return C.override(
        base,
        {"price.hydropower": 0.40},
        by="Shanxi Bureau of Statistics",
        reason="2023 provincial on-grid tariff",
        evidence="published",
        source="晋发改价格〔2023〕example notice",
    )


def test_override_is_a_draft_derived_edition_with_provenance(base, local):
    assert local.id == base.id
    assert local.edition.startswith("garze-2010+shanxi-bureau")  # default: <base>+<who>
    assert local.status == "draft"
    assert local.meta.derived_from == BASE
    prov = local.meta.provenance
    assert (
        prov == f"override of {BASE} by Shanxi Bureau of Statistics: 2023 provincial on-grid tariff"
    )
    assert local.origin == "override"
    assert local.sha256 != base.sha256


def test_changed_rows_carry_the_given_evidence_and_source(local):
    row = local.row("price.hydropower")
    assert row["value"] == 0.40
    assert row["evidence"] == "published"
    assert local.meta.sources[row["source"]] == "晋发改价格〔2023〕example notice"
    # the rest is untouched
    other = local.row("price.water_supply.domestic")
    assert (other["value"], other["evidence"], other["source"]) == (2.6, "published", "Garze")


def test_default_evidence_is_unverified_and_source_is_the_provenance(base):
    o = C.override(base, {"price.oxygen_release": 1000}, by="me", reason="sensitivity run")
    row = o.row("price.oxygen_release")
    assert row["evidence"] == "unverified"
    assert o.meta.sources[row["source"]] == o.meta.provenance


def test_base_table_is_unchanged(base):
    before = base.frame.copy()
    sha = base.sha256
    C.override(base, {"price.hydropower": 0.40, "price.oxygen_release": 1000}, by="a", reason="b")
    pd.testing.assert_frame_equal(base.frame, before)
    assert base.sha256 == sha and base.status == "released"
    assert C.load(BASE).value("price.hydropower") == 0.53  # Garze 2010


def test_several_columns_of_a_row(base):
    o = C.override(
        base,
        {"price.hydropower": {"value": 0.45, "price_year": 2023}},
        by="bureau",
        reason="2023 prices",
    )
    assert o.value("price.hydropower") == 0.45
    assert o.price_year_of("price.hydropower") == 2023
    assert base.price_year_of("price.hydropower") == 2010


def test_multi_column_key(tmp_catalog, shipped):
    shutil.copytree(shipped / "gb3838-limits" / "2002", tmp_catalog / "gb3838-limits" / "2002")
    shutil.copy2(shipped / "LOCK", tmp_catalog / "LOCK")
    C.clear_cache()
    limits = C.load("gb3838-limits@2002")
    o = C.override(
        limits, {("cod", 3): 18.0}, by="basin", reason="stricter local target", column="limit"
    )
    assert o.value(("cod", 3), "limit") == 18.0
    assert o.value(("cod", 4), "limit") == 30.0
    d = C.diff(limits, o)
    assert set(
        zip(d.changed["pollutant"], d.changed["water_class"], d.changed["column"], strict=True)
    ) == {
        ("cod", 3, "limit"),
        ("cod", 3, "evidence"),
        ("cod", 3, "source"),
    }


def test_unknown_key_is_refused_with_a_suggestion(base):
    with pytest.raises(CoefficientNotFoundError) as info:
        C.override(base, {"price.hydropwer": 0.4}, by="a", reason="b")
    assert "has no row 'price.hydropwer'; did you mean 'price.hydropower'" in str(info.value)


@pytest.mark.parametrize(
    ("change", "column", "problem"),
    [
        (
            {"price.hydropower": "zero point four"},
            "value",
            "'zero point four' is not a valid float",
        ),
        ({"price.hydropower": {"price_year": "2023a"}}, "price_year", "is not a valid int"),
        ({"price.hydropower": {"role": "tariff"}}, "role", "'tariff' is not one of"),
        ({"price.hydropower": {"unit": "CNY/blorp"}}, "unit", "unknown unit"),
    ],
)
def test_override_values_are_validated(base, change, column, problem):
    with pytest.raises(CoefficientTableError) as info:
        C.override(base, change, by="a", reason="b")
    assert problem in str(info.value)
    assert isinstance(info.value, ValueError)


def test_override_needs_who_and_why(base):
    with pytest.raises(CoefficientTableError, match="'by' \\(who\\) and 'reason' \\(why\\)"):
        C.override(base, {"price.hydropower": 0.4}, by="", reason="b")
    with pytest.raises(CoefficientTableError):
        C.override(base, {"price.hydropower": 0.4}, by="a", reason="")


def test_override_refuses_bad_evidence_key_columns_and_unknown_columns(base):
    with pytest.raises(CoefficientTableError, match="evidence 'official'"):
        C.override(base, {"price.hydropower": 0.4}, by="a", reason="b", evidence="official")
    with pytest.raises(CoefficientTableError, match="key columns cannot change"):
        C.override(base, {"price.hydropower": {"parameter": "price.x"}}, by="a", reason="b")
    with pytest.raises(CoefficientTableError, match="no column 'colour'"):
        C.override(base, {"price.hydropower": {"colour": "red"}}, by="a", reason="b")


def test_override_refuses_an_invalid_edition_name(base):
    with pytest.raises(CoefficientTableError, match="edition"):
        C.override(base, {"price.hydropower": 0.4}, by="a", reason="b", edition="../escape")


def test_override_of_an_override_keeps_both_citations(base, local):
    again = C.override(
        local, {"price.oxygen_release": 1000}, by="b", reason="c", source="second notice"
    )
    assert again.meta.derived_from == local.ref
    first = again.row("price.hydropower")
    second = again.row("price.oxygen_release")
    assert again.meta.sources[first["source"]] == "晋发改价格〔2023〕example notice"
    assert again.meta.sources[second["source"]] == "second notice"


def test_diff_shows_exactly_the_changed_cells(base, local):
    d = C.diff(base, local)
    assert d.a == BASE and d.b == local.ref
    assert d.added.empty and d.removed.empty
    got = {(r.parameter, r.column): (r.old, r.new) for r in d.changed.itertuples()}
    new_key = local.row("price.hydropower")["source"]
    assert got == {
        ("price.hydropower", "value"): (0.53, 0.40),
        ("price.hydropower", "source"): ("Garze", new_key),
    }  # evidence stays 'published'
    fields = {f for f, _, _ in d.meta}
    assert {"status", "derived_from", "provenance", "sources"} <= fields
    assert not C.diff(base, base).changed.shape[0]


def test_diff_of_tables_with_missing_cells(base):
    # price_year is blank for constants (nullable int): comparing blanks must work
    d = C.diff(base, C.load(BASE))
    assert d.empty
    o = C.override(
        base, {"const.sand_fixation.thickness": {"price_year": 2010}}, by="a", reason="b"
    )
    got = C.diff(base, o).changed
    row = got[got["column"] == "price_year"].iloc[0]
    assert pd.isna(row["old"]) and row["new"] == 2010


def test_save_writes_a_folder_that_loads_back(local, tmp_path):
    root = tmp_path / "bureau"
    folder = C.save(local, root)
    assert folder == root / "gep-parameters" / local.edition
    assert {p.name for p in folder.iterdir()} == {"table.yaml", "table.csv"}
    back = C.load(local.ref, paths=[root])
    assert back.status == "draft"
    assert back.meta.derived_from == BASE and back.meta.provenance == local.meta.provenance
    assert back.value("price.hydropower") == 0.40
    pd.testing.assert_frame_equal(back.frame, local.frame, check_dtype=False)
    assert C.diff(local, back).empty  # metadata and rows survive the round trip
    # shipped editions are still there, next to the saved one
    assert C.load("gep-parameters", paths=[root]).edition == "garze-2010"


def test_save_refuses_to_overwrite(base, local, tmp_path):
    C.save(local, tmp_path)
    before = (tmp_path / "gep-parameters" / local.edition / "table.csv").read_bytes()
    changed = C.override(base, {"price.hydropower": 9.9}, by="x", reason="y", edition=local.edition)
    with pytest.raises(CoefficientTableError, match="already exists"):
        C.save(changed, tmp_path)
    assert (tmp_path / "gep-parameters" / local.edition / "table.csv").read_bytes() == before
