"""Hostile catalogue files in user folders (issue 11 item 22): bounded YAML expansion, named
encodings, strict dates and no key given twice."""

from __future__ import annotations

import time
import tracemalloc

import pytest
import yaml

import geep.coefficients as C
from geep import compensation
from geep.cli import main
from geep.coefficients.yamlsafe import MAX_NODES, check_expansion, read_yaml
from geep.errors import CoefficientTableError, SchemeError


def _bomb(levels: int = 9, width: int = 9, indent: str = "") -> str:
    """A "billion laughs" mapping: ``width ** levels`` leaves, about 1 kB of text."""
    lines = [f"{indent}l0: &l0 [{', '.join(['x'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


PROFILE = "name: boom\ntitle: {en: B, zh: B}\nstatus: draft\ndescription: d\nmethod: any\n"


def test_expansion_is_counted_over_the_composed_graph():
    node = yaml.compose("a: &x [1, 2]\nb: [*x, *x]\n", Loader=yaml.SafeLoader)
    # mapping 1 + key a 1 + [1, 2] 3 + key b 1 + [*x, *x] (1 + 3 + 3) = 13
    assert check_expansion(node) == 13
    node = yaml.compose(_bomb(6, 9), Loader=yaml.SafeLoader)
    expected = 1 + sum(1 + sum(9**j for j in range(i + 2)) for i in range(6))
    assert check_expansion(node, limit=10**9) == expected


def test_a_profile_alias_bomb_is_refused_quickly_and_small(tmp_path, capsys):
    root = tmp_path / "u"
    (root / "profiles").mkdir(parents=True)
    path = root / "profiles" / "boom.yaml"
    path.write_text(PROFILE + "tables: {}\noptions:\n" + _bomb(indent="  "), encoding="utf-8")
    assert path.stat().st_size < 1100  # 9 levels of 9 aliases: 4·10⁸ nodes expanded
    tracemalloc.start()
    t0 = time.perf_counter()
    with pytest.raises(CoefficientTableError) as info:
        C.load_profile("boom", [root])
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 2.0 and peak < 20 * 2**20  # before: > 60 s and gigabytes, then killed
    assert info.value.file == str(path)
    assert f"expand to more than {MAX_NODES:,} YAML nodes" in str(info.value)
    assert "xie-2015" in C.profiles([root])  # the other profiles are fine
    assert main(["coefficients", "--path", str(root), "profiles"]) == 1
    assert str(path) in capsys.readouterr().err


def test_a_table_alias_bomb_where_it_would_be_expanded(tmp_path, make_table):
    """Inside ``columns``, where validation and ``show --format json`` walk every node."""
    root = tmp_path / "u"
    folder = make_table(root, "t", "v1", meta={"id": "t"})
    path = folder / "table.yaml"
    text = path.read_text(encoding="utf-8") + "x_anchors:\n" + _bomb(indent="  ")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CoefficientTableError, match="aliases") as info:
        C.load("t@v1", paths=[root])
    assert info.value.file == str(path)


def test_a_scheme_alias_bomb(tmp_path):
    path = tmp_path / "schemes" / "s" / "v1" / "scheme.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("id: s\nedition: v1\nstatus: draft\n" + _bomb(), encoding="utf-8")
    assert [e.file for e in compensation.invalid_editions([tmp_path])] == [str(path)]
    with pytest.raises(SchemeError, match="aliases"):
        compensation.load("s@v1", paths=[tmp_path])


