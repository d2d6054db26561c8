"""Broken coefficient tables: every problem reported, each with file, line and column."""

from __future__ import annotations

import pytest

import geep.coefficients as C
from geep.errors import (
    CoefficientTableError,
    EditionNotFoundError,
    TableNotFoundError,
)

HEADER = "parameter,value,unit,evidence,source,note\n"


def _load_error(root, make_table, csv, meta=None) -> CoefficientTableError:
    folder = make_table(
        root, csv=HEADER + csv if not csv.startswith("parameter") else csv, meta=meta
    )
    with pytest.raises(CoefficientTableError) as info:
        C.load("demo", edition="v1")
    err = info.value
    assert err.file == str(folder / "table.csv")
    assert err.table == "demo" and err.edition == "v1"
    assert isinstance(err, ValueError)
    return err


def _has(err, line, column, text):
    """The problem (line, column, text...) is in .problems and in the rendered message."""
    hits = [p for p in err.problems if p[0] == line and p[1] == column and text in p[2]]
    assert hits, f"no problem {line=} {column=} {text!r} in {err.problems}"
    where = f"line {line}" if line else "(table)"
    assert f"{where}, column {column!r}: " in str(err)
    assert text in str(err)


def test_valid_table_loads(tmp_catalog, make_table):
    make_table(tmp_catalog)
    t = C.load("demo", edition="v1")
    assert list(t.frame["parameter"]) == [
        "water.domestic",
        "water.industrial",
        "water.agricultural",
    ]
    # 元/m3 is accepted for a CNY/m**3 dimension, and converts
    assert t.value("water.industrial", unit="CNY/m**3") == pytest.approx(3.6)
    assert t.value("water.domestic", unit="元/万m3") == pytest.approx(2.6e4)


def test_duplicate_keys(tmp_catalog, make_table):
    err = _load_error(
        tmp_catalog,
        make_table,
        "a,1,CNY/m3,published,S1,\nb,2,CNY/m3,published,S1,\na,3,CNY/m3,published,S1,\n",
    )
    _has(err, 4, "parameter", "duplicate key a (also on row 2)")
    assert err.row == 4 and err.column == "parameter"
    assert "demo/v1/table.csv" in str(err)


def test_duplicate_multi_column_keys(tmp_catalog, make_table):
    meta = {
        "key": ["pollutant", "water_class"],
        "columns": {
            "pollutant": {"dtype": "str"},
            "water_class": {"dtype": "int", "allowed": [1, 2, 3, 4, 5]},
            "limit": {"dtype": "float", "unit": "mg/L", "dimension": "g/m**3"},
            "evidence": {"dtype": "str"},
            "source": {"dtype": "str"},
        },
    }
    csv = "pollutant,water_class,limit,evidence,source\ncod,3,20,published,S1\ncod,4,30,published,S1\ncod,3,25,published,S1\ncod,7,5,published,S1\n"
    make_table(tmp_catalog, meta=meta, csv=csv)
    with pytest.raises(CoefficientTableError) as info:
        C.load("demo@v1")
    _has(info.value, 4, "pollutant", "duplicate key cod/3 (also on row 2)")
    _has(info.value, 5, "water_class", "'7' is not one of [1, 2, 3, 4, 5]")


def test_unknown_column(tmp_catalog, make_table):
    err = _load_error(
        tmp_catalog,
        make_table,
        "parameter,value,unit,evidence,source,note,colour\na,1,CNY/m3,published,S1,,red\n",
    )
    _has(err, None, "colour", "column 'colour' is not declared in table.yaml 'columns'")


def test_missing_column(tmp_catalog, make_table):
    err = _load_error(
        tmp_catalog, make_table, "parameter,value,unit,evidence,source\na,1,CNY/m3,published,S1\n"
    )
    _has(err, None, "note", "column 'note' is declared in table.yaml but missing from table.csv")


def test_bad_unit_in_a_row(tmp_catalog, make_table):
    err = _load_error(
        tmp_catalog,
        make_table,
        "a,1,CNY/m3,published,S1,\nb,2,CNY/blorp,published,S1,\nc,2,元/m³,published,S1,\n",
    )
    _has(err, 3, "unit", "unknown unit 'CNY/blorp'")
    assert len(err.problems) == 1


def test_bad_unit_of_a_column(tmp_catalog, make_table):
    meta = {
        "columns": {
            "parameter": {"dtype": "str"},
            "value": {"dtype": "float", "unit": "hectar"},
            "evidence": {"dtype": "str"},
            "source": {"dtype": "str"},
        }
    }
    err = _load_error(
        tmp_catalog, make_table, "parameter,value,evidence,source\na,1,published,S1\n", meta=meta
    )
    _has(err, None, "value", "unknown unit 'hectar'; did you mean 'ha'")


def test_wrong_dimension_in_a_row(tmp_catalog, make_table):
    # the value column declares dimension CNY/m**3; a price per kWh is refused
    err = _load_error(
        tmp_catalog, make_table, "a,1,CNY/m3,published,S1,\nb,0.53,CNY/kWh,published,S1,\n"
    )
    _has(err, 3, "unit", "unit 'CNY/kWh' has dimension")
    assert "[currency] / [length] ** 3" in str(err)  # what is needed


