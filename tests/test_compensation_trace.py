"""Traces as data (issue 17): rule kernels give a message code and fields per step, the
settlement renders them in the reader's language; scheme notes in Chinese."""

from __future__ import annotations

import pickle
import re
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import geep
from geep.coefficients import ProvisionalWarning
from geep.compensation import Settlement, read_scheme
from geep.compensation import io as cio
from geep.compensation.trace import SEP, add_step, render, steps
from geep.errors import SchemeError
from geep.examples import example_path
from geep.messages import language_scope

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def fen() -> Settlement:
    ins = cio.read_inputs(example_path("compensation", "fen_example.xlsx"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        return geep.compensate("fen-river", ins["observations"][0], flows=ins["flows"][0])


def _ob(s: Settlement, lang: str) -> pd.DataFrame:
    with language_scope(lang):
        return s.obligations


def test_kernels_give_codes_and_fields_not_text(fen):
    ob = fen.obligations_cny
    codes = set(ob["trace_code"].unique()) - {""}
    assert codes == {"comp.trace.tier|eff,limit,x,band,param,amount",
                     "comp.trace.eflow|flow,floor,amount"}  # fmt: skip
    line = ob[ob["trace_code"].str.startswith("comp.trace.eflow") & ob["observed"].notna()].iloc[0]
    flow, floor, amount = line["trace_fields"].split(SEP)
    assert float(flow) == pytest.approx(line["observed"]) and floor == "15.0"
    assert amount.endswith("万元")
    assert not (ob["trace"] != "").any()  # no text is built by the kernels


def test_english_trace_keeps_its_wording(fen):
    ob = _ob(fen, "en")
    flow = ob[(ob["component"] == "eflow") & ob["observed"].notna()].iloc[0]
    # the wording geep has always written, with the numbers of the line
    expect = f"mean flow {flow['observed']:g} m3/s vs floor 15.0 m3/s → "
    assert flow["trace"].startswith(expect), flow["trace"]
    assert flow["trace"].endswith(("50.0万元", "0.0万元"))
    q = ob[(ob["component"] == "quality") & (ob["band"] == "compliant")].iloc[0]
    assert re.fullmatch(
        r"x=\([\d.]+-[\d.]+\)/[\d.]+=-[\d.]+; band compliant; quality\.amounts → 0\.0万元",
        q["trace"],
    ), q["trace"]


def test_chinese_trace_has_the_same_numbers(fen):
    en, zh = _ob(fen, "en"), _ob(fen, "zh")
    assert (en["amount"].to_numpy() == zh["amount"].to_numpy()).all()
    for a, b in zip(en["trace"], zh["trace"], strict=True):
        assert NUMBER.findall(a) == NUMBER.findall(b), (a, b)
        if a:
            assert HAN.search(b.replace("万元", "")), b
    assert not zh["trace"].str.contains("band|mean flow|floor", regex=True).any()
    # rows whose numbers are missing (excluded observations) have no trace in either language
    assert ((en["trace"] == "") == (zh["trace"] == "")).all()


def test_settlement_pickles_with_its_trace(fen):
    back = pickle.loads(pickle.dumps(fen))
    with language_scope("zh"):
        assert back.obligations["trace"].tolist() == fen.obligations["trace"].tolist()


def test_steps_cap_and_labels_render_in_both_languages():
    cols = steps(3, "comp.trace.tier", eff=pd.Series(["1.5", "0.5", "0.9"]), limit="1.0",
                 x=np.array(["0.5", "-0.5", "-0.1"]), band=np.array(["(0, 0.5]", "compliant", "compliant"]),
                 param="p.amounts", amount=np.array(["50.0万元", "0.0万元", "0.0万元"]))  # fmt: skip
    codes, fields = add_step(
        pd.Series(cols["trace_code"]), pd.Series(cols["trace_fields"]),
        np.array([True, False, False]), "comp.trace.capped", cap="40", cap_param="p.cap",
        per="line",
    )  # fmt: skip
    with language_scope("en"):
        en = render(codes, fields).tolist()
    with language_scope("zh"):
        zh = render(codes, fields).tolist()
    assert en[0] == (
        "x=(1.5-1.0)/1.0=0.5; band (0, 0.5]; p.amounts → 50.0万元; capped at 40万元 (p.cap, per line)"
    )
    assert en[1] == "x=(0.5-1.0)/1.0=-0.5; band compliant; p.amounts → 0.0万元"
    assert "封顶 40万元" in zh[0] and "每条明细" in zh[0]
    assert "达标" in zh[1] and "compliant" not in zh[1]


def test_a_missing_number_leaves_no_trace():
    cols = steps(2, "comp.trace.eflow", flow=pd.Series(["4.5", np.nan]), floor="15.0",
                 amount=np.array(["50.0万元", "0.0万元"]))  # fmt: skip
    assert cols["trace_code"].tolist() == ["comp.trace.eflow|flow,floor,amount", ""]
    assert render(pd.Series(cols["trace_code"]), pd.Series(cols["trace_fields"]))[1] == ""


def test_reported_lines_keep_their_own_trace_and_say_reported_otherwise():
    lines = pd.DataFrame({"payer": ["a", "b"], "payee": ["f", "f"], "amount": [1.0, 2.0],
                          "settlement_year": 2020})  # fmt: skip
    s = Settlement.from_lines(lines, funds=("f",))
    assert set(_ob(s, "en")["trace"]) == {"reported line"}
    assert set(_ob(s, "zh")["trace"]) == {"报送明细"}
    own = Settlement.from_lines(lines.assign(trace=["as agreed", "as agreed"]), funds=("f",))
    assert set(_ob(own, "zh")["trace"]) == {"as agreed"}  # user text is data


def test_zh_warnings_have_no_english_fragments(fen):
    with language_scope("en"):
        en = fen.warnings
    with language_scope("zh"):
        zh = fen.warnings
    assert any(w.startswith("parameter eflow.amount is unverified") for w in en)
    assert any(w.startswith("flows: ") for w in en)
    joined = "\n".join(zh)
    for word in ("parameter ", "section ", "flows:", "PLACEHOLDER", "unverified", "frozen"):
        assert word not in joined, word
    assert "参数 eflow.amount 的证据等级为 未核实" in joined
    assert "占位值" in joined and "流量数据：" in joined


def _schemes():
    import importlib

    S = importlib.import_module("geep.compensation.schemes")
    return [(sid, ed) for sid, eds in S.index().items() for ed in eds], S


def test_every_shipped_note_has_a_chinese_text():
    editions, S = _schemes()
    assert len(editions) >= 7
    for sid, ed in editions:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalWarning)
            d = S.load(sid, ed).doc
        items = [*d.parties, *d.sections, *d.components, *d.parameters.values(), d.fund,
                 d.settlement]  # fmt: skip
        missing = [getattr(x, "id", type(x).__name__) for x in items if x.note and not x.note_zh]
        assert not missing, f"{sid}@{ed}: notes without Chinese text: {missing}"
        for x in items:
            if x.note_zh:
                with language_scope("zh"):
                    assert str(x.note_text) == x.note_zh
                with language_scope("en"):
                    assert str(x.note_text) == x.note


def _copy(tmp_path: Path, sid: str, ed: str) -> Path:
    dst = tmp_path / "schemes" / sid / ed
    shutil.copytree(ROOT / "coefficients" / "schemes" / sid / ed, dst)
    return dst


def test_notes_beside_a_released_edition_leave_its_hash_alone(tmp_path):
    folder = _copy(tmp_path, "shanxi-cross-section", "2013")
    shutil.copy(ROOT / "coefficients" / "LOCK", tmp_path / "LOCK")
    bare = read_scheme(folder, tmp_path)
    assert bare.doc.fund.note_zh == ""
    with language_scope("zh"):  # a user's scheme without Chinese notes shows the note as given
        assert str(bare.doc.fund.note_text) == bare.doc.fund.note
    side = folder.parent / "2013.zh.yaml"
    side.write_text("fund: 在财政结算中扣缴\nsections: {}\n", encoding="utf-8")
    withzh = read_scheme(folder, tmp_path)
    assert withzh.sha256 == bare.sha256
    assert withzh.doc.fund.note_zh == "在财政结算中扣缴"
    side.write_text("parameters: {deduction.nope: 无}\nsections: {NOPE: 无}\n", encoding="utf-8")
    with pytest.raises(SchemeError, match=r"parameters\.deduction\.nope.*sections\.NOPE|"
                       r"sections\.NOPE.*parameters\.deduction\.nope"):  # fmt: skip
        read_scheme(folder, tmp_path)


def test_shipped_released_editions_still_match_lock():
    lock = (ROOT / "coefficients" / "LOCK").read_text(encoding="utf-8")
    editions, S = _schemes()
    for sid, ed in editions:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalWarning)
            sch = S.load(sid, ed)
        if sch.status == "released":
            assert f"schemes/{sid}@{ed} {sch.sha256}" in lock