def test_aliases_within_the_bound_are_fine(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("base: &b {dtype: str}\nx: *b\ny: {<<: *b, nullable: true}\n",
                    encoding="utf-8")  # fmt: skip
    doc = read_yaml(path, CoefficientTableError)
    assert doc["x"] == {"dtype": "str"} and doc["y"] == {"dtype": "str", "nullable": True}


def test_recursive_alias_is_refused(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a: &a\n  - 1\n  - *a\n", encoding="utf-8")
    with pytest.raises(
        CoefficientTableError, match="anchor on line 1 is used inside its own value"
    ):
        read_yaml(path, CoefficientTableError)


def test_a_key_given_twice_is_an_error(tmp_path, make_table):
    root = tmp_path / "u"
    folder = make_table(root, "t", "v1", meta={"id": "t"})
    path = folder / "table.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "status: released\n", encoding="utf-8")
    with pytest.raises(CoefficientTableError) as info:
        C.load("t@v1", paths=[root])
    assert "key 'status' is given twice in one mapping (lines" in str(info.value)


def test_an_oversized_yaml_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"description: " + b"x" * (3 * 2**20) + b"\n")
    with pytest.raises(CoefficientTableError, match="bytes a catalogue YAML file may have"):
        read_yaml(path, CoefficientTableError)


def test_an_impossible_date_names_its_line(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("id: t\nvalid_from: 2024-13-45\n", encoding="utf-8")
    with pytest.raises(CoefficientTableError) as info:
        read_yaml(path, CoefficientTableError)
    text = str(info.value)
    assert "line 2 (valid_from: 2024-13-45): '2024-13-45' is not a valid date" in text
    assert "month must be in 1..12" in text and "YYYY-MM-DD" in text


def test_object_tags_are_still_refused(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("id: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(CoefficientTableError, match="could not determine a constructor"):
        read_yaml(path, CoefficientTableError)


# --- encodings ----------------------------------------------------------------------------
ZH_PROFILE = ("name: gbk\ntitle: {en: Ganzi, zh: 甘孜藏族自治州}\nstatus: draft\n"
              "description: 甘孜州二〇一〇年生态系统生产总值核算参数\nmethod: any\ntables: {}\n")  # fmt: skip
TW_PROFILE = ("name: tw\ntitle: {en: Taipei, zh: 臺北市}\nstatus: draft\n"
              "description: 這是一個測試的設定檔，資料來源為行政院主計總處\nmethod: any\ntables: {}\n")  # fmt: skip


@pytest.mark.parametrize(("name", "body", "encoding", "named"), [
    ("gbk", ZH_PROFILE, "gb18030", "GB18030"),
    ("gbk", ZH_PROFILE, "gbk", "GB18030/GBK"),
    ("tw", TW_PROFILE, "big5", "Big5"),
    ("gbk", ZH_PROFILE, "utf-16", "UTF-16"),
])  # fmt: skip
def test_a_profile_not_in_utf8_is_refused_naming_its_encoding(tmp_path, name, body, encoding,
                                                              named):  # fmt: skip
    root = tmp_path / "u"
    (root / "profiles").mkdir(parents=True)
    path = root / "profiles" / f"{name}.yaml"
    path.write_bytes(body.encode(encoding))
    with pytest.raises(CoefficientTableError) as info:
        C.load_profile(name, [root])
    assert info.value.file == str(path)
    assert f"not UTF-8 text (it looks like {named}" in str(info.value)
    assert "save the file as UTF-8" in info.value.hint and "iconv -f" in info.value.hint
    assert "xie-2015" in C.profiles([root])


def test_a_table_yaml_and_csv_not_in_utf8(tmp_path, make_table):
    root = tmp_path / "u"
    folder = make_table(root, "t", "v1", meta={"id": "t", "title": {"en": "T", "zh": "甘孜州参数"}})
    meta = folder / "table.yaml"
    meta.write_bytes(meta.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(CoefficientTableError, match="it looks like GB18030") as info:
        C.load("t@v1", paths=[root])
    assert info.value.file == str(meta)
    C.clear_cache()
    folder = make_table(root, "t2", "v1", meta={"id": "t2"},
                        csv="parameter,value,unit,evidence,source,note\n"
                            "a,1,元/m3,published,S1,甘孜州二〇一〇年价格\n".encode("gb18030"))  # fmt: skip
    with pytest.raises(CoefficientTableError, match="not UTF-8 text") as info:
        C.load("t2@v1", paths=[root])
    assert info.value.file == str(folder / "table.csv")


def test_utf8_with_a_bom_is_read(tmp_path, make_table):
    root = tmp_path / "u"
    folder = make_table(root, "t", "v1", meta={"id": "t"})
    for name in ("table.yaml", "table.csv"):
        p = folder / name
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert C.load("t@v1", paths=[root]).value("water.domestic") == 2.6


def test_base_import_does_not_load_the_io_layer():
    """The catalogue reads files itself; geep.io (and the workbook stack) load only to write."""
    import subprocess
    import sys

    code = ("import sys, geep.coefficients as C\n"
            "C.load('xie2015-factors'); C.load_profile('xie-2015'); C.catalog()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('geep.io', 'openpyxl'))))\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
