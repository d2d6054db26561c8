"""One status ranking (geep.status) used by every module that ranks editions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geep.status import STATUS_RANK, STATUSES, rank, worst

GEEP = Path(__file__).resolve().parents[1] / "geep"


def test_the_ranking():
    assert STATUSES == ("released", "provisional", "draft")
    assert [rank(s) for s in STATUSES] == [0, 1, 2] == [STATUS_RANK[s] for s in STATUSES]
    assert worst([]) == "released"
    assert worst(["released", None, "draft", "provisional"]) == "draft"
    assert worst(["provisional", "released"]) == "provisional"


@pytest.mark.parametrize("odd", ["user", "releasd", ""])
def test_an_unknown_status_never_passes_for_a_stronger_one(odd):
    assert worst(["released", odd]) == odd
    assert worst([odd, "draft"]) == odd
    assert rank(odd) > rank("draft")


def test_no_module_keeps_its_own_ranking():
    """The ranking used to be defined six times; a literal copy of it is refused."""
    copy = re.compile(r"""["']released["']\s*:\s*0""")
    found = [
        str(p.relative_to(GEEP))
        for p in GEEP.rglob("*.py")
        if p.name != "status.py" and copy.search(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_models_use_the_one_status_type():
    from geep.coefficients.model import EditionMeta, Profile

    for model in (EditionMeta, Profile):
        ann = model.model_fields["status"].annotation
        assert set(getattr(ann, "__args__", ())) == set(STATUSES)
