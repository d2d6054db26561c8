"""Numbers in messages read as a reader writes them: no exponent, separators, ``sig`` digits."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from geep.inputs.plausibility import jumps
from geep.messages import language_scope, number


def test_examples():
    assert number(18753200.0) == "18,753,200"
    assert number(0.194) == "0.194"
    assert number(123.4567) == "123.457"
    assert number(-5e6) == "-5,000,000"
    assert number(0.0001234, 3) == "0.000123"
    assert number(0) == "0" and number(float("nan")) == "nan"


@given(st.floats(min_value=-1e18, max_value=1e18, allow_nan=False).filter(lambda v: abs(v) > 1e-9))
def test_no_exponent_and_close(v):
    s = number(v)
    assert "e" not in s.lower()
    back = float(s.replace(",", ""))
    assert math.isclose(back, v, rel_tol=1e-5)


def test_year_on_year_jump_names_plain_numbers():
    q = pd.DataFrame({"region_code": ["140700", "140700"], "indicator": ["x", "x"],
                      "year": [2015, 2020], "quantity": [96619500.0, 18753200.0],
                      "input_ref": ["f!q!D263", "f!q!D284"]})  # fmt: skip
    (issue,) = jumps({"quantities": q})
    with language_scope("en"):
        problem = str(issue.problem)
    assert issue.value == "18,753,200"
    assert "96,619,500 → 18,753,200" in problem and "e+" not in problem
