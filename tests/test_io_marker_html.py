"""HTML reports are marked as geep outputs: replaced freely while pristine, protected once edited."""

from __future__ import annotations

import pytest

from geep.io.atomic import OutputExistsError, atomic_write_bytes, guard_output, output_policy
from geep.io.marker import is_geep_html, is_geep_output, stamp_html

DOC = "<!DOCTYPE html><html><head><title>t</title></head><body>价值 1,234</body></html>"


def test_stamped_report_is_recognised_and_an_edit_breaks_the_mark(tmp_path):
    p = tmp_path / "r.html"
    p.write_bytes(stamp_html(DOC.encode("utf-8")))
    assert is_geep_html(p) and is_geep_output(p)
    text = p.read_text(encoding="utf-8")
    assert text.count('name="geep-digest"') == 1 and "geep:sha256:0000" not in text
    p.write_text(text.replace("1,234", "1,235"), encoding="utf-8")
    assert not is_geep_output(p)


def test_unmarked_html_is_not_replaced_without_force(tmp_path):
    p = tmp_path / "mine.html"
    p.write_text(DOC, encoding="utf-8")
    assert not is_geep_output(p)
    with output_policy(), pytest.raises(OutputExistsError):
        guard_output(p)
    with output_policy(force=True):
        atomic_write_bytes(p, stamp_html(DOC.encode()))
    with output_policy():  # now it is geep's: replaced without --force
        atomic_write_bytes(p, stamp_html(DOC.replace("t<", "u<").encode()))
    assert "<title>u</title>" in p.read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", [b"<html><body>no head</body></html>", stamp_html(DOC.encode())])
def test_stamp_needs_one_head_and_no_mark(doc):
    with pytest.raises(ValueError):
        stamp_html(doc)
