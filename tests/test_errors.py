"""Errors: builtin bases, structured fields, rendering, pickling, languages."""

from __future__ import annotations

import pickle

import pytest

import geep.coefficients as C
from geep import errors as E
from geep.messages import did_you_mean, msg, set_language

BUILTIN_OF = {
    E.UnitError: ValueError,
    E.DimensionalityMismatchError: ValueError,
    E.CoefficientTableError: ValueError,
    E.TableNotFoundError: KeyError,
    E.EditionNotFoundError: KeyError,
    E.TamperedEditionError: ValueError,
    E.CoefficientNotFoundError: KeyError,
    E.InputError: ValueError,
    E.PriceYearError: ValueError,
    E.MethodError: ValueError,
}


def _all_error_classes() -> list[type]:
    found, todo = set(), [E.GeepError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


def _builtin_of(cls: type) -> type:
    """The builtin exception class an error also derives from (not Exception itself)."""
    builtins = [
        b
        for b in cls.__mro__
        if b.__module__ == "builtins" and b not in (Exception, BaseException, object)
    ]
    return builtins[0] if builtins else Exception


def test_listed_classes_have_the_documented_builtin():
    for cls, builtin in BUILTIN_OF.items():
        assert _builtin_of(cls) is builtin, cls


@pytest.mark.parametrize("cls", _all_error_classes(), ids=lambda c: c.__name__)
def test_every_error_is_also_a_builtin(cls):
    """Every GeepError subclass anywhere in geep can be caught as a builtin too."""
    assert _builtin_of(cls) is not Exception, f"{cls.__qualname__} derives from no builtin error"


@pytest.mark.parametrize("cls", _all_error_classes(), ids=lambda c: c.__name__)
def test_every_error_pickles(cls):
    err = cls("what is wrong", hint="how to fix", file="f.csv", row=3, column="value")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.message, back.hint, back.file, back.row, back.column) == (
        "what is wrong",
        "how to fix",
        "f.csv",
        3,
        "value",
    )
    assert str(back) == str(err)


@pytest.mark.parametrize(("cls", "builtin"), list(BUILTIN_OF.items()), ids=lambda c: c.__name__)
def test_error_pickles_with_its_fields(cls, builtin):
    err = cls(
        "something is wrong",
        hint="do this instead",
        file="inputs.xlsx",
        sheet="land_cover",
        cell="C7",
        table="xie2015-factors",
        edition="2015",
        row=7,
        column="area",
        report=["p1", "p2"],
    )
    err.available = ["2015", "2016"]  # attributes added after construction travel too
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert isinstance(back, E.GeepError) and isinstance(back, builtin)
    for name in ("message", "hint", "file", "sheet", "cell", "table", "edition", "row", "column"):
        assert getattr(back, name) == getattr(err, name)
    assert back.extra == {"report": ["p1", "p2"]}
    assert back.available == ["2015", "2016"]
    assert str(back) == str(err)
    assert back.args == ("something is wrong",)


@pytest.mark.parametrize("cls", list(BUILTIN_OF), ids=lambda c: c.__name__)
def test_catchable_as_builtin(cls):
    with pytest.raises(BUILTIN_OF[cls]):
        raise cls("x")
    with pytest.raises(E.GeepError):
        raise cls("x")


def test_str_says_where_what_and_how():
    err = E.InputError(
        "area is negative",
        hint="give a positive area",
        file="in.xlsx",
        sheet="land_cover",
        cell="C7",
    )
    assert str(err) == "in.xlsx!land_cover!C7: area is negative — give a positive area"


def test_where_for_a_table_row_and_column():
    err = E.CoefficientTableError(
        "bad", table="gep-parameters", edition="garze-2010", row=4, column="value"
    )
    assert err.where == "gep-parameters@garze-2010 row 4, column 'value'"
    err = E.CoefficientTableError("bad", file="coefficients/x/1/table.csv", row=4, column="value")
    assert err.where == "coefficients/x/1/table.csv row 4, column 'value'"
    assert str(E.UnitError("plain")) == "plain"


def test_key_errors_are_not_quoted():
    # KeyError.__str__ would render repr(arg); geep errors render their message
    assert str(E.TableNotFoundError("no coefficient table 'x'")) == "no coefficient table 'x'"


def test_real_errors_pickle(tmp_catalog, make_table):
    make_table(tmp_catalog, csv="parameter,value,unit,evidence,source,note\na,x,CNY/m3,bogus,S9,\n")
    with pytest.raises(E.CoefficientTableError) as info:
        C.load("demo", edition="v1")
    back = pickle.loads(pickle.dumps(info.value))
    assert back.problems == info.value.problems and len(back.problems) == 3
    assert str(back) == str(info.value)

    with pytest.raises(E.EditionNotFoundError) as info2:
        C.load("demo", edition="v9")
    back2 = pickle.loads(pickle.dumps(info2.value))
    assert back2.available == ["v1"] and back2.table == "demo" and back2.edition == "v9"


def test_messages_in_chinese():
    set_language("zh")
    try:
        assert msg("unit.empty") == "单位为空"
        assert "是否是指" in did_you_mean("hectar", ["ha", "mu"])
    finally:
        set_language(None)
    assert msg("unit.empty") == "empty unit string"


def test_language_from_environment(monkeypatch):
    monkeypatch.setenv("GEEP_LANG", "zh_CN")
    assert msg("coef.empty") == "必填列中有空单元格"


def test_bad_language_is_refused():
    with pytest.raises(ValueError):
        set_language("fr")