def _cases() -> list[Settlement]:
    from test_compensation_cases import SHANXI_SECTIONS, _shanxi_obs, obs

    yl = obs([
        ("LIUZHUANG", "2020", "water_class", 2, "", "valid"),
        ("LIUZHUANG", "2021", "water_class", 4, "", "valid"),
        ("LIUZHUANG", "2019", "index", 1.0, "", "valid"),
        ("LIUZHUANG", "2020", "index", 1.5, "", "valid"),
        ("LIUZHUANG", "2021", "index", 1.4, "", "valid"),
    ])  # fmt: skip
    load = obs([("JIULI", "2020-07", "nh3n", 1.3, "mg/L", "valid")])
    flows = pd.DataFrame([("JIULI", "2020-07", 1000, "万m3")],
                         columns=["section_id", "period", "flow", "unit"])  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        return [
            geep.compensate("shanxi-cross-section@2013", _shanxi_obs(), sections=SHANXI_SECTIONS,
                            parameters={"deduction.amounts": [50, 100, 150, 200, 300]}),
            geep.compensate("yellow-river-henan-shandong", yl),
            geep.compensate("zhenjiang-taihu-load", load, flows=flows),
        ]  # fmt: skip


def test_bands_made_of_numbers_render_as_written_and_in_chinese():
    seen: set[str] = set()
    for s in _cases():
        ob = s.obligations_cny
        coded = (ob["band_code"] != "").to_numpy()
        seen |= {c for code in ob.loc[coded, "band_code"] for c in code.split("|")[0].split()}
        with language_scope("en"):
            assert (s.band_labels()[coded] == ob.loc[coded, "band"].to_numpy()).all()
        with language_scope("zh"):
            zh = s.band_labels()
            en_traces = s.obligations["trace"]
        for band in zh:
            assert not re.search(r"consecutive|whole year|pts|class|compliant|excluded", band), band
        assert en_traces.str.len().gt(0).any()
    # every assembled band of the kernels is met once here
    assert {"comp.band.class", "comp.band.pts", "comp.band.load", "comp.band.run",
            "comp.band.whole_year"} <= seen  # fmt: skip