def test_wrong_dimension_of_a_column(tmp_catalog, make_table):
    meta = {
        "columns": {
            "parameter": {"dtype": "str"},
            "area": {"dtype": "float", "unit": "m3", "dimension": "ha"},
            "evidence": {"dtype": "str"},
            "source": {"dtype": "str"},
        }
    }
    err = _load_error(
        tmp_catalog, make_table, "parameter,area,evidence,source\na,1,published,S1\n", meta=meta
    )
    _has(
        err,
        None,
        "area",
        "unit 'm3' has dimension volume [length] ** 3, but area [length] ** 2 is needed",
    )


def test_currency_dimension_is_checked(tmp_catalog, make_table):
    err = _load_error(tmp_catalog, make_table, "a,1,USD/m3,published,S1,\n")
    _has(err, 2, "unit", "unit 'USD/m3' has dimension")


def test_missing_evidence(tmp_catalog, make_table):
    err = _load_error(tmp_catalog, make_table, "a,1,CNY/m3,,S1,\n")
    _has(err, 2, "evidence", "empty cell in a required column")


def test_evidence_can_not_be_made_optional(tmp_catalog, make_table):
    meta = {"columns": {**_base_columns(), "evidence": {"dtype": "str", "nullable": True}}}
    err = _load_error(tmp_catalog, make_table, "a,1,CNY/m3,,,\n", meta=meta)
    _has(err, 2, "evidence", "empty cell in a required column")
    _has(err, 2, "source", "empty cell in a required column")


def test_bad_evidence_value(tmp_catalog, make_table):
    meta = {
        "columns": {
            **_base_columns(),
            "evidence": {
                "dtype": "str",
                "allowed": ["published", "derived", "secondary", "unverified"],
            },
        }
    }
    err = _load_error(tmp_catalog, make_table, "a,1,CNY/m3,peer-reviewed,S1,\n", meta=meta)
    _has(
        err,
        2,
        "evidence",
        "evidence 'peer-reviewed' is not one of published, derived, secondary, unverified",
    )
    assert len(err.problems) == 1  # one problem per cell, even with 'allowed' declared


def test_unknown_source_key(tmp_catalog, make_table):
    err = _load_error(tmp_catalog, make_table, "a,1,CNY/m3,published,S1;Xie2051,\n")
    _has(err, 2, "source", "source key 'Xie2051' is not defined under 'sources' in table.yaml")


def test_empty_required_cell(tmp_catalog, make_table):
    err = _load_error(
        tmp_catalog, make_table, "a,,CNY/m3,published,S1,\nb,2,CNY/m3,published,S1,\n"
    )
    _has(err, 2, "value", "empty cell in a required column")
    assert len(err.problems) == 1  # the empty nullable 'note' cells are fine


def test_non_numeric_values(tmp_catalog, make_table):
    meta = {"columns": {**_base_columns(), "year": {"dtype": "int"}}}
    csv = (
        "parameter,value,unit,evidence,source,note,year\n"
        "a,abc,CNY/m3,published,S1,,2020\n"
        "b,inf,CNY/m3,published,S1,,2020.5\n"
        "c,1e3,CNY/m3,published,S1,,2021\n"
    )
    err = _load_error(tmp_catalog, make_table, csv, meta=meta)
    _has(err, 2, "value", "'abc' is not a valid float")
    _has(err, 3, "value", "'inf' is not a valid float")
    _has(err, 3, "year", "'2020.5' is not a valid int")
    assert len(err.problems) == 3


def test_several_problems_are_all_reported(tmp_catalog, make_table):
    csv = (
        "parameter,value,unit,evidence,source,note,colour\n"
        "a,1,CNY/m3,published,S1,,red\n"
        "a,abc,CNY/m3,guessed,S9,,blue\n"
        "b,,CNY/kWh,,S1,,green\n"
    )
    err = _load_error(tmp_catalog, make_table, csv)
    expected = [
        (None, "colour", "is not declared"),
        (3, "value", "'abc' is not a valid float"),
        (4, "value", "empty cell in a required column"),
        (3, "evidence", "evidence 'guessed'"),
        (4, "evidence", "empty cell in a required column"),
        (3, "source", "source key 'S9'"),
        (3, "parameter", "duplicate key a (also on row 2)"),
    ]
    for line, column, text in expected:
        _has(err, line, column, text)
    assert len(err.problems) == len(expected)
    assert str(err).count("\n  ") == len(expected)  # one line each
    assert f"{len(expected)} problem(s) in demo@v1" in str(err)


def test_bad_table_yaml_names_the_field(tmp_catalog, make_table):
    folder = make_table(tmp_catalog, meta={"status": "releasd"})
    with pytest.raises(CoefficientTableError) as info:
        C.load("demo", edition="v1")
    text = str(info.value)
    assert info.value.file == str(folder / "table.yaml")
    assert "invalid metadata" in text and "status:" in text
    assert "'released', 'provisional' or 'draft'" in text


