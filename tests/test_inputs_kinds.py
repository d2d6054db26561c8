"""The generic column kinds and spec fields of the one normaliser, on a toy table spec (no
table of geep's): periods, dates, exact decimals, defaults, nullable cells, alternative
units, per-column unit columns, assumed units, bounds, ignored headers, positions, a
vocabulary's own unit conversion — and the shared workbook reader on a domain spec."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from geep.inputs.cleaning import clean_text
from geep.inputs.dates import parse_date, parse_period
from geep.inputs.normalise import POSITION, normalise
from geep.inputs.spec import ColumnDef, TableDef
from geep.inputs.vocabularies import VOCABULARIES, Resolution, Vocabulary, register
from geep.io.workbook import read_book


def _gadget_factor(unit: str, target: str):
    """A toy domain unit: 1 gadget = 7 t (with a note); the registry for everything else."""
    from geep.units import factor

    if unit == "gadget" and target == "t":
        return Decimal(7), "gadget read as 7 t"
    return factor(unit, target), None


register(
    Vocabulary(
        "toy_thing",
        lambda v: Resolution(v.lower()) if v.lower() in ("a", "b") else Resolution(None, error="?"),
        unit=lambda c: "t",
        factor=_gadget_factor,
    )
)

TOY = TableDef(
    "toy",
    "玩具",
    ("id",),
    (
        ColumnDef("id", "编号", "code", ascii_code=True, what="obs.what.section"),
        ColumnDef("when", "时段", "period", required=False),
        ColumnDef("day", "日期", "date", required=False),
        ColumnDef("kind", "类型", "code", required=False, default="a", vocabulary="toy_thing"),
        ColumnDef(
            "amount", "金额", "decimal", "CNY", "CNY", required=False, unit_column=None,
            assume_unit=True,
        ),
        ColumnDef(
            "price", "价格", "decimal", None, "CNY/{}", required=False, unit_by="kind",
            unit_column="price_unit", assume_unit=True,
        ),
        ColumnDef("price_unit", "价格单位", "text", required=False),
        ColumnDef("qty", "数量", "decimal", None, None, required=False, unit_by="kind"),
        ColumnDef(
            "flow", "流量", "quantity", None, "m**3/s", required=False, alternatives=("m**3",)
        ),
        ColumnDef(
            "level", "水平", "quantity", None, "mg/L", nullable=True, assume_unit=True,
            unit_column=None,
        ),
        ColumnDef("n", "次数", "int", required=False, bounds=(1, 10)),
    ),
    ignored=("chain_sha256",),
    positions=True,
)  # fmt: skip


def _norm(rows: list[dict]):
    return normalise(pd.DataFrame(rows), TOY, source="toy")


def _errors(issues) -> dict[str, str]:
    return {i.where: str(i.problem) for i in issues if i.severity == "error"}


def test_periods_dates_and_their_errors():
    df, issues = _norm([
        {"id": "A", "when": "2021年3月", "day": dt.datetime(2023, 3, 1), "level": 1},
        {"id": "B", "when": 2021, "day": "2023年3月1日", "level": 1},
        {"id": "C", "when": "2021-13", "level": 1},
        {"id": "D", "when": "202103", "day": 45000, "level": 1},
        {"id": "E", "day": "2023-02-30", "level": 1},
    ])  # fmt: skip
    errs = _errors(issues)
    assert errs["frame[2]"].startswith("'2021-13' is not a period")
    assert "'45000' is not a date" in errs["frame[3]"]
    assert "'2023-02-30' is not a valid date" in errs["frame[4]"]
    assert df["when"].tolist() == ["2021-03", "2021"]
    assert df["day"].tolist() == [pd.Timestamp("2023-03-01")] * 2
    assert parse_date("2023-02-30")[2] is not None and "not a valid date" in str(
        parse_date("2023-02-30")[2]
    )


@settings(max_examples=100, deadline=None)
@given(y=st.integers(1900, 2200), m=st.integers(1, 12), sep=st.sampled_from(["-", "/", ".", "年"]))
def test_any_spelling_of_a_month_is_one_period(y, m, sep):
    text = f"{y}{sep}{m}" + ("月" if sep == "年" else "")
    assert parse_period(text) == (f"{y}-{m:02d}", False)
    assert parse_period(dt.date(y, m, 1)) == (f"{y}-{m:02d}", False)


def test_exact_decimals_with_units_and_bounds():
    df, issues = _norm([
        {"id": "A", "kind": "b", "price": "3.2", "price_unit": "万元/t", "qty": 0.5, "unit": "万t",
         "level": 1},
        {"id": "B", "kind": "b", "price": 30000, "qty": 2, "unit": "t", "level": 1},  # blank unit → CNY/t
        {"id": "C", "kind": "b", "qty": 3, "unit": "t", "amount": "1e300", "level": 1},
        {"id": "D", "kind": "b", "qty": "1e400", "unit": "t", "level": 1},
    ])  # fmt: skip
    errs = _errors(issues)
    assert "1e+300 is beyond any plausible amount" in errs["frame[2]"]
    assert errs["frame[3]"] == "not a finite number"
    assert df["price"].tolist() == [Decimal(32000), Decimal(30000)]  # 3.2 × 10⁴ exactly
    assert df["qty"].tolist() == [Decimal(5000), Decimal(2)]
    assert all(isinstance(v, Decimal) for v in df["price"])
    assert df["price_unit"].tolist() == ["CNY/t", "CNY/t"]  # the unit the values are in now
    notes = [str(i.problem) for i in issues if i.severity == "note"]
    assert any("price without a unit, read in CNY/t" in n for n in notes)


@settings(max_examples=100, deadline=None)
@given(d=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1e9"), places=4))
def test_a_decimal_in_wan_is_exactly_ten_thousand_times(d):
    df, issues = _norm([{"id": "A", "kind": "b", "price": str(d), "price_unit": "万元/t",
                         "level": 1}])  # fmt: skip
    assert not _errors(issues)
    assert df["price"].iloc[0] == d * 10_000


def test_the_vocabularys_own_conversion_and_its_note():
    df, issues = _norm([{"id": "A", "kind": "a", "qty": 2, "unit": "gadget", "level": 1}])
    assert df["qty"].iloc[0] == Decimal(14)
    assert any("gadget read as 7 t" in str(i.problem) for i in issues if i.severity == "note")


def test_defaults_nullable_alternatives_bounds_ignored_and_positions():
    df, issues = _norm([
        {"id": "A", "flow": 2.0, "unit": "m3/s", "level": None, "n": 3, "chain_sha256": "x"},
        {"id": "B", "flow": 5.0, "unit": "万m3", "level": 2, "n": 11, "chain_sha256": "y"},
        {"id": "C", "flow": 1.0, "unit": "kg", "level": 0.5, "chain_sha256": "z"},
        {"id": "D", "kind": None, "flow": 3.0, "unit": "m3", "level": 0.1},
    ])  # fmt: skip
    errs = _errors(issues)
    assert "year 11 is outside 1–10" in errs["frame[1]"]  # spec-driven bounds
    assert "frame[2]" in errs  # kg is neither a rate nor a volume
    assert not [i for i in issues if "chain_sha256" in str(i.problem)]  # ignored quietly
    assert df["id"].tolist() == ["A", "D"] and df[POSITION].tolist() == [0, 3]
    assert df["kind"].tolist() == ["a", "a"]  # absent / empty code: its default
    assert df["flow_unit"].tolist() == ["m**3/s", "m**3"]
    assert np.isnan(df["level"].iloc[0])  # nullable: an empty cell is no error


def test_look_alike_ids_are_named_by_their_kind_and_neutralised_text_reads_back():
    _, issues = _norm([{"id": "S5\u041e", "level": 1}])
    (err,) = [i for i in issues if i.severity == "error"]
    assert str(err.problem).startswith("section id 'S5О' contains 'О' (U+041E CYRILLIC")
    assert clean_text("'@issuance") == "@issuance" and clean_text("'x") == "'x"


def test_no_keys_keeps_repeated_rows_for_the_domain():
    spec = TableDef("toy2", "玩具", (), (ColumnDef("id", "编号", "code"),))
    df, issues = normalise(pd.DataFrame({"id": ["A", "A"]}), spec)
    assert df["id"].tolist() == ["A", "A"] and not issues


def _lying_workbook(path):
    """A workbook whose <dimension> says A1:B2 for six rows, with an error cell and a formula
    without a saved value."""
    wb = Workbook()
    ws = wb.active
    ws.title = "玩具"
    ws.append(["id", "level", "n"])
    for k in range(5):
        ws.append([f"R{k}", 1.0, 2])
    ws["B3"] = "#N/A"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    key = "xl/worksheets/sheet1.xml"
    parts[key] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', parts[key])
    parts[key] = re.sub(rb'<c r="C4"([^>]*)><v>[^<]*</v></c>', rb'<c r="C4"\1><f>1+1</f></c>',
                        parts[key])  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_read_book_on_a_domain_spec(tmp_path):
    path = tmp_path / "toy.xlsx"
    _lying_workbook(path)
    book = read_book(path, {"toy": TOY})
    errs = _errors(book.issues)
    assert "Excel error value #N/A" in errs["toy.xlsx!玩具!B3"]
    assert "formula with no saved result" in errs["toy.xlsx!玩具!C4"]
    df = book.tables["toy"]
    assert df["id"].tolist() == ["R0", "R3", "R4"]  # every row read, whatever <dimension> says
    loc = book.where["toy"]
    assert (
        loc(df[POSITION].iloc[1], "n") == "toy.xlsx!玩具!C5" and loc.row(0) == "toy.xlsx!玩具!row 2"
    )
    assert set(book.sheets) == {"玩具"} and book.source.startswith("sha256=")


def test_registered_vocabularies_are_named():
    assert {"yes_no", "toy_thing"} <= set(VOCABULARIES)
    yn = VOCABULARIES["yes_no"].resolve
    assert (yn("是").canonical, yn("No").canonical, yn("perhaps").canonical) == (
        "true",
        "false",
        None,
    )


@pytest.mark.parametrize("v", ["'=SUM(A1)", "'+1", "'-x", "'@a"])
def test_unneutralised_texts(v):
    assert clean_text(v) == v[1:]