def test_capped_lines_say_so_in_both_languages():
    s = _cases()[1]
    with language_scope("en"):
        en = s.obligations
    with language_scope("zh"):
        zh = s.obligations
    capped = en["flags"].str.contains("capped").to_numpy()
    assert capped.any()
    assert en.loc[capped, "trace"].str.contains("; capped at 4000万元").all()
    assert zh.loc[capped, "trace"].str.contains("封顶 4000万元").all()


def test_zh_parameters_sheet_speaks_of_values_not_money(fen, tmp_path):
    """A table's own words head it before the generic ones: a parameter's value is 取值 (the
    generic ``value`` of a ledger line is money, 价值); evidence by name, 是/否."""
    import openpyxl

    from geep.io.writer import headers_for

    with geep.messages.language_scope("zh"):
        assert headers_for(["value"], "zh", "stl.col")[0] == ["取值"]
        assert headers_for(["value"], "zh")[0] == ["价值"]
    path = fen.to_excel(tmp_path / "s.xlsx", lang="zh")
    ws = openpyxl.load_workbook(path)["参数"]
    head, machine, first = ([c.value for c in row] for row in ws.iter_rows(max_row=3))
    assert machine[:2] == ["parameter", "value"] and head[:2] == ["参数", "取值"]
    assert head[machine.index("source")] == "来源"
    assert first[machine.index("evidence")] == "未核实"
    assert first[machine.index("overridden")] == "否"