@pytest.mark.parametrize(
    ("meta", "field", "problem"),
    [
        ({"license": None}, "license", "string"),
        ({"licence": "CC0"}, "licence", "Extra inputs are not permitted"),
        ({"kind": "prices"}, "kind", "kind 'prices' is not one of"),
        ({"valid_from": "2020-13-01"}, "valid_from", "date"),
        ({"valid_to": "2019-01-01"}, "(top)", "valid_to is before valid_from"),
        ({"sources": {}}, "sources", "at least 1 item"),
        ({"key": ["code"]}, "(top)", "key column 'code' is not declared"),
        ({"title": {"en": "only English"}}, "title.zh", "Field required"),
    ],
)
def test_bad_table_yaml_fields(tmp_catalog, make_table, meta, field, problem):
    make_table(tmp_catalog, meta=meta)
    with pytest.raises(CoefficientTableError) as info:
        C.load("demo@v1")
    text = str(info.value)
    assert f"{field}: " in text or (field == "(top)" and problem in text)
    assert problem in text


def test_columns_must_include_evidence_and_source(tmp_catalog, make_table):
    cols = _base_columns()
    del cols["evidence"]
    make_table(tmp_catalog, meta={"columns": cols})
    with pytest.raises(CoefficientTableError, match="every table needs a 'evidence' column"):
        C.load("demo@v1")


def test_yaml_syntax_error(tmp_catalog, make_table):
    folder = make_table(tmp_catalog, yaml_text="id: demo\nedition: v1\ntitle: {en: [unclosed\n")
    with pytest.raises(CoefficientTableError, match="not valid UTF-8 YAML") as info:
        C.load("demo@v1")
    assert info.value.file == str(folder / "table.yaml")


def test_id_and_edition_must_match_the_folder(tmp_catalog, make_table):
    make_table(tmp_catalog, "demo", "v1", folder=("demo", "v2"))
    with pytest.raises(CoefficientTableError) as info:
        C.catalog()
    text = str(info.value)
    assert "id/edition 'demo@v1' do not match the folder demo/v2" in text
    assert info.value.file.endswith("demo/v2/table.yaml")


def test_missing_csv(tmp_catalog, make_table):
    folder = make_table(tmp_catalog)
    (folder / "table.csv").unlink()
    with pytest.raises(CoefficientTableError, match=r"table\.csv is missing"):
        C.load("demo@v1")


def test_csv_not_utf8(tmp_catalog, make_table):
    make_table(tmp_catalog, csv=(HEADER + "a,1,CNY/m3,published,S1,甘孜州 2010\n").encode("gbk"))
    with pytest.raises(CoefficientTableError, match="not UTF-8"):
        C.load("demo@v1")


def test_edition_not_found_lists_editions(tmp_catalog, make_table):
    make_table(tmp_catalog, "demo", "v1")
    make_table(tmp_catalog, "demo", "v2", meta={"status": "draft"})
    with pytest.raises(EditionNotFoundError) as info:
        C.load("demo", edition="v3")
    err = info.value
    assert isinstance(err, KeyError)
    assert err.available == ["v1", "v2"]
    assert "has no edition 'v3'; available editions: v1 (provisional), v2 (draft)" in str(err)
    with pytest.raises(EditionNotFoundError, match="available editions: v1"):
        C.load("demo@v3")


def test_table_not_found_suggests(tmp_catalog, make_table):
    make_table(tmp_catalog, "water-prices", "v1", meta={"id": "water-prices"})
    with pytest.raises(TableNotFoundError) as info:
        C.load("water-price")
    assert "no coefficient table 'water-price'; did you mean 'water-prices'?" in str(info.value)
    assert isinstance(info.value, KeyError)


def test_unknown_row_suggests(tmp_catalog, make_table):
    make_table(tmp_catalog)
    t = C.load("demo@v1")
    with pytest.raises(KeyError, match=r"did you mean 'water\.domestic'"):
        t.value("water.domestc")


@pytest.mark.parametrize("ref", ["@v1", "a@b@c"])
def test_bad_refs(tmp_catalog, ref):
    with pytest.raises(TableNotFoundError, match="not a table reference"):
        C.load(ref)


def _base_columns() -> dict:
    return {
        "parameter": {"dtype": "str"},
        "value": {"dtype": "float", "unit_from": "unit", "dimension": "CNY/m**3"},
        "unit": {"dtype": "str"},
        "evidence": {"dtype": "str"},
        "source": {"dtype": "str"},
        "note": {"dtype": "str", "nullable": True},
    }


def test_dimension_without_a_unit_is_reported(tmp_catalog, make_table):
    meta = {
        "columns": {
            **_base_columns(),
            "note": {"dtype": "str", "nullable": True, "dimension": "ha"},
        }
    }
    err = _load_error(tmp_catalog, make_table, "a,1,CNY/m3,published,S1,\n", meta=meta)
    _has(err, None, "note", "'dimension' is declared but the column has no 'unit' or 'unit_from'")
