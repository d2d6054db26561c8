"""Validation reports in Chinese (--lang zh / GEEP_LANG=zh) for bureau staff."""

from __future__ import annotations

import pandas as pd
import pytest

from geep.inputs import from_frames
from geep.messages import MESSAGES, set_language


@pytest.fixture
def zh():
    set_language("zh")
    yield
    set_language(None)


def test_report_in_chinese(zh):
    bad = pd.DataFrame(
        {
            "region_code": ["r", "r"],
            "year": [2020, 2020],
            "land_class": ["forest.braodleaf", "water"],
            "area": [1.0, -2.0],
            "unit": ["ha", "ha"],
        }
    )
    report = from_frames({"land_cover": bad}, strict=False).report
    text = str(report)
    assert "2 个错误" in text
    assert "无法识别的地类 'forest.braodleaf'" in text and "是否是指 'forest.broadleaf'" in text
    assert "面积为负" in text and "land_cover[1]" in text


def test_every_message_has_both_languages_and_the_same_fields():
    import string

    fmt = string.Formatter()
    for code, (en, zh_text) in MESSAGES.items():
        assert en.strip() and zh_text.strip(), code
        fields_en = {f for _, f, _, _ in fmt.parse(en) if f}
        fields_zh = {f for _, f, _, _ in fmt.parse(zh_text) if f}
        strip = {f.split("!")[0] for f in fields_en}, {f.split("!")[0] for f in fields_zh}
        assert strip[0] == strip[1], code
